"""The guarantees in docs/reliability.md, each proved here.

- every input yields exactly one record, whatever state it is in;
- a killed run leaves only complete records, and --resume finishes it without scoring any
  document twice or skipping one;
- a scorer that raises, returns the wrong thing, or runs too long costs only its own entry;
- scoring makes no network connection.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from biaskit import score_text
from biaskit.cli import app
from biaskit.plugins import get_plugin_manager, scorers

from .conftest import EXAMPLES

runner = CliRunner()

FAULTY = """
from biaskit import DimensionScore, Span, hookimpl

class Base:
    version = "1"
    description = "misbehaves on purpose"
    default = True

class Raises(Base):
    name = "raises"
    def score(self, doc):
        raise RuntimeError("deliberate failure")

class WrongType(Base):
    name = "wrongtype"
    def score(self, doc):
        return {"score": 0.5}

class OutOfRange(Base):
    name = "outofrange"
    def score(self, doc):
        return DimensionScore("outofrange", 1.7, "too high")

class SpanOutside(Base):
    name = "spanoutside"
    def score(self, doc):
        return DimensionScore("spanoutside", 0.5, "x",
                              spans=(Span(0, len(doc.text) + 10, "x", 1.0, "past the end"),))

class Slow(Base):
    name = "slow"
    def score(self, doc):
        while "forever" in doc.text:
            pass
        return DimensionScore("slow", 0.0, "fine")

@hookimpl
def biaskit_scorers():
    return [Raises(), WrongType(), OutOfRange(), SpanOutside(), Slow()]
"""


def _records(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_every_input_yields_exactly_one_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good1.txt").write_text((EXAMPLES / "articles" / "council-budget.txt").read_text())
    (d / "good2.txt").write_text("Officials said the talks would resume on Tuesday.")
    (d / "empty.txt").write_text("")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (d / "cp1251.txt").write_bytes("Посол заявил, что «диалог возможен».".encode("cp1251") * 3)
    (d / "latin1.txt").write_bytes("Le président a déclaré: « Non. »".encode("latin-1"))
    (d / "secret.txt").write_text("permission denied here")
    (d / "huge.txt").write_text("Officials said the talks would resume. " * 1_400_000)  # ~55 MB
    lines = [json.dumps({"id": f"j{i}", "text": f"Line {i} of the corpus."}) for i in range(5)]
    (d / "corpus.jsonl").write_text("\n".join(lines) + '\n{"id": "cut", "text": "trunc')
    (d / "emptydir").mkdir()
    expected_inputs = 8 + 6 + 1  # 8 text files, 6 JSONL lines, 1 empty folder
    real_read = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    result = runner.invoke(
        app, ["score", str(d), str(d / "emptydir"), "-p", "boilerplate", "-f", "jsonl"]
    )
    records = _records(result.stdout)
    assert len(records) == expected_inputs
    assert result.exit_code == 1
    by_name = {Path(str(r["source"]).split(":")[0]).name: r for r in records}
    errors = {name: r["errors"] for name, r in by_name.items() if r["errors"]}
    assert "empty" in str(errors["empty.txt"])
    assert "binary" in str(errors["binary.txt"])
    assert "Permission denied" in str(errors["secret.txt"])
    assert "no text files" in str(errors["emptydir"])
    assert "malformed JSON on line 6" in str(by_name["corpus.jsonl"]["errors"]) or any(
        "line 6" in str(r["errors"]) for r in records
    )
    assert by_name["cp1251.txt"]["ok"] and by_name["cp1251.txt"]["meta"]["encoding"] == "cp1251"
    assert by_name["huge.txt"]["ok"] and "truncated" in str(by_name["huge.txt"]["warnings"])


def test_scorer_faults_are_recorded_and_the_run_goes_on(
    make_dist: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    make_dist("biaskit-faulty", {"faulty_plugin": FAULTY}, {"faulty": "faulty_plugin"})
    monkeypatch.setenv("BIASKIT_LOAD_PLUGINS", "faulty,boilerplate")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("A calm article that scores fine.")
    (docs / "b.txt").write_text("This one runs forever in the slow scorer.")
    result = runner.invoke(
        app, ["score", str(docs), "-p", "all", "-f", "jsonl", "--timeout", "0.5", "-j", "1"]
    )
    a, b = _records(result.stdout)
    for record in (a, b):
        errors = record["errors"]
        assert isinstance(errors, dict)
        assert "deliberate failure" in errors["raises"]
        assert "returned dict, not DimensionScore" in errors["wrongtype"]
        assert "outside [0, 1]" in errors["outofrange"]
        assert "outside the text" in errors["spanoutside"]
        assert "boilerplate" in record["scores"]  # type: ignore[operator]
    assert "slow" in a["scores"]  # type: ignore[operator]
    assert str(b["errors"]["slow"]).startswith("timeout")  # type: ignore[index]


def _corpus(path: Path, n: int) -> list[str]:
    ids = [f"doc{i:05d}" for i in range(n)]
    text = (EXAMPLES / "articles" / "council-budget.txt").read_text()
    path.write_text("".join(json.dumps({"id": i, "text": text}) + "\n" for i in ids))
    return ids


def _kill_midway(cmd: list[str], out: Path, at_least: int) -> None:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= at_least:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_killed_run_leaves_complete_records_and_resume_finishes_it(
    tmp_path: Path, fmt: str
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    ids = _corpus(corpus, 1500)
    out = tmp_path / f"out.{fmt}"
    cmd = [sys.executable, "-m", "biaskit", "score", str(corpus), "-p", "boilerplate"]
    cmd += ["-f", fmt, "-o", str(out), "--jobs", "1", "--no-progress"]
    _kill_midway(cmd, out, at_least=100)
    written = out.read_text()
    assert written.endswith("\n")
    if fmt == "jsonl":
        first = [json.loads(line)["id"] for line in written.splitlines()]
    else:
        import csv
        import io

        first = [row["id"] for row in csv.DictReader(io.StringIO(written))]
    assert 100 <= len(first) < len(ids) and first == ids[: len(first)]
    # A partial record at the end, as a kill inside a write could leave, is cut off too.
    with out.open("a") as handle:
        handle.write('{"id": "doc0' if fmt == "jsonl" else 'doc09999,"unfinished')
    done = subprocess.run([*cmd, "--resume"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    final = out.read_text()
    if fmt == "jsonl":
        got = [json.loads(line)["id"] for line in final.splitlines()]
    else:
        import csv
        import io

        got = [row["id"] for row in csv.DictReader(io.StringIO(final))]
    assert got == ids  # each document exactly once, in input order


def test_resume_refuses_formats_it_cannot_continue(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("{}")
    result = runner.invoke(
        app, ["score", str(EXAMPLES / "articles"), "-f", "json", "-o", str(out), "--resume"]
    )
    assert result.exit_code == 2 and "--resume works with" in result.output


def test_scoring_makes_no_network_connection(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access attempted while scoring")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # fresh readability cache
    text = (EXAMPLES / "articles" / "harbour-dispute.txt").read_text()
    report = score_text(text, plugins=["all"])
    assert report.ok, report.errors
    assert set(report.scores) == set(scorers(get_plugin_manager()))
    assert attempts == []
