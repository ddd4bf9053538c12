"""Lines that must be flagged, and native-English near misses that must not be."""

from __future__ import annotations

from collections.abc import Callable

import pytest

BODY_A = (
    "Officials in the capital said on Monday that the new rules would take effect next "
    "month, after a long debate in parliament over how they should be enforced."
)
BODY_B = (
    "Opposition members argued that the changes had been rushed and that businesses "
    "would need more time to prepare for them, according to a statement."
)
BODY_C = (
    "The government has said it will review the rules after a year and publish a report "
    "on how well they have worked for the people they were meant to protect."
)

Flagger = Callable[[str], dict[int, str]]


def between(line: str) -> str:
    """``line`` on its own between article paragraphs (it becomes line 5)."""
    return "\n\n".join(["Parliament Passes New Rules", BODY_A, line, BODY_B, BODY_C])


def at_end(line: str) -> str:
    """``line`` after the last paragraph (it becomes line 9)."""
    return "\n\n".join(["Parliament Passes New Rules", BODY_A, BODY_B, BODY_C, line])


FURNITURE = [
    ("READ MORE: Ministers Clash Over Budget Plans", "read-more"),
    ("Read more: Ministers clash over budget plans", "read-more"),
    ("Related stories", "read-more"),
    ("Follow us on Twitter and Facebook!", "social-prompt"),
    ("Share this article", "social-prompt"),
    ("Facebook Twitter WhatsApp Email", "social-prompt"),
    ("Be the first to comment", "comment-prompt"),
    ("Your email address will not be published. Required fields are marked *", "comment-prompt"),
    ("Comments (12)", "comment-prompt"),
    ("Sign up for our daily newsletter", "newsletter"),
    ("We use cookies to improve your experience on our site.", "legal-notice"),
    ("© 2021 Example Media Ltd. All rights reserved.", "legal-notice"),
    ("Advertisement", "advertisement"),
    ("Photo: Reuters", "photo-credit"),
    ("Protesters outside parliament on Monday. (AP Photo/Jane Doe)", "photo-credit"),
    ("Updated 3 hours ago", "timestamp"),
    ("10:32 GMT 14 March 2021", "timestamp"),
    ("Reuters", "credit-line"),
    ("Source: Interfax", "credit-line"),
    ("Reporting by Jane Doe; Editing by John Smith", "credit-line"),
    ("Tags: parliament, elections, budget", "tag-list"),
    ("parliament, budget vote, Jane Doe, John Smith", "tag-list"),
    ("Elections in Europe (42)", "section-label"),
    ("Home | World | Europe", "navigation"),
    ("By Jane Doe", "byline"),
]


@pytest.mark.parametrize(("line", "kind"), FURNITURE)
def test_furniture_between_paragraphs(flagged: Flagger, line: str, kind: str) -> None:
    assert flagged(between(line)) == {5: kind}


@pytest.mark.parametrize(("line", "kind"), FURNITURE)
def test_furniture_after_the_article(flagged: Flagger, line: str, kind: str) -> None:
    assert flagged(at_end(line)) == {9: kind}


NEAR_MISSES = [
    "Read more about the plan in the government's own report, officials said.",
    "He declined to comment on the vote.",
    "Discussions continued late into the night.",
    "The newsletter was founded in 1990 by two local reporters.",
    "Facebook changed its privacy policy last year, the company said.",
    "By the end of the year, the plant will have closed.",
    "The source, who asked not to be named, said the talks would resume.",
    "Photos of the meeting were released by the ministry on Tuesday.",
    "Reuters reported that the talks had stalled.",
    "Share prices fell sharply after the announcement.",
    "Live music returned to the square for the first time in two years.",
    "The report was published on 14 March 2021 at 10:32.",
    "Leave a message after the tone, the recording said.",
]


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_near_miss_between_paragraphs(flagged: Flagger, line: str) -> None:
    assert flagged(between(line)) == {}


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_near_miss_after_the_article(flagged: Flagger, line: str) -> None:
    assert flagged(at_end(line)) == {}


@pytest.mark.parametrize("heading", ["What Happens Next", "The Budget", "Why it matters"])
def test_subheading_between_paragraphs_is_text(flagged: Flagger, heading: str) -> None:
    assert flagged(between(heading)) == {}


def test_headline_is_text_and_label_above_it_is_not(flagged: Flagger) -> None:
    text = "\n\n".join(["Politics", "Parliament Passes New Rules", BODY_A, BODY_B])
    assert flagged(text) == {1: "section-label"}


def test_stacked_headlines_after_the_article_are_a_related_list(flagged: Flagger) -> None:
    related = "\n".join(
        [
            "Minister Resigns Over Expenses Row",
            "Teachers Vote to Strike in Pay Dispute",
            "New Hospital Wing Opens in the North",
        ]
    )
    text = "\n\n".join(["Parliament Passes New Rules", BODY_A, BODY_B, related])
    assert flagged(text) == {7: "related-link", 8: "related-link", 9: "related-link"}


def test_list_of_headlines_between_paragraphs(flagged: Flagger) -> None:
    related = "\n".join(
        [
            "Minister Resigns Over Expenses Row",
            "Teachers Vote to Strike in Pay Dispute",
            "New Hospital Wing Opens in the North",
        ]
    )
    text = "\n\n".join(["Parliament Passes New Rules", BODY_A, related, BODY_B, BODY_C])
    assert set(flagged(text)) == {5, 6, 7}


def test_headline_glued_to_next_paragraph_is_a_link(flagged: Flagger) -> None:
    text = "\n\n".join(
        [
            "Parliament Passes New Rules",
            BODY_A,
            "Ministers Clash Over Budget Plans Ahead of the Vote\n" + BODY_B,
            BODY_C,
        ]
    )
    assert flagged(text) == {5: "related-link"}


def test_agency_credit_under_a_paragraph(flagged: Flagger) -> None:
    text = "\n\n".join(["Parliament Passes New Rules", BODY_A + "\nPool", BODY_B, BODY_C])
    assert flagged(text) == {4: "credit-line"}


def test_read_previous_post_teaser(flagged: Flagger) -> None:
    text = "\n\n".join(
        [
            "Parliament Passes New Rules",
            BODY_A,
            BODY_B,
            "Read previous post:\nMinisters clash over budget plans",
            "The finance minister said on Friday that the spending plans put forward by the...",
        ]
    )
    assert flagged(text) == {7: "read-more", 8: "read-more", 10: "read-more"}


def test_hard_wrapped_article_is_all_text(flagged: Flagger) -> None:
    words = (BODY_A + " " + BODY_B + " " + BODY_C).split()
    wrapped, line = [], ""
    for word in words:
        if len(line) + len(word) > 60:
            wrapped.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    wrapped.append(line)
    text = "Parliament Passes New Rules\n\n" + "\n".join(wrapped)
    assert flagged(text) == {}


def test_indented_one_paragraph_per_line_without_blank_lines(flagged: Flagger) -> None:
    text = "\n".join(
        "    " + x
        for x in ["Parliament Passes New Rules", BODY_A, "The Debate", BODY_B, BODY_C, "Discuss"]
    )
    assert flagged(text) == {6: "comment-prompt"}
