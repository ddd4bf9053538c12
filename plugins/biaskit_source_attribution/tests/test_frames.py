"""Frames: where source and content lie around an accepted cue, for hand-placed cues.

The cues are placed by hand so that these tests check the frame rules alone, whatever a
trained classifier would accept.
"""

from __future__ import annotations

import pytest

from biaskit import Document
from biaskit_source_attribution import SourceAttributionScorer
from biaskit_source_attribution.frames import POLL, CueHit, build_attributions
from biaskit_source_attribution.scan import scan


def relations(text: str, *cues: str) -> list[dict[str, object]]:
    """Relations for the given cue phrases (each the first occurrence after the last)."""
    hits = []
    pos = 0
    for cue in cues:
        start = text.index(cue, pos)
        head = "according" if cue.lower().startswith("according") else cue.split()[-1].lower()
        hits.append(CueHit(start, start + len(cue), head, 0.9, "test"))
        pos = start + len(cue)
    out = []
    for a in build_attributions(scan(text, frozenset()), hits):
        out.append(
            {
                "cue": text[a.cue[0] : a.cue[1]] if a.cue else None,
                "source": text[a.source[0] : a.source[1]] if a.source else None,
                "content": [text[s:e] for s, e in a.content],
            }
        )
    return out


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ('"We are ready," Cole said.', "said", "Cole", ['"We are ready,"']),
        ('"We are ready," said Mayor Ann Cole.', "said", "Mayor Ann Cole", ['"We are ready,"']),
        ('Cole said: "We are ready."', "said", "Cole", ['"We are ready."']),
        ("Cole said that the bridge is safe.", "said", "Cole", ["that the bridge is safe"]),
        ("Cole said on Monday that it is safe.", "said", "Cole", ["that it is safe"]),
        (
            "81-year-old Ann Cole, a retired teacher, said that it is safe.",
            "said",
            "81-year-old Ann Cole, a retired teacher,",
            ["that it is safe"],
        ),
        ("The bridge is safe, Cole said on Monday.", "said", "Cole", ["The bridge is safe"]),
        ("The bridge is safe, said Mayor Cole.", "said", "Mayor Cole", ["The bridge is safe"]),
        ("Cole told reporters the bridge is safe.", "told", "Cole", ["the bridge is safe"]),
        (
            "Harry Reid (D-Nev.) said the vote would wait.",
            "said",
            "Harry Reid (D-Nev.)",
            ["the vote would wait"],
        ),
        (
            "Ana Ruiz, who chairs the board, said the vote would wait.",
            "said",
            "Ana Ruiz, who chairs the board,",
            ["the vote would wait"],
        ),
        (
            "About this in an interview said the ambassador, Anatoly Antonov.",
            "said",
            "the ambassador, Anatoly Antonov",
            ["About this in an interview"],
        ),
        (
            "The bridge will reopen in May, according to the city.",
            "according to",
            "the city",
            ["The bridge will reopen in May"],
        ),
        (
            "According to the city, the bridge will reopen in May.",
            "According to",
            "the city",
            ["the bridge will reopen in May"],
        ),
        (
            "The plan was criticized by several unions.",
            "criticized",
            "several unions",
            ["The plan"],
        ),
        ("Voters who said they were undecided", "said", "who", ["they were undecided"]),
    ],
)
def test_frames(text: str, cue: str, source: str, content: list[str]) -> None:
    (found,) = relations(text, cue)
    assert found == {"cue": cue, "source": source, "content": content}


def test_passive_without_agent_has_no_source() -> None:
    (found,) = relations("The deal was announced on Friday.", "was announced")
    assert found["source"] is None
    assert found["content"] == ["The deal"]


def test_hedge_has_no_source_and_content_around_it() -> None:
    (found,) = relations("The minister reportedly plans to resign.", "reportedly")
    assert found["source"] is None
    assert found["content"] == ["The minister", "plans to resign"]


def test_participle_shares_the_source_and_splits_the_content() -> None:
    found = relations("Cole praised the plan, saying it would save money.", "praised", "saying")
    assert found == [
        {"cue": "praised", "source": "Cole", "content": ["the plan"]},
        {"cue": "saying", "source": "Cole", "content": ["it would save money"]},
    ]


