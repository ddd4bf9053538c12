"""A bounded memo of a pure function of one string, for the per-word and per-run tables
the features read on every token.

A dictionary with ``__missing__`` answers a key it has seen by one C-level look-up, which
``map(memo.__getitem__, tokens)`` keeps in C for a whole text; ``functools.lru_cache`` would
cost a Python-level call a token and the bookkeeping of recency. Past ``bound`` keys, new
keys are worked out each time and not kept: the commonest words are seen first, so the
table stays useful, and memory stays flat over any corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

V = TypeVar("V")

WORDS_BOUND = 200_000
# Runs of characters without white space (a word with its punctuation) are more various
# than words: a smaller bound (about 25 MB when full for byte codes).
RUNS_BOUND = 100_000


class BoundedMemo(dict[str, V]):
    """``fn(key)`` for every key already seen, up to ``bound`` keys."""

    __slots__ = ("bound", "fn")

    def __init__(
        self, fn: Callable[[str], V], bound: int = WORDS_BOUND, known: Mapping[str, V] = {}
    ) -> None:
        super().__init__(known)
        self.fn = fn
        self.bound = bound

    def __missing__(self, key: str) -> V:
        value = self.fn(key)
        if len(self) < self.bound:
            self[key] = value
        return value
