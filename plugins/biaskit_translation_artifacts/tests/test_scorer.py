"""The scorer as the runner and users see it: conformance, robustness, score behaviour."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from biaskit import Document
from biaskit.testing import check_result, check_scorer
from biaskit_translation_artifacts import TranslationArtifactsScorer, biaskit_scorers

SCORER = TranslationArtifactsScorer()

NATIVE = (
    "The Senate voted on Tuesday to extend the program for another year, a move that "
    "lawmakers from both parties said would give farmers more certainty. The measure now "
    "goes to the House, where its prospects are less clear.\n\n"
    '"We have done our part," the majority leader told reporters after the vote. "Now it '
    'is up to them." Officials at the agriculture department said the extension would cost '
    "about $2 billion over the next decade, and that most of the money would go to small "
    "farms in the Midwest and the South.\n\n"
    "Critics of the program argue that it favours large producers, and several groups have "
    "called for a review of how payments are made. The department said it would publish a "
    "report on the issue later this year.\n"
)

TRANSLATED = (
    "Russia's ambassador announced new contacts in Washington\n\n"
    "About this in an interview with a news agency said the Russian ambassador to the "
    "United States, Ivan Petrov. \u201cWe continue our daily work with all officials who are "
    "ready to talk with us, \u201dhe said.\n\n"
    "According to him, the diplomats proceed from the fact that relations will improve . "
    "In Moscow, opened a criminal case against the organisers. The ministry informed that "
    "the sanctions was a mistake and gave new impulses to the talks.\n\n"
    "Follow us in Twitter and Facebook!\n"
)


def score(text: str) -> float:
    return SCORER.score(Document(id="t", text=text)).score


def test_conformance() -> None:
    check_scorer(SCORER)


def test_hook_returns_the_scorer() -> None:
    (scorer,) = biaskit_scorers()
    assert scorer.name == "translation_artifacts"
    assert scorer.default is True


def test_native_news_scores_none() -> None:
    result = SCORER.score(Document(id="n", text=NATIVE))
    assert result.label == "none"
    assert result.score < 0.15
    assert not result.spans


def test_translated_text_scores_strong_with_several_detectors() -> None:
    result = SCORER.score(Document(id="t", text=TRANSLATED))
    assert result.label == "strong"
    kinds = {s.label for s in result.spans}
    assert {"inversion", "quote-punctuation", "calque", "space-before-punct"} <= kinds
    assert {"subjectless-clause", "agreement"} <= kinds


def test_more_evidence_scores_higher() -> None:
    one = NATIVE + "\nThe ministry informed that the meeting would go ahead.\n"
    assert score(NATIVE) < score(one) < score(TRANSLATED)


def test_metrics_cover_every_detector_and_the_profile() -> None:
    metrics = SCORER.score(Document(id="t", text=TRANSLATED)).metrics
    for key in (
        "quote_punctuation",
        "space_before_punct",
        "inversion",
        "subjectless_clause",
        "missing_article",
        "calque",
        "reflexive_passive",
        "agreement",
    ):
        assert f"{key}_count" in metrics and f"{key}_per_1k" in metrics
    assert metrics["inversion_count"] == 1
    for key in ("function_word_deviation", "type_token_ratio", "evidence", "model_score"):
        assert key in metrics
    rules_only = TranslationArtifactsScorer(model_path=None).score(
        Document(id="t", text=TRANSLATED)
    )
    assert "profile_score" in rules_only.metrics and "model_score" not in rules_only.metrics


def test_every_span_has_a_reason() -> None:
    result = SCORER.score(Document(id="t", text=TRANSLATED))
    for span in result.spans:
        assert span.note and (span.note[0].isupper() or span.note[0] == '"')
        assert span.label.replace("-", "").isalpha() and span.label.islower()


def test_repeated_calque_counts_less_than_a_new_one() -> None:
    base = NATIVE + "\nThey proceed from the fact that talks will resume.\n"
    repeated = base + "We proceed from the fact that talks will resume.\n"
    different = base + "They gave new impulses to the talks.\n"
    assert score(repeated) < score(different)


def test_wording_inside_quotes_counts_less() -> None:
    voice = NATIVE + "\nOfficials proceed from the fact that talks will resume.\n"
    quoted = NATIVE + '\n"We proceed from the fact that talks will resume," he said.\n'
    assert score(quoted) < score(voice)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    doc = Document(id="h", text=text)
    check_result(SCORER.score(doc), SCORER, doc)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [" ", ",", ".", "”", "“", "«", "»", "—", "the ", "said ", "In Kiev", "A", "\n", "s "]
        ),
        max_size=300,
    )
)
def test_adversarial_punctuation_soup_never_crashes(parts: list[str]) -> None:
    doc = Document(id="h", text="".join(parts))
    check_result(SCORER.score(doc), SCORER, doc)


def test_long_runs_stay_fast() -> None:
    import time

    texts = [" " * 50_000 + "”x", "," + " " * 50_000 + ".", "«" * 20_000, "A " * 25_000]
    start = time.perf_counter()
    for text in texts:
        SCORER.score(Document(id="r", text=text))
    assert time.perf_counter() - start < 2.0