@pytest.mark.parametrize(
    ("text", "cues", "source"),
    [
        # An adverb or a subordinator between the comma and the participle.
        ("Cole praised the plan, quickly adding that it works.", ("praised", "adding"), "Cole"),
        ("Cole praised the plan, while stressing it works.", ("praised", "stressing"), "Cole"),
        # A comma inside the closing quotation mark.
        ("Cole called it “a mess,” claiming it would fail.", ("called", "claiming"), "Cole"),
    ],
)
def test_participle_after_adverb_or_quote_shares_the_source(
    text: str, cues: tuple[str, str], source: str
) -> None:
    found = relations(text, *cues)
    assert [f["source"] for f in found] == [source, source]


def test_lone_determiner_is_not_a_shared_subject() -> None:
    text = "The day before, at a rally in Ohio, Mr. Trump was blunt, claiming it was rigged."
    (found,) = relations(text, "claiming")
    assert found["source"] == "Mr. Trump"


def test_name_after_a_clause_heads_its_apposition() -> None:
    text = (
        "The administration contends it is still on track to meet those targets, and Brian"
        " Deese, the climate adviser, said the goal is near."
    )
    (found,) = relations(text, "said")
    assert found["source"] == "Brian Deese, the climate adviser,"


def test_party_label_inside_an_apposition_subject() -> None:
    text = "Sen. Ted Cruz (R-Texas), also a hopeful, called the plan a disaster."
    (found,) = relations(text, "called")
    assert found["source"] == "Sen. Ted Cruz (R-Texas), also a hopeful,"


@pytest.mark.parametrize("cue", ["seems", "appears"])
def test_raising_verb_has_no_source(cue: str) -> None:
    (found,) = relations(f"Trump {cue} to understand the stakes.", cue)
    assert found["source"] is None
    assert found["content"] == ["to understand the stakes"]


def test_passive_after_a_perfect_auxiliary_has_no_source() -> None:
    (found,) = relations("The deal had been expected to pass.", "had been expected")
    assert found["source"] is None


def test_two_relations_in_one_sentence_do_not_overlap() -> None:
    found = relations("Cole said the bridge is safe and Ruiz said it is not.", "said", "said")
    assert [f["content"] for f in found] == [["the bridge is safe"], ["it is not"]]
    assert [f["source"] for f in found] == ["Cole", "Ruiz"]


def test_cue_inside_the_content_of_another_is_dropped() -> None:
    found = relations("Cole said he believes the bridge is safe.", "said", "believes")
    assert found == [
        {"cue": "said", "source": "Cole", "content": ["he believes the bridge is safe"]}
    ]


def test_continuing_quotation_joins_the_relation() -> None:
    text = '"We are ready," Cole said. "The bridge opens in May."\n\n"It will be busy," she added.'
    found = relations(text, "said", "added")
    assert found[0]["content"] == ['"We are ready,"', '"The bridge opens in May."']
    assert found[1]["content"] == ['"It will be busy,"']


def test_scare_quote_is_not_a_continuation() -> None:
    text = 'Cole said the bridge is safe. Critics call it a "white elephant" anyway.'
    (found,) = relations(text, "said")
    assert found["content"] == ["the bridge is safe"]


