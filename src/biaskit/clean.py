"""``biaskit clean``: articles with their page furniture taken out.

The boilerplate dimension finds the furniture (menus, "READ MORE" links, share and comment
prompts, credits, stamps, tag lists); this module removes those lines and writes what is
left. It reads exactly what ``biaskit score`` reads (files, folders, globs, JSONL corpora,
standard input) through the same readers, scores through the same runner, and writes:

* ``text`` (the default): the cleaned article as plain text; with ``--output DIR`` one file
  per article in DIR, mirroring the input paths as given (``news/a.txt`` ->
  ``DIR/news/a.txt``; an absolute path relative to the working directory when inside it,
  else from its root; a JSONL corpus ``c.jsonl`` -> ``DIR/c/<id>.txt``; standard input ->
  ``DIR/stdin.txt``; a second file for the same name gets ``-2``), else on standard
  output, articles separated by a form feed line;
* ``jsonl`` / ``json``: one record per article with the cleaned text, the lines removed
  (line number, offsets, kind, probability and the reason) and the furniture share;
* ``csv`` / ``parquet``: one row per article (id, source, ok, cleaned text, furniture
  share, number of lines removed, and the removed lines, errors, warnings and metadata as
  JSON), for the corpus tools that read those; Parquet needs ``biaskit[parquet]`` and
  ``--output``.

Paragraph structure is kept, not rebuilt: a removed line goes with its line break; kept
lines are written exactly as they were (indentation and hard wrapping included); where the
source separated paragraphs by blank lines the output does too, by exactly one, and none
are left at the start or the end, so no gap marks where furniture was. Hard-wrapped
paragraphs stay wrapped as the source wrapped them: re-flowing text is a guess that can
break lists, tables, addresses and verse. ``--unwrap`` joins the lines of each
blank-line-separated paragraph into one line for those who want it (it changes nothing in
text with one paragraph per line).

Every input yields one record, with the cleaned text or with an error; the exit code is 0
when every article was cleaned, 1 when any record carries an error, 2 for usage errors.
"""

from __future__ import annotations

import copy
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path, PurePath
from typing import IO, Annotated, Any, Optional

import typer

from biaskit.cli_support import (
    IdFieldOption,
    InputFormat,
    InputFormatOption,
    JobsOption,
    MaxCharsOption,
    TextFieldOption,
    err,
)
from biaskit.model import DimensionScore, Document, InputError, Report, Span

__all__ = [
    "CleanFormat",
    "Cleaned",
    "RemovedLine",
    "clean",
    "clean_documents",
    "clean_text",
    "output_path",
]

