"""A trainable translated-vs-original classifier over the detectors and the profile.

The model is a logistic regression on ``features.FEATURE_NAMES`` (function-word rates and
adjacent function-word pairs, the translationese profile, punctuation and word shape,
sentence openers and sentence lengths, closed-class ratios, word-class pairs, and every
detector's rate), so each decision stays a sum of named contributions, which is what
``explain`` reports. Fitting, on the train and dev splits together:

1. the regularisation ``C`` is chosen by ``FOLDS``-fold cross-validation, grouped by source
   document (``Example.meta["group"]``), for the best ROC-AUC;
2. the out-of-fold decision values at that ``C`` are calibrated by Platt scaling, with the
   two classes weighted equally, and the calibration is folded into the regression's own
   coefficients (``a * (w.x + b) + c`` is again linear), so the saved model is one plain
   scikit-learn ``Pipeline`` whose ``predict_proba`` is calibrated for a corpus where
   translated and original text are equally common;
3. the model is fitted once on every train and dev document at that ``C``.

The dev split is not held out: in the WMT21 data it is too small to choose anything on
(11 articles, 12 original chunks), and the original-English class is so small (175
windows in 40 groups across train and dev) that its documents are worth more as training
data. The metrics reported are therefore the grouped cross-validation's, out of fold
(``cv_roc_auc``; ``cv_log_loss_balanced`` and ``cv_brier_balanced`` of the calibrated
out-of-fold probabilities, slightly flattering since the two calibration parameters were
fitted on them). The test split is never read here.

How the features were chosen (0.3.0): by this same grouped cross-validation on WMT21 train
and dev (2,604 windows, 123 groups), ROC-AUC averaged over four fold assignments (GroupKFold
and three shuffled ones), at ``C`` 0.001: the 0.2.1 features 0.936; with the sentence-length
features 0.949; with content-word variety as well 0.949; with the adjacent function-word
pairs as well 0.952 (100 pairs 0.950, 150 0.952, 200 or 300 0.953: within the folds' noise,
so the first choice, 150, stayed). Each added to the 0.2.1 features and left out: wordfreq
Zipf statistics of the content words (0.935; and the model must not depend on an optional
package), 100 or 200 more word-class pairs (0.933, 0.929), 100 or 300 class triples (0.932,
0.929). Left out of the final set: exclamation marks, ellipses, hyphenated words, acronyms,
short words and lexical density (none moved it by more than 0.0005) and a whole-text
content type/token ratio (it falls as a text grows). Other learners on the extended
features (two fold assignments): L1 regularisation 0.925-0.940, gradient-boosted trees
0.913-0.930, and neither a sum of named contributions.

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
    """Fit on train and dev together: ``C`` and the calibration by grouped
    cross-validation, then one fit on every document (see the module's notes)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import brier_score_loss, log_loss

    x, y, groups = matrix([*train, *dev])
    if len(set(y.tolist())) < 2:
        raise ValueError("the train and dev splits need both translated and original documents")
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
    p = platt.predict_proba(decisions[best_c].reshape(-1, 1))[:, 1]
    weights = np.where(y, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    metrics: dict[str, float] = {
        "cv_roc_auc": cv_auc[best_c],
        "cv_log_loss_balanced": float(log_loss(y, p, sample_weight=weights)),
        "cv_brier_balanced": float(brier_score_loss(y, p, sample_weight=weights)),
    }
    params: dict[str, Any] = {
        "C": best_c,
        "cv_roc_auc": round(cv_auc[best_c], 4),
        "platt_a": a,
        "platt_b": b,
        "features": len(FEATURE_NAMES),
        "train_documents": len(y),
        "train_translated": int(y.sum()),
        "train_groups": len(set(groups)),
        "dev_documents_in_training": len(dev),
    }
    return model, metrics, params


def load(path: Path | str) -> Any:
    """A model saved by ``biaskit train translation_artifacts``: only the trusted types, and
    exactly the shape this version's features need, or ``UnsafeModel`` saying why not."""
    from biaskit.bench.training import UnsafeModel, load_model

    # The scaler and the regression by their fitted numbers, which is all scoring reads:
    # from the plain copy they are attribute namespaces, not scikit-learn's classes (only
    # the trusted types above can be in the file either way).
    model = load_model(path, TRUSTED_TYPES)
    steps = getattr(model, "named_steps", None) or {}
    scale, clf = steps.get("scale"), steps.get("clf")
    if not (
        getattr(scale, "mean_", None) is not None
        and getattr(scale, "scale_", None) is not None
        and getattr(clf, "coef_", None) is not None
        and clf.coef_.shape == (1, len(FEATURE_NAMES))
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
    return _probability(model, standardised(model, row))


def explain(model: Any, row: Sequence[float], top: int = 3) -> list[tuple[str, float, bool]]:
    """The features that pushed this document furthest towards 'translated': each with its
    contribution to the log-odds and whether the document's value is above the training
    mean; strongest first."""
    return _explain(model, standardised(model, row), top)


def read(
    model: Any, row: Sequence[float], top: int = 3
) -> tuple[float, list[tuple[str, float, bool]]]:
    """``probability`` and ``explain`` of one row, which is standardised once for both."""
    z = standardised(model, row)
    return _probability(model, z), _explain(model, z, top)


def _probability(model: Any, z: Any) -> float:
    """``probability`` of a standardised row ``z``."""
    import math

    _, _, coef, intercept = _linear(model)
    logit = float(z @ coef) + intercept
    return 1.0 / (1.0 + math.exp(-logit)) if logit > -700 else 0.0


def _explain(model: Any, z: Any, top: int) -> list[tuple[str, float, bool]]:
    """``explain`` of a standardised row ``z``."""
    _, _, coef, _ = _linear(model)
    contributions = coef * z
    return [
        (FEATURE_NAMES[i], float(contributions[i]), bool(z[i] > 0))
        for i in strongest(contributions, top)
        if contributions[i] > 0
    ]


def strongest(values: Any, top: int) -> list[int]:
    """The indices of the ``top`` largest of ``values`` (an array), largest first, a tie
    going to the later index: ``np.lexsort((np.arange(n), values))[::-1][:top]``. Sorting
    every feature's value cost more than the rest of reading a row; only those at least as
    large as the ``top``-th largest (a partial sort finds it) are sorted here."""
    import numpy as np

    n = len(values)
    if not 0 < top < n or np.isnan(values).any():
        return np.lexsort((np.arange(n), values))[::-1][:top].tolist()
    kth = np.partition(values, n - top)[n - top]
    candidates = np.flatnonzero(values >= kth)
    ranked = sorted(zip(values[candidates].tolist(), candidates.tolist(), strict=True))
    return [i for _, i in ranked[::-1][:top]]
