"""The ``biaskit`` command line. Thin by design: it parses, calls the library, prints.

Exit codes: 0 when every document scored cleanly, 1 when any record carries an error, 2 for
usage and configuration errors (unknown dimension or format, conflicting plugins).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import ExitStack
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any, Optional

import typer

from biaskit import __version__
from biaskit.bench import cli as bench_cli
from biaskit.clean import clean
from biaskit.cli_support import (
    IdFieldOption,
    InputFormat,
    InputFormatOption,
    JobsOption,
    MaxCharsOption,
    PluginOption,
    TextFieldOption,
    chosen_scorers,
    err,
)
from biaskit.report.explain import explain

app = typer.Typer(
    name="biaskit",
    help="How a news article is built, dimension by dimension, with the evidence highlighted.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"biaskit {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """biaskit scores news articles: boilerplate, loaded language, attribution, translation."""


class Engine(StrEnum):
    local = "local"
    dask = "dask"


@app.command()
def score(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, folders (recursive), globs, JSONL corpora, or - for stdin."),
    ],
    plugin: PluginOption = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="table, json, jsonl, csv, markdown, html, parquet, or a plugin's.",
        ),
    ] = "table",
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write here instead of standard output."),
    ] = None,
    input_format: InputFormatOption = InputFormat.auto,
    text_field: TextFieldOption = "text",
    id_field: IdFieldOption = "id",
    jobs: JobsOption = 0,
    timeout: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option(min=0.001, help="Seconds one scorer may spend on one document."),
    ] = None,
    include_text: Annotated[
        bool, typer.Option(help="Include each article's text in JSON output.")
    ] = False,
    max_chars: MaxCharsOption = 2_000_000,
    engine: Annotated[
        Engine, typer.Option(help="local: processes on this machine; dask: a Dask cluster.")
    ] = Engine.local,
    scheduler: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Dask scheduler address (default: start a local cluster)."),
    ] = None,
    partition_size: Annotated[int, typer.Option(min=1, help="Documents per Dask task.")] = 500,
    resume: Annotated[
        bool,
        typer.Option(help="Continue a killed run: skip inputs already in --output (jsonl or csv)."),
    ] = False,
    progress: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option(help="Progress bar on standard error (default: when it is a terminal)."),
    ] = None,
) -> None:
    """Score articles and write one report per article."""
    from biaskit.io.readers import count_documents, read_sources
    from biaskit.plugins import PluginConflict, get_plugin_manager, readers, writers
    from biaskit.runner import available_cores, run

    pm = get_plugin_manager()
    chosen = chosen_scorers(pm, plugin)
    try:
        available_writers = writers(pm)
    except PluginConflict as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    if format not in available_writers:
        err(f"unknown format {format!r}; choose from {', '.join(available_writers)}")
        raise typer.Exit(2)
    settings: dict[str, Any] = {
        "dimensions": [s.name for s in chosen],
        "input_format": input_format.value,
        "text_field": text_field,
        "id_field": id_field,
        "max_chars": max_chars,
    }
    provenance = {
        "biaskit": __version__,
        "scorers": {s.name: s.version for s in chosen},
        "settings": settings,
    }
    items = read_sources(paths, settings, readers(pm))
    append = False
    if resume:
        from biaskit.io.resume import CannotResume, completed, skip_done

        if output is None:
            err("--resume needs --output: the file the killed run was writing")
            raise typer.Exit(2)
        try:
            done = completed(output, format)
        except CannotResume as exc:
            err(str(exc))
            raise typer.Exit(2) from None
        items = skip_done(items, done)
        append = output.exists() and output.stat().st_size > 0
    workers = jobs or available_cores()
    settings.update(jobs=workers, timeout=timeout, engine=engine.value)
    if engine is Engine.dask:
        from biaskit.dask_engine import run_on_cluster

        reports = run_on_cluster(
            items,
            [s.name for s in chosen],
            scheduler=scheduler,
            partition_size=partition_size,
            options={"provenance": provenance, "timeout": timeout},
        )
    else:
        reports = run(items, chosen, jobs=workers, provenance=provenance, timeout=timeout)
    failures = 0

    def counted() -> Iterator[Any]:
        nonlocal failures
        for report in reports:
            failures += not report.ok
            yield report

    options = {
        "include_text": include_text,
        "dimensions": settings["dimensions"],
        "append": append,
    }
    show_progress = progress if progress is not None else sys.stderr.isatty()
    writer = available_writers[format]
    binary = bool(getattr(writer, "binary", False))
    if binary and output is None and sys.stdout.isatty():
        err(f"the {format} format is binary: write it to a file with --output")
        raise typer.Exit(2)
    with ExitStack() as stack:
        stream: IO[Any] = sys.stdout.buffer if binary else sys.stdout
        if output is not None and binary:
            stream = stack.enter_context(open(output, "wb"))
        elif output is not None:
            mode = "a" if append else "w"
            stream = stack.enter_context(open(output, mode, encoding="utf-8", newline=""))
        stream_reports: Iterator[Any] = counted()
        if show_progress:
            total = count_documents(paths, settings)
            stream_reports = stack.enter_context(_progress(stream_reports, total))
        writer.write(stream_reports, stream, options)
    raise typer.Exit(1 if failures else 0)


class _progress:
    """A progress bar on standard error: documents done, their rate, and the time left when
    the number of documents is known in advance."""

    def __init__(self, reports: Iterator[Any], total: int | None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.reports = reports
        self.total = total
        self.bar = Progress(
            SpinnerColumn(),
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            "[cyan]{task.fields[rate]}[/] docs/s",
            TimeElapsedColumn(),
            "eta",
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )

    def __enter__(self) -> Iterator[Any]:
        import time

        self.bar.start()
        task = self.bar.add_task("scoring", total=self.total, rate="-")
        started = time.perf_counter()

        def wrapped() -> Iterator[Any]:
            for n, report in enumerate(self.reports, start=1):
                elapsed = time.perf_counter() - started
                rate = f"{n / elapsed:,.0f}" if elapsed > 0 else "-"
                self.bar.update(task, advance=1, rate=rate)
                yield report

        return wrapped()

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()


@app.command("plugins")
def plugins_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
    check: Annotated[
        bool, typer.Option("--check", help="Run the conformance kit on every scorer.")
    ] = False,
) -> None:
    """List installed plugins: name, version, dimensions, package, and any load error."""
    from biaskit.plugins import PluginConflict, get_plugin_manager, scorers

    pm = get_plugin_manager()
    if check:
        _check_plugins(pm)
        return
    try:
        found = scorers(pm)
    except PluginConflict as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    rows: list[dict[str, Any]] = []
    for info in sorted(pm.plugin_info.values(), key=lambda i: (not i.builtin, i.name)):
        for dim in info.scorers or ("",):
            scorer = found.get(dim)
            rows.append(
                {
                    "plugin": info.name,
                    "dimension": dim,
                    "version": scorer.version if scorer else info.version,
                    "default": bool(getattr(scorer, "default", False)) if scorer else None,
                    "description": scorer.description if scorer else "",
                    "package": f"{info.distribution} {info.version}".strip(),
                    "error": info.error,
                }
            )
    if as_json:
        import json

        typer.echo(json.dumps(rows, indent=2))
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title="biaskit plugins")
    for col in ("plugin", "dimension", "version", "default", "package", "description / error"):
        table.add_column(col)
    for row in rows:
        error, description = row["error"], str(row["description"])
        note = f"[red]{escape(str(error))}[/]" if error else escape(description)
        default = "" if row["default"] is None else ("yes" if row["default"] else "no")
        cells = [str(row[k]) for k in ("plugin", "dimension", "version")]
        table.add_row(*cells, default, str(row["package"]), note)
    Console().print(table)


app.command("bench")(bench_cli.bench)
app.command("train")(bench_cli.train)
app.command("datasets")(bench_cli.datasets_command)
app.command("explain")(explain)
app.command("clean")(clean)


def _check_plugins(pm: Any) -> None:
    """Run biaskit.testing.check_scorer on every scorer; report each result, stop on none."""
    from biaskit.plugins import scorers
    from biaskit.testing import check_scorer

    failed = 0
    for info in sorted(pm.plugin_info.values(), key=lambda i: i.name):
        if info.error:
            failed += 1
            typer.echo(f"FAIL  {info.name}: did not load: {info.error}")
    for name, scorer in scorers(pm).items():
        try:
            check_scorer(scorer)
        except AssertionError as exc:
            failed += 1
            typer.echo(f"FAIL  {name} {scorer.version}: {exc}")
        except Exception as exc:  # a broken scorer must not stop the others' checks
            failed += 1
            typer.echo(f"FAIL  {name} {scorer.version}: {type(exc).__name__}: {exc}")
        else:
            typer.echo(f"ok    {name} {scorer.version}")
    if failed:
        raise typer.Exit(1)


@app.command("new-plugin")
def new_plugin_command(
    name: Annotated[str, typer.Argument(help="The new dimension's name, e.g. hedging.")],
    directory: Annotated[
        Path, typer.Option("--directory", "-d", help="Where to create the package.")
    ] = Path("."),
) -> None:
    """Create a ready-to-install plugin package: entry point, scorer, tests, README."""
    from biaskit.scaffold import ScaffoldError, new_plugin

    try:
        root = new_plugin(name, directory)
    except ScaffoldError as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    typer.echo(f"created {root}")
    typer.echo(f"next: pip install -e '{root}[test]' && pytest {root}")


def main() -> None:
    app()
