"""The model's features: finite, and free of length, so a corpus's lengths cannot leak in."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaskit_translation_artifacts.features import FEATURE_NAMES, not_applicable
from biaskit_translation_artifacts.scorer import analyse

ARTICLE = (
    "The regional government said on Monday that it had approved a new budget for the "
    "city's schools. Officials have said the money will pay for repairs to 40 buildings. "
    "According to the head of the department, the work will begin in the spring; however, "
    'some parents say it is too late. "We have waited for years," one mother said. The '
    "mayor, who was not at the meeting, noted that the plan still needs a vote of the "
    "council (expected next week). Earlier, the council had rejected a smaller plan.\n"
)


def test_row_has_one_finite_value_per_feature() -> None:
    row = analyse(ARTICLE * 2).row
    assert len(row) == len(FEATURE_NAMES)
    assert all(math.isfinite(v) for v in row)


def test_features_do_not_grow_with_length() -> None:
    """The same prose, four times over: every rate and ratio stays where it was."""
    once = dict(zip(FEATURE_NAMES, analyse(ARTICLE * 2).row, strict=True))
    more = dict(zip(FEATURE_NAMES, analyse(ARTICLE * 8).row, strict=True))
    for name in FEATURE_NAMES:
        if name in ("span_score", "sentence_length_cv"):
            continue
        assert more[name] == pytest.approx(once[name], rel=0.05, abs=1e-3), name


def test_model_applies_to_english_prose_only() -> None:
    assert not_applicable(analyse(ARTICLE).ctx) is None
    assert not_applicable(analyse("Short text.").ctx) is not None
    german = "Die Regierung hat am Montag einen neuen Haushalt für die Schulen der Stadt " * 5
    assert not_applicable(analyse(german).ctx) == "not English prose"


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=0, max_size=400))
def test_rows_are_finite_for_any_text(text: str) -> None:
    row = analyse(text).row
    assert len(row) == len(FEATURE_NAMES) and all(math.isfinite(v) for v in row)
