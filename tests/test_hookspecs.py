"""The hook contract: each hook documented with its exact signature, and each exercised."""

from __future__ import annotations

import inspect
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from biaskit import Document, InputError, Report, hookimpl, hookspecs
from biaskit.bench.model import Example, Prediction
from biaskit.bench.runner import run_bench
from biaskit.io.readers import read_sources
from biaskit.plugins import (
    classifiers,
    datasets,
    get_plugin_manager,
    readers,
    scorers,
    writers,
)

from .conftest import ROOT, CapsScorer

HOOKS = [
    name
    for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
    if name.startswith("biaskit_")
]


def test_every_hook_is_documented_with_its_exact_signature() -> None:
    docs = (ROOT / "docs" / "hooks.md").read_text()
    for name in HOOKS:
        signature = f"{name}{inspect.signature(getattr(hookspecs, name))}".replace("'", "")
        assert signature in docs, f"docs/hooks.md lacks `{signature}`"


def test_every_hook_has_a_test() -> None:
    source = Path(__file__).read_text()
    for name in HOOKS:
        assert re.search(rf"^def test_hook_{name}\(", source, re.M), f"no test_hook_{name}"


def test_hook_biaskit_scorers() -> None:
    class Plugin:
        @hookimpl
        def biaskit_scorers(self) -> list[object]:
            return [CapsScorer()]

    pm = get_plugin_manager(entrypoints=False, plugins=[Plugin()])
    assert list(scorers(pm)) == ["caps"]


class UpperReader:
    name = "upper"

    def claims(self, source: str) -> bool:
        return source.endswith(".upper")

    def read(self, source: str, options: Mapping[str, Any]) -> Iterator[Document | InputError]:
        yield Document(source, Path(source).read_text().upper(), source)


def test_hook_biaskit_readers(tmp_path: Path) -> None:
    class Plugin:
        @hookimpl
        def biaskit_readers(self) -> list[object]:
            return [UpperReader()]

    (tmp_path / "a.upper").write_text("shout")
    (tmp_path / "b.txt").write_text("plain")
    pm = get_plugin_manager(entrypoints=False, plugins=[Plugin()])
    docs = list(read_sources([str(tmp_path / "a.upper"), str(tmp_path / "b.txt")], {}, readers(pm)))
    assert [d.text for d in docs if isinstance(d, Document)] == ["SHOUT", "plain"]


class CountWriter:
    format = "count"
    extension = ".txt"
    description = "number of reports"

    def write(self, reports: Iterable[Report], stream: IO[str], options: Mapping[str, Any]) -> None:
        stream.write(str(sum(1 for _ in reports)))


def test_hook_biaskit_writers() -> None:
    class Plugin:
        @hookimpl
        def biaskit_writers(self) -> list[object]:
            return [CountWriter()]

    pm = get_plugin_manager(entrypoints=False, plugins=[Plugin()])
    found = writers(pm)
    assert {"table", "json", "jsonl", "csv", "markdown", "count"} <= set(found)
    out = io.StringIO()
    found["count"].write([Report("a", "a"), Report("b", "b")], out, {})
    assert out.getvalue() == "2"


def test_hook_reference_is_regenerated() -> None:
    import runpy

    gen = runpy.run_path(str(ROOT / "docs" / "gen_hooks.py"))
    assert (ROOT / "docs" / "hooks.md").read_text() == gen["render"](), (
        "docs/hooks.md is stale: run python docs/gen_hooks.py"
    )


class TinyDataset:
    name = "tiny"
    task = "sentences"
    dimension = "caps"
    description = "two sentences"

    def load(self, data_dir: Path) -> Iterator[Example]:
        yield Example("a", "LOUD WORDS HERE", (True,), "test")
        yield Example("b", "quiet words here", (False,), "test")


def test_hook_biaskit_datasets() -> None:
    class Plugin:
        @hookimpl
        def biaskit_datasets(self) -> list[object]:
            return [TinyDataset()]

    pm = get_plugin_manager(entrypoints=False, plugins=[Plugin()])
    found = datasets(pm)
    assert {"tiny", "babe", "aeb-lines"} <= set(found)
    assert [ex.id for ex in found["tiny"].load(Path("."))] == ["a", "b"]


class AlwaysYes:
    name = "yes"
    version = "1"
    tasks = frozenset({"sentences"})

    def fit(self, train: Sequence[Example], dev: Sequence[Example]) -> None:
        pass

    def predict(self, example: Example) -> Prediction:
        return Prediction((1.0,) * len(example.labels), (True,) * len(example.labels))


def test_hook_biaskit_classifiers() -> None:
    class Plugin:
        @hookimpl
        def biaskit_classifiers(self) -> list[object]:
            return [AlwaysYes()]

    pm = get_plugin_manager(entrypoints=False, plugins=[Plugin()])
    found = classifiers(pm)
    assert {"yes", "majority", "lexicon", "justext"} <= set(found)
    result = run_bench(TinyDataset(), list(TinyDataset().load(Path("."))), [found["yes"]])
    assert result.results[0].metrics["recall"].value == 1.0
    assert result.results[0].metrics["precision"].value == 0.5
