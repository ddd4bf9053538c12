"""Per-article overall summary and corpus summary.

The core knows no dimension, so the summary is built only from what every DimensionScore
carries (score, label, span count): a reader gets one line per article that names the
dimensions that stand out, and a corpus gets the distribution of each dimension.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from typing import Any

from biaskit.model import DimensionScore, Report

# A dimension "stands out" in an article when its score reaches this level. One fixed,
# documented level for all dimensions keeps the summary comparable across articles; each
# dimension's own label carries its finer verdict.
NOTABLE = 0.5


def summarise(scores: Mapping[str, DimensionScore], errors: Mapping[str, str]) -> dict[str, Any]:
    """One article's overall summary: which dimensions stand out, and a one-line headline."""
    notable = sorted(
        (name for name, s in scores.items() if s.score >= NOTABLE),
        key=lambda n: -scores[n].score,
    )
    parts = [f"{name} {scores[name].score:.2f} ({scores[name].label})" for name in notable]
    if errors:
        parts.append(f"{len(errors)} error(s): {', '.join(sorted(errors))}")
    headline = "; ".join(parts) if parts else "nothing stands out"
    return {
        "headline": headline,
        "notable": notable,
        "max_dimension": max(scores, key=lambda n: scores[n].score) if scores else None,
        "spans": sum(len(s.spans) for s in scores.values()),
    }


def build_report(
    doc_id: str,
    source: str,
    scores: Mapping[str, DimensionScore],
    errors: Mapping[str, str],
    *,
    meta: Mapping[str, Any] | None = None,
    warnings: tuple[str, ...] = (),
    provenance: Mapping[str, Any] | None = None,
    text: str | None = None,
) -> Report:
    ordered = dict(sorted(scores.items()))
    return Report(
        id=doc_id,
        source=source,
        scores=ordered,
        errors=dict(sorted(errors.items())),
        summary=summarise(ordered, errors),
        meta=dict(meta or {}),
        warnings=warnings,
        provenance=dict(provenance or {}),
        text=text,
    )


def corpus_summary(reports: Iterable[Report]) -> dict[str, Any]:
    """Counts and the distribution of each dimension's score over a corpus."""
    values: dict[str, list[float]] = {}
    labels: dict[str, dict[str, int]] = {}
    total = failed = 0
    for report in reports:
        total += 1
        failed += bool(report.errors)
        for name, score in report.scores.items():
            values.setdefault(name, []).append(score.score)
            counts = labels.setdefault(name, {})
            counts[score.label] = counts.get(score.label, 0) + 1
    dimensions = {}
    for name in sorted(values):
        v = values[name]
        dimensions[name] = {
            "n": len(v),
            "mean": statistics.fmean(v),
            "median": statistics.median(v),
            "min": min(v),
            "max": max(v),
            "labels": dict(sorted(labels[name].items(), key=lambda kv: -kv[1])),
        }
    return {"documents": total, "with_errors": failed, "dimensions": dimensions}
