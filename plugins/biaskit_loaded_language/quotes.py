"""Where quoted material lies, and which short quotations are scare quotes.

A reporter who writes the "improper decision" or Russia's 'violating' the treaty uses the
quotation marks themselves to comment: the words are held at arm's length. A scare quote is
told apart from an ordinary quotation by three plain signs: it is short (one to four words),
no verb of saying or colon introduces it, and it is not a title (every content word
capitalised, like a film or a book).

Double quotation marks come from ``biaskit.text.quotations`` (straight, curly and guillemet
marks, and the '' and `` pairs of NYT and old wire copy); single marks, which that function
leaves out because they double as apostrophes, are found here with patterns that only accept
an opening mark after a non-letter and a closing mark before one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from biaskit.text import lowered_text, quotations

__all__ = [
    "LineIndex",
    "QuoteRegion",
    "find_quote_regions",
    "is_title_case_line",
    "scare_quotes",
]


@dataclass(frozen=True, slots=True)
class QuoteRegion:
    """A quotation, marks included: ``text[start:end]``."""

    start: int
    end: int


# Curly single quotes: ’ inside a word (Russia’s) is an apostrophe, so it may not close.
# Each alternative consumes one character and they cannot both match: no backtracking blow-up.
# The literal mark comes first so the engine can skip to it; the look-behind follows it.
_CURLY_SINGLE = re.compile(r"‘(?<!\w‘)((?:[^‘’\n]|’(?=\w)){1,300})’(?!\w)")
# Straight single quotes are riskier (rock 'n' roll, the '90s): short spans only, a letter
# straight after the opening mark and straight before the closing one.
_STRAIGHT_SINGLE = re.compile(r"'(?<![\w']')(\w(?:[^'\n]|'(?=\w)){0,58}[\w.,!?])'(?!\w)")

_SPEECH_BEFORE = re.compile(
    r"(?:\b(?:said|says|say|saying|told|tells|asked|asks|added|adds|wrote|writes|tweeted|"
    r"posted|stated|states|declared|replied|answered|noted|explained|continued|according to)"
    r"\W{0,3}|[:,]\s{0,3})$",
)
_SPEECH_AFTER = re.compile(
    r"[\s,]{0,3}(?:\w+\s){0,3}?(?:said|says|added|adds|told|asked|wrote|writes|tweeted|"
    r"stated|replied|noted)\b",
)
# A verb of saying elsewhere in the sentence: the short quote is then a speaker's own words
# picked out (a partial quote), which loads the text less than a bare scare quote does.
_SPEECH_NEAR = re.compile(
    r"\b(?:said|says|say|told|tells|asked|added|wrote|writes|tweeted|posted|stated|declared|"
    r"replied|noted|argued|argues|called|calls|calling|described|describes|urged|urging|"
    r"warned|warns|according to|insisted|claimed|claiming|claims)\b",
)
_NEWLINE = re.compile("\n")
_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
_MINOR = frozenset(
    ["a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "with", "at", "by", "from"]
)


class LineIndex:
    """Line bounds and headline-ness by offset, in O(log n): scanning back for the previous
    newline from every finding would be quadratic on a text without line breaks."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in _NEWLINE.finditer(text)]
        self._title: dict[int, bool] = {}

    def bounds(self, pos: int) -> tuple[int, int]:
        i = bisect_left(self.breaks, pos)
        start = self.breaks[i - 1] + 1 if i > 0 else 0
        end = self.breaks[i] if i < len(self.breaks) else len(self.text)
        return start, end

    def is_title_line(self, pos: int) -> bool:
        start, end = self.bounds(pos)
        if start not in self._title:
            # A headline is short; a long line is prose whatever its capitals.
            chunk = self.text[start:end] if end - start <= 300 else ""
            self._title[start] = is_title_case_line(_WORD.findall(chunk))
        return self._title[start]

    def capitalised_context(self, pos: int) -> bool:
        """True where a capital letter says nothing about a name: at a sentence or line
        start, or anywhere in a title-case headline."""
        if self.is_title_line(pos):
            return True
        start, _ = self.bounds(pos)
        before = self.text[max(start, pos - 20) : pos].rstrip(" \t\"'“‘«(")
        return not before or before[-1] in ".!?:;"


def find_quote_regions(text: str) -> list[QuoteRegion]:
    """All quotations, double and single, sorted by start; nesting is kept."""
    out = [QuoteRegion(s.start, s.end) for s in quotations(text)]
    if "‘" in text:
        out += [QuoteRegion(m.start(), m.end()) for m in _CURLY_SINGLE.finditer(text)]
    if "'" in text:
        out += [QuoteRegion(m.start(), m.end()) for m in _STRAIGHT_SINGLE.finditer(text)]
    out.sort(key=lambda r: (r.start, -r.end))
    return out


def is_title_case_line(words: list[str]) -> bool:
    """A headline in title case: capitals there mark the style, not names or emphasis."""
    content = [w for w in words if len(w) > 3]
    if len(content) < 2:
        return False
    caps = sum(1 for w in content if w[0].isupper())
    return caps >= 0.8 * len(content)


def _is_title(inner_words: list[str]) -> bool:
    content = [w for w in inner_words if w.lower() not in _MINOR]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def scare_quotes(
    text: str,
    regions: list[QuoteRegion],
    lines: LineIndex | None = None,
    lowered: str | None = None,
    attribution: bool = True,
) -> list[tuple[QuoteRegion, str, bool]]:
    """The regions that read as scare quotes: each with its words and whether a verb of saying
    elsewhere in the line attributes them to a speaker (always False when ``attribution`` is
    off: looking for that verb is a third of the cost of a scare quote, and the model's voices
    need the regions only)."""
    out: list[tuple[QuoteRegion, str, bool]] = []
    index = lines if lines is not None else LineIndex(text)
    # Cue patterns run on lower-cased text: case-insensitive alternations are several times slower.
    low = lowered if lowered is not None and len(lowered) == len(text) else lowered_text(text)
    for region in regions:
        if region.end - region.start > 80:
            continue
        inner = text[region.start + 1 : region.end - 1]
        if "\n" in inner:  # a quotation closing one paragraph and opening the next
            continue
        inner_words = _WORD.findall(inner)
        if not 1 <= len(inner_words) <= 4 or not any(c.isalpha() for c in inner):
            continue
        line_start, line_end = index.bounds(region.start)
        before = text[max(line_start, region.start - 40) : region.start]
        if _SPEECH_BEFORE.search(low, max(line_start, region.start - 40), region.start):
            continue
        if _SPEECH_AFTER.match(low, region.end, min(region.end + 40, line_end)):
            continue
        stripped = inner.strip()
        # A whole short utterance ("Yes." / "Never!") rather than a phrase held at a distance.
        if stripped[:1].isupper() and stripped[-1:] in ".!?" and not before.strip():
            continue
        if _is_title(inner_words) and not index.is_title_line(region.start):
            continue
        window_end = min(line_end, region.end + 80)
        attributed = attribution and bool(
            _SPEECH_NEAR.search(low, max(line_start, region.start - 150), region.start)
            or _SPEECH_NEAR.search(low, region.end, window_end)
        )
        out.append((region, stripped, attributed))
    return out
