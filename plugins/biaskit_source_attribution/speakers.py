"""Who each source is: names, pronouns, role nouns and anonymous descriptions.

News copy names a speaker once in full ("Russian Ambassador Anatoly Antonov"), then by
surname ("Antonov"), pronoun ("he") or role ("the diplomat"). Resolution follows that
convention: a surname links to the full name seen before it, a pronoun or a definite role
noun to the last named person who spoke (or who opened the sentence before), and plural or
indefinite descriptions ("officials", "a source familiar with ...") are anonymous.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .attribution import Attribution
from .lexicon import (
    ANON_HEADS,
    ANON_STARTS,
    ORG_TAILS,
    PLACES,
    PRONOUNS_PERSON,
    PRONOUNS_PLURAL,
    ROLE_NOUNS,
    TITLE_WORDS,
)
from .phrases import RELATIVE_CLAUSE, source_before

__all__ = ["NameIndex", "resolve_speakers", "speaker_table"]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_UP = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ"
_CAP_RUN = re.compile(
    rf"[{_UP}][\w’'.\-]*(?:[ \t]+(?:[{_UP}][\w’'.\-]*|(?:de|van|von|bin|al|da|del|der|la|le|ibn)"
    rf"(?=[ \t]+[{_UP}])))*"
)
_COMMON = _set(
    """
    the a an in on at of for to by with from as after before when while despite upon
    during since if but and or so yet however according this that these those it its he
    she they we i you our their his her my your there here what who which where why how
    all some many most no not one two three first last next new speaking touching
    lamenting besides meanwhile also later earlier today yesterday tomorrow january
    february march april may june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday read more follow share source
    sources photo getty then thus still rather unfortunately frankly
    """
)


def _bare(token: str) -> str:
    if token[-1:] not in _BARE_ENDS:
        return token
    token = token.rstrip(".,")
    for suffix in ("’s", "'s", "’", "'"):
        if token.endswith(suffix):
            return token[: -len(suffix)]
    return token


_BARE_ENDS = frozenset(".,s’'")
_NOT_NAMES = _COMMON | TITLE_WORDS | PLACES | ORG_TAILS


def _is_name_token(token: str) -> bool:
    found = _NAME_TOKENS.get(token)
    if found is None:
        found = (
            token[:1].isupper()
            and token.lower() not in _NOT_NAMES
            and not token.isupper()
            # The first character, upper case, is nearly always the letter looked for.
            and (token[0].isalpha() or any(ch.isalpha() for ch in token))
        )
        if len(_NAME_TOKENS) >= _NAME_TOKENS_MAX:
            _NAME_TOKENS.clear()
        _NAME_TOKENS[token] = found
    return found


# Token -> whether it may be (part of) a name: capitalised words recur across articles, and
# every capitalised run of every article asks. A memo, cleared when large.
_NAME_TOKENS: dict[str, bool] = {}
_NAME_TOKENS_MAX = 50_000


@dataclass(slots=True)
class Name:
    """A capitalised name found in a stretch of text, with what it seems to name.

    Not frozen: a frozen dataclass sets each field through ``object.__setattr__``, and
    every source span builds a few of these; nothing keeps or hashes them."""

    start: int
    end: int
    text: str
    kind: str  # "person" (first and last name), "single", "org" or "place"


def names_in(text: str, start: int, end: int) -> list[Name]:
    """Names in ``text[start:end]``, title words and possessors split off."""
    out: list[Name] = []
    for m in _CAP_RUN.finditer(text, start, end):
        base = m.start()
        for rs, re_, kind in _run_names(m[0]):
            out.append(Name(base + rs, base + re_, text[base + rs : base + re_], kind))
    return out


@functools.lru_cache(maxsize=8192)
def _run_names(run: str) -> tuple[tuple[int, int, str], ...]:
    """Names in one capitalised run, as offsets into the run (cached: names recur)."""
    out: list[tuple[int, int, str]] = []
    # Split after possessives: "CNN's Jake Tapper" -> "CNN", "Jake Tapper".
    part: list[tuple[int, int]] = []
    words: list[str] = []
    toks = run.split()
    # Nearly every run has its words one space apart; their offsets then follow from their
    # lengths, and the run is searched for a word only when other white space lies between.
    spaced = " ".join(toks) == run
    pos = 0
    for tok in toks:
        start = pos if spaced else run.find(tok, pos)  # only white space lies in between
        end = start + len(tok)
        pos = end + 1 if spaced else end
        part.append((start, end))
        if tok[-1] not in _BARE_ENDS:  # most words: neither ``_bare`` nor a possessive
            words.append(tok)
            continue
        words.append(_bare(tok))
        if tok.endswith(_POSSESSIVE):
            out.extend(_classify(run, part, words))
            part, words = [], []
    if part:
        out.extend(_classify(run, part, words))
    return tuple(out)


# Each ends in one of ``_BARE_ENDS``, which ``_run_names`` tests first.
_POSSESSIVE = ("’s", "'s", "’", "'")


def _classify(
    text: str, part: list[tuple[int, int]], words: list[str]
) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the name in the tokens at ``part`` (``words``: the tokens
    without their possessive ending or trailing full stop and comma).

    Most runs are one or two capitalised words: lower case is made only of the words a
    test reads, and the name's last words are an index range, not a list built per run."""
    n = len(words)
    if n >= 2 and words[-1].lower() in ORG_TAILS:
        i = 0
        while i < n - 1 and words[i].lower() in _COMMON:
            i += 1
        return [(part[i][0], part[-1][0] + len(words[-1]), "org")]
    # Drop leading titles, places and function words; what is left may be a name.
    i = 0
    while i < n and not _is_name_token(words[i]):
        i += 1
    if i == n:
        lows = [w.lower() for w in words]
        if lows[0] not in _COMMON and any(w in PLACES and len(w) > 2 for w in lows):
            return [(part[0][0], part[-1][0] + len(words[-1]), "place")]
        return []
    # The name is words[first:]: at most its last two words when more than three are left.
    first = i if n - i <= 3 else n - 2
    for k in range(first, n):
        if not (_is_name_token(words[k]) or len(words[k]) <= 2):
            break
    else:
        kind = "person" if n - first >= 2 else "single"
        return [(part[first][0], part[-1][0] + len(words[-1]), kind)]
    # Some word is neither a name nor short: the last name word alone, if any.
    for k in range(n - 1, first - 1, -1):
        if _is_name_token(words[k]):
            return [(part[k][0], part[k][0] + len(words[k]), "single")]
    return []


