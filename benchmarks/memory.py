"""Resident memory of ``biaskit score`` over a large JSONL corpus: does it stay flat?

    python benchmarks/memory.py --size-mb 2048 --plugin boilerplate --jobs 2

Writes a JSONL corpus of the requested size (4 KB articles built from the bundled examples)
into a temporary folder, runs ``biaskit score`` on it as a real subprocess writing CSV to
a file, samples the resident memory of the process tree (the CLI and its workers) every half
second, and prints it against progress. Flat means it does not grow with the corpus: the
scorers' word caches fill during the first part of a run, up to their fixed bounds (so the
figure at 50% may stand a few MB above the one at 10%), and then start afresh, so from 50% to
90% of the corpus the figure stays level; a leak would keep growing there.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def make_corpus(path: Path, size_mb: int) -> int:
    bodies = [p.read_text() for p in sorted((HERE.parent / "examples" / "articles").glob("*.txt"))]
    target = size_mb * 2**20
    written = n = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            body = bodies[n % len(bodies)]
            while len(body) < 4096:
                body += "\n\n" + body
            line = json.dumps({"id": f"doc{n}", "text": f"{n}. " + body[:4090]}) + "\n"
            out.write(line)
            written += len(line.encode())
            n += 1
    return n


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, from /proc (Linux)."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size-mb", type=int, default=2048)
    parser.add_argument("--plugin", action="append", default=None)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        out = Path(tmp) / "reports.csv"
        docs = make_corpus(corpus, args.size_mb)
        print(f"corpus: {docs:,} documents, {corpus.stat().st_size / 2**20:,.0f} MB")
        cmd = [sys.executable, "-m", "biaskit", "score", str(corpus), "-f", "csv"]
        cmd += ["-o", str(out), "--jobs", str(args.jobs), "--no-progress"]
        for name in args.plugin or []:
            cmd += ["-p", name]
        started = time.perf_counter()
        proc = subprocess.Popen(cmd)
        samples: list[tuple[float, float]] = []
        done = offset = 0
        while proc.poll() is None:
            time.sleep(0.5)
            if out.exists():  # count only the rows written since the last look
                with out.open("rb") as handle:
                    handle.seek(offset)
                    chunk = handle.read()
                offset += len(chunk)
                done += chunk.count(b"\n")
            samples.append((done / docs, rss_mb(proc.pid)))
        elapsed = time.perf_counter() - started
        print(f"exit code {proc.returncode}; {docs / elapsed:,.0f} docs/s over {elapsed:,.0f} s")
        for mark in (0.1, 0.25, 0.5, 0.75, 0.9):
            near = [rss for frac, rss in samples if frac >= mark]
            if near:
                print(f"RSS at {mark:>4.0%} of the corpus: {near[0]:7.1f} MB")
        print(f"peak RSS: {max(rss for _, rss in samples):.1f} MB")


if __name__ == "__main__":
    main()
