"""Frames: where source and content lie around an accepted cue, for hand-placed cues.

The cues are placed by hand so that these tests check the frame rules alone, whatever a
trained classifier would accept.
"""

from __future__ import annotations

import pytest

from biaskit_source_attribution.frames import CueHit, build_attributions
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
