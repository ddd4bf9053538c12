"""Regenerate docs/cli.md from the CLI itself, so the reference cannot drift.

Run: python docs/gen_cli.py   (tests/test_docs.py checks the file is current)
"""

from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from biaskit.cli import app

HEADER = """# CLI reference

Generated from the `biaskit` command by `python docs/gen_cli.py`; do not edit by hand.
"""


def _help(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "100"}, color=False)
    return "\n".join(line.rstrip() for line in result.stdout.strip().splitlines())


def render() -> str:
    group = typer.main.get_command(app)
    names = list(getattr(group, "commands", {}))
    parts = [HEADER, f"\n## biaskit\n\n```text\n{_help()}\n```\n"]
    for name in names:
        parts.append(f"\n## biaskit {name}\n\n```text\n{_help(name)}\n```\n")
    return "".join(parts)


if __name__ == "__main__":
    target = Path(__file__).with_name("cli.md")
    target.write_text(render())
    print(f"wrote {target}")
