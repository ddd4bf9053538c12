"""Precision, recall, F1 and ROC-AUC with cluster-bootstrap intervals and paired tests.

Units (lines, sentences, words) are resampled by document: lines of one page share its
layout and its errors, so treating them as independent draws would understate the
uncertainty. Every classifier in one run is scored on the same resamples, which is what
makes the paired test between two classifiers meaningful: the difference is measured on
identical bootstrap corpora, and the p-value is the share of resamples in which it changes
sign (two-sided).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Estimate:
    """A point value with its 95% percentile-bootstrap interval."""

    value: float
    low: float
    high: float

    def as_dict(self) -> dict[str, float]:
        return {"value": self.value, "low": self.low, "high": self.high}


@dataclass(frozen=True, slots=True)
class Units:
    """One classifier's per-unit outcome on a split, with each unit's document index."""

    doc: NDArray[np.int64]
    gold: NDArray[np.bool_]
    score: FloatArray
    pred: NDArray[np.bool_]
    # Named match counts per document, shape (n_docs, 3) of (tp, fp, fn): words blamed,
    # spans found... whatever the dataset counts. A name ending in "accuracy" holds
    # (correct, 0, wrong) and is reported as one figure.
    counts: Mapping[str, NDArray[np.int64]] = field(default_factory=dict)


def resample_weights(
    n_docs: int, n_boot: int, seed: int, groups: Sequence[str] | None = None
) -> NDArray[np.int64]:
    """How many times each document is drawn in each resample: shape (n_boot, n_docs).

    With ``groups`` (one key per document), whole groups are drawn, and every document of a
    drawn group comes with it: windows of one text, or the twelve translations of one
    article, are one draw, not twelve, and the interval widens as it should."""
    rng = np.random.default_rng(seed)
    if groups is None:
        return rng.multinomial(n_docs, np.full(n_docs, 1.0 / n_docs), size=n_boot).astype(np.int64)
    if len(groups) != n_docs:
        raise ValueError(f"{len(groups)} group keys for {n_docs} documents")
    keys, index = np.unique(np.asarray(groups, dtype=object).astype(str), return_inverse=True)
    drawn = rng.multinomial(len(keys), np.full(len(keys), 1.0 / len(keys)), size=n_boot)
    return drawn[:, index].astype(np.int64)


def _per_doc_confusion(units: Units, n_docs: int) -> NDArray[np.int64]:
    """(n_docs, 4) counts of tp, fp, fn, tn: metrics from counts resample as matrix sums."""
    g, p = units.gold, units.pred
    cells = [g & p, ~g & p, g & ~p, ~g & ~p]
    return np.stack(
        [np.bincount(units.doc, weights=c.astype(np.float64), minlength=n_docs) for c in cells],
        axis=1,
    ).astype(np.int64)


def _prf(counts: NDArray[Any]) -> dict[str, NDArray[Any]]:
    """Precision, recall, F1 of the positive class and macro-F1, from (..., 4) counts."""
    tp, fp, fn, tn = (counts[..., i].astype(np.float64) for i in range(4))
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), 0.0)
        recall = np.where(tp + fn > 0, tp / (tp + fn), 0.0)
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
        neg_p = np.where(tn + fn > 0, tn / (tn + fn), 0.0)
        neg_r = np.where(tn + fp > 0, tn / (tn + fp), 0.0)
        neg_f1 = np.where(neg_p + neg_r > 0, 2 * neg_p * neg_r / (neg_p + neg_r), 0.0)
        accuracy = np.where(counts.sum(-1) > 0, (tp + tn) / counts.sum(-1), 0.0)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "macro_f1": (f1 + neg_f1) / 2,
        "accuracy": accuracy,
    }


def _count_prf(name: str, counts: NDArray[Any]) -> dict[str, NDArray[Any]]:
    tp, fp, fn = (counts[..., i].astype(np.float64) for i in range(3))
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), 0.0)
        recall = np.where(tp + fn > 0, tp / (tp + fn), 0.0)
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    if name.endswith("accuracy"):
        return {name: recall}
    return {f"{name}_precision": precision, f"{name}_recall": recall, f"{name}_f1": f1}


def _auc(units: Units, weights: NDArray[Any]) -> NDArray[np.float64]:
    """ROC-AUC under unit weights (..., n_units), ties counted as half: the Mann-Whitney
    statistic, computed on tie groups of the sorted scores so one sort serves every resample."""
    order = np.argsort(units.score, kind="stable")
    scores = units.score[order]
    gold = units.gold[order].astype(np.float64)
    _, group = np.unique(scores, return_inverse=True)
    n_groups = int(group.max()) + 1 if len(group) else 0
    w = weights[..., order]
    out = np.empty(w.shape[:-1])
    for idx in np.ndindex(*w.shape[:-1]):
        row = w[idx]
        pos = np.bincount(group, weights=row * gold, minlength=n_groups)
        neg = np.bincount(group, weights=row * (1 - gold), minlength=n_groups)
        below = np.cumsum(neg) - neg
        total = pos.sum() * neg.sum()
        out[idx] = float((pos * (below + 0.5 * neg)).sum() / total) if total > 0 else np.nan
    return out


def evaluate(
    units: Units, n_docs: int, resamples: NDArray[np.int64], graded: bool
) -> tuple[dict[str, Estimate], dict[str, FloatArray]]:
    """Point estimates with intervals, and the per-resample values for paired tests."""
    point: dict[str, float] = {}
    boot: dict[str, FloatArray] = {}
    if len(units.doc):
        confusion = _per_doc_confusion(units, n_docs)
        point.update({k: float(v) for k, v in _prf(confusion.sum(0)).items()})
        boot.update(
            {k: np.asarray(v, dtype=np.float64) for k, v in _prf(resamples @ confusion).items()}
        )
    for name, counts in units.counts.items():
        point.update({k: float(v) for k, v in _count_prf(name, counts.sum(0)).items()})
        boot.update(_count_prf(name, resamples @ counts))
    if graded and len(np.unique(units.gold)) == 2:
        point["roc_auc"] = float(_auc(units, np.ones((1, len(units.doc))))[0])
        boot["roc_auc"] = _auc(units, resamples[:, units.doc].astype(np.float64))
    estimates = {}
    for name, value in point.items():
        values = boot[name][~np.isnan(boot[name])]
        low, high = np.percentile(values, [2.5, 97.5]) if len(values) else (np.nan, np.nan)
        estimates[name] = Estimate(value, float(low), float(high))
    return estimates, boot


def paired_p_value(a: FloatArray, b: FloatArray, observed: float) -> float:
    """Two-sided paired-bootstrap p-value for ``observed = metric(a) - metric(b)``: how often
    the resampled difference falls on the other side of zero."""
    diff = a - b
    diff = diff[~np.isnan(diff)]
    if len(diff) == 0:
        return float("nan")
    tail = float(np.mean(diff <= 0)) if observed >= 0 else float(np.mean(diff >= 0))
    return min(1.0, 2 * tail)


def best_threshold(gold: Sequence[bool], scores: Sequence[float], metric: str) -> float:
    """The decision threshold that maximises ``metric`` ("f1" or "macro_f1") on the given
    (dev) units; ties go to the highest threshold, the more conservative decision."""
    g = np.asarray(gold, dtype=bool)
    s = np.asarray(scores, dtype=np.float64)
    if len(s) == 0:
        return 0.5
    candidates = np.unique(s)
    best, best_value = 0.5, -1.0
    for t in candidates:
        p = s >= t
        counts = np.array([(g & p).sum(), (~g & p).sum(), (g & ~p).sum(), (~g & ~p).sum()])
        value = float(_prf(counts)[metric])
        if value >= best_value:
            best, best_value = float(t), value
    return best


def summarise(estimates: Mapping[str, Estimate]) -> dict[str, dict[str, float]]:
    return {k: v.as_dict() for k, v in estimates.items()}
