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
    assert all("model p=" in s.note for s in result.spans)


def test_model_scorer_conforms(trained_path: Path) -> None:
    check_scorer(BoilerplateScorer().with_model(trained_path))


def test_untrusted_types_are_refused(tmp_path: Path) -> None:
    from skops.io import dump

    path = tmp_path / "evil.skops"
    dump({"format": 1, "estimator": Path("/etc/passwd")}, path)
    with pytest.raises(UnsafeModel, match="does not trust"):
        load_model(path, trusted=["sklearn.pipeline.Pipeline"])
