"""From accepted cue words to attribution relations: where the source and the content are.

A cue decides nothing by itself about who speaks or what is said; its frame does, and in
news English the frame is one of a handful of shapes, read off the punctuation around it:
- quotation, then cue: ``"...," said X`` / ``"...," X said`` (the source after or between);
- cue, then quotation: ``X said: "..."``;
- ``according to X``, with the content on the other side of the sentence;
- the cue closes the sentence: ``..., X said (on Tuesday).`` / ``..., said X.``, content
  before it;
- otherwise the content follows the cue (``X said (that) ...``, ``X believes ...``,
  ``X called for ...``) up to the sentence end or the next relation in the sentence, and the
  source is the subject before the cue; after a comma, a participle (``..., saying ...``)
  shares the source of the relation before it;
- passives: ``criticized by X`` (X is the source, the subject the content) and ``was
  announced`` / ``is expected`` (no source: the subject is what is reported); hedges such
  as ``reportedly`` have no source either;
- a line opening with a name and a colon (``Bernie Sanders: I'm not ...``).
A cue inside what another cue reports (``X said she believes ...``) is part of that content,
not a relation of its own (PolNeAR, like a reader, counts one attribution there); where two
relations claim the same words, the more probable cue keeps them.
Quotations no cue claims continue the relation before them when they follow it in the same
or the next paragraph (``"...," he said. "..."``), as news copy does; shorter ones in
running text are scare quotes or quoted terms, not attributions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from biaskit.text import Segment

from .attribution import DIRECT, INDIRECT, Attribution
from .cues import BARE, QUOTE, THAT, lexicon_kind
from .phrases import object_end, sentence_subject, source_after, subject_before, trim
from .scan import Scan

__all__ = ["CueHit", "build_attributions"]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


@dataclass(slots=True)
class CueHit:
    """An accepted cue: its character span, head word, probability and why."""

    start: int
    end: int
    head: str
    probability: float
    why: str = ""
    # Set by detectors that find the source themselves ("Name: statement" lines).
    source: tuple[int, int] | None = None


_WORD = re.compile(r"[\w’'\-]+")
_NP_BETWEEN = re.compile(r"^[\s,—–-]*(?P<np>[^\s,.!?;:\"“”«»()][^!?;:\"“”«»\n]{0,80}?)?[\s,]*$")
_CONJUNCTION = frozenset(["and", "but", "or", "while", "as", "so", "because", "then", "yet"])
_ADVERBIAL_START = _set(
    """
    on in at during after before when while this last late earlier later yesterday today
    tonight monday tuesday wednesday thursday friday saturday sunday from to via with as
    for through recently again instead too also then repeatedly privately publicly
    """
)
_PARTICIPLE_TAIL = re.compile(r"\s*,\s*(?:\w+ing|according|as|while|but|and|who|which)\b")
_APPOSITION_TAIL = re.compile(r"\s*,\s*(?:a|an|the|who|whose|his|her|their)\b")
_FINAL_WINDOW = 160
_CONTENT_STRIP = " \t\n\r,;:—–-"
_CONTENT_TAIL = " \t\n\r,;:—–-."
_JOINERS = re.compile(r"(?:[\s,;:—–-]|\b(?:and|but|or|while|as|so|because)\b)*$", re.IGNORECASE)
_ADDRESSEES = _set(
    """
    me him her us them you reporters journalists lawmakers supporters voters listeners
    viewers readers senators delegates students workers members officials colleagues
    audience crowd newspaper paper magazine agency broadcaster channel station committee
    court jury panel
    """
)
_NOT_SUBJECT = frozenset(
    ["in", "to", "of", "for", "with", "about", "on", "at", "by", "from", "into", "over"]
)
_MAX_ORPHAN_GAP = 1  # paragraph breaks allowed between a relation and a quote continuing it
_MIN_ORPHAN_WORDS = 3
_MAX_ORPHAN_DISTANCE = 2000  # characters between a relation and a quotation continuing it


def _nwords(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def _is_final(text: str, pos: int, end: int) -> bool:
    """Nothing but an adverbial, or a trailing participle or apposition, follows ``pos``."""
    if _PARTICIPLE_TAIL.match(text, pos, end) or _APPOSITION_TAIL.match(text, pos, end):
        return True
    if end - pos > _FINAL_WINDOW:
        # A dozen words at most can follow a closing cue; looking no further keeps the
        # cost per cue bounded in run-on text.
        return False
    rest = text[pos:end].strip().rstrip('.!?"”’ ')
    if not rest:
        return True
    words = rest.split()
    if words[0].lower() in _ADVERBIAL_START and len(words) <= 12 and " that " not in rest:
        return _PARTICIPLE_TAIL.search(rest) is not None or not any(c in rest for c in ",;:")
    return False


def _quote_after(s: Scan, pos: int) -> Segment | None:
    """A quotation opening right after ``pos`` (after a colon, comma or nothing)."""
    i = bisect.bisect_left(s.quote_starts, pos)
    if i >= len(s.quotes):
        return None
    q = s.quotes[i]
    if q.start - pos > 60:
        return None
    gap = s.text[pos : q.start]
    if len(gap) <= 4 and not gap.strip(" \t\n:,—–-"):
        return q
    # "wrote of Ms. Merkel: '...'", "said in a statement: '...'"
    stripped = gap.strip()
    if (
        stripped.endswith(":")
        and len(gap) <= 60
        and len(stripped.split()) <= 8
        and not any(c in stripped[:-1] for c in '.!?;:"“”\n')
    ):
        return q
    return None


def _quote_before(s: Scan, pos: int) -> tuple[Segment, str] | None:
    """A quotation closing just before ``pos`` with at most a short noun phrase between."""
    i = bisect.bisect_left(s.quote_starts, pos) - 1
    if i < 0:
        return None
    q = s.quotes[i]
    if q.end > pos:
        return None
    if pos - q.end > 90:
        return None
    between = s.text[q.end : pos]
    if "\n" in between:
        return None
    m = _NP_BETWEEN.match(between)
    if m is None:
        return None
    np = m.group("np") or ""
    words = np.split()
    if len(words) > 10 or (words and words[0].lower() in _CONJUNCTION):
        return None
    return q, np


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _CONTENT_TAIL:
        end -= 1
    return end


def _addressee(obj: str) -> bool:
    words = obj.split()
    return bool(words) and (words[-1][:1].isupper() or words[-1].lower() in _ADDRESSEES)


@dataclass(slots=True)
class _Frame:
    hit: CueHit
    kind: str  # "quote-before", "quote-after", "according", "final", "after"
    source: tuple[int, int] | None
    content: list[tuple[int, int]]
    quote: Segment | None = None
    left: int = 0  # where this relation's text starts (for the content of the one before)


def _left_limit(frames: Sequence[_Frame], sent_start: int) -> int:
    if not frames:
        return sent_start
    last = frames[-1]
    ends = [last.hit.end]
    ends.extend(e for _, e in last.content)
    if last.source is not None:
        ends.append(last.source[1])
    return max(sent_start, *ends)


def _inverts(head: str) -> bool:
    """Whether a cue word may take its source after it ("..., said the minister.")."""
    kind = lexicon_kind(head)
    return kind in (BARE, THAT, QUOTE) and head not in _TELL


_TELL = frozenset(["tell", "tells", "told", "telling"])
_PARTICIPLE_END = ("ed", "en", "wn", "ght", "ade", "aid", "old", "eld", "ound", "ung")


def _frame(s: Scan, hit: CueHit, sent: tuple[int, int], done: Sequence[_Frame]) -> _Frame | None:
    text = s.text
    ss, se = sent
    lo = _left_limit(done, ss)
    if hit.head == ":":
        # "Bernie Sanders: I'm not much of a socialist", "CLINTON: Honestly, ..."
        line_end = text.find("\n", hit.end)
        line_end = len(text) if line_end < 0 else line_end
        a, b = trim(text, hit.end, line_end, _CONTENT_STRIP)
        if _nwords(text, a, b) < 2:
            return None
        return _Frame(hit, "colon", hit.source, [(a, _strip_end(text, a, b))], left=hit.start)
    if hit.head == "according":
        # "According to X, ...": what follows the comma is the content, not an apposition.
        src = source_after(text, hit.end, se, apposition=bool(text[ss : hit.start].strip()))
        if src is None:
            return None
        return _Frame(hit, "according", src, [], left=hit.start)
    before = _quote_before(s, hit.start)
    after = _quote_after(s, hit.end)
    if before is not None and (after is None or not before[1].strip()):
        q, np = before
        if np.strip():
            src = subject_before(text, q.end, hit.start)
            pos = hit.end
            if hit.head in _TELL:  # '"...," Carson tells Breitbart News.'
                pos = object_end(text, pos, se)
            final = _is_final(text, pos, se)
        else:
            # '"...," said X' (an inverted source) or '"...," he said' with nothing after.
            src = _inverted_source(text, hit.end, max(se, hit.end))
            if src is not None and not (_inverts(hit.head) or text[src[0]].isupper()):
                src = None
            final = src is not None or _is_final(text, hit.end, se)
        if final:
            return _Frame(hit, "quote-before", src, [(q.start, q.end)], q, left=q.start)
    if after is not None:
        src = _subject(s, hit, lo, ss, done)
        return _Frame(
            hit, "quote-after", src, [(after.start, after.end)], after, left=_left(text, src, hit)
        )
    if hit.head in _HEDGE_HEADS:
        return _Frame(hit, "hedge", None, [], left=hit.start)
    # Passive: "a practice criticized by Miller", "was echoed by X".
    by = _BY.match(text, hit.end, se)
    if by is not None and hit.head.endswith(_PARTICIPLE_END) and hit.head not in _FEELINGS:
        src = source_after(text, by.end(), se)
        subj = subject_before(text, lo, hit.start)
        if src is not None and subj is not None:
            return _Frame(hit, "passive", src, [subj], left=subj[0])
    if _PASSIVE_CUE.match(text, hit.start, hit.end) and hit.head.endswith(_PARTICIPLE_END):
        # "was announced", "is widely expected": no source; the subject is what is reported.
        subj = subject_before(text, lo, hit.start)
        if subj is not None:
            content = [subj]
            rest = _TO_OR_THAT.match(text, hit.end, se)
            if rest is not None:
                a, b = trim(text, rest.start("c"), se, _CONTENT_STRIP)
                content.append((a, _strip_end(text, a, b)))
            return _Frame(hit, "passive", None, content, left=subj[0])
    pre = text[max(lo, hit.start - 300) : hit.start].rstrip()
    opening = _WORD.search(text, lo, min(hit.start, lo + 40))
    if (
        opening is not None
        and opening.group().lower() in _NOT_SUBJECT
        and _inverts(hit.head)
        and not pre.endswith(",")
    ):
        # "About this in an interview with Tass said the ambassador, Anatoly Antonov."
        src = source_after(text, hit.end, se)
        chunk = subject_before(text, lo, hit.start)
        lead = _WORD.match(text, chunk[0]) if chunk is not None else None
        if (
            src is not None
            and lead is not None
            and lead.group().lower() in _NOT_SUBJECT
            and _is_final(text, src[1], se)
            and (text[src[0]].isupper() or text[src[0] : src[0] + 4].lower() == "the ")
        ):
            return _Frame(hit, "final", src, [], left=hit.start)
    # The cue closes the sentence: "..., X said (on Tuesday)." or "..., said X."
    if pre.endswith(",") and _inverts(hit.head):
        src = _inverted_source(text, hit.end, se)
        if src is not None and _is_final(text, src[1], se):
            before_src = subject_before(text, lo, hit.start)
            if before_src is None or text[before_src[1] - 1] != ",":
                return _Frame(hit, "final", src, [], left=hit.start)
    if _is_final(text, hit.end, se):
        src = subject_before(text, lo, hit.start)
        if src is not None and text[lo : src[0]].rstrip().endswith(","):
            return _Frame(hit, "final", src, [], left=src[0])
    src = _subject(s, hit, lo, ss, done)
    return _Frame(hit, "after", src, [], left=_left(text, src, hit))


_BY = re.compile(r"\s+by\s+")
_PASSIVE_CUE = re.compile(r"(?:is|are|was|were|be|been|being)\s", re.IGNORECASE)
_TO_OR_THAT = re.compile(r"\s+(?P<c>(?:to|that)\s)")
# "said on Facebook on Wednesday that ...": the content starts at "that".
_THAT_AFTER = re.compile(r"(?:\s+[^\s,;:.!?\"“”()]+){0,10}?\s+(?P<that>that)\b")
_COORDINATED = re.compile(
    r"\b(?:and|but|or|then)\s*(?:\w+ly\s+|then\s+|instead\s+|also\s+|later\s+)*$",
    re.IGNORECASE,
)


_FEELINGS = _set(
    """
    outraged angered worried concerned alarmed disappointed frustrated upset surprised
    shocked impressed bothered troubled encouraged pleased delighted dismayed stunned
    offended disturbed heartened saddened incensed infuriated irritated annoyed amused
    """
)
_AUX = _set(
    "will would is was are were has have had not can could should may might must did does do"
)
_NP_OPENERS = _set("the a an his her their its our former then")


def _inverted_source(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase after an inverted cue ("said the minister", "said Mr. Lew"): a name
    or a determiner phrase, never a pronoun or a clause ("said he will not vote")."""
    src = source_after(text, pos, hi)
    if src is None:
        return None
    words = text[src[0] : src[1]].split()
    if not words:
        return None
    first = words[0]
    if first.lower() in _PRONOUN_WORDS:
        return None
    if not (first[:1].isupper() or first.lower() in _NP_OPENERS):
        return None
    if any(w.lower() in _AUX for w in words):
        return None
    return src


