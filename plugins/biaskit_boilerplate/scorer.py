"""The ``boilerplate`` dimension: how much of an article's text is page furniture."""

from __future__ import annotations

import json
import operator
from collections.abc import Sequence
from functools import cache
from itertools import compress, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from biaskit.model import DimensionScore, Document, Span
from biaskit_boilerplate.features import analyse
from biaskit_boilerplate.rules import (
    ARTICLE_KINDS,
    Decision,
    classify_columns,
    decision_columns,
    furniture_kind_at,
)

if TYPE_CHECKING:
    from biaskit.bench.model import Example
    from biaskit.bench.training import TrainedModel
    from biaskit_boilerplate.model import LineModel

__all__ = ["DEFAULT_MODEL", "BoilerplateScorer", "verdict"]

# Cut-offs on the share of characters that are furniture. A stray "READ MORE" line in a
# long article stays under the first; a page whose menus, related lists and comment box
# survived extraction passes the second.
SOME_FURNITURE = 0.03
HEAVY_FURNITURE = 0.2

# The line model shipped with the plugin, trained by ``biaskit train boilerplate aeb-lines``.
DEFAULT_MODEL = Path(__file__).parent / "models" / "lines.skops"
RULES_THRESHOLD = 0.5


def verdict(share: float) -> str:
    """The label for a furniture share, so that reports and tests use one set of cut-offs."""
    if share >= HEAVY_FURNITURE:
        return "heavy furniture"
    if share >= SOME_FURNITURE:
        return "some furniture"
    return "clean"


def load_line_model(path: Path | str) -> LineModel:
    """A saved line model (skops, trusted types only) with the threshold chosen on dev when
    it was trained (from its ``.json`` sidecar; 0.5 without one)."""
    from biaskit.bench.training import sidecar
    from biaskit_boilerplate.model import LineModel, load

    path = Path(path)
    threshold = RULES_THRESHOLD
    meta_path = sidecar(path)
    if meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        threshold = float(meta.get("params", {}).get("threshold", RULES_THRESHOLD))
    return LineModel(load(path), threshold=threshold, source=path.name)


@cache
def _default_model() -> LineModel | str:
    """The shipped model, loaded once per process; the reason as a string if it cannot be."""
    try:
        return load_line_model(DEFAULT_MODEL)
    except Exception as exc:  # no model file, or one this scikit-learn cannot read
        return f"{type(exc).__name__}: {exc}"


