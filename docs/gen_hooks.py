"""Regenerate docs/hooks.md from the hook specifications, so the reference cannot drift.

Run: python docs/gen_hooks.py   (tests/test_docs.py checks the file is current)
"""

from __future__ import annotations

import inspect
from pathlib import Path

from biaskit import hookspecs

HEADER = """# Hook reference

Generated from `src/biaskit/hookspecs.py` by `python docs/gen_hooks.py`; do not edit by hand.

Hook contract version: **{version}**. Implement a hook by decorating a function of the same
name with `biaskit.hookimpl` in a module registered under the `biaskit` entry-point group.
"""


def render() -> str:
    parts = [HEADER.format(version=hookspecs.HOOK_VERSION)]
    for name, fn in inspect.getmembers(hookspecs, inspect.isfunction):
        if not name.startswith("biaskit_"):
            continue
        signature = f"{name}{inspect.signature(fn)}".replace("'", "")
        doc = inspect.cleandoc(fn.__doc__ or "")
        parts.append(f"\n## `{name}`\n\n```python\n{signature}\n```\n\n{doc}\n")
    return "".join(parts)


if __name__ == "__main__":
    target = Path(__file__).with_name("hooks.md")
    target.write_text(render())
    print(f"wrote {target}")
