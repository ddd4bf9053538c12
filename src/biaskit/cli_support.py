"""What every command shares: the options that read inputs, and how an error reaches the user.

``score``, ``clean`` and ``explain`` read the same inputs the same way, so the options that
say how are declared once here and mean the same in every command.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

if TYPE_CHECKING:
    from biaskit.protocols import Scorer


class InputFormat(StrEnum):
    auto = "auto"
    text = "text"
    jsonl = "jsonl"


InputFormatOption = Annotated[
    InputFormat, typer.Option(help="How to read inputs; auto goes by file suffix.")
]
PluginOption = Annotated[
    Optional[list[str]],  # noqa: UP045 - typer needs Optional here
    typer.Option(
        "--plugin", "-p", help="Dimension to run (repeat or comma-separate; 'all' for every)."
    ),
]
TextFieldOption = Annotated[str, typer.Option(help="JSONL field holding the text.")]
IdFieldOption = Annotated[str, typer.Option(help="JSONL field holding the id.")]
JobsOption = Annotated[
    int,
    typer.Option("--jobs", "-j", min=0, help="Worker processes; 0 (default) uses every core."),
]
MaxCharsOption = Annotated[
    int, typer.Option(min=1, help="Longer documents are truncated, with a warning.")
]


def err(message: str) -> None:
    """Print an error to standard error; the caller decides the exit code."""
    from rich.console import Console
    from rich.markup import escape

    Console(stderr=True, highlight=False).print(f"[red]error:[/] {escape(message)}")


def chosen_scorers(pm: Any, plugin: list[str] | None) -> list[Scorer]:
    """The scorers ``--plugin`` asks for, or exit 2 with the reason: an unknown dimension,
    two plugins claiming one, or nothing installed to run."""
    from biaskit.plugins import PluginConflict, UnknownDimension, select_scorers

    try:
        chosen = select_scorers(pm, plugin)
    except (UnknownDimension, PluginConflict) as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    if not chosen:
        err("no dimension to run: no scorer plugin is installed or enabled (biaskit plugins)")
        raise typer.Exit(2)
    return chosen
