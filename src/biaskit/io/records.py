"""Reports as plain JSON-ready dictionaries: the one schema every structured format shares.

Each span carries the text it covers, so a JSON or CSV consumer can check the evidence
without the article at hand; the full text is included only on request, since it is usually
the largest part of a record and the user already has it.
"""

from __future__ import annotations

from typing import Any

from biaskit.model import DimensionScore, Report, Span

SCHEMA_VERSION = 1


def span_to_dict(span: Span, text: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "start": span.start,
        "end": span.end,
        "label": span.label,
        "score": round(span.score, 4),
        "note": span.note,
    }
    if span.group is not None:
        out["group"] = span.group
    if text is not None:
        out["text"] = text[span.start : span.end]
    return out


def score_to_dict(score: DimensionScore, text: str | None) -> dict[str, Any]:
    return {
        "score": round(score.score, 4),
        "label": score.label,
        "metrics": {k: _number(v) for k, v in score.metrics.items()},
        "details": dict(score.details),
        "spans": [span_to_dict(s, text) for s in score.spans],
        "scorer": score.scorer,
        "version": score.version,
    }


def report_to_dict(report: Report, include_text: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": report.id,
        "source": report.source,
        "ok": report.ok,
        "summary": dict(report.summary),
        "scores": {name: score_to_dict(s, report.text) for name, s in report.scores.items()},
        "errors": dict(report.errors),
        "warnings": list(report.warnings),
        "meta": dict(report.meta),
        "provenance": dict(report.provenance),
        "schema": SCHEMA_VERSION,
    }
    if include_text and report.text is not None:
        out["text"] = report.text
    return out


def _number(value: float) -> float | int:
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return int(value)
    return round(float(value), 6)
