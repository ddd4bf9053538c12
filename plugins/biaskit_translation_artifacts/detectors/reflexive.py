"""Russian reflexive-passive verbs rendered as active ones with an inanimate subject.

"Российский фактор пытаются разыграть" means "they are trying to play the Russian card";
taken word for word it becomes "“The Russian factor” is trying to play", turning the thing
acted on into the actor. The detector wants an inanimate subject (a quoted phrase, or a noun
from a short list of abstractions), "is/are trying (attempting, seeking) to", a transitive
verb, and then no object: a preposition or the end of the clause.
"""

from __future__ import annotations

import re

from biaskit import Span
from biaskit_translation_artifacts.context import Context

LABEL = "reflexive-passive"

_VERBS = (
    "play|use|exploit|present|portray|solve|resolve|sell|promote|impose|push|blame|apply|"
    "raise|hide|spread|implement|adopt|introduce|drag|pin|attach|link|tie|inflate|fan|pump|"
    "discredit|destroy|revive|bury|sabotage|label|brand|depict|interpret|distort|rewrite"
)
_NOUNS = (
    "factor|card|issue|question|topic|theme|problem|agenda|myth|thesis|version|narrative|"
    "scenario|image|concept|notion|idea|term|topic|subject|matter|story|history|theory"
)
_AFTER = r"(?=\s*(?:in|on|into|as|against|by|for|with|at|from|through|\.|,|;|$))"
# Both patterns start with a character (class) rather than a look-behind or \b, so that
# the engine skips ahead to the candidates instead of trying every position; the
# look-behind that follows it checks what the character has before it, as before.
_QUOTED = re.compile(
    r"[”\"](?<=[\w.!?][”\"])(?P<be>\s+(?:is|are|was|were|has\s+been|have\s+been)\s+)"
    rf"(?:trying|attempting|seeking|striving)\s+to\s+(?:{_VERBS})\b{_AFTER}"
)
_NOUN = re.compile(
    rf"[Tt](?<!\w[Tt])(?:he|his|hat)\s+(?:[a-z]+\s+)?(?:{_NOUNS})s?\s+(?:is|are|was|were)\s+"
    rf"(?:trying|attempting|seeking|striving)\s+to\s+(?:{_VERBS})\b{_AFTER}"
)


_GATE = frozenset(["trying", "attempting", "seeking", "striving"])


def detect(ctx: Context) -> list[Span]:
    text = ctx.text
    out: list[Span] = []
    if _GATE.isdisjoint(ctx.vocab):
        return out
    for m in _QUOTED.finditer(text):
        # Start the span at the quotation the mark closes, when there is one.
        start = m.start()
        for q in ctx.quotes:
            if q.end == m.start() + 1:
                start = q.start
                break
        out.append(
            Span(
                start,
                m.end(),
                LABEL,
                0.8,
                "A quoted phrase 'is trying to' act on nothing: a Russian reflexive passive "
                "read as active.",
            )
        )
    for m in _NOUN.finditer(text):
        out.append(
            Span(
                m.start(),
                m.end(),
                LABEL,
                0.6,
                "An abstract noun 'is trying to' act with no object: likely a reflexive "
                "passive ('they are trying to ... it') read as active.",
            )
        )
    return out