def test_name_colon_frame() -> None:
    text = "Mayor Cole: We will rebuild the bridge\nNext line."
    hit = CueHit(10, 11, ":", 0.8, "test", (0, 10))
    (a,) = build_attributions(scan(text, frozenset()), [hit])
    assert text[a.source[0] : a.source[1]] == "Mayor Cole"  # type: ignore[index]
    assert [text[s:e] for s, e in a.content] == ["We will rebuild the bridge"]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # A quotation closing on a comma is the statement, whatever follows the tag.
        (
            '"We are ready for the storm," Cole said when asked about the bridge.',
            "said",
            "Cole",
            ['"We are ready for the storm,"'],
        ),
        (
            '"Is the bridge safe for trucks?" Cole asked during the hearing.',
            "asked",
            "Cole",
            ['"Is the bridge safe for trucks?"'],
        ),
        # The cue closes the sentence although a relative clause or apposition follows;
        # the source runs over it to the end of the sentence.
        (
            "The bridge is safe, said Ana Ruiz, who chairs the board.",
            "said",
            "Ana Ruiz, who chairs the board",
            ["The bridge is safe"],
        ),
        (
            "The bridge is safe, said Ana Ruiz, another engineer who worked on it.",
            "said",
            "Ana Ruiz, another engineer who worked on it",
            ["The bridge is safe"],
        ),
        (
            "The race will be tight, said Dan Gerstein, director of Gotham Ghostwriters and "
            "an independent political analyst in New York City.",
            "said",
            "Dan Gerstein, director of Gotham Ghostwriters and an independent political "
            "analyst in New York City",
            ["The race will be tight"],
        ),
        (
            '"This set off our fear," said a Mexican official who was not authorized to '
            "speak publicly on this issue.",
            "said",
            "a Mexican official who was not authorized to speak publicly on this issue",
            ['"This set off our fear,"'],
        ),
        # A participle after the source is not part of it.
        (
            '"We are ready," said Ana Ruiz, referring to the storm.',
            "said",
            "Ana Ruiz",
            ['"We are ready,"'],
        ),
        # A subject before the cue keeps it: the words after the cue are what was said.
        (
            "Ana Ruiz, an engineer, said their plans, already late, would wait.",
            "said",
            "Ana Ruiz, an engineer,",
            ["their plans, already late, would wait"],
        ),
        (
            "The bridge is safe, she told the council in a letter.",
            "told",
            "she",
            ["The bridge is safe"],
        ),
        (
            "The bridge is safe, said several engineers.",
            "said",
            "several engineers",
            ["The bridge is safe"],
        ),
        # An object relative: what was said is the pronoun, not the words after the cue.
        ("The claims, which Cole denies, cost him votes.", "denies", "Cole", ["which"]),
        # A participle clause after the content is not part of what was said.
        (
            "Cole said the bridge is safe, prompting protests downtown.",
            "said",
            "Cole",
            ["the bridge is safe"],
        ),
        # Passives: an adverb after the auxiliary, and a reduced relative with its agent.
        ("Donations are typically reported in broad ranges.", "reported", None, ["Donations"]),
        (
            "A judge blocked the new law, opposed by Democrats, on Monday.",
            "opposed",
            "Democrats",
            ["A judge blocked the new law"],
        ),
        # The words between a relative pronoun and the cue are a predicate, not a subject.
        (
            "Ruiz, who has in the past praised the plan, spoke first.",
            "praised",
            "who",
            ["the plan, spoke first"],
        ),
    ],
)
def test_more_frames(text: str, cue: str, source: str | None, content: list[str]) -> None:
    (found,) = relations(text, cue)
    assert found == {"cue": cue, "source": source, "content": content}


def test_quoted_name_is_not_a_statement() -> None:
    text = 'Lehel, the hacker known as "Guccifer," stated that he had access to the server.'
    (found,) = relations(text, "stated")
    assert found["content"] == ["that he had access to the server"]


def test_cue_after_a_tagged_quotation_keeps_its_own_content() -> None:
    text = '"We checked every cable twice," Cole said, adding that the bridge is safe.'
    found = relations(text, "said", "adding")
    assert [f["content"] for f in found] == [
        ['"We checked every cable twice,"'],
        ["that the bridge is safe"],
    ]


def test_quotation_in_the_sentence_before_is_not_taken() -> None:
    text = '"We are ready for it," Cole said of the plan. But, Ruiz added, he opposes the toll.'
    found = relations(text, "said", "added")
    assert [f["content"] for f in found] == [['"We are ready for it,"'], ["he opposes the toll"]]


def test_quotation_after_reported_speech_is_left_alone() -> None:
    text = 'Cole said the bridge is safe.\n\n"We checked every single cable twice last week."'
    (found,) = relations(text, "said")
    assert found["content"] == ["the bridge is safe"]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # A comment clause with "as": what was reported is the clause it is attached to.
        (
            "The walkout was called off, as the union reported a few days later.",
            "reported",
            "the union",
            ["The walkout was called off"],
        ),
        # A quotation inside the sentence handing over to the tag: the whole statement.
        (
            'The plan would "end the bridge tolls for good," Cole said in an interview.',
            "said",
            "Cole",
            ['The plan would "end the bridge tolls for good,"'],
        ),
        # Appositions may hold quoted titles; the source runs to the comma that closes them.
        (
            'Ana Ruiz, host of the radio show "City Talk," said the bridge is safe.',
            "said",
            'Ana Ruiz, host of the radio show "City Talk,"',
            ["the bridge is safe"],
        ),
        # A parenthesis between dashes belongs to the subject.
        (
            "Several engineers - including two from the city - said the bridge is safe.",
            "said",
            "Several engineers - including two from the city -",
            ["the bridge is safe"],
        ),
    ],
)
def test_clauses_around_the_source(
    text: str, cue: str, source: str | None, content: list[str]
) -> None:
    (found,) = relations(text, cue)
    assert found == {"cue": cue, "source": source, "content": content}


