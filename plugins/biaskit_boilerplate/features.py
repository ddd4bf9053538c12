"""Named numeric features of a line and of its place in the document.

In the spirit of jusText: article text is long, dense with function words and ends its
sentences; page furniture is short, capitalised like a title, ends without punctuation, comes
in runs, and sits before the headline or after the last paragraph. Every feature here is a
plain number so that the rules in ``rules.py`` can explain themselves with it and the learned
model in ``model.py`` is trained on exactly the same columns (``LINE_FEATURES``,
``CONTEXT_FEATURES``).

Speed matters: this module runs on every line of every article, and corpus engineers run it
on millions. Two paths keep it cheap without changing what the features mean where the
rules look closely:
- a short line (up to ``SHORT_LINE_WORDS`` white-space tokens, where every kind of furniture
  lives) is tokenised with the shared word pattern (``biaskit.text.WORD_RE``), and its word
  counts are exact;
- a longer line is counted on its white-space tokens, with C-level ``map``/``sum`` only:
  function words are the tokens in the stop list (a token with punctuation attached, such
  as ``the,``, is not counted), capitalised words those that differ from their lower case.
  On running prose these agree with the exact counts to within a few per cent.
"""

from __future__ import annotations

import operator
import re
from collections import deque
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import compress, repeat
from typing import Any, NamedTuple, TypeVar

from biaskit.text import Segment
from biaskit_boilerplate import patterns
from biaskit_boilerplate.lexicon import (
    agencies,
    cta_words,
    function_words,
    months,
    social_words,
    time_words,
)

__all__ = [
    "CONTEXT_FEATURES",
    "LINE_FEATURES",
    "SHORT_LINE_WORDS",
    "Analysis",
    "ContextFeatures",
    "LineFeatures",
    "analyse",
    "context_features",
    "document_features",
    "line_features",
    "lines_features",
    "split_lines",
]

# Closing quotes and brackets that may follow a sentence's last mark.
_CLOSERS = "\"'”’»)]」』"
_SENTENCE_MARKS = frozenset(".!?。！？")
_TERMINAL_MARKS = frozenset(".!?…:;。！？")
_COUNT_SUFFIX = re.compile(r"\(\d{1,7}\)$")
# A separator between menu or breadcrumb items: | • · next to a space, » › / > between spaces.
# Written to start with the separator itself, so that a scan skips ahead to one.
_SEPARATORS = re.compile(r"[|•·](?:(?<=\s.)|(?=\s))|[»›/>](?<=\s.)(?=\s)")
_SEPARATOR_HINTS = ("|", "•", "·", "»", "›", " / ", " > ")


def _has_separator(text: str) -> bool:
    """A quick test that ``_SEPARATORS`` may match (``in`` is a memchr-fast scan)."""
    return any(map(text.__contains__, _SEPARATOR_HINTS))


# Matched on the lower-cased line; it cannot match where none of the hints occurs.
_LINK_HINTS = ("http", "www.", "@", "#", ".com", ".org", ".net", ".ru", ".co.uk")
_LINK = re.compile(r"https?://|www\.|\.(?:com|org|net|ru|co\.uk)\b|[@#]\w")
# A clock time or an all-number date; with a month name, what makes a line dated.
_NUMERIC_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}:\d{2}")
_DIGITS = "0123456789"
# Stripped from both ends of a white-space token before it counts as a word; a token that is
# nothing but these (a "|" or "–" between menu items) is not a word.
_TOKEN_PUNCT = patterns.STRIP
# Above this many white-space tokens a line is counted on the fast path (see the module
# docstring); time-word, social-word and date counts are taken up to it and are 0 beyond.
SHORT_LINE_WORDS = 20
WINDOW = SHORT_LINE_WORDS
# A link, address or handle counts on lines of up to this many words (a bare link, a
# "Follow @outlet" line), not inside a sentence that mentions one.
LINK_LINE_WORDS = 8
# Stripped from a token before it is looked up among the time words ("05:45" is a time).
_STAMP_CHARS = _DIGITS + ":./-,"
_PUNCT_ARG = repeat(_TOKEN_PUNCT)
_STAMP_ARG = repeat(_STAMP_CHARS)
_LAST = slice(-1, None)
_FIRST_CHAR = slice(0, 1)
_ANCHORED_LOWER = patterns.ANCHORED_LOWER
_TRIGGERS = patterns.TRIGGERS
_TRIGGER_CHARS = patterns.TRIGGER_CHARS
_T = TypeVar("_T")
_new_tuple = tuple.__new__


