"""The shared context: sentences exactly where biaskit.text puts them, prose and quotes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaskit import Document
from biaskit.text import sentences
from biaskit_translation_artifacts import TranslationArtifactsScorer
from biaskit_translation_artifacts.context import Context, prose_tokens, sentence_bounds

PIECES = [
    "a", "b", "Mr", "U.S", "e.g", "x", " ", "  ", "\n", "\n\n", "\t", "\xa0", ".", "!", "?",
    "…", "...", '"', "”", "’", ")", "]", "(", "“", "İ", "\u2028", "Dr.", " No.", "7.5",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_sentence_bounds_match_biaskit_text(parts: list[str]) -> None:
    text = "".join(parts)
    assert sentence_bounds(text) == [(s.start, s.end) for s in sentences(text)]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_sentence_bounds_match_on_arbitrary_unicode(text: str) -> None:
    assert sentence_bounds(text) == [(s.start, s.end) for s in sentences(text)]


def test_headlines_are_not_prose_and_prose_tokens_leave_them_out() -> None:
    ctx = Context.build("Minister Visits Moscow Today\nThe minister arrived on Monday. He left.")
    assert [seg.text for seg in ctx.prose] == ["The minister arrived on Monday.", "He left."]
    assert ctx.in_prose(ctx.text.index("arrived")) and not ctx.in_prose(1)
    assert "visits" in ctx.vocab and "visits" not in prose_tokens(ctx)


def test_quotes_and_positions() -> None:
    ctx = Context.build('He said "we will go" and left.')
    assert ctx.in_quote(ctx.text.index("will")) and not ctx.in_quote(ctx.text.index("left"))
    assert ctx.sentence_index(ctx.text.index("left")) == 0
    assert Context.build("no quotes here").quotes == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("Aİiıßſ KΣσ\u0130x.\n"), max_size=40))
def test_aligned_lower_keeps_every_offset(text: str) -> None:
    aligned = Context(text).aligned_lower
    assert len(aligned) == len(text)
    for c, low in zip(text, aligned, strict=True):
        # Lower case where that keeps the length (a final sigma may be 'ς'), else as written.
        assert low.casefold() == c.casefold() if len(c.lower()) == 1 else low == c


@pytest.mark.parametrize("prefix", ["", "İstanbul. ", "İİİİİ "])
def test_findings_after_a_character_that_grows_in_lower_case(prefix: str) -> None:
    # "İ" lower-cases to two characters: found in the lower-cased text, a missing article
    # was looked for one character early per "İ" before it, and lost or misplaced.
    text = prefix + "Officials met at hotel and went to embassy."
    report = TranslationArtifactsScorer().score(Document("d", text))
    flagged = sorted(text[s.start : s.end] for s in report.spans if s.label == "missing-article")
    assert flagged == ["at hotel", "to embassy"]
