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

What a word is (stripped of punctuation, a function, time, social or trigger word, a number,
capitalised) is looked up in dictionaries keyed by the word and filled on first sight
(``_word``, a ``_Memo``, and ``_token_code``, both filled at a new token's first look-up,
``_TokenCodes.__missing__``): one look-up per word then answers what several
passes over the words did. They hold words only, never lines, and
start afresh beyond ``_CACHE_WORDS`` entries; a corpus pays the first sight of each word
once.

The features of a document are kept as columns, one list per feature, in a named tuple
(``table``): the rules, the model and the scorer read them so (``f.n_words[i]``), and a
``LineFeatures`` or ``ContextFeatures`` per line is built only for callers that ask for one
(``Analysis.lines``, ``lines_features``, ``context_features``).
"""

from __future__ import annotations

import operator
import re
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from itertools import accumulate, chain, compress, repeat
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
    "columns_of",
    "context_features",
    "document_features",
    "line_features",
    "lines_features",
    "rows",
    "split_lines",
    "table",
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
_SEPARATOR_CHARS = ("|", "•", "·", "»", "›")


def _has_separator(text: str) -> bool:
    """A quick test that ``_SEPARATORS`` may match: one of ``_SEPARATOR_HINTS`` occurs.

    Looking for one character is a memchr-fast scan; looking for " / " is several times
    slower (spaces are everywhere), so the slash or bracket alone is looked for first.
    """
    return any(map(text.__contains__, _SEPARATOR_CHARS)) or (
        ("/" in text and " / " in text) or (">" in text and " > " in text)
    )


# Stripped from a line before it is compared with the agency names.
_AGENCY_STRIP = " .,:;-–—()[]"
# A link is looked for on the lower-cased line (only a line of a few words can be one):
# "http://", "https://" or "www.", a domain ending or an @handle or #hashtag. What
# ``re.search(r"https?://|www\.|\.(?:com|org|net|ru|co\.uk)\b|[@#]\w", low)`` finds, split
# so that each part starts from a fixed string (see ``_has_link``).
_LINK_PREFIXES = ("http://", "https://", "www.")
_LINK_DOMAIN = re.compile(r"\.(?:com|org|net|ru|co\.uk)\b")
_LINK_HANDLE = re.compile(r"[@#]\w")
# A clock time or an all-number date; with a month name, what makes a line dated. Found
# where ``re.search(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}:\d{2}", text)`` finds one, but
# written to start from the separator, so that a search skips ahead to one: a digit before
# it is all the leading digits need (one is enough), two after the last all the trailing.
_NUMERIC_DATE = re.compile(r"[-/.:](?:(?<=\d[-/.])\d{1,2}[-/.]\d\d|(?<=\d:)\d\d)")
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
_LAST = slice(-1, None)
_FIRST_CHAR = slice(0, 1)
_ANCHORED_LOWER = patterns.ANCHORED_LOWER
_TRIGGERS = patterns.TRIGGERS
_TRIGGER_CHARS = patterns.TRIGGER_CHARS
_MAX_PATTERN_CHARS = patterns.MAX_PATTERN_CHARS
_T = TypeVar("_T")
_TWOS = repeat(2)
_new_tuple = tuple.__new__


@cache
def _timeish() -> frozenset[str]:
    """Time words plus the empty string, which is what a bare number strips down to."""
    return time_words() | {""}


_MASK = 63  # counts of up to WINDOW words fit in 6 bits
if WINDOW > _MASK:  # a wider window would carry one packed count into the next
    raise ImportError("WINDOW must stay below 64 for the packed word counts")
_TIME_SHIFT = 6
_SOCIAL_SHIFT = 12
_MASKS = repeat(_MASK)
_ONES = repeat(1)


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


_EMPTY_SHIFT = 18
_NUMERIC_SHIFT = 24
_TRIGGER_SHIFT = 30
_STAMP_SHIFT = 36
_MONTH_SHIFT = 42
# Beyond this many distinct words a word cache starts afresh, so that a long-running
# process over millions of documents holds a bounded amount of memory.
_CACHE_WORDS = 50_000


class _Memo(dict[str, _T]):
    """``fn(token)`` for the white-space tokens seen since the table last started afresh
    (beyond ``_CACHE_WORDS`` entries): a C-level look-up per token, which ``map`` keeps in C
    over a whole line, and the same value object each time."""

    __slots__ = ("fn",)

    def __init__(self, fn: Callable[[str], _T]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, token: str) -> _T:
        if len(self) >= _CACHE_WORDS:
            self.clear()
        value = self[token] = self.fn(token)
        return value


def _stripped(token: str) -> str:
    """A white-space token as written -> the token lower-cased and stripped of
    ``_TOKEN_PUNCT``.

    Remembered (``_word``), faster than ``str.lower`` and ``str.strip`` once the words of a
    language have been seen (a dictionary look-up instead of two passes and a scan against
    fifty characters), and the word is the same string object each time, whose hash is
    already known to the look-ups after it. A token lower-cased on its own is the token of
    the lower-cased line (see ``_TokenCodes``).
    """
    return token.lower().strip(_TOKEN_PUNCT)


_CASED_STOP_SHIFT = 6
_CASED_SHIFT = 12


_WORDS: _Memo[str] = _Memo(_stripped)
_word = _WORDS.__getitem__

# A token's case code sits above its word's code in one number (``_token_code``); the word
# codes take the 48 bits below.
_CASE_BASE = 48
_WORD_BITS = (1 << _CASE_BASE) - 1


_Words = frozenset[str]


@cache
def _word_table() -> dict[str, int]:
    """Word -> the part of its code (``_TokenCodes``) its spelling alone decides: its
    ``_word_codes`` code, 1 << ``_TRIGGER_SHIFT`` for a trigger word, 1 << ``_MONTH_SHIFT``
    for a month name, 1 << ``_EMPTY_SHIFT`` for "" (a token of punctuation only), and
    1 << ``_STAMP_SHIFT`` for a word in ``_timeish`` with no digit or separator at either
    end (one that ``_STAMP_CHARS`` strip would leave as it is). One look-up answers what
    five did: only a word with such characters at an end is looked up again, stripped."""
    table = dict(_word_codes())
    for words, shift in ((_TRIGGERS, _TRIGGER_SHIFT), (months(), _MONTH_SHIFT)):
        for word in words:
            table[word] = table.get(word, 0) + (1 << shift)
    for word in _timeish():
        if word.strip(_STAMP_CHARS) == word:
            table[word] = table.get(word, 0) + (1 << _STAMP_SHIFT)
    table[""] = table.get("", 0) + (1 << _EMPTY_SHIFT)
    return table


class _TokenCodes(dict[str, int]):
    """A white-space token as written -> its word's code + its capitals code <<
    ``_CASE_BASE``, worked out at the token's first look-up (``__missing__``), which also
    files the word (``_stripped``) in ``_word``'s table.

    The word's code: its ``_word_codes`` code, plus 1 << ``_EMPTY_SHIFT`` if it is empty
    (the token was punctuation only), 1 << ``_NUMERIC_SHIFT`` if it has no cased letter (a
    number, a clock time), 1 << ``_TRIGGER_SHIFT`` if it is one of the furniture patterns'
    trigger words, 1 << ``_STAMP_SHIFT`` if it is a time word once the digits glued to it
    are stripped ("GMT13", and "2020" or "05:45", which strip to "") and 1 <<
    ``_MONTH_SHIFT`` if it is a month name. The capitals code: 1 if the token is in
    capitals (``str.isupper``) + 1 << ``_CASED_STOP_SHIFT`` if it is a capitalised
    function word + 1 << ``_CASED_SHIFT`` if it has a capital letter (it differs from its
    lower case, the same test as "differs from the token of the lower-cased line":
    lower-casing neither makes nor removes white space, and its one mapping that depends on
    the neighbours, a final sigma, does not look past white space).

    Remembered: one look-up and one sum per line then count all of these (up to ``WINDOW``
    words, so each count fits its 6 bits), where a pass over the words for each cost
    several times as much. An article has dozens of tokens no article before it had, and
    their first sight is about an eighth of the dimension's time on a corpus: so it is
    worked out in ``__missing__`` itself, not in a function it calls, and the word's own
    part comes from one table (``_word_table``), not five. Each filing in a table of tens
    of thousands of words costs a cache miss or two, so there are only two tables (the
    body overlap reads ``_word``). Both start afresh beyond ``_CACHE_WORDS`` entries.
    """

    __slots__ = ("_tables",)

    def __init__(self) -> None:
        super().__init__()
        self._tables: tuple[dict[str, int], _Words, _Words] | None = None

    def __missing__(self, token: str) -> int:
        tables = self._tables
        if tables is None:  # the lexicons are read at the first token, not at import
            tables = self._tables = (_word_table(), _timeish(), _cased_stop())
        table, timeish, cased_stop = tables
        low = token.lower()
        word = low.strip(_TOKEN_PUNCT)
        code = table.get(word, 0)
        if word:
            if word == word.upper():
                code += 1 << _NUMERIC_SHIFT
            stamp = word.strip(_STAMP_CHARS)
            if stamp != word and stamp in timeish:  # the same object when nothing is stripped
                code += 1 << _STAMP_SHIFT
        case = token.isupper() + (token in cased_stop) * (1 << _CASED_STOP_SHIFT)
        if token != low:
            case += 1 << _CASED_SHIFT
        if len(self) >= _CACHE_WORDS:
            # Both start afresh together; ``_word``'s table also bounds what it files itself.
            self.clear()
            _WORDS.clear()
        _WORDS[token] = word
        value = self[token] = code + (case << _CASE_BASE)
        return value


_TOKEN_CODES = _TokenCodes()
_token_code = _TOKEN_CODES.__getitem__


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
    if isinstance(idx, range) and idx == range(n):  # every position: nothing to fill
        return list(values)
    out = [fill] * n
    deque(map(out.__setitem__, idx, values), maxlen=0)
    return out


def _field(codes: Sequence[int], shift: int) -> list[int]:
    """The 6-bit count at ``shift`` of each of ``codes`` (sums of ``_token_code`` values)."""
    return list(map(operator.and_, map(operator.rshift, codes, repeat(shift)), _MASKS))


def _ratio(num: Sequence[float], den: Sequence[int]) -> list[float]:
    """num / den element-wise, 0 where den is 0 (num is 0 there too). Without a 0 in den
    (the usual case: every line has a word), one C-level ``map``, a third of the cost of
    the comprehension that guards each division (``map(max, den, repeat(1))`` cost three
    times as much as ``den or 1``; counts are not negative, so the two agree)."""
    if 0 not in den:
        return list(map(operator.truediv, num, den))
    return [x / (d or 1) for x, d in zip(num, den, strict=True)]


def _line_words(tokens: Iterable[str]) -> list[str]:
    """The words of one line's tokens: lower-cased, stripped of ``_TOKEN_PUNCT``."""
    return list(map(_word, tokens))