class NameIndex:
    """Full personal names in a document, so a later surname can be expanded.

    Built once per document; a surname links to the latest full name ending in it before
    the mention (or the first after, for a headline that uses the surname alone).
    """

    def __init__(self, text: str, blocked: Sequence[tuple[int, int]] = ()) -> None:
        self._by_surname: dict[str, tuple[list[int], list[str]]] = {}
        by_surname = self._by_surname
        blocked_starts = [s for s, _ in blocked]
        found: list[tuple[int, str]] = []
        singles: list[tuple[int, str]] = []
        # One-word runs ("Trump", "Tuesday", "The") are most runs, and only those naming a
        # surname seen in a full name count: they are looked at once all names are known.
        one_word: list[tuple[str, re.Match[str]]] = []
        for m in _CAP_RUN.finditer(text):
            run = m[0]
            if " " not in run and "\t" not in run:
                one_word.append((run, m))
                continue
            base = m.start()
            for rs, re_, kind in _run_names(run):
                if kind == "person":
                    name = run[rs:re_]
                    found.append((base + rs, name))
                    pos, full = by_surname.setdefault(name.rsplit(None, 1)[-1], ([], []))
                    pos.append(base + rs)
                    full.append(name)
                elif kind == "single":
                    singles.append((base + rs, run[rs:re_]))
        if by_surname:
            for run, m in one_word:
                # ``_bare(run)`` is ``run`` unless it ends in one of ``_BARE_ENDS``.
                if (
                    run in by_surname or (run[-1] in _BARE_ENDS and _bare(run) in by_surname)
                ) and run.lower() not in _COMMON:
                    singles.append((m.start(), run))
        for pos_, word in singles:
            if word not in by_surname:
                word = _bare(word)
                if word not in by_surname:
                    continue
            found.append((pos_, self.expand(word, pos_)))
        found.sort()
        self.mentions = [(p, n) for p, n in found if not _inside(p, blocked, blocked_starts)]

    def expand(self, name: str, pos: int) -> str:
        if " " in name:
            return name
        entry = self._by_surname.get(name)
        if entry is None:
            return name
        i = bisect.bisect_right(entry[0], pos) - 1
        return entry[1][i] if i >= 0 else entry[1][0]

    def is_person(self, name: str) -> bool:
        return name.rsplit(None, 1)[-1] in self._by_surname


