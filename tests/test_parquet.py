"""Parquet in and out through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from biaskit.cli import app

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

runner = CliRunner()


def _corpus(path: Path, rows: int = 2500) -> None:
    table = pa.table(
        {
            "doc_id": [f"d{i}" for i in range(rows)],
            "body": [
                None if i == 7 else f"Officials said on Tuesday that talks number {i} would resume."
                for i in range(rows)
            ],
            "outlet": ["Wire" if i % 2 else "Daily" for i in range(rows)],
        }
    )
    pq.write_table(table, path, row_group_size=700)


def test_parquet_in_parquet_out(tmp_path: Path) -> None:
    src = tmp_path / "corpus.parquet"
    out = tmp_path / "reports.parquet"
    _corpus(src)
    result = runner.invoke(
        app,
        [
            "score",
            str(src),
            "--text-field",
            "body",
            "--id-field",
            "doc_id",
            "-p",
            "boilerplate",
            "-f",
            "parquet",
            "-o",
            str(out),
            "--jobs",
            "1",
        ],
    )
    assert result.exit_code == 1  # row 8 has no text: one error record
    table = pq.read_table(out)
    assert table.num_rows == 2500
    rows = table.to_pylist()
    assert [r["id"] for r in rows[:3]] == ["d0", "d1", "d2"]
    assert rows[7]["ok"] is False and "no text" in rows[7]["errors"]
    assert rows[0]["boilerplate_label"] and 0 <= rows[0]["boilerplate_score"] <= 1
    record = json.loads(rows[1]["record"])
    assert record["meta"]["outlet"] == "Wire" and record["meta"]["row"] == 2


def test_missing_text_column_is_one_clear_error(tmp_path: Path) -> None:
    src = tmp_path / "corpus.parquet"
    _corpus(src, rows=3)
    result = runner.invoke(app, ["score", str(src), "-p", "boilerplate", "-f", "jsonl"])
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert "no column 'text'" in record["errors"]["input"] and "body" in record["errors"]["input"]