class BoilerplateScorer:
    """Flags every line of page furniture (menus, related links, prompts, credits, stamps).

    ``model``: ``"default"`` for the line model shipped with the plugin (loaded on the
    first ``score``; if it cannot be loaded, the rules decide alone and the report says
    why), ``None`` for the rules alone, a path to a model saved by ``biaskit train``, or a
    fitted estimator. ``threshold``: the line probability at or above which a line counts
    as furniture; ``None`` takes the one chosen on the dev split when the model was trained
    (0.5 for the rules). Raise it to flag only the lines the scorer is surest of.
    """

    name = "boilerplate"
    version = "0.2.0"
    description = "Page furniture left in the text: related links, prompts, credits, labels."
    default = True

    def __init__(self, threshold: float | None = None, model: Any = "default") -> None:
        self.threshold = threshold
        self.model = model
        self._wrapped: LineModel | None = None  # a fitted estimator, ready to predict

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
        """This scorer deciding with a model saved by ``biaskit train`` (loaded via skops);
        ``rules`` (when no such file exists) for the rules alone, so that the bench can
        compare them: ``biaskit bench aeb-lines -s boilerplate -s boilerplate@rules``."""
        if Path(path).name == "rules" and not Path(path).exists():
            return BoilerplateScorer(self.threshold, None)
        return BoilerplateScorer(self.threshold, load_line_model(path))

    def line_model(self) -> LineModel | None:
        """The model this scorer decides with, None for the rules alone."""
        model = self.model
        if model is None:
            return None
        if isinstance(model, str) and model == "default":  # the usual case, checked first
            found = _default_model()
            return None if isinstance(found, str) else found  # a string: why it failed
        from biaskit_boilerplate.model import LineModel

        if isinstance(model, LineModel):
            return model
        if isinstance(model, str | Path):
            return _cached_file_model(str(model))
        if self._wrapped is None or self._wrapped.estimator is not model:
            self._wrapped = LineModel(model)
        return self._wrapped

    def _model_note(self, model: LineModel | None) -> str:
        if model is not None:
            return f"{model.source} (logistic regression over the rules and line features)"
        if isinstance(self.model, str) and self.model == "default":
            return f"rules only: the shipped model could not be loaded ({_default_model()})"
        return "rules only"

    def score(self, doc: Document) -> DimensionScore:
        text = doc.text
        found = analyse(text)
        starts, ends, feats = found.starts, found.ends, found.line_columns
        rules = classify_columns(feats, found.context_columns)
        model = self.line_model()
        threshold = self.threshold
        if threshold is None:
            threshold = model.threshold if model is not None else RULES_THRESHOLD
        decided = decision_columns(rules)
        rule_ps, kinds, reasons, bases = decided
        columns: list[Sequence[float]] = []
        if model is None or not starts:
            probs = rule_ps
        else:
            from biaskit_boilerplate.model import final_probabilities, line_columns

            # Before the loop below rewrites kinds and reasons: the model reads them as decided.
            columns = line_columns(found, rules, decided)
            probs = final_probabilities(model.column_probabilities(columns), rules, bases)

        n = len(starts)
        sizes = list(map(operator.sub, ends, starts))
        flags = list(map(operator.ge, probs, repeat(threshold)))
        # Where the decision is not the rules' own, or a model weighed in, say so: only the
        # flagged lines and those a furniture rule decided can need a word.
        furniture_rules = list(map(operator.not_, map(ARTICLE_KINDS.__contains__, kinds)))
        if model is None:
            to_explain = compress(range(n), map(operator.ne, flags, furniture_rules))
        else:
            to_explain = compress(range(n), map(operator.or_, flags, furniture_rules))
        for i in to_explain:
            flagged = flags[i]
            furniture_rule = furniture_rules[i]
            if flagged and not furniture_rule:
                kinds[i] = furniture_kind_at(feats, i)
                why = model.explain_line(columns, i) if model is not None and columns else []
                reasons[i] = _model_reason(why, probs[i], rules[i])
            elif flagged and model is not None:
                reasons[i] = f"{reasons[i]} (p={probs[i]:.2f})"
            elif not flagged and furniture_rule:
                kinds[i] = "text"
                reasons[i] = (
                    f"kept as text (p={probs[i]:.2f}); the rules alone would flag it: {reasons[i]}"
                )
        line_nos = found.line_numbers  # 1-based, in the text as given (blank lines count)
        # A dict display per line: twice as fast as dict(zip(keys, values)).
        per_line = [
            {
                "line_no": line_no,
                "start": start,
                "end": end,
                "kind": kind,
                "probability": p,
                "rule_probability": rule_p,
                "boilerplate": flagged,
                "reason": reason,
            }
            for line_no, start, end, kind, p, rule_p, flagged, reason in zip(
                line_nos, starts, ends, kinds, probs, rule_ps, flags, reasons, strict=True
            )
        ]
        flagged_at = list(compress(range(n), flags))
        spans = [Span(starts[i], ends[i], kinds[i], probs[i], reasons[i]) for i in flagged_at]
        total_chars = sum(sizes)
        furniture_chars = sum(compress(sizes, flags))
        share = furniture_chars / total_chars if total_chars else 0.0
        expected = sum(map(operator.mul, probs, sizes)) / total_chars if total_chars else 0.0
        found_kinds: dict[str, int] = {}
        for span in spans:
            found_kinds[span.label] = found_kinds.get(span.label, 0) + 1
        return DimensionScore(
            dimension=self.name,
            score=share,
            label=verdict(share),
            spans=tuple(spans),
            metrics={
                "boilerplate_chars_share": share,
                "expected_boilerplate_chars_share": expected,
                "boilerplate_lines": float(len(spans)),
                "total_lines": float(n),
                "boilerplate_line_share": len(spans) / n if n else 0.0,
                "mean_line_probability": sum(probs) / n if n else 0.0,
            },
            details={
                "lines": per_line,
                "kinds": found_kinds,
                "threshold": threshold,
                "model": self._model_note(model),
            },
            scorer=f"{__name__.rsplit('.', 1)[0]}.{type(self).__name__}",
            version=self.version,
        )


def _model_reason(why: Sequence[str], p: float, rule: Decision) -> str:
    """Why the model flags a line the rules took for article text (``why``: the features
    that pushed it, from ``LineModel.explain_line``)."""
    because = ", ".join(why) if why else "its features and its neighbours"
    return f"furniture by the line model (p={p:.2f}): {because}; the rules saw {rule.reason}"


@cache
def _cached_file_model(path: str) -> LineModel:
    return load_line_model(path)