def _edge_words(tokens: Sequence[list[str]], index: int) -> list[str]:
    """The word of each line's first (``index`` 0) or last (-1) token, "" for a line
    without a token (only an empty text has none)."""
    if all(tokens):
        return list(map(_word, map(operator.itemgetter(index), tokens)))
    return [_word(sp[index]) if sp else "" for sp in tokens]


def _has_link(low: str) -> bool:
    """Whether a lower-cased line holds a link, an address or a handle (see
    ``_LINK_PREFIXES``).

    One regular expression for all of it made ``re`` try a match at every character (no
    fixed string starts every alternative); a substring test per prefix, a search that
    skips ahead to a ".", and one for a handle only where there is an "@" or "#" cost a
    third as much, and find a link exactly where it did.
    """
    return (
        any(map(low.__contains__, _LINK_PREFIXES))
        or _LINK_DOMAIN.search(low) is not None
        or (("@" in low or "#" in low) and _LINK_HANDLE.search(low) is not None)
    )


def _link_lines(lows: list[str], idx: list[int], n: int) -> list[bool]:
    """Whether ``_has_link`` is true of each of ``lows`` (lower-cased lines, at positions
    ``idx`` of ``n``; False at the others).

    Looked for first in all of them joined by line breaks, once: no link can cross one (no
    part of one matches a line break, and ``\\b`` sees one as the end of a line), so
    without one there, no line has one, and the usual article needs no test per line.
    """
    if not lows or not _has_link("\n".join(lows)):
        return [False] * n
    return _scatter(map(_has_link, lows), idx, n, False)


