"""Built-in readers: text files, folders, globs, JSONL corpora and standard input.

Readers turn every input into documents or into InputError records, never into an
exception, so that one unreadable file cannot stop a run or lose the records around it.
This module is itself a plugin: it contributes its readers through ``biaskit_readers``.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import orjson

from biaskit.hookspecs import hookimpl
from biaskit.io.decoding import NotText, decode
from biaskit.model import Document, InputError
from biaskit.protocols import Reader

Item = Document | InputError

# Folders are walked for these; a file named explicitly is read whatever its suffix.
TEXT_SUFFIXES = frozenset({".txt", ".text"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
# Corpus formats a folder walk picks up besides plain text.
CORPUS_SUFFIXES = JSONL_SUFFIXES | {".parquet"}
DEFAULT_MAX_CHARS = 2_000_000
_GLOB_CHARS = frozenset("*?[")


def make_document(
    doc_id: str,
    text: str,
    source: str,
    options: Mapping[str, Any],
    meta: Mapping[str, Any] | None = None,
    warnings: Sequence[str] = (),
) -> Item:
    """Apply the checks every reader shares: empty text is an error, overlong text is cut."""
    meta = dict(meta or {})
    notes = list(warnings)
    if not text.strip():
        return InputError(doc_id, source, "empty document: no text to score", meta)
    limit = int(options.get("max_chars") or DEFAULT_MAX_CHARS)
    if len(text) > limit:
        notes.append(f"document truncated from {len(text):,} to {limit:,} characters")
        meta["truncated_from"] = len(text)
        text = text[:limit]
    return Document(id=doc_id, text=text, source=source, meta=meta, warnings=tuple(notes))


def _decode_to_document(data: bytes, doc_id: str, source: str, options: Mapping[str, Any]) -> Item:
    try:
        decoded = decode(data)
    except NotText as exc:
        return InputError(doc_id, source, f"cannot read {source}: {exc}")
    warnings = []
    if decoded.detected:
        warnings.append(f"not UTF-8; decoded as {decoded.encoding} (detected)")
    return make_document(
        doc_id, decoded.text, source, options, {"encoding": decoded.encoding}, warnings
    )


class TextFileReader:
    """One plain-text article per file; claims any path nothing more specific claims."""

    name = "text"

    def claims(self, source: str) -> bool:
        return source != "-"

    def read(self, source: str, options: Mapping[str, Any]) -> Iterator[Item]:
        try:
            data = Path(source).read_bytes()
        except FileNotFoundError:
            yield InputError(source, source, f"no such file: {source}")
            return
        except IsADirectoryError:
            yield InputError(source, source, f"{source} is a directory")
            return
        except OSError as exc:
            yield InputError(source, source, f"cannot read {source}: {exc.strerror or exc}")
            return
        yield _decode_to_document(data, source, source, options)


class JsonlReader:
    """One article per line of a JSON Lines file; the text and id fields are configurable.

    Every other field of a record is kept as metadata (outlet, url, date...), so that reports
    can be broken down by it. A malformed line becomes an error record for that line only.
    """

    name = "jsonl"

    def claims(self, source: str) -> bool:
        return Path(source).suffix.lower() in JSONL_SUFFIXES

    def read(self, source: str, options: Mapping[str, Any]) -> Iterator[Item]:
        try:
            handle = open(source, "rb")  # noqa: SIM115 - closed below; streamed line by line
        except OSError as exc:
            yield InputError(source, source, f"cannot read {source}: {exc.strerror or exc}")
            return
        with handle:
            yield from read_jsonl_lines(handle, source, options)


def read_jsonl_lines(
    lines: Iterable[bytes], source: str, options: Mapping[str, Any]
) -> Iterator[Item]:
    text_field = str(options.get("text_field") or "text")
    id_field = str(options.get("id_field") or "id")
    for lineno, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            record = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            yield InputError(where, source, f"malformed JSON on line {lineno}: {exc}")
            continue
        if not isinstance(record, dict):
            yield InputError(where, source, f"line {lineno} is not a JSON object")
            continue
        doc_id = str(record.get(id_field, where)) if record.get(id_field) is not None else where
        text = record.get(text_field)
        if not isinstance(text, str):
            found = ", ".join(sorted(map(str, record))) or "none"
            yield InputError(
                doc_id,
                source,
                f"line {lineno} has no string field {text_field!r} (fields: {found}); "
                "choose the field with --text-field",
            )
            continue
        meta = {k: v for k, v in record.items() if k not in (text_field, id_field)}
        meta["line"] = lineno
        yield make_document(doc_id, text.replace("\r\n", "\n"), where, options, meta)


class StdinReader:
    """``-``: standard input, as one article or, with ``input_format=jsonl``, as JSON Lines."""

    name = "stdin"

    def claims(self, source: str) -> bool:
        return source == "-"

    def read(self, source: str, options: Mapping[str, Any]) -> Iterator[Item]:
        stream = sys.stdin.buffer
        if options.get("input_format") == "jsonl":
            yield from read_jsonl_lines(stream, "<stdin>", options)
            return
        yield _decode_to_document(stream.read(), "<stdin>", "<stdin>", options)


def _forced(reader: Reader, options: Mapping[str, Any]) -> bool:
    fmt = options.get("input_format") or "auto"
    return fmt != "auto" and reader.name == fmt


def read_sources(
    sources: Sequence[str], options: Mapping[str, Any], readers: Sequence[Reader]
) -> Iterator[Item]:
    """Expand folders and globs and hand every input to the first reader that claims it."""
    for source in sources:
        for path in _expand(source):
            if isinstance(path, InputError):
                yield path
                continue
            reader = _choose(path, options, readers)
            try:
                yield from reader.read(path, options)
            except Exception as exc:  # a third-party reader must not end the run
                yield InputError(path, path, f"reader {reader.name!r} failed: {exc!r}")


def count_documents(sources: Sequence[str], options: Mapping[str, Any]) -> int | None:
    """How many records the sources will yield, for a progress bar's ETA; None when that
    cannot be known without consuming the input (standard input).

    Counting lines of a JSONL file is a plain byte scan, about a second per gigabyte.
    """
    total = 0
    for source in sources:
        for path in _expand(source):
            if isinstance(path, InputError):
                total += 1
            elif path == "-":
                return None
            elif options.get("input_format") == "jsonl" or JsonlReader().claims(path):
                total += _count_lines(path)
            elif path.lower().endswith((".parquet", ".pq")):
                total += _count_rows(path)
            else:
                total += 1
    return total


def _count_rows(path: str) -> int:
    try:
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(path).metadata.num_rows)
    except Exception:
        return 1


def _count_lines(path: str) -> int:
    count = 0
    last = b"\n"
    try:
        with open(path, "rb") as handle:
            while block := handle.read(1 << 20):
                count += block.count(b"\n")
                last = block[-1:]
    except OSError:
        return 1
    return count + (last != b"\n")


def _choose(path: str, options: Mapping[str, Any], readers: Sequence[Reader]) -> Reader:
    candidates = [r for r in readers if path != "-" or r.name == "stdin"]
    for reader in candidates:
        if _forced(reader, options):
            return reader
    if options.get("input_format") == "text" and path != "-":
        return TextFileReader()
    for reader in candidates:
        if reader.claims(path):
            return reader
    return TextFileReader()  # the fallback: any file nothing more specific claims


def _expand(source: str) -> Iterator[str | InputError]:
    if source == "-":
        yield source
        return
    if os.path.isdir(source):
        found = False
        for path in _walk(source):
            found = True
            yield path
        if not found:
            yield InputError(
                source,
                source,
                f"no text files in directory {source} (looked for "
                f"{', '.join(sorted(TEXT_SUFFIXES | CORPUS_SUFFIXES))})",
            )
        return
    if not os.path.exists(source) and _GLOB_CHARS & set(source):
        matches = sorted(glob.glob(source, recursive=True))
        if not matches:
            yield InputError(source, source, f"no files match the pattern {source}")
        for match in matches:
            yield from _expand(match)
        return
    yield source


def _walk(directory: str) -> Iterator[str]:
    """Files under ``directory`` with a text or JSONL suffix, in a stable (sorted) order."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if Path(name).suffix.lower() in TEXT_SUFFIXES | CORPUS_SUFFIXES:
                yield os.path.join(root, name)


@hookimpl
def biaskit_readers() -> list[Reader]:
    # The plain-text reader is not listed: it is the fallback for whatever no reader claims.
    return [StdinReader(), JsonlReader()]
