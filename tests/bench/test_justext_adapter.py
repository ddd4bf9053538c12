"""jusText over biaskit's lines: one <p> per line, paragraphs mapped back one to one."""

from __future__ import annotations

import sys

import pytest

from biaskit.bench.justext_adapter import SCORES, JusTextLines, align, build_document
from biaskit.bench.model import Example
from biaskit.protocols import Classifier
from biaskit.text import lines as text_lines

PARAGRAPH = (
    "The council voted on Tuesday to close the old bridge for repairs, which have been "
    "delayed for years while engineers argued about the cost of the work and the city "
    "looked for the money to pay for it. Local shops said that the closure would hurt "
    "their trade over the summer, and they asked the council to reconsider the timing."
)
TEXT = "\n".join(
    [
        "Home",
        "News",
        "Sport",
        "Weather",
        PARAGRAPH,
        "What happens next",
        PARAGRAPH.replace("Tuesday", "Monday"),
        "Privacy policy",
        "Terms of use",
        "© 2024 The Paper <all rights> & more",
    ]
)


def _example(text: str = TEXT) -> Example:
    n = len(text_lines(text))
    return Example(id="x", text=text, labels=(False,) * n, split="test")


def test_build_document_has_one_escaped_paragraph_per_line() -> None:
    doc = build_document(["a < b & c", "second"]).decode()
    assert "<p>a &lt; b &amp; c</p>" in doc and "<p>second</p>" in doc
    assert doc.count("<p>") == 2


def test_align_is_one_to_one_when_texts_agree() -> None:
    assert align(["a", "b  c", "d"], ["a", "b c", "d"]) == [0, 1, 2]


def test_align_survives_dropped_and_merged_paragraphs() -> None:
    lines = ["one", "two", "three", "four", "five"]
    # "two" dropped, "three" and "four" merged into one paragraph.
    assert align(lines, ["one", "three four", "five"]) == [0, None, 1, 1, 2]
    assert align(lines, []) == [None] * 5
    assert align([], ["x"]) == []


def test_scores_order_matches_decisions() -> None:
    bad = [v for (final, _cf), v in SCORES.items() if final == "bad"]
    good = [v for (final, _cf), v in SCORES.items() if final == "good"]
    assert min(bad) > 0.5 > max(good)


def test_is_a_classifier_for_lines() -> None:
    clf = JusTextLines()
    assert isinstance(clf, Classifier)
    assert clf.name == "justext" and clf.tasks == frozenset({"lines"})
    clf.fit([], [])  # nothing to learn, must not fail


def test_predicts_one_graded_score_per_line() -> None:
    justext = pytest.importorskip("justext")
    clf = JusTextLines()
    assert clf.version == justext.__version__
    pred = clf.predict(_example())
    n = len(text_lines(TEXT))
    assert len(pred.scores) == n
    assert pred.decisions is not None and len(pred.decisions) == n
    assert all(0.0 <= s <= 1.0 for s in pred.scores)
    assert all(d == (s > 0.5) for s, d in zip(pred.scores, pred.decisions, strict=True))
    # Navigation is boilerplate, the long paragraphs are text, the copyright line is bad.
    assert pred.decisions[:4] == (True, True, True, True)
    assert pred.decisions[4] is False and pred.decisions[6] is False
    assert pred.scores[-1] == 1.0


def test_predict_never_crashes_on_odd_lines() -> None:
    pytest.importorskip("justext")
    text = "\n".join(["\x00\x01", "<script>alert(1)</script>", "]]>", "plain", "\ufeff", "&nbsp;"])
    pred = JusTextLines().predict(_example(text))
    assert len(pred.scores) == len(text_lines(text))
    assert JusTextLines().predict(_example("   \n ")).scores == ()


def test_missing_justext_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "justext", None)
    with pytest.raises(ImportError, match=r"pip install 'biaskit\[bench\]'"):
        JusTextLines().predict(_example())
