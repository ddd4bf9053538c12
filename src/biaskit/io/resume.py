"""Continuing a killed run: what the output already holds, and what is left to score.

JSONL and CSV outputs are written a whole record at a time and flushed, so a killed run
leaves complete records and at most one partial one at the end. ``completed`` drops that
tail and returns the ids already written; the resumed run skips exactly those inputs (the
first n occurrences of an id written n times) and appends the rest, so no document is
scored twice and none is skipped.
"""

from __future__ import annotations

import csv
import io
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import orjson

from biaskit.model import Document, InputError

RESUMABLE = ("jsonl", "csv")


class CannotResume(ValueError):
    """The output exists but is not a file this run can continue."""


def completed(path: Path, fmt: str) -> Counter[str]:
    """Ids of the complete records in ``path``, after cutting off a partial last record."""
    if not path.exists() or path.stat().st_size == 0:
        return Counter()
    if fmt == "jsonl":
        return _completed_jsonl(path)
    if fmt == "csv":
        return _completed_csv(path)
    raise CannotResume(f"--resume works with {' and '.join(RESUMABLE)} output, not {fmt}")


def _completed_jsonl(path: Path) -> Counter[str]:
    done: Counter[str] = Counter()
    good_end = 0
    with path.open("rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError:
                break
            if not isinstance(record, dict) or "id" not in record:
                raise CannotResume(f"{path} does not look like biaskit JSONL output")
            done[str(record["id"])] += 1
            good_end += len(line)
    _truncate(path, good_end)
    return done


def _completed_csv(path: Path) -> Counter[str]:
    raw = path.read_bytes()
    # A row ends at a newline outside quotes: cut back to the last complete one.
    text = raw.decode("utf-8", errors="replace")
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or rows[0][:1] != ["id"]:
        raise CannotResume(f"{path} does not look like biaskit CSV output")
    width = len(rows[0])
    complete = text.endswith("\n")
    body = rows[1:] if complete else rows[1:-1]
    body = [r for r in body if len(r) == width]
    if not complete or len(body) != len(rows) - 1:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerows([rows[0], *body])
        tmp = path.with_name(path.name + ".resume-tmp")
        tmp.write_text(buffer.getvalue(), encoding="utf-8", newline="")
        os.replace(tmp, path)
    return Counter(r[0] for r in body)


def _truncate(path: Path, size: int) -> None:
    if path.stat().st_size != size:
        with path.open("r+b") as handle:
            handle.truncate(size)


def skip_done(
    items: Iterable[Document | InputError], done: Counter[str]
) -> Iterator[Document | InputError]:
    """The inputs not yet in the output, in order."""
    left = Counter(done)
    for item in items:
        if left[item.id] > 0:
            left[item.id] -= 1
            continue
        yield item