def test_relation_inside_a_subject_ends_with_it() -> None:
    text = (
        "Cole, who said last week that the bridge was unsafe after the storm, issued a "
        "statement on Tuesday."
    )
    inner, outer = relations(text, "said", "issued a statement")
    assert inner["source"] == "who"
    assert inner["content"] == ["that the bridge was unsafe after the storm"]
    assert outer["source"] == "Cole, who said last week that the bridge was unsafe after the storm,"


def test_inverted_source_stops_before_a_relation_of_its_own() -> None:
    text = "The bridge is safe, said Ana Ruiz, who praised the plan."
    first, second = relations(text, "said", "praised")
    assert first["source"] == "Ana Ruiz"
    assert second["source"] == "who"


def test_poll_lead() -> None:
    text = "In a new CNN poll of likely voters, 31 percent of them backed the plan."
    hit = CueHit(0, 2, POLL, 0.8, "test")
    (a,) = build_attributions(scan(text, frozenset()), [hit])
    assert text[a.source[0] : a.source[1]] == "a new CNN poll of likely voters"  # type: ignore[index]
    assert [text[s:e] for s, e in a.content] == ["31 percent of them backed the plan"]


def test_subject_after_a_relative_clause_with_its_own_cue() -> None:
    text = "Ana Ruiz, who has praised the plan, said the bridge is safe."
    found = relations(text, "praised", "said")
    assert found[-1] == {
        "cue": "said",
        "source": "Ana Ruiz, who has praised the plan,",
        "content": ["the bridge is safe"],
    }


def test_participle_with_a_colon_takes_the_quotation_after_it() -> None:
    text = '"We checked every cable twice," Cole said, adding: "The bridge is safe."'
    found = relations(text, "said", "adding")
    assert [f["content"] for f in found] == [
        ['"We checked every cable twice,"'],
        ['"The bridge is safe."'],
    ]


def test_a_cue_before_a_participle_and_a_colon_leaves_the_quotation_to_the_participle() -> None:
    # "reacted ..., saying: '...'": the colon ends the participle's clause, not the first
    # cue's, which used to take the quotation and leave "saying" without a source.
    text = 'Ana Ruiz reacted to the ruling, saying: "The bridge is safe."'
    found = relations(text, "reacted", "saying")
    assert found == [
        {"cue": "reacted", "source": "Ana Ruiz", "content": ["to the ruling"]},
        {"cue": "saying", "source": "Ana Ruiz", "content": ['"The bridge is safe."']},
    ]
    # A colon after a short phrase of the cue's own still takes the quotation.
    text = 'Ana Ruiz wrote of the ruling in a statement: "The bridge is safe."'
    assert relations(text, "wrote")[0]["content"] == ['"The bridge is safe."']


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The bridge, Cole said, is safe for trucks.", ["The bridge", "is safe for trucks"]),
        (
            "Overall, she said, the city has more bridges than it can repair.",
            ["Overall", "the city has more bridges than it can repair"],
        ),
    ],
)
def test_speaker_tag_inside_the_statement(text: str, content: list[str]) -> None:
    (found,) = relations(text, "said")
    assert found["content"] == content


def test_relative_pronoun_with_a_contraction_is_the_source() -> None:
    text = "Ana Ruiz, who’s been pushing for new tolls, spoke first."
    (found,) = relations(text, "pushing for")
    assert found["source"] == "who"


def test_a_roster_after_a_colon_is_not_a_statement() -> None:
    text = "Ohio: Ana Ruiz, Tom Cole, Sara Ito, Ben Marsh\nNext line."
    hit = CueHit(4, 5, ":", 0.8, "test", (0, 4))
    assert build_attributions(scan(text, frozenset()), [hit]) == []


def test_a_tally_after_a_colon_is_not_a_statement() -> None:
    # Primary results ("Clinton: 1,769.") have numbers, not words, after the name.
    text = "Clinton: 1,769.\nSanders: We won 1,501 delegates\nNext line."
    hits = [CueHit(7, 8, ":", 0.8, "test", (0, 7)), CueHit(23, 24, ":", 0.8, "test", (16, 23))]
    found = build_attributions(scan(text, frozenset()), hits)
    assert [text[s:e] for a in found for s, e in a.content] == ["We won 1,501 delegates"]


