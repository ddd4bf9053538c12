"""False alarms of translation_artifacts on (mostly) native English news.

    python benchmarks/translation_false_alarms.py --data-dir ../shared/data

The texts: every ``articleBody`` of the article extraction benchmark (181 pages from many
news and blog sites, read from ``--data-dir``, never copied into the project). They are
mostly native English; a few pages are in other languages (Russian, Korean, Japanese,
Portuguese...), on which the model is not applied (``features.not_applicable``) and only
the detectors read. The script prints, for the shipped default scorer and for the
detectors alone (``model_path=None``): the median, 90th and 95th percentiles and maximum
of the document scores, the share labelled mild or strong, a histogram, and the documents
scoring highest with what made them score.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from statistics import median, quantiles

from biaskit import DimensionScore, Document
from biaskit_translation_artifacts import TranslationArtifactsScorer

BINS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0)


def percentile(values: Sequence[float], q: int) -> float:
    return quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def histogram(values: Sequence[float]) -> list[tuple[str, int]]:
    out = []
    for lo, hi in pairwise(BINS):
        last = hi == BINS[-1]
        count = sum(1 for v in values if lo <= v < hi or (last and v == hi))
        out.append((f"[{lo:.2f}, {hi:.2f}{']' if last else ')'}", count))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--top", type=int, default=8, help="how many top-scoring pages to list")
    args = parser.parse_args(argv)
    truth = json.loads(
        (args.data_dir / "article-extraction-benchmark/ground-truth.json").read_text()
    )
    docs = [Document(key, truth[key]["articleBody"]) for key in sorted(truth)]
    for title, scorer in (
        ("default (model + detectors)", TranslationArtifactsScorer()),
        ("detectors only", TranslationArtifactsScorer(model_path=None)),
    ):
        results: list[tuple[DimensionScore, Document]] = [(scorer.score(d), d) for d in docs]
        scores = [r.score for r, _ in results]
        flagged = sum(1 for r, _ in results if r.label != "none")
        not_applied = sum(1 for r, _ in results if "not applied" in str(r.details.get("model")))
        print(f"## {title}: {len(scores)} articleBody texts")
        print(
            f"median {median(scores):.3f}, p90 {percentile(scores, 90):.3f}, "
            f"p95 {percentile(scores, 95):.3f}, max {max(scores):.3f}; "
            f"labelled mild or strong: {flagged} ({flagged / len(scores):.1%})"
            + (f"; model not applied: {not_applied}" if title.startswith("default") else "")
        )
        print("| score | documents |\n|---|---:|")
        for name, count in histogram(scores):
            print(f"| {name} | {count} |")
        print(f"\nhighest {args.top}:")
        for r, d in sorted(results, key=lambda x: -x[0].score)[: args.top]:
            url = truth[d.id].get("url", "")[:70]
            why = r.details.get("model_reasons") or r.details.get("detectors_fired")
            print(f"- {r.score:.2f} {r.label:6s} {url} ({r.details['score_from']}: {why})")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
