"""The shared context: sentences exactly where biaskit.text puts them, prose and quotes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from biaskit.text import sentences
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
