"""Behaviour of the source_attribution scorer through its public interface.

Fixtures are short sentences written for these tests in ordinary news English; none comes
from the seed articles or the dev data.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaskit.model import DimensionScore, Document
from biaskit.testing import check_scorer
from biaskit_source_attribution import SourceAttributionScorer, biaskit_hook_version
from biaskit_source_attribution import biaskit_scorers as hook

SCORER = SourceAttributionScorer()


def run(text: str) -> DimensionScore:
    return SCORER.score(Document(id="t", text=text))


def spans_of(result: DimensionScore, text: str, label: str) -> list[str]:
    return [text[s.start : s.end] for s in result.spans if s.label == label]


def speakers(result: DimensionScore) -> dict[str, Any]:
    return {row["name"]: row for row in result.details["speakers"]}


def test_conformance() -> None:
    check_scorer(SCORER)


def test_plugin_registration() -> None:
    scorers = hook()
    assert biaskit_hook_version == "1.0"
    assert [s.name for s in scorers] == ["source_attribution"]
    assert scorers[0].default is True


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue"),
    [
        (
            '"We will not back down," Maria Lopez said.',
            '"We will not back down,"',
            "Maria Lopez",
            "said",
        ),
        (
            "“The vote was fair,” said Tom Becker on Monday.",
            "“The vote was fair,”",
            "Tom Becker",
            "said",
        ),
        (
            'Helen Park told reporters: "The budget is balanced."',
            '"The budget is balanced."',
            "Helen Park",
            "told",
        ),
        (
            "«Prices will rise», the economist Jan Novak warned.",
            "«Prices will rise»",
            "Jan Novak",
            "warned",
        ),
    ],
)
def test_direct_quote_source_cue_and_content(text: str, quote: str, speaker: str, cue: str) -> None:
    r = run(text)
    assert spans_of(r, text, "quote") == [quote]
    assert spans_of(r, text, "cue") == [cue]
    assert r.details["main_speaker"] == speaker
    groups = {s.group for s in r.spans if s.label in ("quote", "cue", "speaker")}
    assert len(groups) == 1 and None not in groups


def test_quote_split_by_cue_keeps_the_speaker() -> None:
    text = 'Mayor Ann Cole spoke at noon.\n\n"We are ready," Cole said. "The bridge opens in May."'
    r = run(text)
    assert r.metrics["quotes"] == 2
    assert speakers(r)["Ann Cole"]["attributions"] == 2


def test_quote_over_two_paragraphs_is_one_quote() -> None:
    text = (
        'Sara Ito, the city planner, said: "The first phase is done.\n\n'
        '"The second phase starts in spring and ends in autumn," she added.'
    )
    r = run(text)
    quotes = spans_of(r, text, "quote")
    assert any("first phase" in q and "second phase" in q for q in quotes)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Peter Grant said that the deal would be signed next week.",
            "the deal would be signed next week",
            "Peter Grant",
        ),
        (
            "According to Lena Ford, the factory will close in June.",
            "the factory will close in June",
            "Lena Ford",
        ),
        (
            "The factory will close in June, Lena Ford said on Friday.",
            "The factory will close in June",
            "Lena Ford",
        ),
        (
            "The plant will reopen after repairs, said David Moss, a union leader.",
            "The plant will reopen after repairs",
            "David Moss",
        ),
        (
            "Senator Ruth Hale believes the bill has enough votes to pass.",
            "the bill has enough votes to pass",
            "Ruth Hale",
        ),
    ],
)
def test_indirect_speech(text: str, content: str, speaker: str) -> None:
    r = run(text)
    assert spans_of(r, text, "indirect") == [content]
    assert r.details["main_speaker"] == speaker


def test_pronoun_role_noun_and_surname_link_to_the_full_name() -> None:
    text = (
        "Foreign Minister Karl Weber arrived in Oslo on Monday.\n\n"
        "Weber said the talks had gone well.\n\n"
        '"We made progress on every point," he said.\n\n'
        "The minister added that a second round would follow in March."
    )
    r = run(text)
    table = speakers(r)
    assert list(table) == ["Karl Weber"]
    assert table["Karl Weber"]["attributions"] == 3
    assert table["Karl Weber"]["named"] is True
    assert r.metrics["named_share"] == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the border would stay closed for another week.",
        "A source familiar with the talks said the two sides were close to a deal.",
        "Experts believe the drought will cut the harvest by a third.",
        "The minister reportedly plans to resign before the summer.",
        "It was reported that the company had lost two major clients.",
    ],
)
def test_anonymous_sources(text: str) -> None:
    r = run(text)
    assert r.metrics["anonymous_attributions"] == 1
    assert r.metrics["named_share"] == 0.0
    assert spans_of(r, text, "anonymous-source")


@pytest.mark.parametrize(
    "text",
    [
        "The company added 300 jobs in the last quarter and expanded its offices in Leeds.",
        "She is a noted author whose stated aim is to write one book every year.",
        "The board met on Tuesday to discuss the budget for the coming year.",
        "He told a long story about his childhood in a small coastal village.",
        "The report, which runs to 200 pages, covers housing, transport and schools.",
        'Critics call it a "soft" tax, though it raises more than the old one did.',
    ],
)
def test_near_misses_do_not_fire(text: str) -> None:
    r = run(text)
    assert r.metrics["quotes"] == 0
    assert r.metrics["indirect_attributions"] == 0
    assert r.label == "no attribution"
    assert r.score == 0.0


def test_dateline_credits_the_agency() -> None:
    text = (
        "LONDON (Reuters) - Britain's trade deficit narrowed in March, official data showed on "
        "Friday, as exports of fuel rose sharply."
    )
    r = run(text)
    assert r.details["outlets_credited"] == ["Reuters"]
    assert spans_of(r, text, "dateline") == ["LONDON (Reuters) -"]


def test_credit_line_is_normalised() -> None:
    text = "The ministry said it would publish the figures next month.\n\nSource : Tass"
    r = run(text)
    assert r.details["outlets_credited"] == ["TASS"]
    assert r.metrics["outlets_credited"] == 1


def test_interview_channel_of_main_speaker_is_credited_others_mentioned() -> None:
    text = (
        "Energy Minister Omar Haddad told Interfax that output would rise next year.\n\n"
        '"We have the capacity," Haddad said. "The fields are ready."\n\n'
        "Earlier, economist Lisa Brandt said in an interview with CNN that prices could fall."
    )
    r = run(text)
    assert r.details["main_speaker"] == "Omar Haddad"
    assert r.details["outlets_credited"] == ["Interfax"]
    assert r.details["outlets_mentioned"] == ["CNN"]


def test_score_is_share_of_attributed_sentences() -> None:
    text = (
        "The river rose by two metres overnight and flooded the lower town.\n\n"
        "Hundreds of families spent the night in the school gym on the hill.\n\n"
        "Rescue chief Mark Olsen said the water would recede by Thursday evening.\n\n"
        "Roads into the town stayed closed to all traffic on Wednesday morning."
    )
    r = run(text)
    assert r.metrics["attributed_sentence_share"] == pytest.approx(0.25)
    assert r.score == pytest.approx(0.25)
    assert r.label == "partly attributed"


def test_mostly_attributed_label() -> None:
    text = (
        "Chief Inspector Anna Berg said the search would go on through the night.\n\n"
        '"We will not stop until we find them," Berg said.\n\n'
        "The inspector added that two more teams would arrive in the morning."
    )
    r = run(text)
    assert r.label == "mostly attributed"
    assert r.score == 1.0


def test_span_notes_and_groups() -> None:
    text = '"Nothing has been decided yet," said Carla Diaz, the party spokeswoman.'
    r = run(text)
    quote = next(s for s in r.spans if s.label == "quote")
    assert "Carla Diaz" in quote.note and "said" in quote.note
    assert all(0.0 <= s.score <= 1.0 and s.note for s in r.spans)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    r = run(text)
    assert 0.0 <= r.score <= 1.0
    for s in r.spans:
        assert 0 <= s.start <= s.end <= len(text)


_NEWSY = st.lists(
    st.sampled_from(
        [
            '"',
            "“",
            "”",
            "«",
            "»",
            "''",
            ",",
            ".",
            " ",
            "\n",
            "said",
            "told",
            "he",
            "Mr.",
            "Anna Berg",
            "according to",
            "Reuters",
            "(AP) -",
            "officials",
            "that",
            "the minister",
        ]
    ),
    max_size=80,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_NEWSY)
def test_newsy_fragments_keep_spans_inside_and_sorted(text: str) -> None:
    r = run(text)
    keys = [(s.start, s.end) for s in r.spans]
    assert keys == sorted(keys)
    assert all(0 <= a <= b <= len(text) for a, b in keys)


@pytest.mark.parametrize(
    "unit",
    ['"a," he said. ', "said, ", '"', "A ", " ", "''", "(", "Anna Berg told Reuters that ", "\xa0"],
)
def test_adversarial_runs_stay_linear(unit: str) -> None:
    import time

    def cost(n: int) -> float:
        doc = Document(id="t", text=unit * n)
        t0 = time.perf_counter()
        SCORER.score(doc)
        return time.perf_counter() - t0

    small, large = cost(4000), cost(16000)
    # Four times the input may cost at most about four times as much (slack for noise).
    assert large < max(0.05, small * 8)