@pytest.mark.parametrize(
    "text",
    [
        # After a dash as after a comma.
        "Ann Cole changed her mind on the spot \u2013 saying the bridge was safe.",
        # After a wire dateline, the subject is the name that follows it.
        "OSLAVA (AFP) \u2013 Ann Cole took a swipe at the council, saying the bridge was safe.",
    ],
)
def test_a_participle_shares_the_subject_of_its_clause(text: str) -> None:
    (found,) = relations(text, "saying")
    assert found["source"] == "Ann Cole"
    assert found["content"] == ["the bridge was safe"]


def test_an_adverb_alone_before_the_cue_is_not_its_subject() -> None:
    # The subject search stops at the comma, leaving "confidently", which the speakers
    # table used to list as a speaker.
    text = "Ana Ruiz, the engineer, confidently stated that the bridge is safe."
    assert relations(text, "stated") == [
        {
            "cue": "stated",
            "source": "Ana Ruiz, the engineer,",
            "content": ["that the bridge is safe"],
        }
    ]
    # After a relative pronoun and an auxiliary, the pronoun is the source.
    text = "Cruz, a lawyer who has successfully argued that the law is void, spoke."
    assert relations(text, "argued")[0]["source"] == "who"


def test_a_preposition_before_an_opening_participle_is_not_its_source() -> None:
    # "Besides" used to be the participle's source; the main clause's subject is.
    text = "Besides praising the bridge, Ana Ruiz warned that repairs would take years."
    found = relations(text, "praising", "warned")
    assert [(f["cue"], f["source"]) for f in found] == [
        ("praising", "Ana Ruiz"),
        ("warned", "Ana Ruiz"),
    ]


def test_opening_participle_shares_the_main_subject() -> None:
    text = "Conceding that the bridge is old, Cole warned that repairs would take years."
    found = relations(text, "Conceding", "warned")
    assert found == [
        {"cue": "Conceding", "source": "Cole", "content": ["that the bridge is old"]},
        {"cue": "warned", "source": "Cole", "content": ["that repairs would take years"]},
    ]


@pytest.mark.parametrize("blank", ["\t", "\u2003", "\x0b", "\u00a0"])
def test_only_punctuation_and_odd_white_space_after_a_closing_cue(blank: str) -> None:
    # "said, <tab>." once raised IndexError: what followed the cue stripped to white space
    # that the strip of plain spaces left, and had no first word.
    # It is read as the same text with a plain space there.
    text = f"He said, {blank}."
    assert relations(text, "said") == relations("He said,  .", "said")
    assert SourceAttributionScorer().score(Document("d", text)).dimension == "source_attribution"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # A noun cue after an article: "the" is not who asks the question.
        ("For many, the question becomes: how could the foundation keep it?", "question"),
        ("It is a concern for both sides that the deal could collapse.", "concern"),
        ("There was no doubt that the deal could collapse.", "doubt"),
        # An expletive subject.
        ("There are fears that the crowd will be too large.", "fears"),
        ("It’s hard to know where the donors will go.", "know"),
        ("It is safe to say that he meant the border.", "say"),
    ],
)
def test_the_words_before_such_a_cue_are_no_source(text: str, cue: str) -> None:
    [found] = relations(text, cue)
    assert found["source"] is None


@pytest.mark.parametrize("lead", ["Even", "Perhaps", "Meanwhile", "Indeed"])
def test_a_leading_adverb_is_not_part_of_the_source(lead: str) -> None:
    [found] = relations(f"{lead} the mayor admitted that the bridge is unsafe.", "admitted")
    assert found["source"] == "the mayor"


def test_it_with_its_own_verb_is_still_a_source() -> None:
    [found] = relations("The ministry issued a statement. It said the talks had failed.", "said")
    assert found["source"] == "It"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The talks ended on Friday, with officials saying a deal was close.", "officials"),
        ("They met, with each candidate questioning the other's fitness.", "each candidate"),
    ],
)
def test_a_participle_after_with_has_its_own_subject(text: str, source: str) -> None:
    cue = "saying" if "saying" in text else "questioning"
    [found] = relations(text, cue)
    assert found["source"] == source


def test_content_before_a_with_clause_does_not_end_in_with() -> None:
    text = "Cole said the bridge is safe, with engineers saying it could carry trucks."
    first, second = relations(text, "said", "saying")
    assert first["content"] == ["the bridge is safe"]
    assert second["source"] == "engineers"


