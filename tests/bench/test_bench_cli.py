"""biaskit bench end to end on a tiny BABE-format corpus written here."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from biaskit.bench.datasets import Babe
from biaskit.cli import app

runner = CliRunner()

LOADED = ["outrageous", "disgraceful", "shameful", "radical", "hysterical", "reckless"]
NEUTRAL = ["announced", "reported", "approved", "scheduled", "published", "reviewed"]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "babe"
    folder.mkdir()
    with (folder / "final_labels_SG2.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(
            [
                "text",
                "news_link",
                "outlet",
                "topic",
                "type",
                "label_bias",
                "label_opinion",
                "biased_words",
            ]
        )
        for i in range(240):
            biased = i % 2 == 0
            word = (LOADED if biased else NEUTRAL)[i % 6]
            text = f"The council {word} plan number {i} on Tuesday."
            label = "Biased" if biased else "Non-biased"
            words = f"['{word}']" if biased else "[]"
            w.writerow([text, "", "Outlet", "topic", "center", label, "", words])
        w.writerow(["Unclear one.", "", "", "", "", "No agreement", "", "[]"])
    return tmp_path


def test_babe_loader_fixed_splits(data_dir: Path) -> None:
    first = list(Babe().load(data_dir))
    again = list(Babe().load(data_dir))
    assert len(first) == 240  # "No agreement" left out
    assert [e.split for e in first] == [e.split for e in again]
    assert {e.split for e in first} == {"train", "dev", "test"}
    biased = next(e for e in first if e.labels == (True,))
    assert biased.words and biased.words <= set(LOADED)


def test_bench_compares_lexicon_and_majority(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    result = runner.invoke(
        app,
        [
            "bench",
            "babe",
            "--data-dir",
            str(data_dir),
            "-s",
            "lexicon",
            "-s",
            "majority",
            "-f",
            "json",
            "--bootstrap",
            "50",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    by_name = {r["name"]: r for r in data["results"]}
    assert by_name["lexicon"]["metrics"]["macro_f1"]["value"] == 1.0
    assert by_name["majority"]["metrics"]["recall"]["value"] == 0.0
    comparison = data["comparisons"][0]
    assert comparison["a"] == "lexicon" and comparison["difference"] > 0.4
    assert data["provenance"]["split_sizes"]["test"] == data["documents"]
    assert str(data_dir) not in out.read_text()  # no machine paths in results


def test_bench_scores_an_installed_scorer_and_prints_markdown(data_dir: Path) -> None:
    result = runner.invoke(
        app,
        [
            "bench",
            "babe",
            "--data-dir",
            str(data_dir),
            "-s",
            "loaded_language",
            "-f",
            "markdown",
            "--bootstrap",
            "50",
        ],
    )
    assert result.exit_code == 0, result.output
    (row,) = [line for line in result.stdout.splitlines() if line.startswith("| loaded_language")]
    # The shipped model publishes the sentence cut-off it learned, so the bench measures the
    # scorer's own decisions instead of choosing a threshold on dev.
    assert row.endswith("| classifier |")


def test_missing_data_says_where_it_looked(tmp_path: Path) -> None:
    result = runner.invoke(app, ["bench", "babe", "--data-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "final_labels_SG2.csv" in result.output and "BIASKIT_DATA" in result.output


def test_bench_usage_errors(data_dir: Path) -> None:
    assert runner.invoke(app, ["bench", "nope", "--data-dir", str(data_dir)]).exit_code == 2
    bad = runner.invoke(app, ["bench", "babe", "--data-dir", str(data_dir), "-s", "zzz"])
    assert bad.exit_code == 2
