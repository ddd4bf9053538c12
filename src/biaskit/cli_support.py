"""What every command shares: how an error reaches the user."""

from __future__ import annotations


def err(message: str) -> None:
    """Print an error to standard error; the caller decides the exit code."""
    from rich.console import Console
    from rich.markup import escape

    Console(stderr=True, highlight=False).print(f"[red]error:[/] {escape(message)}")
