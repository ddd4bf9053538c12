"""Finding loaded terms in a text: each with its offsets, category, weight, reason and voice.

All word lists are compiled, once, into one pattern over the lower-cased text: neutral
collocations first, then phrases, then single words (as a character trie, so the engine never
tries the alternatives one by one), then the shapes morphology.py judges. Alternation order is
precedence: a neutral collocation ("claimed responsibility", "tax regime") swallows the terms
inside it, and a phrase wins over its own words. The scan runs in C over the text, so the cost
per article is one pass, not one dictionary probe per word in Python.

Every alternative is anchored at a word start and ends at a word end, with the same notion of
a word as ``biaskit.text.words`` (inner apostrophes and hyphens join), and no quantifier nests
in another over the same characters, so the scan stays linear on any input.

Matching ignores negation on purpose: "not hostile" still reaches for the vocabulary of
hostility, and the framing is what this dimension measures, not the claim's polarity.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from biaskit.text import lowered_text

from .lexicon import Entry, Lexicon, get_lexicon
from .morphology import group_label
from .quotes import LineIndex, QuoteRegion, find_quote_regions, scare_quotes

__all__ = ["Term", "build_matcher", "find_terms", "scan"]

SCARE_QUOTE_WEIGHT = 0.45
PARTIAL_QUOTE_WEIGHT = 0.25
_SCARE_REASON = "a short phrase set in quotation marks with no speaker, held at a distance"
_PARTIAL_REASON = "a few words picked out of a speaker's statement and set apart in quotes"

# A word starts at a word boundary not preceded by a joining apostrophe or hyphen.
_WORD_START = r"\b(?<!\w[’'\-])"
_WORD_END = r"(?!\w)(?![’'\-]\w)"
_TOKEN = re.compile(r"\w+(?:[’'\-]\w+)*")
_JOINERS = "’'-"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Term:
    """One loaded term: ``text[start:end]``, why it is loaded and whose voice it is in."""

    start: int
    end: int
    category: str
    weight: float
    reason: str
    in_quote: bool

    @property
    def label(self) -> str:
        return self.category

    @property
    def voice(self) -> str:
        return "quote" if self.in_quote else "narration"


def _trie_pattern(strings: list[str]) -> str:
    """A regex matching exactly ``strings``, factored by common prefixes; a space in a string
    matches any run of white space. Optional tails are greedy, so the longest entry wins."""
    trie: dict[str, Any] = {}
    for w in strings:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)


def _phrase_variants(parts: tuple[str, ...], forms: dict[str, list[str]]) -> list[str]:
    """Every inflected spelling of a phrase ("pay a price", "paid a price", "paying a price")."""
    out = [""]
    for part in parts:
        out = [f"{prefix} {form}".lstrip() for prefix in out for form in forms.get(part, [part])]
    return out


def build_matcher(lex: Lexicon) -> re.Pattern[str]:
    """Compile the lexicon into one pattern (cached on the lexicon) and index every spelling
    it can match in ``lex.spellings``."""
    if lex.matcher is not None:
        return lex.matcher
    forms: dict[str, list[str]] = {}
    for form, lemma in lex.lemmas.items():
        forms.setdefault(lemma, [lemma]).append(form)
    spellings: dict[str, Entry | None] = {}
    for parts in lex.neutral:
        spellings[" ".join(parts)] = None
    for parts, entry in lex.phrases.items():
        for variant in _phrase_variants(parts, forms):
            spellings.setdefault(variant, entry)
    for word, entry in lex.words.items():
        spellings.setdefault(word, entry)
    lex.spellings = spellings
    trie = _trie_pattern(sorted(spellings)) or "(?!)"
    lex.matcher = re.compile(f"{_WORD_START}(?P<t>{trie})(?:['’]s)?{_WORD_END}")
    return lex.matcher


class _QuoteIndex:
    """Answers "is this offset range inside a quotation?" by bisection over merged regions."""

    def __init__(self, regions: list[QuoteRegion]) -> None:
        merged: list[list[int]] = []
        for r in regions:
            if merged and r.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], r.end)
            else:
                merged.append([r.start, r.end])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def contains(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i]


def _nested(regions: list[QuoteRegion]) -> set[QuoteRegion]:
    """Regions lying inside an earlier, larger region (regions are sorted by start, -end)."""
    out: set[QuoteRegion] = set()
    reach = -1
    for r in regions:
        if r.end <= reach:
            out.add(r)
        reach = max(reach, r.end)
    return out


def _token_start(low: str, pos: int) -> int:
    start = pos
    while start > 0:
        prev = low[start - 1]
        joined = (
            prev in _JOINERS and start > 1 and (low[start - 2].isalnum() or low[start - 2] == "_")
        )
        if prev.isalnum() or prev == "_" or joined:
            start -= 1
        else:
            break
    return start


def _morphology_candidates(low: str) -> list[tuple[int, int]]:
    """Word tokens that contain the marks of a group-label coinage (-phob-, anti-, pro-, -ism,
    -ist). Plain substring searches find them in microseconds; a per-word pattern for the same
    shapes costs more than the whole lexicon scan."""
    hits: list[tuple[int, bool]] = []  # (offset, whether it is an -ism/-ist suffix)
    for needle in ("phob", "anti-", "pro-", "ism", "ist"):
        suffix = needle in ("ism", "ist")
        pos = low.find(needle)
        while pos >= 0:
            after = pos + 3 + (low[pos + 3 : pos + 4] == "s")
            if not suffix or not (after < len(low) and (low[after].isalnum() or low[after] == "_")):
                hits.append((pos, suffix))
            pos = low.find(needle, pos + 1)
    hits.sort()
    out: list[tuple[int, int]] = []
    done = -1
    for pos, suffix in hits:
        if pos < done:
            continue
        start = _token_start(low, pos)
        if suffix and pos - start < 3:  # "this", "list": no room for a name before it
            continue
        m = _TOKEN.match(low, start)
        if m is None or m.end() <= pos:
            continue
        out.append((start, m.end()))
        done = m.end()
    return out


def find_terms(text: str, lexicon: Lexicon | None = None) -> list[Term]:
    """All loaded terms in ``text``, sorted by (start, end)."""
    return scan(text, lexicon)[0]


def scan(text: str, lexicon: Lexicon | None = None) -> tuple[list[Term], list[QuoteRegion]]:
    """The terms and the quotations, from one pass of each over the text."""
    lex = lexicon if lexicon is not None else get_lexicon()
    matcher = build_matcher(lex)
    regions = find_quote_regions(text)
    quotes = _QuoteIndex(regions)
    lines = LineIndex(text)
    out: list[Term] = []
    low = lowered_text(text)
    spellings = lex.spellings
    taken: list[tuple[int, int]] = []  # spans the lexicon matched, neutral ones included
    for m in matcher.finditer(low):
        start, end = m.span("t")
        taken.append((start, end))
        entry = spellings.get(_SPACE.sub(" ", m.group("t")))
        if entry is None:  # a neutral collocation
            continue
        in_q = quotes.contains(start, end)
        if entry.narration_only and in_q:
            continue
        out.append(Term(start, end, entry.category, entry.weight, entry.reason, in_q))

    taken_starts = [t[0] for t in taken]
    for start, end in _morphology_candidates(low):
        i = bisect_right(taken_starts, start) - 1
        if i >= 0 and taken[i][1] > start:
            continue  # the lexicon already spoke for this word
        if i + 1 < len(taken) and taken[i + 1][0] < end:
            continue
        token = text[start:end]
        cap = token[:1].isupper() and lines.capitalised_context(start)
        label = group_label(token, cap)
        if label is not None:
            in_q = quotes.contains(start, end)
            out.append(Term(start, end, "group-label", label.weight, label.reason, in_q))

    # The quote marks are the reporter's device unless a larger quotation holds them.
    nested_in = _nested(regions)
    for region, _inner, attributed in scare_quotes(text, regions, lines, low):
        weight, reason = (
            (PARTIAL_QUOTE_WEIGHT, _PARTIAL_REASON)
            if attributed
            else (SCARE_QUOTE_WEIGHT, _SCARE_REASON)
        )
        out.append(
            Term(region.start, region.end, "scare-quote", weight, reason, region in nested_in)
        )
    out.sort(key=lambda t: (t.start, t.end))
    return out, regions
