"""A trainable line classifier over the same features the rules read.

The rules stay the explanation: the model sees every line feature, every context feature,
the rules' own probability and that of the neighbouring lines (jusText's lesson: a short
line is judged by what surrounds it), and learns how much each should count. A logistic
regression keeps each decision readable as a sum of named contributions, which is what the
reason of a model-flagged line reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from biaskit.text import Segment
from biaskit_boilerplate.features import CONTEXT_FEATURES, LINE_FEATURES, document_features
from biaskit_boilerplate.rules import Decision, classify

FEATURE_NAMES: tuple[str, ...] = (
    *LINE_FEATURES,
    *CONTEXT_FEATURES,
    "rule_probability",
    "prev_rule_probability",
    "next_rule_probability",
)

# The types a saved model may contain; anything else in a file is refused at load time.
TRUSTED_TYPES = (
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._data.StandardScaler",
    "sklearn.linear_model._logistic.LogisticRegression",
)

C_GRID = (0.01, 0.1, 1.0, 10.0)


def line_rows(text: str) -> tuple[list[Segment], list[Decision], list[list[float]]]:
    """The lines of ``text``, the rules' decision for each, and the model's input rows."""
    segs, feats, ctx = document_features(text)
    decisions = classify(feats, ctx)
    probs = [d.probability for d in decisions]
    rows = []
    for i, (f, c) in enumerate(zip(feats, ctx, strict=True)):
        prev = probs[i - 1] if i > 0 else 1.0
        nxt = probs[i + 1] if i + 1 < len(probs) else 1.0
        rows.append([float(v) for v in (*f, *c, probs[i], prev, nxt)])
    return segs, decisions, rows


def fit_line_model(
    train: Sequence[tuple[str, Sequence[bool]]],
    dev: Sequence[tuple[str, Sequence[bool]]],
    random_state: int,
) -> tuple[Any, dict[str, float], dict[str, Any]]:
    """Fit on train, choose the regularisation on dev by boilerplate-line F1."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score, precision_score, recall_score
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    def matrix(docs: Sequence[tuple[str, Sequence[bool]]]) -> tuple[Any, Any]:
        xs: list[list[float]] = []
        ys: list[bool] = []
        for text, labels in docs:
            _, _, rows = line_rows(text)
            if len(rows) != len(labels):
                raise ValueError("labels are not aligned with biaskit.text.lines()")
            xs.extend(rows)
            ys.extend(labels)
        return np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=bool)

    x_train, y_train = matrix(train)
    x_dev, y_dev = matrix(dev)
    best: tuple[float, Any, float] | None = None
    for c in C_GRID:
        model = Pipeline(
            [
                ("scale", StandardScaler()),
                ("clf", LogisticRegression(C=c, max_iter=2000, random_state=random_state)),
            ]
        ).fit(x_train, y_train)
        f1 = float(f1_score(y_dev, model.predict(x_dev)))
        if best is None or f1 > best[0]:
            best = (f1, model, c)
    assert best is not None
    f1, model, c = best
    pred = model.predict(x_dev)
    metrics = {
        "f1": f1,
        "precision": float(precision_score(y_dev, pred)),
        "recall": float(recall_score(y_dev, pred)),
    }
    params = {"C": c, "train_lines": len(y_train), "dev_lines": len(y_dev)}
    return model, metrics, params


def load(path: Path) -> Any:
    from biaskit.bench.training import load_model

    return load_model(path, TRUSTED_TYPES)


def explain(model: Any, row: Sequence[float], top: int = 2) -> str:
    """The features that pushed this line furthest towards furniture, in words."""
    scale = model.named_steps["scale"]
    coef = model.named_steps["clf"].coef_[0]
    contributions = [
        (coef[i] * (row[i] - scale.mean_[i]) / (scale.scale_[i] or 1.0), FEATURE_NAMES[i])
        for i in range(len(row))
    ]
    strongest = sorted(contributions, reverse=True)[:top]
    return ", ".join(name.replace("_", " ") for value, name in strongest if value > 0)
