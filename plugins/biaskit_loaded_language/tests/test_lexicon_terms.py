"""The word lists, the term finder and its linear-time guarantee."""

from __future__ import annotations

import time

import pytest

from biaskit_loaded_language.lexicon import (
    CATEGORY_FILES,
    build_lexicon,
    get_lexicon,
    inflections,
    parse_category,
)
from biaskit_loaded_language.terms import find_terms


def test_every_category_file_declares_a_reason_and_valid_weights() -> None:
    lex = get_lexicon()
    assert len(lex.categories) == len(CATEGORY_FILES)
    for cat in lex.categories.values():
        assert cat.reason, cat.name
        assert cat.entries, cat.name
        assert all(0.0 < w <= 1.0 for _, w in cat.entries)


def test_malformed_header_is_an_error_naming_the_file() -> None:
    with pytest.raises(ValueError, match=r"broken\.txt"):
        parse_category("# category: x\nword\n", "broken.txt")
    with pytest.raises(ValueError, match="weight"):
        parse_category("# category: x\n# weight: 0.5\nword | 1.5\n", "bad.txt")


def test_inflections_cover_plural_past_participle_and_adverb() -> None:
    assert {"thugs"} <= set(inflections("thug", "noun"))
    assert {"slammed", "slamming", "slams"} <= set(inflections("slam", "verb"))
    assert {"politicized", "politicizing"} <= set(inflections("politicize", "verb"))
    assert "recklessly" in inflections("reckless", "adjective")
    assert "irresponsibly" in inflections("irresponsible", "adjective")


def test_a_tiny_custom_lexicon_drives_the_finder() -> None:
    cat = parse_category(
        "# category: custom\n# weight: 0.5\n# inflect: noun\n# reason: test\nwidget\nbig deal\n"
    )
    lex = build_lexicon([cat], ["widget factory"])
    text = "Widgets, a big deal, and the widget factory."
    found = [(text[t.start : t.end], t.category) for t in find_terms(text, lex)]
    assert found == [("Widgets", "custom"), ("big deal", "custom")]


def test_phrase_wins_over_its_own_word() -> None:
    text = "They face a witch hunt."
    found = [(text[t.start : t.end], t.category) for t in find_terms(text)]
    assert found == [("witch hunt", "pejorative")]


def test_words_inside_other_words_do_not_match() -> None:
    assert find_terms("Regimented rows, unregimed fields and a thuggish-looking shed.") == []


@pytest.mark.parametrize(
    "text",
    [
        "‘a’" * 20000,
        "'a" * 30000,
        "“x” " * 10000,
        "phob" * 30000,
        "anti-" * 30000,
        "-" * 60000,
        "ism " * 30000,
        "A" * 100000,
        " " * 100000,
        "pay a " * 20000,
        "’" * 50000 + "‘",
    ],
)
def test_adversarial_input_stays_fast(text: str) -> None:
    start = time.perf_counter()
    find_terms(text)
    # Linear work on 60-120 kB takes well under a second; a quadratic path takes minutes.
    assert time.perf_counter() - start < 3.0
