"""The translation_artifacts scorer: detectors for the evidence, a model for the profile.

Two readings of a document, and the score is the stronger of the two.

The detectors' reading (``detector_score``). Each detector's evidence is the sum of its
squared span strengths (so that a weak hint counts far less than a clear error),
compressed with ``log2(1 + e)`` so that one detector repeating itself cannot carry the
verdict alone while several kinds of artifact add up. The compressed evidence is multiplied
by the detector's weight, summed, and expressed per 1,000 words (with a floor of
``MIN_WORDS`` so a one-line text is not convicted by one finding). The rate goes through a
saturating ``1 - exp(-rate / SCALE)``. Lexical and grammatical findings inside a quotation
have their strength multiplied by ``QUOTE_DISCOUNT``: a native outlet quoting a Russian
official prints the official's translated words, so only the reporter's own voice convicts
fully.

The model's reading (``model_score``). A logistic regression (``model``), trained on
WMT21 news (``data/wmt21.skops``; ``biaskit train translation_artifacts DATASET`` fits
another), reads the function-word profile, lexical variety, sentence lengths,
punctuation and every detector's rate, and gives a probability calibrated for a corpus
that is half translated.
News in general is not: the probability is converted to odds and multiplied by the prior
odds ``NEWS_PRIOR / (1 - NEWS_PRIOR)``, so the model alone needs a probability of about
0.6 to make a document ``mild`` and 0.9 to make it ``strong``. The profile shifts in a
whole article, where no single sentence is wrong, so the model is what ranks fluent
translations; the detectors are what convicts a text that reads wrong.

``score = max(detector_score, model_score)``: a document is as suspect as its stronger
reading; ``details["score_from"]`` says which one it was, ``details["model_reasons"]``
names the features that pushed the model most, and every span keeps its own reason. A
scorer built with ``model_path=None`` has only the detectors' reading, plus a bounded
nudge from the profile (``PROFILE_WEIGHT``).

Labels: ``none`` below ``MILD``, ``strong`` from ``STRONG``, ``mild`` between.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from biaskit import DimensionScore, Document, Span
from biaskit_translation_artifacts.context import Context
from biaskit_translation_artifacts.detectors import DETECTORS
from biaskit_translation_artifacts.profile import features, profile_score

if TYPE_CHECKING:
    from biaskit.bench.model import Example
    from biaskit.bench.training import TrainedModel

__all__ = ["NEWS_PRIOR", "Analysis", "TranslationArtifactsScorer", "analyse", "detect"]

MIN_WORDS = 300
SCALE = 6.0
MILD = 0.15
STRONG = 0.5
# Without a model the profile can add at most this much, less than MILD: on its own it
# reorders documents within "none" but never labels one.
PROFILE_WEIGHT = 0.1
QUOTE_DISCOUNT = 0.6
# The share of the news a reader meets that is translated, as the model's prior.
NEWS_PRIOR = 0.1

_SHIPPED = object()


def _discount_in_quote(ctx: Context, span: Span) -> Span:
    if not ctx.in_quote(span.start):
        return span
    return replace(span, score=round(span.score * QUOTE_DISCOUNT, 3))


@dataclass(slots=True)
class Analysis:
    """The detectors' findings on a text, the metrics behind them and the model's row."""

    ctx: Context
    spans: list[Span]
    metrics: dict[str, float]
    detector_score: float
    row: list[float] = field(default_factory=list)


def detect(ctx: Context) -> tuple[list[Span], dict[str, float], float]:
    """Every detector over ``ctx``: the spans, per-detector metrics and the evidence score."""
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
    metrics["evidence"] = evidence
    metrics["evidence_per_1k"] = rate
    return spans, metrics, 1.0 - math.exp(-rate / SCALE)


def analyse(text: str, with_row: bool = True) -> Analysis:
    """Detectors, profile and (``with_row``) the model's input row for one text."""
    ctx = Context.build(text)
    spans, metrics, span_score = detect(ctx)
    metrics.update(features(ctx))
    metrics["span_score"] = span_score
    result = Analysis(ctx, spans, metrics, span_score)
    if with_row:
        from biaskit_translation_artifacts.features import row

        result.row = row(ctx, metrics)
    return result


@cache
def _load(path: str) -> Any:
    from biaskit_translation_artifacts.model import load

    return load(path)


def with_prior(probability: float, prior: float) -> float:
    """A probability calibrated for equal classes, re-based on ``prior``."""
    p = min(max(probability, 1e-9), 1 - 1e-9)
    odds = p / (1 - p) * prior / (1 - prior)
    return odds / (1 + odds)


