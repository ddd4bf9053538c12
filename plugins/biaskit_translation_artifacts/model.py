"""A trainable translated-vs-original classifier over the detectors and the profile.

The model is a logistic regression on ``features.FEATURE_NAMES`` (function-word rates, the
translationese profile, punctuation and word shape, sentence openers, closed-class ratios,
word-class pairs, and every detector's rate), so each
decision stays a sum of named contributions, which is what ``explain`` reports. Fitting:

1. the regularisation ``C`` is chosen by 5-fold cross-validation on the train split,
   grouped by source document (``Example.meta["group"]``), for the best ROC-AUC;
2. the out-of-fold decision values at that ``C`` are calibrated by Platt scaling, with the
   two classes weighted equally, and the calibration is folded into the regression's own
   coefficients (``a * (w.x + b) + c`` is again linear), so the saved model is one plain
   scikit-learn ``Pipeline`` whose ``predict_proba`` is calibrated for a corpus where
   translated and original text are equally common;
3. the dev split is only measured (ROC-AUC, log-loss, Brier score): it is too small in
   the WMT21 data (11 articles, 12 original chunks) to choose anything on.

Class priors are the scorer's business, not the model's: a corpus of labelled examples
says little about how much of the news a user reads is translated.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from biaskit_translation_artifacts.features import FEATURE_NAMES

if TYPE_CHECKING:
    from biaskit.bench.model import Example

# The types a saved model may contain; anything else in a file is refused at load time.
TRUSTED_TYPES = (
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._data.StandardScaler",
    "sklearn.linear_model._logistic.LogisticRegression",
)

C_GRID = (0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3)
FOLDS = 5

SHIPPED = Path(__file__).resolve().parent / "data" / "wmt21.skops"


def _pipeline(c: float, random_state: int) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    return Pipeline(
        [
            ("scale", StandardScaler()),
            (
                "clf",
                LogisticRegression(
                    C=c, class_weight="balanced", max_iter=5000, random_state=random_state
                ),
            ),
        ]
    )


def matrix(examples: Sequence[Example]) -> tuple[Any, Any, list[str]]:
    """Rows, labels and groups of labelled documents (one label each); documents the
    model cannot judge (``features.not_applicable``) are left out, as at scoring time."""
    import numpy as np

    from biaskit_translation_artifacts.features import not_applicable
    from biaskit_translation_artifacts.scorer import analyse

    xs: list[list[float]] = []
    ys: list[bool] = []
    groups: list[str] = []
    for ex in examples:
        if len(ex.labels) != 1:
            raise ValueError(f"{ex.id}: a document needs exactly one label")
        found = analyse(ex.text)
        if not_applicable(found.ctx) is not None:
            continue
        xs.append(found.row)
        ys.append(bool(ex.labels[0]))
        groups.append(str(ex.meta.get("group", ex.id)))
    return np.asarray(xs, dtype=np.float64).reshape(-1, len(FEATURE_NAMES)), np.asarray(ys), groups


def _out_of_fold(x: Any, y: Any, groups: Sequence[str], c: float, random_state: int) -> Any:
    """Decision values of each row from a model fitted on the other groups' rows."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    out = np.zeros(len(y))
    folds = min(FOLDS, len(set(groups)))
    for train_idx, test_idx in GroupKFold(folds).split(x, y, groups):
        if len(set(y[train_idx].tolist())) < 2:
            continue
        model = _pipeline(c, random_state).fit(x[train_idx], y[train_idx])
        out[test_idx] = model.decision_function(x[test_idx])
    return out


def _auc(y: Any, s: Any) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, s)) if len(set(y.tolist())) == 2 else float("nan")


