"""The scorer through its public interface: conformance, output shape, a whole page."""

from __future__ import annotations

from collections.abc import Callable

import biaskit_boilerplate
from biaskit import Document
from biaskit.testing import check_scorer
from biaskit_boilerplate import BoilerplateScorer
from biaskit_boilerplate.scorer import verdict

PARA1 = (
    "The city council voted on Tuesday to close the old bridge to traffic, saying that "
    "engineers had found cracks in two of its supports during an inspection last month."
)
PARA2 = (
    "Residents who live near the river said they were worried about the detour, which adds "
    "about twenty minutes to the drive into town for many of them."
)
PARA3 = (
    "The mayor told reporters that repairs would begin in the spring and that the bridge "
    "should reopen by the end of next year if the weather allows it."
)

PAGE = "\n".join(
    [
        "Local",  # 1 section label above the headline
        "",
        "Council Closes Old Bridge After Cracks Found",  # 3 headline
        "",
        PARA1,  # 5
        "",
        "READ MORE: Flood defences to be upgraded this winter",  # 7
        "",
        PARA2,  # 9
        "",
        "What Happens Next",  # 11 subheading
        "",
        PARA3,  # 13
        "",
        "Photo: City Press Office",  # 15
        "Share this article",  # 16
        "Tags: bridges, council, transport",  # 17
        "New Bus Route Planned for the North of the City",  # 18
        "School Budget Approved After Long Debate",  # 19
        "Library Opening Hours to Be Extended",  # 20
        "Leave a Reply",  # 21
    ]
)

Flagger = Callable[[str], dict[int, str]]


def test_conformance() -> None:
    check_scorer(BoilerplateScorer())


def test_hook_returns_the_scorer() -> None:
    scorers = biaskit_boilerplate.biaskit_scorers()
    assert [s.name for s in scorers] == ["boilerplate"]
    assert biaskit_boilerplate.biaskit_hook_version == "1.0"
    assert scorers[0].default is True


def test_page_lines_flagged_and_kinds(flagged: Flagger) -> None:
    assert flagged(PAGE) == {
        1: "section-label",
        7: "read-more",
        15: "photo-credit",
        16: "social-prompt",
        17: "tag-list",
        18: "related-link",
        19: "related-link",
        20: "related-link",
        21: "comment-prompt",
    }


def test_spans_cover_trimmed_lines_in_order() -> None:
    text = "  " + PAGE.replace("Leave a Reply", "Leave a Reply   ")
    result = BoilerplateScorer().score(Document(id="p", text=text))
    assert result.spans
    starts = [(s.start, s.end) for s in result.spans]
    assert starts == sorted(starts)
    for span in result.spans:
        chunk = text[span.start : span.end]
        assert chunk == chunk.strip() and chunk
        assert "\n" not in chunk
        assert span.note and span.label and 0.5 <= span.score <= 1.0
    assert text[result.spans[-1].start : result.spans[-1].end] == "Leave a Reply"


def test_score_is_share_of_furniture_characters() -> None:
    result = BoilerplateScorer().score(Document(id="p", text=PAGE))
    total = sum(len(line.strip()) for line in PAGE.split("\n"))
    furniture = sum(s.end - s.start for s in result.spans)
    assert abs(result.score - furniture / total) < 1e-9
    assert result.metrics["boilerplate_chars_share"] == result.score
    assert result.metrics["boilerplate_lines"] == 9
    assert result.metrics["total_lines"] == 14
    assert result.metrics["boilerplate_line_share"] == 9 / 14
    assert 0 < result.metrics["mean_line_probability"] < 1
    assert result.label == verdict(result.score) == "heavy furniture"
    assert result.scorer == "biaskit_boilerplate.BoilerplateScorer"


def test_details_list_every_line() -> None:
    result = BoilerplateScorer().score(Document(id="p", text=PAGE))
    lines = result.details["lines"]
    assert [line["line_no"] for line in lines] == [1, 3, 5, 7, 9, 11, 13, *range(15, 22)]
    for line in lines:
        assert PAGE[line["start"] : line["end"]] == PAGE.split("\n")[line["line_no"] - 1]
    kinds = {line["line_no"]: line["kind"] for line in lines}
    assert kinds[3] == "headline" and kinds[11] == "subheading" and kinds[5] == "text"


def test_clean_article_is_clean() -> None:
    text = "Council Closes Old Bridge\n\n" + "\n\n".join([PARA1, PARA2, PARA3])
    result = BoilerplateScorer().score(Document(id="c", text=text))
    assert result.spans == ()
    assert result.score == 0.0 and result.label == "clean"


def test_threshold_controls_what_counts() -> None:
    loose = BoilerplateScorer().score(Document(id="p", text=PAGE))
    strict = BoilerplateScorer(threshold=0.9).score(Document(id="p", text=PAGE))
    assert 0 < len(strict.spans) < len(loose.spans)
    assert all(s.score >= 0.9 for s in strict.spans)


def test_verdict_cut_offs() -> None:
    assert verdict(0.0) == "clean"
    assert verdict(0.1) == "some furniture"
    assert verdict(0.5) == "heavy furniture"
