"""The ``boilerplate`` dimension: how much of an article's text is page furniture."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from biaskit.model import DimensionScore, Document, Span
from biaskit_boilerplate.features import document_features
from biaskit_boilerplate.rules import ARTICLE_KINDS, Decision, classify

if TYPE_CHECKING:
    from biaskit.bench.model import Example
    from biaskit.bench.training import TrainedModel

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

    def __init__(self, threshold: float = 0.5, model: Any = None) -> None:
        self.threshold = threshold
        self.model = model

    def train(
        self, train: Sequence[Example], dev: Sequence[Example], random_state: int = 0
    ) -> TrainedModel:
        """Fit the line model on a line-labelled dataset (``biaskit train boilerplate``)."""
        from biaskit.bench.training import TrainedModel
        from biaskit_boilerplate.model import fit_line_model

        model, metrics, params = fit_line_model(
            [(ex.text, ex.labels) for ex in train],
            [(ex.text, ex.labels) for ex in dev],
            random_state,
        )
        return TrainedModel(model, metrics, params)

    def with_model(self, path: Path) -> BoilerplateScorer:
        """This scorer deciding with a model saved by ``biaskit train`` (loaded via skops)."""
        from biaskit_boilerplate.model import load

        return BoilerplateScorer(self.threshold, load(path))

    def _decide(self, text: str) -> tuple[list[Any], list[Decision]]:
        if self.model is None:
            segs, feats, ctx = document_features(text)
            return segs, classify(feats, ctx)
        from biaskit_boilerplate.model import explain, line_rows

        segs, rules, rows = line_rows(text)
        if not rows:
            return segs, rules
        probs = self.model.predict_proba(rows)[:, 1]
        decisions = []
        for rule, row, p in zip(rules, rows, probs, strict=True):
            p = float(p)
            if p >= self.threshold and rule.kind not in ARTICLE_KINDS:
                decisions.append(Decision(p, rule.kind, f"{rule.reason} (model p={p:.2f})"))
            elif p >= self.threshold:
                why = explain(self.model, row) or "its layout"
                decisions.append(Decision(p, "furniture", f"model p={p:.2f}, from {why}"))
            else:
                decisions.append(Decision(p, rule.kind, rule.reason))
        return segs, decisions

    def score(self, doc: Document) -> DimensionScore:
        text = doc.text
        segs, decisions = self._decide(text)
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
