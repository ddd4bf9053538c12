"""The plugin manager: built-in readers and writers, and every scorer through entry points.

Entry points are loaded one at a time, each inside its own guard, because pluggy's
``load_setuptools_entrypoints`` lets one broken plugin take the whole tool down (llm#1280).
A plugin that fails to load, targets an incompatible hook version or misspells a hook is
recorded with its reason and left out; everything else keeps working.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

import pluggy

from biaskit import hookspecs
from biaskit.hookspecs import HOOK_VERSION
from biaskit.protocols import Classifier, Dataset, Reader, Scorer, Writer

ENTRYPOINT_GROUP = "biaskit"
LOAD_ENV = "BIASKIT_LOAD_PLUGINS"

# The core's own defaults are ordinary plugins, registered like any other (pluggy's eggsample).
DEFAULT_PLUGINS = (
    "biaskit.io.readers",
    "biaskit.io.writers",
    "biaskit.io.parquet",
    "biaskit.report.html",
    "biaskit.bench.datasets",
    "biaskit.bench.classifiers",
)


class PluginConflict(RuntimeError):
    """Two installed plugins claim the same dimension or format name."""


class UnknownDimension(ValueError):
    """The user asked for a dimension no installed plugin provides."""


@dataclass(frozen=True, slots=True)
class PluginInfo:
    """What ``biaskit plugins`` shows about one plugin, loaded or not."""

    name: str
    module: str
    distribution: str
    version: str
    builtin: bool
    error: str | None = None
    scorers: tuple[str, ...] = ()


@dataclass
class _Registry:
    infos: dict[str, PluginInfo] = field(default_factory=dict)
    scorers: dict[str, Scorer] | None = None
    scorer_errors: dict[str, str] = field(default_factory=dict)


class PluginManager(pluggy.PluginManager):
    """pluggy's manager plus our own record of where each plugin came from."""

    def __init__(self) -> None:
        super().__init__(ENTRYPOINT_GROUP)
        self.add_hookspecs(hookspecs)
        self.registry = _Registry()

    @property
    def plugin_info(self) -> dict[str, PluginInfo]:
        return self.registry.infos


def get_plugin_manager(
    entrypoints: bool = True, plugins: Iterable[object] = (), load: Sequence[str] | None = None
) -> PluginManager:
    """Build a fresh plugin manager.

    A factory rather than a module global, so tests can build one with
    ``entrypoints=False`` and register in-line plugins without installed plugins leaking in.
    ``load`` (or ``BIASKIT_LOAD_PLUGINS="a,b"``) limits which entry points are loaded.
    """
    pm = PluginManager()
    for modname in DEFAULT_PLUGINS:
        module = importlib.import_module(modname)
        pm.register(module, name=modname)
        pm.registry.infos[modname] = PluginInfo(
            modname, modname, "biaskit", _biaskit_version(), builtin=True
        )
    for plugin in plugins:
        _register_guarded(pm, plugin, _plugin_name(plugin), "", "", builtin=False)
    if entrypoints:
        if load is None and LOAD_ENV in os.environ:
            load = [n.strip() for n in os.environ[LOAD_ENV].split(",") if n.strip()]
        load_entrypoints(pm, load)
    return pm


def load_entrypoints(pm: PluginManager, only: Sequence[str] | None = None) -> None:
    """Load plugins from the ``biaskit`` entry-point group, each in its own guard."""
    for ep in sorted(metadata.entry_points(group=ENTRYPOINT_GROUP), key=lambda e: e.name):
        if only is not None and ep.name not in only:
            continue
        if pm.get_plugin(ep.name) is not None or pm.is_blocked(ep.name):
            continue
        dist = ep.dist.name if ep.dist is not None else ""
        version = ep.dist.version if ep.dist is not None else ""
        builtin = dist == "biaskit"
        try:
            plugin = ep.load()
        except Exception as exc:  # any import-time failure of a third-party module
            pm.registry.infos[ep.name] = PluginInfo(
                ep.name, ep.value, dist, version, builtin, error=f"failed to import: {exc!r}"
            )
            continue
        _register_guarded(pm, plugin, ep.name, dist, version, builtin, module=ep.value)


