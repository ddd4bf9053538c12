"""Run classifiers side by side on one dataset split and measure them the same way.

Each classifier is fitted on train (if it learns anything), gets its decision threshold from
the dev split when it does not decide for itself, and is then measured once on the reported
split: quality with bootstrap intervals, documents per second, and peak memory. The test
split is never looked at before that last step.
"""

from __future__ import annotations

import contextlib
import itertools
import platform
import time
import tracemalloc
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np

from biaskit.bench.metrics import (
    Estimate,
    Units,
    best_threshold,
    evaluate,
    paired_p_value,
    resample_weights,
)
from biaskit.bench.model import Example, Prediction, Split
from biaskit.protocols import Classifier, Dataset

# Tracing every allocation slows Python code several times over, so memory is measured in a
# second pass over at most this many documents, apart from the timed pass.
MEMORY_SAMPLE = 200


@dataclass(frozen=True)
class ClassifierResult:
    name: str
    version: str
    threshold: float | None
    threshold_source: str
    metrics: dict[str, Estimate]
    docs_per_second: float
    peak_memory_mb: float
    errors: int


@dataclass(frozen=True)
class Comparison:
    a: str
    b: str
    metric: str
    difference: float
    p_value: float


@dataclass(frozen=True)
class BenchResult:
    dataset: str
    task: str
    split: str
    documents: int
    units: int
    positives: int
    results: list[ClassifierResult]
    comparisons: list[Comparison]
    provenance: dict[str, Any] = field(default_factory=dict)


def primary_metric(task: str) -> str:
    """The metric thresholds are tuned for and classifiers compared on by default."""
    return "macro_f1" if task in ("sentences", "documents") else "f1"


def _predict_all(
    clf: Classifier, examples: Sequence[Example]
) -> tuple[list[Prediction | None], int, float]:
    preds: list[Prediction | None] = []
    errors = 0
    started = time.perf_counter()
    for ex in examples:
        try:
            pred = clf.predict(ex)
            if len(pred.scores) != len(ex.labels):
                raise ValueError(f"{len(pred.scores)} scores for {len(ex.labels)} units")
        except Exception:
            pred, errors = None, errors + 1
        preds.append(pred)
    elapsed = time.perf_counter() - started
    return preds, errors, (len(examples) / elapsed if elapsed > 0 else float("inf"))


def _peak_memory_mb(clf: Classifier, examples: Sequence[Example]) -> float:
    tracemalloc.start()
    try:
        for ex in examples[:MEMORY_SAMPLE]:
            with contextlib.suppress(Exception):
                clf.predict(ex)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def _units(
    examples: Sequence[Example],
    preds: Sequence[Prediction | None],
    threshold: float | None,
    dataset: Dataset | None = None,
) -> Units:
    doc: list[int] = []
    gold: list[bool] = []
    score: list[float] = []
    decided: list[bool] = []
    counter = getattr(dataset, "counts", None)
    per_doc: list[Mapping[str, tuple[int, int, int]]] = []
    for i, (ex, pred) in enumerate(zip(examples, preds, strict=True)):
        n = len(ex.labels)
        scores = pred.scores if pred is not None else (0.0,) * n
        if threshold is not None or pred is None or pred.decisions is None:
            t = 0.5 if threshold is None else threshold
            decisions: Sequence[bool] = [s >= t for s in scores]
        else:
            decisions = pred.decisions
        doc.extend([i] * n)
        gold.extend(ex.labels)
        score.extend(scores)
        decided.extend(decisions)
        if counter is not None:
            per_doc.append(counter(ex, pred if pred is not None else Prediction((0.0,) * n)))
    names = sorted({name for found in per_doc for name in found})
    return Units(
        doc=np.asarray(doc, dtype=np.int64),
        gold=np.asarray(gold, dtype=np.bool_),
        score=np.asarray(score, dtype=np.float64),
        pred=np.asarray(decided, dtype=np.bool_),
        counts={
            name: np.asarray([found.get(name, (0, 0, 0)) for found in per_doc], dtype=np.int64)
            for name in names
        },
    )


def resample_groups(examples: Sequence[Example]) -> list[str] | None:
    """The bootstrap's unit: the ``group`` a dataset puts in ``Example.meta`` (the source
    article of a translation window, say) when every example has one, else the example."""
    groups = [ex.meta.get("group") for ex in examples]
    if all(g is not None for g in groups) and len(set(groups)) < len(groups):
        return [str(g) for g in groups]
    return None