DIMENSION = "boilerplate"
FORM_FEED = "\f"


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line taken out: where it was, what kind of furniture, how sure, and why."""

    line_no: int
    start: int
    end: int
    text: str
    kind: str
    probability: float
    reason: str


@dataclass(frozen=True, slots=True)
class Cleaned:
    """One article after cleaning, or the error that kept it from being cleaned."""

    id: str
    source: str
    text: str | None
    removed: tuple[RemovedLine, ...] = ()
    share: float = 0.0  # share of the article's characters that were furniture
    meta: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    errors: Mapping[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors and self.text is not None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "ok": self.ok,
            "text": self.text,
            "boilerplate_share": round(self.share, 6),
            "removed": [
                {
                    "line_no": r.line_no,
                    "start": r.start,
                    "end": r.end,
                    "text": r.text,
                    "kind": r.kind,
                    "probability": round(r.probability, 6),
                    "reason": r.reason,
                }
                for r in self.removed
            ],
            "errors": dict(self.errors),
            "warnings": list(self.warnings),
            "meta": dict(self.meta),
        }


def clean_text(
    text: str, spans: Iterable[Span], *, unwrap: bool = False
) -> tuple[str, list[RemovedLine]]:
    """``text`` without every line a span covers, and the lines removed.

    A line is removed when one span covers all of its non-blank text (the boilerplate
    dimension's spans are whole trimmed lines). Kept lines are written as they were; blank
    lines: at most one between two kept lines, none before the first or after the last.
    """
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    removed: list[RemovedLine] = []
    kept: list[str] = []  # output lines; "" is a blank line
    j = 0
    pos = 0
    for line_no, raw in enumerate(text.split("\n"), start=1):
        line_start, pos = pos, pos + len(raw) + 1
        stripped = raw.strip()
        if not stripped:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        start = line_start + len(raw) - len(raw.lstrip())
        end = start + len(stripped)
        while j < len(ordered) and ordered[j].end <= start:
            j += 1
        span = next((s for s in ordered[j : j + 4] if s.start <= start and s.end >= end), None)
        if span is not None:
            removed.append(
                RemovedLine(line_no, start, end, stripped, span.label, span.score, span.note)
            )
            continue
        kept.append(raw.rstrip("\r"))
    while kept and kept[-1] == "":
        kept.pop()
    if unwrap:
        kept = _unwrap(kept)
    return ("\n".join(kept) + "\n" if kept else ""), removed


def _unwrap(lines: Sequence[str]) -> list[str]:
    """Each run of non-blank lines (a paragraph between blank lines) as one line."""
    out: list[str] = []
    paragraph: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            paragraph.append(line.strip())
            continue
        if paragraph:
            out.append(" ".join(paragraph))
            paragraph = []
        if line == "" and out and out[-1] != "":
            out.append("")
    while out and out[-1] == "":
        out.pop()
    return out


def _cleaned(report: Report, dimension: str, unwrap: bool) -> Cleaned:
    errors = dict(report.errors)
    result: DimensionScore | None = report.scores.get(dimension)
    if report.text is None or result is None:
        if not errors:
            errors[dimension] = f"no {dimension} result for this document"
        return Cleaned(
            report.id, report.source, None, (), 0.0, report.meta, report.warnings, errors
        )
    text, removed = clean_text(report.text, result.spans, unwrap=unwrap)
    return Cleaned(
        report.id,
        report.source,
        text,
        tuple(removed),
        float(result.score),
        report.meta,
        report.warnings,
        errors,
    )


def clean_documents(
    items: Iterable[Document | InputError],
    *,
    threshold: float | None = None,
    unwrap: bool = False,
    jobs: int = 1,
    dimension: str = DIMENSION,
    pm: Any = None,
) -> Iterator[Cleaned]:
    """Clean a stream of documents lazily, one ``Cleaned`` per input, in input order.

    The furniture is what the installed ``dimension`` scorer (the boilerplate plugin)
    flags; ``threshold`` overrides the line probability it flags at.
    """
    from biaskit.plugins import get_plugin_manager, scorers
    from biaskit.runner import run

    pm = pm or get_plugin_manager()
    available = scorers(pm)
    if dimension not in available:
        raise LookupError(
            f"no {dimension!r} scorer is installed or enabled; installed: "
            f"{', '.join(available) or 'none'}"
        )
    scorer = with_threshold(available[dimension], threshold)
    for report in run(items, [scorer], jobs=jobs, keep_text=True):
        yield _cleaned(report, dimension, unwrap)


def with_threshold(scorer: Any, threshold: float | None) -> Any:
    """A copy of ``scorer`` deciding at ``threshold`` (the scorer itself when None)."""
    if threshold is None:
        return scorer
    if not hasattr(scorer, "threshold"):
        raise LookupError(f"the {scorer.name} scorer has no threshold to set")
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold {threshold} is not between 0 and 1")
    clone = copy.copy(scorer)
    clone.threshold = threshold
    return clone


# --- where plain-text output goes ------------------------------------------------------------

_UNSAFE = re.compile(r"[^\w.\-]+")


def _safe_name(name: str) -> str:
    cleaned = _UNSAFE.sub("_", name).strip("._") or "document"
    return cleaned[:120]


def _relative(path: str) -> PurePath:
    """An input path as a relative path under the output directory: relative to the
    working directory when it lies inside it, else from its root; no '..'."""
    if os.path.isabs(path) and _inside_cwd(path):
        path = os.path.relpath(path, os.getcwd())
    parts = [p for p in PurePath(os.path.normpath(path)).parts if p not in ("..", ".")]
    pure = PurePath(*parts) if parts else PurePath("document")
    if pure.anchor:
        pure = pure.relative_to(pure.anchor)
    return pure if pure.parts else PurePath("document")


def _inside_cwd(path: str) -> bool:
    cwd = os.path.normcase(os.path.abspath(os.getcwd()))
    return os.path.normcase(os.path.abspath(path)).startswith(cwd + os.sep)


def output_path(cleaned: Cleaned) -> PurePath:
    """Where an article's text goes under the output directory, mirroring its input."""
    line = cleaned.meta.get("line")
    if cleaned.source in ("<stdin>", "-"):
        return PurePath("stdin.txt")
    if isinstance(line, int) and cleaned.source.endswith(f":{line}"):  # a JSONL record
        corpus = _relative(cleaned.source[: -len(f":{line}")])
        return corpus.with_suffix("") / f"{_safe_name(cleaned.id)}.txt"
    rel = _relative(cleaned.source)
    return rel if rel.suffix else rel.with_suffix(".txt")


def _write_files(results: Iterable[Cleaned], directory: Path) -> Iterator[Cleaned]:
    taken: set[PurePath] = set()
    for item in results:
        if item.ok and item.text is not None:
            rel = output_path(item)
            candidate, k = rel, 1
            while candidate in taken:  # two inputs that map to one name keep both
                k += 1
                candidate = rel.with_name(f"{rel.stem}-{k}{rel.suffix}")
            taken.add(candidate)
            target = directory / candidate
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(item.text, encoding="utf-8")
        yield item


# --- the command -----------------------------------------------------------------------------


class CleanFormat(StrEnum):
    text = "text"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    parquet = "parquet"


ROW_COLUMNS = (
    "id",
    "source",
    "ok",
    "text",
    "boilerplate_share",
    "removed_lines",
    "removed",
    "errors",
    "warnings",
    "meta",
)


def as_row(item: Cleaned) -> dict[str, Any]:
    """One flat row: scalars as they are, nested parts as JSON text."""
    record = item.as_dict()
    return {
        "id": item.id,
        "source": item.source,
        "ok": item.ok,
        "text": item.text,
        "boilerplate_share": record["boilerplate_share"],
        "removed_lines": len(item.removed),
        "removed": json.dumps(record["removed"], ensure_ascii=False),
        "errors": json.dumps(record["errors"], ensure_ascii=False),
        "warnings": json.dumps(record["warnings"], ensure_ascii=False),
        "meta": json.dumps(record["meta"], ensure_ascii=False, default=str),
    }


def clean(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, folders (recursive), globs, JSONL corpora, or - for stdin."),
    ],
    format: Annotated[
        CleanFormat,
        typer.Option(
            "--format",
            "-f",
            help="text (the cleaned article); jsonl, json, csv or parquet (with what went).",
        ),
    ] = CleanFormat.text,
    output: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional here
        typer.Option(
            "--output",
            "-o",
            help="text: a directory, one file per article mirroring the inputs; "
            "other formats: a file (required for parquet). Default: standard output.",
        ),
    ] = None,
    threshold: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option(
            min=0.0,
            max=1.0,
            help="Line probability at which a line is furniture (default: the model's).",
        ),
    ] = None,
    unwrap: Annotated[
        bool, typer.Option(help="Join the lines of each blank-line-separated paragraph.")
    ] = False,
    input_format: InputFormatOption = InputFormat.auto,
    text_field: TextFieldOption = "text",
    id_field: IdFieldOption = "id",
    jobs: JobsOption = 0,
    max_chars: MaxCharsOption = 2_000_000,
) -> None:
    """Write each article with its boilerplate lines removed, paragraphs kept."""
    from biaskit.io.readers import read_sources
    from biaskit.plugins import PluginConflict, get_plugin_manager, readers

    settings: dict[str, Any] = {
        "input_format": input_format.value,
        "text_field": text_field,
        "id_field": id_field,
        "max_chars": max_chars,
    }
    from biaskit.runner import available_cores

    text_dir = format is CleanFormat.text and output is not None
    if format is CleanFormat.parquet and output is None:
        err("parquet output is binary: give a file with --output")
        raise typer.Exit(2)
    if text_dir and output is not None and output.exists() and not output.is_dir():
        err(f"{output} exists and is not a directory (text output writes one file each)")
        raise typer.Exit(2)
    pm = get_plugin_manager()
    try:
        items = read_sources(paths, settings, readers(pm))
        results = clean_documents(
            items, threshold=threshold, unwrap=unwrap, jobs=jobs or available_cores(), pm=pm
        )
        first = next(results, None)
    except (LookupError, ValueError, PluginConflict) as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    stream_all = _chain(first, results)
    failures = 0

    def counted(items: Iterable[Cleaned]) -> Iterator[Cleaned]:
        nonlocal failures
        for item in items:
            if not item.ok:
                failures += 1
                err(f"{item.id}: " + "; ".join(f"{k}: {v}" for k, v in item.errors.items()))
            yield item

    if format is CleanFormat.text and output is not None:
        output.mkdir(parents=True, exist_ok=True)
        for _ in _write_files(counted(stream_all), output):
            pass
    elif format is CleanFormat.text:
        _write_text(counted(stream_all), sys.stdout)
    elif format is CleanFormat.parquet and output is not None:
        _write_parquet(counted(stream_all), output)
    else:
        handle: IO[str] = sys.stdout
        if output is not None:
            handle = open(output, "w", encoding="utf-8")  # noqa: SIM115 - closed below
        try:
            if format is CleanFormat.jsonl:
                for item in counted(stream_all):
                    handle.write(json.dumps(item.as_dict(), ensure_ascii=False) + "\n")
                    handle.flush()
            elif format is CleanFormat.csv:
                _write_csv(counted(stream_all), handle)
            else:
                _write_json(counted(stream_all), handle)
        finally:
            if output is not None:
                handle.close()
    raise typer.Exit(1 if failures else 0)