def _register_guarded(
    pm: PluginManager,
    plugin: object,
    name: str,
    dist: str,
    version: str,
    builtin: bool,
    module: str = "",
) -> None:
    module = module or getattr(plugin, "__name__", type(plugin).__name__)
    error = _hook_version_error(plugin)
    if error is None:
        try:
            pm.register(plugin, name=name)
            pm.check_pending()
            if not pm.get_hookcallers(plugin):
                raise ValueError("it implements no biaskit hook")
        except Exception as exc:  # pluggy.PluginValidationError and friends
            if pm.get_plugin(name) is not None:
                pm.unregister(name=name)
            error = f"invalid plugin: {exc}"
    pm.registry.infos[name] = PluginInfo(name, module, dist, version, builtin, error=error)
    pm.registry.scorers = None


def _hook_version_error(plugin: object) -> str | None:
    declared = getattr(plugin, "biaskit_hook_version", None)
    if declared is None:
        return None
    try:
        major = int(str(declared).split(".")[0])
    except ValueError:
        return f"unreadable biaskit_hook_version {declared!r}"
    ours = int(HOOK_VERSION.split(".")[0])
    if major != ours:
        return f"targets biaskit hook version {declared}, this biaskit provides {HOOK_VERSION}"
    return None


def _plugin_name(plugin: object) -> str:
    return str(getattr(plugin, "__name__", None) or type(plugin).__name__)


def _biaskit_version() -> str:
    from biaskit import __version__

    return __version__


def _collect(
    pm: PluginManager, hook: str, check: Callable[[Any], str | None]
) -> list[tuple[str, Any]]:
    """Call one registration hook plugin by plugin, so a plugin that raises or returns the
    wrong thing is recorded against its own name instead of failing the whole call."""
    found: list[tuple[str, Any]] = []
    for impl in getattr(pm.hook, hook).get_hookimpls():
        try:
            items = impl.function()
            if not isinstance(items, list | tuple):
                raise TypeError(f"{hook}() must return a list, got {type(items).__name__}")
            for item in items:
                problem = check(item)
                if problem:
                    raise TypeError(f"{hook}() returned {item!r}: {problem}")
        except Exception as exc:
            _record_error(pm, impl.plugin_name, f"{hook}() failed: {exc}")
            continue
        found.extend((impl.plugin_name, item) for item in items)
    return found


def _record_error(pm: PluginManager, name: str, error: str) -> None:
    info = pm.registry.infos.get(name) or PluginInfo(name, name, "", "", builtin=False)
    pm.registry.infos[name] = PluginInfo(
        info.name, info.module, info.distribution, info.version, info.builtin, error, info.scorers
    )


def _scorer_problem(obj: Any) -> str | None:
    for attr in ("name", "version", "description"):
        if not isinstance(getattr(obj, attr, None), str):
            return f"a scorer needs a string attribute {attr!r}"
    if not callable(getattr(obj, "score", None)):
        return "a scorer needs a score(doc) method"
    return None


def scorers(pm: PluginManager) -> dict[str, Scorer]:
    """Every installed scorer by dimension name, in name order."""
    if pm.registry.scorers is not None:
        return pm.registry.scorers
    owners: dict[str, str] = {}
    found: dict[str, Scorer] = {}
    for plugin_name, scorer in _collect(pm, "biaskit_scorers", _scorer_problem):
        if scorer.name in found:
            raise PluginConflict(
                f"two plugins provide the dimension {scorer.name!r}: "
                f"{_package_of(pm, owners[scorer.name])} and {_package_of(pm, plugin_name)}"
            )
        owners[scorer.name] = plugin_name
        found[scorer.name] = scorer
        info = pm.registry.infos.get(plugin_name)
        if info is not None:
            pm.registry.infos[plugin_name] = PluginInfo(
                info.name,
                info.module,
                info.distribution,
                info.version,
                info.builtin,
                info.error,
                (*info.scorers, scorer.name),
            )
    pm.registry.scorers = dict(sorted(found.items()))
    return pm.registry.scorers