def _choose_threshold(
    clf: Classifier, dev: Sequence[Example], task: str, fixed: float | None
) -> tuple[float | None, str]:
    if fixed is not None:
        return fixed, "fixed"
    if not dev or task == "spans":
        return None, "classifier"
    sample = dev[:1]
    first = clf.predict(sample[0]) if sample else None
    if first is not None and first.decisions is not None:
        return None, "classifier"
    preds, _, _ = _predict_all(clf, dev)
    units = _units(dev, preds, 0.5)
    return best_threshold(units.gold.tolist(), units.score.tolist(), primary_metric(task)), "dev"


def run_bench(
    dataset: Dataset,
    examples: Sequence[Example],
    classifiers: Sequence[Classifier],
    *,
    split: Split = "test",
    n_boot: int = 1000,
    seed: int = 0,
    threshold: float | None = None,
    progress: Callable[[str], None] | None = None,
) -> BenchResult:
    by_split: dict[str, list[Example]] = {"train": [], "dev": [], "test": []}
    for ex in examples:
        by_split[ex.split].append(ex)
    evaluated = by_split[split]
    if not evaluated:
        raise ValueError(f"dataset {dataset.name!r} has no examples in the {split} split")
    groups = resample_groups(evaluated)
    resamples = resample_weights(len(evaluated), n_boot, seed, groups)
    graded_boot: dict[str, dict[str, Any]] = {}
    results: list[ClassifierResult] = []
    for clf in classifiers:
        if progress:
            step = "fitting" if dataset.task == "spans" else "fitting and choosing threshold"
            progress(f"{clf.name}: {step}")
        clf.fit(by_split["train"], by_split["dev"])
        chosen, source = _choose_threshold(clf, by_split["dev"], dataset.task, threshold)
        if progress:
            progress(f"{clf.name}: predicting {len(evaluated)} {split} documents")
        preds, errors, rate = _predict_all(clf, evaluated)
        memory = _peak_memory_mb(clf, evaluated)
        units = _units(evaluated, preds, chosen, dataset)
        graded = len(np.unique(units.score)) > 2
        estimates, boot = evaluate(units, len(evaluated), resamples, graded)
        graded_boot[clf.name] = {"point": estimates, "boot": boot}
        results.append(
            ClassifierResult(clf.name, clf.version, chosen, source, estimates, rate, memory, errors)
        )
    comparisons = []
    metrics = list(getattr(dataset, "compare_on", None) or [primary_metric(dataset.task)])
    for a, b in itertools.combinations([r.name for r in results], 2):
        for metric in metrics:
            if metric not in graded_boot[a]["point"] or metric not in graded_boot[b]["point"]:
                continue
            pa, pb = graded_boot[a]["point"][metric], graded_boot[b]["point"][metric]
            diff = pa.value - pb.value
            p = paired_p_value(graded_boot[a]["boot"][metric], graded_boot[b]["boot"][metric], diff)
            comparisons.append(Comparison(a, b, metric, diff, p))
    units_total = sum(len(ex.labels) for ex in evaluated)
    positives = sum(sum(ex.labels) for ex in evaluated)
    return BenchResult(
        dataset=dataset.name,
        task=dataset.task,
        split=split,
        documents=len(evaluated),
        units=units_total,
        positives=positives,
        results=results,
        comparisons=comparisons,
        provenance={
            **_provenance(dataset, classifiers, split, n_boot, seed, threshold, by_split),
            "bootstrap_unit": "group" if groups else "document",
            "bootstrap_groups": len(set(groups)) if groups else len(evaluated),
        },
    )


def _provenance(
    dataset: Dataset,
    classifiers: Sequence[Classifier],
    split: str,
    n_boot: int,
    seed: int,
    threshold: float | None,
    by_split: dict[str, list[Example]],
) -> dict[str, Any]:
    import sklearn

    from biaskit import __version__

    return {
        "biaskit": __version__,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scikit-learn": sklearn.__version__,
        "machine": f"{platform.system()} {platform.machine()}",
        "dataset": dataset.name,
        "split": split,
        "split_sizes": {k: len(v) for k, v in by_split.items()},
        "bootstrap_resamples": n_boot,
        "seed": seed,
        "threshold": threshold,
        "classifiers": {c.name: c.version for c in classifiers},
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
