"""The ``boilerplate`` dimension: how much of an article's text is page furniture."""

from __future__ import annotations

from typing import Any

from biaskit.model import DimensionScore, Document, Span
from biaskit_boilerplate.features import document_features
from biaskit_boilerplate.rules import classify

__all__ = ["BoilerplateScorer", "verdict"]

# Cut-offs on the share of characters that are furniture. A stray "READ MORE" line in a
# long article stays under the first; a page whose menus, related lists and comment box
# survived extraction passes the second.
SOME_FURNITURE = 0.03
HEAVY_FURNITURE = 0.2


def verdict(share: float) -> str:
    """The label for a furniture share, so that reports and tests use one set of cut-offs."""
    if share >= HEAVY_FURNITURE:
        return "heavy furniture"
    if share >= SOME_FURNITURE:
        return "some furniture"
    return "clean"


class BoilerplateScorer:
    """Flags every line of page furniture (menus, related links, prompts, credits, stamps).

    ``threshold`` is the line probability at or above which a line counts as furniture;
    raise it to flag only the lines the rules are surest of.
    """

    name = "boilerplate"
    version = "0.1.0"
    description = "Page furniture left in the text: related links, prompts, credits, labels."
    default = True

    def __init__(self, threshold: float = 0.5) -> None:
        self.threshold = threshold

    def score(self, doc: Document) -> DimensionScore:
        text = doc.text
        segs, feats, ctx = document_features(text)
        decisions = classify(feats, ctx)
        spans: list[Span] = []
        per_line: list[dict[str, Any]] = []
        total_chars = furniture_chars = 0
        prob_sum = 0.0
        line_no, pos = 1, 0
        for seg, d in zip(segs, decisions, strict=True):
            line_no += text.count("\n", pos, seg.start)
            pos = seg.start
            flagged = d.probability >= self.threshold
            size = seg.end - seg.start
            total_chars += size
            prob_sum += d.probability
            if flagged:
                furniture_chars += size
                spans.append(Span(seg.start, seg.end, d.kind, d.probability, d.reason))
            per_line.append(
                {
                    "line_no": line_no,
                    "start": seg.start,
                    "end": seg.end,
                    "kind": d.kind,
                    "probability": d.probability,
                    "boilerplate": flagged,
                    "reason": d.reason,
                }
            )
        n = len(segs)
        share = furniture_chars / total_chars if total_chars else 0.0
        kinds: dict[str, int] = {}
        for span in spans:
            kinds[span.label] = kinds.get(span.label, 0) + 1
        return DimensionScore(
            dimension=self.name,
            score=share,
            label=verdict(share),
            spans=tuple(spans),
            metrics={
                "boilerplate_chars_share": share,
                "boilerplate_lines": float(len(spans)),
                "total_lines": float(n),
                "boilerplate_line_share": len(spans) / n if n else 0.0,
                "mean_line_probability": prob_sum / n if n else 0.0,
            },
            details={"lines": per_line, "kinds": kinds, "threshold": self.threshold},
            scorer=f"{__name__.rsplit('.', 1)[0]}.{type(self).__name__}",
            version=self.version,
        )