def _package_of(pm: PluginManager, plugin_name: str) -> str:
    info = pm.registry.infos.get(plugin_name)
    if info is None or not info.distribution:
        return repr(plugin_name)
    return f"{plugin_name!r} (package {info.distribution} {info.version})"


def is_default(scorer: Scorer) -> bool:
    return bool(getattr(scorer, "default", True))


def select_scorers(pm: PluginManager, names: Sequence[str] | None = None) -> list[Scorer]:
    """The scorers to run: those named, or every default one; always in name order so that
    results do not depend on the order plugins were discovered in."""
    available = scorers(pm)
    if not names:
        return [s for s in available.values() if is_default(s)]
    wanted: list[str] = []
    for raw in names:
        wanted.extend(n.strip() for n in raw.split(",") if n.strip())
    if "all" in wanted:
        return list(available.values())
    unknown = [n for n in wanted if n not in available]
    if unknown:
        raise UnknownDimension(
            f"unknown dimension(s) {', '.join(unknown)}; installed: "
            f"{', '.join(available) or 'none'}"
        )
    return [available[n] for n in sorted(set(wanted))]


def readers(pm: PluginManager) -> list[Reader]:
    """Readers in the order they are asked: plugins' first, the built-in ones last."""
    found = _collect(pm, "biaskit_readers", lambda r: _needs(r, ("name",), ("claims", "read")))
    return [r for owner, r in found if owner not in DEFAULT_PLUGINS] + [
        r for owner, r in found if owner in DEFAULT_PLUGINS
    ]


def writers(pm: PluginManager) -> dict[str, Writer]:
    """Writers by format name; a plugin's writer may not silently replace another's."""
    out: dict[str, Writer] = {}
    for _owner, writer in _collect(
        pm, "biaskit_writers", lambda w: _needs(w, ("format", "extension"), ("write",))
    ):
        if writer.format in out:
            raise PluginConflict(f"two plugins provide the output format {writer.format!r}")
        out[writer.format] = writer
    return out


def _needs(obj: Any, attrs: Sequence[str], methods: Sequence[str]) -> str | None:
    for attr in attrs:
        if not isinstance(getattr(obj, attr, None), str):
            return f"needs a string attribute {attr!r}"
    for meth in methods:
        if not callable(getattr(obj, meth, None)):
            return f"needs a method {meth!r}"
    return None


def plugin_versions(pm: PluginManager, names: Iterable[str]) -> dict[str, str]:
    """Scorer name -> scorer version, for the provenance that makes a run reproducible."""
    available = scorers(pm)
    return {n: available[n].version for n in names if n in available}


def datasets(pm: PluginManager) -> dict[str, Dataset]:
    """Benchmark datasets by name."""
    out: dict[str, Dataset] = {}
    check = lambda d: _needs(d, ("name", "task", "dimension"), ("load",))  # noqa: E731
    for _owner, dataset in _collect(pm, "biaskit_datasets", check):
        if dataset.name in out:
            raise PluginConflict(f"two plugins provide the dataset {dataset.name!r}")
        out[dataset.name] = dataset
    return dict(sorted(out.items()))


def classifiers(pm: PluginManager) -> dict[str, Classifier]:
    """Bench classifiers (baselines, adapters) by name; scorers are adapted separately."""
    out: dict[str, Classifier] = {}
    check = lambda c: _needs(c, ("name", "version"), ("fit", "predict"))  # noqa: E731
    for _owner, clf in _collect(pm, "biaskit_classifiers", check):
        if clf.name in out:
            raise PluginConflict(f"two plugins provide the classifier {clf.name!r}")
        out[clf.name] = clf
    return dict(sorted(out.items()))
