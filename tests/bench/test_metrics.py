from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score

from biaskit.bench.metrics import (
    Units,
    best_threshold,
    evaluate,
    paired_p_value,
    resample_weights,
)


def _units(gold: list[bool], score: list[float], docs: int) -> Units:
    n = len(gold)
    return Units(
        doc=np.arange(n, dtype=np.int64) % docs,
        gold=np.asarray(gold, dtype=np.bool_),
        score=np.asarray(score, dtype=np.float64),
        pred=np.asarray(score, dtype=np.float64) >= 0.5,
    )


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.booleans(), st.floats(0, 1)), min_size=4, max_size=80).filter(
        lambda pairs: 0 < sum(g for g, _ in pairs) < len(pairs)
    )
)
def test_point_estimates_agree_with_scikit_learn(pairs: list[tuple[bool, float]]) -> None:
    gold = [g for g, _ in pairs]
    score = [s for _, s in pairs]
    units = _units(gold, score, docs=4)
    est, _ = evaluate(units, 4, resample_weights(4, 20, 0), graded=True)
    pred = [s >= 0.5 for s in score]
    assert np.isclose(est["precision"].value, precision_score(gold, pred, zero_division=0))
    assert np.isclose(est["recall"].value, recall_score(gold, pred, zero_division=0))
    assert np.isclose(est["f1"].value, f1_score(gold, pred, zero_division=0))
    macro = f1_score(gold, pred, average="macro", zero_division=0)
    assert np.isclose(est["macro_f1"].value, macro)
    assert np.isclose(est["roc_auc"].value, roc_auc_score(gold, score))


def test_interval_brackets_the_point_and_narrows_with_more_documents() -> None:
    rng = np.random.default_rng(1)
    widths = []
    for docs in (20, 400):
        gold = rng.random(docs * 10) < 0.4
        score = np.clip(gold * 0.3 + rng.random(docs * 10) * 0.7, 0, 1)
        units = _units(list(gold), list(score), docs)
        est, _ = evaluate(units, docs, resample_weights(docs, 300, 0), graded=True)
        f1 = est["f1"]
        assert f1.low <= f1.value <= f1.high
        widths.append(f1.high - f1.low)
    assert widths[1] < widths[0] / 2


def test_paired_test_separates_real_and_null_differences() -> None:
    rng = np.random.default_rng(2)
    docs = 200
    gold = rng.random(docs * 5) < 0.5
    good = np.where(rng.random(docs * 5) < 0.9, gold, ~gold).astype(float)
    bad = np.where(rng.random(docs * 5) < 0.6, gold, ~gold).astype(float)
    resamples = resample_weights(docs, 500, 0)
    est_good, boot_good = evaluate(_units(list(gold), list(good), docs), docs, resamples, False)
    est_bad, boot_bad = evaluate(_units(list(gold), list(bad), docs), docs, resamples, False)
    diff = est_good["f1"].value - est_bad["f1"].value
    assert paired_p_value(boot_good["f1"], boot_bad["f1"], diff) < 0.01
    assert paired_p_value(boot_good["f1"], boot_good["f1"], 0.0) == 1.0


def test_best_threshold_maximises_f1() -> None:
    gold = [False, False, True, True, True]
    score = [0.1, 0.35, 0.4, 0.8, 0.9]
    assert best_threshold(gold, score, "f1") == 0.4


def test_grouped_resampling_draws_whole_groups_and_widens_the_interval() -> None:
    # Twelve near-identical copies of each of 20 articles (translations of one source, say):
    # drawing copies one by one pretends there are 240 independent documents.
    groups = [f"article-{i // 12}" for i in range(240)]
    weights = resample_weights(240, 300, 0, groups)
    assert weights.shape == (300, 240)
    assert (weights.sum(axis=1) == 240).all()
    for row in weights[:20]:
        for g in range(20):
            assert len(set(row[g * 12 : (g + 1) * 12].tolist())) == 1  # a group moves as one

    rng = np.random.default_rng(3)
    article_gold = rng.random(20) < 0.5
    article_score = np.clip(article_gold * 0.2 + rng.random(20) * 0.8, 0, 1)
    gold = np.repeat(article_gold, 12)
    score = np.repeat(article_score, 12) + rng.normal(0, 0.01, 240)
    units = _units(list(gold), list(np.clip(score, 0, 1)), 240)
    widths = []
    for grouping in (None, groups):
        est, _ = evaluate(units, 240, resample_weights(240, 300, 0, grouping), graded=True)
        widths.append(est["roc_auc"].high - est["roc_auc"].low)
    assert widths[1] > widths[0] * 2
