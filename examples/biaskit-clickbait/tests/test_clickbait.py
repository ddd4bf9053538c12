from hypothesis import given
from hypothesis import strategies as st

from biaskit import Document
from biaskit.testing import check_result, check_scorer
from biaskit_clickbait import ClickbaitScorer


def test_conformance() -> None:
    check_scorer(ClickbaitScorer())


def test_bait_scores_high_and_says_why() -> None:
    result = ClickbaitScorer().score(
        Document("a", "You Won't Believe What Happened Next!\n\nThe council met.")
    )
    assert result.label == "clickbait"
    assert {s.label for s in result.spans} >= {"curiosity-gap", "second-person", "exclamation"}


def test_a_plain_headline_is_plain() -> None:
    result = ClickbaitScorer().score(Document("b", "Council approves budget for libraries"))
    assert (result.label, result.spans) == ("plain", ())


@given(st.text())
def test_any_text(text: str) -> None:
    doc = Document("c", text)
    check_result(ClickbaitScorer().score(doc), ClickbaitScorer(), doc)
