"""Arbitrary and hostile input: never a crash, every span inside the text.

The hostile inputs are the shapes that make a backtracking pattern blow up; a regression
would hang this module rather than fail an assertion. How fast the scorer is, is measured
in ``benchmarks/boilerplate_throughput.py``, never asserted here.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaskit import Document
from biaskit.testing import check_result
from biaskit_boilerplate import BoilerplateScorer

SCORER = BoilerplateScorer()

# Text built from line-like pieces, so that the rules' paths are all reached, not only
# single-line soup.
_PIECES = st.sampled_from(
    [
        "READ MORE: ",
        "Share",
        "Photo: ",
        "(AP Photo/",
        "Source : ",
        "Updated 3 hours ago",
        "...",
        "…",
        ", ",
        " | ",
        "(180)",
        "\n",
        "\n\n",
        "   ",
        "The talks were expected to resume at the end of the month, officials said.",
        "Title Case Words Here",
    ]
)
_TEXT = st.one_of(
    st.text(),
    st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=40).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_arbitrary_text_never_crashes_and_spans_stay_inside(text: str) -> None:
    doc = Document(id="h", text=text)
    result = check_result(SCORER.score(doc), SCORER, doc)
    for span in result.spans:
        chunk = text[span.start : span.end]
        assert chunk and chunk == chunk.strip()
        assert span.note
    for line in result.details["lines"]:
        assert 0.0 <= line["probability"] <= 1.0
        assert 0 <= line["start"] < line["end"] <= len(text)


@pytest.mark.parametrize(
    "text",
    [
        '"' * 100_000,
        "." * 100_000,
        "A" * 100_000,
        " " * 100_000 + "x",
        "a, " * 40_000,
        " | " * 40_000,
        "(AP Photo/" * 10_000,
        "READ MORE " + "(" * 50_000,
        "By " * 40_000,
        ("Home\n" * 20_000),
        "Photo " * 20_000,
    ],
)
def test_hostile_input_is_scored(text: str) -> None:
    doc = Document(id="x", text=text)
    result = check_result(SCORER.score(doc), SCORER, doc)
    assert len(result.details["lines"]) == sum(1 for line in text.split("\n") if line.strip())
