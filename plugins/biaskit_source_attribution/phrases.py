"""Cheap phrase chunking around a cue: the source noun phrase and the stretch it speaks.

There is no parser here on purpose. In news English the source of a reporting verb is the
noun phrase right before it ("the Russian diplomat noted") or, inverted, right after it
("said Mr Antonov"), and clause boundaries (commas, "that", conjunctions, relative pronouns)
delimit it well enough; every decision is a boundary a reader can see.
"""

from __future__ import annotations

import re

__all__ = [
    "content_after",
    "object_end",
    "source_after",
    "source_before",
    "trim",
]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Where a subject noun phrase cannot extend past (searching backwards from a cue).
_BOUNDARY = re.compile(
    r"[,;:()\[\]—–“”\"«»!?]|\s-\s|\.\s|\b(?:that|and|but|because|while|when|whereas|after|"
    r"before|if|which|who|whom|whose|where|though|although|since|so|or|than|as|then|"
    r"however|meanwhile)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w’'.\-]+")
_TRAILING_SKIP = _set(
    """
    also has have had was is were are will would could can may might should must did
    does do not never then later earlier once again further previously repeatedly
    publicly first been reportedly recently privately firmly flatly openly frankly
    bluntly clearly simply initially separately subsequently ultimately explicitly
    emphatically categorically strongly already even still just long often always
    """
)
_LEADING_SKIP = _set(
    """
    and but so then yet thus still
    """
)
_RELATIVE = re.compile(r",\s*(?:who|which|whose)\b", re.IGNORECASE)
_MAX_SOURCE_WORDS = 12

_STOP_AFTER = _set(
    """
    on in at during after before when while that this last late earlier later yesterday
    today tonight monday tuesday wednesday thursday friday saturday sunday according via
    from to for with as in
    """
)


def trim(text: str, start: int, end: int, chars: str = " \t\n\r,;:—–-") -> tuple[int, int]:
    """Shrink ``[start, end)`` past white space and joining punctuation at either edge."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _strip_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    while words and text[words[-1][0] : words[-1][1]].lower() in _TRAILING_SKIP:
        words.pop()
    while words and text[words[0][0] : words[0][1]].lower() in _LEADING_SKIP:
        words.pop(0)
    if not words or len(words) > _MAX_SOURCE_WORDS:
        return None
    return words[0][0], words[-1][1]


def _last_boundary(text: str, lo: int, hi: int) -> int:
    # A subject is at most a dozen words: look no further back than this.
    if hi - lo > 160:
        space = text.find(" ", hi - 160, hi)
        lo = hi - 160 if space < 0 else space
    last = lo
    for m in _BOUNDARY.finditer(text, lo, hi):
        last = m.end()
    return last


def source_before(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The subject noun phrase that ends right before ``cue_start`` (not before ``lo``).

    Besides a plain subject ("the Russian diplomat noted") this skips what news style puts
    between a subject and its verb: a relative clause ("Antonov, who spoke ..., said"), a
    bracketed party label ("Harry Reid (D-Nev.) told"), and finds the subject of a relative
    ("Thomas Perez, who said") or of a coordinated verb ("He smiled and said").
    """
    b = _last_boundary(text, lo, cue_start)
    chunk = _strip_words(text, b, cue_start)
    if chunk is not None:
        return chunk
    head = text[lo:cue_start].rstrip()
    if head.endswith(")"):
        opening = text.rfind("(", lo, lo + len(head))
        if opening > lo:
            return source_before(text, lo, opening)
        return None
    m = _REL_OR_AND.search(head)
    if m is not None:
        before = lo + m.start()
        if m.group("rel"):
            return _strip_words(text, _last_boundary(text, lo, before), before)
        return _sentence_subject(text, lo, before)
    if not head.endswith(","):
        return None
    rel = None
    for m2 in _RELATIVE.finditer(text, lo, cue_start):
        rel = m2
    if rel is None:
        return None
    b = _last_boundary(text, lo, rel.start())
    return _strip_words(text, b, rel.start())


_REL_OR_AND = re.compile(r"(?:,\s*(?P<rel>who|which)|\s(?P<and>and|but))\s*$", re.IGNORECASE)
_SUBJECT = re.compile(
    r"(?:(?:The|the)\s)?(?:[A-Z][\w.’'\-]*\s){0,4}[A-Z][\w.’'\-]*|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I"
)


