"""Attribution cues: the words that announce that someone else is speaking or thinking.

Kept apart from the rest so that a trained cue classifier can replace the lexicon: anything
with the signature of ``find_cues`` (text, start, end -> list of Cue) can be handed to the
scorer, and the quote, indirect-speech and speaker code only ever sees ``Cue`` objects.

Cues come in strengths, because a reporting verb is not always a reporting verb:
``said`` and ``told`` almost never mean anything else in news copy, so they may take a bare
complement ("he said the talks failed"); ``added``, ``noted`` or ``stated`` are also ordinary
verbs and adjectives ("added 300 jobs", "a noted author", "the stated aim"), so they only
count when followed by ``that``, a colon or a quotation, or when they close a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from .trie import trie_pattern

__all__ = ["ACCORDING", "BARE", "NOSOURCE", "QUOTE", "THAT", "Cue", "CueFinder", "find_cues"]

BARE = "bare"  # may take a complement without "that"
THAT = "that"  # needs "that", a colon or a quote after it, or must close the sentence
ACCORDING = "according"  # "according to X"
NOSOURCE = "nosource"  # "reportedly", "it is said that": attribution with no source at all
QUOTE = "quote"  # only next to a direct quotation or before "that" ("he replied", "she asked")


class Cue(NamedTuple):
    start: int
    end: int
    lemma: str
    kind: str


# lemma: (strength, inflected forms). Forms are listed, not generated, so the lexicon can
# be read and corrected by anyone.
_VERBS: dict[str, tuple[str, str]] = {
    "say": (BARE, "say says said"),
    "tell": (BARE, "tell tells told"),
    "think": (BARE, "think thinks thought"),
    "believe": (BARE, "believe believes believed"),
    "claim": (BARE, "claims claimed"),
    "argue": (BARE, "argue argues argued"),
    "insist": (BARE, "insist insists insisted"),
    "assert": (BARE, "assert asserts asserted"),
    "contend": (BARE, "contend contends contended"),
    "add": (THAT, "adds added"),
    "note": (THAT, "notes noted"),
    "state": (THAT, "states stated"),
    "stress": (THAT, "stresses stressed"),
    "emphasize": (THAT, "emphasizes emphasized emphasises emphasised"),
    "underline": (THAT, "underlines underlined underscored underscores"),
    "explain": (THAT, "explains explained"),
    "announce": (THAT, "announces announced"),
    "admit": (THAT, "admits admitted"),
    "acknowledge": (THAT, "acknowledges acknowledged"),
    "concede": (THAT, "concedes conceded"),
    "confirm": (THAT, "confirms confirmed"),
    "deny": (THAT, "denies denied"),
    "report": (THAT, "reports reported"),
    "reveal": (THAT, "reveals revealed"),
    "suggest": (THAT, "suggests suggested"),
    "predict": (THAT, "predicts predicted"),
    "recall": (THAT, "recalls recalled"),
    "declare": (THAT, "declares declared"),
    "maintain": (THAT, "maintains maintained"),
    "allege": (THAT, "alleges alleged"),
    "warn": (THAT, "warns warned"),
    "expect": (THAT, "expects expected"),
    "hope": (THAT, "hopes hoped"),
    "fear": (THAT, "fears feared"),
    "agree": (THAT, "agrees agreed"),
    "complain": (THAT, "complains complained"),
    "observe": (THAT, "observes observed"),
    "remark": (QUOTE, "remarks remarked"),
    "mention": (THAT, "mentions mentioned"),
    "write": (THAT, "writes wrote"),
    "tweet": (THAT, "tweets tweeted"),
    "testify": (THAT, "testifies testified"),
    "promise": (THAT, "promises promised"),
    "vow": (THAT, "vows vowed"),
    "indicate": (THAT, "indicates indicated"),
    "conclude": (THAT, "concludes concluded"),
    "continue": (QUOTE, "continued"),
    "reply": (QUOTE, "replies replied"),
    "respond": (QUOTE, "responded"),
    "answer": (QUOTE, "answered"),
    "estimate": (THAT, "estimates estimated"),
    "urge": (THAT, "urges urged"),
    "ask": (QUOTE, "asks asked"),
    "know": (THAT, "knows knew"),
    "feel": (THAT, "feels felt"),
    "worry": (THAT, "worries worried"),
    "assure": (THAT, "assures assured"),
    "point out": (THAT, "pointed-out points-out"),
}

_FORMS: dict[str, tuple[str, str]] = {}
for _lemma, (_kind, _forms) in _VERBS.items():
    for _form in _forms.split():
        _FORMS[_form.replace("-", " ")] = (_lemma.split("-")[0], _kind)

# Scanning is word by word with dictionary look-ups (one big alternation regex is ten
# times slower in Python's engine); the few multi-word cues are checked around a hit.
_HEDGES = frozenset(["reportedly", "allegedly", "purportedly"])
_PASSIVE = frozenset(
    [
        "said",
        "reported",
        "claimed",
        "alleged",
        "believed",
        "understood",
        "rumored",
        "rumoured",
        "thought",
        "feared",
        "expected",
    ]
)
_FIRST_WORDS = {form.split()[0] for form in _FORMS}
_TOKEN = re.compile(
    r"\b(?:"
    + trie_pattern(
        _FIRST_WORDS
        | _PASSIVE
        | {w for h in _HEDGES for w in (h, h.capitalize())}
        | {"according", "According"}
    )
    + r")\b"
)
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_IT_PASSIVE = re.compile(r"\b[Ii]t\s(?:is|was|has\sbeen|had\sbeen)\s$")
_BE_PASSIVE = re.compile(r"\b(?:is|are|was|were)\s$")
_TO = re.compile(r"\s+to\b")

CueFinder = Callable[[str, int, int], list[Cue]]


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """Every lexicon cue in ``text[start:end]``; context decides later whether it attributes.

    Verb forms must be lower case: "Says" at a sentence start is rare in news and "Hope" or
    "Mention" in a headline is not a cue.
    """
    stop = len(text) if end is None else end
    out: list[Cue] = []
    for m in _TOKEN.finditer(text, start, stop):
        word = m.group()
        if word in _FIRST_WORDS or word in _PASSIVE:
            s, e = m.start(), m.end()
            if word in _PASSIVE:
                before = text[max(0, s - 16) : s]
                it = _IT_PASSIVE.search(before)
                if it is not None:
                    out.append(Cue(s - len(before) + it.start(), e, word, NOSOURCE))
                    continue
                to = _TO.match(text, e, stop)
                if to is not None and _BE_PASSIVE.search(before):
                    be = _BE_PASSIVE.search(before)
                    assert be is not None
                    out.append(Cue(s - len(before) + be.start(), to.end(), word, NOSOURCE))
                    continue
            nxt = _NEXT_WORD.match(text, e, stop)
            if nxt is not None and f"{word} {nxt.group(1)}" in _FORMS:
                lemma, kind = _FORMS[f"{word} {nxt.group(1)}"]
                out.append(Cue(s, nxt.end(), lemma, kind))
                continue
            if word in _FORMS:
                lemma, kind = _FORMS[word]
                out.append(Cue(s, e, lemma, kind))
            continue
        low = word.lower()
        if low == "according":
            to = _TO.match(text, m.end(), stop)
            if to is not None:
                out.append(Cue(m.start(), to.end(), "according to", ACCORDING))
        elif low in _HEDGES:
            out.append(Cue(m.start(), m.end(), low, NOSOURCE))
    return out