# What a model feature measures, in words; rates read "more/fewer <noun> than original news".
_DESCRIPTIONS = {
    "function_word_deviation": "function words far from news rates",
    "type_token_ratio": "lexical variety",
    "sentence_length_cv": "spread of sentence lengths",
    "cohesive_markers_per_1k": "cohesive markers ('in turn', 'at the same time')",
    "bare_noun_rate": "nouns without articles after prepositions",
    "said_share": "'said' among reporting verbs",
    "mean_word_length": "word length",
    "span_score": "detector findings",
}
_RATE_NOUNS = {
    "news_opener_rate": "sentences opened by 'Earlier', 'According to' and the like",
    "perfect_rate": "perfect verb forms ('has said', 'had been')",
    "progressive_rate": "progressive verb forms ('is trying')",
    "possessive_rate": "possessive 's",
    "particle_rate": "phrasal-verb particles ('set up', 'carry out')",
    "long_word_rate": "long words",
    "capitalised_rate": "capitalised words",
    "number_rate": "numbers",
    "comma_rate": "commas",
    "colon_rate": "colons",
    "semicolon_rate": "semicolons",
    "dash_rate": "dashes",
    "parenthesis_rate": "brackets",
    "quote_mark_rate": "quotation marks",
    "question_rate": "questions",
}


def describe(name: str, contribution: float, above_mean: bool) -> str:
    """A model feature's push towards 'translated', in words."""
    if name.startswith("fw_"):
        what = f"'{name[3:]}' used {'more' if above_mean else 'less'} often than in original news"
    elif name.startswith("bigram "):
        what = f"{name[7:]} used {'more' if above_mean else 'less'} often than in original news"
    elif name in _RATE_NOUNS:
        what = f"{'more' if above_mean else 'fewer'} {_RATE_NOUNS[name]} than original news"
    elif name.endswith("_per_1k") and name not in _DESCRIPTIONS:
        what = f"{name[: -len('_per_1k')].replace('_', ' ')} findings"
    else:
        level = "high" if above_mean else "low"
        what = f"{_DESCRIPTIONS.get(name, name.replace('_', ' '))} ({level})"
    return f"{what}: +{contribution:.2f} log-odds"


class TranslationArtifactsScorer:
    """Signals that the English was machine- or poorly translated (chiefly from Russian).

    ``model_path`` is a model saved by ``biaskit train translation_artifacts`` (default:
    the model shipped with the plugin, trained on WMT21; ``None``: detectors only), loaded
    on first use; ``prior`` is the share of translated copy assumed in the news scored.
    """

    name = "translation_artifacts"
    version = "0.3.0"
    description = "Signs the English was machine- or poorly translated, chiefly from Russian."
    default = True

    def __init__(self, model_path: Any = _SHIPPED, prior: float = NEWS_PRIOR) -> None:
        self.model_path = model_path
        self.prior = prior

    def _model(self) -> Any:
        if self.model_path is None:
            return None
        if self.model_path is _SHIPPED:
            from biaskit_translation_artifacts.model import SHIPPED

            return _load(str(SHIPPED))
        return _load(str(Path(self.model_path).resolve()))

    def train(
        self, train: Sequence[Example], dev: Sequence[Example], random_state: int = 0
    ) -> TrainedModel:
        """Fit the model on documents labelled translated or original
        (``biaskit train translation_artifacts DATASET``)."""
        from biaskit.bench.training import TrainedModel
        from biaskit_translation_artifacts.model import fit_model

        model, metrics, params = fit_model(train, dev, random_state)
        return TrainedModel(model, metrics, params)

    def with_model(self, path: Path) -> TranslationArtifactsScorer:
        """This scorer reading with a model saved by ``biaskit train`` (loaded via skops)."""
        scorer = TranslationArtifactsScorer(Path(path), self.prior)
        scorer._model()  # fail now, not on the first document, if the file is unsafe
        return scorer

    def score(self, doc: Document) -> DimensionScore:
        model = self._model()
        found = analyse(doc.text, with_row=model is not None)
        reason: str | None = None
        if model is not None:
            from biaskit_translation_artifacts.features import not_applicable

            reason = not_applicable(found.ctx)
            if reason is not None:
                model = None
        metrics = found.metrics
        details: dict[str, Any] = {}
        detector_score = found.detector_score
        if model is None and self.model_path is not None:
            details["model"] = f"not applied: {reason}"
            details["score_from"] = "detectors"
            score = detector_score
        elif model is None:
            nudge = profile_score(metrics)
            metrics["profile_score"] = nudge
            score = min(1.0, detector_score + PROFILE_WEIGHT * nudge * (1.0 - detector_score))
            details["score_from"] = "detectors"
        else:
            from biaskit_translation_artifacts.model import read

            p, reasons = read(model, found.row)
            model_score = with_prior(p, self.prior)
            metrics["model_probability"] = p
            metrics["model_score"] = model_score
            score = max(detector_score, model_score)
            details["score_from"] = "model" if model_score > detector_score else "detectors"
            details["prior"] = self.prior
            details["model_reasons"] = [describe(*reason) for reason in reasons]
        metrics["detector_score"] = detector_score
        label = "strong" if score >= STRONG else "mild" if score >= MILD else "none"
        spans = sorted(found.spans, key=lambda s: (s.start, s.end, s.label))
        details["detectors_fired"] = sorted({s.label for s in spans})
        return DimensionScore(
            dimension=self.name,
            score=float(min(1.0, max(0.0, score))),
            label=label,
            spans=tuple(spans),
            metrics=metrics,
            details=details,
            scorer=f"{__package__}.{type(self).__name__}",
            version=self.version,
        )
