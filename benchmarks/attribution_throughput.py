"""Throughput of the source_attribution dimension on 4 KB articles, beside a bare regex pass.

    python benchmarks/attribution_throughput.py --data-dir ../shared/data

The texts (read from ``--data-dir``, never copied into the project), each packed from whole
paragraphs to about 4 KB:
- ``polnear``: PolNeAR train articles (US election news, dense with attributions: about 23
  annotated relations per article);
- ``aeb``: the article extraction benchmark's ``articleBody`` values (news and blog posts of
  many sites, fewer quotations).

Measured on one core, in this process, best of ``--repeat`` passes over every text:
- ``re.findall``: a bare ``re.findall(r"\\w+", text)``, the floor any text pass pays, printed
  so that figures from different machines can be compared;
- ``rules``: ``SourceAttributionScorer(model=RuleCueModel())`` (the hand lexicon, no model);
- ``model``: the shipped default, ``SourceAttributionScorer()`` (model loaded before timing).
Then ``model`` on first sight: those passes meet words and names the scorer has cached, a
corpus run meets new ones in every article, so a fresh process scores half the texts untimed
and the other half once, timed, each half in turn (``timing.first_sight_rate``).
Then a linearity check: adversarial inputs (runs of quotes, cues, names) at n and 4n units,
best of two runs each, with the cyclic garbage collector off while timing; the cost should
grow about fourfold. Speed is only ever measured here, never asserted in a unit test.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from timing import (
    add_first_sight_arguments,
    best_rates,
    first_sight_child,
    first_sight_rate,
)

from biaskit import Document
from biaskit_source_attribution import SourceAttributionScorer
from biaskit_source_attribution.model import RuleCueModel

TARGET_CHARS = 4096
# Units repeated n and 4n times; a (prefix, unit) pair puts the prefix once before them (a
# name and a colon, then one long run of digits: a tally check once backtracked over it).
ADVERSARIAL: list[str | tuple[str, str]] = [
    '"a," he said. ',
    "said, ",
    '"',
    "''",
    "Anna Berg told Reuters that ",
    "A: b\n",
    ("Anna Berg: ", "1"),
]


def pack(paragraph_lists: Iterable[list[str]], target: int = TARGET_CHARS) -> list[str]:
    """Whole paragraphs packed into texts of about ``target`` characters."""
    out: list[str] = []
    pool: list[str] = []
    size = 0
    for paragraphs in paragraph_lists:
        for p in paragraphs:
            if size + len(p) + 2 > target and pool:
                out.append("\n\n".join(pool) + "\n")
                pool, size = [], 0
            pool.append(p)
            size += len(p) + 2
    return out


def polnear_texts(data_dir: Path, limit: int) -> list[str]:
    folder = data_dir / "polnear/data/train/text"
    docs = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        docs.append([p.strip() for p in text.split("\n") if p.strip()])
    return pack(docs)[:limit]


def aeb_texts(data_dir: Path, limit: int) -> list[str]:
    truth = json.loads((data_dir / "article-extraction-benchmark/ground-truth.json").read_text())
    docs = (
        [p.strip() for p in truth[k]["articleBody"].split("\n") if len(p.strip()) > 1]
        for k in sorted(truth)
    )
    return pack(docs)[:limit]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--repeat", type=int, default=3, help="passes; the best is reported")
    parser.add_argument("--limit", type=int, default=300, help="texts per corpus at most")
    add_first_sight_arguments(parser)
    parser.add_argument("--corpus", choices=("polnear", "aeb"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    corpora = {
        "polnear": polnear_texts(args.data_dir, args.limit),
        "aeb": aeb_texts(args.data_dir, args.limit),
    }
    if args.half is not None:  # a first-sight child process (see timing.first_sight_rate)
        scorer = SourceAttributionScorer()
        texts = corpora[args.corpus or "polnear"]
        first_sight_child(lambda text: scorer.score(Document("d", text)), texts, args.half)
        return 0
    word = re.compile(r"\w+")
    rules = SourceAttributionScorer(model=RuleCueModel())
    model = SourceAttributionScorer()
    started = time.perf_counter()
    model.score(Document("warm-up", "Warm up. He said the model loads now."))
    load_s = time.perf_counter() - started
    rules.score(Document("warm-up", "Warm up."))

    def bare(text: str) -> object:
        return word.findall(text)

    def with_rules(text: str) -> object:
        return rules.score(Document("d", text))

    def with_model(text: str) -> object:
        return model.score(Document("d", text))

    print(
        f"source_attribution throughput: one core, best of {args.repeat}; "
        f"Python {sys.version.split()[0]}; model loaded in {load_s:.1f} s (once per process)"
    )
    print()
    print(
        "| texts | n | mean KB | re.findall docs/s | rules docs/s | model docs/s "
        "| model / findall time | model docs/s, first sight (CPU) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, texts in corpora.items():
        kb = sum(len(t.encode()) for t in texts) / len(texts) / 1024
        r_bare = best_rates(bare, texts, args.repeat)[1]
        r_rules = best_rates(with_rules, texts, args.repeat)[1]
        r_model = best_rates(with_model, texts, args.repeat)[1]
        first = "-"
        if args.first_sight_runs:
            command = [sys.executable, __file__, "--data-dir", str(args.data_dir)]
            command += ["--limit", str(args.limit), "--corpus", name]
            first = f"{first_sight_rate(command, args.first_sight_runs):,.0f}"
        print(
            f"| {name} | {len(texts)} | {kb:.1f} | {r_bare:,.0f} | {r_rules:,.0f} "
            f"| {r_model:,.0f} | {r_bare / r_model:.0f}x | {first} |"
        )
    print()
    print("| adversarial unit | n | time at n (s) | time at 4n (s) | ratio |")
    print("|---|---:|---:|---:|---:|")
    for entry in ADVERSARIAL:
        prefix, unit = entry if isinstance(entry, tuple) else ("", entry)
        n = 4000
        times = []
        for size in (n, 4 * n):
            doc = Document("adv", prefix + unit * size)
            best = float("inf")
            for _ in range(2):
                # The cyclic collector off while timing, as timeit does: its full passes over
                # one document's objects fall at different points at n and at 4n, and alone
                # they made this ratio swing between 3 and 7 from run to run.
                gc.collect()
                gc.disable()
                try:
                    start = time.perf_counter()
                    model.score(doc)
                    best = min(best, time.perf_counter() - start)
                finally:
                    gc.enable()
            times.append(best)
        print(
            f"| {prefix + unit!r} | {n} | {times[0]:.3f} | {times[1]:.3f} "
            f"| {times[1] / max(times[0], 1e-9):.1f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
