"""``biaskit explain FILE``: one article in the terminal, its evidence coloured by dimension.

The text comes first, every flagged span coloured in its dimension's colour (the same colours
as the HTML report): a short finding (a term, a speaker) on a coloured background, a long one
(a sentence, a whole quote) in coloured letters, and words that another dimension also flags
underlined. Beneath it, the legend, each dimension's score as a bar with its verdict, and
every span's reason, dimension by dimension, in document order.

Only typer is imported at module level, so ``biaskit --help`` stays fast; the plugins, the
runner and rich's renderables are imported when the command runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from biaskit.cli_support import (
    IdFieldOption,
    InputFormat,
    InputFormatOption,
    PluginOption,
    TextFieldOption,
    chosen_scorers,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.style import Style

    from biaskit.model import Report
    from biaskit.report.colours import Colours

LONG_SPAN = 60
BAR_WIDTH = 20
# Control characters other than newline and tab: an article must not be able to move the
# cursor, retitle the window or recolour the terminal (ESC sequences), and rich would drop
# some of them silently, shifting every offset after them.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def clean(text: str) -> str:
    """Text safe to print: each control character becomes U+FFFD, one for one."""
    return _CONTROL.sub("\ufffd", text)


def explain(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="The article: a file, a folder, a glob, a JSONL corpus, or - for stdin."
        ),
    ],
    plugin: PluginOption = None,
    input_format: InputFormatOption = InputFormat.auto,
    text_field: TextFieldOption = "text",
    id_field: IdFieldOption = "id",
    max_notes: Annotated[
        int, typer.Option(min=0, help="Reasons listed per dimension; 0 lists every one.")
    ] = 0,
    width: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(min=20, help="Line width (default: the terminal's)."),
    ] = None,
    color: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option(
            "--color/--no-color", help="Force colours on or off (default: if a terminal)."
        ),
    ] = None,
) -> None:
    """Show an article with its spans coloured by dimension, then its scores and the reasons."""
    from rich.console import Console

    from biaskit import __version__
    from biaskit.io.readers import read_sources
    from biaskit.plugins import get_plugin_manager, readers
    from biaskit.runner import run

    pm = get_plugin_manager()
    chosen = chosen_scorers(pm, plugin)
    settings: dict[str, Any] = {
        "dimensions": [s.name for s in chosen],
        "input_format": InputFormat(input_format).value,
        "text_field": text_field,
        "id_field": id_field,
    }
    provenance = {"biaskit": __version__, "scorers": {s.name: s.version for s in chosen}}
    console = Console(
        width=width,
        highlight=False,
        force_terminal=color,
        no_color=None if color is None else not color,
    )
    items = read_sources(paths, settings, readers(pm))
    reports = run(items, chosen, jobs=1, provenance=provenance)
    failures = explain_reports(reports, console, settings["dimensions"], max_notes)
    raise typer.Exit(1 if failures else 0)


def render(report: Report, console: Console, colours: Colours, max_notes: int = 0) -> None:
    """Print one report: the coloured text, the legend, the scores and every reason."""
    from rich.markup import escape
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    from biaskit.report.segments import excerpt, report_marks, segments

    colours.add(report.scores)
    title = Text(clean(report.id), style="bold")
    if report.source and report.source != report.id:
        title.append(f"  {clean(report.source)}", style="dim")
    console.print(Rule(title, align="left"))
    meta = [f"{k}: {v}" for k, v in report.meta.items() if isinstance(v, str | int | float)]
    if meta:
        console.print(Text(clean("  ".join(meta)), style="dim"))
    for part, message in report.errors.items():
        console.print(f"[bold red]error[/] ({escape(clean(part))}): {escape(clean(message))}")
    for warning in report.warnings:
        console.print(f"[yellow]warning[/]: {escape(clean(warning))}")

    marks = report_marks(report)
    if report.text is not None:
        body = Text(clean(report.text))
        for seg in segments(len(report.text), marks):
            inner = seg.innermost
            if inner is None:
                continue
            style = _style(colours[inner.dimension], inner.length > LONG_SPAN)
            if len(seg.dimensions()) > 1:
                style = style + _underline()
            body.stylize(style, seg.start, seg.end)
        console.print()
        console.print(body)
        console.print()

    if not report.scores:
        return
    legend = Text("legend: ")
    for name in report.scores:
        legend.append("■ ", style=colours[name])
        legend.append(f"{clean(name)}  ")
    legend.append("  ")
    legend.append("finding", style=_style(colours[next(iter(report.scores))], False))
    legend.append(" short  ")
    legend.append("finding", style=_style(colours[next(iter(report.scores))], True))
    legend.append(" long (sentence, quote)  ")
    legend.append("underlined", style="underline")
    legend.append(" also flagged by another dimension")
    console.print(legend)

    table = Table(show_edge=False, box=None, pad_edge=False, padding=(0, 2, 0, 0))
    for col in ("dimension", "score", "", "label", "spans"):
        table.add_column(col, justify="right" if col in ("score", "spans") else "left")
    for name, s in report.scores.items():
        filled = round(s.score * BAR_WIDTH)
        bar = Text("█" * filled, style=colours[name])
        bar.append("·" * (BAR_WIDTH - filled), style="dim")
        table.add_row(
            Text(clean(name), style=f"bold {colours[name]}"),
            f"{s.score:.2f}",
            bar,
            Text(clean(s.label)),
            str(len(s.spans)),
        )
    console.print(table)

    for name, s in report.scores.items():
        if not s.spans:
            continue
        console.print()
        console.print(Text(f"{clean(name)}: why", style=f"bold {colours[name]}"))
        shown = s.spans if not max_notes else s.spans[:max_notes]
        reasons = Table.grid(padding=(0, 1))
        reasons.add_column(justify="right", style="dim")
        reasons.add_column()
        for i, span in enumerate(shown, start=1):
            line = Text()
            if report.text is not None:
                quote = clean(excerpt(report.text, span.start, span.end))
                long = span.end - span.start > LONG_SPAN
                line.append(f"“{quote}”", style=_style(colours[name], long))
                line.append(" ")
            line.append(clean(span.label), style="bold")
            if span.note:
                line.append(f" — {clean(span.note)}")
            reasons.add_row(f"{i}.", line)
        console.print(reasons)
        if len(shown) < len(s.spans):
            console.print(Text(f"     … {len(s.spans) - len(shown)} more", style="dim"))
    console.print()


def _style(colour: str, long: bool) -> Style:
    from rich.style import Style

    if long:
        return Style(color=colour)
    return Style(color=_ink_on(colour), bgcolor=colour)


def _underline() -> Style:
    from rich.style import Style

    return Style(underline=True)


def _ink_on(colour: str) -> str:
    """Black or white, whichever reads better on the background colour."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if luminance > 0.45 else "#ffffff"


def explain_reports(
    reports: Iterable[Report], console: Console, dimensions: Iterable[str] = (), max_notes: int = 0
) -> int:
    """Render reports as ``biaskit explain`` does; returns how many carried errors."""
    from biaskit.report.colours import Colours

    colours = Colours(dimensions)
    failures = 0
    for report in reports:
        failures += not report.ok
        render(report, console, colours, max_notes)
    return failures
