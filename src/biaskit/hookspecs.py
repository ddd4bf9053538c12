"""The hooks a biaskit plugin can implement: the written contract between core and plugins.

Every hook is a registration hook, called once when the plugin manager starts, returning
objects. Per-document work is a plain method call on those objects, not a hook call, so
that the runner alone owns error isolation, timing and parallelism.

A plugin is a module (or object) with functions decorated by ``biaskit.hookimpl``, named
after the hooks below, registered under the ``biaskit`` entry-point group::

    [project.entry-points.biaskit]
    hedging = "biaskit_hedging"

``HOOK_VERSION`` is the version of this contract. A plugin may declare the version it was
written for as a module attribute ``biaskit_hook_version``; a plugin written for a newer
major version than the installed biaskit is reported as incompatible and not loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from biaskit.protocols import Classifier, Dataset, Reader, Scorer, Writer

HOOK_VERSION = "1.0"

hookspec = pluggy.HookspecMarker("biaskit")
hookimpl = pluggy.HookimplMarker("biaskit")


@hookspec
def biaskit_scorers() -> list[Scorer]:  # type: ignore[empty-body]
    """Return the scorers this plugin contributes, one per dimension.

    Each scorer has ``name`` (the dimension, unique across installed plugins), ``version``,
    ``description``, ``default`` (whether it runs when the user names no dimension) and
    ``score(doc: Document) -> DimensionScore``. Build scorers cheaply here: load models and
    import heavy libraries on first ``score`` call, not in this hook.

    Example::

        @biaskit.hookimpl
        def biaskit_scorers():
            return [HedgingScorer()]
    """


@hookspec
def biaskit_readers() -> list[Reader]:  # type: ignore[empty-body]
    """Return readers for input formats beyond the built-in text files, folders, JSONL and stdin.

    Each reader has ``name``, ``claims(source) -> bool`` and
    ``read(source, options) -> Iterator[Document | InputError]``. Readers contributed by
    plugins are asked before the built-in ones, so a plugin can take over a format.
    """


@hookspec
def biaskit_writers() -> list[Writer]:  # type: ignore[empty-body]
    """Return writers for output formats, selected with ``biaskit score --format NAME``.

    Each writer has ``format`` (the name users type), ``extension``, ``description`` and
    ``write(reports, stream, options)``, which consumes the reports lazily.
    """


@hookspec
def biaskit_datasets() -> list[Dataset]:  # type: ignore[empty-body]
    """Return labelled datasets for ``biaskit bench`` and ``biaskit train``.

    Each dataset has ``name``, ``task`` (the unit it labels: ``lines`` or ``sentences``),
    ``dimension``, ``description`` and ``load(data_dir) -> Iterator[Example]``. Datasets read
    their files from the directory the user names (``--data-dir`` or ``BIASKIT_DATA``) and
    never download anything.
    """


@hookspec
def biaskit_classifiers() -> list[Classifier]:  # type: ignore[empty-body]
    """Return classifiers to benchmark beside the installed scorers: baselines and adapters
    around outside tools (``biaskit bench DATASET --scorer NAME``).

    Each has ``name``, ``version``, ``tasks`` (the dataset tasks it can predict),
    ``fit(train, dev)`` and ``predict(example) -> Prediction``. Scorers need no adapter: the
    bench wraps every installed scorer itself.
    """
