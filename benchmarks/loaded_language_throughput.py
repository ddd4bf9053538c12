"""Throughput of the loaded_language scorer on 4 KB news articles, one process, one core.

    python benchmarks/loaded_language_throughput.py --data-dir ../shared/data

Articles: the ``articleBody`` texts of Zyte's article extraction benchmark
(``<data-dir>/article-extraction-benchmark/ground-truth.json``), each brought to exactly
``--size`` characters (4,096 by default): a longer body is cut, a shorter one is continued
with the bodies that follow it (wrapping round), so every document is a real news text of the
same length. The scorer runs on all of them once untimed (the model is loaded and its word
cache warmed on the first documents, as in any real run), then ``--repeat`` timed passes; the
best pass is reported, since other processes on a shared machine only ever slow a pass down.

Each pass is timed twice over: by the wall clock (what a user waits) and by the CPU time of
this process (``time.process_time``). On a machine whose cores are all busy (load average
above the core count, printed with the figures) a pass of a fraction of a second can lose
half its wall time to other processes in every repeat, so the wall-clock figure moves by 2x
from run to run while the CPU figure barely moves: trust the CPU figure when the two differ.

Then the first-sight figure: those passes score texts whose words the scorer has cached,
while a corpus run meets new words in every article, and each new word costs a row of the
word table to compute; so a fresh process scores half of a set of distinct articles (bodies
packed in order, none used twice) untimed and the other half once, timed, each half in turn
(``timing.first_sight_rate``). That is the figure a long corpus run approaches.
For scale, the same passes are timed for bare ``re.findall(r"\\w+", text)`` over the same
documents: the ratio says how many word-splitting passes one scoring costs, which moves much
less than docs/s between machines.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

from timing import (
    add_first_sight_arguments,
    best_rates,
    first_sight_child,
    first_sight_rate,
)

from biaskit import Document


def _bodies(data_dir: Path) -> list[str]:
    """The non-empty ``articleBody`` values, in the file's order."""
    truth = data_dir / "article-extraction-benchmark" / "ground-truth.json"
    bodies = (
        str(v.get("articleBody", "")).strip()
        for v in json.loads(truth.read_text(encoding="utf-8")).values()
    )
    return [b for b in bodies if b]


def articles(data_dir: Path, size: int) -> list[str]:
    bodies = _bodies(data_dir)
    out = []
    for i in range(len(bodies)):
        parts = [bodies[i]]
        j = i
        while sum(len(p) + 2 for p in parts) < size:
            j = (j + 1) % len(bodies)
            parts.append(bodies[j])
        out.append("\n\n".join(parts)[:size])
    return out


def distinct_articles(data_dir: Path, size: int) -> list[str]:
    """The bodies packed in order into texts of ``size`` characters, none used twice: the
    texts of ``articles`` share most of their bodies with their neighbours, which a pass that
    has seen them all does not mind, but the first-sight figure needs texts never seen."""
    out: list[str] = []
    parts: list[str] = []
    for body in _bodies(data_dir):
        parts.append(body)
        if sum(len(p) + 2 for p in parts) >= size:
            out.append("\n\n".join(parts)[:size])
            parts = []
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data-dir", type=Path, default=Path(os.environ.get("BIASKIT_DATA", "data"))
    )
    parser.add_argument("--size", type=int, default=4096, help="characters per article")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes (best is kept)")
    parser.add_argument("--model", type=Path, help="a .skops model instead of the shipped one")
    parser.add_argument("--rules", action="store_true", help="the lexicon rules alone")
    add_first_sight_arguments(parser)
    args = parser.parse_args()

    from biaskit_loaded_language import LoadedLanguageScorer

    scorer = LoadedLanguageScorer(use_model=not args.rules)
    if args.model is not None:
        scorer = scorer.with_model(args.model)
    docs = articles(args.data_dir, args.size)
    words = re.compile(r"\w+")

    def score(text: str) -> object:
        return scorer.score(Document("bench", text))

    if args.half is not None:  # a first-sight child process (see timing.first_sight_rate)
        first_sight_child(score, distinct_articles(args.data_dir, args.size), args.half)
        return
    for text in docs:  # load the model, warm the word cache
        score(text)
    rate_cpu, rate = best_rates(score, docs, args.repeat)
    bare_cpu, bare = best_rates(words.findall, docs, args.repeat)
    mode = "rules" if args.rules else (str(args.model) if args.model else "shipped model")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"loaded_language {scorer.version} ({mode}), {len(docs)} articles of {args.size} chars")
    print(f"  load average {load:.2f} on {os.cpu_count()} cores; best of {args.repeat} passes")
    print("                        wall clock                  CPU time")
    print(f"  scorer:              {_rate(rate)}  {_rate(rate_cpu)}")
    print(f"  re.findall(r'\\w+'):  {_rate(bare)}  {_rate(bare_cpu)}")
    print(f"  cost of one scoring: {bare_cpu / rate_cpu:.1f} word-splitting passes (CPU time)")
    if args.first_sight_runs:
        command = [sys.executable, __file__, "--data-dir", str(args.data_dir)]
        command += ["--size", str(args.size)]
        command += ["--rules"] if args.rules else []
        command += ["--model", str(args.model)] if args.model else []
        first = first_sight_rate(command, args.first_sight_runs)
        n = len(distinct_articles(args.data_dir, args.size))
        print(
            f"  first sight:         {_rate(first)} CPU time, {bare_cpu / first:.1f} passes "
            f"({n} distinct articles: half scored untimed in a fresh process, then the other "
            f"half once, timed; best of {args.first_sight_runs} per half)"
        )


def _rate(rate: float) -> str:
    return f"{rate:8,.0f} docs/s ({1000 / rate:.3f} ms)"


if __name__ == "__main__":
    main()
