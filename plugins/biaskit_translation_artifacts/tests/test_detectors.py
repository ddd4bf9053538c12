"""Each detector: sentences that must fire and native-English near-misses that must not.

Everything goes through the scorer's public interface; a detector is identified by the
label of the spans it produces.
"""

from __future__ import annotations

import pytest

from biaskit import Document
from biaskit_translation_artifacts import TranslationArtifactsScorer

# Spans do not depend on the model: the detectors-only scorer keeps these tests light.
SCORER = TranslationArtifactsScorer(model_path=None)


def fired(text: str, label: str) -> list[str]:
    result = SCORER.score(Document(id="t", text=text))
    return [text[s.start : s.end] for s in result.spans if s.label == label]


# --- quote-punctuation -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "\u201cWe will continue our work, \u201dhe said.",
        "\u201cThe talks went well. \u201dthe minister added.",
        "He called it \u00aba historic step\u00bb in his speech.",
        "\u201cWe are ready to talk, \u2014 he said. \u2014 But not under pressure.\u201d",
    ],
)
def test_quote_punctuation_fires(text: str) -> None:
    assert fired(text, "quote-punctuation")


@pytest.mark.parametrize(
    "text",
    [
        "\u201cWe will continue our work,\u201d he said.",
        "Another official said: \u201dBird flu is spreading.\u201d",
        'He said, "we will see."',
        "Prices rose sharply \u2014 the biggest jump in a decade \u2014 last month.",
        "\u00abРусский текст\u00bb с кавычками и ещё немного слов для проверки.",
    ],
)
def test_quote_punctuation_near_misses(text: str) -> None:
    assert not fired(text, "quote-punctuation")


# --- space-before-punct -------------------------------------------------------------------


def test_space_before_full_stop_fires() -> None:
    found = fired(
        "He called for better relations with the United States . Talks resume.",
        "space-before-punct",
    )
    assert found == [" ."]


@pytest.mark.parametrize(
    "text",
    [
        "Wait for it ... the results are in.",
        "The rate rose to .5 percent, and the file is called report .pdf on the site.",
        "Version 2.0, released today, fixes it.",
    ],
)
def test_space_before_punct_near_misses(text: str) -> None:
    assert not fired(text, "space-before-punct")


def test_systematic_comma_spacing_is_weak_evidence() -> None:
    text = "The senator , who spoke first , said the bill , which passed , was good , he said."
    result = SCORER.score(Document(id="t", text=text))
    spans = [s for s in result.spans if s.label == "space-before-punct"]
    assert len(spans) == 5 and all(s.score <= 0.15 for s in spans)


# --- inversion ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "About this in an interview with a news agency said the Russian ambassador.",
        "Earlier, reported the press office of the ministry.",
        "On this at a briefing stated the foreign ministry spokeswoman, Maria Ivanova.",
    ],
)
def test_inversion_fires(text: str) -> None:
    assert fired(text, "inversion")


@pytest.mark.parametrize(
    "text",
    [
        '"We will not back down," said the spokesman.',
        "\u201cThe talks are over,\u201d said the Russian ambassador.",
        "In an interview, the ambassador said the talks had stalled.",
        "In the interview he said the economy was weak.",
        "So said the minister, and nobody argued.",
        "Now, said the official, the plan is ready to go.",
        "\u201cIn the valley below said the old man a river once ran.\u201d",
    ],
)
def test_inversion_near_misses(text: str) -> None:
    assert not fired(text, "inversion")


# --- subjectless-clause ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In Kiev, brought the case to the police for beating a journalist.",
        "Last week, opened a criminal case against the former mayor.",
        "In the region, was opened a criminal case into the incident.",
    ],
)
def test_subjectless_clause_fires(text: str) -> None:
    assert fired(text, "subjectless-clause")


@pytest.mark.parametrize(
    "text",
    [
        "In Kiev, armed men stormed the building.",
        "In Kiev, Ukraine, the police opened a case.",
        "In Kiev, police brought the case to court.",
        "Last year, reported the Guardian, the firm lost money.",
        "In 2015, limited resources forced the closure.",
    ],
)
def test_subjectless_clause_near_misses(text: str) -> None:
    assert not fired(text, "subjectless-clause")


# --- missing-article ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The delegation arrived at airport on Monday.",
        "He handed the note to Russian embassy on Friday.",
        "The strike destroyed fortifications, artillery positions, ammunition depot and tunnels.",
        "The agreement set up a safe zone in the country south, officials said.",
    ],
)
def test_missing_article_fires(text: str) -> None:
    assert fired(text, "missing-article")


