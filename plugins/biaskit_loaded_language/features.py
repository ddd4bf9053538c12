"""What the trained model reads: words, their voice, the lexicon's verdict on each, and the
features built from them.

The model is linear, and every feature is either a word's own (its spelling and character
n-grams, its static vector, its lexicon category) or a pair of neighbouring words, so a
sentence's score is a sum of per-word numbers that can be cached by word and looked up, not
recomputed: that is what makes the model fast enough for whole corpora, and what lets each
word's share of the score be shown to the reader as the reason it was flagged.

The lexicon enters word by word: a word's category is that of the single-word entry it spells
(inflections included) or of the group-label shape it has (morphology.py). Multi-word phrases
and neutral collocations stay with the rule scorer (terms.py); the model learns what context
does from the word pairs and neighbours instead. Voice comes from the quotation regions: a
sentence is split at the quotation marks and each piece tokenised whole, so no word is
visited one by one in Python.

``annotate`` (training) and ``Voices.sentence`` (scoring) cut and tokenise the same way, so a
model is always fed exactly what it was trained on.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from biaskit.text import _ABBREVIATIONS, lowered_text

from .lexicon import get_lexicon
from .morphology import group_label
from .quotes import LineIndex, find_quote_regions, scare_quotes
from .terms import _nested

__all__ = [
    "CATEGORIES",
    "DENSE_NAMES",
    "MAX_WEIGHT",
    "TOKEN",
    "Annotated",
    "Voices",
    "annotate",
    "dense_features",
    "sentence_bounds",
    "word_category",
    "word_features",
]

# The same notion of a word as biaskit.text.WORD_RE and the bench (inner ' ’ - join):
# r"\w+(?:['’\-]\w+)*", written possessive. Giving characters back never lets that pattern
# match more (a joiner is not a word character), so the words are the same, and the engine
# keeps no backtracking state: tokenising, the largest single cost of scoring, is 15% faster.
TOKEN = re.compile(r"\w++(?:['’\-]\w++)*+")
NGRAM_MIN = 3
NGRAM_MAX = 5
# Character n-grams are taken from the first this many characters of a word only: a 100 kB
# "word" costs no more than a long real one.
NGRAM_CHARS = 30
# Lexicon weights enter the noisy-OR capped, so that one entry never makes it certain.
MAX_WEIGHT = 0.99

CATEGORIES: tuple[str, ...] = (
    "pejorative",
    "charged",
    "evaluative",
    "reporting-verb",
    "intensifier",
    "distancing",
    "group-label",
)
DENSE_NAMES: tuple[str, ...] = (
    *(f"lexicon {c} words" for c in CATEGORIES),
    "words in scare quotes",
    "lexicon evidence (noisy-OR of word weights)",
    "sentence length",
)


def word_features(word: str) -> list[str]:
    """The spelling features of one lower-cased word: the word, and its character 3- to
    5-grams with the word's edges marked, so that "radicals" shares most of its features
    with "radical" and "radicalised"."""
    padded = f" {word[:NGRAM_CHARS]} "
    out = ["w:" + word]
    out += ["c:" + padded[cut] for cut in _ngram_slices(len(padded))]
    return out


@cache
def _ngram_slices(size: int) -> tuple[slice, ...]:
    """The slices of a padded word of ``size`` characters that are its n-grams, shortest
    first and left to right: one comprehension over them instead of one per n costs a third
    less, and every word a corpus has not shown before is cut up so (at most
    ``NGRAM_CHARS`` + 2 sizes)."""
    return tuple(
        slice(i, i + n) for n in range(NGRAM_MIN, NGRAM_MAX + 1) for i in range(size - n + 1)
    )


@cache
def _lexicon_words() -> dict[str, tuple[str, float, str]]:
    return {w: (e.category, e.weight, e.reason) for w, e in get_lexicon().words.items()}


def word_category(word: str) -> tuple[str, float, str]:
    """(category, weight, reason) of a lower-cased word in the lexicon, or ("", 0, "")."""
    found = _lexicon_words().get(word)
    if found is not None:
        return found
    if "phob" in word or "-" in word:
        label = group_label(word, True)
        if label is not None:
            return ("group-label", label.weight, label.reason)
    return ("", 0.0, "")


def dense_features(
    categories: Sequence[str], weights: Sequence[float], scared: int, n_words: int
) -> list[float]:
    """Lexicon counts by category (log-scaled), words in scare quotes (log-scaled), the
    lexicon's own noisy-OR probability, and the length in words (log-scaled)."""
    counts = dict.fromkeys(CATEGORIES, 0)
    keep = 1.0
    for c, w in zip(categories, weights, strict=True):
        if c:
            counts[c] += 1
            keep *= 1.0 - min(w, MAX_WEIGHT)
    return [
        *(math.log1p(counts[c]) for c in CATEGORIES),
        math.log1p(scared),
        1.0 - keep,
        math.log1p(n_words) / 3.0,
    ]


@dataclass(frozen=True, slots=True)
class Annotated:
    """Words of a stretch of text as the model sees them: lower-cased ``words``, whether each
    lies inside a quotation (``quoted``) or inside scare quotes (``scared``), and, when asked
    for, their offsets (``spans``)."""

    words: list[str]
    quoted: list[bool]
    scared: list[bool]
    spans: list[tuple[int, int]] | None = None