@cache
def _timeish() -> frozenset[str]:
    """Time words plus the empty string, which is what a bare number strips down to."""
    return time_words() | {""}


_MASK = 63  # counts of up to WINDOW words fit in 6 bits
_TIME_SHIFT = 6
_SOCIAL_SHIFT = 12
_ZERO_ARG = repeat(0)
_MASKS = repeat(_MASK)


@cache
def _word_codes() -> dict[str, int]:
    """Word -> 1 if a function word + 64 if a time word + 4096 if a social word, so that one
    look-up per word and one sum per line count all three."""
    codes: dict[str, int] = {}
    for words, code in (
        (function_words(), 1),
        (time_words(), 1 << _TIME_SHIFT),
        (social_words(), 1 << _SOCIAL_SHIFT),
    ):
        for word in words:
            codes[word] = codes.get(word, 0) + code
    return codes


@cache
def _stop_and_empty() -> frozenset[str]:
    return function_words() | {""}


@cache
def _cased_stop() -> frozenset[str]:
    """Function words as they appear capitalised ("The", "THE"), for the fast path."""
    stop = function_words()
    return frozenset({w.capitalize() for w in stop} | {w.upper() for w in stop})


def _dated(text: str, words: list[str]) -> bool:
    """Whether a line of time words really names a moment (a clock time, month, year, 'ago')."""
    if ":" in text:
        return True
    month_names = months()
    for word in words:
        if word == "ago" or word.strip(_DIGITS) in month_names:
            return True
        if word.isdigit() and len(word) == 4:
            return True
    return False


class LineFeatures(NamedTuple):
    """What one line looks like on its own."""

    n_chars: int
    n_words: int
    stop_ratio: float  # function words / words
    title_ratio: float  # capitalised content words / content words (short lines only)
    caps_ratio: float  # words written in capitals / words (short lines only)
    number_ratio: float  # words without a letter (numbers, times) / words
    starts_upper: int
    starts_lower: int
    ends_sentence: int  # . ! ? before any closing quote or bracket
    ends_terminal: int  # as above, or : ; …
    ends_ellipsis: int
    ends_function_word: int  # the line stops mid-phrase ("during the")
    ends_comma: int
    n_commas: int
    comma_list: int  # three or more short items and no function words: a tag list
    n_separators: int  # | » › • · between items: menus and breadcrumbs
    count_suffix: int  # "Battle Against Daesh in Syria (180)"
    time_word_ratio: float  # words that belong to dates and times (short lines only)
    has_number: int  # a word without letters: a number, a time, a date
    has_date: int  # a short line with a digit and a month name, a clock time or a date
    timestamp: int  # nothing but a date, a time and words like "updated"
    link_like: int  # URL, e-mail address, @handle or #hashtag on a line of <= 8 words
    social_ratio: float  # words naming share buttons and social networks (short lines only)
    cta_start: int  # a short line opening with a call to action ("Click", "Subscribe")
    agency_only: int  # the line is just a wire service's name
    byline: int  # "By Jane Doe"
    pattern: int  # 1 + index into patterns.PATTERNS, 0 when no furniture phrase matched


LINE_FEATURES: tuple[str, ...] = LineFeatures._fields


def line_features(text: str) -> LineFeatures:
    """Features of one trimmed line; a pure function of its text."""
    return lines_features([text])[0]


def _pick(seq: Sequence[_T], idx: Sequence[int]) -> list[_T]:
    return list(map(seq.__getitem__, idx))


