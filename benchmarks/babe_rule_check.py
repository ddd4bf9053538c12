"""Sanity check against BABE (not a test: it needs the external data set).

Run from the repository root:  python benchmarks/babe_rule_check.py
It reads ``$BIASKIT_DATA/babe/final_labels_SG2.csv`` (default ../shared/data), fixes a split by
sha1 of the sentence (0-6 train, 7 dev, 8-9 test; test is never read), picks the sentence
threshold on train and reports macro-F1 on dev for "biased if noisy-OR of term weights >= t".
"""

from __future__ import annotations

import csv
import hashlib
import os
import sys
from pathlib import Path

from biaskit_loaded_language.scorer import sentence_probability
from biaskit_loaded_language.terms import find_terms


def split_of(sentence: str) -> str:
    bucket = int(hashlib.sha1(sentence.encode("utf-8")).hexdigest(), 16) % 10
    return "train" if bucket <= 6 else "dev" if bucket == 7 else "test"


def macro_f1(gold: list[bool], pred: list[bool]) -> float:
    f1s = []
    for cls in (True, False):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == cls and p == cls)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != cls and p == cls)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == cls and p != cls)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / 2


def main() -> None:
    root = Path(os.environ.get("BIASKIT_DATA", "../shared/data"))
    rows = {"train": [], "dev": []}  # type: dict[str, list[tuple[float, bool]]]
    with open(root / "babe" / "final_labels_SG2.csv", encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            if row["label_bias"] not in ("Biased", "Non-biased"):
                continue
            part = split_of(row["text"])
            if part == "test":
                continue
            terms = find_terms(row["text"])
            p = sentence_probability([t.weight for t in terms])
            rows[part].append((p, row["label_bias"] == "Biased"))
    thresholds = [i / 100 for i in range(1, 100)]
    train = rows["train"]
    best = max(
        thresholds, key=lambda t: macro_f1([g for _, g in train], [p >= t for p, _ in train])
    )
    for part in ("train", "dev"):
        data = rows[part]
        gold = [g for _, g in data]
        for t in sorted({best, 0.5}):
            pred = [p >= t for p, _ in data]
            fa = sum(1 for g, q in zip(gold, pred, strict=True) if q and not g)
            neg = sum(1 for g in gold if not g)
            hit = sum(1 for g, q in zip(gold, pred, strict=True) if q and g)
            print(
                f"{part}: n={len(data)} threshold={t:.2f} macro-F1={macro_f1(gold, pred):.3f} "
                f"recall(biased)={hit / max(1, len(gold) - neg):.3f} "
                f"false-alarm(non-biased)={fa / max(1, neg):.3f}",
                file=sys.stdout,
            )


if __name__ == "__main__":
    main()
