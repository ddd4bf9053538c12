"""The records the bench passes around: labelled examples, predictions, results.

A task names the unit a dataset labels; every classifier predicts per unit, and the metrics
are computed per unit, with documents as the clusters for the bootstrap (lines of one page
are not independent draws, and resampling them as if they were would make the intervals
look tighter than they are).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from biaskit.model import Span

Split = Literal["train", "dev", "test"]
SPLITS: tuple[Split, ...] = ("train", "dev", "test")

# lines: a page as text, one gold label per line of ``biaskit.text.lines(text)``
#   (True = boilerplate).
# sentences: one sentence per example, one gold label (True = biased), with the words experts
#   marked as carrying the bias.
# documents: one whole text per example, one gold label (e.g. True = translated).
# spans: one article per example with gold spans (no unit labels); the dataset counts matches.
TASKS = ("lines", "sentences", "documents", "spans")


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """A labelled stretch of an example's text; spans of one relation share ``group``."""

    start: int
    end: int
    label: str
    group: str = ""


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled document of a dataset.

    ``labels`` has one boolean per unit of the task (one per line for ``lines``, exactly one
    for ``sentences`` and ``documents``, none for ``spans``); ``words`` holds gold word-level
    annotations where the dataset has them (lower-cased); ``spans`` the gold spans of a
    ``spans`` task.
    """

    id: str
    text: str
    labels: tuple[bool, ...]
    split: Split
    words: frozenset[str] | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    task: str = "lines"
    spans: tuple[GoldSpan, ...] = ()


@dataclass(frozen=True, slots=True)
class Prediction:
    """A classifier's output for one example: a score in [0, 1] per unit (higher = more
    likely positive), an optional hard decision per unit, optionally the words it blames
    (for word-level evaluation) and the spans it found (for ``spans`` tasks)."""

    scores: tuple[float, ...]
    decisions: tuple[bool, ...] | None = None
    words: frozenset[str] | None = None
    spans: tuple[Span, ...] = ()
