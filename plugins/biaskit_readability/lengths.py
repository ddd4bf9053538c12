"""Sentence lengths from biaskit's shared segmentation: cheap, and located in the text.

The averages behind the formulas come from textstat; the spread of sentence lengths and the
long sentences a reader is shown need offsets, so they are measured on the same sentences
every other dimension sees. A uniform rhythm and a text of a few very long sentences can
share an average; the standard deviation tells them apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from biaskit.text import Segment, sentences, words

__all__ = ["LONG_SENTENCE_WORDS", "SentenceLengths", "measure"]

# Plain-language guides (GOV.UK's style guide, the Plain English Campaign) put the limit
# for an easily read sentence at 20 to 25 words; beyond 25 a sentence is flagged as long.
LONG_SENTENCE_WORDS = 25


@dataclass(frozen=True, slots=True)
class SentenceLengths:
    """Word counts per sentence (sentences without words left out) and their spread."""

    sentences: tuple[tuple[Segment, int], ...]
    sd: float
    longest: int

    def long(self, k: int) -> list[tuple[Segment, int]]:
        """The ``k`` longest sentences over the threshold, longest first, earlier on ties."""
        ranked = sorted(
            (item for item in self.sentences if item[1] > LONG_SENTENCE_WORDS),
            key=lambda item: (-item[1], item[0].start),
        )
        return ranked[:k]


def measure(text: str) -> SentenceLengths:
    """Count the words of each sentence of ``text``."""
    counted = []
    for seg in sentences(text):
        n = sum(1 for _ in words(text, seg.start, seg.end))
        if n:
            counted.append((seg, n))
    if not counted:
        return SentenceLengths((), 0.0, 0)
    mean = sum(n for _, n in counted) / len(counted)
    var = sum((n - mean) ** 2 for _, n in counted) / len(counted)
    return SentenceLengths(tuple(counted), math.sqrt(var), max(n for _, n in counted))
