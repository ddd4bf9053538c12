from hypothesis import given
from hypothesis import strategies as st

from biaskit.text import (
    lines,
    lowered_text,
    paragraphs,
    quotations,
    quoted_regions,
    sentences,
    words,
)

TEXT = st.text(
    alphabet=st.characters(codec="utf-8") | st.sampled_from('"“”«»„.!?\n \t'), max_size=400
)


def test_lines_are_trimmed_and_keep_offsets() -> None:
    text = "Title\n\n    indented line  \n\tlast"
    got = lines(text)
    assert [s.text for s in got] == ["Title", "indented line", "last"]
    for seg in got:
        assert text[seg.start : seg.end] == seg.text


def test_paragraphs_join_hard_wrapped_lines() -> None:
    text = "First para\nwraps here.\n\n  \nSecond."
    assert [p.text for p in paragraphs(text)] == ["First para\nwraps here.", "Second."]


def test_sentences_respect_abbreviations_and_initials() -> None:
    text = "Mr. Smith met J. Doe in the U.S. capital. They talked! Then left?"
    assert [s.text for s in sentences(text)] == [
        "Mr. Smith met J. Doe in the U.S. capital.",
        "They talked!",
        "Then left?",
    ]


def test_sentence_ends_after_closing_quote() -> None:
    text = '"We are ready." The talks resumed.'
    assert [s.text for s in sentences(text)] == ['"We are ready."', "The talks resumed."]


def test_quoted_regions_pairs_straight_curly_and_guillemets() -> None:
    text = 'He said "yes". She said “no”. They said «maybe».'
    assert [q.text for q in quoted_regions(text)] == ['"yes"', "“no”", "«maybe»"]


def test_quote_spanning_paragraphs_is_one_region() -> None:
    text = "“The first paragraph goes on.\n\n“The second ends it,” he said."
    assert [q.text for q in quoted_regions(text)] == [
        "“The first paragraph goes on.\n\n“The second ends it,”"
    ]


def test_unclosed_quote_does_not_swallow_the_article() -> None:
    text = "He called it “a disgrace. " + "Filler sentence. " * 300 + "End."
    assert quoted_regions(text) == []


def test_words_keep_inner_apostrophes_and_hyphens() -> None:
    assert [m.group() for m in words("Russia’s anti-war don't")] == [
        "Russia’s",
        "anti-war",
        "don't",
    ]


@given(TEXT)
def test_segments_always_lie_inside_the_text(text: str) -> None:
    for fn in (lines, paragraphs, sentences, quoted_regions):
        previous_end = 0
        for seg in fn(text):
            assert 0 <= seg.start <= seg.end <= len(text)
            assert text[seg.start : seg.end] == seg.text
            assert seg.start >= previous_end
            previous_end = seg.end


QUOTE_TEXT = st.text(alphabet=st.sampled_from('"“”„«»\n ab.'), max_size=60)
# What each opening mark may be closed by (typographic marks are often mismatched in
# translated or scraped copy, so the pairing is deliberately loose).
MAY_CLOSE = {'"': '"”“»«„', "“": '”"“', "„": '“”"', "«": '»"”', "»": "«"}


@given(QUOTE_TEXT)
def test_each_quoted_region_opens_and_closes_on_marks_that_pair(text: str) -> None:
    for region in quoted_regions(text):
        opener, closer = region.text[0], region.text[-1]
        assert len(region.text) >= 2
        assert opener in MAY_CLOSE and closer in MAY_CLOSE[opener]


def test_mismatched_typographic_marks_still_pair() -> None:
    text = 'He said „so“ and «then» and “now" and »back« too.'
    assert [q.text for q in quoted_regions(text)] == ["„so“", "«then»", '“now"', "»back«"]


def test_closing_mark_never_opens_a_quote() -> None:
    assert quoted_regions("a” b ” c") == []


@given(TEXT)
def test_lowered_text_keeps_every_offset(text: str) -> None:
    low = lowered_text(text)
    assert len(low) == len(text)
    if len(text.lower()) == len(text):
        assert low == text.lower()


def test_lowered_text_leaves_a_character_that_grows_as_written() -> None:
    assert lowered_text("İstanbul AT") == "İstanbul at"


def test_quotations_read_double_apostrophes_as_quotation_marks() -> None:
    # The NYT archive's style, as PolNeAR carries it, and the Penn Treebank's.
    text = "''It is over,'' he said. ``Not yet,'' she replied, and ’’so’’ it went."
    assert [q.text for q in quotations(text)] == ["''It is over,''", "``Not yet,''", "’’so’’"]
    assert quoted_regions(text) == []


_PAIRED = st.lists(
    st.sampled_from(["''", "``", "‘‘", "’’", '"', "“", "”", "'", "a", " ", "\n\n", "b c"]),
    max_size=30,
).map("".join)


@given(_PAIRED)
def test_quotations_keep_offsets_and_add_only_the_pairs(text: str) -> None:
    found = quotations(text)
    for q in found:
        assert text[q.start : q.end] == q.text
    pairs = ("''", "``", "‘‘", "’’")
    if not any(pair in text for pair in pairs):
        assert found == quoted_regions(text)
    else:
        for q in found:
            assert q.text[:1] in '"“„«»' or q.text[:2] in pairs
