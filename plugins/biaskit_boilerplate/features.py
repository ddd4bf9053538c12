"""Named numeric features of a line and of its place in the document.

In the spirit of jusText: article text is long, dense with function words and ends its
sentences; page furniture is short, capitalised like a title, ends without punctuation, comes
in runs, and sits before the headline or after the last paragraph. Every feature here is a
plain number so that the rules in ``rules.py`` can explain themselves with it and a learned
model can later be trained on exactly the same columns (``LINE_FEATURES``,
``CONTEXT_FEATURES``).
"""

from __future__ import annotations

import operator
import re
from functools import cache
from itertools import compress, repeat
from typing import NamedTuple

from biaskit.text import WORD_RE, Segment, lines
from biaskit_boilerplate import patterns
from biaskit_boilerplate.lexicon import agencies, function_words, months, social_words, time_words

__all__ = [
    "CONTEXT_FEATURES",
    "LINE_FEATURES",
    "ContextFeatures",
    "LineFeatures",
    "context_features",
    "document_features",
    "line_features",
]


_TERMINAL = re.compile(r"[.!?…:;。！？][\"'”’»)\]」』]*$")
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’»)\]」』]*$")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)[\"'”’»)\]]*$")
_COUNT_SUFFIX = re.compile(r"\(\d{1,7}\)$")
_SEPARATORS = re.compile(r"\s[|»›•·/>]\s|\s[|•·]|[|•·]\s")
_LINK = re.compile(r"https?://|www\.|\.(?:com|org|net|ru|co\.uk)\b|@\w|#\w|\w@\w", re.IGNORECASE)
_SEPARATOR_CHARS = re.compile(r"[|»›•·/>]")
_LINK_HINTS = ("http", "www.", "@", "#", ".com", ".org", ".net", ".ru", ".co.")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁΑ-Ω]")
_DIGITS = "0123456789"
# Time-word and share-button counts are taken on lines up to this long and are 0 beyond it.
SHORT_LINE_WORDS = 20
_FIRST = operator.itemgetter(0)


def _word_pattern() -> re.Pattern[str]:
    """The shared tokenizer (``biaskit.text.WORD_RE``), so tokens agree with every other
    dimension while ``findall`` spares the cost of a match object per word."""
    return WORD_RE


@cache
def _timeish() -> frozenset[str]:
    """Time words plus the empty string, which is what a bare number strips down to."""
    return time_words() | {""}


def _dated(text: str, toks: list[str]) -> bool:
    """Whether all-time-word tokens really name a moment (a clock time, month, year or 'ago')."""
    if ":" in text:
        return any(t.isdigit() for t in toks)
    month_names = months()
    for tok in toks:
        low = tok.lower()
        if low == "ago" or low.strip("0123456789") in month_names:
            return True
        if low.isdigit() and len(low) == 4:
            return True
    return False


class LineFeatures(NamedTuple):
    """What one line looks like on its own."""

    n_chars: int
    n_words: int
    mean_word_len: float
    stop_ratio: float  # function words / words
    title_ratio: float  # capitalised content words / content words
    caps_ratio: float  # upper-case letters / letters
    digit_ratio: float  # digits / visible characters
    alpha_ratio: float  # letters / visible characters
    starts_upper: int
    starts_lower: int
    ends_sentence: int  # . ! ? before any closing quote or bracket
    ends_terminal: int  # as above, or : ; …
    ends_colon: int
    ends_ellipsis: int
    ends_function_word: int  # the line stops mid-phrase ("during the")
    ends_comma: int
    n_commas: int
    comma_list: int  # three or more short items and no function words: a tag list
    n_separators: int  # | » › • · between items: menus and breadcrumbs
    count_suffix: int  # "Battle Against Daesh in Syria (180)"
    time_word_ratio: float  # words that belong to dates and times (short lines only)
    has_number: int
    timestamp: int  # nothing but a date, a time and words like "updated"
    link_like: int  # URL, e-mail address, @handle or #hashtag
    social_ratio: float  # words naming share buttons and social networks (short lines only)
    agency_only: int  # the line is just a wire service's name
    byline: int  # "By Jane Doe"
    pattern: int  # 1 + index into patterns.PATTERNS, 0 when no furniture phrase matched


LINE_FEATURES: tuple[str, ...] = LineFeatures._fields