_PRONOUN_WORDS = _set("he she they it we i you who this that")


def _subject(
    s: Scan, hit: CueHit, lo: int, ss: int, done: Sequence[_Frame]
) -> tuple[int, int] | None:
    """The source before a cue whose content follows it."""
    text = s.text
    pre = text[max(lo, hit.start - 40) : hit.start]
    shared = hit.head.endswith("ing") and pre.rstrip().endswith(",")
    if shared or _COORDINATED.search(pre) is not None:
        # "..., saying ...", "... and said ...": the subject of the clause before.
        for f in reversed(done):
            if f.source is not None:
                return f.source
        return sentence_subject(text, ss, hit.start)
    src = subject_before(text, lo, hit.start)
    if src is None and done and (done[-1].source is None or done[-1].source[1] < done[-1].left):
        # The relation before (a participle sharing a subject further back) sits in an
        # apposition of this cue's subject: "Chris Christie, hoping to surge in New
        # Hampshire, called ...".
        src = subject_before(text, ss, hit.start)
    if src is not None:
        head = text[src[0] : src[1]].split()[:1]
        if head and head[0].lower() in _NOT_SUBJECT:
            src = None
    return src


_HEDGE_HEADS = frozenset(["reportedly", "allegedly", "purportedly"])


def _left(text: str, src: tuple[int, int] | None, hit: CueHit) -> int:
    """Where a relation's own words start: at its source when the source stands right
    before the cue, else at the cue (a participle shares a subject further back)."""
    near = src is not None and src[1] <= hit.start and hit.start - src[1] <= 40
    if src is not None and near and "," not in text[src[1] : hit.start]:
        return src[0]
    return hit.start