@pytest.mark.parametrize("contraction", ["’ve", "'ve", "’d", "'ll", "’re"])
def test_a_contracted_relative_pronoun_is_the_source(contraction: str) -> None:
    text = f"He leads among delegates who{contraction} announced a preference for him."
    [found] = relations(text, "announced")
    assert found["source"] == "who"


def test_a_phrase_after_said_of_is_no_source() -> None:
    text = "“It will be close,” said of Cruz one aide to the senator."
    [found] = relations(text, "said")
    assert found["source"] is None or not found["source"].startswith("of")


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "Jeff Sessions, a prominent Trump supporter, said Clinton’s acceptance of "
            "donations from those seeking her help was akin to bribery.",
            "Jeff Sessions, a prominent Trump supporter,",
            "Clinton’s acceptance of donations from those seeking her help was akin to bribery",
        ),
        (
            "Steve Sweeney, who also serves as a union official, said contractors "
            "eventually built a Trump cushion into their bids.",
            "Steve Sweeney, who also serves as a union official,",
            "contractors eventually built a Trump cushion into their bids",
        ),
        (
            "Marco Rubio, appearing on Fox News after the speech, said Obama failed to "
            "address public concerns.",
            "Marco Rubio",
            "Obama failed to address public concerns",
        ),
    ],
)
def test_a_clause_after_said_is_what_was_said_not_an_inverted_source(
    text: str, source: str, content: str
) -> None:
    [found] = relations(text, "said")
    assert found["source"] == source
    assert found["content"] == [content]


@pytest.mark.parametrize(
    "text",
    ["The economy is strong, said Tom Smith.", "The economy is strong, said Tom Smith, an aide."],
)
def test_an_inverted_name_still_closes_the_sentence(text: str) -> None:
    [found] = relations(text, "said")
    assert found["source"] is not None and found["source"].startswith("Tom Smith")
    assert found["content"] == ["The economy is strong"]


def test_a_coordinated_cue_leaves_the_first_cue_its_content() -> None:
    text = "She said she admires his determination and highlighted their shared goals."
    first, second = relations(text, "said", "highlighted")
    assert first["source"] == "She" and first["content"] == ["she admires his determination"]
    assert second["source"] == "She" and second["content"] == ["their shared goals"]


def test_said_with_a_day_then_a_clause_is_no_inverted_source() -> None:
    text = "Ann Cole, who on Tuesday endorsed Ruiz, said Wednesday she agrees with the judge."
    _, second = relations(text, "endorsed", "said")
    assert second["source"] == "Ann Cole, who on Tuesday endorsed Ruiz,"
    assert second["content"] == ["she agrees with the judge"]


def test_a_relation_right_after_a_cue_is_what_that_cue_reports() -> None:
    text = "Kiedis said his band and Brian Burton, AKA Danger Mouse, wrote new songs."
    found = relations(text, "said", "wrote")
    assert found[0]["source"] == "Kiedis"
    assert found[0]["content"] == ["his band and Brian Burton, AKA Danger Mouse, wrote new songs"]


def test_a_quote_before_a_name_with_a_long_apposition_is_the_content() -> None:
    text = (
        "“We need a difference right now,” Fred Kagan, director of the Critical Threats "
        "Project at the hawkish American Enterprise Institute, said in an interview."
    )
    [found] = relations(text, "said")
    assert found["content"] == ["“We need a difference right now,”"]
    assert found["source"].startswith("Fred Kagan")


