"""The timing loop the per-plugin throughput scripts share.

One pass scores every text once; the best of ``repeat`` passes is kept, since other processes
on a shared machine only ever slow a pass down. Both clocks are read: CPU time of this
process says what one core delivers whatever else the machine runs, wall-clock what a user
waits. A collection before each pass keeps garbage from the last pass out of this one.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Sequence
from typing import Any


def best_rates(
    fn: Callable[[str], object], texts: Sequence[str], repeat: int
) -> tuple[float, float]:
    """Documents per second of the fastest pass: (by CPU time, by wall-clock)."""
    cpu = wall = float("inf")
    for _ in range(repeat):
        gc.collect()
        c0, w0 = time.process_time(), time.perf_counter()
        for text in texts:
            fn(text)
        cpu = min(cpu, time.process_time() - c0)
        wall = min(wall, time.perf_counter() - w0)
    return len(texts) / max(cpu, 1e-9), len(texts) / max(wall, 1e-9)


# --- first sight -----------------------------------------------------------------------------
#
# The passes above score texts the scorer has already seen, so every word cache is full: a
# corpus run meets new words in every article (names, numbers, rare words: a tenth of an
# unseen article's words even after a thousand others), and each costs its first look-up.
# The first-sight figure is the steady state of a long run: a fresh process scores one half
# of the texts untimed, then the other half once, timed; each half in turn, the best of
# ``runs`` fresh processes per half.

_FIRST_SIGHT = "FIRST-SIGHT"


def add_first_sight_arguments(parser: Any) -> None:
    """The options every throughput script takes for the first-sight figure: how many fresh
    processes per half, and (hidden) the half a child process times."""
    import argparse

    parser.add_argument(
        "--first-sight-runs",
        type=int,
        default=3,
        help="fresh processes per half for the first-sight figure (0: skip it)",
    )
    parser.add_argument("--half", type=int, choices=(0, 1), help=argparse.SUPPRESS)


def first_sight_child(score: Callable[[str], object], texts: Sequence[str], half: int) -> None:
    """In a fresh process: warm up on the other half of ``texts``, then print the CPU time
    of one pass over half ``half`` (0 or 1) for ``first_sight_rate`` to read."""
    middle = len(texts) // 2
    seen, unseen = (
        (texts[middle:], texts[:middle]) if half == 0 else (texts[:middle], texts[middle:])
    )
    for text in seen:
        score(text)
    gc.collect()
    c0 = time.process_time()
    for text in unseen:
        score(text)
    print(_FIRST_SIGHT, len(unseen), time.process_time() - c0, flush=True)


def first_sight_rate(command: Sequence[str], runs: int = 3) -> float:
    """Documents per second by CPU time on first sight: ``command`` (a script's own command
    line) is run with ``--half 0`` and ``--half 1``, ``runs`` times each."""
    import subprocess

    docs = 0
    cpu = 0.0
    for half in (0, 1):
        best = float("inf")
        n = 0
        for _ in range(runs):
            out = subprocess.run(
                [*command, "--half", str(half)], capture_output=True, text=True, check=True
            ).stdout
            line = next(x for x in out.splitlines() if x.startswith(_FIRST_SIGHT))
            _, count, seconds = line.split()
            n, best = int(count), min(best, float(seconds))
        docs += n
        cpu += best
    return docs / max(cpu, 1e-9)