def _without_paragraphs(texts: Sequence[str], long_idx: list[int]) -> Sequence[str]:
    """``texts`` with "" for each of the lines at ``long_idx`` longer than
    ``patterns.MAX_PATTERN_CHARS``."""
    too_long = [i for i in long_idx if len(texts[i]) > _MAX_PATTERN_CHARS]
    if not too_long:
        return texts
    kept = list(texts)
    for i in too_long:
        kept[i] = ""
    return kept


def lines_features(texts: Sequence[str]) -> list[LineFeatures]:
    """Features of each of ``texts`` (trimmed lines); see ``_lines_features``."""
    return rows(LineFeatures, _lines_features(texts)[0])


Columns = tuple[Sequence[Any], ...]
_NT = TypeVar("_NT", LineFeatures, "ContextFeatures")


def table(cls: type[_NT], columns: Iterable[Sequence[Any]]) -> Any:
    """The columns (in ``cls._fields`` order) as one ``cls`` whose fields are lists, so that
    the rules read ``f.n_words[i]`` by name: one tuple per document, where a ``cls`` per
    line cost a tuple per line that the scoring path only ever read column-wise."""
    return _new_tuple(cls, columns)


def rows(cls: type[_NT], columns: Columns) -> list[_NT]:
    """One ``cls`` per line from its columns, for callers that want per-line tuples.

    ``tuple.__new__`` straight from ``zip``: the named tuple's own ``__new__`` is Python code.
    """
    return list(map(_new_tuple, repeat(cls), zip(*columns, strict=True)))