def test_said_of_after_a_quote_closes_on_the_quote() -> None:
    text = '"Absolutely not," he said of the chance of delegates switching sides.'
    [found] = relations(text, "said")
    assert found["content"] == ['"Absolutely not,"']


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "He also had a voice in decisions about investments in Ukraine, said a former "
            "spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn.",
            "a former spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn",
        ),
        ("The plan will fail, said a professor at Yale.", "a professor at Yale"),
    ],
)
def test_an_inverted_source_goes_on_after_a_role_noun(text: str, source: str) -> None:
    [found] = relations(text, "said")
    assert found["source"] == source
    assert found["content"] == [text[: text.index(", said")]]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Smith commented on the plan to expand the port.",
            "commented on",
            "the plan to expand the port",
        ),
        ("The governor warned of a crisis in the schools.", "warned of", "a crisis in the schools"),
        ("Jones spoke out against the new tariffs.", "spoke out against", "the new tariffs"),
        ("Smith pledged to expand the port.", "pledged", "to expand the port"),
        ("Smith believes in a strong navy.", "believes", "in a strong navy"),
    ],
)
def test_a_preposition_after_the_cue_joins_the_cue(text: str, cue: str, content: str) -> None:
    (rel,) = relations(text, cue.split()[0])
    assert (rel["cue"], rel["content"]) == (cue, [content])


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The talks stalled, as Pena Nieto, contradicting Trump, said he would not pay.",
            "Pena Nieto",
        ),
        (
            "Jindal spoke first, while Mike Huckabee, the former governor, said he would run.",
            "Mike Huckabee, the former governor,",
        ),
    ],
)
def test_a_subject_with_appositions_after_a_subordinator(text: str, source: str) -> None:
    rel = relations(text, "said")[-1]
    assert rel["source"] == source


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "He says Americans don't need lectures that are devoid of facts.",
            "says",
            "Americans don't need lectures that are devoid of facts",
        ),
        ("He said on Facebook on Wednesday that the plan failed.", "said", "that the plan failed"),
        ("He argued repeatedly that the plan failed.", "argued", "that the plan failed"),
        ("She warned Democrats that the plan failed.", "warned", "that the plan failed"),
    ],
)
def test_that_opens_the_content_only_after_an_adjunct_or_addressee(
    text: str, cue: str, content: str
) -> None:
    (rel,) = relations(text, cue)
    assert rel["content"] == [content]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "Trump has faced criticism from rivals that his rallies are unsafe.",
            "criticism",
            "rivals",
            "that his rallies are unsafe",
        ),
        ("He won praise from the mayor for the plan.", "praise", "the mayor", "for the plan"),
    ],
)
def test_a_noun_cue_takes_its_source_after_from(
    text: str, cue: str, source: str, content: str
) -> None:
    (rel,) = relations(text, cue)
    assert (rel["source"], rel["content"]) == (source, [content])


def test_a_participle_shares_the_main_clause_subject_not_the_subordinate_one() -> None:
    text = (
        "Ever since she endorsed Mrs. Clinton, Ms. Warren has been a surrogate, "
        "attacking Mr. Trump."
    )
    rels = relations(text, "endorsed", "attacking")
    assert [r["source"] for r in rels] == ["she", "Ms. Warren"]


