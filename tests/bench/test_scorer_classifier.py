"""How the bench sees an installed scorer on sentence data: its own cut-off when it
publishes one, a threshold chosen on dev otherwise."""

from __future__ import annotations

from typing import Any

import pytest

from biaskit import DimensionScore, Document
from biaskit.bench.classifiers import ScorerClassifier
from biaskit.bench.model import Example


class Fixed:
    """Scores every sentence 0.4 and publishes whatever details it is given."""

    name = "fixed"
    version = "1"
    description = "a constant score"
    default = False

    def __init__(self, details: dict[str, Any]) -> None:
        self.details = details

    def score(self, doc: Document) -> DimensionScore:
        return DimensionScore("fixed", 0.4, "some", details=self.details)


def _sentence(task: str = "sentences") -> Example:
    return Example("s1", "The plan was approved.", (True,), "test", task=task)


@pytest.mark.parametrize(("cut", "decided"), [(0.3, True), (0.4, True), (0.45, False), (1, False)])
def test_a_published_sentence_threshold_decides(cut: float, decided: bool) -> None:
    prediction = ScorerClassifier(Fixed({"sentence_threshold": cut})).predict(_sentence())
    assert prediction.scores == (0.4,)
    assert prediction.decisions == (decided,)


@pytest.mark.parametrize(
    "details", [{}, {"sentence_threshold": "0.3"}, {"sentence_threshold": True}]
)
def test_without_a_numeric_threshold_the_bench_decides(details: dict[str, Any]) -> None:
    assert ScorerClassifier(Fixed(details)).predict(_sentence()).decisions is None


def test_the_sentence_threshold_is_not_used_for_whole_documents() -> None:
    scorer = Fixed({"sentence_threshold": 0.3})
    assert ScorerClassifier(scorer).predict(_sentence("documents")).decisions is None
