"""The rules a scorer's result must meet before it reaches a report.

Shared by the runner (which turns a broken result into an error entry for that document and
dimension) and by ``biaskit.testing`` (which turns it into a failed assertion), so that what
the conformance kit demands is exactly what a real run enforces.
"""

from __future__ import annotations

import math

from biaskit.model import DimensionScore


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def result_problem(result: object, dimension: str, text_length: int) -> str | None:
    """Say what is wrong with ``result``, or return None when it is a valid score."""
    if not isinstance(result, DimensionScore):
        return f"returned {type(result).__name__}, not DimensionScore"
    if result.dimension != dimension:
        return f"returned dimension {result.dimension!r}, expected {dimension!r}"
    if not _is_number(result.score) or not math.isfinite(result.score):
        return f"score {result.score!r} is not a finite number"
    if not 0.0 <= result.score <= 1.0:
        return f"score {result.score!r} is outside [0, 1]"
    if not isinstance(result.label, str) or not result.label:
        return "label must be a non-empty string"
    for name, value in result.metrics.items():
        if not isinstance(name, str) or not _is_number(value) or not math.isfinite(value):
            return f"metric {name!r} = {value!r} is not a finite number"
    previous = (-1, -1)
    for span in result.spans:
        if not (0 <= span.start <= span.end <= text_length):
            return f"span {span.start}-{span.end} lies outside the text (length {text_length})"
        if not _is_number(span.score) or not 0.0 <= span.score <= 1.0:
            return f"span {span.start}-{span.end} has score {span.score!r} outside [0, 1]"
        if not span.label:
            return f"span {span.start}-{span.end} has no label"
        if (span.start, span.end) < previous:
            return f"spans are not ordered by position at {span.start}-{span.end}"
        previous = (span.start, span.end)
    return None
