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
        assert span.note and span.label
        assert result.details["threshold"] <= span.score <= 1.0
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


def test_default_scorer_decides_with_the_shipped_model() -> None:
    from biaskit_boilerplate.scorer import DEFAULT_MODEL

    assert DEFAULT_MODEL.exists() and DEFAULT_MODEL.with_name("lines.skops.json").exists()
    result = BoilerplateScorer().score(Document(id="p", text=PAGE))
    assert result.details["model"].startswith("lines.skops")
    assert 0 < result.details["threshold"] < 1


def test_rules_alone_when_asked() -> None:
    result = BoilerplateScorer(model=None).score(Document(id="p", text=PAGE))
    assert result.details["model"] == "rules only"
    assert result.details["threshold"] == 0.5
    for line in result.details["lines"]:
        assert line["probability"] == line["rule_probability"]


def test_rules_are_the_fallback_when_the_model_cannot_load(monkeypatch, tmp_path) -> None:
    from biaskit_boilerplate import scorer as scorer_module

    monkeypatch.setattr(scorer_module, "DEFAULT_MODEL", tmp_path / "missing.skops")
    scorer_module._default_model.cache_clear()
    try:
        result = BoilerplateScorer().score(Document(id="p", text=PAGE))
    finally:
        scorer_module._default_model.cache_clear()
    assert result.details["model"].startswith("rules only: the shipped model could not be loaded")
    assert result.spans  # the rules still flag the furniture


def test_every_line_has_a_probability_and_a_reason() -> None:
    result = BoilerplateScorer().score(Document(id="p", text=PAGE))
    for line in result.details["lines"]:
        assert 0.0 <= line["probability"] <= 1.0
        assert line["reason"]
        assert line["boilerplate"] == (line["probability"] >= result.details["threshold"])
    graded = result.metrics["expected_boilerplate_chars_share"]
    assert 0.0 < graded < 1.0


def test_layouts_of_one_article_agree() -> None:
    """One paragraph per line, blank-line paragraphs, hard-wrapped and indented text: the
    same lines are furniture."""
    import textwrap

    parts = [
        "Council Closes Old Bridge After Cracks Found",
        PARA1,
        "READ MORE: Flood defences to be upgraded this winter",
        PARA2,
        PARA3,
        "Share this article",
        "Tags: bridges, council, transport",
    ]
    layouts = {
        "lines": "\n".join(parts),
        "blank": "\n\n".join(parts),
        "wrapped": "\n\n".join(textwrap.fill(p, 70) for p in parts),
        "indented": "\n\n".join("    " + p for p in parts),
    }
    for name, text in layouts.items():
        result = BoilerplateScorer().score(Document(id=name, text=text))
        flagged = {" ".join(text[s.start : s.end].split()) for s in result.spans}
        assert flagged == {parts[2], parts[5], parts[6]}, name


def test_import_is_cheap() -> None:
    """Importing the plugin (as ``biaskit --help`` does) loads neither scikit-learn nor
    numpy nor the model."""
    import subprocess
    import sys

    code = (
        "import sys, biaskit_boilerplate, biaskit_boilerplate.scorer;"
        "print(any(m.split('.')[0] in ('sklearn', 'numpy', 'skops') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_with_model_rules_means_the_rules_alone() -> None:
    from pathlib import Path

    scorer = BoilerplateScorer().with_model(Path("rules"))
    assert scorer.model is None
    assert scorer.score(Document(id="p", text=PAGE)).details["model"] == "rules only"
