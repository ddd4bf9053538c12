"""Features are plain numbers with the meaning their names promise."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaskit_boilerplate.features import (
    CONTEXT_FEATURES,
    LINE_FEATURES,
    document_features,
    line_features,
    lines_features,
)
from biaskit_boilerplate.patterns import MAX_PATTERN_CHARS

PROSE = (
    "The ministry said on Tuesday that it would not change its position, and that the "
    "talks were expected to resume at the end of the month."
)


def test_all_features_are_finite_numbers() -> None:
    segs, feats, ctx = document_features("Menu\n\n" + PROSE + "\nTags: a, b\n")
    assert len(segs) == len(feats) == len(ctx) == 3
    for f, c in zip(feats, ctx, strict=True):
        assert f._fields == LINE_FEATURES and c._fields == CONTEXT_FEATURES
        for value in (*f, *c):
            assert isinstance(value, int | float) and math.isfinite(value)


def test_prose_is_dense_with_function_words_and_menus_are_not() -> None:
    prose = line_features(PROSE)
    menu = line_features("World Politics Business Technology Sport")
    assert prose.stop_ratio > 0.3 > menu.stop_ratio
    assert prose.ends_sentence == 1 and menu.ends_sentence == 0
    assert menu.title_ratio == 1.0 and prose.title_ratio < 0.3


def test_title_ratio_ignores_lower_case_function_words() -> None:
    assert line_features("Russia Ready for Dialogue With US on Syria").title_ratio == 1.0


def test_shape_flags() -> None:
    assert line_features("terror attacks, John Kerry, Sergei Lavrov, United States").comma_list
    assert not line_features("Russia, Turkey, and Iran have agreed to meet again.").comma_list
    assert line_features("05:45 GMT13 August 2020").timestamp
    assert line_features("Updated 3 hours ago").timestamp
    assert not line_features("In 2018 the plant closed").timestamp
    assert line_features("Battle Against Daesh in Syria (180)").count_suffix
    assert line_features("Home | World | Europe").n_separators == 2
    assert line_features("Sputnik").agency_only
    assert not line_features("Sputnik reported the news").agency_only
    assert line_features("By Jane Doe").byline
    assert not line_features("By the end of the year").byline
    assert line_features("With respect to several officers during the...").ends_ellipsis
    assert line_features("Visit www.example.com").link_like


def test_wrapped_lines_are_rejoined_into_one_paragraph() -> None:
    text = (
        "The ministry said on Tuesday that it would not change its\n"
        "position, and that the talks were expected to resume at\n"
        "the end of the month.\n"
    )
    _, _, ctx = document_features(text)
    assert [c.block_start for c in ctx] == [0, 0, 0]
    assert all(c.block_prose for c in ctx)
    assert ctx[0].block_lines == 3


def test_blank_line_context() -> None:
    _, _, ctx = document_features("A line\nglued to this\n\nand a separate one")
    assert [c.blank_before for c in ctx] == [1, 0, 1]
    assert [c.blank_after for c in ctx] == [0, 1, 1]
    assert ctx[0].doc_blank_separated == 0.5


def test_columns_and_rows_agree() -> None:
    from biaskit_boilerplate.features import analyse, lines_features

    text = "Menu\n\n" + PROSE + "\nTags: a, b\n\n    Follow us on Twitter\n" + "word " * 50
    found = analyse(text)
    assert list(zip(*found.line_columns, strict=True)) == [tuple(f) for f in found.lines]
    assert list(zip(*found.context_columns, strict=True)) == [tuple(c) for c in found.context]
    assert lines_features([s.text for s in found.segments]) == found.lines
    assert [line_features(s.text) for s in found.segments] == found.lines


def test_long_lines_are_counted_on_a_window() -> None:
    long_line = "The talks " + "were expected to resume at the end of the month and " * 10
    f = line_features(long_line.strip())
    assert f.n_words == len(long_line.split())
    assert 0.3 < f.stop_ratio < 0.8
    assert f.timestamp == 0 and f.link_like == 0  # short-line checks are off


def test_lines_longer_than_any_phrase_pattern() -> None:
    # A paragraph that opens with a furniture phrase is prose all the same; a bare link of
    # the same length is still a link (the scorer lower-cases only the lines it checks).
    paragraph = "Read more: " + "the talks were expected to resume at the end of the month, " * 9
    assert len(paragraph) > MAX_PATTERN_CHARS
    assert line_features(paragraph.strip()).pattern == 0
    link = "https://example.com/" + "a" * MAX_PATTERN_CHARS
    assert line_features(link).link_like == 1
    [para, url] = lines_features([paragraph.strip(), link])
    assert (para.pattern, url.link_like) == (0, 1)


def test_body_overlap_tells_a_headline_from_a_menu_item() -> None:
    text = "\n\n".join(
        [
            "Bridge Repairs Begin",
            "Weather Sport Travel",
            PROSE.replace("The ministry", "The bridge repairs ministry"),
        ]
    )
    _, _, ctx = document_features(text)
    assert ctx[0].body_overlap > 0.5 > ctx[1].body_overlap == 0.0
    assert ctx[2].body_overlap == 1.0  # a prose line


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .\n\t\r\u00a0\u2028\x0b")), max_size=60))
def test_split_lines_is_biaskit_text_lines(text: str) -> None:
    from biaskit.text import lines
    from biaskit_boilerplate.features import split_lines

    assert split_lines(text) == lines(text)


def _reference_match(text: str, n_words: int) -> int:
    """Each pattern in turn, exactly as documented: the slow, obvious implementation."""
    from biaskit_boilerplate import patterns

    if len(text) > patterns.MAX_PATTERN_CHARS:
        return 0
    low = text.lower().replace("\xa0", " ")
    words = {w.strip(patterns.STRIP) for w in low.split()}
    for i, pat in enumerate(patterns.PATTERNS):
        if n_words > pat.max_words:
            continue
        anchored = not pat.triggers and not pat.trigger_chars
        triggered = not pat.triggers.isdisjoint(words) or any(c in low for c in pat.trigger_chars)
        if not anchored and not triggered:
            continue
        if pat.keywords and not any(k in low for k in pat.keywords):
            continue
        if pat.regex.search(text):
            return i + 1
    return 0


_LINES = [
    "READ MORE: Ministers Clash Over Budget Plans",
    "Read more about the plan in the report, officials said.",
    "Follow us on Twitter and Facebook!",
    "Protesters outside parliament. (AP Photo/Jane Doe)",
    "We use cookies to improve your experience on our site.",
    "© 2021 Example Media Ltd. All rights reserved.",
    "Privacy Policy",
    "Photo: Reuters",
    "Source : TASS",
    "Leave a Reply",
    "Home",
    "Tags: a, b",
    "Share",
    "A man walks past the shop, Getty Images",
    PROSE,
]


@pytest.mark.parametrize("line", _LINES)
@pytest.mark.parametrize("n_words", [1, 5, 12, 35, 70])
def test_fast_pattern_match_is_the_reference(line: str, n_words: int) -> None:
    from biaskit_boilerplate.patterns import match

    assert match(line, n_words) == _reference_match(line, n_words)


_PIECES = st.sampled_from(
    [
        "read more",
        "READ MORE",
        ":",
        " ",
        "us on",
        "follow",
        "photo",
        "/",
        "(ap",
        "©",
        "share",
        "cookies",
        "home",
        "Tags",
        "policy",
        "privacy",
        "getty images",
        "comments",
        "(12)",
        "x",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join), st.integers(0, 90))
def test_fast_pattern_match_on_arbitrary_lines(text: str, n_words: int) -> None:
    from biaskit_boilerplate.patterns import match

    assert match(text, n_words) == _reference_match(text, n_words)
