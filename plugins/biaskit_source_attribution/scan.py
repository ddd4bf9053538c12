"""One cheap pass over the text: words, sentence starts, quotations, candidate cue words.

Speed matters here (a dimension should score a thousand 4 KB articles a second), so the
text is cut into white-space words with ``str.split`` (C speed) rather than a tokenizer
regex, and only the few words that may be attribution cues are located in the text: a word
that appears in the candidate vocabulary is found by ``str.find`` from the end of the
previous candidate. That is exact, because every white-space word equal to a candidate's
word is itself a candidate, so the first white-space-delimited occurrence after the
previous candidate is this one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from itertools import compress, count

from biaskit.text import Segment, quotations

from .lexicon import PLACES

__all__ = [
    "PUNCT",
    "Scan",
    "key",
    "locate",
    "name_colons",
    "scan",
    "sentence_starts",
    "surface_forms",
    "wanted_words",
]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Punctuation stripped from a white-space word to get its key.
PUNCT = "\"'“”‘’«»„‚`()[]{}<>.,;:!?—–-…*•/\\|"

# A run of sentence-final marks (and closing marks) then white space, or a line break and
# the white space after it: ``[.!?…]+["'”’»)\]]*\s+|\n\s*``, written to open with one
# character class so that the regex engine skips to candidate positions at C speed instead
# of trying both alternatives at every character (three times faster on news copy).
_SENT_END = re.compile(r"[.!?…\n](?:(?<=\n)\s*|(?<!\n)[.!?…]*[\"'”’»)\]]*\s+)")
_ABBREV = _set(
    """
    mr mrs ms dr prof st jr sr gen col lt sgt capt gov sen rep rev hon pres inc ltd co
    corp no vs etc e.g i.e a.m p.m u.s u.k u.n jan feb mar apr jun jul aug sep sept oct
    nov dec fig approx dept est ft mt
    """
)


def key(word: str) -> str:
    """A white-space word without surrounding punctuation, lower case."""
    return word.strip(PUNCT).lower()


_LEADING = ("", "“", '"', "(", "‘", "'", "«", "—")
_TRAILING = (
    "",
    ",",
    ".",
    ":",
    ";",
    "!",
    "?",
    "”",
    '"',
    "’",
    "'",
    ")",
    "—",
    "…",
    ",”",
    ',"',
    ".”",
    '."',
    "?”",
    '?"',
    "!”",
    '!"',
    "),",
    ").",
    ":”",
    "”,",
    "”.",
)


def surface_forms(keys: Collection[str]) -> frozenset[str]:
    """The white-space words whose key is one of ``keys`` in the ways news copy writes them
    (lower case or capitalised, with the usual punctuation attached), so that
    finding candidates is one set look-up per word instead of a strip and a lower."""
    out: set[str] = set()
    for k in keys:
        for form in (k, k.capitalize()):
            out.update(lead + form for lead in _LEADING)
            out.update(form + trail for trail in _TRAILING)
    return frozenset(out)


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences start: after . ! ? (and closing marks) followed by white
    space, unless the full stop ends a known abbreviation or an initial, or the next word
    starts in lower case; and after every line break."""
    starts = [0]
    n = len(text)
    for m in _SENT_END.finditer(text):
        end = m.end()
        if end >= n:
            break
        g = m.group()
        if g[0] == "." and "\n" not in g:
            if text[end].islower():
                continue
            j = m.start()
            before = text[max(0, j - 8) : j].rsplit(None, 1)
            word = before[-1].lstrip("(\"'“‘").lower() if before else ""
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
        elif g[0] != "\n" and text[end].islower():
            continue
        starts.append(end)
    return starts


# "Bernie Sanders: I'm not much of a socialist", "CLINTON: Honestly, ...": a line opening
# with a name and a colon is that person's statement (headlines, interview transcripts);
# not a label ("Source:", "Photo:") nor a running headline's series name ("The Latest:",
# as the AP and others title live updates).
_NAME_COLON = re.compile(
    r"^[ \t]*(?P<name>[A-Z][\w’'.\-]*(?:[ \t]+[A-Z][\w’'.\-]*){0,3}):[ \t]+(?=\S)", re.MULTILINE
)
_NOT_NAMES = _set(
    """
    source sources photo photos credit credits tags tag related read update updated note
    editor image images video watch listen share follow by posted published comments
    warning breaking exclusive opinion analysis review poll live advertisement ad topics
    see also more contact email phone tel fax subscribe sign caption file getty reuters ap
    afp disclaimer copyright correction clarification q a question answer transcript
    summary abstract full text update contributing contributors notice deaths obituary
    reporting additional latest
    """
)


def name_colons(text: str) -> list[tuple[int, int, int]]:
    """(name start, name end, colon offset) of every line opening with "Name:", and of
    every name inside a line followed by a colon and a quotation ('... he tweeted about
    ... Donald Trump: "Appreciate the congrats ..."', 'More from Jones: “The ...”')."""
    out: list[tuple[int, int, int]] = []
    for m in _name_colon_matches(text):
        if _a_name(m.group("name")):
            s, e = m.span("name")
            out.append((s, e, e))
    if _COLON_QUOTE.search(text) is not None:  # most texts have none: no scan for names
        starts = {s for s, _, _ in out}
        for m in _NAME_COLON_QUOTE.finditer(text):
            s, e = m.span("name")
            if s not in starts and _a_name(m.group("name")):
                out.append((s, e, e))
        out.sort()
    return out


