"""Phrase chunking: subject boundaries and sources, on sentences written for the tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaskit_source_attribution.phrases import _BOUNDARY, _last_boundary, subject_before

PIECES = [
    "Cole",
    "the mayor",
    "who",
    "that",
    "and",
    ",",
    ".",
    " - ",
    "Mr.",
    "''",
    '"',
    "whereas",
    "council",
    "  ",
    "\n",
]


def _full_scan(text: str, lo: int, hi: int) -> int:
    if hi - lo > 160:
        space = text.find(" ", hi - 160, hi)
        lo = hi - 160 if space < 0 else space
    last = lo
    for m in _BOUNDARY.finditer(text, lo, hi):
        last = m.end()
    return last


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=80), st.data())
def test_last_boundary_agrees_with_a_full_scan(parts: list[str], data: st.DataObject) -> None:
    text = " ".join(parts)
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    assert _last_boundary(text, lo, hi) == _full_scan(text, lo, hi)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_a_subject_never_starts_on_punctuation(parts: list[str]) -> None:
    text = " ".join(parts) + " said"
    found = subject_before(text, 0, len(text) - len("said"))
    if found is not None:
        assert text[found[0]].isalnum()


def test_closing_double_apostrophes_are_not_a_subject() -> None:
    text = "in what he called a ''revolutionary mood,'' alluding"
    assert subject_before(text, 0, text.index("alluding")) is None


def test_since_after_an_auxiliary_is_an_adverb_not_a_clause_boundary() -> None:
    def subject(text: str) -> str | None:
        found = subject_before(text, 0, text.index(" said") + 1)
        return None if found is None else text[found[0] : found[1]]

    # "has since said": the subject is before "since", which used to end the search.
    assert subject("The campaign has since said") == "The campaign"
    assert subject("Both rivals HAVE since said") == "Both rivals"
    # "since" opening a clause still bounds the subject.
    assert subject("It was quiet since the mayor said") == "the mayor"


@pytest.mark.parametrize(
    ("text", "cue", "subject"),
    [
        # An adverb between a subject and its cue is not part of the subject.
        ("Ana Ruiz confidently stated", "stated", "Ana Ruiz"),
        ("Mr. Trump was apparently referring", "referring", "Mr. Trump"),
        ("Clinton has increasingly decried", "decried", "Clinton"),
        # Nouns and adjectives in -ly stay.
        ("The victim's family said", "said", "The victim's family"),
        # Auxiliaries and an adverb alone are kept, for the frames to read as a predicate
        # (they credit "who", as PolNeAR marks it).
        ("Cruz, a lawyer who has successfully argued", "argued", "has successfully"),
    ],
)
def test_a_trailing_adverb_is_not_part_of_the_subject(text: str, cue: str, subject: str) -> None:
    found = subject_before(text, 0, text.index(cue))
    assert found is not None and text[found[0] : found[1]] == subject
