"""Text segmentation with character offsets, shared by the dimensions.

Every scorer needs lines, sentences, words and quotations located in the original text; if
each plugin wrote its own, their spans would disagree at the edges. These functions are
pure, linear-time (no pattern here can backtrack on adversarial input) and return offsets
into the text they were given, never a copy of it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "WORD_RE",
    "Segment",
    "lines",
    "lowered_text",
    "paragraphs",
    "quotations",
    "quoted_regions",
    "sentences",
    "words",
]


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the text: ``text[start:end]``, with surrounding white space trimmed."""

    start: int
    end: int
    text: str


def lowered_text(text: str) -> str:
    """``text.lower()`` with every offset kept, for finding words in lower case and reading or
    flagging the text at the same place: the few characters that grow when lower-cased ("İ"
    becomes two) are left as written, so that no offset after them shifts."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


_LINE = re.compile(r"[^\n]*")
# The one word tokenizer of every dimension, public so that a hot loop can call
# ``WORD_RE.findall`` and skip building a match object per word.
WORD_RE = re.compile(r"\w+(?:[’'\-]\w+)*")


def _trimmed(text: str, start: int, end: int) -> Segment | None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    lead = len(chunk) - len(chunk.lstrip())
    return Segment(start + lead, start + lead + len(stripped), stripped)


def lines(text: str) -> list[Segment]:
    """Non-blank lines, trimmed, in order. Indentation does not move a line's content."""
    out = []
    for m in _LINE.finditer(text):
        seg = _trimmed(text, m.start(), m.end())
        if seg is not None:
            out.append(seg)
    return out


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def paragraphs(text: str) -> list[Segment]:
    """Blocks separated by blank lines; a hard-wrapped paragraph stays one segment."""
    out = []
    pos = 0
    for m in _BLANK_LINE.finditer(text):
        seg = _trimmed(text, pos, m.start())
        if seg is not None:
            out.append(seg)
        pos = m.end()
    seg = _trimmed(text, pos, len(text))
    if seg is not None:
        out.append(seg)
    return out


