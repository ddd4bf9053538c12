"""The generated references match the code, and the docs name every command."""

from __future__ import annotations

import runpy

from .conftest import ROOT


def test_cli_reference_is_regenerated() -> None:
    gen = runpy.run_path(str(ROOT / "docs" / "gen_cli.py"))
    assert (ROOT / "docs" / "cli.md").read_text() == gen["render"](), (
        "docs/cli.md is stale: run python docs/gen_cli.py"
    )


def test_every_docs_page_is_in_the_nav() -> None:
    nav = (ROOT / "mkdocs.yml").read_text()
    for page in (ROOT / "docs").glob("*.md"):
        assert page.name in nav, f"{page.name} is not in mkdocs.yml's nav"