def line_features(text: str) -> LineFeatures:
    """Features of one trimmed line; a pure function of its text.

    Counting is done with C-level ``map``/``sum`` over the tokens rather than a Python loop:
    this function runs on every line of every article.
    """
    stop = function_words()
    toks: list[str] = _word_pattern().findall(text)
    low_toks = list(map(str.lower, toks))
    n_words = len(toks)
    n_chars = len(text)
    low = text.lower()
    firsts = list(map(_FIRST, toks))
    upper_first = list(map(str.isupper, firsts))
    n_stop = sum(map(stop.__contains__, low_toks))
    # Function words are lower-case in a title ("of", "the") and do not count either way.
    n_content = sum(map(str.isalpha, firsts)) - n_stop
    n_title = sum(upper_first) - sum(map(stop.__contains__, compress(low_toks, upper_first)))
    n_time = n_social = 0
    if n_words <= SHORT_LINE_WORDS:  # only short lines can be stamps or button rows
        n_time = sum(map(_timeish().__contains__, map(str.strip, low_toks, repeat(_DIGITS))))
        n_social = sum(map(social_words().__contains__, low_toks))
    chars = sum(map(len, toks))
    digits = sum(map(text.count, _DIGITS))
    uppers = len(_UPPER.findall(text))
    visible = n_chars - text.count(" ") or 1
    word_chars = chars - digits
    tail = text[-12:]
    ends_sentence = bool(_SENTENCE_END.search(tail))
    first = text[0] if text else ""
    commas = text.count(",")
    comma_list = 0
    if commas >= 2 and n_stop <= 1 and not ends_sentence:
        comma_list = int(all(0 < len(item.split()) <= 4 for item in text.split(",")))
    timestamp = int(
        n_words > 0 and n_time == n_words and (digits > 0 or "ago" in low) and _dated(text, toks)
    )
    bare = low.strip(" .,:;-–—()[]")
    agency_only = int(n_words <= 4 and bool(bare) and bare in agencies())
    byline = int(
        2 <= n_words <= 8
        and low.startswith("by ")
        and n_content > 0
        and n_title >= 0.75 * n_content
        and not ends_sentence
    )
    separators = len(_SEPARATORS.findall(text)) if _SEPARATOR_CHARS.search(text) else 0
    link_like = any(map(low.__contains__, _LINK_HINTS)) and bool(_LINK.search(text))
    return LineFeatures(
        n_chars=n_chars,
        n_words=n_words,
        mean_word_len=chars / n_words if n_words else 0.0,
        stop_ratio=n_stop / n_words if n_words else 0.0,
        title_ratio=n_title / n_content if n_content > 0 else 0.0,
        caps_ratio=uppers / word_chars if word_chars > 0 else 0.0,
        digit_ratio=digits / visible,
        alpha_ratio=word_chars / visible,
        starts_upper=int(first.isupper()),
        starts_lower=int(first.islower()),
        ends_sentence=int(ends_sentence),
        ends_terminal=int(bool(_TERMINAL.search(tail))),
        ends_colon=int(text.endswith(":")),
        ends_ellipsis=int(bool(_ELLIPSIS.search(tail))),
        ends_function_word=int(bool(low_toks) and low_toks[-1] in stop),
        ends_comma=int(text.endswith(",")),
        n_commas=commas,
        comma_list=comma_list,
        n_separators=separators,
        count_suffix=int(bool(_COUNT_SUFFIX.search(tail))),
        time_word_ratio=n_time / n_words if n_words else 0.0,
        has_number=int(digits > 0),
        timestamp=timestamp,
        link_like=int(link_like),
        social_ratio=n_social / n_words if n_words else 0.0,
        agency_only=agency_only,
        byline=byline,
        pattern=patterns.match(text, n_words, low),
    )


class ContextFeatures(NamedTuple):
    """Where a line sits: its neighbours, its paragraph and its place in the document."""

    line_index: int  # 0-based among non-blank lines
    rel_position: float  # 0 at the first line, 1 at the last
    blank_before: int  # a blank line (or the start of the text) separates it from the previous
    blank_after: int
    doc_blank_separated: float  # share of line breaks in the document that are blank lines
    doc_stop_ratio: float  # function words / words over the whole document: is it English?
    block_start: int  # index of the first line of the paragraph it was re-joined into
    block_lines: int  # hard-wrapped lines re-joined into one paragraph
    block_words: int
    block_stop_ratio: float
    block_prose: int  # the paragraph reads as running prose
    prev_prose: int
    next_prose: int
    prev_n_words: int
    next_n_words: int


