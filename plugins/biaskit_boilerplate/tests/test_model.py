"""The trainable line model: fit, save safely, load, and decide with reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from biaskit import Document
from biaskit.bench.model import Example
from biaskit.bench.training import UnsafeModel, load_model, save_model
from biaskit.testing import check_scorer
from biaskit.text import lines
from biaskit_boilerplate.scorer import BoilerplateScorer

PARAGRAPHS = [
    "The council voted on Tuesday to close the old bridge for repairs that will last months.",
    "Local shops said the closure would hurt trade, and several owners asked for compensation.",
    "Engineers found cracks in two of the supports during an inspection earlier this year.",
    "The mayor said a temporary footbridge would open before the work begins in the spring.",
]
FURNITURE = ["Share this article", "Follow us on Twitter", "Related stories", "Sign up now"]


def _page(i: int) -> Example:
    body = [PARAGRAPHS[(i + k) % 4] for k in range(3)]
    rows = [(FURNITURE[i % 4], True), *[(p, False) for p in body], (FURNITURE[(i + 1) % 4], True)]
    text = "\n\n".join(r for r, _ in rows)
    labels = tuple(label for _, label in rows)
    assert len(lines(text)) == len(labels)
    return Example(f"p{i}", text, labels, "train" if i < 12 else "dev")


@pytest.fixture(scope="module")
def trained_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pages = [_page(i) for i in range(16)]
    trained = BoilerplateScorer().train(pages[:12], pages[12:], random_state=0)
    assert trained.metrics["f1"] == 1.0
    path = tmp_path_factory.mktemp("model") / "bp.skops"
    meta = save_model(path, trained, dimension="boilerplate", scorer_version="x", dataset="toy")
    assert meta["metrics"]["f1"] == 1.0 and Path(f"{path}.json").exists()
    return path


def test_model_scorer_flags_furniture_with_reasons(trained_path: Path) -> None:
    scorer = BoilerplateScorer().with_model(trained_path)
    text = f"{FURNITURE[2]}\n\n{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}\n\n{FURNITURE[3]}"
    result = scorer.score(Document("d", text))
    flagged = [text[s.start : s.end] for s in result.spans]
    assert flagged == [FURNITURE[2], FURNITURE[3]]
    assert all("(p=" in s.note for s in result.spans)
    assert result.details["model"].startswith("bp.skops")


def test_model_scorer_conforms(trained_path: Path) -> None:
    check_scorer(BoilerplateScorer().with_model(trained_path))


def test_untrusted_types_are_refused(tmp_path: Path) -> None:
    from skops.io import dump

    path = tmp_path / "evil.skops"
    dump({"format": 1, "estimator": Path("/etc/passwd")}, path)
    with pytest.raises(UnsafeModel, match="does not trust"):
        load_model(path, trusted=["sklearn.pipeline.Pipeline"])


def test_fitted_model_predicts_like_scikit_learn(trained_path: Path) -> None:
    """The hand-rolled dot product is the pipeline's predict_proba, to rounding."""
    import numpy as np

    from biaskit.bench.training import load_model
    from biaskit_boilerplate.model import TRUSTED_TYPES, line_rows
    from biaskit_boilerplate.scorer import load_line_model

    # The scorer reads the plain copy of the file; scikit-learn's own pipeline, the skops.
    estimator = load_model(trained_path, TRUSTED_TYPES, plain=False)
    fast = load_line_model(trained_path)
    rows = [row for i in range(4) for row in line_rows(_page(i).text).rows]
    expected = estimator.predict_proba(np.asarray(rows, dtype=float))[:, 1]
    assert np.allclose(fast.probabilities(rows), expected, atol=1e-9)
    columns = [list(column) for column in zip(*rows, strict=True)]
    assert np.allclose(fast.column_probabilities(columns), expected, atol=1e-9)


def test_threshold_comes_from_the_sidecar(trained_path: Path) -> None:
    import json

    meta = json.loads(Path(f"{trained_path}.json").read_text())
    scorer = BoilerplateScorer().with_model(trained_path)
    result = scorer.score(Document("d", f"{PARAGRAPHS[0]}\n\n{FURNITURE[0]}"))
    assert result.details["threshold"] == meta["params"]["threshold"]
    fixed = BoilerplateScorer(threshold=0.99).with_model(trained_path)
    assert fixed.score(Document("d", PARAGRAPHS[0])).details["threshold"] == 0.99


def test_a_fitted_estimator_can_be_passed_directly(trained_path: Path) -> None:
    from biaskit_boilerplate.model import load

    scorer = BoilerplateScorer(model=load(trained_path))
    text = f"{FURNITURE[1]}\n\n{PARAGRAPHS[2]}\n\n{PARAGRAPHS[3]}"
    assert [text[s.start : s.end] for s in scorer.score(Document("d", text)).spans] == [
        FURNITURE[1]
    ]


def test_layouts_keep_labels_aligned() -> None:
    from biaskit_boilerplate.model import LAYOUTS, layout

    page = _page(0)
    long_line = " ".join(["word"] * 40) + "."
    text = page.text + "\n\n" + long_line
    labels = (*page.labels, False)
    for name in LAYOUTS:
        laid, laid_labels = layout(text, labels, name)
        assert len(lines(laid)) == len(laid_labels)
        assert laid_labels[0] is True and laid_labels[-1] is False
    _, wrapped_labels = layout(text, labels, "wrapped")
    assert len(wrapped_labels) > len(labels)  # the long line was wrapped


def test_crop_keeps_the_article_and_a_little_furniture() -> None:
    import random

    from biaskit_boilerplate.model import crop

    rows = [("Menu", True)] * 6 + [(p, False) for p in PARAGRAPHS] + [("Share", True)] * 9
    text = "\n".join(r for r, _ in rows)
    labels = [label for _, label in rows]
    for seed in range(20):
        cut, cut_labels = crop(text, labels, random.Random(seed))
        assert len(lines(cut)) == len(cut_labels)
        assert cut_labels.count(False) == len(PARAGRAPHS)
        assert cut_labels.index(False) <= 3 and len(cut_labels) - cut_labels.index(False) <= 10


def test_rule_authority() -> None:
    from biaskit_boilerplate.model import final_probability
    from biaskit_boilerplate.rules import Decision

    explicit = Decision(0.95, "read-more", "a cue", "explicit")
    layout = Decision(0.1, "headline", "set off by blank lines", "layout")
    context = Decision(0.75, "navigation", "above the headline", "above-headline")
    assert final_probability(0.2, explicit) == 0.95  # explicit furniture stands
    assert final_probability(0.99, explicit) == 0.99  # and the model may be surer
    assert final_probability(0.9, layout) == 0.1  # layout verdicts stand either way
    assert final_probability(0.3, context) == 0.3  # elsewhere the model decides


def test_untrained_model_of_the_wrong_width_is_refused() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    from biaskit_boilerplate.model import LineModel

    narrow = Pipeline([("scale", StandardScaler()), ("clf", LogisticRegression())])
    narrow.fit([[0.0, 1.0], [1.0, 0.0]], [0, 1])
    with pytest.raises(ValueError, match="retrain"):
        LineModel(narrow)