# The source one hand-placed cue gets, sentence by sentence: each case names the
# construction it holds.
_SOURCES = [
    pytest.param(
        "The president left no doubt of his support, saying that nobody is more qualified.",
        "saying",
        "The president",
        id="shared common-noun subject",
    ),
    pytest.param(
        "The famously gruff senator started on Wednesday, showing a softer side.",
        "showing",
        "The famously gruff senator",
        id="shared common-noun subject",
    ),
    pytest.param(
        "The nurse later sued, claiming the quarantine violated her rights.",
        "claiming",
        "The nurse",
        id="shared common-noun subject",
    ),
    pytest.param(
        "The deal and how it came to be surprised many, showing how banks work.",
        "showing",
        None,
        id="no common-noun subject",
    ),
    pytest.param(
        "This had already failed, since my supporters were savvy, even without knowing it.",
        "knowing",
        None,
        id="no common-noun subject",
    ),
    pytest.param(
        "The notice of a certified letter arrived, announcing that she had been dropped.",
        "announcing",
        None,
        id="no common-noun subject",
    ),
    pytest.param(
        "Clinton, however, said that the plan would fail.",
        "said",
        "Clinton",
        id="adverbial between commas",
    ),
    pytest.param(
        "Howard Stern, in 2013, said that the plan would fail.",
        "said",
        "Howard Stern",
        id="adverbial between commas",
    ),
    pytest.param(
        "Mr. Bush, channeling his roots, said that the plan would fail.",
        "said",
        "Mr. Bush",
        id="adverbial between commas",
    ),
    pytest.param(
        "Mr. Pence, too, said that the plan would fail.",
        "said",
        "Mr. Pence",
        id="adverbial between commas",
    ),
    pytest.param(
        "John Cordisco, the Democratic chairman of Bucks County, said that it would fail.",
        "said",
        "John Cordisco, the Democratic chairman of Bucks County,",
        id="adverbial between commas",
    ),
    pytest.param(
        "Mr. Lewandowski, now a paid CNN commentator, said that the plan would fail.",
        "said",
        "Mr. Lewandowski, now a paid CNN commentator,",
        id="adverbial between commas",
    ),
    pytest.param(
        "Clinton's claim that the plan would fail was wrong.",
        "claim",
        "Clinton",
        id="possessor without 's",
    ),
    pytest.param(
        "He's convinced that the plan would fail.", "convinced", "He", id="possessor without 's"
    ),
    pytest.param(
        "Trump's campaign manager said that the plan would fail.",
        "said",
        "Trump's campaign manager",
        id="possessor without 's",
    ),
    pytest.param(
        "Some Clinton backers are concerned that momentum could carry him.",
        "are concerned",
        "Some Clinton backers",
        id="stance after be",
    ),
    pytest.param(
        "He is convinced that the port is too small.", "is convinced", "He", id="stance after be"
    ),
    pytest.param("The deal was announced on Monday.", "was announced", None, id="stance after be"),
    pytest.param("It was a plan opposed by Miller.", "opposed", "Miller", id="stance after be"),
    pytest.param(
        "On Monday he said he would consider closing the border.",
        "said",
        "he",
        id="adverbial or intensifier",
    ),
    pytest.param(
        "About half of the primary voters said they want change.",
        "said",
        "About half of the primary voters",
        id="adverbial or intensifier",
    ),
    pytest.param(
        "Some Republicans are so opposed to Trump that they will vote for Clinton.",
        "opposed",
        "Some Republicans",
        id="adverbial or intensifier",
    ),
    pytest.param(
        "Some Republicans are very worried that they will lose.",
        "worried",
        "Some Republicans",
        id="adverbial or intensifier",
    ),
    pytest.param(
        "In the letter to the board the plan was said to be late.",
        "said",
        None,
        id="adverbial or intensifier",
    ),
    pytest.param(
        "Instead, it was Trump's suggestion that the people were wrong.",
        "suggestion",
        "Trump",
        id="possessor or free relative",
    ),
    pytest.param(
        "The shooting was what officials called a hate crime.",
        "called",
        "officials",
        id="possessor or free relative",
    ),
    pytest.param("He said his aides were wrong.", "said", "He", id="possessor or free relative"),
    pytest.param(
        "He was recommended for the job by Roger Stone.",
        "was recommended",
        "Roger Stone",
        id="passive agent",
    ),
    pytest.param(
        "Ginsburg was appointed to the court by President Clinton in 1993.",
        "was appointed",
        "President Clinton",
        id="passive agent",
    ),
    pytest.param("The deal was announced on Monday.", "was announced", None, id="passive agent"),
    pytest.param(
        "Mr. Rubio distanced himself from the bill and moved to emphasize security.",
        "to emphasize",
        "Mr. Rubio",
        id="verb or adjective in -ed",
    ),
    pytest.param(
        "In Ohio, registered voters said the plan would fail.",
        "said",
        "registered voters",
        id="verb or adjective in -ed",
    ),
    pytest.param(
        "Reached by POLITICO, Hammond hesitated and said the plan would fail.",
        "said",
        "Hammond",
        id="verb or adjective in -ed",
    ),
    pytest.param(
        "Manning smiled and said the plan would fail.",
        "said",
        "Manning",
        id="verb or adjective in -ed",
    ),
    pytest.param(
        "Yet he is facing doubts after saying that he views Israel as a friend.",
        "saying",
        "he",
        id="after a subordinator",
    ),
    pytest.param(
        "He left without saying that he would return.", "saying", "He", id="after a subordinator"
    ),
    pytest.param(
        "They went further, with former Maryland Gov. Martin O'Malley calling Trump a fascist.",
        "calling",
        "former Maryland Gov. Martin O'Malley",
        id="after a subordinator",
    ),
    pytest.param(
        "While Mr. Ryan is an advocate of trade deals and wrote that they help, he objected.",
        "wrote",
        "Mr. Ryan",
        id="after a subordinator",
    ),
    pytest.param(
        "But at least a dozen members of Congress told reporters she is fine.",
        "told",
        "at least a dozen members of Congress",
        id="quantity",
    ),
    pytest.param(
        "By Sunday the campaign said it would appeal.", "said", "the campaign", id="time lead"
    ),
    pytest.param("On Monday Trump said it would appeal.", "said", "Trump", id="time lead"),
    pytest.param(
        "By contrast, Daniel Hamermesh, an economist, predicted that wages would fall.",
        "predicted",
        "Daniel Hamermesh, an economist,",
        id="intro chunk",
    ),
]


@pytest.mark.parametrize(("text", "cue", "source"), _SOURCES)
def test_the_source_of_a_cue(text: str, cue: str, source: str | None) -> None:
    (rel,) = relations(text, cue)
    assert rel["source"] == source