def _a_name(name: str) -> bool:
    words = name.split()
    if any(w.strip(".").lower() in _NOT_NAMES for w in words):
        return False
    return not (len(words) == 1 and words[0].lower() in PLACES)


# A capitalised run of one to four words, a colon and an opening quotation mark; the
# colon and mark alone, searched for first.
_COLON_QUOTE = re.compile(r":[ \t]?[“\"]")
_NAME_COLON_QUOTE = re.compile(
    r"(?<![\w’'.\-])(?P<name>[A-Z][\w’'.\-]*(?:[ \t]+[A-Z][\w’'.\-]*){0,3}):[ \t]?[“\"]"
)


def _name_colon_matches(text: str) -> list[re.Match[str]]:
    """``_NAME_COLON.finditer(text)``, tried only at the start of lines holding a colon.

    A match never crosses a line break and is anchored at a line start, so matching at the
    start of each such line finds the same matches, without the regex engine trying the
    line-start anchor at every character of the text."""
    out = []
    i = text.find(":")
    while i >= 0:
        m = _NAME_COLON.match(text, text.rfind("\n", 0, i) + 1)
        if m is not None:
            out.append(m)
        # On to the first colon of a later line: each line is read once.
        line_end = text.find("\n", i)
        if line_end < 0:
            break
        i = text.find(":", line_end)
    return out


@dataclass(slots=True)
class Scan:
    """What every later step reads: the white-space words, the character offset of each
    candidate word, sentence starts and quotation regions."""

    text: str
    words: list[str]
    candidates: list[tuple[int, int]]  # (word index, character offset)
    sent_starts: list[int]
    start_set: frozenset[int]
    quotes: list[Segment]
    quote_starts: list[int]
    extra: list[int] = field(default_factory=list)  # indices of words in ``scan(extra=)``

    def sentence(self, pos: int) -> tuple[int, int]:
        """Bounds of the sentence holding ``pos``, trailing white space excluded."""
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        start = self.sent_starts[max(i, 0)]
        end = self.sent_starts[i + 1] if i + 1 < len(self.sent_starts) else len(self.text)
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def quote_at(self, pos: int) -> Segment | None:
        """The quotation region strictly containing ``pos`` (not its opening mark)."""
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        if i >= 0:
            q = self.quotes[i]
            if q.start < pos < q.end - 1:
                return q
        return None


def locate(text: str, words: Sequence[str], wanted: Sequence[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    for i in wanted:
        w = words[i]
        size = len(w)
        j = text.find(w, pos)
        while j >= 0 and not (
            (j == 0 or text[j - 1].isspace()) and (j + size == n or text[j + size].isspace())
        ):
            j = text.find(w, j + 1)
        if j < 0:  # cannot happen for words of text.split(); stay safe
            continue
        out.append((i, j))
        pos = j + size
    return out


def scan(text: str, forms: Collection[str], extra: frozenset[str] = frozenset()) -> Scan:
    """Words, candidate cue words (white-space words in ``forms``, see ``surface_forms``,
    outside quotations), sentence starts and quotations of ``text``.

    ``extra`` is a second set of word forms another step looks for (the outlets' first
    words): their indices land in ``Scan.extra``, found in the same pass over the words."""
    words = text.split()
    if extra:
        both = _union(forms, extra)
        found = wanted_words(words, both)
        wanted = [i for i in found if words[i] in forms]
        extra_wanted = [i for i in found if words[i] in extra]
    else:
        wanted = wanted_words(words, forms)
        extra_wanted = []
    quotes = quotations(text)
    q_starts = [q.start for q in quotes]
    located = locate(text, words, wanted)
    starts = sentence_starts(text)
    s = Scan(text, words, [], starts, frozenset(starts), quotes, q_starts, extra_wanted)
    s.candidates = [(i, j) for i, j in located if s.quote_at(j) is None] if quotes else located
    return s


# (forms, extra) -> their union; a scorer uses one pair for every document.
_UNIONS: dict[tuple[Collection[str], frozenset[str]], frozenset[str]] = {}


def _union(forms: Collection[str], extra: frozenset[str]) -> frozenset[str]:
    pair = (forms, extra)
    found = _UNIONS.get(pair)
    if found is None:
        if len(_UNIONS) >= 8:
            _UNIONS.clear()
        found = _UNIONS[pair] = extra.union(forms)
    return found


def wanted_words(words: Sequence[str], forms: Collection[str]) -> list[int]:
    """Indices of the words in ``forms``: ``[i for i, w in enumerate(words) if w in forms]``
    with the loop in C (``compress`` over ``map``), the cost of the scan's one pass over
    every word."""
    if isinstance(forms, (set, frozenset)):
        return list(compress(count(), map(forms.__contains__, words)))
    return [i for i, w in enumerate(words) if w in forms]
