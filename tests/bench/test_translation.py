"""Translated-vs-original datasets: the generic JSONL loader, the WMT21 datasets, and
``biaskit train``/``bench`` on them end to end."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from biaskit.bench.datasets import DatasetMissing, biaskit_datasets
from biaskit.bench.splits import split_of
from biaskit.bench.translation import (
    InvalidLabel,
    JsonlLabelled,
    Wmt21,
    Wmt21Machine,
    parse_label,
    windows,
)
from biaskit.cli import app

runner = CliRunner()


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("translated", True), ("Original", False), (1, True), (0, False), (True, True),
        (False, False), ("true", True), ("0", False), (" TRANSLATED ", True),
    ],
)  # fmt: skip
def test_parse_label_accepts_the_documented_spellings(value: object, expected: bool) -> None:
    assert parse_label(value) is expected


@pytest.mark.parametrize("value", ["machine", 2, None, "", 0.5, ["translated"]])
def test_parse_label_refuses_anything_else(value: object) -> None:
    with pytest.raises(ValueError, match="neither translated"):
        parse_label(value)


def test_windows_cut_at_lines_with_at_least_min_words() -> None:
    text = "\n".join(f"line {i} has five words" for i in range(10))  # 5 words a line
    parts = windows(text, 12)
    assert [len(p.split()) for p in parts] == [15, 15, 20]  # 2 lines of tail join the last
    assert "\n".join(parts) == text
    assert windows(text, None) == [text] and windows("one two", 12) == ["one two"]
    assert windows("\n\na b c\n\n", 2) == ["\n\na b c\n\n"]


def test_jsonl_labelled_groups_share_a_split(tmp_path: Path) -> None:
    rows = [
        {"text": f"Translation {k} of article {g}.", "label": "translated", "group": f"a{g}"}
        for g in range(30)
        for k in range(3)
    ] + [{"text": f"Original story {i}.", "label": 0, "id": f"o{i}"} for i in range(30)]
    path = _write(tmp_path / "corpus.jsonl", rows)
    examples = list(JsonlLabelled(path).load(tmp_path / "unused"))
    assert len(examples) == 120
    by_group: dict[str, set[str]] = {}
    for ex in examples:
        by_group.setdefault(ex.meta["group"], set()).add(ex.split)
        assert ex.task == "documents" and len(ex.labels) == 1
    assert all(len(splits) == 1 for splits in by_group.values())
    assert by_group["a7"] == {split_of("a7")} and by_group["o3"] == {split_of("o3")}
    assert Counter(ex.labels[0] for ex in examples) == {True: 90, False: 30}
    assert set(Counter(ex.split for ex in examples)) == {"train", "dev", "test"}


def test_jsonl_labelled_reads_labelled_jsonl_under_the_data_dir(tmp_path: Path) -> None:
    _write(tmp_path / "labelled.jsonl", [{"text": "Some text.", "label": "original"}])
    (example,) = JsonlLabelled().load(tmp_path)
    assert example.labels == (False,) and example.id == "jsonl:1"


def test_jsonl_labelled_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "fine", "label": 1}\n\n{"text": "bad", "label": "maybe"}\n')
    with pytest.raises(InvalidLabel, match=r"bad\.jsonl:3: label 'maybe'"):
        list(JsonlLabelled(path).load(tmp_path))
    path.write_text('{"label": 1}\n')
    with pytest.raises(InvalidLabel, match='no "text"'):
        list(JsonlLabelled(path).load(tmp_path))
    path.write_text("not json\n")
    with pytest.raises(InvalidLabel, match=":1:"):
        list(JsonlLabelled(path).load(tmp_path))


def test_missing_files_say_where_they_looked(tmp_path: Path) -> None:
    with pytest.raises(DatasetMissing, match=r"labelled\.jsonl"):
        list(JsonlLabelled().load(tmp_path))
    with pytest.raises(DatasetMissing, match=r"wmt21-news\.jsonl"):
        list(Wmt21().load(tmp_path))


def _wmt_rows() -> list[dict[str, object]]:
    """A miniature WMT21 file: 12 articles, each in a human and two machine translations
    (the last one long enough to be cut into windows), and 20 original 10-line chunks."""
    rows: list[dict[str, object]] = []
    for d in range(12):
        lines = 4 if d < 11 else 40
        text = "\n".join(f"Sentence {i} of article {d} says something here." for i in range(lines))
        for system, kind in (("A", "human"), ("Online-B", "machine"), ("NiuTrans", "machine")):
            rows.append(
                {
                    "id": f"wmt21/src.{d}/{system}",
                    "text": text,
                    "label": "translated",
                    "translation": kind,
                    "system": system,
                    "doc": f"src.{d}",
                    "source_lang": "ru",
                }
            )
    for c in range(20):
        text = "\n".join(f"Original line {i} of chunk {c} reads like news." for i in range(10))
        rows.append(
            {
                "id": f"wmt21/en-orig/{c:04d}",
                "text": text,
                "label": "original",
                "translation": None,
                "system": None,
                "doc": None,
                "source_lang": "en",
            }
        )
    return rows


@pytest.fixture
def wmt_dir(tmp_path: Path) -> Path:
    _write(tmp_path / "translation" / "wmt21-news.jsonl", _wmt_rows())
    return tmp_path


def test_wmt21_keeps_articles_and_chunk_pairs_on_one_side(wmt_dir: Path) -> None:
    examples = list(Wmt21().load(wmt_dir))
    splits: dict[str, set[str]] = {}
    for ex in examples:
        splits.setdefault(ex.meta["group"], set()).add(ex.split)
    assert all(len(s) == 1 for s in splits.values())
    assert "wmt21:src.3" in splits and "wmt21:en-orig:4" in splits  # chunks 8 and 9
    assert sum(1 for g in splits if g.startswith("wmt21:en-orig:")) == 10
    long_windows = [ex for ex in examples if ex.meta.get("doc") == "src.11"]
    assert len(long_windows) == 3 * 3  # 40 lines of 8 words: 13, 13 and 13 + 1 lines
    assert all(len(ex.text.split()) >= 100 for ex in long_windows)
    assert {ex.id for ex in long_windows if ex.meta["system"] == "A"} == {
        "wmt21/src.11/A#0", "wmt21/src.11/A#1", "wmt21/src.11/A#2"
    }  # fmt: skip
    assert Counter(ex.labels[0] for ex in examples) == {True: 11 * 3 + 9, False: 20}


def test_wmt21_mt_is_machine_against_human_among_translations(wmt_dir: Path) -> None:
    examples = list(Wmt21Machine().load(wmt_dir))
    assert {ex.meta["translation"] for ex in examples} == {"human", "machine"}
    assert Counter(ex.labels[0] for ex in examples) == {True: 2 * 14, False: 14}
    human = {ex.split for ex in examples if ex.meta.get("doc") == "src.5"}
    assert human == {split_of("wmt21:src.5")}


def test_datasets_are_registered() -> None:
    names = {ds.name: ds for ds in biaskit_datasets()}
    assert {"wmt21", "wmt21-mt", "jsonl"} <= names.keys()
    for name in ("wmt21", "wmt21-mt", "jsonl"):
        assert names[name].task == "documents"
        assert names[name].dimension == "translation_artifacts"


def _style_rows() -> list[dict[str, object]]:
    """Two distinguishable made-up styles, 24 groups of each."""
    original = (
        "{p}'s mayor said on Tuesday that the bridge has been closed for repairs. "
        "Officials have said the work will take about two months, and residents said "
        "they had not been told. The city's engineers have found cracks, the mayor said, "
        "and shop owners said they've lost trade since it was shut down last week."
    )
    translated = (
        "The head of the administration of {p} noted that the repair of the bridge is "
        "carried out. According to the head of the department, the work of the repair of "
        "the bridge continues. In turn, the representative of the region stressed the "
        "importance of the control of the quality of the work of the contractor."
    )
    rows: list[dict[str, object]] = []
    for g in range(24):
        place = f"Town{g}"
        rows.append({"text": translated.format(p=place), "label": 1, "group": f"t{g}"})
        rows.append({"text": original.format(p=place), "label": 0, "group": f"o{g}"})
    return rows


def test_train_on_jsonl_then_bench_with_the_model(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _write(data / "labelled.jsonl", _style_rows())
    model = tmp_path / "models" / "ta.skops"
    result = runner.invoke(
        app,
        ["train", "translation_artifacts", "jsonl", "--data-dir", str(data), "-o", str(model)],
    )
    assert result.exit_code == 0, result.output
    assert model.exists() and Path(f"{model}.json").exists()
    meta = json.loads(Path(f"{model}.json").read_text())
    assert meta["dataset"] == "jsonl" and meta["params"]["C"] > 0
    result = runner.invoke(
        app,
        [
            "bench", "jsonl", "-s", f"translation_artifacts@{model}", "--data-dir", str(data),
            "--bootstrap", "20", "-o", str(tmp_path / "bench.json"),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    payload = json.loads((tmp_path / "bench.json").read_text())
    (row,) = payload["results"]
    assert row["metrics"]["macro_f1"]["value"] == 1.0
