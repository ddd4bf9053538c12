"""From accepted cue words to attribution relations: where the source and the content are.

A cue decides nothing by itself about who speaks or what is said; its frame does, and in
news English the frame is one of a handful of shapes, read off the punctuation around it:
- quotation, then cue: ``"...," said X`` / ``"...," X said`` (the source after or between);
  a quotation closing on a comma hands the sentence to the tag, so adverbials after the cue
  (``when asked ...``, ``of the plan``) are not content; when the quotation does not open
  the sentence, the content runs from the sentence start to its end;
- cue, then quotation: ``X said: "..."``;
- ``according to X``, with the content on the other side of the sentence;
- the cue closes the sentence: ``..., X said (on Tuesday).`` / ``..., said X, who ...``,
  content before it; so does a comment clause (``..., as X reported.``); an apposition or
  relative clause closing the sentence after such a source is part of it (``..., said Dan
  Gerstein, director of Gotham Ghostwriters.``, ``..., said a Mexican official who was not
  authorized to speak.``), unless a relation of its own sits in it;
- a speaker tag inside the statement (``The bridge, X said, is safe.``): content on both
  sides;
- otherwise the content follows the cue (``X said (that) ...``, ``X believes ...``,
  ``X called for ...``) up to the sentence end or the next relation in the sentence, and the
  source is the subject before the cue; after a comma, a participle (``..., saying ...``)
  shares the source of the relation before it; a trailing participle clause (``...,
  prompting protests``) ends the content; an object relative (``which X denies``) reports
  its pronoun;
- passives: ``criticized by X`` / ``the law, opposed by X,`` (X is the source, the noun
  phrase the content) and ``was announced`` / ``is widely expected`` / ``had been
  expected`` (no source: the subject is what is reported); hedges such as ``reportedly``
  have no source either, nor have raising verbs (``Trump seems to ...``, ``it appears
  that ...``: the writer's reading, without a source in four PolNeAR train relations in
  five);
- a line opening with a name and a colon (``Bernie Sanders: I'm not ...``), unless what
  follows is a roster of names;
- a sentence opening with a poll (``In a CNN/ORC poll released Monday, 31% of ...``): the
  poll is the source, what follows the comma the content, as after ``according to``.
A cue inside what another cue reports (``X said she believes ...``) is part of that content,
not a relation of its own (PolNeAR, like a reader, counts one attribution there); a relation
inside the subject of the next (``Mr. Trump, who said last week that ..., issued ...``) ends
with that subject; where two relations claim the same words, the more probable cue keeps
them.
Quotations no cue claims continue the quotation relation before them when they follow it in
the same or the next paragraph (``"...," he said. "..."``), as news copy does; shorter ones
in running text are scare quotes or quoted terms, not attributions.
"""

from __future__ import annotations

import bisect
import re
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter

from biaskit.text import Segment

from .attribution import DIRECT, INDIRECT, Attribution
from .cues import BARE, QUOTE, THAT, lexicon_kind
from .phrases import (
    DAYS,
    MONTHS,
    RELATIVE_WORDS,
    TIME_NAMES,
    WEEKDAYS,
    ly_adverb,
    object_end,
    sentence_subject,
    source_after,
    source_before,
    subject_before,
    tidy_source,
    trim,
)
from .scan import Scan

__all__ = ["ACCORDING", "POLL", "CueHit", "build_attributions"]

# Cue heads whose source follows them and whose content is the rest of the sentence.
ACCORDING = "according"
POLL = "in"  # "In a new poll, ..." (set by the scorer, not the cue model)


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
    # Writes ``why`` on demand: most accepted cues never become a relation, and spelling
    # out a model's reasons for every one of them is a good share of the scoring time.
    reason: Callable[[], str] | None = None

    def explanation(self) -> str:
        """Why the cue was accepted, in words."""
        if not self.why and self.reason is not None:
            self.why = self.reason()
        return self.why


_WORD = re.compile(r"[\w’'\-]+")
_LETTER = re.compile(r"[^\W\d_]")
_NP_BETWEEN = re.compile(r"^[\s,—–-]*(?P<np>[^\s,.!?;:\"“”«»()][^!?;:\"“”«»\n]{0,160}?)?[\s,]*$")
_CONJUNCTION = frozenset(["and", "but", "or", "while", "as", "so", "because", "then", "yet"])
_ADVERBIAL_START = _set(
    """
    on in at during after before when while this last late earlier later yesterday today
    tonight monday tuesday wednesday thursday friday saturday sunday from to via with as
    for through recently again instead too also then repeatedly privately publicly of
    """
)
_PARTICIPLE_TAIL = re.compile(r"\s*,\s*(?:\w+ing|according|as|while|but|and|who|which)\b")
_APPOSITION_TAIL = re.compile(
    r"\s*,\s*(?:a|an|the|who|whose|his|her|their|its|our|another|one|former)\b"
)
_FINAL_WINDOW = 160
_FINAL_WORDS = 12
# "a few days later", "two weeks ago": a time adverbial that opens with a determiner.
_TIME_AGO = re.compile(
    r"(?:a|an|one|two|three|four|five|six|several|a\s+few|a\s+couple\s+of)\s+"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+(?:later|ago|earlier|before)\b",
    re.IGNORECASE,
)
_CONTENT_STRIP = " \t\n\r,;:—–-"
_CONTENT_TAIL = " \t\n\r,;:—–-."
_JOINERS = re.compile(
    r"(?:[\s,;:—–-]|\b(?:and|but|or|while|as|so|because|with)\b)*$", re.IGNORECASE
)
_ADDRESSEES = _set(
    """
    me him her us them you reporters journalists lawmakers supporters voters listeners
    viewers readers senators delegates students workers members officials colleagues
    audience crowd newspaper paper magazine agency broadcaster channel station committee
    court jury panel
    """
)
# Prepositions: never a subject's head; the last six open a participle's clause
# ("Besides attacking X, Trump said").
_NOT_SUBJECT = _set(
    "in to of for with about on at by from into over besides despite without upon instead unlike"
)
_MAX_ORPHAN_GAP = 1  # paragraph breaks allowed between a relation and a quote continuing it
_MIN_ORPHAN_WORDS = 3
_MAX_ORPHAN_DISTANCE = 2000  # characters between a relation and a quotation continuing it


