"""Behaviour of the source_attribution scorer through its public interface.

Fixtures are short sentences written for these tests in ordinary news English; none comes
from the seed articles or the PolNeAR data. ``SCORER`` is the default scorer (the shipped
cue classifier), ``RULES`` the same scorer deciding cues with the hand lexicon alone.
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
from biaskit_source_attribution.attribution import INDIRECT, Attribution
from biaskit_source_attribution.model import RuleCueModel
from biaskit_source_attribution.speakers import resolve_speakers

SCORER = SourceAttributionScorer()
RULES = SourceAttributionScorer(model=RuleCueModel())
BOTH = pytest.mark.parametrize("scorer", [SCORER, RULES], ids=["model", "rules"])


def run(text: str, scorer: SourceAttributionScorer = SCORER) -> DimensionScore:
    return scorer.score(Document(id="t", text=text))


def spans_of(result: DimensionScore, text: str, label: str) -> list[str]:
    return [text[s.start : s.end] for s in result.spans if s.label == label]


def speakers(result: DimensionScore) -> dict[str, Any]:
    return {row["name"]: row for row in result.details["speakers"]}


def test_conformance() -> None:
    check_scorer(SCORER)


def test_conformance_without_a_model() -> None:
    check_scorer(RULES)


def test_plugin_registration() -> None:
    scorers = hook()
    assert biaskit_hook_version == "1.0"
    assert [s.name for s in scorers] == ["source_attribution"]
    assert scorers[0].default is True


@BOTH
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
def test_direct_quote_source_cue_and_content(
    scorer: SourceAttributionScorer, text: str, quote: str, speaker: str, cue: str
) -> None:
    r = run(text, scorer)
    assert spans_of(r, text, "quote") == [quote]
    assert spans_of(r, text, "cue") == [cue]
    assert r.details["main_speaker"] == speaker
    groups = {s.group for s in r.spans if s.label in ("quote", "cue", "speaker")}
    assert len(groups) == 1 and None not in groups


@BOTH
def test_quote_split_by_cue_is_one_relation_of_two_parts(scorer: SourceAttributionScorer) -> None:
    text = 'Mayor Ann Cole spoke at noon.\n\n"We are ready," Cole said. "The bridge opens in May."'
    r = run(text, scorer)
    quotes = [s for s in r.spans if s.label == "quote"]
    assert [text[s.start : s.end] for s in quotes] == [
        '"We are ready,"',
        '"The bridge opens in May."',
    ]
    assert quotes[0].group == quotes[1].group
    assert speakers(r)["Ann Cole"]["attributions"] == 1


@BOTH
def test_quote_over_two_paragraphs_is_one_quote(scorer: SourceAttributionScorer) -> None:
    text = (
        'Sara Ito, the city planner, said: "The first phase is done.\n\n'
        '"The second phase starts in spring and ends in autumn," she added.'
    )
    r = run(text, scorer)
    quotes = spans_of(r, text, "quote")
    assert any("first phase" in q and "second phase" in q for q in quotes)


@BOTH
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Peter Grant said that the deal would be signed next week.",
            "that the deal would be signed next week",
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
def test_indirect_speech(
    scorer: SourceAttributionScorer, text: str, content: str, speaker: str
) -> None:
    r = run(text, scorer)
    assert spans_of(r, text, "indirect") == [content]
    assert r.details["main_speaker"] == speaker


def test_source_with_apposition_between_commas() -> None:
    text = "Ana Ruiz, a spokeswoman for the port authority, said the cranes were repaired."
    r = run(text)
    assert spans_of(r, text, "speaker") == ["Ana Ruiz, a spokeswoman for the port authority,"]
    assert r.details["main_speaker"] == "Ana Ruiz"


def test_participle_shares_the_subject() -> None:
    text = "Omar Diallo criticised the plan on Monday, saying it would raise fares for students."
    r = run(text)
    saying = next(s for s in r.spans if s.label == "cue" and text[s.start : s.end] == "saying")
    content = [
        text[s.start : s.end] for s in r.spans if s.group == saying.group and s.label == "indirect"
    ]
    assert content == ["it would raise fares for students"]
    source = [
        text[s.start : s.end] for s in r.spans if s.group == saying.group and s.label == "speaker"
    ]
    assert source == ["Omar Diallo"]


def test_nested_reporting_verb_stays_inside_the_content() -> None:
    text = "Lucas Meyer said he believes the strike will end by Friday."
    r = run(text)
    assert spans_of(r, text, "cue") == ["said"]
    assert spans_of(r, text, "indirect") == ["he believes the strike will end by Friday"]


def test_name_colon_line_is_an_attribution() -> None:
    text = "Mayor Cole: We will rebuild the bridge by spring\n\nThe council met on Monday."
    r = run(text)
    assert spans_of(r, text, "speaker") == ["Mayor Cole"]
    assert spans_of(r, text, "indirect") == ["We will rebuild the bridge by spring"]
    assert spans_of(r, text, "cue") == [":"]


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
    assert r.metrics["distinct_sources"] == 1


@BOTH
@pytest.mark.parametrize(
    "text",
    [
        "Officials said the border would stay closed for another week.",
        "A source familiar with the talks said the two sides were close to a deal.",
        "Experts believe the drought will cut the harvest by a third.",
    ],
)
def test_anonymous_sources(scorer: SourceAttributionScorer, text: str) -> None:
    r = run(text, scorer)
    assert r.metrics["anonymous_attributions"] == 1
    assert r.metrics["named_share"] == 0.0
    assert spans_of(r, text, "anonymous-source")
    assert not spans_of(r, text, "speaker")


@BOTH
@pytest.mark.parametrize(
    "text",
    [
        "The minister reportedly plans to resign before the summer.",
        "It was reported that the company had lost two major clients.",
    ],
)
def test_attributions_with_no_source_at_all(scorer: SourceAttributionScorer, text: str) -> None:
    r = run(text, scorer)
    assert r.metrics["anonymous_attributions"] == 1
    assert not spans_of(r, text, "speaker") and not spans_of(r, text, "anonymous-source")
    cue = next(s for s in r.spans if s.label == "cue")
    assert "no source" in cue.note
    assert spans_of(r, text, "indirect")


@BOTH
@pytest.mark.parametrize(
    "text",
    [
        "The company added 300 jobs in the last quarter and expanded its offices in Leeds.",
        "She is a noted author whose stated aim is to write one book every year.",
        "The report, which runs to 200 pages, covers housing, transport and schools.",
        "The river rose by two metres overnight and flooded the lower town.",
    ],
)
def test_near_misses_do_not_fire(scorer: SourceAttributionScorer, text: str) -> None:
    r = run(text, scorer)
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


def test_agency_in_parentheses_and_according_to_an_agency() -> None:
    text = (
        "MOSCOW (AP) — The talks resumed on Tuesday.\n\n"
        "The ministry will publish its figures next month, according to Reuters."
    )
    r = run(text)
    assert r.details["outlets_credited"] == ["AP"]
    assert "Reuters" in r.details["outlets_mentioned"]
    assert speakers(r)["Reuters"]["attributions"] == 1


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


def test_speaker_table_shares_and_metrics() -> None:
    text = (
        'Ana Ruiz said the port would reopen on Monday. "The cranes are fixed," Ruiz said.\n\n'
        "Tom Berg said the unions had agreed to the new shifts."
    )
    r = run(text)
    table = speakers(r)
    assert table["Ana Ruiz"]["attributions"] == 2
    assert table["Tom Berg"]["attributions"] == 1
    total = sum(row["share_of_attributed_words"] for row in table.values())
    assert total == pytest.approx(1.0, abs=0.01)
    assert r.metrics["distinct_sources"] == 2
    assert 0.0 < r.metrics["quoted_word_share"] < 0.5
    assert r.metrics["named_share"] == 1.0


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
    cue = next(s for s in r.spans if s.label == "cue")
    assert "model p=" in cue.note
    assert all(0.0 <= s.score <= 1.0 and s.note for s in r.spans)


def test_with_model_loads_a_saved_model() -> None:
    from biaskit_source_attribution.model import DEFAULT_MODEL

    scorer = SCORER.with_model(DEFAULT_MODEL)
    text = '"We will not back down," Maria Lopez said.'
    assert run(text, scorer).spans == run(text).spans


@settings(max_examples=150, deadline=None)
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
            ":",
            " ",
            "\n",
            "\t",
            "\u00a0",
            "\u2003",
            "said",
            "told",
            "he",
            "Mr.",
            "Anna Berg",
            "Anna Berg:",
            "according to",
            "Reuters",
            "(AP) -",
            "officials",
            "that",
            "by",
            "was reported",
            "saying",
            "the minister",
        ]
    ),
    max_size=80,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(_NEWSY)
def test_newsy_fragments_keep_spans_inside_and_sorted(text: str) -> None:
    for scorer in (SCORER, RULES):
        r = run(text, scorer)
        keys = [(s.start, s.end) for s in r.spans]
        assert keys == sorted(keys)
        assert all(0 <= a <= b <= len(text) for a, b in keys)
        assert all(text[a:b].strip() for a, b in keys)


@pytest.mark.parametrize(
    ("source", "speaker"),
    [
        ("Ana Ruiz, who calls Tom Cole a fraud,", "Ana Ruiz"),
        ("the ambassador to the United States, Anna Berg", "Anna Berg"),
    ],
)
def test_speaker_of_a_source_with_an_apposition(source: str, speaker: str) -> None:
    text = f"{source} said the bridge is safe."
    start = text.index(" said")
    a = Attribution(INDIRECT, [(start + 6, len(text) - 1)], source=(0, len(source)))
    resolve_speakers(text, [a], [], [0])
    assert a.speaker == speaker


@pytest.mark.parametrize(
    ("text", "pronoun", "speaker"),
    [
        ("The bill was backed by Senator Ana Ruiz, who said it would pass.", "who", "Ana Ruiz"),
        ("Critics include Tom Cole, who said the plan was costly.", "who", "Tom Cole"),
        ("It quoted the ministry, which said the talks had failed.", "which", "the ministry"),
    ],
)
def test_a_relative_pronoun_speaks_for_its_antecedent(
    text: str, pronoun: str, speaker: str
) -> None:
    """The source span stays the pronoun (as PolNeAR marks it); the speakers table names
    who it stands for, not "who"."""
    start = text.index(f" {pronoun} ") + 1
    cue = text.index(" said", start)
    a = Attribution(INDIRECT, [(cue + 6, len(text) - 1)], source=(start, start + len(pronoun)))
    resolve_speakers(text, [a], [], [0])
    assert a.speaker == speaker


def test_a_description_is_named_without_its_relative_clause() -> None:
    text = "The ministry, which announced the talks on Monday, said they had failed."
    source = text.index(" said")
    a = Attribution(INDIRECT, [(source + 6, len(text) - 1)], source=(0, source))
    resolve_speakers(text, [a], [], [0])
    assert a.speaker == "the ministry"


def test_a_possessive_source_links_to_the_last_named_person() -> None:
    text = "Senator Ana Ruiz spoke on Monday. Her support of the bill was clear."
    start = text.index("Her")
    cue = text.index("support")
    a = Attribution(INDIRECT, [(cue + 8, len(text) - 1)], source=(start, start + 3))
    b = Attribution(INDIRECT, [(17, 32)], source=(0, 16))
    resolve_speakers(text, [b, a], [], [0, text.index("Her")])
    assert a.speaker == "Ana Ruiz" and a.resolved_by == "pronoun"


@pytest.mark.parametrize(
    ("source", "speaker"), [("The FBI", "the FBI"), ("CNN", "CNN"), ("The poll", "the poll")]
)
def test_a_description_keeps_its_acronyms(source: str, speaker: str) -> None:
    text = f"{source} said the files were lost."
    a = Attribution(INDIRECT, [(len(source) + 6, len(text) - 1)], source=(0, len(source)))
    resolve_speakers(text, [a], [], [0])
    assert a.speaker == speaker


def test_poll_lead_is_an_attribution() -> None:
    from biaskit_source_attribution.model import RuleCueModel

    text = (
        "The race is close. In a new CNN poll of likely voters, 31 percent of them backed the "
        "plan. In the morning, the mayor left."
    )
    _, atts, _ = SourceAttributionScorer(model=RuleCueModel()).analyse(text)
    (a,) = [a for a in atts if a.cue_lemma == "in"]
    assert text[a.source[0] : a.source[1]] == "a new CNN poll of likely voters"  # type: ignore[index]
    assert [text[s:e] for s, e in a.content] == ["31 percent of them backed the plan"]