def _final_after_source(text: str, pos: int, end: int) -> bool:
    src = source_after(text, pos, end)
    return src is not None and _is_final(text, src[1], end)


def _cue_end(f: _Frame, sent_start: int) -> int:
    """Where the cue (and a source after it) of a frame ends."""
    end = f.hit.end
    if f.source is not None:
        end = max(end, f.source[1])
    if f.quote is not None:
        end = max(end, f.quote.end)
    return max(sent_start, end)


def _fill_content(s: Scan, frames: list[_Frame], sent: tuple[int, int]) -> None:
    """Content spans of the frames of one sentence, now that all their sources are known."""
    text = s.text
    ss, se = sent
    for k, f in enumerate(frames):
        if f.content:
            continue
        prev_end = ss if k == 0 else _cue_end(frames[k - 1], ss)
        nxt = frames[k + 1].left if k + 1 < len(frames) else se
        if f.kind in ("final", "according-before"):
            end = f.left
            head = text[prev_end:end]
            cut = len(head.rstrip()) if not head.rstrip().endswith(",") else len(head.rstrip()) - 1
            a, b = trim(text, prev_end, prev_end + cut, _CONTENT_STRIP)
            if _nwords(text, a, b) >= 2:
                f.content = [(a, b)]
            continue
        if f.kind == "according":
            a, b = trim(text, prev_end, f.hit.start, _CONTENT_STRIP)
            if _nwords(text, a, b) >= 2:
                f.content = [(a, b)]
            elif f.source is not None:
                a, b = trim(text, f.source[1], nxt, _CONTENT_STRIP)
                b = _strip_end(text, a, b)
                if _nwords(text, a, b) >= 1:
                    f.content = [(a, b)]
            continue
        if f.kind == "hedge":
            parts = []
            a, b = trim(text, prev_end, f.hit.start, _CONTENT_STRIP)
            if a < b:
                parts.append((a, b))
            a, b = trim(text, f.hit.end, nxt, _CONTENT_STRIP)
            b = _strip_end(text, a, b)
            if a < b:
                parts.append((a, b))
            f.content = parts
            continue
        pos = f.hit.end
        that = _THAT_AFTER.match(text, pos, nxt)
        if that is not None:
            pos = that.start("that")
        elif f.hit.head in ("told", "tell", "tells", "telling"):
            obj_end = object_end(text, pos, nxt)
            if _addressee(text[pos:obj_end]):
                pos = obj_end
        if nxt < se:
            # Stop before the joining words that lead into the next relation.
            m = _JOINERS.search(text, max(pos, nxt - 24), nxt)
            end = m.start() if m is not None else nxt
        else:
            end = se
        a, b = trim(text, pos, end, _CONTENT_STRIP)
        b = _strip_end(text, a, b)
        if _nwords(text, a, b) >= 1:
            f.content = [(a, b)]