class _Regions:
    """Sorted, disjoint regions: which contain an offset, which cut a range."""

    def __init__(self, pairs: Sequence[tuple[int, int]]) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for a, b in sorted(pairs):
            if starts and a <= ends[-1]:
                ends[-1] = max(ends[-1], b)
            else:
                starts.append(a)
                ends.append(b)
        self.starts = starts
        self.ends = ends

    def contains(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def cuts(self, start: int, end: int) -> list[int]:
        """Region edges strictly inside (start, end)."""
        out: list[int] = []
        i = max(0, bisect_right(self.ends, start))
        while i < len(self.starts) and self.starts[i] < end:
            for p in (self.starts[i], self.ends[i]):
                if start < p < end:
                    out.append(p)
            i += 1
        return out

    def touches(self, start: int, end: int) -> bool:
        i = bisect_right(self.ends, start)
        return i < len(self.starts) and self.starts[i] < end


class Voices:
    """The quotation and scare-quote regions of one text, and its lower-cased copy."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = lowered_text(text)
        regions = find_quote_regions(text) if _has_quote_mark(text) else []
        scare = (
            [r for r, _, _ in scare_quotes(text, regions, LineIndex(text), self.low, False)]
            if regions
            else []
        )
        # Scare quotes are the reporter's device, so their words stay in the reporter's voice
        # unless a larger quotation holds them.
        nested = _nested(regions)
        own = {r for r in scare if r not in nested}
        self.quotes = _Regions([(r.start, r.end) for r in regions if r not in own])
        self.scare = _Regions([(r.start, r.end) for r in scare])
        # Quotations and scare quotes together: a sentence touching none is plain narration.
        marked = _Regions(
            [
                *zip(self.quotes.starts, self.quotes.ends, strict=True),
                *zip(self.scare.starts, self.scare.ends, strict=True),
            ]
        )
        self.marked = (marked.starts, marked.ends)

    def plain(self, start: int, end: int) -> bool:
        """True when [start, end) touches no quotation (so every word is plain narration)."""
        return not (self.quotes.starts and self.quotes.touches(start, end)) and not (
            self.scare.starts and self.scare.touches(start, end)
        )

    def sentence(self, start: int, end: int, offsets: bool = False) -> Annotated:
        """The words of ``text[start:end]`` with their voice (and offsets if asked)."""
        if self.plain(start, end):
            if not offsets:
                simple: list[str] = TOKEN.findall(self.low, start, end)
                return Annotated(simple, [False] * len(simple), [False] * len(simple))
            matches = list(TOKEN.finditer(self.low, start, end))
            no = [False] * len(matches)
            return Annotated(
                [m.group() for m in matches], no, list(no), [m.span() for m in matches]
            )
        cuts = sorted({start, end, *self.quotes.cuts(start, end), *self.scare.cuts(start, end)})
        words: list[str] = []
        quoted: list[bool] = []
        scared: list[bool] = []
        found: list[tuple[int, int]] | None = [] if offsets else None
        low = self.low
        for a, b in pairwise(cuts):
            if found is not None:
                piece = list(TOKEN.finditer(low, a, b))
                ws = [m.group() for m in piece]
                found.extend(m.span() for m in piece)
            else:
                ws = TOKEN.findall(low, a, b)
            if not ws:
                continue
            words.extend(ws)
            quoted.extend([self.quotes.contains(a)] * len(ws))
            scared.extend([self.scare.contains(a)] * len(ws))
        return Annotated(words, quoted, scared, found)


# biaskit.text's sentence end, spelt so that every match begins with one of a set of
# characters: the regex engine then skips ahead to the next candidate instead of trying the
# look-behind at every offset (four times faster on news text). Its look-behind
# (?<![.!?…]) is not needed: a run of end marks that fails from its first mark fails from
# every later one too, since the possessive run ends at the same place. Every end takes the
# white space after it along (biaskit.text only looks at it): there biaskit.text finds an
# empty "sentence" per line break after the end, a trip round the loop that adds nothing,
# and that white space holds no other match's start but a line break's.
_FAST_SENT_END = re.compile(r"[\n.!?…](?:(?<=\n)\s*+|[.!?…]*+[\"'”’»)\]]*+\s++)")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """``[(s.start, s.end) for s in biaskit.text.sentences(text)]``, without building a
    Segment per sentence (the same ends and abbreviation rule; a test holds them equal)."""
    out: list[tuple[int, int]] = []
    pos = 0
    abbreviations = _ABBREVIATIONS
    for m in _FAST_SENT_END.finditer(text):
        end = m.end()
        g = m.group()
        # A full stop after an abbreviation ends nothing, unless a line break follows it
        # (biaskit.text's next match, which ends the sentence right there).
        if g[0] == "." and "\n" not in g:
            s = m.start()
            before = text[max(0, s - 12) : s]
            token = before.rsplit(None, 1)[-1].lstrip("(\"'“‘").lower() if before.strip() else ""
            if token in abbreviations or (len(token) == 1 and token.isalpha()):
                continue
        chunk = text[pos:end]
        left = chunk.lstrip()
        if left:
            a = pos + len(chunk) - len(left)
            out.append((a, a + len(left.rstrip())))
        pos = end
    chunk = text[pos:]
    left = chunk.lstrip()
    if left:
        a = pos + len(chunk) - len(left)
        out.append((a, a + len(left.rstrip())))
    return out


_QUOTE_MARKS = re.compile("[\"“”„«»‘']")


def _has_quote_mark(text: str) -> bool:
    return _QUOTE_MARKS.search(text) is not None


def annotate(text: str, offsets: bool = False) -> Annotated:
    """The whole text as one unit (how training sees a BABE sentence)."""
    return Voices(text).sentence(0, len(text), offsets)