def _chain(first: Cleaned | None, rest: Iterator[Cleaned]) -> Iterator[Cleaned]:
    if first is not None:
        yield first
        yield from rest


def _write_text(items: Iterable[Cleaned], stream: IO[str]) -> None:
    for n, item in enumerate(items):
        if n:
            stream.write(FORM_FEED + "\n")
        if item.text is not None:
            stream.write(item.text)
        stream.flush()


def _write_json(items: Iterable[Cleaned], stream: IO[str]) -> None:
    stream.write('{"documents": [\n')
    for n, item in enumerate(items):
        stream.write(("" if n == 0 else ",\n") + json.dumps(item.as_dict(), ensure_ascii=False))
    stream.write("\n]}\n")


def _write_csv(items: Iterable[Cleaned], stream: IO[str]) -> None:
    import csv

    writer = csv.DictWriter(stream, fieldnames=ROW_COLUMNS)
    writer.writeheader()
    for item in items:
        writer.writerow(as_row(item))
        stream.flush()  # a killed run leaves whole rows


def _write_parquet(items: Iterable[Cleaned], path: Path) -> None:
    from biaskit.io.parquet import pyarrow_module, write_rows

    pa = pyarrow_module()
    types = {"ok": pa.bool_(), "boilerplate_share": pa.float64(), "removed_lines": pa.int32()}
    fields = [(name, types.get(name, pa.string())) for name in ROW_COLUMNS]
    write_rows(map(as_row, items), fields, str(path))
