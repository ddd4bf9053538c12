"""Agreement and word-form slips that a native writer or editor rarely lets through.

Kept conservative: a plural noun right after its determiner and right before a singular
verb ("the sanctions was"), a subject pronoun with the wrong verb form ("he have",
"they was"), double comparatives ("more stronger than"), and "hardy" for "hardly" before a
verb. Each rule checks the word before the match so that subjunctives ("if she were"),
questions ("did he have") and noun phrases inside a prepositional phrase ("one of the
reasons is") stay silent.
"""

from __future__ import annotations

import re

from biaskit import Span
from biaskit_translation_artifacts.context import Context
from biaskit_translation_artifacts.lexicon import AUXILIARIES, PREPOSITIONS

LABEL = "agreement"

# Two scans, each matching only where a rule could apply: a verb right after a word ending
# in "s", and a subject pronoun right before a verb form it never takes. The Python checks
# below then run on a handful of places instead of on every "is" and "has" of the text.
_AFTER_S = re.compile(r"s\s(was|is|has|does|wasn't|isn't|hasn't|doesn't)(?=[\s,.;:!?])")
# The last letter of he, she, it, they, we, you and I, then a verb form one of them
# never takes; which pronoun it really is gets checked on the few matches.
_PRONOUN_VERB = re.compile(
    r"[eytuI]\s(have|are|haven't|aren't|don't|was|is|has|wasn't|isn't|hasn't|doesn't)"
    r"(?=[\s,.;:!?])"
)
_WRONG_FOR = {
    "he": frozenset(["have", "are", "haven't", "aren't", "don't"]),
    "she": frozenset(["have", "are", "haven't", "aren't", "don't"]),
    "it": frozenset(["have", "are", "haven't", "aren't", "don't"]),
    "they": frozenset(["was", "is", "has", "wasn't", "isn't", "hasn't", "doesn't"]),
    "we": frozenset(["was", "is", "has", "wasn't", "isn't", "hasn't", "doesn't"]),
    "you": frozenset(["is", "has", "isn't", "hasn't", "doesn't"]),
    "I": frozenset(["is", "has", "isn't", "hasn't", "doesn't"]),
}
_PRONOUN_ENDINGS = ("he", "she", "it", "they", "we", "you", "I", "He", "She", "It", "They",
                    "We", "You")  # fmt: skip
_SINGULAR_VERBS = frozenset(["was", "is", "has", "does", "wasn't", "isn't", "hasn't", "doesn't"])
_PLURAL_DETERMINERS = frozenset(
    ["the", "these", "those", "their", "our", "its", "many", "several", "both"]
)
_PLURAL_NOUN = re.compile(r"[a-z]{2,}[^su'’]s")
_SINGULAR_S = re.compile(r"(?:ss|us|is|ics|ous|ys|as|ws|ness)$")
_SINGULAR_WORDS = frozenset(
    [
        "news",
        "series",
        "species",
        "means",
        "headquarters",
        "whereabouts",
        "crossroads",
        "barracks",
        "measles",
        "diabetes",
        "innings",
        "lens",
        "gas",
        "bias",
        "atlas",
        "canvas",
        "alias",
        "chaos",
        "ethos",
        "pathos",
        "thanks",
        "always",
        "perhaps",
        "sometimes",
        "afterwards",
        "towards",
        "whereas",
        "nevertheless",
    ]
)
# Words after which a new clause (with its own subject) can start without "that".
_CLAUSE_OPENERS = frozenset(
    [
        "and",
        "but",
        "that",
        "because",
        "while",
        "when",
        "as",
        "since",
        "if",
        "although",
        "though",
        "so",
        "yet",
        "or",
        "said",
        "says",
        "believes",
        "believed",
        "thinks",
        "thought",
        "noted",
        "added",
        "stated",
        "claimed",
        "argued",
        "warned",
        "stressed",
        "insisted",
        "admitted",
    ]
)
_QUESTION_OR_SUBJUNCTIVE = AUXILIARIES | frozenset(
    [
        "that",
        "if",
        "lest",
        "let",
        "make",
        "makes",
        "made",
        "help",
        "helps",
        "see",
        "saw",
        "watch",
        "hear",
        "heard",
        "whether",
    ]
)
_COMPARATIVES = frozenset(
    [
        "stronger",
        "bigger",
        "better",
        "worse",
        "higher",
        "lower",
        "easier",
        "harder",
        "larger",
        "smaller",
        "faster",
        "greater",
        "closer",
        "cheaper",
        "weaker",
        "wider",
        "deeper",
        "richer",
        "poorer",
        "safer",
        "tougher",
    ]
)
_SUPERLATIVES = frozenset(
    ["strongest", "biggest", "best", "worst", "highest", "lowest", "largest", "greatest"]
)
# Both patterns start with letters, not with \b, so that the engine can skip to candidate
# first letters; the word boundary before a match is checked by ``_starts_word``. The
# comparatives are matched on the lower-cased text.
_DOUBLE_COMPARATIVE = re.compile(
    rf"(?:more|less)\s+(?:{'|'.join(sorted(_COMPARATIVES))})\s+than\b"
    rf"|most\s+(?:{'|'.join(sorted(_SUPERLATIVES))})\b"
)
_DOUBLE_COMPARATIVE_ANY_CASE = re.compile(_DOUBLE_COMPARATIVE.pattern, re.IGNORECASE)
_HARDY = re.compile(
    r"[Hh]ardy\s+"
    r"(?:[Aa]chieved|[Mm]anaged|[Cc]hanged|[Ee]ver|[Aa]ny(?:thing|one|body)?|[Cc]an|[Cc]ould)\b"
)
_STRIP = "\"'“”‘’«»()[],.;:!?"