@pytest.mark.parametrize(
    "text",
    [
        "The delegation arrived at the airport on Monday.",
        "Fighting spread from region to region over the summer.",
        "Russia Sends Note To Embassy Over Spy Row",
        "They moved to a country south of the border.",
        "The strike hit fortifications, artillery positions, an ammunition depot and tunnels.",
        "She travelled by car, train and plane.",
    ],
)
def test_missing_article_near_misses(text: str) -> None:
    assert not fired(text, "missing-article")


# --- calque -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The ministry wrote in Twitter that talks would resume.",
        "Follow us in Facebook!",
        "I proceed from the fact that the talks will continue.",
        "The forum should give serious impulses to the process.",
        "We felt painful attacks on our address every day.",
        "A lot of work will have to be done in Moscow analyze the relations.",
        "The Arab Republic's airspace was closed to flights.",
        "They are partners whose friendship was tested in combat.",
        "He went into the pre-flight control zone without comment.",
        "The bill depends from the vote of the regions.",
        "Dialogue is possible only on the basis of mutual respect.",
        "The ministry informed that the border would reopen.",
        "Relations have become a hostage of the internal political fight.",
    ],
)
def test_calque_fires(text: str) -> None:
    assert fired(text, "calque")


@pytest.mark.parametrize(
    "text",
    [
        "He wrote in the Twitter post that talks would resume.",
        "Investors in Twitter lost money this year.",
        "The ministry said on Twitter that talks would resume.",
        "Read more in the internet age of news.",
        "He told that story many times.",
        "She was informed that the flight was cancelled.",
        "The Syrian Arab Republic's airspace was closed.",
        "The weapon was tested in combat last year.",
        "Officials in Moscow discuss the issue regularly.",
        "Tell us your address and we will write back.",
    ],
)
def test_calque_near_misses(text: str) -> None:
    assert not fired(text, "calque")


# --- reflexive-passive --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "\u201cThe Russian factor\u201d is trying to play in the domestic political struggle.",
        "The migration issue is trying to use in the election campaign.",
    ],
)
def test_reflexive_passive_fires(text: str) -> None:
    assert fired(text, "reflexive-passive")


@pytest.mark.parametrize(
    "text",
    [
        "The team is trying to play in the final.",
        "The government is trying to use the issue in the campaign.",
        "The bill is trying to solve the housing problem.",
        "\u201cThe Russian factor\u201d is being played in the campaign.",
    ],
)
def test_reflexive_passive_near_misses(text: str) -> None:
    assert not fired(text, "reflexive-passive")


# --- agreement ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the sanctions was a mistake.",
        "He have no plans to resign.",
        "They was not invited to the talks.",
        "The new missile is more stronger than the old one.",
        "Campaign Bears Results, UK Hardy Achieved Anything",
    ],
)
def test_agreement_fires(text: str) -> None:
    assert fired(text, "agreement")


@pytest.mark.parametrize(
    "text",
    [
        "One of the reasons is the cost.",
        "If she were in charge, things would differ.",
        "Did he have any choice?",
        "The news is bad and the series was cancelled.",
        "The strategy for ending the protests is clear.",
        "Central to it are the costs of the programme.",
        "Tom Hardy achieved fame early.",
        "The United States is ready.",
    ],
)
def test_agreement_near_misses(text: str) -> None:
    assert not fired(text, "agreement")


# --- rare-collocation (needs wordfreq) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Washington determinately abandoned diplomacy.",
        "The rights of citizens are inalienably guaranteed by the charter.",
        "The accusations were groundlessly repeated by the minister.",
    ],
)
def test_rare_collocation_fires(text: str) -> None:
    pytest.importorskip("wordfreq")
    found = fired(text, "rare-collocation")
    assert found and len(found[0].split()) == 2  # the adverb and the word it modifies


@pytest.mark.parametrize(
    "text",
    [
        "Washington decisively abandoned diplomacy.",
        "The minister repeatedly and categorically denied the reports.",
        "Prices rose unexpectedly sharply in the first quarter.",
        "The family lived happily in a small flat.",
    ],
)
def test_rare_collocation_near_misses(text: str) -> None:
    assert not fired(text, "rare-collocation")


def test_rare_collocation_note_gives_the_frequency() -> None:
    pytest.importorskip("wordfreq")
    result = SCORER.score(Document(id="t", text="Washington determinately abandoned diplomacy."))
    (span,) = [s for s in result.spans if s.label == "rare-collocation"]
    assert "Zipf" in span.note and "determinate" in span.note and "abandoned" in span.note