def columns_of(cls: type[_NT], lines: Sequence[_NT]) -> Any:
    """Per-line tuples turned back into a ``table`` of columns (lists)."""
    if not lines:
        return table(cls, ([] for _ in cls._fields))
    return table(cls, map(list, zip(*lines, strict=True)))


def _lines_features(texts: Sequence[str]) -> tuple[Any, list[list[str]]]:
    """Features of each of ``texts`` (trimmed lines), computed column by column: a ``table``
    of ``LineFeatures`` columns, and the white-space tokens each line's words were counted
    on (its words are ``_word`` of each). No ``LineFeatures`` per line is built: the scorer
    reads the columns (``rows`` makes the tuples for callers that want them).

    Each feature is one C-level ``map`` over all the lines (and, for word counts, over the
    words of each line) rather than a Python statement per line: on a 4 KB article this is
    several times faster, and it is the same function of each line's text.
    """
    n = len(texts)
    if n == 0:
        return columns_of(LineFeatures, []), []
    stop = function_words()
    stop_has = stop.__contains__
    joined = "\n".join(texts)
    # Word statistics are taken on the first WINDOW white-space tokens; the rest of a long
    # line counts towards its length only. The tokens as written (a short line's capitals
    # are counted on them); a token's word (lower-cased and stripped, ``_word``) is looked up
    # only where a word itself is wanted: the counts come from the tokens' codes, and a list
    # of words per line cost as much again as the codes.
    tokens = list(map(str.split, texts, repeat(None), repeat(WINDOW)))
    long_idx = [i for i, sp in enumerate(tokens) if len(sp) > WINDOW]
    rests = [""] * n
    for i in long_idx:
        rests[i] = tokens[i].pop()
    # One dictionary look-up per token counts function, time and social words, tokens of
    # punctuation only, words without a cased letter (numbers, clock times, dates: "2020",
    # "05:45") and trigger words at once (see ``_TokenCodes``), and the capitals below.
    token_codes = list(map(sum, map(map, repeat(_token_code), tokens)))
    codes = list(map(operator.and_, token_codes, repeat(_WORD_BITS)))
    n_empty = _field(codes, _EMPTY_SHIFT)
    n_win = list(map(operator.sub, map(len, tokens), n_empty))
    n_stop = list(map(operator.and_, codes, _MASKS))
    n_numeric = _field(codes, _NUMERIC_SHIFT)
    with_digits = list(compress(range(n), n_numeric))
    n_words = n_win[:]
    last_word = _edge_words(tokens, -1)
    for i in long_idx:
        rest = rests[i]
        n_words[i] += rest.count(" ") + 1
        last_word[i] = rest[rest.rfind(" ") + 1 :].lower().strip(_TOKEN_PUNCT)
    # The lines lower-cased, for the furniture phrases and the link, agency and byline
    # checks; each on its own: most lines of an English article are ASCII, which
    # ``str.lower`` does a byte at a time, while one curly quote or dash makes the whole
    # text two bytes a character, lower-cased through the full Unicode tables (twice the
    # cost of a call per line). A paragraph (over WINDOW words) longer than any phrase is
    # tried on (``patterns.MAX_PATTERN_CHARS``) is in none of them, and stays "".
    lows = list(map(str.lower, _without_paragraphs(texts, long_idx)))
    joined_low = "\n".join(lows)

    # Checks that only make sense on short lines (where all of the line is in the window),
    # and capitals, which only a short line (a title, a label) is made of: counted on every
    # line's window in C, then set to nothing on the few long lines (cheaper than picking
    # the short lines out and scattering their counts back).
    short_idx: Sequence[int] = [i for i in range(n) if not rests[i]] if long_idx else range(n)
    # Tokens with a capital letter, less the capitalised function words ("The", "With"),
    # which a title capitalises and prose starts its sentences with; and tokens in capitals
    # (see ``_TokenCodes``).
    case_codes = list(map(operator.rshift, token_codes, repeat(_CASE_BASE)))
    cased = map(operator.rshift, case_codes, repeat(_CASED_SHIFT))
    n_title = list(map(operator.sub, cased, _field(case_codes, _CASED_STOP_SHIFT)))
    n_caps = list(map(operator.and_, case_codes, _MASKS))
    n_time = _field(codes, _TIME_SHIFT)
    n_social = _field(codes, _SOCIAL_SHIFT)
    cta = list(map(cta_words().__contains__, _edge_words(tokens, 0)))
    for i in long_idx:
        n_title[i] = n_caps[i] = n_time[i] = n_social[i] = 0
        cta[i] = False
    # Searched on the few lines short enough: cheaper than a look at the whole text first.
    few = [i for i in short_idx if n_win[i] <= LINK_LINE_WORDS]
    link_like = _link_lines(_pick(lows, few), few, n)
    has_date = [False] * n
    # On a line with numbers, a time word may have a number glued to it ("GMT13"), and a
    # bare number or clock time ("2020", "05:45") counts as part of a date.
    for i in with_digits:
        if not rests[i]:
            code = codes[i]
            n_time[i] = (code >> _STAMP_SHIFT & _MASK) - n_empty[i]
            has_month = code >> _MONTH_SHIFT > 0
            has_date[i] = has_month or _NUMERIC_DATE.search(texts[i]) is not None

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
    # (Each loop visits only the lines a C-level test lets through.)
    # Two commas or more, and at most one function word.
    listed = map(operator.and_, map(operator.ge, commas, _TWOS), map(operator.le, n_stop, _ONES))
    for i in compress(range(n), listed):
        if not ends_sentence[i]:
            comma_list[i] = all(0 < len(item.split()) <= 4 for item in texts[i].split(","))
    if _has_separator(joined):  # one look at the whole text, usually all it takes
        for i in compress(range(n), map(_has_separator, texts)):
            separators[i] = len(_SEPARATORS.findall(texts[i]))
    for i in compress(range(n), map(str.endswith, texts, repeat(")"))):
        count_suffix[i] = _COUNT_SUFFIX.search(texts[i]) is not None
    for i in compress(range(n), map(operator.eq, n_words, n_time)):
        if n_words[i]:
            line_words = _line_words(tokens[i])
            if n_numeric[i] or "ago" in line_words:
                timestamp[i] = _dated(texts[i], line_words)
    # A wire service's name alone, and a byline: looked for on lines of up to 8 words (False
    # there, 0 elsewhere); the agency names with a set look-up per line in C, the bylines'
    # word counts only on the lines that open with "by ".
    few_words = list(compress(range(n), map(operator.le, n_words, repeat(8))))
    few_lows = _pick(lows, few_words)
    bare = map(str.strip, few_lows, repeat(_AGENCY_STRIP))
    agency = map(agencies().__contains__, bare)
    up_to_4 = map(operator.ge, repeat(4), _pick(n_words, few_words))
    deque(map(agency_only.__setitem__, few_words, map(operator.and_, up_to_4, agency)), maxlen=0)
    deque(map(byline.__setitem__, few_words, repeat(False)), maxlen=0)
    for i in compress(few_words, map(str.startswith, few_lows, repeat("by "))):
        c = n_content[i]
        byline[i] = n_words[i] >= 2 and c > 0 and n_title[i] >= 0.75 * c and not ends_sentence[i]

    # Furniture phrases: one gate per line, the exact patterns only where it lets one through.
    pattern = [0] * n
    anchored = list(map(_ANCHORED_LOWER.match, lows))
    untriggered = list(map(operator.not_, _field(codes, _TRIGGER_SHIFT)))
    for ch in _TRIGGER_CHARS:
        if ch in joined_low:
            for i in compress(range(n), map(operator.contains, lows, repeat(ch))):
                untriggered[i] = False
    for i in compress(
        range(n), map(operator.or_, map(bool, anchored), map(operator.not_, untriggered))
    ):
        pattern[i] = patterns.resolve(
            texts[i],
            n_words[i],
            lows[i],
            () if untriggered[i] else _line_words(tokens[i]),
            anchored[i],
        )

    columns = (
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
    return table(LineFeatures, columns), tokens


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


def _continuations(f: Any, blank: Sequence[bool]) -> list[int]:
    """The lines (indices, after the first) that are the hard-wrapped continuation of the
    line before them rather than a new line (never across a blank line); ``f`` holds the
    feature columns.

    Most pairs of lines fail the first two tests (a blank line between them, or the line
    before ends a sentence), which are found in C; the other tests run on the few left.
    """
    n = len(blank) - 1
    ends = f.ends_sentence
    open_pairs = compress(range(1, n), map(operator.not_, map(operator.or_, blank[1:n], ends)))
    pattern, title, stop, n_words = f.pattern, f.title_ratio, f.stop_ratio, f.n_words
    lower, function_word, comma, chars = (
        f.starts_lower,
        f.ends_function_word,
        f.ends_comma,
        f.n_chars,
    )
    return [
        i
        for i in open_pairs
        if not pattern[i - 1]
        and not pattern[i]
        and title[i - 1] < 0.6
        and stop[i - 1] >= 0.15
        and n_words[i - 1] >= 4
        and (lower[i] or function_word[i - 1] or comma[i - 1] or chars[i - 1] >= 40)
    ]


def context_features(
    text: str,
    segs: list[Segment],
    feats: list[LineFeatures],
    words: Sequence[Sequence[str]] | None = None,
) -> list[ContextFeatures]:
    """Context for every line; ``segs`` and ``feats`` are the document's lines and features,
    ``words`` the words the features were counted on (recomputed when not given)."""
    if words is None:
        words = [
            [w.strip(_TOKEN_PUNCT) for w in s.text.lower().split(None, WINDOW)[:WINDOW]]
            for s in segs
        ]
    starts, ends = [s.start for s in segs], [s.end for s in segs]
    breaks = list(map(text.count, repeat("\n"), ends, starts[1:]))
    f_cols = columns_of(LineFeatures, feats)
    return rows(ContextFeatures, _context_columns(breaks, f_cols, words, as_written=False))


def _context_columns(
    breaks: Sequence[int],
    f_cols: Any,
    tokens: Sequence[Sequence[str]],
    as_written: bool = True,
) -> Any:
    """``context_features`` as a ``table`` of ``ContextFeatures`` columns, on the line breaks
    between one line and the next (``breaks``) and the ``table`` of line features
    (``_lines_features``); ``tokens`` the white-space tokens each line's words were counted
    on (``as_written``), or those words themselves."""
    n = len(f_cols.n_words)
    if n == 0:
        return columns_of(ContextFeatures, [])
    # blank[i]: a blank line (or the start or end of the text) parts line i-1 from line i.
    blank = [True, *map(operator.ge, breaks, _TWOS)]
    blank.append(True)
    gaps = n - 1
    doc_blank = sum(blank[1:n]) / gaps if gaps else 1.0
    n_words = f_cols.n_words
    stops = list(map(operator.mul, f_cols.stop_ratio, n_words))
    titles = list(map(operator.mul, f_cols.title_ratio, n_words))
    doc_words = sum(n_words)
    doc_stop = sum(stops) / doc_words if doc_words else 0.0
    # Without English function words to go by, fall back on length alone (as jusText does
    # for a language it has no stop list for).
    english = doc_stop >= 0.08

    # Re-join hard-wrapped paragraphs so that a wrapped line is judged with its paragraph.
    block_of = list(range(n))
    for i in _continuations(f_cols, blank):
        block_of[i] = block_of[i - 1]
    wrapped = any(map(operator.ne, block_of, range(n)))
    if wrapped:
        block_stats: dict[int, list[float]] = {}
        ends_sentence = f_cols.ends_sentence
        for i in range(n):
            st = block_stats.get(block_of[i])
            if st is None:
                block_stats[block_of[i]] = [n_words[i], stops[i], titles[i], ends_sentence[i], 1]
            else:
                st[0] += n_words[i]
                st[1] += stops[i]
                st[2] += titles[i]
                st[3] = ends_sentence[i]
                st[4] += 1
        # Each line's paragraph statistics, as columns.
        blocks = [block_stats[b] for b in block_of]
        sum_words, sum_stops, sum_titles, last_ends, line_counts = zip(*blocks, strict=True)
    else:  # every line its own paragraph: the common case, without the bookkeeping
        sum_words, sum_stops, sum_titles = n_words, stops, titles
        last_ends, line_counts = f_cols.ends_sentence, [1] * n
    block_words = list(map(int, sum_words))
    # ``_ratio``: a paragraph without words has no function or capitalised words either
    # (0.0, as the guarded division gives).
    block_stop = _ratio(sum_stops, sum_words)
    if english:
        block_title = _ratio(sum_titles, sum_words)
        # Running prose: six words or more, dense with function words, a complete sentence or
        # fifteen words. Capitals count only on a short paragraph: a long one's window of
        # words may open with a string of names ("the New Strategic Arms Reduction Treaty").
        prose = [
            words_ >= 6
            and stop >= 0.2
            and not (title >= 0.7 and words_ <= SHORT_LINE_WORDS)
            and (bool(end) or words_ >= 15)
            for words_, stop, title, end in zip(
                block_words, block_stop, block_title, last_ends, strict=True
            )
        ]
    else:
        prose = [
            size >= 250 or (size >= 100 and bool(end))
            for size, end in zip(f_cols.n_chars, last_ends, strict=True)
        ]
    # A teaser cut off mid-phrase ("...during the...") is furniture that looks like prose.
    cut_off = map(operator.and_, f_cols.ends_ellipsis, f_cols.ends_function_word)
    for i in compress(range(n), cut_off):
        prose[i] = False
    block_lines = list(map(int, line_counts))

    overlap = _body_overlap(tokens, prose, as_written)

    last = n - 1
    columns = (
        range(n),
        list(map(operator.truediv, range(n), repeat(last))) if last else [0.0],
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
    return table(ContextFeatures, columns)


def _body_overlap(
    lines: Sequence[Sequence[str]], prose: Sequence[bool], as_written: bool
) -> list[float]:
    """Words a line that is not running prose shares with the article's running prose: a
    headline or a subheading names what the paragraphs are about; a menu item or another
    story's headline does not. 1 for a prose line, 0 for every line of a text without
    prose. ``lines``: each line's white-space tokens (``as_written``) or its words.

    Each token is made a word once, as it is read (``_word``), and only the other lines'
    sets shed the function words and "" (a token of punctuation): a prose word that is one
    of them is in none of those sets, so the vocabulary below is the same without a look at
    the prose's function words. A table of content words per token cost a third filing per
    new token, more than the set differences.
    """
    n = len(prose)
    if not any(prose):
        return [0.0] * n
    overlap = [1.0] * n
    others = [i for i in range(n) if not prose[i]]
    prose_words: Iterable[str] = chain.from_iterable(compress(lines, prose))
    # ``set.difference`` walks the line's few words, where ``difference_update`` with a set
    # walked all 226 function words.
    stop = _stop_and_empty()
    if as_written:
        own = [set(map(_word, line)).difference(stop) for line in _pick(lines, others)]
        prose_words = map(_word, prose_words)
    else:
        own = [set(line).difference(stop) for line in _pick(lines, others)]
    # Only the other lines' words matter: those of them the prose has, found with one
    # look-up per prose word, where a set of every prose word cost an insertion each.
    vocabulary = set().union(*own).intersection(prose_words)
    for i, words in zip(others, own, strict=True):
        overlap[i] = len(words & vocabulary) / (len(words) or 1)
    return overlap


def split_lines(text: str) -> list[Segment]:
    """Exactly ``biaskit.text.lines(text)`` (non-blank lines, trimmed), in a third of the time."""
    starts, ends, texts, _ = _line_offsets(text)
    return list(map(Segment, starts, ends, texts))


def _line_offsets(text: str) -> tuple[list[int], list[int], list[str], list[int]]:
    """``split_lines`` as three columns (starts, ends, texts), without a ``Segment`` per line
    (building one costs more than finding the line), and a fourth: the index of each line
    among the text's lines split at line breaks, blank ones included (0-based line
    numbers)."""
    raws = text.split("\n")
    trimmed = list(map(str.strip, raws))
    kept = list(compress(range(len(raws)), trimmed))  # the non-blank lines
    # Where each raw line starts: the lengths of the lines before it and their line breaks.
    line_starts = list(accumulate(map(operator.add, map(len, raws), repeat(1)), initial=0))
    kept_raws = _pick(raws, kept)
    texts = _pick(trimmed, kept)
    starts = _pick(line_starts, kept)
    # ``str.strip`` returns a line with nothing to strip as it is, so the usual text (no
    # indentation, no trailing blanks) compares equal object by object, and needs no indents.
    if kept_raws != texts:
        indents = map(operator.sub, map(len, kept_raws), map(len, map(str.lstrip, kept_raws)))
        starts = list(map(operator.add, starts, indents))
    ends = list(map(operator.add, starts, map(len, texts)))
    return starts, ends, texts, kept


class Analysis:
    """A document's lines and their features, as columns (and per line, on demand)."""

    __slots__ = (
        "_context",
        "_lines",
        "context_columns",
        "ends",
        "line_columns",
        "line_numbers",
        "starts",
        "texts",
    )

    def __init__(
        self,
        starts: list[int],
        ends: list[int],
        texts: list[str],
        line_columns: Any,
        context_columns: Any,
        line_numbers: list[int],
    ) -> None:
        self.starts = starts  # where each line starts and ends in the text
        self.ends = ends
        self.texts = texts
        # ``table``s: named tuples of lists (``line_columns.n_words[i]``), in LINE_FEATURES
        # and CONTEXT_FEATURES order.
        self.line_columns = line_columns
        self.context_columns = context_columns
        # 1-based line numbers in the text as given (blank lines count).
        self.line_numbers = line_numbers
        self._lines: list[LineFeatures] | None = None
        self._context: list[ContextFeatures] | None = None

    @property
    def lines(self) -> list[LineFeatures]:
        """One ``LineFeatures`` per line, built on first use: the scorer reads the columns."""
        if self._lines is None:
            self._lines = rows(LineFeatures, self.line_columns)
        return self._lines

    @property
    def context(self) -> list[ContextFeatures]:
        """One ``ContextFeatures`` per line, built on first use, as ``lines`` is."""
        if self._context is None:
            self._context = rows(ContextFeatures, self.context_columns)
        return self._context

    @property
    def segments(self) -> list[Segment]:
        """The lines as ``split_lines`` gives them; built on demand, as the scorer reads
        the offsets alone."""
        return list(map(Segment, self.starts, self.ends, self.texts))


def analyse(text: str) -> Analysis:
    """Lines of ``text`` with their own and their context features, index-aligned."""
    starts, ends, texts, raw_index = _line_offsets(text)
    line_cols, tokens = _lines_features(texts)
    # The line breaks between one line and the next are the difference of their indices
    # among the raw lines: no need to count them in the text.
    breaks = list(map(operator.sub, raw_index[1:], raw_index[:-1]))
    ctx_cols = _context_columns(breaks, line_cols, tokens)
    line_numbers = list(map(operator.add, raw_index, repeat(1)))
    return Analysis(starts, ends, texts, line_cols, ctx_cols, line_numbers)


def document_features(
    text: str,
) -> tuple[list[Segment], list[LineFeatures], list[ContextFeatures]]:
    """Lines of ``text`` with their own and their context features, index-aligned."""
    found = analyse(text)
    return found.segments, found.lines, found.context