def _scatter(values: Iterable[_T], idx: Iterable[int], n: int, fill: _T) -> list[_T]:
    """A list of ``n`` ``fill`` with ``values`` at positions ``idx``, assigned in C."""
    out = [fill] * n
    deque(map(out.__setitem__, idx, values), maxlen=0)
    return out


def _ratio(num: Sequence[float], den: Sequence[int]) -> list[float]:
    """num / den element-wise, 0 where den is 0 (num is 0 there too)."""
    return list(map(operator.truediv, num, map(max, den, repeat(1))))


def lines_features(texts: Sequence[str]) -> list[LineFeatures]:
    """Features of each of ``texts`` (trimmed lines); see ``_lines_features``."""
    return _lines_features(texts)[0]


Columns = tuple[Sequence[Any], ...]


def _lines_features(
    texts: Sequence[str],
) -> tuple[list[LineFeatures], Columns, list[list[str]]]:
    """Features of each of ``texts`` (trimmed lines), computed column by column: one
    ``LineFeatures`` per line, the same as columns (in ``LINE_FEATURES`` order), and the
    words each line was counted on.

    Each feature is one C-level ``map`` over all the lines (and, for word counts, over the
    words of each line) rather than a Python statement per line: on a 4 KB article this is
    several times faster, and it is the same function of each line's text.
    """
    n = len(texts)
    if n == 0:
        return [], tuple([] for _ in LINE_FEATURES), []
    stop = function_words()
    stop_has = stop.__contains__
    lows = list(map(str.lower, texts))
    joined = "\n".join(texts)
    joined_low = "\n".join(lows)
    # Word statistics are taken on the first WINDOW white-space tokens; the rest of a long
    # line counts towards its length only.
    lowered = list(map(str.split, lows, repeat(None), repeat(WINDOW)))
    long_idx = [i for i, sp in enumerate(lowered) if len(sp) > WINDOW]
    rests = [""] * n
    for i in long_idx:
        rests[i] = lowered[i].pop()
    words = list(map(list, map(map, repeat(str.strip), lowered, repeat(_PUNCT_ARG))))
    n_empty = list(map(list.count, words, repeat("")))  # tokens of punctuation only
    n_win = list(map(operator.sub, map(len, words), n_empty))
    # One dictionary look-up per word counts function, time and social words at once.
    code_of: Any = _word_codes().get
    codes = list(map(sum, map(map, repeat(code_of), words, repeat(_ZERO_ARG))))
    n_stop = list(map(operator.and_, codes, repeat(_MASK)))
    # Words without a cased letter: numbers, clock times, dates ("2020", "05:45").
    uppers = map(map, repeat(str.upper), words)
    n_uncased = map(sum, map(map, repeat(operator.eq), words, uppers))
    n_numeric = list(map(operator.sub, n_uncased, n_empty))
    with_digits = list(compress(range(n), n_numeric))
    n_words = n_win[:]
    last_word = [w[-1] if w else "" for w in words]
    for i in long_idx:
        rest = rests[i]
        n_words[i] += rest.count(" ") + 1
        last_word[i] = rest[rest.rfind(" ") + 1 :].strip(_TOKEN_PUNCT)

    # Checks that only make sense on short lines (where all of the line is in the window),
    # and capitals, which only a short line (a title, a label) is made of.
    short_idx: Sequence[int] = [i for i in range(n) if not rests[i]] if long_idx else range(n)
    spaced = list(map(str.split, _pick(texts, short_idx)))
    # Tokens with a capital letter, less the capitalised function words ("The", "With"),
    # which a title capitalises and prose starts its sentences with.
    cased = map(sum, map(map, repeat(operator.ne), spaced, _pick(lowered, short_idx)))
    cased_stop = map(sum, map(map, repeat(_cased_stop().__contains__), spaced))
    n_title = _scatter(map(operator.sub, cased, cased_stop), short_idx, n, 0)
    n_caps = _scatter(map(sum, map(map, repeat(str.isupper), spaced)), short_idx, n, 0)
    short_codes = _pick(codes, short_idx)
    times = map(operator.and_, map(operator.rshift, short_codes, repeat(_TIME_SHIFT)), _MASKS)
    n_time = _scatter(times, short_idx, n, 0)
    socials = map(operator.rshift, short_codes, repeat(_SOCIAL_SHIFT))
    n_social = _scatter(socials, short_idx, n, 0)
    link_like = [False] * n
    if any(map(joined_low.__contains__, _LINK_HINTS)):  # one look at the whole text first
        few = [i for i in short_idx if n_win[i] <= LINK_LINE_WORDS]
        links = map(operator.is_not, map(_LINK.search, _pick(lows, few)), repeat(None))
        link_like = _scatter(links, few, n, False)
    first_words = map(operator.getitem, _pick(words, short_idx), repeat(_FIRST_CHAR))
    ctas = map(operator.not_, map(cta_words().isdisjoint, first_words))
    cta = _scatter(ctas, short_idx, n, False)
    has_date = [False] * n
    # On a line with numbers, a time word may have a number glued to it ("GMT13"), and a
    # bare number or clock time ("2020", "05:45") counts as part of a date.
    timeish = _timeish().__contains__
    month_names = months().isdisjoint
    for i in with_digits:
        if not rests[i]:
            w = words[i]
            n_time[i] = sum(map(timeish, map(str.strip, w, _STAMP_ARG))) - n_empty[i]
            has_date[i] = not month_names(w) or _NUMERIC_DATE.search(texts[i]) is not None

    cores = list(map(str.rstrip, texts, repeat(_CLOSERS)))
    lasts = list(map(operator.getitem, cores, repeat(_LAST)))
    firsts: list[str] = list(map(operator.getitem, texts, repeat(_FIRST_CHAR)))
    ends_sentence = list(map(_SENTENCE_MARKS.__contains__, lasts))
    commas = list(map(str.count, texts, repeat(",")))
    n_content = list(map(operator.sub, map(operator.sub, n_win, n_stop), n_numeric))
    title_ratio = [
        (t / c if t < c else 1.0) if c > 0 and t > 0 else 0.0
        for t, c in zip(n_title, n_content, strict=True)
    ]

    # Rare shapes, checked only on the lines that could have them.
    comma_list = [0] * n
    separators = [0] * n
    count_suffix = [0] * n
    timestamp = [0] * n
    agency_only = [0] * n
    byline = [0] * n
    for i, k in enumerate(commas):
        if k >= 2 and n_stop[i] <= 1 and not ends_sentence[i]:
            comma_list[i] = all(0 < len(item.split()) <= 4 for item in texts[i].split(","))
    if _has_separator(joined):  # one look at the whole text, usually all it takes
        for i in compress(range(n), map(_has_separator, texts)):
            separators[i] = len(_SEPARATORS.findall(texts[i]))
    for i, closing in enumerate(map(str.endswith, texts, repeat(")"))):
        if closing:
            count_suffix[i] = _COUNT_SUFFIX.search(texts[i]) is not None
    for i, k in enumerate(n_words):
        if k and k == n_time[i] and (n_numeric[i] or "ago" in words[i]):
            timestamp[i] = _dated(texts[i], words[i])
        if k <= 8:
            low = lows[i]
            bare = low.strip(" .,:;-–—()[]")
            agency_only[i] = k <= 4 and bare in agencies()
            c = n_content[i]
            byline[i] = (
                k >= 2
                and low.startswith("by ")
                and c > 0
                and n_title[i] >= 0.75 * c
                and not ends_sentence[i]
            )

    # Furniture phrases: one gate per line, the exact patterns only where it lets one through.
    pattern = [0] * n
    anchored = list(map(_ANCHORED_LOWER.match, lows))
    untriggered = list(map(_TRIGGERS.isdisjoint, words))
    for ch in _TRIGGER_CHARS:
        if ch in joined_low:
            for i in compress(range(n), map(operator.contains, lows, repeat(ch))):
                untriggered[i] = False
    for i in compress(
        range(n), map(operator.or_, map(bool, anchored), map(operator.not_, untriggered))
    ):
        pattern[i] = patterns.resolve(
            texts[i], n_words[i], lows[i], () if untriggered[i] else words[i], anchored[i]
        )

    columns: Columns = (
        list(map(len, texts)),
        n_words,
        _ratio(n_stop, n_win),
        title_ratio,
        _ratio(n_caps, n_win),
        _ratio(n_numeric, n_win),
        list(map(str.isupper, firsts)),
        list(map(str.islower, firsts)),
        ends_sentence,
        list(map(_TERMINAL_MARKS.__contains__, lasts)),
        list(map(str.endswith, cores, repeat(("...", "…")))),
        list(map(stop_has, last_word)),
        list(map(str.endswith, texts, repeat(","))),
        commas,
        comma_list,
        separators,
        count_suffix,
        _ratio(n_time, n_words),
        list(map(bool, n_numeric)),
        has_date,
        timestamp,
        link_like,
        _ratio(n_social, n_words),
        cta,
        agency_only,
        byline,
        pattern,
    )
    # tuple.__new__ straight from zip: the named tuple's own __new__ is Python code.
    return list(map(_new_tuple, repeat(LineFeatures), zip(*columns, strict=True))), columns, words


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
    body_overlap: float  # share of its content words found in the prose lines (1 for prose)


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
    # Capitals count only on a short paragraph: a long one's window of words may open with
    # a string of names ("the New Strategic Arms Reduction Treaty (New START)").
    if words_ < 6 or stop_ratio < 0.2 or (title_ratio >= 0.7 and words_ <= SHORT_LINE_WORDS):
        return False
    return bool(ends_sentence) or words_ >= 15


