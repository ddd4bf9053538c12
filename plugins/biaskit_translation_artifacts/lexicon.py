"""Closed-class word lists the detectors share.

These are grammar, not topic: prepositions, determiners, pronouns, auxiliaries and the
verbs news English uses to report speech. Keeping them in one place means a fix to, say,
the auxiliary list reaches every detector that must not mistake an auxiliary for a verb.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

PREPOSITIONS = frozenset(
    [
        "about",
        "above",
        "across",
        "after",
        "against",
        "along",
        "amid",
        "among",
        "around",
        "at",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "besides",
        "between",
        "beyond",
        "by",
        "concerning",
        "despite",
        "down",
        "during",
        "except",
        "for",
        "from",
        "in",
        "inside",
        "into",
        "like",
        "near",
        "of",
        "off",
        "on",
        "onto",
        "outside",
        "over",
        "past",
        "per",
        "regarding",
        "since",
        "than",
        "through",
        "throughout",
        "till",
        "to",
        "toward",
        "towards",
        "under",
        "underneath",
        "unlike",
        "until",
        "up",
        "upon",
        "via",
        "with",
        "within",
        "without",
    ]
)

DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "my",
        "your",
        "his",
        "her",
        "its",
        "our",
        "their",
        "some",
        "any",
        "each",
        "every",
        "no",
        "all",
        "both",
        "either",
        "neither",
        "another",
        "such",
        "many",
        "much",
        "several",
        "few",
        "more",
        "most",
        "other",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "whose",
        "which",
        "what",
        "whatever",
        "certain",
    ]
)

PRONOUNS = frozenset(
    [
        "i",
        "you",
        "he",
        "she",
        "it",
        "we",
        "they",
        "who",
        "whom",
        "which",
        "that",
        "me",
        "him",
        "us",
        "them",
    ]
)

AUXILIARIES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "having",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "hasn't",
        "haven't",
        "hadn't",
        "don't",
        "doesn't",
        "didn't",
        "won't",
        "wouldn't",
        "can't",
        "couldn't",
        "shouldn't",
        "mustn't",
    ]
)

SPEECH_VERBS_PAST = (
    "said|says|stated|states|told|reported|reports|announced|announces|noted|notes|stressed|"
    "stresses|added|adds|declared|explained|emphasi[sz]ed|wrote|writes|informed|commented|"
    "confirmed|warned|recalled|underlined|underscored|admitted|assured|clarified|specified|"
    "pointed out|believes|believed|considers|considered"
)

# Adjectives and fixed participles ending in -ed that head a noun phrase far more often
# than they act as a finite verb after a comma ("In Kiev, armed men ...").
ED_ADJECTIVES = frozenset(
    [
        "armed",
        "based",
        "related",
        "limited",
        "united",
        "detailed",
        "advanced",
        "alleged",
        "concerned",
        "experienced",
        "interested",
        "involved",
        "known",
        "married",
        "mixed",
        "noted",
        "organized",
        "organised",
        "qualified",
        "registered",
        "reported",
        "required",
        "retired",
        "skilled",
        "so-called",
        "supposed",
        "talented",
        "used",
        "varied",
        "wanted",
        "wounded",
        "injured",
        "killed",
        "missing",
        "red",
        "bed",
        "need",
        "seed",
        "speed",
        "feed",
        "breed",
        "shed",
        "embed",
    ]
)

IRREGULAR_PAST = (
    "began|brought|built|bought|caught|chose|drew|drove|fell|fought|found|froze|gave|got|"
    "grew|held|hid|kept|knew|laid|led|left|lost|made|met|paid|ran|rose|sent|sold|shot|"
    "sought|spent|stole|struck|threw|took|tore|won|wrote|became|broke|came|went|saw|stood|"
    "spoke|understood|undertook|withdrew"
)

_ENTRY = re.compile(
    r"^(?P<strength>[01](?:\.\d+)?)\t(?P<anchors>[a-z’',]+)\t(?P<pattern>[^\t]+)\t(?P<note>.+)$"
)


@cache
def word_list(name: str) -> frozenset[str]:
    """A one-word-a-line list shipped in ``data/``; ``#`` starts a comment."""
    raw = files("biaskit_translation_artifacts").joinpath("data", name).read_text("utf-8")
    out = set()
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            out.add(line)
    return frozenset(out)


@cache
def pattern_table(name: str) -> tuple[tuple[float, frozenset[str], str, str], ...]:
    """A ``strength<TAB>anchors<TAB>regex<TAB>note`` table shipped in ``data/``."""
    raw = files("biaskit_translation_artifacts").joinpath("data", name).read_text("utf-8")
    rows = []
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _ENTRY.match(line)
        if m is None:
            raise ValueError(f"{name}:{lineno}: expected strength<TAB>anchors<TAB>regex<TAB>note")
        anchors = frozenset(a for a in m["anchors"].split(",") if a)
        rows.append((float(m["strength"]), anchors, m["pattern"], m["note"].strip()))
    return tuple(rows)
