"""Word-for-word renderings of Russian phrases, from a list a reader can audit.

The list (``data/calques.txt``) holds constructions, not sentences: literal prepositions
("in Twitter", "on our address"), reporting formulas ("proceed from the fact that"),
officialese ("law enforcement organs"), press nicknames ("Foggy Albion") and idioms
("friendship tested in combat"). Each entry carries its own strength, because "in the
framework of" is merely stiff while "give impulses to" is unmistakable, and its anchor
words: an entry's pattern runs only in a window around each occurrence of one of them, so a
text pays for the few places an entry could match, not for scanning the list over it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from biaskit import Span
from biaskit_translation_artifacts.context import Context
from biaskit_translation_artifacts.lexicon import pattern_table

LABEL = "calque"
TABLE = "calques.txt"


@dataclass(frozen=True, slots=True)
class _Entry:
    strength: float
    anchors: frozenset[str]
    regex: re.Pattern[str]
    note: str


@cache
def by_anchor() -> dict[str, tuple[int, ...]]:
    """Anchor word -> indices of the entries it can trigger."""
    index: dict[str, list[int]] = {}
    for i, entry in enumerate(entries()):
        for anchor in entry.anchors:
            index.setdefault(anchor, []).append(i)
    return {k: tuple(v) for k, v in index.items()}


@cache
def anchor_words() -> frozenset[str]:
    """Every anchor word: a set, so that intersecting it with a text's words looks up the
    smaller of the two in the other."""
    return frozenset(by_anchor())


@cache
def entries() -> tuple[_Entry, ...]:
    out = []
    for strength, anchors, pattern, note in pattern_table(TABLE):
        tail = r"(?!\w)" if pattern[-1].isalpha() else ""
        rx = re.compile(f"(?<!\\w)(?:{pattern}){tail}", re.IGNORECASE)
        out.append(_Entry(strength, anchors, rx, note))
    return tuple(out)


# Every entry's match lies within this many characters of one of its anchors.
WINDOW = 120


def detect(ctx: Context) -> list[Span]:
    vocab = ctx.vocab
    text, lower = ctx.text, ctx.aligned_lower  # its offsets are the text's
    n = len(text)
    found: list[tuple[int, int, int]] = []
    table = entries()
    index = by_anchor()
    triggered = sorted({i for a in vocab & anchor_words() for i in index[a]})
    positions: dict[str, list[int]] = {}
    for i in triggered:
        entry = table[i]
        # The windows around every occurrence of the entry's anchors, overlapping ones
        # merged, so that an anchor the article repeats is not scanned around twice.
        spans: list[tuple[int, int]] = []
        for anchor in entry.anchors & vocab:
            found_at = positions.get(anchor)
            if found_at is None:
                found_at = positions[anchor] = _occurrences(lower, anchor)
            spans.extend(
                (max(0, at - WINDOW), min(n, at + len(anchor) + WINDOW)) for at in found_at
            )
        spans.sort()
        merged: list[list[int]] = []
        for lo, hi in spans:
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        for lo, hi in merged:
            for m in entry.regex.finditer(text, lo, hi):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), i))
    return _resolve(found, table)


def _occurrences(lower: str, word: str) -> list[int]:
    out = []
    at = lower.find(word)
    while at >= 0:
        out.append(at)
        at = lower.find(word, at + len(word))
    return out


def _resolve(found: list[tuple[int, int, int]], table: tuple[_Entry, ...]) -> list[Span]:
    """One span per stretch of text, and repeats of one calque counted at half strength.

    Overlapping matches of two entries are one finding (keep the stronger); a phrase the
    article repeats, as a headline echoing its body does, is one habit, not fresh evidence.
    """
    found.sort(key=lambda f: (f[0], -table[f[2]].strength))
    kept: list[tuple[int, int, int]] = []
    for f in found:
        if kept and f[0] < kept[-1][1]:
            if table[f[2]].strength > table[kept[-1][2]].strength:
                kept[-1] = f
            continue
        kept.append(f)
    out: list[Span] = []
    seen_entries: set[int] = set()
    for start, end, i in kept:
        entry = table[i]
        strength = entry.strength if i not in seen_entries else round(entry.strength / 2, 3)
        seen_entries.add(i)
        out.append(Span(start, end, LABEL, strength, entry.note))
    return out