def _sentence_subject(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The name or pronoun opening the clause, as the subject of a coordinated cue."""
    start = lo
    while start < hi and text[start] in " \t\n\"“«'‘":
        start += 1
    m = _SUBJECT.match(text, start, hi)
    if m is None:
        return None
    following = _WORD.match(text, m.end() + 1, hi) if m.end() < hi else None
    if following is None or following.group()[:1].isupper():
        return None
    return m.start(), m.end()


def source_after(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase that starts at ``pos`` (after an inverted cue: "said the minister").

    Stops at punctuation or at a word that opens an adverbial ("on Tuesday", "in a
    statement"); a name in apposition after a comma that closes the sentence is kept
    ("said the Russian ambassador to the United States, Anatoly Antonov.").
    """
    words: list[tuple[int, int]] = []
    prev_end = pos
    stop_at = hi
    for m in _WORD.finditer(text, pos, hi):
        gap = text[prev_end : m.start()]
        if (words and any(c in gap for c in ',;:()—–"“”!?')) or "\n" in gap:
            stop_at = prev_end
            break
        token = m.group().rstrip(".")
        if words and token.lower() in _STOP_AFTER and token.lower() not in ("to",):
            stop_at = prev_end
            break
        if len(words) >= _MAX_SOURCE_WORDS:
            return None
        words.append((m.start(), m.start() + len(token)))
        prev_end = m.end()
        if m.group().endswith(".") and len(token) > 3:
            stop_at = prev_end
            break
    if not words:
        return None
    start, end = words[0][0], words[-1][1]
    rest = text[end : stop_at if stop_at > end else hi]
    if rest.startswith(","):
        tail = text[end + 1 : hi]
        tail_end = len(tail.rstrip().rstrip(".").rstrip())
        appos = tail[:tail_end].strip()
        if appos and len(appos.split()) <= 4 and all(w[:1].isupper() for w in appos.split()):
            end = end + 1 + tail.index(appos) + len(appos)
    return start, end


_THAT = re.compile(r"\bthat\b", re.IGNORECASE)


def object_end(text: str, pos: int, hi: int) -> int:
    """End of the indirect object of "told" ("told RT", "told the Senate", "told CNN's X")."""
    toks = []
    prev = pos
    for m in _WORD.finditer(text, pos, min(hi, pos + 80)):
        if text[prev : m.start()].strip():
            break
        toks.append(m)
        prev = m.end()
        if len(toks) >= 6:
            break
    if not toks:
        return pos
    first = toks[0].group()
    if first.lower() in _DETERMINERS:
        if len(toks) == 1:
            return pos
        end = toks[1].end()
        rest = toks[2:]
    elif first[:1].isupper():
        end = toks[0].end()
        rest = toks[1:]
    else:
        return toks[0].end()
    for m in rest:
        if not m.group()[:1].isupper():
            break
        end = m.end()
    return end


_DETERMINERS = _set(
    """
    the a an his her their its our my your this that
    """
)


def content_after(text: str, pos: int, hi: int, max_gap_words: int = 10) -> tuple[int, int, bool]:
    """Where the reported content starts after a cue ending at ``pos``; (start, end, has_that).

    A "that" within a few words with no punctuation before it ("said on Facebook on Wednesday
    that ...") opens the content; otherwise the content starts right after the cue.
    """
    m = _THAT.search(text, pos, min(hi, pos + 120))
    if m is not None:
        gap = text[pos : m.start()]
        if len(gap.split()) <= max_gap_words and not any(c in gap for c in ',;:."“”()'):
            s, e = trim(text, m.end(), hi, " \t\n\r,;:—–-.")
            return s, e, True
    for _ in range(4):
        m2 = _ADVERBIAL.match(text, pos, hi)
        if m2 is None:
            break
        pos = m2.end()
    s, e = trim(text, pos, hi, " \t\n\r,;:—–-.")
    return s, e, False


_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Adverbials that sit between a cue and a bare complement ("said in a statement Thursday
# night they ..."). Each alternative starts with a distinct word; bounded, so linear.
_ADVERBIAL = re.compile(
    r"\s*,?\s*(?:(?:in|on|at|during|via)\s(?:a|an|the|his|her|their|its)\s(?:[\w-]+\s){0,2}?"
    r"(?:statement|interview|tweet|post|release|conference|briefing|speech|rally|letter|"
    r"e-?mail|call|appearance|video|op-ed|memo|event|debate)s?|on\s(?:Twitter|Facebook|"
    r"Instagram|television|TV|radio|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday)|(?:last|this|next|on|late|early)\s(?:week|month|year|night|"
    + _DAY
    + r")|"
    + _DAY
    + r"(?:\s(?:night|morning|afternoon|evening))?|earlier|later|yesterday|today|"
    r"privately|publicly|recently|again)\b"
)
