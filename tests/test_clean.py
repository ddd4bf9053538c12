"""``biaskit clean``: the library function, the command through typer's runner, and one
real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from biaskit import Document, Span
from biaskit.clean import Cleaned, clean_documents, clean_text, output_path
from biaskit.cli import app

PARA1 = (
    "The city council voted on Tuesday to close the old bridge to traffic, saying that "
    "engineers had found cracks in two of its supports during an inspection last month."
)
PARA2 = (
    "Residents who live near the river said they were worried about the detour, which adds "
    "about twenty minutes to the drive into town for many of them."
)
PARA3 = (
    "The mayor told reporters that repairs would begin in the spring and that the bridge "
    "should reopen by the end of next year if the weather allows it."
)
ARTICLE = "\n\n".join(
    [
        "Council Closes Old Bridge After Cracks Found",
        PARA1,
        "READ MORE: Flood defences to be upgraded this winter",
        PARA2,
        PARA3,
        "Share this article",
        "Tags: bridges, council, transport",
    ]
)
KEPT = "\n\n".join(["Council Closes Old Bridge After Cracks Found", PARA1, PARA2, PARA3]) + "\n"


def _span(text: str, line: str) -> Span:
    start = text.index(line)
    return Span(start, start + len(line), "furniture", 0.9, "a test line")


# --- clean_text --------------------------------------------------------------------------------


def test_removed_lines_take_their_blank_lines_with_them() -> None:
    text = "Menu\n\nFirst paragraph.\n\nREAD MORE: x\n\n\nSecond paragraph.\n\nShare\n"
    spans = [_span(text, "Menu"), _span(text, "READ MORE: x"), _span(text, "Share")]
    cleaned, removed = clean_text(text, spans)
    assert cleaned == "First paragraph.\n\nSecond paragraph.\n"
    assert [(r.line_no, r.text, r.reason) for r in removed] == [
        (1, "Menu", "a test line"),
        (5, "READ MORE: x", "a test line"),
        (10, "Share", "a test line"),
    ]


def test_one_paragraph_per_line_stays_so() -> None:
    text = "Headline\nFirst paragraph.\nShare\nSecond paragraph.\n"
    cleaned, _ = clean_text(text, [_span(text, "Share")])
    assert cleaned == "Headline\nFirst paragraph.\nSecond paragraph.\n"


def test_wrapping_and_indentation_are_kept_unless_unwrapped() -> None:
    text = "    A paragraph that was\n    wrapped by hand.\n\n    Share\n\n    Another one.\n"
    spans = [_span(text, "Share")]
    kept, _ = clean_text(text, spans)
    assert kept == "    A paragraph that was\n    wrapped by hand.\n\n    Another one.\n"
    unwrapped, _ = clean_text(text, spans, unwrap=True)
    assert unwrapped == "A paragraph that was wrapped by hand.\n\nAnother one.\n"


def test_a_line_only_partly_covered_is_kept() -> None:
    text = "Share this article with friends\n"
    cleaned, removed = clean_text(text, [Span(0, 5, "x", 1.0, "part of a line")])
    assert cleaned == text and removed == []


def test_everything_removed_leaves_nothing() -> None:
    text = "\n\nShare\n\n"
    assert clean_text(text, [_span(text, "Share")])[0] == ""


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Share", "A sentence of text.", "", "   ", "  indented", "\r", "x"]),
        max_size=15,
    ),
    st.sets(st.integers(0, 14)),
)
def test_clean_text_keeps_exactly_the_unflagged_lines(parts: list[str], drop: set[int]) -> None:
    text = "\n".join(parts)
    spans, pos = [], 0
    for i, part in enumerate(parts):
        stripped = part.strip()
        start = pos + len(part) - len(part.lstrip())
        if stripped and i in drop:
            spans.append(Span(start, start + len(stripped), "x", 1.0, "dropped"))
        pos += len(part) + 1
    cleaned, removed = clean_text(text, spans)
    expected = [p.rstrip("\r") for i, p in enumerate(parts) if p.strip() and i not in drop]
    assert [line for line in cleaned.split("\n") if line.strip()] == expected
    assert len(removed) == len(spans)
    assert "\n\n\n" not in cleaned and not cleaned.startswith("\n")


# --- clean_documents and output paths -----------------------------------------------------------


def test_clean_documents_uses_the_boilerplate_plugin() -> None:
    [result] = list(clean_documents([Document("a", ARTICLE, source="a.txt")]))
    assert result.ok and result.text == KEPT
    assert {r.kind for r in result.removed} >= {"read-more", "social-prompt", "tag-list"}
    assert all(r.reason for r in result.removed)
    assert 0 < result.share < 0.5


def test_threshold_changes_what_goes() -> None:
    doc = Document("a", ARTICLE, source="a.txt")
    [loose] = list(clean_documents([doc], threshold=0.01))
    [strict] = list(clean_documents([doc], threshold=1.0))
    assert len(loose.removed) > 3 and strict.removed == () and strict.text is not None
    with pytest.raises(ValueError):
        list(clean_documents([doc], threshold=1.5))


def test_unknown_dimension_is_an_error() -> None:
    with pytest.raises(LookupError, match="nosuch"):
        list(clean_documents([Document("a", "x")], dimension="nosuch"))


@pytest.mark.parametrize(
    ("source", "doc_id", "meta", "expected"),
    [
        ("news/a.txt", "news/a.txt", {}, "news/a.txt"),
        ("/abs/dir/b.text", "b", {}, "abs/dir/b.text"),
        ("../up/c", "c", {}, "up/c.txt"),
        ("corpus.jsonl:3", "story/42", {"line": 3}, "corpus/story_42.txt"),
        ("<stdin>", "<stdin>", {}, "stdin.txt"),
    ],
)
def test_output_paths_mirror_the_inputs(
    source: str, doc_id: str, meta: dict[str, int], expected: str
) -> None:
    assert output_path(Cleaned(doc_id, source, "x", meta=meta)).as_posix() == expected


# --- the command ----------------------------------------------------------------------------------

runner = CliRunner()


def test_cli_text_to_standard_output(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    result = runner.invoke(app, ["clean", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == KEPT


def test_cli_folder_to_a_directory_mirroring_inputs(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "one.txt").write_text(ARTICLE)
    (src / "sub" / "two.txt").write_text(ARTICLE.replace("Share this article", "Leave a Reply"))
    out = tmp_path / "out"
    result = runner.invoke(app, ["clean", str(src), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt"))
    assert [w.split("in/", 1)[1] for w in written] == ["one.txt", "sub/two.txt"]
    for path in out.rglob("*.txt"):
        assert path.read_text() == KEPT


def test_cli_jsonl_in_and_out(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": "s1", "body": ARTICLE, "outlet": "x"}, {"id": "s2", "body": PARA1}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records) + "{broken\n")
    out = tmp_path / "clean.jsonl"
    result = runner.invoke(
        app, ["clean", str(corpus), "--text-field", "body", "-f", "jsonl", "-o", str(out)]
    )
    assert result.exit_code == 1  # the broken line is a record with an error
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows[:2]] == ["s1", "s2"]
    assert rows[0]["text"] == KEPT and rows[0]["meta"]["outlet"] == "x"
    assert rows[1]["text"] == PARA1 + "\n" and rows[1]["removed"] == []
    assert {r["kind"] for r in rows[0]["removed"]} >= {"read-more", "tag-list"}
    assert rows[2]["ok"] is False and rows[2]["text"] is None and rows[2]["errors"]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_cli_csv_and_parquet_rows(tmp_path: Path, fmt: str) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": "s1", "text": ARTICLE, "outlet": "x"}, {"id": "s2", "text": PARA1}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records) + "{broken\n")
    out = tmp_path / f"clean.{fmt}"
    result = runner.invoke(app, ["clean", str(corpus), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 1  # the broken line is a row with an error
    if fmt == "csv":
        import csv

        with out.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        ok = [r["ok"] == "True" for r in rows]
    else:
        pq = pytest.importorskip("pyarrow.parquet")
        rows = pq.read_table(out).to_pylist()
        ok = [r["ok"] for r in rows]
    assert [r["id"] for r in rows[:2]] == ["s1", "s2"] and ok == [True, True, False]
    assert rows[0]["text"] == KEPT  # multi-line text survives the round trip
    assert int(rows[0]["removed_lines"]) == len(json.loads(rows[0]["removed"])) > 0
    assert json.loads(rows[0]["meta"])["outlet"] == "x"
    assert json.loads(rows[2]["errors"])


def test_cli_parquet_needs_a_file() -> None:
    result = runner.invoke(app, ["clean", "-", "-f", "parquet"], input=ARTICLE)
    assert result.exit_code == 2


def test_cli_json_and_threshold(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    result = runner.invoke(app, ["clean", str(path), "-f", "json", "--threshold", "1.0"])
    assert result.exit_code == 0, result.output
    [doc] = json.loads(result.stdout)["documents"]
    assert doc["removed"] == [] and doc["text"].startswith("Council Closes Old Bridge")


def test_cli_standard_input_and_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["clean", "-"], input=ARTICLE)
    assert result.exit_code == 0 and result.stdout == KEPT
    missing = runner.invoke(app, ["clean", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1
    afile = tmp_path / "file"
    afile.write_text("x")
    usage = runner.invoke(app, ["clean", str(tmp_path / "nope.txt"), "-o", str(afile)])
    assert usage.exit_code == 2
    bad = runner.invoke(app, ["clean", "-", "--threshold", "2"], input=ARTICLE)
    assert bad.exit_code == 2


def test_cli_several_documents_on_standard_output_are_separated(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(ARTICLE)
    result = runner.invoke(app, ["clean", str(tmp_path)])
    assert result.exit_code == 0
    assert result.stdout == KEPT + "\f\n" + KEPT


def test_real_subprocess(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "biaskit", "clean", str(path), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    [written] = list(out.rglob("a.txt"))
    assert written.read_text(encoding="utf-8") == KEPT


def test_absolute_inputs_inside_the_working_directory_stay_short(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    inside = tmp_path / "news" / "a.txt"
    assert output_path(Cleaned("a", str(inside), "x")).as_posix() == "news/a.txt"
