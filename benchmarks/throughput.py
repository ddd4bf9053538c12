"""Throughput of biaskit against a bare tokenisation pass, in one run on one corpus.

    python benchmarks/throughput.py --data-dir ../shared/data [--docs 2000]

Times, over the same corpus of 4 KB articles: a bare ``re.findall(r"\\w+")`` pass, each
plugin alone, the default set, and the default set with 2 worker processes. Prints documents
per second and each rate's ratio to the bare pass (how many times slower than tokenising).

The articles are the article bodies of the article extraction benchmark, repeated or cut to
4,096 characters; without the data, the bundled examples are used the same way (the figures
are then only indicative).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from biaskit import Document
from biaskit.plugins import get_plugin_manager, scorers, select_scorers
from biaskit.runner import run

SIZE = 4096


def corpus(data_dir: Path, n: int) -> list[str]:
    truth = data_dir / "article-extraction-benchmark" / "ground-truth.json"
    if truth.exists():
        bodies = [v["articleBody"] for v in json.loads(truth.read_text()).values()]
    else:
        here = Path(__file__).resolve().parent.parent / "examples" / "articles"
        bodies = [p.read_text() for p in sorted(here.glob("*.txt"))]
    texts = []
    for i in range(n):
        body = bodies[i % len(bodies)]
        while len(body) < SIZE:
            body = body + "\n\n" + body
        texts.append(body[:SIZE])
    return texts


def drain(reports: Iterable[object]) -> None:
    """Consume the reports one at a time and keep none, as ``biaskit score`` does when it
    writes them: a list of 2,000 reports would make the collector walk a growing heap, a
    cost (4-10% here) that no streaming run pays and the plugins' own rows do not."""
    collections.deque(reports, maxlen=0)


def best_rate(fn: Callable[[], None], n: int, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return n / best


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", default=os.environ.get("BIASKIT_DATA", "../shared/data"))
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    texts = corpus(Path(args.data_dir), args.docs)
    docs = [Document(str(i), t) for i, t in enumerate(texts)]
    n = len(docs)
    word = re.compile(r"\w+")
    rows: list[tuple[str, float]] = []
    bare = best_rate(lambda: [word.findall(t) for t in texts], n, args.repeat)
    rows.append(("bare re.findall(r'\\w+')", bare))
    pm = get_plugin_manager()
    for name, scorer in scorers(pm).items():
        scorer.score(docs[0])  # load lexicons and models outside the timing

        def one(s: object = scorer) -> None:
            for d in docs:
                s.score(d)  # type: ignore[attr-defined]

        rows.append((f"{name} alone", best_rate(one, n, args.repeat)))
    default = select_scorers(pm)
    names = ",".join(s.name for s in default)
    rows.append(
        (f"default set ({names})", best_rate(lambda: drain(run(docs, default)), n, args.repeat))
    )
    rows.append(
        (
            "default set, --jobs 2",
            best_rate(lambda: drain(run(docs, default, jobs=2)), n, args.repeat),
        )
    )
    print(f"{n} documents of {SIZE} characters, best of {args.repeat}, {os.cpu_count()} cores\n")
    print(f"| {'run':<60} | {'docs/s':>9} | {'x slower than bare':>18} |")
    print(f"|{'-' * 62}|{'-' * 11}|{'-' * 20}|")
    for label, rate in rows:
        print(f"| {label:<60} | {rate:>9,.0f} | {bare / rate:>18.1f} |")
    serial = rows[-2][1]
    print(f"\n--jobs 2 speed-up over one process: {rows[-1][1] / serial:.2f}x")


if __name__ == "__main__":
    main()