def context_features(
    text: str,
    segs: list[Segment],
    feats: list[LineFeatures],
    words: Sequence[Sequence[str]] | None = None,
) -> list[ContextFeatures]:
    """Context for every line; ``segs`` and ``feats`` are the document's lines and features,
    ``words`` the words the features were counted on (recomputed when not given)."""
    return _context(text, segs, feats, words)[0]


def _context(
    text: str,
    segs: list[Segment],
    feats: list[LineFeatures],
    words: Sequence[Sequence[str]] | None = None,
) -> tuple[list[ContextFeatures], Columns]:
    n = len(segs)
    if n == 0:
        return [], tuple([] for _ in CONTEXT_FEATURES)
    if words is None:
        words = [
            [w.strip(_TOKEN_PUNCT) for w in s.text.lower().split(None, WINDOW)[:WINDOW]]
            for s in segs
        ]
    blank = [True] * (n + 1)  # blank[i]: a blank line separates line i-1 from line i
    count = text.count
    prev_end = segs[0].end
    for i in range(1, n):
        seg = segs[i]
        blank[i] = count("\n", prev_end, seg.start) >= 2
        prev_end = seg.end
    gaps = n - 1
    doc_blank = sum(blank[1:n]) / gaps if gaps else 1.0
    n_words = [f.n_words for f in feats]
    stops = list(map(operator.mul, (f.stop_ratio for f in feats), n_words))
    titles = list(map(operator.mul, (f.title_ratio for f in feats), n_words))
    doc_words = sum(n_words)
    doc_stop = sum(stops) / doc_words if doc_words else 0.0
    # Without English function words to go by, fall back on length alone (as jusText does
    # for a language it has no stop list for).
    english = doc_stop >= 0.08

    # Re-join hard-wrapped paragraphs so that a wrapped line is judged with its paragraph.
    block_of = list(range(n))
    for i in range(1, n):
        if not blank[i] and _continues(feats[i - 1], feats[i]):
            block_of[i] = block_of[i - 1]
    wrapped = any(map(operator.ne, block_of, range(n)))
    if wrapped:
        block_stats: dict[int, list[float]] = {}
        for i, f in enumerate(feats):
            st = block_stats.get(block_of[i])
            if st is None:
                block_stats[block_of[i]] = [n_words[i], stops[i], titles[i], f.ends_sentence, 1]
            else:
                st[0] += n_words[i]
                st[1] += stops[i]
                st[2] += titles[i]
                st[3] = f.ends_sentence
                st[4] += 1
        blocks = [block_stats[b] for b in block_of]
    else:  # every line its own paragraph: the common case, without the bookkeeping
        blocks = [[n_words[i], stops[i], titles[i], feats[i].ends_sentence, 1] for i in range(n)]
    prose = [False] * n
    block_words = [0] * n
    block_stop = [0.0] * n
    block_lines = [1] * n
    for i, (w, stop_sum, t, end, k) in enumerate(blocks):
        stop_r = stop_sum / w if w else 0.0
        if english:
            is_prose = _is_prose(int(w), stop_r, t / w if w else 0.0, int(end))
        else:
            size = feats[i].n_chars
            is_prose = size >= 250 or (size >= 100 and bool(end))
        # A teaser cut off mid-phrase ("...during the...") is furniture that looks like prose.
        f = feats[i]
        if f.ends_ellipsis and f.ends_function_word:
            is_prose = False
        prose[i] = is_prose
        block_words[i] = int(w)
        block_stop[i] = stop_r
        block_lines[i] = int(k)

    # Words a line that is not running prose shares with the article's running prose: a
    # headline or a subheading names what the paragraphs are about; a menu item or another
    # story's headline does not. (1 for a prose line.)
    overlap = [1.0] * n
    if any(prose):
        vocabulary = set().union(*compress(words, prose))
        others = [i for i in range(n) if not prose[i]]
        own = list(map(set, _pick(words, others)))
        deque(map(set.difference_update, own, repeat(_stop_and_empty())), maxlen=0)
        shared = map(len, map(set.intersection, own, repeat(vocabulary)))
        sizes = list(map(max, map(len, own), repeat(1)))
        deque(map(overlap.__setitem__, others, map(operator.truediv, shared, sizes)), maxlen=0)
    else:
        overlap = [0.0] * n

    last = n - 1
    columns: Columns = (
        range(n),
        [i / last for i in range(n)] if last else [0.0],
        blank[:n],
        blank[1:],
        [doc_blank] * n,
        [doc_stop] * n,
        block_of,
        block_lines,
        block_words,
        block_stop,
        prose,
        [False, *prose[:-1]],
        [*prose[1:], False],
        [0, *n_words[:-1]],
        [*n_words[1:], 0],
        overlap,
    )
    return list(map(_new_tuple, repeat(ContextFeatures), zip(*columns, strict=True))), columns


def split_lines(text: str) -> list[Segment]:
    """Exactly ``biaskit.text.lines(text)`` (non-blank lines, trimmed), in a third of the time."""
    out: list[Segment] = []
    append = out.append
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + len(raw) - len(raw.lstrip())
            append(Segment(start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return out


class Analysis(NamedTuple):
    """A document's lines and their features, per line and as columns."""

    segments: list[Segment]
    lines: list[LineFeatures]
    context: list[ContextFeatures]
    line_columns: Columns  # in LINE_FEATURES order
    context_columns: Columns  # in CONTEXT_FEATURES order


def analyse(text: str) -> Analysis:
    """Lines of ``text`` with their own and their context features, index-aligned."""
    segs = split_lines(text)
    feats, line_cols, words = _lines_features([s.text for s in segs])
    ctx, ctx_cols = _context(text, segs, feats, words)
    return Analysis(segs, feats, ctx, line_cols, ctx_cols)


def document_features(
    text: str,
) -> tuple[list[Segment], list[LineFeatures], list[ContextFeatures]]:
    """Lines of ``text`` with their own and their context features, index-aligned."""
    found = analyse(text)
    return found.segments, found.lines, found.context