def words(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """Word tokens (letters, digits, inner apostrophes and hyphens) as regex matches."""
    return WORD_RE.finditer(text, start, len(text) if end is None else end)


# A sentence ends at . ! ? … (optionally followed by closing quotes or brackets) when white
# space and then something that can start a sentence follows, or at a line break.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "rev",
        "hon",
        "pres",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "fig",
        "approx",
        "dept",
        "est",
    ]
)
# Linear time: a match may start only at the first mark of a run (the lookbehind), and the
# possessive quantifiers never give back what they took, so a long run of marks with no
# space after it is scanned once, not once per starting position.
_SENT_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s)|\n")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Sentences of ``text[start:end]``, trimmed, with offsets into ``text``.

    Deliberately simple and predictable: a full stop after a known abbreviation or a single
    capital letter (an initial) does not end a sentence; a line break always does, because
    in extracted article text a line is at least a paragraph.
    """
    stop = len(text) if end is None else end
    out: list[Segment] = []
    pos = start
    for m in _SENT_END.finditer(text, start, stop):
        if m.group() != "\n" and m.group()[0] == ".":
            before = text[max(start, m.start() - 12) : m.start()]
            token = before.rsplit(None, 1)[-1].lstrip("(\"'“‘").lower() if before.strip() else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        seg = _trimmed(text, pos, m.end())
        if seg is not None:
            out.append(seg)
        pos = m.end()
    seg = _trimmed(text, pos, stop)
    if seg is not None:
        out.append(seg)
    return out


# Opening mark -> closing marks it may pair with. Straight double quotes pair with
# themselves; typographic ones are often mismatched in translated or scraped copy, so any
# closing double mark closes any opening one.
_DOUBLE_CLOSERS = '"”“»«„'
_OPENERS = {'"': _DOUBLE_CLOSERS, "“": '”"“', "„": '“”"', "«": '»"”', "»": "«"}
# The same table turned round, closing mark -> the opening marks it may close, so that each
# mark is filed under its openers with one look-up instead of a test against every opener.
_CLOSES = {m: tuple(o for o, closers in _OPENERS.items() if m in closers) for m in _DOUBLE_CLOSERS}
_QUOTE_CHARS = re.compile('["“”„«»]')


def quoted_regions(text: str, max_len: int = 3000) -> list[Segment]:
    """Stretches of text inside double quotation marks, including the marks themselves.

    Handles straight, curly and guillemet marks, a quote that runs over several paragraphs
    (English style: each paragraph reopens the quote and only the last closes it), and gives
    up on an opening mark with no closing mark within ``max_len`` characters instead of
    swallowing the rest of the article. Single quotes are left out: they are too often
    apostrophes to be told apart cheaply. Runs in O(n log n) whatever the marks.
    """
    matches = list(_QUOTE_CHARS.finditer(text))
    if not matches:
        return []
    positions = [m.start() for m in matches]
    kinds = [m.group() for m in matches]
    # The closers each kind of opening mark may pair with, as sorted mark indices. A mark
    # that reopens a quote at the start of a new paragraph never closes one.
    closers_at: dict[str, list[int]] = {opener: [] for opener in _OPENERS}
    previous = -1
    for j, (jpos, jch) in enumerate(zip(positions, kinds, strict=True)):
        if j == 0 or not _reopens_paragraph(text, previous, jpos):
            for opener in _CLOSES[jch]:
                closers_at[opener].append(j)
        previous = jpos
    out: list[Segment] = []
    i = 0
    n = len(positions)
    while i < n:
        ch = kinds[i]
        if ch == "”":
            i += 1
            continue
        candidates = closers_at[ch]
        k = bisect.bisect_right(candidates, i)
        if k == len(candidates) or positions[candidates[k]] - positions[i] > max_len:
            i += 1
            continue
        pos, close_at = positions[i], positions[candidates[k]]
        out.append(Segment(pos, close_at + 1, text[pos : close_at + 1]))
        i = candidates[k] + 1
    return out


def _reopens_paragraph(text: str, previous: int, pos: int) -> bool:
    """A mark first on its line, after a line break, with text right after it."""
    if pos + 1 >= len(text) or text[pos + 1].isspace():
        return False
    line_start = text.rfind("\n", previous, pos) + 1
    return line_start > 0 and not text[line_start:pos].strip()


# Two apostrophes (or two single curly marks) for a double quotation mark, and `` for an
# opening one: the style of old wire copy, of the New York Times archive as news corpora
# carry it (PolNeAR's NYT articles use nothing else) and of text from the Penn Treebank's
# conventions.
_PAIRS = ("''", "‘‘", "’’", "``")
_DOUBLE_APOSTROPHE = re.compile("|".join(map(re.escape, _PAIRS)))
# The same pairs, one regex each: a regex opening with a fixed string skips to it in a
# tight loop, where the alternation above tests every character against a set (three
# times the instructions on a text with no pair, as most texts are).
_PAIR_RES = tuple(re.compile(re.escape(pair)) for pair in _PAIRS)


def quotations(text: str, max_len: int = 3000) -> list[Segment]:
    """``quoted_regions``, also reading the pairs '' ‘‘ ’’ and `` as double quotation marks.

    ``quoted_regions`` itself leaves them out, as it leaves out single marks: whoever reads
    quotations (who is quoted, whose voice a word is in) wants them; a detector of odd
    punctuation may want to see them as written. The pair is rewritten to one straight
    double mark plus a filler on a same-length copy, so offsets stay those of ``text``; a
    region closing on the first character of a pair is widened to cover the second.
    """
    if not any(rx.search(text) is not None for rx in _PAIR_RES):
        return quoted_regions(text, max_len)
    masked = _DOUBLE_APOSTROPHE.sub('"\u2060', text)
    out = []
    for r in quoted_regions(masked, max_len):
        end = r.end + 1 if masked[r.end : r.end + 1] == "\u2060" else r.end
        out.append(Segment(r.start, end, text[r.start : end]))
    return out
