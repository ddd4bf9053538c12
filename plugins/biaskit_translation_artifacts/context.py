"""What every detector needs to know about a document, computed once per document.

Segmentation and tokenising are the costliest shared steps, so they happen here and the
detectors only read the result; they would otherwise each re-split the text and disagree
at the edges. ``vocab`` lets a detector skip its regular expressions entirely when the
words they need are absent, which is what keeps the scorer fast on ordinary text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from biaskit.text import Segment, quoted_regions, sentences

_TOKEN = re.compile(r"[a-z]+")
_NOT_LATIN = re.compile(r"[^A-Za-z]+")
_NOT_OTHER_LETTER = re.compile(r"[\W\d_A-Za-z]+")
_CLOSERS = "\"'”’»)]"
_CAPWORD = re.compile(r"\b[A-Z][\w’'\-]*")
_ANYWORD = re.compile(r"\b[^\W\d_][\w’'\-]*")


@dataclass(frozen=True, slots=True)
class Context:
    """A document's text with its sentences, quotations and words located once."""

    text: str
    lower: str
    sentences: tuple[Segment, ...]
    prose: tuple[Segment, ...]
    quotes: tuple[Segment, ...]
    quote_starts: tuple[int, ...]
    tokens: tuple[str, ...]
    vocab: frozenset[str]

    @classmethod
    def build(cls, text: str) -> Context:
        sents = tuple(sentences(text))
        quotes = tuple(quoted_regions(text))
        lower = text.lower()
        tokens = tuple(_TOKEN.findall(lower))
        return cls(
            text=text,
            lower=lower,
            sentences=sents,
            prose=tuple(s for s in sents if not is_headline(s)),
            quotes=quotes,
            quote_starts=tuple(q.start for q in quotes),
            tokens=tokens,
            vocab=frozenset(tokens),
        )

    @property
    def n_words(self) -> int:
        return len(self.tokens)

    def in_quote(self, pos: int) -> bool:
        """Whether ``pos`` lies strictly inside a quotation (not on its marks)."""
        i = bisect_right(self.quote_starts, pos) - 1
        if i < 0:
            return False
        q = self.quotes[i]
        return q.start < pos < q.end - 1

    def is_english(self) -> bool:
        """Mostly Latin script: the only text whose typography we may call foreign."""
        latin = len(_NOT_LATIN.sub("", self.text))
        other = len(_NOT_OTHER_LETTER.sub("", self.text))
        return latin > 0 and latin >= 4 * other


def is_headline(seg: Segment) -> bool:
    """Headlines and labels drop articles and use title case in native English too.

    A segment counts as a headline when it has no sentence-final punctuation and most of
    its words are capitalised, or when it is short and unpunctuated.
    """
    if seg.text.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…", ":", ";"):
        return False
    n = len(_ANYWORD.findall(seg.text))
    if n <= 4:
        return True
    caps = len(_CAPWORD.findall(seg.text))
    return caps >= 0.5 * n


def segment_at(segments: tuple[Segment, ...], starts: list[int], pos: int) -> Segment | None:
    """The segment containing ``pos``, given the segments' sorted start offsets."""
    i = bisect_right(starts, pos) - 1
    if i >= 0 and segments[i].start <= pos < segments[i].end:
        return segments[i]
    return None
