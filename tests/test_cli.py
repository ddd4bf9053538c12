"""The CLI through typer's runner and as a real subprocess."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from biaskit.cli import app

from .conftest import EXAMPLES

CAPS_PLUGIN = """
from biaskit import DimensionScore, Span, hookimpl

class Caps:
    name = "caps"
    version = "1.0"
    description = "words in capitals"
    default = True

    def score(self, doc):
        import re
        spans = tuple(Span(m.start(), m.end(), "caps", 1.0, "in capitals")
                      for m in re.finditer(r"\\b[A-Z]{2,}\\b", doc.text))
        words = max(1, len(doc.text.split()))
        return DimensionScore("caps", min(1.0, len(spans) / words), "caps", spans,
                              {"caps_words": len(spans)})

@hookimpl
def biaskit_scorers():
    return [Caps()]
"""

runner = CliRunner()


@pytest.fixture
def caps_only(make_dist: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    make_dist("biaskit-caps", {"caps_plugin": CAPS_PLUGIN}, {"caps": "caps_plugin"})
    monkeypatch.setenv("BIASKIT_LOAD_PLUGINS", "caps")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("The UN and the EU met. NATO | was | absent.")
    (folder / "b.txt").write_text("Nothing shouted here.")
    return folder


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("biaskit ")


@pytest.mark.usefixtures("caps_only")
def test_jsonl_has_one_record_per_input_and_exit_1_on_errors(corpus: Path) -> None:
    result = runner.invoke(app, ["score", str(corpus), str(corpus / "missing.txt"), "-f", "jsonl"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["id"]).name for r in records] == ["a.txt", "b.txt", "missing.txt"]
    a = records[0]
    assert a["ok"] and a["scores"]["caps"]["metrics"]["caps_words"] == 3
    assert [s["text"] for s in a["scores"]["caps"]["spans"]] == ["UN", "EU", "NATO"]
    assert a["provenance"]["scorers"] == {"caps": "1.0"}
    assert "no such file" in records[2]["errors"]["input"]


@pytest.mark.usefixtures("caps_only")
def test_clean_run_exits_0_and_writes_output_file(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["score", str(corpus), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert len(data["reports"]) == 2 and data["corpus"]["documents"] == 2


@pytest.mark.usefixtures("caps_only")
def test_csv_and_markdown_and_table(corpus: Path) -> None:
    result = runner.invoke(app, ["score", str(corpus), "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["caps_label"] for r in rows] == ["caps", "caps"]
    assert json.loads(rows[0]["caps_metrics"]) == {"caps_words": 3}

    md = runner.invoke(app, ["score", str(corpus), "-f", "markdown"]).stdout
    assert "| caps |" in md and "NATO \\| was" not in md  # excerpts are spans, escaped
    assert "## Corpus" in md

    table = runner.invoke(app, ["score", str(corpus / "a.txt")]).stdout
    assert "caps" in table and "NATO" in table


@pytest.mark.usefixtures("caps_only")
def test_usage_errors_exit_2(corpus: Path) -> None:
    assert runner.invoke(app, ["score", str(corpus), "-p", "nope"]).exit_code == 2
    assert runner.invoke(app, ["score", str(corpus), "-f", "yaml"]).exit_code == 2
    assert runner.invoke(app, ["score"]).exit_code == 2


@pytest.mark.usefixtures("caps_only")
def test_plugins_lists_name_version_package() -> None:
    result = runner.invoke(app, ["plugins", "--json"])
    rows = json.loads(result.stdout)
    caps = next(r for r in rows if r["dimension"] == "caps")
    assert caps["package"] == "biaskit-caps 0.3.0" and caps["version"] == "1.0"


def test_help_imports_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['biaskit', '--help']\n"
        "from biaskit.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'sklearn', 'numpy', 'scipy', 'textstat', 'nltk'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_subprocess_scores_the_bundled_example_with_every_builtin() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "biaskit", "score", str(EXAMPLES / "articles"), "-f", "jsonl"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) == 2
    for record in records:
        assert set(record["scores"]) == {
            "boilerplate",
            "loaded_language",
            "source_attribution",
            "translation_artifacts",
        }
        for dim in record["scores"].values():
            text_spans = [s for s in dim["spans"] if s["text"]]
            assert len(text_spans) == len(dim["spans"]) or not dim["spans"]


def test_subprocess_reads_stdin_and_reports_bad_jsonl() -> None:
    data = '{"id": "ok", "text": "A short wire story, officials said."}\n{broken\n'
    proc = subprocess.run(
        [sys.executable, "-m", "biaskit", "score", "-", "--input-format", "jsonl", "-f", "jsonl"],
        input=data,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["ok"] for r in records] == [True, False]
    assert "malformed JSON on line 2" in records[1]["errors"]["input"]


def test_plugins_command_imports_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['biaskit', 'plugins', '--json']\n"
        "from biaskit.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'sklearn', 'numpy', 'scipy', 'textstat', 'nltk', 'pyarrow', 'dask'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"
