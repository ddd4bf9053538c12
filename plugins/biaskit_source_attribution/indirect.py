"""Indirect (reported) speech: "X said (that) ...", "according to X, ...", "..., X said.".

Every cue outside a quotation is tried in three shapes, by where its content lies:
- content after the cue: "Antonov said (that) the talks ...", "X believes ...";
- content before it, when the cue closes the sentence: "..., Antonov said (on Tuesday).",
  "..., said Mr X.", "..., the diplomat admitted, are now ..." (a parenthetical cue, whose
  content is both sides of it);
- "according to X" at either end of the sentence.
Candidates that overlap are settled by keeping the one that covers more of the sentence,
so "Antonov said he believes ..." is one attribution to Antonov, not a second one to "he".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from biaskit.text import Segment

from .attribution import INDIRECT, Attribution
from .cues import ACCORDING, BARE, NOSOURCE, QUOTE, Cue
from .lexicon import ROLE_NOUNS, TITLE_WORDS
from .phrases import content_after, object_end, source_after, source_before, trim

__all__ = ["find_indirect"]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_WORD = re.compile(r"[\w’'\-]+")
_PARTICIPLE_TAIL = re.compile(r"\s*,\s*(?:\w+ing|according|as|while|but|and|who|which)\b")
_APPOSITION_TAIL = re.compile(r"\s*,\s*(?:a|an|the|who|whose|his|her|their)\b")
_ADVERBIAL_START = _set(
    """
    on in at during after before when while this last late earlier later yesterday today
    tonight monday tuesday wednesday thursday friday saturday sunday from to via with as
    for through
    """
)
_NOT_CONTENT_START = _set(
    """
    in to of for with about on at by from into over up
    """
)
_CLOSERS = ',"”»’'
_MIN_CONTENT_WORDS = 2
# Prose has a handful of cues per sentence; a "sentence" with dozens is not prose.
_MAX_CUES_PER_SENTENCE = 16
_WINDOW = 1200


def _nwords(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def _inside(pos: int, spans: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _is_final(text: str, pos: int, end: int) -> bool:
    """Nothing but an adverbial, or a trailing participle clause, follows the cue."""
    rest = text[pos:end].strip().rstrip('.!?"”’ ')
    if not rest:
        return True
    if _PARTICIPLE_TAIL.match(text, pos) or _APPOSITION_TAIL.match(text, pos):
        return True
    words = rest.split()
    if (
        words[0].lower() in _ADVERBIAL_START
        and len(words) <= 14
        and not re.search(r"\bthat\b", rest)
    ):
        tail = _PARTICIPLE_TAIL.search(rest)
        return tail is not None or not any(c in rest for c in ",;:")
    return False


def _apposition_start(text: str, lo: int, src: tuple[int, int]) -> int:
    """Extend a name back over a role in apposition: "Russia's envoy to the US, Anatoly Antonov"."""
    head = text[lo : src[0]].rstrip()
    if not head.endswith(",") or not text[src[0]].isupper():
        return src[0]
    comma = lo + len(head) - 1
    prev = text.rfind(",", lo, comma)
    chunk_start = lo if prev < 0 else prev + 1
    words = [w.lower().strip("’'s") for w in text[chunk_start:comma].split()]
    if 0 < len(words) <= 8 and any(w in ROLE_NOUNS or w in TITLE_WORDS for w in words):
        return trim(text, chunk_start, comma)[0]
    return src[0]


def _content_before(text: str, lo: int, src_start: int) -> tuple[int, int] | None:
    head = text[lo:src_start].rstrip()
    if not head or head[-1] not in _CLOSERS:
        return None
    s, e = trim(text, lo, lo + len(head), " \t\n\r,;:—–-")
    if _nwords(text, s, e) < 3:
        return None
    return s, e


def _candidate(text: str, seg: Segment, c: Cue) -> Attribution | None:
    lo, hi = seg.start, seg.end
    if c.kind == NOSOURCE:
        return _nosource(text, seg, c)
    if c.kind == ACCORDING:
        return _according(text, seg, c)
    pre = text[lo : c.start].rstrip()
    src = None
    if pre and pre[-1] in _CLOSERS:
        inverted = _inverted(text, seg, c, lo)
        if inverted is not None or pre[-1] != ",":
            return inverted
        # "..., Anatoly Antonov, told RT": the subject sits before the comma (after a
        # relative clause: "Antonov, who spoke after ..., said").
        src = source_before(text, lo, c.start) or source_before(text, lo, lo + len(pre) - 1)
    else:
        src = source_before(text, lo, c.start)
        lead = _WORD.match(text, src[0]) if src is not None else None
        if (
            lead is not None
            and lead.group().lower() in _NOT_CONTENT_START
            and c.kind == BARE
            and _starts_noun_phrase(text, c.end)
        ):
            # "About this in an interview with Tass said the ambassador, Anatoly Antonov."
            return _inverted(text, seg, c, lo, content_from_chunk=True)
    if src is None:
        return None
    pos = object_end(text, c.end, hi) if c.lemma == "tell" else c.end
    if _is_final(text, pos, hi):
        if c.kind == QUOTE:
            return None
        src = (_apposition_start(text, lo, src), src[1])
        content = _content_before(text, lo, src[0])
        if content is None:
            return None
        return Attribution(
            INDIRECT,
            [content],
            cue=(c.start, c.end),
            cue_lemma=c.lemma,
            source=src,
            confidence=0.85 if c.kind == BARE else 0.7,
        )
    after = text[pos:hi].lstrip()
    if after.startswith(",") and text[lo : src[0]].rstrip().endswith(","):
        # Parenthetical: "The channels, the diplomat admitted, are now destroyed."
        first = _content_before(text, lo, src[0])
        rest = trim(text, pos, hi, " \t\n\r,;:—–-.")
        if _nwords(text, *rest) < _MIN_CONTENT_WORDS:
            return None
        rest = (rest[0], _strip_closing(text, *rest))
        return Attribution(
            INDIRECT,
            [first, rest] if first is not None else [rest],
            cue=(c.start, c.end),
            cue_lemma=c.lemma,
            source=src,
            confidence=0.75,
        )
    start, end, has_that = content_after(text, pos, hi)
    if not has_that and c.kind != BARE and not after.startswith(":"):
        return None
    if not has_that and c.lemma == "tell" and not _addressee(text[c.end : pos]):
        return None
    if start >= end or _nwords(text, start, end) < _MIN_CONTENT_WORDS:
        return None
    first_word = _WORD.match(text, start)
    if not has_that and (first_word is None or first_word.group().lower() in _NOT_CONTENT_START):
        return None
    end = _strip_closing(text, start, end)
    return Attribution(
        INDIRECT,
        [(start, end)],
        cue=(c.start, c.end),
        cue_lemma=c.lemma,
        source=src,
        confidence=0.9 if has_that or c.kind == BARE else 0.7,
    )


def _starts_noun_phrase(text: str, pos: int) -> bool:
    m = _WORD.search(text, pos, pos + 40)
    return m is not None and (m.group()[:1].isupper() or m.group().lower() in ("the", "a", "an"))


def _inverted(
    text: str, seg: Segment, c: Cue, lo: int, content_from_chunk: bool = False
) -> Attribution | None:
    """ "..., said the minister." / "...," said Mr X.: the source follows the cue."""
    if c.kind == QUOTE or c.lemma == "tell":
        return None
    src = source_after(text, c.end, seg.end)
    if src is None or not _is_final(text, src[1], seg.end):
        return None
    if content_from_chunk:
        chunk = trim(text, lo, c.start)
        if _nwords(text, *chunk) < _MIN_CONTENT_WORDS:
            return None
        content: tuple[int, int] | None = chunk
    else:
        content = _content_before(text, lo, c.start)
    if content is None:
        return None
    return Attribution(
        INDIRECT,
        [content],
        cue=(c.start, c.end),
        cue_lemma=c.lemma,
        source=src,
        confidence=0.85,
    )


_ADDRESSEES = _set(
    """
    me him her us them you reporters journalists lawmakers supporters voters listeners
    viewers readers senators delegates students workers members officials colleagues
    audience crowd newspaper paper magazine agency broadcaster channel station committee
    court jury panel
    """
)


def _addressee(obj: str) -> bool:
    """Whether the object of "told" names a listener ("told reporters") rather than a thing
    told ("told a long story"), which a bare complement after it requires."""
    words = obj.split()
    return bool(words) and (words[-1][:1].isupper() or words[-1].lower() in _ADDRESSEES)


def _strip_closing(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ".!? \t":
        end -= 1
    return end


def _according(text: str, seg: Segment, c: Cue) -> Attribution | None:
    lo, hi = seg.start, seg.end
    src = source_after(text, c.end, hi)
    if src is None:
        return None
    spans = []
    before = trim(text, lo, c.start, " \t\n\r,;:—–-")
    if _nwords(text, *before) >= _MIN_CONTENT_WORDS:
        spans.append(before)
    after = trim(text, src[1], hi, " \t\n\r,;:—–-.")
    if _nwords(text, *after) >= _MIN_CONTENT_WORDS:
        spans.append((after[0], _strip_closing(text, *after)))
    if not spans:
        return None
    return Attribution(
        INDIRECT, spans, cue=(c.start, c.end), cue_lemma=c.lemma, source=src, confidence=0.9
    )


def _nosource(text: str, seg: Segment, c: Cue) -> Attribution | None:
    lo, hi = seg.start, seg.end
    phrase = text[c.start : c.end].lower()
    if phrase.startswith("it"):
        start, end, _ = content_after(text, c.end, hi)
        spans = [(start, _strip_closing(text, start, end))]
    else:
        spans = []
        before = trim(text, lo, c.start)
        if before[0] < before[1]:
            spans.append(before)
        after = trim(text, c.end, hi, " \t\n\r,;:—–-.")
        if after[0] < after[1]:
            spans.append((after[0], _strip_closing(text, *after)))
    spans = [s for s in spans if _nwords(text, *s) >= 1]
    if not spans:
        return None
    return Attribution(
        INDIRECT,
        spans,
        cue=(c.start, c.end),
        cue_lemma=c.lemma,
        anonymous=True,
        confidence=0.7,
    )


def _extent(a: Attribution) -> int:
    return sum(e - s for s, e in a.content)


def _overlaps(a: Attribution, b: Attribution) -> bool:
    def parts(x: Attribution) -> list[tuple[int, int]]:
        out = list(x.content)
        if x.cue is not None:
            out.append(x.cue)
        if x.source is not None:
            out.append(x.source)
        return out

    return any(s1 < e2 and s2 < e1 for s1, e1 in parts(a) for s2, e2 in parts(b))


def find_indirect(
    text: str,
    sentences: Sequence[Segment],
    cues: Sequence[Cue],
    blocked: Sequence[tuple[int, int]],
    used: set[int],
) -> list[Attribution]:
    """Indirect attributions in ``sentences``, ignoring cues inside ``blocked`` (quotations)
    and cues whose start is in ``used`` (already the cue of a direct quotation)."""
    blocked = sorted(blocked)
    b_starts = [s for s, _ in blocked]
    starts = [c.start for c in cues]
    out: list[Attribution] = []
    for seg in sentences:
        i = bisect.bisect_left(starts, seg.start)
        j = bisect.bisect_left(starts, seg.end)
        cands: list[Attribution] = []
        for c in cues[i : min(j, i + _MAX_CUES_PER_SENTENCE)]:
            if c.start in used or c.end > seg.end or _inside(c.start, blocked, b_starts):
                continue
            # A window around the cue keeps the work per cue bounded in run-on "sentences".
            window = Segment(max(seg.start, c.start - _WINDOW), min(seg.end, c.end + _WINDOW), "")
            a = _candidate(text, window, c)
            if a is not None:
                cands.append(a)
        if not cands:
            continue
        cands.sort(key=lambda a: (-_extent(a) * a.confidence, a.start))
        kept: list[Attribution] = []
        for a in cands:
            if not any(_overlaps(a, k) for k in kept):
                kept.append(a)
        out.extend(sorted(kept, key=lambda a: a.start))
    return out
