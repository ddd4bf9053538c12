"""Built-in writers: terminal table, JSON, JSONL, CSV and Markdown.

Streaming formats (JSONL, CSV, the terminal view) write each record as soon as it arrives
and flush, so a long run shows results early and a run killed mid-way leaves every finished
record behind. This module is itself a plugin: it contributes through ``biaskit_writers``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO, Any

import orjson

from biaskit.aggregate import corpus_summary
from biaskit.hookspecs import hookimpl
from biaskit.io.records import report_to_dict
from biaskit.model import DimensionScore, Report, Span
from biaskit.protocols import Writer

DEFAULT_MAX_SPANS = 5
EXCERPT_CHARS = 70


def excerpt(text: str | None, span: Span, limit: int = EXCERPT_CHARS) -> str:
    """The span's text on one line, shortened in the middle when long."""
    if text is None:
        return ""
    piece = " ".join(text[span.start : span.end].split())
    if len(piece) <= limit:
        return piece
    half = (limit - 1) // 2
    return f"{piece[:half]}…{piece[-half:]}"


# Spans longer than this (whole sentences, paragraphs) are shown after the short ones: a
# reader scanning a summary checks a flagged phrase at a glance, a paragraph not.
SHORT_SPAN = 100


def top_spans(score: DimensionScore, limit: int) -> list[Span]:
    """The strongest short evidence first; ties keep document order."""
    ranked = sorted(
        enumerate(score.spans),
        key=lambda p: (p[1].end - p[1].start > SHORT_SPAN, -p[1].score, p[0]),
    )
    return [span for _, span in ranked[:limit]]


def _tee(reports: Iterable[Report], seen: list[Report]) -> Iterator[Report]:
    for report in reports:
        seen.append(_light(report))
        yield report


def _light(report: Report) -> Report:
    """A copy without text and spans, enough for the corpus summary at the end of a run."""
    from dataclasses import replace

    scores = {n: replace(s, spans=(), details={}) for n, s in report.scores.items()}
    return replace(report, text=None, scores=scores)


class JsonlWriter:
    format = "jsonl"
    extension = ".jsonl"
    description = "one JSON record per line, written as each article completes"

    def write(self, reports: Iterable[Report], stream: IO[str], options: Mapping[str, Any]) -> None:
        include_text = bool(options.get("include_text"))
        for report in reports:
            line = orjson.dumps(report_to_dict(report, include_text), default=str)
            stream.write(line.decode() + "\n")
            stream.flush()


class JsonWriter:
    format = "json"
    extension = ".json"
    description = "a JSON document: every report and the corpus summary"

    def write(self, reports: Iterable[Report], stream: IO[str], options: Mapping[str, Any]) -> None:
        include_text = bool(options.get("include_text"))
        seen: list[Report] = []
        stream.write('{"reports": [\n')
        for i, report in enumerate(_tee(reports, seen)):
            body = json.dumps(report_to_dict(report, include_text), ensure_ascii=False, default=str)
            stream.write(("" if i == 0 else ",\n") + body)
        summary = json.dumps(corpus_summary(seen), ensure_ascii=False)
        stream.write(f'\n],\n"corpus": {summary}}}\n')


class CsvWriter:
    format = "csv"
    extension = ".csv"
    description = "one row per article: score, label, span count and metrics per dimension"

    def write(self, reports: Iterable[Report], stream: IO[str], options: Mapping[str, Any]) -> None:
        dims: Sequence[str] | None = options.get("dimensions")
        writer = csv.writer(stream)
        # Appending to a resumed run's file: its header is already there.
        header_done = bool(options.get("append"))
        if header_done:
            dims = list(dims or ())
        for report in reports:
            if not header_done:
                dims = list(dims) if dims else list(report.scores)
                header = ["id", "source", "ok", "summary", "errors", "warnings"]
                for d in dims:
                    header += [f"{d}_score", f"{d}_label", f"{d}_spans", f"{d}_metrics"]
                writer.writerow(header)
                header_done = True
            row: list[Any] = [
                report.id,
                report.source,
                int(report.ok),
                report.summary.get("headline", ""),
                "; ".join(f"{k}: {v}" for k, v in report.errors.items()),
                "; ".join(report.warnings),
            ]
            for d in dims or ():
                s = report.scores.get(d)
                if s is None:
                    row += ["", "", "", ""]
                else:
                    metrics = json.dumps(dict(s.metrics), sort_keys=True)
                    row += [f"{s.score:.4f}", s.label, len(s.spans), metrics]
            writer.writerow(row)
            stream.flush()