def fit_model(
    train: Sequence[Example], dev: Sequence[Example], random_state: int = 0
) -> tuple[Any, dict[str, float], dict[str, Any]]:
    """Fit on train (``C`` and calibration by grouped cross-validation), measure on dev."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import brier_score_loss, log_loss

    x, y, groups = matrix(train)
    if len(set(y.tolist())) < 2:
        raise ValueError("the train split needs both translated and original documents")
    cv_auc: dict[float, float] = {}
    decisions: dict[float, Any] = {}
    for c in C_GRID:
        decisions[c] = _out_of_fold(x, y, groups, c, random_state)
        cv_auc[c] = _auc(y, decisions[c])
    best_c = max(C_GRID, key=lambda c: (cv_auc[c], -c))
    # Platt scaling on the out-of-fold decision values, both classes weighing the same.
    platt = LogisticRegression(C=100.0, class_weight="balanced", max_iter=1000)
    platt.fit(decisions[best_c].reshape(-1, 1), y)
    a, b = float(platt.coef_[0, 0]), float(platt.intercept_[0])
    model = _pipeline(best_c, random_state).fit(x, y)
    clf = model.named_steps["clf"]
    clf.coef_ = clf.coef_ * a
    clf.intercept_ = clf.intercept_ * a + b
    metrics: dict[str, float] = {}
    if dev:
        xd, yd, _ = matrix(dev)
        p = model.predict_proba(xd)[:, 1]
        metrics["roc_auc"] = _auc(yd, p)
        if len(set(yd.tolist())) == 2:
            weights = np.where(yd, 0.5 / yd.mean(), 0.5 / (1 - yd.mean()))
            metrics["log_loss_balanced"] = float(log_loss(yd, p, sample_weight=weights))
            metrics["brier_balanced"] = float(brier_score_loss(yd, p, sample_weight=weights))
    params: dict[str, Any] = {
        "C": best_c,
        "train_cv_roc_auc": round(cv_auc[best_c], 4),
        "platt_a": a,
        "platt_b": b,
        "features": len(FEATURE_NAMES),
        "train_documents": len(y),
        "train_translated": int(y.sum()),
        "dev_documents": len(dev),
    }
    return model, metrics, params


def load(path: Path | str) -> Any:
    """A model saved by ``biaskit train translation_artifacts``: only the trusted types, and
    exactly the shape this version's features need, or ``UnsafeModel`` saying why not."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    from biaskit.bench.training import UnsafeModel, load_model

    model = load_model(path, TRUSTED_TYPES)
    steps = model.named_steps if isinstance(model, Pipeline) else {}
    if not (
        isinstance(steps.get("scale"), StandardScaler)
        and isinstance(steps.get("clf"), LogisticRegression)
        and getattr(steps["clf"], "coef_", None) is not None
        and steps["clf"].coef_.shape == (1, len(FEATURE_NAMES))
    ):
        raise UnsafeModel(
            f"{Path(path).name} is not a translation_artifacts model for these "
            f"{len(FEATURE_NAMES)} features (retrain it with biaskit train)"
        )
    return model


# A feature this many standard deviations from the training mean counts as if it were
# just this far: a list of prices or a page of Korean with a few English words must not
# push the model's linear sum to certainty.
CLIP_Z = 4.0


_LINEAR: dict[int, tuple[Any, Any, Any, Any, float]] = {}


def _linear(model: Any) -> tuple[Any, Any, Any, float]:
    """The fitted pipeline as plain arrays (mean, scale, coefficients, intercept): scoring
    one document through scikit-learn's validation costs more than the arithmetic."""
    import numpy as np

    entry = _LINEAR.get(id(model))
    if entry is None or entry[0] is not model:
        scale = model.named_steps["scale"]
        clf = model.named_steps["clf"]
        entry = (
            model,
            np.asarray(scale.mean_, dtype=np.float64),
            np.where(scale.scale_ > 0, scale.scale_, 1.0).astype(np.float64),
            np.asarray(clf.coef_[0], dtype=np.float64),
            float(clf.intercept_[0]),
        )
        _LINEAR[id(model)] = entry
    return entry[1], entry[2], entry[3], entry[4]


def standardised(model: Any, row: Sequence[float]) -> Any:
    """``row`` as the regression sees it: standardised by the fitted scaler, then clipped."""
    import numpy as np

    mean, scale, _, _ = _linear(model)
    z = (np.asarray(row, dtype=np.float64) - mean) / scale
    return np.clip(z, -CLIP_Z, CLIP_Z)


def probability(model: Any, row: Sequence[float]) -> float:
    """The model's calibrated probability that the document is translated (50/50 prior):
    exactly the regression's ``predict_proba`` on the clipped, standardised row."""
    import math

    _, _, coef, intercept = _linear(model)
    logit = float(standardised(model, row) @ coef) + intercept
    return 1.0 / (1.0 + math.exp(-logit)) if logit > -700 else 0.0


def explain(model: Any, row: Sequence[float], top: int = 3) -> list[tuple[str, float, bool]]:
    """The features that pushed this document furthest towards 'translated': each with its
    contribution to the log-odds and whether the document's value is above the training
    mean; strongest first."""
    import numpy as np

    z = standardised(model, row)
    _, _, coef, _ = _linear(model)
    contributions = coef * z
    # Largest contribution first, a tie going to the later feature.
    order = np.lexsort((np.arange(len(z)), contributions))[::-1][:top]
    return [
        (FEATURE_NAMES[i], float(contributions[i]), bool(z[i] > 0))
        for i in order.tolist()
        if contributions[i] > 0
    ]
