"""Russian word order kept in English: fronted adverbial, then the verb, then the subject.

Russian puts the new information last, so "Об этом в интервью ТАСС сказал посол" comes out
as "About this in an interview with Tass said the Russian ambassador". English allows the
speaker after "said" only right after a quotation (`"...," said the spokesman`) or in a
parenthetical, so the detector requires the sentence to open with a prepositional phrase or
adverb (no quotation marks in it), the speech verb next, and a subject noun phrase that
ends the sentence (or is followed only by a name in apposition).
"""

from __future__ import annotations

import re

from biaskit import Span
from biaskit_translation_artifacts.context import Context
from biaskit_translation_artifacts.lexicon import AUXILIARIES, PRONOUNS, SPEECH_VERBS_PAST

LABEL = "inversion"

_FRONT_OPENERS = (
    "About|In|On|At|During|From|With|After|Before|Earlier|Previously|Later|Yesterday|Today|"
    "Regarding|Concerning|Also|This|Recently|Meanwhile|Afterwards|Subsequently|Besides|"
    "Following|Under|Over|Against|Within|Among|Amid|Near|By|For|Of|To"
)
# Bounded, quote-free fronted part; the optional comma allows "Earlier, said the ministry".
_INVERSION = re.compile(
    rf"(?P<front>(?:{_FRONT_OPENERS})\b[^,.;:!?\"“”«»„]{{0,150}}?),?\s+"
    rf"(?P<verb>{SPEECH_VERBS_PAST})\s+"
    r"(?P<subj>(?:the|a|an|[A-Z])[^,.;:!?\"“”«»„]{0,120}?)"
    r"(?P<rest>[,.;:!?]|$)"
)
_WORD = re.compile(r"[\w’'\-]+")
_NAME_APPOSITION = re.compile(r",\s+(?:[A-Z][\w.’'\-]*\s*){1,5}[.!?]?$")
# Words that make the fronted part a clause with its own subject, or that show the verb
# takes a complement rather than a postposed subject.
_FRONT_STOP = PRONOUNS | AUXILIARIES | frozenset(["there", "so", "thus"])
_SUBJ_STOP = AUXILIARIES | frozenset(
    ["that", "he", "she", "it", "they", "we", "i", "you", "this", "these"]
)


def detect(ctx: Context) -> list[Span]:
    text = ctx.text
    out: list[Span] = []
    for start, end in ctx.bounds:  # offsets, without a Segment per sentence
        m = _INVERSION.match(text, start, end)
        if m is None or ctx.in_quote(start + 1):
            continue
        front = [w.lower() for w in _WORD.findall(m["front"])]
        if len(front) > 20 or any(w in _FRONT_STOP for w in front):
            continue
        subj = [w.lower() for w in _WORD.findall(m["subj"])]
        if not subj or len(subj) > 14 or any(w in _SUBJ_STOP for w in subj):
            continue
        if subj[0] in ("the", "a", "an") and len(subj) == 1:
            continue
        rest = text[m.end("subj") : end]
        if (
            rest.strip(" .!?")
            and not _NAME_APPOSITION.match(rest)
            and not rest.startswith((", who", ", which"))
        ):
            continue
        out.append(
            Span(
                m.start(),
                m.end("subj"),
                LABEL,
                0.9,
                f"Speaker placed after '{m['verb']}' behind a fronted phrase (Russian word order).",
            )
        )
    return out