CONTEXT_FEATURES: tuple[str, ...] = ContextFeatures._fields


def _continues(prev: LineFeatures, cur: LineFeatures) -> bool:
    """Whether ``cur`` is the hard-wrapped continuation of ``prev`` rather than a new line."""
    if prev.ends_sentence or prev.pattern or cur.pattern or prev.title_ratio >= 0.6:
        return False
    if prev.stop_ratio < 0.15 or prev.n_words < 4:
        return False
    return bool(
        cur.starts_lower or prev.ends_function_word or prev.ends_comma or prev.n_chars >= 40
    )


def _is_prose(words_: int, stop_ratio: float, title_ratio: float, ends_sentence: int) -> bool:
    if words_ < 6 or stop_ratio < 0.2 or title_ratio >= 0.7:
        return False
    return bool(ends_sentence) or words_ >= 15


def context_features(
    text: str, segs: list[Segment], feats: list[LineFeatures]
) -> list[ContextFeatures]:
    """Context for every line; ``segs`` and ``feats`` are the document's lines and features."""
    n = len(segs)
    if n == 0:
        return []
    blank = [True] * (n + 1)  # blank[i]: a blank line separates line i-1 from line i
    for i in range(1, n):
        blank[i] = text.count("\n", segs[i - 1].end, segs[i].start) >= 2
    gaps = n - 1
    doc_blank = sum(blank[1:n]) / gaps if gaps else 1.0
    doc_words = sum(f.n_words for f in feats)
    doc_stop = sum(f.stop_ratio * f.n_words for f in feats) / doc_words if doc_words else 0.0
    # Without English function words to go by, fall back on length alone (as jusText does
    # for a language it has no stop list for).
    english = doc_stop >= 0.08

    # Re-join hard-wrapped paragraphs so that a wrapped line is judged with its paragraph.
    block_of = [0] * n
    for i in range(1, n):
        glued = not blank[i] and _continues(feats[i - 1], feats[i])
        block_of[i] = block_of[i - 1] if glued else i
    block_stats: dict[int, list[float]] = {}
    for i, f in enumerate(feats):
        st = block_stats.setdefault(block_of[i], [0, 0.0, 0.0, 0.0, 0])
        st[0] += f.n_words
        st[1] += f.stop_ratio * f.n_words
        st[2] += f.title_ratio * f.n_words
        st[3] = f.ends_sentence
        st[4] += 1
    prose = [False] * n
    block_info = []
    for i in range(n):
        w, s, t, end, k = block_stats[block_of[i]]
        stop_r = s / w if w else 0.0
        title_r = t / w if w else 0.0
        if english:
            is_prose = _is_prose(int(w), stop_r, title_r, int(end))
        else:
            size = feats[i].n_chars
            is_prose = size >= 250 or (size >= 100 and bool(end))
        # A teaser cut off mid-phrase ("...during the...") is furniture that looks like prose.
        if feats[i].ends_ellipsis and feats[i].ends_function_word:
            is_prose = False
        prose[i] = is_prose
        block_info.append((int(w), stop_r, int(k)))
    out = []
    for i in range(n):
        w, stop_r, k = block_info[i]
        out.append(
            ContextFeatures(
                line_index=i,
                rel_position=i / (n - 1) if n > 1 else 0.0,
                blank_before=int(blank[i]),
                blank_after=int(blank[i + 1]),
                doc_blank_separated=doc_blank,
                doc_stop_ratio=doc_stop,
                block_start=block_of[i],
                block_lines=k,
                block_words=w,
                block_stop_ratio=stop_r,
                block_prose=int(prose[i]),
                prev_prose=int(i > 0 and prose[i - 1]),
                next_prose=int(i + 1 < n and prose[i + 1]),
                prev_n_words=feats[i - 1].n_words if i > 0 else 0,
                next_n_words=feats[i + 1].n_words if i + 1 < n else 0,
            )
        )
    return out


def document_features(
    text: str,
) -> tuple[list[Segment], list[LineFeatures], list[ContextFeatures]]:
    """Lines of ``text`` with their own and their context features, index-aligned."""
    segs = lines(text)
    feats = [line_features(s.text) for s in segs]
    return segs, feats, context_features(text, segs, feats)