_CLAUSE_BREAK = re.compile(
    r"[,;:—–()\"“”«»]|\s-\s|\b(?:and|but|or|while|whereas|after|before|when|because|since|"
    r"if|unless|although|though|as)\b"
)


def _nested(text: str, outer: _Frame, hit: CueHit) -> bool:
    """Whether ``hit`` sits inside what the cue before it reports ("X said she believes
    ..."): PolNeAR, like a reader, counts one attribution there, not two."""
    if outer.kind != "after" or hit.start - outer.hit.end > 200:
        return False
    return _CLAUSE_BREAK.search(text, outer.hit.end, hit.start) is None


class _Intervals:
    """Disjoint character ranges, kept sorted, with logarithmic overlap tests."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def build_attributions(s: Scan, hits: Sequence[CueHit]) -> list[Attribution]:
    """Attribution relations for the accepted cues ``hits`` (in text order)."""
    text = s.text
    frames: list[_Frame] = []
    i = 0
    hits = sorted(hits, key=lambda h: h.start)
    while i < len(hits):
        sent = s.sentence(hits[i].start)
        group: list[_Frame] = []
        j = i
        while j < len(hits) and hits[j].start < sent[1]:
            if not (group and _nested(text, group[-1], hits[j])):
                f = _frame(s, hits[j], sent, group)
                if f is not None:
                    group.append(f)
            j += 1
        _fill_content(s, group, sent)
        frames.extend(g for g in group if g.content)
        i = max(j, i + 1)
    atts: list[Attribution] = []
    used = _Intervals()
    # Where two relations claim the same words, the more probable cue keeps them.
    kept = []
    for f in sorted(frames, key=lambda f: -f.hit.probability):
        content = [c for c in f.content if c[0] < c[1]]
        if any(used.overlaps(a, b) for a, b in content):
            continue
        for a, b in content:
            used.add(a, b)
        kept.append(f)
    for f in sorted(kept, key=lambda f: f.hit.start):
        kind = DIRECT if f.quote is not None else INDIRECT
        content = [c for c in f.content if c[0] < c[1]]
        atts.append(
            Attribution(
                kind,
                content,
                cue=(f.hit.start, f.hit.end),
                cue_lemma=text[f.hit.start : f.hit.end].lower(),
                source=f.source,
                confidence=round(f.hit.probability, 3),
                why=f.hit.why,
            )
        )
    _attach_quotes(s, atts)
    return atts


def _attach_quotes(s: Scan, atts: list[Attribution]) -> None:
    """Quotations no relation claims continue the relation before them, when that relation
    ends in the same paragraph or the one before and it is not a scare quote."""
    if not s.quotes or not atts:
        return
    text = s.text
    taken = sorted(c for a in atts for c in a.content)
    t_starts = [c[0] for c in taken]
    ends = sorted((a.end, k) for k, a in enumerate(atts))
    end_pos = [e for e, _ in ends]
    for q in s.quotes:
        i = bisect.bisect_right(t_starts, q.start) - 1
        if i >= 0 and taken[i][1] > q.start:
            continue
        if i + 1 < len(taken) and taken[i + 1][0] < q.end:
            continue
        n = _nwords(text, q.start, q.end)
        k = bisect.bisect_right(end_pos, q.start) - 1
        if k < 0 or n < _MIN_ORPHAN_WORDS:
            continue
        a = atts[ends[k][1]]
        if q.start - a.end > _MAX_ORPHAN_DISTANCE:
            continue
        gap = text[a.end : q.start]
        breaks = gap.count("\n\n") if "\n\n" in gap else gap.count("\n")
        if breaks > _MAX_ORPHAN_GAP:
            continue
        if any(ch in gap for ch in '“”"«»'):
            continue
        if a.kind != DIRECT and n < 5:
            continue
        a.content.append((q.start, q.end))
        a.content.sort()
