"""The offline CMU dictionary: written once, atomically, where NLTK will look first."""

from __future__ import annotations

from pathlib import Path

import nltk.data
import pytest
from nltk.corpus.reader.cmudict import read_cmudict_block

from biaskit_readability.cmudict_corpus import (
    cache_candidates,
    cmudict_version,
    ensure_nltk_cmudict,
    write_corpus,
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("nltk_data"))


def _entries(path: Path, words: set[str]) -> dict[str, list[list[str]]]:
    """Read the file with NLTK's own block reader, keeping only ``words``."""
    found: dict[str, list[list[str]]] = {}
    with path.open(encoding="utf-8") as stream:
        while block := read_cmudict_block(stream):
            for word, phones in block:
                if word in words:
                    found.setdefault(word, []).append(phones)
    return found


def test_corpus_is_in_nltk_layout_and_format(corpus: Path) -> None:
    assert corpus.parts[-3:] == ("corpora", "cmudict", "cmudict")
    found = _entries(corpus, {"read", "aalborg", "minister"})
    # Variants stay together, in order; trailing comments are not phones.
    assert found["read"] == [["R", "EH1", "D"], ["R", "IY1", "D"]]
    assert found["aalborg"][0] == ["AO1", "L", "B", "AO0", "R", "G"]  # had "# place, danish"
    assert all(p[-1] in "012" or p.isalpha() for prons in found.values() for v in prons for p in v)
    assert len(found["minister"]) >= 1
    assert not list(corpus.parent.glob("*.tmp")), "temporary file left behind"


def test_existing_corpus_is_reused_not_rewritten(corpus: Path) -> None:
    stamp = corpus.stat().st_mtime_ns
    assert write_corpus(corpus.parents[2]) == corpus
    assert corpus.stat().st_mtime_ns == stamp


def test_cache_dir_respects_xdg_and_falls_back_to_temp(tmp_path: Path) -> None:
    xdg = tmp_path / "xdg"
    first, last = cache_candidates({"XDG_CACHE_HOME": str(xdg)})
    assert first == xdg / "biaskit" / f"nltk_data-cmudict-{cmudict_version()}"
    assert last.parent.parent.name.startswith("biaskit-")
    # A relative XDG_CACHE_HOME is invalid under the spec and is ignored.
    assert Path("relative") not in cache_candidates({"XDG_CACHE_HOME": "relative"})[0].parents


def test_unwritable_cache_falls_through_and_goes_first_on_nltk_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nltk.data, "path", ["/elsewhere"])
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    good = tmp_path / "good"
    assert ensure_nltk_cmudict([blocker / "cache", good]) == good
    assert nltk.data.path == [str(good), "/elsewhere"]
    assert (good / "corpora" / "cmudict" / "cmudict").is_file()


def test_nowhere_writable_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nltk.data, "path", [])
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(RuntimeError, match="could not write the CMU dictionary"):
        ensure_nltk_cmudict([blocker / "one", blocker / "two"])
    assert nltk.data.path == []
