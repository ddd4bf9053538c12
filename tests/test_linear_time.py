"""No scorer backtracks catastrophically: time grows linearly with input size.

For each built-in scorer and each adversarial pattern (long runs of quotes, punctuation,
spaces, capitals, and fragments hypothesis builds from the scorers' own trigger words), the
time on a text 8 times longer must stay within a generous constant of 8 times the time on
the short one. This is a complexity check, a ratio on the same machine in the same moment,
not a speed target: speed is measured in benchmarks/.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biaskit import Document
from biaskit.plugins import get_plugin_manager, scorers

SCORERS = {
    n: s
    for n, s in scorers(get_plugin_manager()).items()
    if type(s).__module__.startswith("biaskit_") and n != "readability"
}
ADVERSARIAL = {
    "quotes": '"“”«»„' * 40,
    "punctuation": ".,;:!?…—-()[]" * 30,
    "spaces": " \t " * 100 + "\n",
    "capitals": "WASHINGTON SPUTNIK READ MORE TASS " * 12,
    "apostrophes": "''``’‘" * 60,
    "cues": "said told according to, he said. “ ” " * 10,
}
GROWTH = 8
# Linear work gives a ratio near 8; the slack absorbs timer noise and warm caches, while a
# quadratic pattern gives 64 and more.
SLACK = 3.0


def _seconds(scorer: object, text: str) -> float:
    doc = Document("t", text)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        scorer.score(doc)  # type: ignore[attr-defined]
        best = min(best, time.perf_counter() - started)
    return best


def _assert_linear(scorer: object, unit: str) -> None:
    short = unit * 4
    small = _seconds(scorer, short)
    large = _seconds(scorer, short * GROWTH)
    assert large <= GROWTH * SLACK * small + 0.02, (
        f"{GROWTH}x the text took {large / max(small, 1e-9):.0f}x the time"
    )


@pytest.mark.parametrize("name", sorted(SCORERS))
@pytest.mark.parametrize("pattern", sorted(ADVERSARIAL))
def test_adversarial_runs_scale_linearly(name: str, pattern: str) -> None:
    _assert_linear(SCORERS[name], ADVERSARIAL[pattern])


FRAGMENTS = st.lists(
    st.sampled_from(
        ['"', "“", "”", "«", ".", ",", " ", "\n", "said", "told", "READ MORE", "A", "the",
         "According to", "(AP)", "—", "'", "Mr.", "Source :", "in Twitter"]
    ),
    min_size=5,
    max_size=40,
).map("".join)  # fmt: skip


@pytest.mark.parametrize("name", sorted(SCORERS))
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(unit=FRAGMENTS)
def test_generated_patterns_scale_linearly(name: str, unit: str) -> None:
    _assert_linear(SCORERS[name], unit * 25)
