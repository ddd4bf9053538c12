"""Impersonal Russian clauses rendered without a subject.

Russian can open with an adverbial and go straight to a plural past verb with an unnamed
"they" ("В Киеве завели дело..." = "In Kiev, [they] brought a case..."). Rendered
word for word, English gets a fronted phrase, a comma and a finite verb with no subject:
"In Kiev, brought the case to the police". Also the impersonal passive with the subject moved
after the verb: "In Kiev, was opened a criminal case".
"""

from __future__ import annotations

import re

from biaskit import Span
from biaskit_translation_artifacts.context import Context
from biaskit_translation_artifacts.lexicon import (
    AUXILIARIES,
    ED_ADJECTIVES,
    IRREGULAR_PAST,
    PRONOUNS,
    SPEECH_VERBS_PAST,
)

LABEL = "subjectless-clause"

_OPENERS = (
    "In|On|At|During|From|After|Before|Earlier|Previously|Later|Yesterday|Today|Last|"
    "Near|Outside|Inside|Since|Over|Throughout|Across|Within|Under|Recently|Meanwhile|"
    "Subsequently|Then|Now"
)
_OBJECT_START = (
    "the|a|an|his|her|its|their|our|this|these|those|several|two|three|four|five|some|all|"
    "him|them|it|up|out|down"
)
_ACTIVE = re.compile(
    rf"(?P<front>(?:{_OPENERS})\b[^,.;:!?\"“”«»„]{{0,100}}?),\s+"
    rf"(?P<verb>[a-z]+ed|{IRREGULAR_PAST})\s+(?:{_OBJECT_START})\b"
)
_PASSIVE = re.compile(
    rf"(?P<front>(?:{_OPENERS})\b[^,.;:!?\"“”«»„]{{0,100}}?),\s+"
    r"(?P<verb>(?:was|were|has been|have been|had been)\s+(?:[a-z]+ed|"
    rf"{IRREGULAR_PAST}|begun|held|done|seen|taken|given|made|sent|found))\s+(?:a|an|the)\b"
)
_SPEECH = re.compile(rf"(?:{SPEECH_VERBS_PAST})$")
_WORD = re.compile(r"[\w’'\-]+")
_FRONT_STOP = PRONOUNS | AUXILIARIES

_RULES = (
    (_ACTIVE, 0.9, "Finite verb with no subject after a fronted phrase and comma."),
    (_PASSIVE, 0.8, "Impersonal passive with the subject moved after the verb."),
)


def detect(ctx: Context) -> list[Span]:
    text = ctx.text
    out: list[Span] = []
    for start, end in ctx.bounds:  # offsets, without a Segment per sentence
        for rx, strength, note in _RULES:
            m = rx.match(text, start, end)
            if m is None:
                continue
            # A sentence inside a quotation is skipped; looked up only on a match, as most
            # sentences match neither pattern.
            if ctx.in_quote(start + 1):
                break
            verb = m["verb"]
            if verb in ED_ADJECTIVES or _SPEECH.match(verb):
                continue
            front = [w.lower() for w in _WORD.findall(m["front"])]
            if len(front) > 14 or any(w in _FRONT_STOP for w in front):
                continue
            out.append(Span(m.start(), m.end(), LABEL, strength, note))
            break
    return out
