"""The PolNeAR loader and its span matching, on a tiny corpus in PolNeAR's layout written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from biaskit.bench.datasets import DatasetMissing, biaskit_datasets
from biaskit.bench.model import Example, GoldSpan, Prediction
from biaskit.bench.polnear import PolNeAR, match_exact, match_overlap, parse_ann, split_for
from biaskit.bench.report import from_json, to_markdown
from biaskit.cli import app
from biaskit.model import Span

TEXT_A = (
    'Cole said the bridge is safe. "We are ready," Ruiz said.\n'
    "It was announced on Friday.\nTraffic was slow.\n"
)
# Offsets into TEXT_A.
COLE, SAID1, CONTENT1 = (0, 4), (5, 9), (10, 28)
QUOTE, RUIZ, SAID2 = (30, 45), (46, 50), (51, 55)
IT, ANNOUNCED = (57, 59), (60, 73)
TRAFFIC, WAS, SLOW = (85, 92), (93, 96), (97, 101)

ANN_A = "\n".join(
    [
        f"T1\tSource {COLE[0]} {COLE[1]}\tCole",
        f"T2\tCue {SAID1[0]} {SAID1[1]}\tsaid",
        f"T3\tContent {CONTENT1[0]} {CONTENT1[1]}\tthe bridge is safe",
        f"T4\tAttribution {SAID1[0]} {SAID1[1]}\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        f'T5\tContent {QUOTE[0]} {QUOTE[1]}\t"We are ready,"',
        f"T6\tSource {RUIZ[0]} {RUIZ[1]}\tRuiz",
        f"T7\tCue {SAID2[0]} {SAID2[1]}\tsaid",
        f"T8\tAttribution {SAID2[0]} {SAID2[1]}\tsaid",
        "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6",
        # A span whose text runs over a line break: the text continues on the next line.
        f"T9\tContent {IT[0]} {IT[1]};{ANNOUNCED[1] + 1} {ANNOUNCED[1] + 10}\tIt",
        "on Friday",
        f"T10\tCue {ANNOUNCED[0]} {ANNOUNCED[1]}\twas announced",
        f"T11\tAttribution-no-source {ANNOUNCED[0]} {ANNOUNCED[1]}\twas announced",
        "E3\tAttribution-no-source:T11 Content:T9 Cue:T10",
        "T12\tDiscard 0 4\tCole",
        "#1\tAnnotatorNotes T3\ta note",
        "T13\tCue 999 1005\tout of range",
        "E4\tAttribution:T4 Cue:T13",
        "",
    ]
)


def _write(root: Path, split: str, name: str, text: str, anns: dict[str, str]) -> None:
    (root / split / "text").mkdir(parents=True, exist_ok=True)
    (root / split / "attributions").mkdir(parents=True, exist_ok=True)
    (root / split / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    for annotator, ann in anns.items():
        (root / split / "attributions" / f"{name}_{annotator}.ann").write_text(ann)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    root = tmp_path / "polnear" / "data"
    # Two annotators of one article: the first by name ("0aaa") is used.
    _write(root, "dev", "nyt_2016-10-01_a", TEXT_A, {"0aaa": ANN_A, "ffff": ""})
    for k in range(30):
        _write(root, "train", f"politico_2016-0{k % 9 + 1}-01_b{k}", TEXT_A, {"4b22": ANN_A})
    _write(root, "train", "no_annotation_file", "Nothing here.", {})
    return tmp_path


def test_parse_ann_roles_groups_and_fragments() -> None:
    gold = parse_ann(ANN_A, len(TEXT_A))
    by_group: dict[str, list[GoldSpan]] = {}
    for g in gold:
        by_group.setdefault(g.group, []).append(g)
    # E4's only span lies outside the text: dropped, so E4 has no spans at all.
    assert sorted(by_group) == ["E1", "E2", "E3"]
    assert {(g.label, TEXT_A[g.start : g.end]) for g in by_group["E1"]} == {
        ("Source", "Cole"),
        ("Cue", "said"),
        ("Content", "the bridge is safe"),
    }
    e3 = sorted((g.label, TEXT_A[g.start : g.end]) for g in by_group["E3"])
    assert e3 == [
        ("Attribution-no-source", "was announced"),
        ("Content", "It"),
        ("Content", "on Friday"),
        ("Cue", "was announced"),
    ]
    assert all(g.end <= len(TEXT_A) for g in gold)
    assert not any(g.label == "Discard" for g in gold)


def test_splits_map_polnear_dev_to_test_and_divide_train() -> None:
    assert split_for("anything", "dev") == "test"
    names = [f"article-{k}" for k in range(400)]
    splits = [split_for(n, "train") for n in names]
    assert set(splits) == {"train", "dev"}
    assert 0.05 < splits.count("dev") / len(splits) < 0.15
    assert splits == [split_for(n, "train") for n in names]


def test_loader(data_dir: Path) -> None:
    examples = list(PolNeAR().load(data_dir))
    assert len(examples) == 31  # the text without an annotation file is skipped
    test = [e for e in examples if e.split == "test"]
    assert len(test) == 1 and test[0].meta["annotator"] == "0aaa"
    assert {e.split for e in examples} <= {"train", "dev", "test"}
    assert all(e.task == "spans" and e.labels == () for e in examples)
    ex = test[0]
    assert {(g.label, ex.text[g.start : g.end]) for g in ex.spans if g.group == "E2"} == {
        ("Source", "Ruiz"),
        ("Cue", "said"),
        ("Content", '"We are ready,"'),
    }


def test_missing_data_says_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(DatasetMissing, match="polnear"):
        list(PolNeAR().load(tmp_path))


def test_registered() -> None:
    assert "polnear" in [d.name for d in biaskit_datasets()]


def test_one_to_one_overlap_matching_prefers_the_largest_overlap() -> None:
    gold = [((0, 10),), ((20, 30),)]
    pred = [((0, 25),), ((5, 8),)]
    # The long prediction shares 10 with the first gold span and 5 with the second; it takes
    # the first, the short one has nothing left, the second gold span stays unmatched.
    assert sorted(match_overlap(gold, pred)) == [(0, 0)]
    assert match_overlap([((0, 10),)], [((10, 20),)]) == []
    assert match_exact([((0, 5),), ((0, 5),)], [((0, 5),)]) == [(0, 0)]


def _prediction(*spans: tuple[int, int, str, str]) -> Prediction:
    return Prediction((), spans=tuple(Span(s, e, label, 1.0, "n", g) for s, e, label, g in spans))


def _example() -> Example:
    return Example(
        "x", TEXT_A, (), "test", task="spans", spans=tuple(parse_ann(ANN_A, len(TEXT_A)))
    )


def test_counts_exact_overlap_source_accuracy_and_anonymous() -> None:
    pred = _prediction(
        # Relation 1 exactly right.
        (*COLE, "speaker", "a1"),
        (*SAID1, "cue", "a1"),
        (*CONTENT1, "indirect", "a1"),
        # Relation 2: content overlaps, wrong source (the cue word), cue exact.
        (QUOTE[0], QUOTE[1] - 2, "quote", "a2"),
        (*SAID2, "cue", "a2"),
        (*SAID2, "speaker", "a2"),
        # Relation 3 found without a source: an anonymous detection.
        (*ANNOUNCED, "cue", "a3"),
        (*IT, "indirect", "a3"),
        # A relation that is not in the gold.
        (*TRAFFIC, "speaker", "a4"),
        (*WAS, "cue", "a4"),
        (*SLOW, "indirect", "a4"),
        # Other labels are not relations.
        (0, 4, "dateline", "z"),
    )
    c = PolNeAR().counts(_example(), pred)
    assert c["content_overlap"] == (3, 1, 0)
    assert c["content_exact"] == (1, 3, 2)
    assert c["cue_exact"] == (3, 1, 0)  # E4's cue is out of range: no gold cue there
    assert c["source_overlap"] == (1, 2, 1)
    assert c["source_exact"] == (1, 2, 1)
    assert c["source_accuracy"] == (2, 0, 1)
    assert c["anonymous"] == (1, 0, 0)


def test_counts_of_an_empty_prediction() -> None:
    c = PolNeAR().counts(_example(), Prediction(()))
    assert c["content_overlap"] == (0, 0, 3)
    assert c["source_overlap"] == (0, 0, 2)
    assert c["anonymous"] == (0, 0, 1)
    assert c["source_accuracy"] == (0, 0, 0)


def test_bench_end_to_end(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = CliRunner().invoke(
        app,
        [
            "bench",
            "polnear",
            "--data-dir",
            str(data_dir),
            "--bootstrap",
            "20",
            "-f",
            "markdown",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    # Span tasks have too many measures for one row: one row per measure, P/R/F1 columns.
    assert "| measure | P | R | F1 |" in result.output
    assert "| content overlap |" in result.output and "| source accuracy |" in result.output
    data = json.loads(out.read_text())
    again = to_markdown(from_json(out.read_text()))
    assert "| content overlap |" in again  # the JSON renders again without measuring
    metrics = data["results"][0]["metrics"]
    for role in ("source", "cue", "content"):
        for kind in ("exact", "overlap"):
            assert 0.0 <= metrics[f"{role}_{kind}_f1"]["value"] <= 1.0
    assert metrics["source_overlap_f1"]["value"] >= 0.5
    assert metrics["content_overlap_f1"]["value"] >= 0.5
    assert "anonymous_recall" in metrics and "source_accuracy" in metrics
