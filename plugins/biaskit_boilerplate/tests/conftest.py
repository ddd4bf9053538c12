"""Shared fixtures: a scorer, and a helper that says which lines of a text it flags."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from biaskit import Document
from biaskit_boilerplate import BoilerplateScorer

Flagger = Callable[[str], dict[int, str]]


@pytest.fixture
def scorer() -> BoilerplateScorer:
    return BoilerplateScorer()


@pytest.fixture
def flagged(scorer: BoilerplateScorer) -> Flagger:
    """Score a text; return {1-based line number: kind} for every line flagged as furniture."""

    def run(text: str) -> dict[int, str]:
        result = scorer.score(Document(id="t", text=text))
        return {
            line["line_no"]: line["kind"] for line in result.details["lines"] if line["boilerplate"]
        }

    return run