def _md(text: str) -> str:
    """Escape what would break a Markdown table cell or start markup."""
    out = text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")
    for ch in "*_[]<>#":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


class MarkdownWriter:
    format = "markdown"
    extension = ".md"
    description = "a Markdown report to paste into an issue or paper"

    def write(self, reports: Iterable[Report], stream: IO[str], options: Mapping[str, Any]) -> None:
        limit = int(options.get("max_spans") or DEFAULT_MAX_SPANS)
        seen: list[Report] = []
        stream.write("# biaskit report\n")
        for report in _tee(reports, seen):
            stream.write(f"\n## {_md(report.id)}\n\n")
            stream.write(f"**Summary:** {_md(str(report.summary.get('headline', '')))}\n\n")
            notes = [
                f"- **Error** ({_md(part)}): {_md(msg)}" for part, msg in report.errors.items()
            ]
            notes += [f"- *Warning:* {_md(warning)}" for warning in report.warnings]
            if notes:
                stream.write("\n".join(notes) + "\n\n")
            if report.scores:
                stream.write("| Dimension | Score | Label | Spans |\n|---|---:|---|---:|\n")
                for name, s in report.scores.items():
                    stream.write(f"| {name} | {s.score:.2f} | {_md(s.label)} | {len(s.spans)} |\n")
            for name, s in report.scores.items():
                spans = top_spans(s, limit)
                if not spans:
                    continue
                stream.write(f"\n**{name}**\n\n")
                for span in spans:
                    quote = _md(excerpt(report.text, span))
                    stream.write(f"- “{quote}” — {_md(span.label)}: {_md(span.note)}\n")
            stream.flush()
        if len(seen) > 1:
            stream.write("\n## Corpus\n\n" + _corpus_markdown(corpus_summary(seen)))


def _corpus_markdown(summary: Mapping[str, Any]) -> str:
    lines = [
        f"{summary['documents']} documents, {summary['with_errors']} with errors.\n",
        "| Dimension | n | Mean | Median | Min | Max |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, d in summary["dimensions"].items():
        lines.append(
            f"| {name} | {d['n']} | {d['mean']:.2f} | {d['median']:.2f} "
            f"| {d['min']:.2f} | {d['max']:.2f} |"
        )
    return "\n".join(lines) + "\n"


class TableWriter:
    format = "table"
    extension = ".txt"
    description = "a terminal view: per article, each dimension's score, label and evidence"

    def write(self, reports: Iterable[Report], stream: IO[str], options: Mapping[str, Any]) -> None:
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        limit = int(options.get("max_spans") or 3)
        console = Console(file=stream, width=options.get("width") or None, highlight=False)
        seen: list[Report] = []
        for report in _tee(reports, seen):
            table = Table(
                title=f"[bold]{escape(report.id)}[/]",
                caption=escape(str(report.summary.get("headline", ""))),
                expand=True,
                show_lines=True,
            )
            table.add_column("dimension", no_wrap=True)
            table.add_column("score", justify="right", no_wrap=True)
            table.add_column("label")
            table.add_column("evidence", ratio=3)
            for name, s in report.scores.items():
                evidence = "\n".join(
                    f"“{escape(excerpt(report.text, sp, 60))}” [dim]{escape(sp.note)}[/]"
                    for sp in top_spans(s, limit)
                )
                table.add_row(name, f"{s.score:.2f}", escape(s.label), evidence)
            for part, message in report.errors.items():
                table.add_row(f"[red]{escape(part)}[/]", "—", "[red]error[/]", escape(message))
            for warning in report.warnings:
                table.add_row("[yellow]warning[/]", "", "", escape(warning))
            console.print(table)
            stream.flush()
        if len(seen) > 1:
            summary = corpus_summary(seen)
            table = Table(
                title=f"corpus: {summary['documents']} documents, "
                f"{summary['with_errors']} with errors"
            )
            for col in ("dimension", "n", "mean", "median", "min", "max", "labels"):
                table.add_column(col, justify="left" if col in ("dimension", "labels") else "right")
            for name, d in summary["dimensions"].items():
                labels = ", ".join(f"{k} {v}" for k, v in d["labels"].items())
                table.add_row(
                    name,
                    str(d["n"]),
                    *(f"{d[k]:.2f}" for k in ("mean", "median", "min", "max")),
                    escape(labels),
                )
            console.print(table)


@hookimpl
def biaskit_writers() -> list[Writer]:
    return [TableWriter(), JsonWriter(), JsonlWriter(), CsvWriter(), MarkdownWriter()]