def _inside(pos: int, spans: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


@dataclass(slots=True)
class _State:
    last_person: tuple[int, str] | None = None
    last_group: tuple[int, str] | None = None


def _sentence_first_mentions(
    index: NameIndex, sentence_starts: Sequence[int]
) -> list[tuple[int, str]]:
    """The first person named in each sentence, a candidate subject for the next pronoun."""
    out: list[tuple[int, str]] = []
    seen_sentence = -1
    for pos, name in index.mentions:
        k = bisect.bisect_right(sentence_starts, pos) - 1
        if k != seen_sentence:
            out.append((pos, name))
            seen_sentence = k
    return out


def _sentence_start(sentence_starts: Sequence[int], pos: int) -> int:
    i = bisect.bisect_right(sentence_starts, pos) - 1
    return sentence_starts[i] if i >= 0 else 0


def _pick_person(
    sentence_start: int, state: _State, firsts: Sequence[tuple[int, str]], firsts_pos: Sequence[int]
) -> str | None:
    best: tuple[int, str] | None = state.last_person
    i = bisect.bisect_left(firsts_pos, sentence_start) - 1
    if i >= 0 and (best is None or firsts[i][0] > best[0]):
        best = firsts[i]
    return best[1] if best is not None else None


def resolve_speakers(
    text: str,
    attributions: Sequence[Attribution],
    blocked: Sequence[tuple[int, int]],
    sentence_starts: Sequence[int],
) -> None:
    """Fill in ``speaker``, ``named``, ``anonymous`` and ``resolved_by`` in document order."""
    index = NameIndex(text, blocked)
    firsts = _sentence_first_mentions(index, sentence_starts)
    firsts_pos = [p for p, _ in firsts]
    state = _State()
    roles = _Roles(text)
    for a in sorted(attributions, key=lambda x: x.start):
        if a.continues is not None:
            a.speaker = a.continues.speaker
            a.named = a.continues.named
            a.anonymous = a.continues.anonymous
            a.resolved_by = "continuation"
            continue
        if a.source is None:
            a.anonymous = True
            a.resolved_by = "no source"
            continue
        _resolve_one(text, a, index, state, (firsts, firsts_pos, sentence_starts), roles)
        if (
            a.named
            and a.resolved_by in ("name", "surname", "pronoun", "role")
            and (index.is_person(a.speaker) or " " in a.speaker)
        ):
            state.last_person = (a.start, a.speaker)
            roles.add(max(0, a.source[0] - 80), a.source[1], a.speaker)
        if a.named and a.resolved_by == "organisation":
            state.last_group = (a.start, a.speaker)


_LOWER_WORD = re.compile(r"[a-z]+")


class _Roles:
    """Role noun -> the person last named next to it ("the ambassador" after "Russian
    Ambassador Anatoly Antonov said"): each named source adds the 80 characters before it
    and itself, and a role noun is looked for only when a source is "the <role noun>",
    newest first (few sources are; reading every window at once cost every document)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.windows: list[tuple[int, int, str]] = []

    def add(self, start: int, end: int, speaker: str) -> None:
        self.windows.append((start, end, speaker))

    def get(self, role: str) -> str | None:
        """The speaker of the newest window holding ``role`` as a lower-case word."""
        for start, end, speaker in reversed(self.windows):
            if role in _LOWER_WORD.findall(self.text[start:end].lower()):
                return speaker
        return None


def _resolve_one(
    text: str,
    a: Attribution,
    index: NameIndex,
    state: _State,
    context: tuple[Sequence[tuple[int, str]], Sequence[int], Sequence[int]],
    roles: _Roles,
) -> None:
    assert a.source is not None
    firsts, firsts_pos, sentence_starts = context
    s, e = a.source
    if text[s:e].lower() in _RELATIVES:
        # "Senator Jane Doe, who said ...": the speaker is who the pronoun stands for.
        antecedent = _antecedent(text, _sentence_start(sentence_starts, s), s)
        if antecedent is not None:
            s, e = antecedent
    raw = text[s:e]
    # Only the first and last word and the count are read: ``_bare`` and ``lower`` for
    # those two, not for every word of the source.
    toks = raw.split()
    n_words = len(toks)
    head = _bare(toks[-1]).lower() if toks else ""
    first = (head if n_words == 1 else _bare(toks[0]).lower()) if toks else ""
    # A source in lower-case ASCII ("he", "officials", "a senior aide") has no capital a
    # name could start with (``_CAP_RUN`` opens on one), so it is not searched for names.
    names = [] if raw.isascii() and raw.islower() else _head_names(text, s, e)
    persons = [n for n in names if n.kind == "person"]
    if persons:
        a.speaker, a.named, a.resolved_by = persons[-1].text, True, "name"
        return
    if ((n_words and first in ANON_STARTS) or head in ANON_HEADS) and not any(
        n.kind == "single" and index.is_person(n.text) for n in names
    ):
        a.speaker, a.anonymous, a.resolved_by = raw.lower(), True, "anonymous"
        return
    singles = [n for n in names if n.kind == "single"]
    for n in reversed(singles):
        full = index.expand(n.text, n.start)
        if full != n.text:
            a.speaker, a.named, a.resolved_by = full, True, "surname"
            return
    orgs = [n for n in names if n.kind == "org"]
    if orgs:
        a.speaker, a.named, a.resolved_by = orgs[0].text, True, "organisation"
        return
    if n_words == 1 and head in PRONOUNS_PERSON:
        who = _pick_person(_sentence_start(sentence_starts, s), state, firsts, firsts_pos)
        if who is not None:
            a.speaker, a.named, a.resolved_by = who, True, "pronoun"
            return
    if n_words == 1 and head in PRONOUNS_PLURAL and state.last_group is not None:
        a.speaker, a.named, a.resolved_by = state.last_group[1], True, "pronoun"
        return
    if n_words and first == "the" and head in ROLE_NOUNS:
        who = roles.get(head) or (state.last_person[1] if state.last_person else None)
        if who is not None:
            a.speaker, a.named, a.resolved_by = who, True, "role"
            return
    if singles:
        a.speaker, a.named, a.resolved_by = singles[-1].text, True, "name"
        return
    places = [n for n in names if n.kind == "place"]
    if places:
        a.speaker, a.named, a.resolved_by = places[0].text, True, "organisation"
        return
    # "The ministry, which announced the talks on Monday,": the description is the head.
    clause = RELATIVE_CLAUSE.search(raw, 1)
    a.speaker, a.resolved_by = (
        _description(raw[: clause.start() if clause else None]),
        "description",
    )


def _description(raw: str) -> str:
    """A description as the speakers table names it: lower case, so that "The poll" and
    "the poll" are one speaker, but for acronyms and "I", which read wrong in lower case
    ("the FBI", "CNN", not "the fbi", "cnn")."""
    return " ".join(
        w if w == "I" or (len(w) > 1 and w.isupper() and w.lower() not in _COMMON) else w.lower()
        for w in raw.split()
    )


_RELATIVES = frozenset({"who", "which", "that", "whom"})


def _antecedent(text: str, lo: int, pronoun: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at ``pronoun`` follows (after a comma or not),
    within its sentence (from ``lo``)."""
    end = pronoun
    while end > lo and text[end - 1] in " \t\n,":
        end -= 1
    if end <= lo:
        return None
    found = source_before(text, lo, end)
    if found is None:
        return None
    # The words before a cue end at its subject's start; an antecedent is often an object
    # ("It quoted the ministry, which ...", "campaigned with a popular governor who"): it
    # opens at its last determiner, unless "of" or "for" puts that one inside a longer
    # phrase ("a majority of those who", "a spokesman for the firm, who"), or after a
    # preposition that opens the words found ("Like other owners who").
    words = list(_WORD.finditer(text, *found))
    for k in range(len(words) - 1, 0, -1):
        inner = words[k - 1].group().lower() in ("of", "for")
        if words[k].group().lower() in _DETERMINERS and not inner:
            return words[k].start(), found[1]
    if len(words) > 1 and words[0].group().lower() in _PREPOSITIONS:
        return words[1].start(), found[1]
    return found


_WORD = re.compile(r"[\w’'.\-]+")
_DETERMINERS = _set("the a an his her its their this these those our")
_PREPOSITIONS = _set("of for at in on from with by to about among against like unlike")


def _head_names(text: str, start: int, end: int) -> list[Name]:
    """Names in a source span, from the part before its first comma when that part names a
    person: in "Humphrey, who calls Trump a sociopath," the speaker is Humphrey, while in
    "the ambassador to the United States, Anatoly Antonov" the person follows the comma."""
    comma = text.find(",", start, end)
    if comma > start:
        first = names_in(text, start, comma)
        if any(n.kind in ("person", "single") for n in first):
            return first
    return names_in(text, start, end)


def speaker_table(text: str, attributions: Sequence[Attribution]) -> list[dict[str, Any]]:
    """Per speaker: attributions, attributed words and their share, named or not."""
    rows: dict[str, dict[str, Any]] = {}
    order: dict[str, int] = {}
    total_words = 0
    for a in attributions:
        name = a.speaker or "(no source)"
        n_words = 0
        for s, e in a.content:
            n_words += len(text[s:e].split())
        total_words += n_words
        row = rows.get(name)
        if row is None:
            row = rows[name] = {
                "name": name,
                "attributions": 0,
                "attributed_words": 0,
                "named": a.named,
            }
            order[name] = a.start
        row["attributions"] += 1
        row["attributed_words"] += n_words
    out = []
    for row in rows.values():
        row["share_of_attributed_words"] = (
            round(row["attributed_words"] / total_words, 4) if total_words else 0.0
        )
        out.append(row)
    out.sort(key=lambda r: (-r["attributions"], -r["attributed_words"], order[r["name"]]))
    return out
