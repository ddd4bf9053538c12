"""What every command shares: the options that read inputs, and how an error reaches the user.

``score``, ``clean`` and ``explain`` read the same inputs the same way, so the options that
say how are declared once here and mean the same in every command.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class InputFormat(StrEnum):
    auto = "auto"
    text = "text"
    jsonl = "jsonl"


InputFormatOption = Annotated[
    InputFormat, typer.Option(help="How to read inputs; auto goes by file suffix.")
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
