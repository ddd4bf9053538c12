"""Articles dropped where English needs them: Russian has none, so translators lose them.

Two kinds of evidence. A rate (``profile.bare_noun_rate``): the share of "preposition +
lower-case word" pairs with no determiner between, reported as a metric because one article
is too short for it to convict anything. And clear cases, kept conservative, which this
module finds: a singular countable noun from a short list straight after a preposition
("talks at embassy"), a bare singular noun in a list of bare plurals ("artillery positions,
ammunition depot and tunnels"), and a compass word glued to a place noun without the
possessive ("in the country south"). Headlines are skipped: they drop articles by design.
"""

from __future__ import annotations

import re

from biaskit import Span
from biaskit_translation_artifacts.context import Context
from biaskit_translation_artifacts.lexicon import DETERMINERS, word_list

LABEL = "missing-article"

_PREPS = frozenset(["in", "at", "to", "from", "into", "near", "with", "on", "toward", "towards"])
# The word(s) before a noun: "<prep> <noun>" or "<prep> <adjective> <noun>".
_BEFORE = re.compile(r"(?:^|\s)([A-Za-z]+)\s+(?:([A-Za-z]+)\s+)?$")
# What may follow a bare noun for it to head its phrase (not modify a following noun).
_AFTER = re.compile(
    r"\s*[,.;:)]|\s+(?:of|and|in|on|at|to|for|was|is|has|had|will|would|which|that|where)\b"
)
_ADJ_OK = re.compile(
    r"[a-z]+(?:al|ian|ic|ive|ous|ary|ese|ish|ed|ful|less|ern|ior)|[A-Z][a-z]+(?:ian|ese|ish|an|ic|i)"
)
# Nouns that double as verbs, so "to <noun>" may be an infinitive ("to minister to").
_VERBLIKE = frozenset(
    ["document", "contract", "minister", "tunnel", "convoy", "statement", "official"]
)
_COMPASS_WORDS = frozenset(["south", "north", "east", "west", "centre", "center"])
# Written to start with the literal "the" (the word boundary before it checked by the
# look-behind after it), so that the engine skips from one "the" to the next instead of
# trying the pattern at every character: the same matches, in a tenth of the time.
_COMPASS = re.compile(
    r"the(?<!\wthe)\s+(?:country|region|city|state|republic|peninsula|island)\s+"
    r"(?P<dir>south|north|east|west|centre|center)\b(?!\s+of\b|-|ern)"
)
_ITEM_WORDS = re.compile(r"[A-Za-z][\w\-]*")
_PLURAL_END = re.compile(r"[^su]s$")


def detect(ctx: Context) -> list[Span]:
    text = ctx.text
    out: list[Span] = []
    if not ctx.bounds:
        return out
    present = word_list("countable_nouns.txt") & ctx.vocab
    lower = ctx.aligned_lower  # its offsets are the text's
    for noun in sorted(present):
        at = lower.find(noun)
        while at >= 0:
            end = at + len(noun)
            whole = (at == 0 or not lower[at - 1].isalnum()) and (
                end == len(lower) or not lower[end].isalnum()
            )
            if whole and ctx.in_prose(at):
                span = _after_preposition(text, at, end, noun)
                if span is not None:
                    out.append(span)
            at = lower.find(noun, end)
    if present:
        for i, (start, end) in enumerate(ctx.bounds):
            if (
                text.find(" and ", start, end) >= 0
                and text.find(",", start, end) >= 0
                and not ctx.is_headline_at(i)
            ):
                out.extend(_bare_list_items(text, start, end, present))
    if not _COMPASS_WORDS.isdisjoint(ctx.vocab):
        for m in _COMPASS.finditer(text):
            if not ctx.in_prose(m.start()):
                continue
            out.append(
                Span(
                    m.start(),
                    m.end(),
                    LABEL,
                    0.6,
                    f"'{m['dir']}' glued to the noun: English needs \"the country's {m['dir']}\".",
                )
            )
    return out


def _after_preposition(text: str, start: int, end: int, noun: str) -> Span | None:
    if not _AFTER.match(text, end):
        return None
    # "from region to region", "country to country": a native idiom.
    if text[end : end + len(noun) + 5].lower().split()[:2] == ["to", noun]:
        return None
    b = _BEFORE.search(text, max(0, start - 40), start)
    if b is None:
        return None
    first, second = b.group(1), b.group(2)
    if second is None or second.lower() in _PREPS:
        # "<prep> <noun>"
        prep, adj, at = (
            (first if second is None else second).lower(),
            None,
            b.start(1 if second is None else 2),
        )
    else:
        # "<prep> <adjective> <noun>"
        prep, adj, at = first.lower(), second, b.start(1)
        if not _ADJ_OK.fullmatch(adj):
            return None
    if prep not in _PREPS:
        return None
    if prep == "to" and adj is None and noun in _VERBLIKE:
        return None
    if prep == "to" and text[max(0, at - len(noun) - 1) : at].strip().lower() == noun:
        return None
    return Span(
        at,
        end,
        LABEL,
        0.6,
        f"Singular '{noun}' after '{prep}' with no article.",
    )


def _bare_list_items(text: str, start: int, end: int, nouns: frozenset[str]) -> list[Span]:
    """Bare singular items in the sentence's final "A, B and C" list of bare plurals."""
    out: list[Span] = []
    chunk = text[start:end]
    cut = chunk.rfind(" and ")
    if cut < 0:
        return out
    last_and = chunk.find(",", cut)
    tail_end = last_and if last_and >= 0 else len(chunk)
    # Items: comma-separated pieces going back from the last " and ", then the item after it.
    pieces: list[tuple[int, int]] = []
    head = chunk[:cut]
    pos = len(head)
    for _ in range(8):
        comma = head.rfind(",", 0, pos)
        s = comma + 1 if comma >= 0 else 0
        pieces.append((s, pos))
        if comma < 0:
            break
        pos = comma
    pieces.reverse()
    pieces.append((cut + 5, tail_end))
    items = []
    for s, e in pieces:
        piece = chunk[s:e]
        lead = len(piece) - len(piece.lstrip())
        ws = _ITEM_WORDS.findall(piece)
        items.append((start + s + lead, start + s + len(piece.rstrip()), ws))
    short = [it for it in items if 1 <= len(it[2]) <= 3]
    if len(items) < 3 or len(short) < 3:
        return out
    bare_plurals = sum(
        1
        for _, _, ws in short
        if ws[0].lower() not in DETERMINERS and _PLURAL_END.search(ws[-1].lower())
    )
    if bare_plurals < 2:
        return out
    for s, e, ws in short:
        if ws[0].lower() in DETERMINERS or ws[0][0].isupper():
            continue
        if ws[-1].lower() in nouns:
            out.append(
                Span(
                    s,
                    e,
                    LABEL,
                    0.5,
                    f"Singular '{ws[-1]}' without an article among bare plural list items.",
                )
            )
    return out
