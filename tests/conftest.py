"""Shared fixtures: in-line plugins and real (temporary) installed distributions."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from biaskit import DimensionScore, Document, Span, hookimpl
from biaskit.plugins import PluginManager, get_plugin_manager

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


class CapsScorer:
    """A tiny but real scorer: the share of words written in capitals."""

    name = "caps"
    version = "1.0"
    description = "share of words in capitals"
    default = True

    def score(self, doc: Document) -> DimensionScore:
        spans = []
        words = 0
        start = None
        for i, ch in enumerate(doc.text + " "):
            if ch.isalnum():
                start = i if start is None else start
                continue
            if start is not None:
                words += 1
                word = doc.text[start:i]
                if len(word) > 1 and word.isupper():
                    spans.append(Span(start, i, "caps", 1.0, "written in capitals"))
                start = None
        share = len(spans) / words if words else 0.0
        return DimensionScore(
            "caps", share, "shouty" if share > 0.3 else "calm", tuple(spans), {"words": words}
        )


class BoomScorer:
    name = "boom"
    version = "1.0"
    description = "always raises"
    default = True

    def score(self, doc: Document) -> DimensionScore:
        raise RuntimeError("boom")


class OutOfRangeScorer:
    name = "wild"
    version = "1.0"
    description = "returns a score outside [0, 1]"
    default = False

    def score(self, doc: Document) -> DimensionScore:
        return DimensionScore("wild", 1.5, "wild")


class InlinePlugin:
    @hookimpl
    def biaskit_scorers(self) -> list[object]:
        return [CapsScorer(), BoomScorer(), OutOfRangeScorer()]


@pytest.fixture
def inline_pm() -> PluginManager:
    return get_plugin_manager(entrypoints=False, plugins=[InlinePlugin()])


@pytest.fixture
def make_dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Path]]:
    """Install a real distribution (dist-info with entry points) on sys.path for one test.

    importlib.metadata finds it exactly as it finds a pip-installed package, so plugin
    loading is exercised through genuine entry points.
    """
    created: list[str] = []

    def make(name: str, modules: dict[str, str], entry_points: dict[str, str]) -> Path:
        root = tmp_path / f"site-{name}"
        root.mkdir()
        for mod, source in modules.items():
            (root / f"{mod}.py").write_text(textwrap.dedent(source))
            created.append(mod)
        info = root / f"{name.replace('-', '_')}-0.3.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.3.0\n")
        lines = "\n".join(f"{k} = {v}" for k, v in entry_points.items())
        (info / "entry_points.txt").write_text(f"[biaskit]\n{lines}\n")
        monkeypatch.syspath_prepend(str(root))
        return root

    yield make
    for mod in created:
        sys.modules.pop(mod, None)
