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
