"""Overlapping spans as a flat sequence of highlightable pieces.

Spans overlap all the time: a sentence-level span contains term spans, and several
dimensions flag the same words. HTML and terminal text cannot nest arbitrary overlapping
ranges, so the text is cut at every span boundary into segments; each segment knows every
span that covers it. A writer colours a segment by its innermost (shortest) covering span and
can still show every reason that applies to it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from biaskit.model import Report, Span


@dataclass(frozen=True, slots=True)
class Mark:
    """One span placed in the text: its dimension, and its index among the report's marks."""

    key: int
    dimension: str
    span: Span

    @property
    def length(self) -> int:
        return self.span.end - self.span.start


@dataclass(frozen=True, slots=True)
class Segment:
    """``text[start:end]`` and the marks covering all of it, outermost (longest) first."""

    start: int
    end: int
    cover: tuple[Mark, ...] = ()

    @property
    def innermost(self) -> Mark | None:
        """The most specific covering mark: the shortest, then the strongest, then the first."""
        if not self.cover:
            return None
        return min(self.cover, key=lambda m: (m.length, -m.span.score, m.key))

    def dimensions(self) -> list[str]:
        """The dimensions covering this segment, innermost first, each once."""
        inner = self.innermost
        seen: list[str] = [inner.dimension] if inner else []
        for mark in sorted(self.cover, key=lambda m: (m.length, m.key)):
            if mark.dimension not in seen:
                seen.append(mark.dimension)
        return seen


def report_marks(report: Report) -> list[Mark]:
    """Every span of every dimension, in dimension order then span order, numbered from 0."""
    marks: list[Mark] = []
    for name, score in report.scores.items():
        for span in score.spans:
            marks.append(Mark(len(marks), name, span))
    return marks


def segments(length: int, marks: Iterable[Mark]) -> list[Segment]:
    """Cut ``[0, length)`` at every span boundary; each piece lists the marks covering it.

    The segments tile the text exactly (contiguous, in order, none empty). Spans are clipped
    to the text; empty spans cover nothing and so appear in no segment.
    """
    placed: list[Mark] = []
    for mark in marks:
        start = min(max(mark.span.start, 0), length)
        end = min(max(mark.span.end, 0), length)
        if start < end:
            placed.append(mark)
    cuts = {0, length}
    for mark in placed:
        cuts.add(min(max(mark.span.start, 0), length))
        cuts.add(min(max(mark.span.end, 0), length))
    bounds = sorted(cuts)
    placed.sort(key=lambda m: (m.span.start, m.key))
    active: dict[int, Mark] = {}
    out: list[Segment] = []
    nxt = 0
    for a, b in itertools.pairwise(bounds):
        while nxt < len(placed) and placed[nxt].span.start <= a:
            active[placed[nxt].key] = placed[nxt]
            nxt += 1
        for key in [k for k, m in active.items() if m.span.end <= a]:
            del active[key]
        cover = tuple(sorted(active.values(), key=lambda m: (-m.length, m.key)))
        out.append(Segment(a, b, cover))
    return out


def excerpt(text: str, start: int, end: int, limit: int = 70) -> str:
    """``text[start:end]`` on one line, shortened in the middle when longer than ``limit``."""
    piece = " ".join(text[start:end].split())
    if len(piece) <= limit:
        return piece
    half = (limit - 1) // 2
    return f"{piece[:half]}…{piece[-half:]}"
