"""Direct quotations and the cue that attributes each one.

A quotation is attributed by a cue right after its closing mark (`"...," he said`,
`"..." said Mr X`, `"...", the diplomat noted`) or right before its opening mark
(`Antonov said: "..."`, `added that "..."`). A quotation without a cue of its own continues
the speaker of the quotation it was split from (`"...," he said. "..."`) or, when it opens a
paragraph, the last speaker of the paragraph before, as news copy does; short quotations in
running text with no cue are scare quotes or quoted terms, not attributions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from biaskit.text import Segment, quoted_regions

from .attribution import DIRECT, Attribution
from .cues import ACCORDING, NOSOURCE, Cue
from .phrases import source_after, source_before, trim

__all__ = ["attach_orphans", "find_direct", "quotations"]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_WORD = re.compile(r"\w+")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’»)]*\s+(?=[\"“«A-Z0-9])")
_MAX_TAIL = 160
_MAX_HEAD = 250
_MIN_ORPHAN_WORDS = 5
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Jr|Sr|St|[A-Z])\.")
_NOT_SUBJECT = _set(
    """
    in to of for with about on at by from into over his her their its our my your
    """
)


_DOUBLE_APOSTROPHE = re.compile(r"''|‘‘|’’|``")


def quotations(text: str) -> list[Segment]:
    """``biaskit.text.quoted_regions``, also reading '' and `` (old wire and NYT copy) as
    double quotation marks.

    The pair is rewritten to one straight double mark plus a filler on a same-length copy,
    so offsets stay those of ``text``; a region closing on the first character of a pair is
    widened to cover the second.
    """
    if _DOUBLE_APOSTROPHE.search(text) is None:
        return quoted_regions(text)
    masked = _DOUBLE_APOSTROPHE.sub('"\u2060', text)
    out = []
    for r in quoted_regions(masked):
        end = r.end + 1 if masked[r.end : r.end + 1] == "\u2060" else r.end
        out.append(Segment(r.start, end, text[r.start : end]))
    return out


def _words(text: str, start: int, end: int) -> int:
    return sum(1 for _ in _WORD.finditer(text, start, end))


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _sentence_start(text: str, lo: int, pos: int) -> int:
    start = lo
    for m in _SENTENCE_BREAK.finditer(text, lo, pos):
        start = m.end()
    return start


def _cues_between(cues: Sequence[Cue], starts: Sequence[int], lo: int, hi: int) -> list[Cue]:
    i = bisect.bisect_left(starts, lo)
    j = bisect.bisect_left(starts, hi)
    return [c for c in cues[i:j] if c.end <= hi]


def _after(
    text: str, q: Segment, cues: Sequence[Cue], starts: Sequence[int], hi: int
) -> Attribution | None:
    inner = text[q.start + 1 : q.end - 1].rstrip()
    if inner.endswith(".") and q.end < len(text) and not text[q.end : q.end + 1].isspace():
        return None
    if inner.endswith(".") and text[q.end :].lstrip()[:1].isupper():
        return None
    for c in _cues_between(cues, starts, q.end, hi):
        if c.kind == NOSOURCE:
            return None
        between = _ABBREV.sub("", text[q.end : c.start])
        if any(ch in between for ch in '.!?"“”«»\n') and between.strip(" ,—–-\t") != "":
            return None
        lead = between.strip(" ,—–-\t")
        end_of_sentence = _sentence_end(text, c.end, hi)
        if not lead:
            src = source_after(text, c.end, end_of_sentence)
        elif c.kind == ACCORDING:
            return None
        else:
            if len(lead.split()) > 10:
                return None
            src = source_before(text, q.end, c.start)
        head = text[src[0] : src[1]].split()[:1] if src is not None else []
        if not head or head[0].lower() in _NOT_SUBJECT:
            return None
        if c.kind == ACCORDING and lead:
            return None
        return Attribution(
            DIRECT,
            [(q.start, q.end)],
            cue=(c.start, c.end),
            cue_lemma=c.lemma,
            source=src,
            confidence=0.95,
        )
    return None


def _sentence_end(text: str, pos: int, hi: int) -> int:
    m = _SENTENCE_BREAK.search(text, pos, hi)
    return m.start() + 1 if m is not None else hi


def _before(
    text: str, q: Segment, cues: Sequence[Cue], starts: Sequence[int], lo: int
) -> Attribution | None:
    found = _cues_between(cues, starts, lo, q.start)
    if not found:
        return None
    c = found[-1]
    if c.kind == NOSOURCE:
        return None
    gap = text[c.end : q.start].strip()
    if any(ch in gap for ch in '.!?"“”«»') or len(gap.split()) > 10:
        return None
    if c.kind == ACCORDING:
        src = source_after(text, c.end, q.start)
        if src is None or not gap.endswith(","):
            return None
    else:
        if not (gap in ("", ":", ",", "that") or gap.endswith((":", ",", " that"))):
            return None
        src = source_before(text, _sentence_start(text, lo, c.start), c.start)
        if src is None:
            return None
    return Attribution(
        DIRECT,
        [(q.start, q.end)],
        cue=(c.start, c.end),
        cue_lemma=c.lemma,
        source=src,
        confidence=0.9,
    )


def find_direct(
    text: str, regions: Sequence[Segment], cues: Sequence[Cue]
) -> tuple[list[Attribution], list[Attribution]]:
    """Attributed quotations, and the orphans (long quotations with no cue of their own).

    Orphans are returned apart because the speaker they continue may be found only by the
    indirect-speech pass; ``attach_orphans`` finishes them once all relations are known.
    """
    starts = [c.start for c in cues]
    out: list[Attribution] = []
    orphans: list[Attribution] = []
    prev: Attribution | None = None
    for k, q in enumerate(regions):
        inner = trim(text, q.start + 1, q.end - 1, " \t\n\r")
        if inner[0] >= inner[1]:
            continue
        line_end = _line_bounds(text, q.end - 1)[1]
        next_start = regions[k + 1].start if k + 1 < len(regions) else len(text)
        hi = min(line_end, next_start, q.end + _MAX_TAIL)
        att = _after(text, q, cues, starts, hi)
        if att is None:
            q_line_start = _line_bounds(text, q.start)[0]
            prev_end = regions[k - 1].end if k > 0 else 0
            lo = max(q_line_start, prev_end, q.start - _MAX_HEAD)
            att = _before(text, q, cues, starts, lo)
        if att is None and prev is not None and prev.cue is not None:
            gap = text[prev.end : q.start]
            if "\n" not in gap and not gap.strip(" \t.,;:—–-"):
                att = Attribution(DIRECT, [(q.start, q.end)], continues=prev, confidence=0.85)
        if att is None:
            n_words = _words(text, inner[0], inner[1])
            at_line_start = not text[_line_bounds(text, q.start)[0] : q.start].strip()
            if n_words >= _MIN_ORPHAN_WORDS and at_line_start:
                orphans.append(Attribution(DIRECT, [(q.start, q.end)], confidence=0.6))
            continue
        out.append(att)
        prev = att
    return out, orphans


def attach_orphans(
    text: str, orphans: Sequence[Attribution], found: Sequence[Attribution]
) -> list[Attribution]:
    """Give each orphan quotation the attribution it continues, if the paragraph before has one.

    With no attribution in the paragraph before, the quotation stays an attribution with no
    source at all, which is what a reader sees too.
    """
    ordered = sorted(found, key=lambda a: a.end)
    for o in orphans:
        start = o.content[0][0]
        j = text.rfind("\n", 0, start)
        while j > 0 and text[j].isspace():
            j -= 1
        prev_para = text.rfind("\n", 0, j) + 1 if j > 0 else start
        target = None
        for cand in reversed(ordered):
            if cand.end <= start and cand.start >= prev_para:
                target = cand
                break
            if cand.end < prev_para:
                break
        if target is not None:
            o.continues = target
        else:
            o.anonymous = True
    return list(orphans)