def _has_words(text: str, start: int, end: int, k: int, *, letters: bool = False) -> bool:
    """Whether ``text[start:end]`` holds at least ``k`` words (``len(_WORD.findall(text,
    start, end)) >= k``), reading no further than the ``k``-th: every use compares a count
    with a small number, and contents run to dozens of words.

    ``letters``: count only words with a letter in them (what a statement after "Name:"
    must have two of, where a tally, "Clinton: 1,769.", has none). Each word is tested on
    its own, in linear time; one pattern for "a word with a letter" backtracked over a long
    run of digits from every position of it."""
    if k <= 0:
        return True
    for m in _WORD.finditer(text, start, end):
        if letters and _LETTER.search(m.group()) is None:
            continue
        k -= 1
        if k == 0:
            return True
    return False


def _is_final(text: str, pos: int, end: int) -> bool:
    """Nothing but an adverbial, or a trailing participle or apposition, follows ``pos``."""
    # Both tails open with a comma after optional white space: look for it first.
    j = pos
    while j < end and text[j].isspace():
        j += 1
    if (
        j < end
        and text[j] == ","
        and (_PARTICIPLE_TAIL.match(text, pos, end) or _APPOSITION_TAIL.match(text, pos, end))
    ):
        return True
    if end - pos > _FINAL_WINDOW:
        # A dozen words at most can follow a closing cue; looking no further keeps the
        # cost per cue bounded in run-on text.
        return False
    rest = text[pos:end].strip().rstrip('.!?"”’ ').lstrip(", ")
    # Only the first word and whether there are more than a dozen are read.
    words = rest.split(None, _FINAL_WORDS)
    if not words:  # nothing but punctuation and white space ("said, \t.") follows the cue
        return True
    adverbial = words[0].lower() in _ADVERBIAL_START or _TIME_AGO.match(rest) is not None
    # An auxiliary makes the words a clause ("... from those seeking it was akin to ..."),
    # not an adverbial.
    if (
        adverbial
        and len(words) <= _FINAL_WORDS
        and " that " not in rest
        and not _has_aux(rest)
        and _SUBJECT_PRONOUNS.isdisjoint(rest.lower().split())  # "said Wednesday he agrees"
    ):
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
    # "wrote of Ms. Merkel: '...'", "said in a statement: '...'"; not "said, adding: '...'"
    # nor "reacted to the news, saying: '...'", where a clause of its own opens after the
    # comma (and the participle takes the quotation).
    stripped = gap.strip()
    if (
        stripped.endswith(":")
        and not stripped.startswith(",")
        and _PARTICIPLE_TAIL.search(gap) is None
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
    if pos - q.end > _LONG_NP_CHARS:
        return None
    between = s.text[q.end : pos]
    if "\n" in between:
        return None
    m = _NP_BETWEEN.match(between)
    if m is None:
        return None
    np = m.group("np") or ""
    words = np.split()
    if words and words[0].lower() in _CONJUNCTION:
        return None
    # A name with an apposition may run longer: '"...," Fred Kagan, director of the
    # Critical Threats Project at the American Enterprise Institute, said'.
    named = bool(words) and words[0][:1].isupper() and "," in np
    if len(words) > (_LONG_NP_WORDS if named else 10) or (not named and pos - q.end > 90):
        return None
    return q, np


_LONG_NP_CHARS = 160
_LONG_NP_WORDS = 24


def _hands_over(s: Scan, q: Segment) -> bool:
    """Whether a quotation that opens its sentence closes on a comma, question or
    exclamation mark ('"...," Cole said when asked ...'): news style then hands the
    sentence over to the speaker tag, so the quotation is what was said whatever
    adverbials follow the cue ("when asked", "of the plan", "during a debate"). A quoted
    word or title inside a clause ('known as "Guccifer," stated') is not a statement."""
    return _opens_sentence(s, q) and _closes_clause(s.text, q)


def _opens_sentence(s: Scan, q: Segment) -> bool:
    sent_start = s.sentence(q.start)[0]
    return not s.text[sent_start : q.start].strip(_OPENERS)


def _closes_clause(text: str, q: Segment) -> bool:
    """Whether a quotation of a few words at least ends on a comma, "?" or "!"."""
    if not _has_words(text, q.start, q.end, _MIN_HANDOVER_WORDS):
        return False
    inside = text[max(q.start, q.end - 3) : q.end].rstrip(_CLOSING_MARKS)
    return inside[-1:] in (",", "?", "!") or text[q.end : q.end + 1] == ","


_MIN_HANDOVER_WORDS = 3


def _one_sentence(s: Scan, start: int, end: int) -> bool:
    """Whether no sentence starts between ``start`` and ``end``, but for one right after a
    quotation closing on "?" or "!" ('"Are we ready?" Cole asked.')."""
    i = bisect.bisect_right(s.sent_starts, start)
    while i < len(s.sent_starts) and s.sent_starts[i] < end:
        if s.text[start : s.sent_starts[i]].strip():
            return False
        i += 1
    return True


_OPENERS = " \t\n\r—–-(["
_CLOSING_MARKS = "\"”’'»"


def _name_list(line: str) -> bool:
    """Whether a line is a list of names ("Iowa: Tim Albrecht, Brad Anderson, ..."): a
    roster or a credit line after a label, not a statement."""
    items = line.split(",")
    if len(items) < _MIN_LIST_ITEMS:
        return False
    names = sum(1 for item in items if item.strip()[:1].isupper() and len(item.split()) <= 3)
    return names >= 0.7 * len(items)


_MIN_LIST_ITEMS = 3


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
# Verbs that take the person addressed before what they report: "warned Democrats that".
_ADDRESSEE_VERBS = _set(
    """
    warned warns warning reminded reminds reminding assured assures assuring informed
    informs notified advised promised promises convinced persuaded
    """
)
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
        if not _has_words(text, a, b, 2, letters=True) or _name_list(text[a:b]):
            return None
        return _Frame(hit, "colon", hit.source, [(a, _strip_end(text, a, b))], left=hit.start)
    if hit.head in (ACCORDING, POLL):
        # "According to X, ...", "In a CNN poll, ...": what follows the comma is the content,
        # not an apposition.
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
        handover = _one_sentence(s, q.end, hit.start) and not any(
            f.quote is not None and f.quote.start == q.start for f in done[-2:]
        )
        if (
            handover
            and src is not None
            and np.strip()
            and q.start > ss
            and _closes_clause(text, q)
            and not _opens_sentence(s, q)
        ):
            # 'The plan would "end health care as we know it," Cole said in an interview':
            # what was said runs from the sentence start to the end of the quotation.
            return _Frame(hit, "final", src, [], left=src[0])
        if final or (handover and _hands_over(s, q)):
            return _Frame(hit, "quote-before", src, [(q.start, q.end)], q, left=q.start)
    if after is not None:
        src = _subject(s, hit, lo, ss, done)
        return _Frame(
            hit,
            "quote-after",
            src,
            [(after.start, after.end)],
            after,
            left=_left(text, src, hit, done),
        )
    if hit.head in _HEDGE_HEADS:
        return _Frame(hit, "hedge", None, [], left=hit.start)
    if hit.head in _FROM_NOUNS:
        # "Trump has faced criticism from rivals that ...": the noun's source follows it.
        by = _FROM.match(text, hit.end, se)
        src = source_after(text, by.end(), se) if by is not None else None
        if src is not None:
            return _Frame(hit, "after", src, [], left=hit.start)
    # Only a participle ("criticized", "said") can be passive: the head is tested before
    # the searches for "by" and an auxiliary, which most other cues would pay for nothing.
    participle = hit.head.endswith(_PARTICIPLE_END)
    if participle and hit.head not in _FEELINGS:
        # Passive: "a practice criticized by Miller", "was echoed by X".
        by = _BY.match(text, hit.end, se)
        if by is not None:
            src = source_after(text, by.end(), se)
            subj = _passive_subject(text, lo, hit.start)
            if src is not None and subj is not None:
                return _Frame(hit, "passive", src, [subj], left=subj[0])
    if participle and hit.head not in _STANCES:
        aux = _passive_before(text, max(lo, hit.start - 40), hit.start)
        passive = (
            text[hit.start : hit.start + 1] in _PASSIVE_FIRST
            and _PASSIVE_CUE.match(text, hit.start, hit.end)
        ) or aux
        if passive:
            # "was announced", "is widely expected": no source; the subject is what is
            # reported.
            subj = subject_before(text, lo, hit.start if aux is None else aux.start())
            if subj is not None:
                content = [subj]
                rest = _TO_OR_THAT.match(text, hit.end, se)
                if rest is not None:
                    a, b = trim(text, rest.start("c"), se, _CONTENT_STRIP)
                    content.append((a, _strip_end(text, a, b)))
                # "He was recommended for the job by Roger Stone": the agent a few words
                # on, in the same clause, is the source.
                by = _LATER_BY.match(text, hit.end, min(se, hit.end + _MAX_BY_GAP))
                src = source_after(text, by.end(), se) if by is not None else None
                return _Frame(hit, "passive", src, content, left=subj[0])
    pre = text[max(lo, hit.start - 300) : hit.start].rstrip()
    # The opening word is searched for only when the cheap tests of this case pass.
    opening = (
        _WORD.search(text, lo, min(hit.start, lo + 40))
        if _inverts(hit.head) and not pre.endswith(",")
        else None
    )
    if opening is not None and opening.group().lower() in _NOT_SUBJECT:
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
        # "..., said Dan Gerstein, director of ...": a source with an apposition or relative
        # clause closing the sentence closes it too, unless the cue has a subject before it
        # ("X, an aide, said their plans, already ..., would ...").
        tail = src is not None and _with_tail(text, src, se) != src
        if src is not None and (tail or _is_final(text, src[1], se)):
            before_src = subject_before(text, lo, hit.start)
            if (
                before_src is None
                or text[before_src[1] - 1] != ","
                or (not tail and _names(text, src))
                or _clause(text[before_src[0] : before_src[1]])
            ):
                return _Frame(hit, "final", src, [], left=hit.start)
    paren = _parenthetical(text, hit, lo, se)
    if paren is not None:
        return _Frame(hit, "parenthetical", paren, [], left=paren[0])
    if _is_final(text, hit.end, se) or (
        hit.head in _TELL and _is_final(text, object_end(text, hit.end, se), se)
    ):
        src = subject_before(text, lo, hit.start)
        if src is not None and text[lo : src[0]].rstrip().endswith(","):
            return _Frame(hit, "final", src, [], left=src[0])
        as_clause = _AS_LEAD.search(text, max(lo, src[0] - 8), src[0]) if src else None
        # "..., as Breitbart reported a few days later.": a comment clause; what was
        # reported is the clause it is attached to.
        if (
            src is not None
            and as_clause is not None
            and text[lo : as_clause.start()].rstrip().endswith((",", "—", "–", "-"))
        ):
            return _Frame(hit, "final", src, [], left=as_clause.start())
    opening = _opening_participle(s, hit, ss)
    if opening is not None:
        return opening
    src = _subject(s, hit, lo, ss, done)
    if hit.head in _RAISING:
        # "Trump seems to understand ...", "it appears that ...": the writer's reading of
        # the subject, not something the subject says; PolNeAR marks no source (four times
        # in five in train).
        return _Frame(hit, "after", None, [], left=_left(text, src, hit, done))
    rel = _object_relative(text, src, hit, se)
    if rel is not None:
        pronoun, src = rel
        return _Frame(hit, "relative", src, [pronoun], left=pronoun[0])
    return _Frame(hit, "after", src, [], left=_left(text, src, hit, done))


_RAISING = _set("seem seems seemed appear appears appeared")
_OBJECT_RELATIVE = re.compile(r"\b(?:which|what)\s+", re.IGNORECASE)
_NO_OBJECT = re.compile(r"\s*(?:[,.;:)\]—–]|$|(?P<w>[A-Za-z]+)\b)")
_CLAUSE_OPENERS = _set("as when before after because while since until though although if")
_MAX_RELATIVE_SOURCE_WORDS = 6


def _object_relative(
    text: str, src: tuple[int, int] | None, hit: CueHit, end: int
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The relative pronoun a cue reports, and the source after it, when the cue has no
    object of its own ("the claims, which Mr. Ailes denies, ...", "what she told NBC News
    before ..."): what was said is the pronoun's antecedent, not the words after the cue."""
    if src is None or src[1] > hit.start:
        return None
    last = None
    # Both pronouns hold "wh" (no other letter matches w or h in a case-blind search).
    if "wh" in text[max(0, src[0] - 8) : src[1]].lower():
        found = deque(_OBJECT_RELATIVE.finditer(text, max(0, src[0] - 8), src[1]), maxlen=1)
        last = found[0] if found else None
    if last is None or _has_words(text, last.end(), src[1], _MAX_RELATIVE_SOURCE_WORDS + 1):
        return None
    pos = object_end(text, hit.end, end) if hit.head in _TELL else hit.end
    after = _NO_OBJECT.match(text, pos, end)
    if after is None:
        return None
    word = after.group("w")
    if word is not None and word.lower() not in _ADVERBIAL_START | _CLAUSE_OPENERS:
        return None
    pronoun = (last.start(), last.start() + len(last.group().rstrip()))
    return pronoun, (last.end(), src[1])


_PAREN_CLOSE = re.compile(r"[^\S\n]*,[^\S\n]*")
# "But, Cole added, ...": a conjunction before the tag links sentences; it is not said.
_LEADING_JOINERS = _CONJUNCTION | _set("however also still and so")
_NOT_CONTINUATION = _set("and but or who which whose according as while adding saying")


def _parenthetical(text: str, hit: CueHit, lo: int, end: int) -> tuple[int, int] | None:
    """The source of a speaker tag set off by commas inside the statement ("The bridge,
    Cole said, is safe."): what was said is on both sides of it."""
    close = _PAREN_CLOSE.match(text, hit.end, end)
    if close is None:
        return None
    nxt = _WORD.match(text, close.end(), end)
    if nxt is None or nxt.group().lower() in _NOT_CONTINUATION or nxt.group().endswith("ing"):
        return None
    if not _has_words(text, close.end(), min(end, close.end() + 40), 2):
        return None
    src = subject_before(text, lo, hit.start)
    if src is None or not text[lo : src[0]].rstrip().endswith(","):
        return None
    return src


_BY = re.compile(r"\s+by\s+")
_FROM = re.compile(r"\s+from\s+")
_SUBORDINATE_LEAD = re.compile(
    r"[\s\"“]*(?:Ever since|Even as|Even though|As|When|While|Since|After|Before|If|Although|"
    r"Though|Because|Once|Until|Unless)\s"
)
# Nouns whose source follows them after "from": "criticism from rivals", "praise from".
_FROM_NOUNS = _set(
    """
    criticism criticisms praise opposition support backing endorsement endorsements
    pressure complaints complaint calls warnings warning condemnation pushback objections
    questions demands applause attacks rebuke rebukes blowback backlash scrutiny
    """
)
_LATER_BY = re.compile(
    r"[^,.;:!?\"“”()\n]*?\sby\s+(?!(?:e-?mail|phone|telephone|mail|fax|text|letter|video|"
    r"satellite|hand|default|far|then|now|law)\b)(?=[A-Za-z])"
)
_MAX_BY_GAP = 60
_AS_LEAD = re.compile(r"\bas\s+$")
_PASSIVE_CUE = re.compile(
    r"(?:(?:has|have|had|will|would|could|can|may|might|must|should|not)\s+)*"
    r"(?:is|are|was|were|be|been|being)\s",
    re.IGNORECASE,
)
# The letters those auxiliaries open with, as a case-blind match reads them.
_PASSIVE_FIRST = frozenset("iIaAwWbBhHcCmMsSnN\u0130\u0131\u017f")
# "are typically reported", "was widely expected": an adverb between auxiliary and cue.
_PASSIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+){1,2}$", re.IGNORECASE
)


def _passive_before(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_PASSIVE_BEFORE.search(text, start, end)``, tried only when the stretch ends in
    "ly" and white space, as a match must (no letter but L and Y matches l and y in a
    case-blind search): most cues have no such adverb before them."""
    j = end
    while j > start and text[j - 1].isspace():
        j -= 1
    if j == end or text[max(0, j - 2) : j].lower() != "ly":
        return None
    return _PASSIVE_BEFORE.search(text, start, end)


def _coordinated(pre: str) -> bool:
    """Whether ``_COORDINATED`` finds a conjunction ending ``pre``; the search is tried
    only when one of its conjunctions occurs at all (none of their letters has a case-blind
    match but its own two cases)."""
    low = pre.lower()
    if "and" not in low and "but" not in low and "or" not in low and "then" not in low:
        return False
    return _COORDINATED.search(pre) is not None


def _passive_subject(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """What a passive cue reports: its subject ("the plan was criticized by X"), or the
    noun phrase a reduced relative after a comma modifies ("the law, opposed by X,")."""
    head = text[lo:cue_start].rstrip()
    if head.endswith(","):
        return source_before(text, lo, lo + len(head) - 1)
    return subject_before(text, lo, cue_start)


_TO_OR_THAT = re.compile(r"\s+(?P<c>(?:to|that)\s)")
# "said Wednesday she agrees", "said on Tuesday night it was": when it was said, which
# the content leaves out.
_WHEN_AFTER = re.compile(
    r"\s+(?:on\s+)?(?:" + DAYS + r"|yesterday|today)"
    r"(?:\s+(?:morning|afternoon|evening|night))?,?(?=\s+\w)"
)
# "said on Facebook on Wednesday that ...": the content starts at "that".
_THAT_AFTER = re.compile(r"(?:\s+[^\s,;:.!?\"“”()]+){0,10}?\s+(?P<that>that)\b")
_ADJUNCT_OPENERS = _set(
    """
    in on at to of for during after before about with from over through via last this
    earlier later again repeatedly yesterday today tonight once twice also then now
    recently previously privately publicly
    """
)


def _adjunct_before_that(text: str, start: int, that: int) -> bool:
    """Whether the words between a cue and a following "that" can be an adjunct of the cue
    ("said on Facebook on Wednesday that", "argued repeatedly that"), so that "that" opens
    what was said."""
    m = _WORD.search(text, start, that)
    if m is None:
        return True
    w = m.group()
    return w in TIME_NAMES or w.lower() in _ADJUNCT_OPENERS or ly_adverb(w)


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
# Participles that after "is"/"are" are a stance of the subject, not a passive: "Some
# backers are concerned that ...", "he is convinced that ...". (With "by" after them some
# are true passives, "a plan opposed by Miller", so the "by" test reads ``_FEELINGS``.)
_STANCES = _FEELINGS | _set(
    """
    convinced unconvinced determined committed opposed inclined prepared satisfied
    dissatisfied interested excited thrilled horrified appalled baffled puzzled confused
    relieved embarrassed insulted unimpressed undeterred unconcerned perplexed intrigued
    scared terrified enraged resigned
    """
)


_SUBJECT_PRONOUNS = _set("he she they we i")
_WHEN_WORDS = frozenset(day.lower() for day in WEEKDAYS) | _set("yesterday today tonight")


def _clause(words: str) -> bool:
    """Whether the words before a cue are a clause ("He also had a voice in ..., said X"),
    not a subject with an apposition ("X, an aide, said ...")."""
    first, _, rest = words.partition(" ")
    return _has_aux(words) or (first.lower() in _SUBJECT_PRONOUNS and bool(rest.strip()))


def _has_aux(words: str) -> bool:
    return not _AUX.isdisjoint(words.lower().split())


_AUX = _set(
    "will would is was are were has have had not can could should may might must did does do "
    "been being"
)
_NP_OPENERS = _set("the a an his her their its our former then several some many one two another")


def _inverted_source(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase after an inverted cue ("said the minister", "said Mr. Lew"): a name
    or a determiner phrase, never a pronoun or a clause ("said he will not vote")."""
    src = source_after(text, pos, hi, relative=True)
    if src is None:
        return None
    words = text[src[0] : src[1]].split()
    if not words:
        return None
    first = words[0]
    if first.lower() in _PRONOUN_WORDS or first.lower() in _NOT_SUBJECT:  # "said of Cruz"
        return None
    if (
        first.lower() in _WHEN_WORDS
        or first.lower() in _MONTHS
        or not _SUBJECT_PRONOUNS.isdisjoint(w.lower() for w in words)
    ):
        # "said Wednesday he agrees ...": a time and a clause, not who spoke.
        return None
    if not (
        first[:1].isupper()
        or first.lower() in _NP_OPENERS
        or any(w[:1].isupper() for w in words[1:])  # "said election lawyer Joe Birk"
    ):
        return None
    if any(w.lower() in _AUX for w in words):
        return None
    # "said Obama failed to ...": a past tense right after the name makes it a clause.
    k = next((i for i, w in enumerate(words) if not w[:1].isupper()), len(words))
    if 0 < k < len(words) and words[k].endswith("ed") and words[k].isalpha():
        return None
    return src


# What may follow an inverted source to the end of its sentence and belong to it: a
# relative clause ("said a Mexican official who was not authorized to speak") or, after a
# comma, an apposition ("said Dan Gerstein, director of Gotham Ghostwriters"); not a
# participle or adverbial clause (", adding that ...", ", referring to ...", ", on Tuesday").
_SOURCE_TAIL = re.compile(
    r"\s*(?:,?\s*(?:who|whose|which)\b|,\s*(?!(?:and|but|or|according|as|while|when|"
    r"because|after|before|in|on|at|during|\w+ing)\b)[^\s,])",
    re.IGNORECASE,
)
_MAX_TAIL = 200
_TAIL_END = " \t\n\r.!?" + "\"”’'»"


def _with_tail(text: str, src: tuple[int, int], hi: int) -> tuple[int, int]:
    """``src`` extended over an apposition or relative clause that runs from it to the end
    of the sentence (``hi``) without a quotation mark, or ``src`` itself: news copy closes
    "..., said NAME, TITLE." and "..., said a former official who ...", and the whole
    phrase names the source."""
    end = src[1]
    if _SOURCE_TAIL.match(text, end, hi) is None:
        return src
    stop = hi
    while stop > end and text[stop - 1] in _TAIL_END:
        stop -= 1
    if stop - end > _MAX_TAIL:
        return src
    tail = text[end:stop]
    if any(c in tail for c in '"“”«»;:()\n'):
        return src
    # An apposition has no verb of its own: ", Priorities USA Action, may start ..." goes on
    # with the sentence.
    words = _WORD.findall(tail)
    rel = next((k for k, w in enumerate(words) if w.lower() in RELATIVE_WORDS), len(words))
    if any(w.lower() in _AUX or w.lower().endswith("n't") for w in words[:rel]):
        return src
    return src[0], stop


def _names(text: str, src: tuple[int, int]) -> bool:
    """Whether an inverted source names someone rather than a time ("said Tuesday"): only
    then does "X, an aide, said NAME." close the sentence on the source."""
    word = text[src[0] : src[1]].split(None, 1)[0]
    first = word.lower()
    # A name opens with a capital and is no possessive: "said contractors built ..." and
    # "said Clinton's acceptance of donations ... was" open clauses of their own.
    if not word[:1].isupper() or first.endswith(("’s", "'s")):
        return False
    return first not in _ADVERBIAL_START and first not in _MONTHS


_MONTHS = frozenset(month.lower() for month in MONTHS)
_PRONOUN_WORDS = _set("he she they it we i you who this that")


def _subject(
    s: Scan, hit: CueHit, lo: int, ss: int, done: Sequence[_Frame]
) -> tuple[int, int] | None:
    """The source before a cue whose content follows it."""
    text = s.text
    if hit.head.endswith("ing"):
        # "..., with officials saying ...": the participle's own subject, after "with".
        absolute = _WITH_SUBJECT.search(text, max(lo, hit.start - 100), hit.start)
        if absolute is not None:
            return absolute.span("np")
    pre = text[max(lo, hit.start - 40) : hit.start]
    # "..., saying", "..., quickly adding", "... ,” claiming", "..., while stressing", "...
    # – saying": a participle after a comma or a dash (and adverbs or a subordinator).
    shared = hit.head.endswith("ing") and (
        _ADVERBS_END.sub("", pre).endswith(_SHARED_SUBJECT_ENDS)
        # "he is facing skepticism after saying ...": the participle after a subordinator
        # has the clause's subject.
        or pre.rstrip().endswith(_SUBORDINATE_ENDS)
    )
    if shared or _coordinated(pre):
        # "..., saying ...", "... and said ...": the subject of the clause before; not that
        # of a subordinate clause opening the sentence ("Ever since she endorsed X, Ms.
        # Warren has been a surrogate, attacking Y": Ms. Warren attacks).
        main = ss
        lead = _SUBORDINATE_LEAD.match(text, ss, hit.start)
        if lead is not None:
            comma = text.find(",", lead.end(), hit.start)
            main = comma + 1 if comma > 0 else ss
        for f in reversed(done):
            if f.source is not None and f.hit.start >= main:
                return f.source
        return sentence_subject(text, main, hit.start)
    src = subject_before(text, lo, hit.start)
    if src is not None and text.find("hat ", src[0], src[1]) >= 0:
        what = _WHAT.search(text, src[0], src[1])
        if what is not None and what.end() < src[1]:
            # "in what officials called a hate crime": the subject of the free relative.
            src = what.end(), src[1]
    owner = _possessor(text, src)
    if owner is not None:
        # "his insistence that ...", "it was Trump's suggestion that ...": a noun cue's
        # possessor is its source, whatever stands before it.
        return owner
    if _noun_cue(text, src) or _expletive(text, src):
        # "the question becomes ...", "a concern for ...": the cue is a noun and nobody
        # owns it; PolNeAR most often marks such an attribution with no source.
        return None
    if src is None and done and _in_apposition(text, done[-1]):
        # The relation before (a participle sharing a subject further back, or a relative
        # clause) sits in an apposition of this cue's subject: "Chris Christie, hoping to
        # surge in New Hampshire, called ...", "Burr, who has embraced Trump, said ...".
        src = subject_before(text, ss, hit.start)
    if src is None and done and _source_after_cue(text, done[-1], hit):
        # "Conceding that ..., he warned": the source of the opening participle, after it,
        # is the subject of this cue.
        src = done[-1].source
    if src is not None:
        head = text[src[0] : src[1]].split(None, 2)[:2]
        if head and head[0].lower() in _NOT_SUBJECT:
            src = _after_adverbial(text, src)
        elif head and (_predicate_word(head[0], head[1:]) or ly_adverb(text[src[0] : src[1]])):
            # "who has in the past described", "..., and has spoken out in favor of",
            # "..., confidently stated": the words before the cue are the rest of a
            # predicate, not its subject.
            rel = _RELATIVE_BEFORE.search(text, max(lo, src[0] - 8), src[0])
            if rel is not None:
                return rel.start("w"), rel.end("w")
            return sentence_subject(text, ss, src[0])
    return src


_QUANTITY = re.compile(
    r"(?i:about|around|nearly|almost|over|roughly|some|at\s+least|more\s+than|fewer\s+than|"
    r"less\s+than|up\s+to)\s+(?:\d|half\b|a\s+(?:third|quarter|dozen|handful|few)\b|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\b)"
)


_TIME_LEAD = re.compile(
    r"(?i:on|in|by|at|during|since|until|last|this|early|late)\s+"
    r"(?:" + "|".join(sorted(TIME_NAMES)) + r"|\d{4}|week|month|year)"
    r"(?:\s+\d{1,2}(?:,\s*\d{4})?)?(?:\s+(?:morning|afternoon|evening|night))?,?\s+"
    r"(?=(?:[Tt]he|[Aa]n?|[A-Z])\b|[A-Z])"
)


def _after_adverbial(text: str, src: tuple[int, int]) -> tuple[int, int] | None:
    """What of a subject chunk that opens with a preposition is still a subject: a
    quantity ("About half of the voters said") or a pronoun after an adverbial with no
    comma ("On Monday he said"); else nothing."""
    if _QUANTITY.match(text, src[0], src[1]):
        return src
    when = _TIME_LEAD.match(text, src[0], src[1])
    if when is not None:
        # "By Sunday the campaign said", "On Monday Trump said": the subject after the time.
        return when.end(), src[1]
    last = text.rfind(" ", src[0], src[1])
    if last > 0 and text[last + 1 : src[1]].lower() in _SUBJECT_PRONOUNS:
        return last + 1, src[1]
    return None


_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")
_WHAT = re.compile(r"\b[Ww]hat\s+")
_OWNER = re.compile(r"(?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w.’'\-]*(?:'s|’s|s'|s’)$")


def _possessor(text: str, src: tuple[int, int] | None) -> tuple[int, int] | None:
    """The possessive that ends the words before a cue, when more words stand before it:
    the cue is then a noun and the possessor its source."""
    if src is None or not text.endswith(_POSSESSIVE_ENDINGS, src[0], src[1]):
        return None
    m = _OWNER.search(text, src[0], src[1])
    return m.span() if m is not None and m.start() > src[0] else None


_ARTICLES = frozenset({"the", "a", "an", "no", "every"})
_ARTICLE_ENDS = tuple("eanoyEANOY")  # how the articles end: a test before any word is cut
_EXPLETIVE_STARTS = tuple("TtIi")


def _noun_cue(text: str, src: tuple[int, int] | None) -> bool:
    """Whether the words before the cue end in an article: the cue is then a noun with no
    possessor, not a verb with a subject, and those words are no source."""
    if src is None:
        return False
    end = src[1]
    while end > src[0] and text[end - 1].isspace():
        end -= 1
    if not text.endswith(_ARTICLE_ENDS, src[0], end):
        return False
    last = text[src[0] : src[1]].rsplit(None, 1)
    return bool(last) and last[-1].lower() in _ARTICLES


# "There are fears ...", "it's hard to know ...", "it is not clear that ...": an expletive
# subject, so the words before the cue are nobody.
_EXPLETIVE = re.compile(r"(?i:there\b|it(?:['’]s|\s+(?:is|was))\b)")


def _expletive(text: str, src: tuple[int, int] | None) -> bool:
    return (
        src is not None
        and text.startswith(_EXPLETIVE_STARTS, src[0], src[1])
        and _EXPLETIVE.match(text, src[0], src[1]) is not None
    )


def _opening_participle(s: Scan, hit: CueHit, ss: int) -> _Frame | None:
    """A participle opening the sentence ("Conceding that the deal is late, he warned
    ..."): what it reports runs to the comma, and its source is the subject of the main
    clause after it."""
    text = s.text
    if not hit.head.endswith("ing"):
        return None
    lead = text[ss : hit.start].strip(_OPENERS)
    if lead and lead.lower() not in _OPENING_PREPOSITIONS:
        return None
    se = s.sentence(hit.start)[1]
    comma = text.find(",", hit.end, min(se, hit.end + _MAX_OPENING_CLAUSE))
    if comma < 0:
        return None
    src = sentence_subject(text, comma + 1, se)
    a, b = trim(text, hit.end, comma, _CONTENT_STRIP)
    if src is None or not _has_words(text, a, b, 1):
        return None
    return _Frame(hit, "opening", src, [(a, b)], left=hit.start)


_MAX_OPENING_CLAUSE = 200
# What may open the sentence before such a participle: "Besides attacking X, Trump ...".
_OPENING_PREPOSITIONS = frozenset(
    ["besides", "despite", "without", "after", "before", "while", "when", "upon", "by"]
)


def _source_after_cue(text: str, f: _Frame, hit: CueHit) -> bool:
    """Whether a relation's source follows its own cue and stands right before ``hit``."""
    return (
        f.source is not None
        and f.source[0] > f.hit.end
        and not text[f.source[1] : hit.start].strip()
    )


def _in_apposition(text: str, f: _Frame) -> bool:
    """Whether a relation may sit inside an apposition: its source lies before its own
    words (a shared subject) or is a relative pronoun."""
    if f.source is None or f.source[1] < f.left:
        return True
    return text[f.source[0] : f.source[1]].lower() in ("who", "which")


_ADVERBS_END = re.compile(r"(?:\s+(?:[a-z]+ly|while|before|after|when|without|even))*\s*$")
# What a participle that shares the subject of the clause before it follows: a comma (after
# a closing quote, too) or a spaced dash.
_SUBORDINATE_ENDS = (" after", " before", " while", " when", " without", " since", " upon")
_SHARED_SUBJECT_ENDS = (",", ",”", ',"', ",’", ",'", " –", " —", " -")
_WITH_SUBJECT = re.compile(
    r"\b[Ww]ith\s+(?P<np>[^\s,;:!?()\"“”]+(?:[ \t]+[^\s,;:!?()\"“”]+){0,7}?)"
    r"(?:[ \t]+[a-z]+ly)?[ \t]+$"
)
_RELATIVE_BEFORE = re.compile(
    r"\b(?P<w>who|which|that)(?:[’'](?:s|ve|d|ll|re))?\s+$", re.IGNORECASE
)


def _predicate_word(word: str, following: Sequence[str] = ()) -> bool:
    """An auxiliary or a participle: a word that continues a verb phrase and cannot open
    a subject noun phrase. A word in -ed is a verb only before what follows a verb ("moved
    to emphasize", "acted quickly"), not before a noun ("elected officials said")."""
    if word in _AUX:
        return True
    if not (word.islower() and len(word) > 4):
        return False
    if word.endswith("ing"):
        return True
    return (
        word.endswith("ed")
        and word not in _ED_NOT_VERBS
        and (not following or following[0].lower() in _AFTER_VERB or ly_adverb(following[0]))
    )


# Lower-case words in -ed that can open a noun phrase.
_ED_NOT_VERBS = frozenset(["hundred", "indeed", "kindred", "infrared", "sacred"])
# Words that follow a verb and cannot follow an adjective inside a noun phrase.
_AFTER_VERB = _set(
    "to the a an his her their its by in on at with for that up out down off back into "
    "from over about as him them it this these those"
)


_HEDGE_HEADS = frozenset(["reportedly", "allegedly", "purportedly"])


def _left(text: str, src: tuple[int, int] | None, hit: CueHit, done: Sequence[_Frame] = ()) -> int:
    """Where a relation's own words start: at its source when the source stands right
    before the cue, else at the cue (a participle shares a subject further back, or a
    coordinated verb the subject of a cue between them: "She said she admires him and
    highlighted ...", where the words from "she" on are what the first cue reports)."""
    near = src is not None and src[1] <= hit.start and hit.start - src[1] <= 40
    if src is not None and near and "," not in text[src[1] : hit.start]:
        # The frames are in text order: only the last few can lie between the two.
        for f in reversed(done):
            if f.hit.start < src[1]:
                break
            if f.hit.start < hit.start:
                return hit.start
        return src[0]
    return hit.start


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
        nxt = se
        if k + 1 < len(frames):
            nxt = frames[k + 1].left
            outer = frames[k + 1].source
            if nxt <= f.hit.end and outer is not None and outer[0] < f.hit.start < outer[1]:
                # This relation sits in the subject of the next ("Mr. Trump, who said last
                # week that ..., issued a statement"): its content ends with that subject.
                nxt = max(nxt, outer[1])
        if f.kind in ("final", "according-before"):
            end = f.left
            head = text[prev_end:end]
            cut = len(head.rstrip()) if not head.rstrip().endswith(",") else len(head.rstrip()) - 1
            a, b = trim(text, prev_end, prev_end + cut, _CONTENT_STRIP)
            if _has_words(text, a, b, 2):
                f.content = [(a, b)]
            continue
        if f.kind == "parenthetical":
            parts = []
            a, b = trim(text, prev_end, f.left, _CONTENT_STRIP)
            if a < b and text[a:b].lower() not in _LEADING_JOINERS:
                parts.append((a, b))
            close = _PAREN_CLOSE.match(text, f.hit.end, se)
            if close is not None:
                a, b = trim(text, close.end(), nxt, _CONTENT_STRIP)
                b = _strip_end(text, a, b)
                if a < b:
                    parts.append((a, b))
            f.content = parts
            continue
        if f.kind == "according":
            a, b = trim(text, prev_end, f.hit.start, _CONTENT_STRIP)
            if _has_words(text, a, b, 2):
                f.content = [(a, b)]
            elif f.source is not None:
                a, b = trim(text, f.source[1], nxt, _CONTENT_STRIP)
                b = _strip_end(text, a, b)
                if _has_words(text, a, b, 1):
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
        if f.source is not None and f.source[0] >= pos:
            # "criticism from rivals that ...": what was said follows the source.
            pos = f.source[1]
        when = _WHEN_AFTER.match(text, pos, nxt)
        if when is not None:
            pos = when.end()
        that = _THAT_AFTER.match(text, pos, nxt) if text.find("that", pos, nxt) >= 0 else None
        if that is not None and not _adjunct_before_that(text, pos, that.start("that")):
            # "He says Americans don't need lectures that ...": the words before "that" are
            # a clause of their own, and "that" a relative pronoun inside the content.
            that = None
        if that is not None:
            pos = that.start("that")
        elif f.hit.head in _TELL or f.hit.head in _ADDRESSEE_VERBS:
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
        if (
            k + 1 < len(frames)
            and frames[k + 1].source is not None
            and frames[k + 1].source[0] >= pos
            and not _has_words(text, a, b, 1)
        ):
            # "Kiedis said his band ... wrote new songs": the next relation, subject and
            # all, is what this cue reports.
            a, b = trim(text, pos, se, _CONTENT_STRIP)
        b = _strip_end(text, a, _adjunct_start(text, a, b))
        if _has_words(text, a, b, 1):
            f.content = [(a, b)]


# ", sparking a row", ", not wanting to ...": a participle clause after a comma.
_ADJUNCT = re.compile(r",\s+(?:and\s+|not\s+)?(?P<w>[a-z]{3,}ing)\b")
_NOT_PARTICIPLES = _set(
    """
    including during according regarding concerning notwithstanding following nothing
    something anything everything bring thing things spring string
    """
)


def _adjunct_start(text: str, start: int, end: int) -> int:
    """Where a trailing participle clause begins in reported content ("the plan would
    fail, prompting protests"), or ``end``: such a clause tells what the speaker or the
    event did next, not what was said. The clause opens on a comma: content without one
    (most of it) is not searched."""
    if text.find(",", start, end) < 0:
        return end
    for m in _ADJUNCT.finditer(text, start, end):
        if m.group("w") not in _NOT_PARTICIPLES and _has_words(text, start, m.start(), 2):
            return m.start()
    return end


_CLAUSE_BREAK = re.compile(
    r"[,;:—–()\"“”«»]|\s-\s|\b(?:and|but|or|while|whereas|after|before|when|because|since|"
    r"if|unless|although|though|as)\b"
)


def _nested(text: str, outer: _Frame, hit: CueHit) -> bool:
    """Whether ``hit`` sits inside what the cue before it reports ("X said she believes
    ..."): PolNeAR, like a reader, counts one attribution there, not two."""
    if outer.kind != "after" or hit.start - outer.hit.end > 200:
        return False
    return not _clause_break(text, outer.hit.end, hit.start)


def _clause_break(text: str, start: int, end: int) -> bool:
    """Whether ``_CLAUSE_BREAK`` matches in ``text[start:end]``. A comma, which the
    pattern matches wherever it stands, is looked for first with ``str.find``: most
    stretches between two cues hold one, and the search then need not run."""
    return text.find(",", start, end) >= 0 or _CLAUSE_BREAK.search(text, start, end) is not None


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


_START = attrgetter("start")


def build_attributions(s: Scan, hits: Sequence[CueHit]) -> list[Attribution]:
    """Attribution relations for the accepted cues ``hits`` (in text order)."""
    text = s.text
    frames: list[_Frame] = []
    i = 0
    hits = sorted(hits, key=_START)
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
    _extend_sources(s, frames)
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
        cue_end = f.hit.end
        if (
            kind == INDIRECT
            and content
            and content[0][0] >= cue_end
            and not text[cue_end : content[0][0]].strip()
        ):
            # "commented on the plan", "warned of a crisis": the preposition belongs to the
            # verb, and what is reported is its object.
            prep = _CUE_PREPOSITION.match(text, content[0][0], content[0][1])
            if prep is not None:
                cue_end = prep.end("p")
                content[0] = (prep.end(), content[0][1])
        atts.append(
            Attribution(
                kind,
                content,
                cue=(f.hit.start, cue_end),
                cue_lemma=text[f.hit.start : cue_end].lower(),
                source=None if f.source is None else tidy_source(text, f.source),
                confidence=round(f.hit.probability, 3),
                why=f.hit.explanation(),
            )
        )
    _attach_quotes(s, atts)
    return atts


# Prepositions that PolNeAR's annotators put in the cue when they follow it, most times in
# its train split ("talked about", "warned of", "spoke out against"); "to", "in", "at"
# and "by" are not among them: there they open the content or an adjunct as often.
_CUE_PREPOSITION = re.compile(
    r"(?P<p>(?:out\s+)?(?:about|against|of|on|for|out|over|upon|with))\s+(?=\S)"
    # "reported on Monday": a time adjunct, not the verb's object.
    r"(?!" + DAYS + r"\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
)


def _extend_sources(s: Scan, frames: Sequence[_Frame]) -> None:
    """Sources after their cue ("..., said NAME, TITLE.") extended over the apposition or
    relative clause closing the sentence, unless another relation's cue lies in it ("...,
    said Rendell, who supports Mrs. Clinton": that clause is a relation of its own)."""
    cues: list[int] | None = None
    for f in frames:
        if f.source is None or f.source[0] < f.hit.end or f.kind not in _INVERTED_KINDS:
            continue
        ext = _with_tail(s.text, f.source, s.sentence(f.hit.start)[1])
        if ext == f.source:
            continue
        if cues is None:
            cues = sorted(g.hit.start for g in frames)
        i = bisect.bisect_left(cues, f.source[1])
        if i < len(cues) and cues[i] < ext[1]:
            continue
        f.source = ext


_INVERTED_KINDS = frozenset(["final", "quote-before"])


def _attach_quotes(s: Scan, atts: list[Attribution]) -> None:
    """Quotations no relation claims continue the relation before them, when that relation
    is itself a quotation ending in the same paragraph or the one before and it is not a
    scare quote. After reported speech, a quotation more often opens a statement whose
    cue we missed than it continues the paraphrase, so it is left alone there."""
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
        k = bisect.bisect_right(end_pos, q.start) - 1
        if k < 0 or not _has_words(text, q.start, q.end, _MIN_ORPHAN_WORDS):
            continue
        a = atts[ends[k][1]]
        if a.kind != DIRECT or q.start - a.end > _MAX_ORPHAN_DISTANCE:
            continue
        gap = text[a.end : q.start]
        breaks = gap.count("\n\n") if "\n\n" in gap else gap.count("\n")
        if breaks > _MAX_ORPHAN_GAP:
            continue
        if any(ch in gap for ch in '“”"«»'):
            continue
        a.content.append((q.start, q.end))
        a.content.sort()
