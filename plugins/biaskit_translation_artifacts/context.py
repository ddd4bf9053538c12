"""What every detector needs to know about a document, computed once per document.

Segmentation and tokenising are the costliest shared steps, so they happen here and the
detectors only read the result; they would otherwise each re-split the text and disagree
at the edges. ``vocab`` lets a detector skip its regular expressions entirely when the
words they need are absent, which is what keeps the scorer fast on ordinary text.

Sentences are located as ``(start, end)`` offsets (``bounds``), exactly where
``biaskit.text.sentences`` puts them (a test holds the two together), by a scan that lets
the regular-expression engine skip to the next candidate mark instead of testing a
look-behind at every character; the ``Segment`` objects, which sentences are prose rather
than headlines, and the quotations are only worked out when a detector or the profile
asks. The profile and the model's row read the prose as plain strings (``prose_sentences``,
``prose_words``), each split once, never as ``Segment`` objects.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import compress
from operator import itemgetter, not_

from biaskit.text import Segment, lowered_text, quoted_regions

_TOKEN = re.compile(r"[a-z]+")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z]")
# Runs of ASCII characters, none of which ``_OTHER_LETTER`` matches: taking them out first
# leaves it the few other characters to test (``other_letters``).
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
_CLOSERS = "\"'”’»)]"
# A capital, then a look-behind for the word boundary before it (what \b would test
# first): starting with a character class lets the engine skip ahead to the capitals
# instead of trying every position, for the same matches in half the time.
_CAPWORD = re.compile(r"[A-Z](?<!\w[A-Z])[\w’'\-]*")
_ANYWORD = re.compile(r"\b[^\W\d_][\w’'\-]*")

# biaskit.text's sentence end (a run of . ! ? … not preceded by another, optional closing
# quotes or brackets, then white space; or a line break), written to start with a plain
# character class so that the engine can jump from candidate to candidate. A line break
# takes the white space after it along (blank lines end no sentence of their own).
_SENT_END = re.compile(r"[.!?…\n](?<![.!?…][.!?…])(?:(?<=\n)\s*|[.!?…]*+[\"'”’»)\]]*+(?=\s))")
_ABBREVIATIONS = frozenset([
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt",
    "gov", "sen", "rep", "rev", "hon", "pres", "inc", "ltd", "co", "corp", "no", "vs",
    "etc", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "approx", "dept", "est"
])  # fmt: skip
_TOKEN_LEAD = "(\"'“‘"


def _abbreviation_before(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` follows an abbreviation or an initial."""
    if stop >= 7 and text[stop - 7 : stop].isalpha():
        return False  # a word of seven letters or more: no abbreviation is that long
    words = text[max(0, stop - 12) : stop].rsplit(None, 1)
    if not words:
        return False  # nothing but white space before it
    token = words[-1].lstrip(_TOKEN_LEAD).lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


