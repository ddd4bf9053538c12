"""Document-level features: finite, bounded, and moving in the documented direction."""

from __future__ import annotations

import math

from biaskit import Document
from biaskit_translation_artifacts import TranslationArtifactsScorer

# The detectors-only reading, where the profile enters as a bounded nudge.
SCORER = TranslationArtifactsScorer(model_path=None)

_LETTERS = "bcdfghjklmnpqrstvwxz"
# Distinct made-up words, so every 100-word window has a type/token ratio near 1.
VARIED = " ".join(
    _LETTERS[i % 20] + "a" + _LETTERS[(i // 20) % 20] + "o" + _LETTERS[(i // 400) % 20]
    for i in range(600)
)
REPETITIVE = " ".join("the talks said the talks said the talks again" for _ in range(60))


def metrics(text: str) -> dict[str, float]:
    return dict(SCORER.score(Document(id="p", text=text)).metrics)


def test_profile_metrics_are_finite_and_zero_for_short_texts() -> None:
    short = metrics("Too short to profile.")
    assert short["type_token_ratio"] == 0.0 and short["profile_score"] == 0.0
    for value in metrics(VARIED).values():
        assert math.isfinite(value)


def test_repetitive_text_has_lower_variety_and_higher_profile_score() -> None:
    varied, repetitive = metrics(VARIED), metrics(REPETITIVE)
    assert repetitive["type_token_ratio"] < varied["type_token_ratio"]
    assert repetitive["profile_score"] > varied["profile_score"]


def test_profile_alone_never_reaches_mild() -> None:
    result = SCORER.score(Document(id="p", text=REPETITIVE))
    assert result.metrics["span_score"] == 0.0
    assert result.label == "none" and 0.0 < result.score < 0.15


def test_cohesive_markers_and_articles_are_counted() -> None:
    text = " ".join(
        "In this regard, the side noted progress. At the same time, a deal is far off."
        for _ in range(10)
    )
    m = metrics(text)
    assert m["cohesive_markers_per_1k"] > 50
    assert 0.1 < m["article_rate"] < 0.3
