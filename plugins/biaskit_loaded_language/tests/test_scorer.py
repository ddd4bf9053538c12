"""Behaviour of the loaded_language scorer's lexicon rules (use_model=False)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import biaskit_loaded_language as plugin
from biaskit import Document, Span
from biaskit.testing import check_scorer
from biaskit_loaded_language import LoadedLanguageScorer

SCORER = LoadedLanguageScorer(use_model=False)  # the lexicon rules alone


def score(text: str):  # type: ignore[no-untyped-def]
    return SCORER.score(Document(id="t", text=text))


def term_spans(text: str) -> list[tuple[str, str, Span]]:
    return [
        (text[s.start : s.end], s.label, s)
        for s in score(text).spans
        if s.label != "loaded-sentence"
    ]


def test_conformance() -> None:
    check_scorer(SCORER)


def test_plugin_registration() -> None:
    scorers = plugin.biaskit_scorers()
    assert scorers[0].name == "loaded_language"
    # The sentence-embedding scorer joins only when the embeddings extra is installed.
    assert [s.name for s in scorers[1:]] in ([], ["loaded_language_minilm"])
    assert plugin.biaskit_hook_version == "1.0"
    assert scorers[0].default is True


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        ("The regime jailed its critics again.", "regime", "pejorative"),
        ("Thugs loyal to the governor beat the reporters.", "Thugs", "pejorative"),
        ("The broadcaster's propaganda ran all week.", "propaganda", "pejorative"),
        ("The council's decision was a catastrophe for the town.", "catastrophe", "charged"),
        ("Residents called the plan shameful and toxic.", "shameful", "charged"),
        ("The ministry took a disappointing and destructive step.", "destructive", "evaluative"),
        ("The senator slammed the budget on Monday.", "slammed", "reporting-verb"),
        ("The mayor touted the new stadium deal.", "touted", "reporting-verb"),
        ("The storm caused utterly unprecedented flooding.", "utterly", "intensifier"),
        ("Officials described an anti-Western campaign online.", "anti-Western", "group-label"),
        ("Editors warned of rising Islamophobia in the press.", "Islamophobia", "group-label"),
        ("The party accused its rivals of Russophobic rhetoric.", "Russophobic", "group-label"),
        ("The so-called reform changed nothing.", "so-called", "distancing"),
        ("They will pay a price for this, officials warned.", "pay a price", "charged"),
        ("The firm paid a heavy price for the delay.", "paid a heavy price", "charged"),
        ("The two capitals are locked in a diplomatic war.", "diplomatic war", "charged"),
        ("The minister called the move hostile.", "hostile", "evaluative"),
        ("The court behaved disappointingly.", "disappointingly", "evaluative"),
        ("Voters saw catastrophes everywhere.", "catastrophes", "charged"),
        ("The regime’s envoy left.", "regime", "pejorative"),
    ],
)
def test_loaded_terms_fire(text: str, word: str, label: str) -> None:
    found = [(w, lab) for w, lab, _ in term_spans(text)]
    assert (word, label) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The group claimed responsibility for the attack on Tuesday.",
        "She was admitted to hospital with minor injuries.",
        "The new tax regime takes effect in January.",
        "The ministry bought anti-aircraft systems and anti-corruption software.",
        "Police said the terrorist attack killed three people.",
        "The committee met on Tuesday and approved the budget.",
        "The Buddhist temple reopened after repairs.",
        "He won his third grand slam title in Melbourne.",
        "Officials said the talks, which began in Geneva, would resume next week.",
        "The rocket blasted off at dawn.",
        "Prices rose by 2 percent in March, the statistics office said.",
    ],
)
def test_neutral_near_misses_do_not_fire(text: str) -> None:
    assert term_spans(text) == []
    assert score(text).label == "neutral"


def test_negation_does_not_hide_a_loaded_word() -> None:
    assert ("hostile", "evaluative") in [
        (w, lab) for w, lab, _ in term_spans("The embassy said the step was not hostile.")
    ]


def test_voice_is_reported_separately() -> None:
    text = (
        'The minister called the report "a shameful catastrophe for the country," he said.\n'
        "Critics slammed the regime for its failures."
    )
    result = score(text)
    notes = {text[s.start : s.end]: s.note for s in result.spans}
    assert "in a quote" in notes["catastrophe"]
    assert "reporter's voice" in notes["regime"]
    assert result.metrics["loaded_terms_quoted"] == 2
    assert result.metrics["loaded_terms_narration"] == 2
    assert result.metrics["narration_score"] > 0
    assert result.metrics["quoted_score"] > 0


@pytest.mark.parametrize("marks", [('"', '"'), ("''", "''"), ("``", "''"), ("‘‘", "’’")])
def test_quotations_in_every_style_are_the_speakers_voice(marks: tuple[str, str]) -> None:
    # Two apostrophes are NYT archive copy's quotation marks (all of PolNeAR's NYT articles).
    opening, closing = marks
    text = (
        f"{opening}It is a shameful catastrophe for the country,{closing} the minister said.\n"
        "The talks resume on Monday."
    )
    result = score(text)
    notes = {text[s.start : s.end]: s.note for s in result.spans}
    assert "in a quote" in notes["catastrophe"]
    assert result.metrics["loaded_terms_quoted"] == 2


def test_loaded_reporting_verb_only_counts_in_narration() -> None:
    inside = '"He admitted nothing and boasted all day," the lawyer said.'
    outside = "The lawyer boasted that the case was won."
    assert all(lab != "reporting-verb" for _, lab, _ in term_spans(inside))
    assert ("boasted", "reporting-verb") in [(w, lab) for w, lab, _ in term_spans(outside)]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("The ministry criticised the “improper decision” by the city.", "“improper decision”"),
        ("He dismissed the so-called 'experts' at the hearing.", "'experts'"),
    ],
)
def test_scare_quotes_fire(text: str, quoted: str) -> None:
    assert (quoted, "scare-quote") in [(w, lab) for w, lab, _ in term_spans(text)]


def test_scare_quote_inside_a_quotation_is_in_quote() -> None:
    text = '"Washington keeps accusing Russia of ‘violating’ the treaty," the diplomat said.'
    spans = [s for w, lab, s in term_spans(text) if lab == "scare-quote"]
    assert len(spans) == 1 and "in a quote" in spans[0].note


@pytest.mark.parametrize(
    "text",
    [
        'The minister said: "We will win."',
        '"Yes," he said, and left the room.',
        "She starred in the film “The Black Panther” last year.",
        "Rock 'n' roll is here to stay, the singer said.",
        "The teacher told us to read “War and Peace” over the summer.",
    ],
)
def test_ordinary_quotations_are_not_scare_quotes(text: str) -> None:
    assert all(lab != "scare-quote" for _, lab, _ in term_spans(text))


def test_loaded_text_outscores_neutral_text() -> None:
    neutral = (
        "The city council approved the budget on Tuesday. The plan funds two schools.\n"
        "Officials said construction would start in May. The mayor thanked residents."
    )
    loaded = (
        "The corrupt regime's thugs unleashed a shameful, catastrophic crackdown.\n"
        "Critics slammed the utterly disgraceful propaganda. The hysteria was outrageous."
    )
    low, high = score(neutral), score(loaded)
    assert low.score == 0.0 and low.label == "neutral"
    assert high.score > 0.5 and high.label == "heavily loaded"
    assert any(s.label == "loaded-sentence" for s in high.spans)
    assert high.metrics["loaded_sentence_share"] == 1.0


def test_metrics_are_the_documented_ones() -> None:
    result = score("The regime slammed the outrageous verdict.")
    for name in (
        "loaded_terms",
        "loaded_terms_narration",
        "loaded_terms_quoted",
        "terms_per_100_words",
        "narration_score",
        "quoted_score",
        "loaded_sentence_share",
        "words",
    ):
        assert name in result.metrics
    assert result.metrics["words"] == 6
    assert result.metrics["loaded_terms"] == 3
    assert result.metrics["terms_per_100_words"] == pytest.approx(50.0)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_unicode_never_crashes_and_spans_stay_inside(text: str) -> None:
    result = score(text)
    assert 0.0 <= result.score <= 1.0
    last = (-1, -1)
    for span in result.spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert 0.0 <= span.score <= 1.0 and span.note
        assert (span.start, span.end) >= last
        last = (span.start, span.end)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "regime",
                "“",
                "”",
                "‘",
                "’",
                "'",
                '"',
                " ",
                "\n",
                "anti-",
                "Russo",
                "phobia",
                "Putin",
                "ism",
                "so-called",
                "pay",
                "a",
                "price",
                ",",
                "said",
                "É",
                "İ",
                "-",
            ]
        ),
        max_size=60,
    )
)
def test_loaded_fragments_in_any_order_keep_spans_valid(parts: list[str]) -> None:
    text = "".join(parts)
    for span in score(text).spans:
        assert 0 <= span.start <= span.end <= len(text)
