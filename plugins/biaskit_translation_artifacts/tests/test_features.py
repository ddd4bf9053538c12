"""The model's features: finite, and free of length, so a corpus's lengths cannot leak in."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaskit_translation_artifacts.features import FEATURE_NAMES, not_applicable
from biaskit_translation_artifacts.scorer import analyse

ARTICLE = (
    "The regional government said on Monday that it had approved a new budget for the "
    "city's schools. Officials have said the money will pay for repairs to 40 buildings. "
    "According to the head of the department, the work will begin in the spring; however, "
    'some parents say it is too late. "We have waited for years," one mother said. The '
    "mayor, who was not at the meeting, noted that the plan still needs a vote of the "
    "council (expected next week). Earlier, the council had rejected a smaller plan.\n"
)


def test_row_has_one_finite_value_per_feature() -> None:
    row = analyse(ARTICLE * 2).row
    assert len(row) == len(FEATURE_NAMES)
    assert all(math.isfinite(v) for v in row)


def test_features_do_not_grow_with_length() -> None:
    """The same prose, four times over: every rate and ratio stays where it was."""
    once = dict(zip(FEATURE_NAMES, analyse(ARTICLE * 2).row, strict=True))
    more = dict(zip(FEATURE_NAMES, analyse(ARTICLE * 8).row, strict=True))
    for name in FEATURE_NAMES:
        if name in ("span_score", "sentence_length_cv"):
            continue
        assert more[name] == pytest.approx(once[name], rel=0.05, abs=1e-3), name


def test_model_applies_to_english_prose_only() -> None:
    assert not_applicable(analyse(ARTICLE).ctx) is None
    assert not_applicable(analyse("Short text.").ctx) is not None
    german = "Die Regierung hat am Montag einen neuen Haushalt für die Schulen der Stadt " * 5
    assert not_applicable(analyse(german).ctx) == "not English prose"


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=0, max_size=400))
def test_rows_are_finite_for_any_text(text: str) -> None:
    row = analyse(text).row
    assert len(row) == len(FEATURE_NAMES) and all(math.isfinite(v) for v in row)


def _features(text: str) -> dict[str, float]:
    return dict(zip(FEATURE_NAMES, analyse(text).row, strict=True))


def test_sentence_openers_are_shares_of_sentences() -> None:
    got = _features(
        "The council met on Monday. He said the plan was ready. In May the work began. "
        "However, the money ran out. Smith resigned.\n"
    )
    assert got["sentences opened by a determiner"] == pytest.approx(1 / 5)
    assert got["sentences opened by a pronoun"] == pytest.approx(1 / 5)
    assert got["sentences opened by a preposition"] == pytest.approx(1 / 5)
    assert got["sentences opened by a connective"] == pytest.approx(1 / 5)
    assert got["sentences opened by a name"] == pytest.approx(1 / 5)


def test_class_pairs_are_rates_per_class_token() -> None:
    from biaskit_translation_artifacts.context import Context, prose_tokens
    from biaskit_translation_artifacts.features import PAIR_FEATURES, syntax

    ctx = Context.build("The plan failed. The money ran out.\n")
    rates = syntax(ctx, prose_tokens(ctx))[-len(PAIR_FEATURES) :]
    values = dict(zip(PAIR_FEATURES, rates, strict=True))
    # Classes: the word word-ed . | the word word out . (9 class tokens)
    assert values["pair 'the word'"] == pytest.approx(2 / 9)
    assert values["pair 'word-ed full stop'"] == pytest.approx(1 / 9)
    assert values["pair 'word word'"] == pytest.approx(1 / 9)
    assert values["pair 'word full stop'"] == 0.0


def test_closed_class_ratios() -> None:
    got = _features("The report, which he wrote, says that the plan is a failure.\n")
    assert got["'the' among articles"] == pytest.approx(2 / 3)
    assert got["'which' among 'which' and 'that'"] == pytest.approx(1 / 2)
    assert got["comma before 'which'"] > 0


def test_counters_match_their_plain_definitions() -> None:
    import re

    from biaskit_translation_artifacts.features import _inner_apostrophes, _marks

    texts = ["a'b'c rock'n'roll it’s", "Ab. Cd Ef “Gh 9 x9 (10", "", "Ab", ".\nAb", "x. Ab"]
    for text in texts:
        assert _inner_apostrophes(text) == len(re.findall(r"[A-Za-z]['’][A-Za-z]", text))
    # Ef and Ij: not Ab (the text's start), Cd (a sentence's) or Gh (a quotation's).
    assert _marks("Ab. Cd Ef “ Gh said Ij")[0] == 2
    assert _marks("9 x9 (10 and 35")[1] == 3  # 9, 10, 35; not the 9 of x9


_PIECES = ["a", "s", "x", "up", "over", "of", "the", "set", " ", "  ", "\n", "\u00a0", "'", "’",
           "-", "—", "–", "é", "_", "1", "."]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=24).map("".join))
def test_rewritten_counters_count_what_their_plain_patterns_find(text: str) -> None:
    import re

    from biaskit_translation_artifacts.features import _dashes, _particles, _possessives

    particle = r"\b\w+\s+(?:up|down|off|out|back|away|over)\b(?!\s+(?:of|the|a|to)\b)"
    assert _particles(text) == len(re.findall(particle, text))
    assert _possessives(text) == len(re.findall(r"\w['’]s\b", text))
    assert _dashes(text) == len(re.findall(r"\s[—–-]\s|—", text))


def test_sentence_shape_reads_prose_sentence_lengths() -> None:
    words = " ".join(["word"] * 33)
    got = _features(
        "The plan failed on Monday. The council will vote on it again next week, officials "
        f"said. {words.capitalize()}. Yes.\n"
    )
    # Sentences of 5, 11 and 33 words (the one-word "Yes." is left out).
    assert got["mean sentence length"] == pytest.approx(49 / 3)
    assert got["median sentence length"] == 11
    assert got["sentences of 30 words or more"] == pytest.approx(1 / 3)
    assert got["sentences of 10 words or fewer"] == pytest.approx(1 / 3)
    assert 0 < got["content-word variety"] <= 1


def test_function_word_bigrams_are_rates_per_word() -> None:
    got = _features("It is one of the plans. It is in the news.\n")
    # 11 words: "it is" twice, "of the" and "in the" once each.
    assert got["bigram 'it is'"] == pytest.approx(2 / 11)
    assert got["bigram 'of the'"] == pytest.approx(1 / 11)
    assert got["bigram 'this is'"] == 0.0


def test_prose_words_are_counted_once_and_shared() -> None:
    from collections import Counter

    from biaskit_translation_artifacts.context import Context, prose_counts, prose_tokens

    ctx = Context.build("Breaking News Headline\nThe plan failed. The money ran out.\n")
    assert prose_tokens(ctx) == ("the", "plan", "failed", "the", "money", "ran", "out")
    assert prose_counts(ctx) == Counter(prose_tokens(ctx))
    assert prose_counts(ctx) is prose_counts(ctx)