# Every byte but a-z to a space (after non-ASCII characters became "?"), for ``ascii_words``.
_NOT_A_TO_Z = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def ascii_words(lower: str) -> tuple[str, ...]:
    """``_TOKEN.findall(lower)``: the runs of a-z, in order, three times as fast.

    ``findall`` makes a match per word; here the text is encoded to ASCII (one "?" for
    each other character), every byte but a-z becomes a space in one C-level ``translate``
    and one ``split`` cuts the runs.
    """
    ascii_text = lower.encode("ascii", "replace").translate(_NOT_A_TO_Z).decode("ascii")
    return tuple(ascii_text.split())


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence, trimmed, as ``biaskit.text.sentences`` finds them."""
    out: list[tuple[int, int]] = []
    append = out.append
    pos = 0
    for m in _SENT_END.finditer(text):
        s, after = m.span()
        mark = text[s]
        if mark == "\n":
            end = s  # a line break ends the sentence before it, if there is one
        elif mark == "." and _abbreviation_before(text, s):
            continue
        else:
            # The sentence runs to the end of its marks: the match, which holds no white
            # space (marks and closing quotes or brackets, white space only looked at).
            end = after
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            lead = chunk.find(stripped[0])  # the first character that is not white space
            append((pos + lead, pos + lead + len(stripped)))
        pos = after
    chunk = text[pos:]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        out.append((pos + lead, pos + lead + len(stripped)))
    return out


class Context:
    """A document's text with its sentences, quotations and words located once."""

    __slots__ = (
        "_aligned_lower",
        "_headline",
        "_prose",
        "_prose_counts",
        "_prose_lengths",
        "_prose_lower",
        "_prose_sentences",
        "_prose_text",
        "_prose_tokens",
        "_prose_words",
        "_quote_starts",
        "_quotes",
        "_sentence_texts",
        "_sentences",
        "bounds",
        "lower",
        "starts",
        "text",
        "tokens",
        "vocab",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = text.lower()
        self.bounds = sentence_bounds(text)
        self.starts = list(map(itemgetter(0), self.bounds))
        self._quotes: list[Segment] | None = None
        self._quote_starts: list[int] | None = None
        self.tokens: tuple[str, ...] = ascii_words(self.lower)
        self.vocab = frozenset(self.tokens)
        self._sentences: tuple[Segment, ...] | None = None
        self._prose: tuple[Segment, ...] | None = None
        self._headline: dict[int, bool] = {}
        self._prose_tokens: tuple[str, ...] | None = None
        self._prose_counts: Counter[str] | None = None
        self._prose_lengths: tuple[int, ...] | None = None
        self._prose_text: str | None = None
        self._prose_sentences: tuple[str, ...] | None = None
        self._prose_words: tuple[list[str], ...] | None = None
        self._sentence_texts: list[str] | None = None
        self._prose_lower: str | None = None
        self._aligned_lower: str | None = None

    @property
    def aligned_lower(self) -> str:
        """The text lower-cased with every offset kept, for detectors that find a word in
        lower case and read or flag the text at the same place: ``lower`` itself, unless
        lower-casing changed a length ("İ" lower-cases to two characters, and every offset
        after it would point one character early); then ``biaskit.text.lowered_text``."""
        aligned = self._aligned_lower
        if aligned is None:
            same = len(self.lower) == len(self.text)
            aligned = self._aligned_lower = self.lower if same else lowered_text(self.text)
        return aligned

    @classmethod
    def build(cls, text: str) -> Context:
        return cls(text)

    @property
    def quotes(self) -> list[Segment]:
        """The quotations (``biaskit.text.quoted_regions``), located on first use: most
        texts have no finding for which it matters whether it is quoted."""
        if self._quotes is None:
            text = self.text
            self._quotes = quoted_regions(text) if _has_quote(text) else []
        return self._quotes

    @property
    def quote_starts(self) -> list[int]:
        """Where each of ``quotes`` starts."""
        if self._quote_starts is None:
            self._quote_starts = [q.start for q in self.quotes]
        return self._quote_starts

    @property
    def n_words(self) -> int:
        return len(self.tokens)

    @property
    def sentences(self) -> tuple[Segment, ...]:
        if self._sentences is None:
            pairs = zip(self.bounds, self.sentence_texts(), strict=True)
            self._sentences = tuple(Segment(s, e, t) for (s, e), t in pairs)
        return self._sentences

    def sentence_texts(self) -> list[str]:
        """The text of every sentence, in order (worked out once)."""
        texts = self._sentence_texts
        if texts is None:
            text = self.text
            texts = self._sentence_texts = [text[s:e] for s, e in self.bounds]
        return texts

    @property
    def prose(self) -> tuple[Segment, ...]:
        """The sentences that are running prose, not headlines or labels."""
        if self._prose is None:
            self._prose = tuple(
                seg for i, seg in enumerate(self.sentences) if not self.is_headline_at(i)
            )
        return self._prose

    def headlines(self) -> list[bool]:
        """``is_headline_at`` of every sentence, in one pass (the few a detector asked about
        already are looked at again: cheaper than asking which). A sentence whose last
        character is one of ``_FINAL_MARKS`` is not a headline, and most end so: they are
        told apart without a call."""
        final = _FINAL_MARKS
        flags = [t[-1] not in final and is_headline_text(t) for t in self.sentence_texts()]
        self._headline.update(enumerate(flags))
        return flags

    def is_headline_at(self, index: int) -> bool:
        """Whether sentence ``index`` is a headline or label (see ``is_headline``)."""
        known = self._headline.get(index)
        if known is None:
            s, e = self.bounds[index]
            known = self._headline[index] = is_headline_text(self.text[s:e])
        return known

    def sentence_index(self, pos: int) -> int:
        """The index of the sentence containing ``pos``, or -1 between sentences."""
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.bounds[i][1]:
            return i
        return -1

    def in_prose(self, pos: int) -> bool:
        """Whether ``pos`` lies in a sentence of running prose."""
        i = self.sentence_index(pos)
        return i >= 0 and not self.is_headline_at(i)

    def in_quote(self, pos: int) -> bool:
        """Whether ``pos`` lies strictly inside a quotation (not on its marks)."""
        i = bisect_right(self.quote_starts, pos) - 1
        if i < 0:
            return False
        q = self.quotes[i]
        return q.start < pos < q.end - 1

    def is_english(self) -> bool:
        """Mostly Latin script: the only text whose typography we may call foreign."""
        latin = len("".join(self.tokens))  # the letters of every word, joined in C
        if latin == 0:
            return False
        text = self.text
        # A letter outside A-Z and a-z is a character outside ASCII, two bytes or more in
        # UTF-8: when the text has too few such bytes to outweigh the Latin letters, its
        # other letters need not be counted (encoding is far cheaper than the count).
        if latin >= 4 * (len(text.encode("utf-8", "surrogatepass")) - len(text)):
            return True
        return latin >= 4 * other_letters(text)


def other_letters(text: str) -> int:
    """``len(_OTHER_LETTER.findall(text))``: letters outside A-Z and a-z, which are never
    ASCII, counted among the characters left when the runs of ASCII are taken out."""
    if text.isascii():
        return 0
    return len(_OTHER_LETTER.findall(_ASCII_RUN.sub("", text)))


_QUOTE_MARKS = ('"', "“", "”", "„", "«", "»")


def _has_quote(text: str) -> bool:
    return any(mark in text for mark in _QUOTE_MARKS)


def prose_tokens(ctx: Context) -> tuple[str, ...]:
    """The lower-case words of the running prose, headlines and labels left out: the text
    whose function words, variety and rhythm the profile measures (worked out once)."""
    tokens = ctx._prose_tokens
    if tokens is None:
        # Every sentence prose: the text's own words; else those of the prose alone.
        whole = len(prose_sentences(ctx)) == len(ctx.bounds)
        tokens = ctx.tokens if whole else ascii_words(prose_lower(ctx))
        ctx._prose_tokens = tokens
    return tokens


def prose_sentences(ctx: Context) -> tuple[str, ...]:
    """The text of every prose sentence, in order (worked out once): what the profile and
    the model's row read, without a ``Segment`` made for each (``ctx.prose``)."""
    texts = ctx._prose_sentences
    if texts is None:
        texts = ctx._prose_sentences = tuple(
            compress(ctx.sentence_texts(), map(not_, ctx.headlines()))
        )
    return texts


def prose_words(ctx: Context) -> tuple[list[str], ...]:
    """The white-space separated words of every prose sentence (worked out once)."""
    words = ctx._prose_words
    if words is None:
        words = ctx._prose_words = tuple(map(str.split, prose_sentences(ctx)))
    return words


def prose_text(ctx: Context) -> str:
    """The prose sentences joined by a space (worked out once)."""
    text = ctx._prose_text
    if text is None:
        text = ctx._prose_text = " ".join(prose_sentences(ctx))
    return text


def prose_lower(ctx: Context) -> str:
    """``prose_text(ctx).lower()``, worked out once."""
    lower = ctx._prose_lower
    if lower is None:
        lower = ctx._prose_lower = prose_text(ctx).lower()
    return lower


def prose_counts(ctx: Context) -> Counter[str]:
    """``Counter(prose_tokens(ctx))``, worked out once; the profile and the model's row
    share it, and neither may change it."""
    counts = ctx._prose_counts
    if counts is None:
        counts = ctx._prose_counts = Counter(prose_tokens(ctx))
    return counts


def prose_lengths(ctx: Context) -> tuple[int, ...]:
    """The length in words (white-space separated) of every prose sentence of three words
    or more, in order, worked out once."""
    lengths = ctx._prose_lengths
    if lengths is None:
        lengths = ctx._prose_lengths = tuple(filter((3).__le__, map(len, prose_words(ctx))))
    return lengths


# A text ending in one of these (before any closing quotes or brackets) is no headline
# (``is_headline_text``).
_FINAL_MARKS = ".!?…:;"


def is_headline_text(text: str) -> bool:
    """Headlines and labels drop articles and use title case in native English too.

    A segment counts as a headline when it has no sentence-final punctuation and most of
    its words are capitalised, or when it is short and unpunctuated.
    """
    if text.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…", ":", ";"):
        return False
    n = len(_ANYWORD.findall(text))
    if n <= 4:
        return True
    caps = len(_CAPWORD.findall(text))
    return caps >= 0.5 * n


def is_headline(seg: Segment) -> bool:
    """``is_headline_text`` of a segment."""
    return is_headline_text(seg.text)