def _starts_word(text: str, pos: int) -> bool:
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "_")


def _previous_words(text: str, pos: int, k: int) -> list[str]:
    return text[max(0, pos - 60) : pos].split()[-k:]


def _plural_with_singular(text: str, start: int, end: int, verb: str) -> Span | None:
    prev = _previous_words(text, start, 3)
    if len(prev) < 2:
        return None
    word = prev[-1]
    if not _PLURAL_NOUN.fullmatch(word) or _SINGULAR_S.search(word) or word in _SINGULAR_WORDS:
        return None
    if prev[-2].lower() not in _PLURAL_DETERMINERS:
        return None
    # The noun phrase must open its clause ("... and the sanctions was"), not be the object
    # of a preposition or a verb ("one of the reasons is", "for ending the protests is").
    if len(prev) >= 3:
        third = prev[-3]
        if third[-1] not in _STRIP and third.lower() not in _CLAUSE_OPENERS:
            return None
    return Span(
        start - len(word) - len(prev[-2]) - 1,
        end,
        LABEL,
        0.6,
        f"Plural '{word}' with singular '{verb}'.",
    )


def _double_comparatives(ctx: Context, comparative: bool, superlative: bool) -> list[Span]:
    """ "more stronger than", "most biggest": tried only where "more", "less" or "most"
    starts a word, on the lower-cased text (offsets agree with the text unless lower-casing
    changed a length, in which case the text itself is matched, ignoring case)."""
    text = ctx.text
    if len(ctx.lower) != len(text):
        return [
            Span(m.start(), m.end(), LABEL, 0.5, "Double comparative or superlative.")
            for m in _DOUBLE_COMPARATIVE_ANY_CASE.finditer(text)
            if _starts_word(text, m.start())
        ]
    lower = ctx.lower
    heads: list[str] = [w for w in ("more", "less") if comparative and w in ctx.vocab]
    if superlative:
        heads.append("most")
    found: list[tuple[int, int]] = []
    for head in heads:
        at = lower.find(head)
        while at >= 0:
            m = _DOUBLE_COMPARATIVE.match(lower, at)
            if m is not None and _starts_word(lower, at):
                found.append(m.span())
            at = lower.find(head, at + 4)
    return [
        Span(start, end, LABEL, 0.5, "Double comparative or superlative.")
        for start, end in sorted(found)
    ]


def detect(ctx: Context) -> list[Span]:
    text = ctx.text
    out: list[Span] = []
    for m in _AFTER_S.finditer(text):
        start = m.start() + 1
        if start < 2 or text[start - 2] in "su'’":
            continue
        span = _plural_with_singular(text, start, m.end(), m.group(1))
        if span is not None:
            out.append(span)
    for m in _PRONOUN_VERB.finditer(text):
        verb = m.group(1)
        start = m.start() + 1
        if not text.endswith(_PRONOUN_ENDINGS, max(0, start - 4), start):
            continue
        prev = _previous_words(text, start, 2)
        if not prev:
            continue
        pron = prev[-1]
        key = pron if pron == "I" else pron.lower()
        if key not in _WRONG_FOR or verb not in _WRONG_FOR[key]:
            continue
        before = prev[-2] if len(prev) == 2 else ""
        if before and before[-1] in _STRIP:
            before = ""
        before = before.strip(_STRIP).lower()
        if before in _QUESTION_OR_SUBJUNCTIVE or before in PREPOSITIONS:
            continue
        out.append(
            Span(
                start - len(pron),
                start + 1 + len(verb),
                LABEL,
                0.6,
                f"Subject '{pron}' with the wrong verb form '{verb}'.",
            )
        )
    vocab = ctx.vocab
    comparative = not _COMPARATIVES.isdisjoint(vocab)
    superlative = "most" in vocab and not _SUPERLATIVES.isdisjoint(vocab)
    if comparative or superlative:
        out.extend(_double_comparatives(ctx, comparative, superlative))
    if "hardy" in ctx.vocab:
        for m in _HARDY.finditer(text):
            if not _starts_word(text, m.start()):
                continue
            # "Tom Hardy achieved ...": a capitalised word before it, or a sentence start,
            # makes it a surname; an acronym before it ("UK Hardy Achieved") does not.
            prev = _previous_words(text, m.start(), 1)
            p = prev[-1] if prev else ""
            if not p or p[-1] in '.!?:"”' or (p[0].isupper() and not p.isupper()):
                continue
            out.append(
                Span(m.start(), m.end(), LABEL, 0.6, "'Hardy' used for 'hardly' before a verb.")
            )
    return out
