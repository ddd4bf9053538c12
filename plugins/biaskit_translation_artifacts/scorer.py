"""The translation_artifacts scorer: runs the detectors and turns their spans into a score.

Score. Each detector's evidence is the sum of its squared span strengths (so that a weak
hint counts far less than a clear error), compressed with ``log2(1 + e)`` so that one
detector repeating itself cannot carry the verdict alone while several kinds of artifact
add up. The compressed evidence is multiplied by the detector's weight, summed, and
expressed per 1,000 words (with a floor of ``MIN_WORDS`` so a one-line text is not
convicted by one finding). The rate goes through a saturating ``1 - exp(-rate / SCALE)``.
The translationese profile (``profile.profile_score``) adds at most ``PROFILE_WEIGHT``.

Lexical and grammatical findings inside a quotation have their strength multiplied by
``QUOTE_DISCOUNT``: a native outlet quoting a Russian official prints the official's
translated words, so only the reporter's own voice convicts fully.

Labels: ``none`` below ``MILD``, ``strong`` from ``STRONG``, ``mild`` between.
"""

from __future__ import annotations

import math
from dataclasses import replace

from biaskit import DimensionScore, Document, Span
from biaskit_translation_artifacts.context import Context
from biaskit_translation_artifacts.detectors import DETECTORS
from biaskit_translation_artifacts.profile import features, profile_score

MIN_WORDS = 300
SCALE = 6.0
MILD = 0.15
STRONG = 0.5
# The profile can add at most this much, less than MILD: on its own it reorders documents
# within "none" but never labels one.
PROFILE_WEIGHT = 0.1
QUOTE_DISCOUNT = 0.6


def _discount_in_quote(ctx: Context, span: Span) -> Span:
    if not ctx.in_quote(span.start):
        return span
    return replace(span, score=round(span.score * QUOTE_DISCOUNT, 3))


class TranslationArtifactsScorer:
    """Signals that the English was machine- or poorly translated (chiefly from Russian)."""

    name = "translation_artifacts"
    version = "0.1.0"
    description = "Signs the English was machine- or poorly translated, chiefly from Russian."
    default = True

    def score(self, doc: Document) -> DimensionScore:
        ctx = Context.build(doc.text)
        spans: list[Span] = []
        metrics: dict[str, float] = {"words": float(ctx.n_words)}
        per_1k = 1000.0 / max(ctx.n_words, 1)
        evidence = 0.0
        for det in DETECTORS:
            found = det.detect(ctx)
            if det.quote_discount:
                found = [_discount_in_quote(ctx, s) for s in found]
            spans.extend(found)
            key = det.label.replace("-", "_")
            raw = sum(s.score * s.score for s in found)
            metrics[f"{key}_count"] = float(len(found))
            metrics[f"{key}_per_1k"] = len(found) * per_1k
            evidence += det.weight * math.log2(1.0 + raw)
        rate = evidence * 1000.0 / max(ctx.n_words, MIN_WORDS)
        span_score = 1.0 - math.exp(-rate / SCALE)
        profile = features(ctx)
        metrics.update(profile)
        nudge = profile_score(profile)
        score = min(1.0, span_score + PROFILE_WEIGHT * nudge * (1.0 - span_score))
        metrics["profile_score"] = nudge
        metrics["evidence"] = evidence
        metrics["evidence_per_1k"] = rate
        metrics["span_score"] = span_score
        label = "strong" if score >= STRONG else "mild" if score >= MILD else "none"
        spans.sort(key=lambda s: (s.start, s.end, s.label))
        kinds = sorted({s.label for s in spans})
        return DimensionScore(
            dimension=self.name,
            score=float(score),
            label=label,
            spans=tuple(spans),
            metrics=metrics,
            details={"detectors_fired": kinds},
            scorer=f"{__package__}.{type(self).__name__}",
            version=self.version,
        )
