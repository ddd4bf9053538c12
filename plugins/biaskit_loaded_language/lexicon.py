"""The word lists, read once from the package's ``data/*.txt`` files.

The lists are plain text so that a reader can audit (and argue with) every entry without
reading code, and so that a later trainable model can reuse them as features. Each file is one
category; its header says why the category is loaded, its default weight, which inflections to
generate and, for verbs of saying, that it only counts in the reporter's own voice::

    # category: charged
    # weight: 0.6
    # inflect: noun            (noun | verb | adjective | all | none)
    # voice: narration         (optional; default: both voices)
    # reason: ...
    catastrophe
    disaster | 0.45            (an entry may override the weight)
    pay a price                (several words: matched as a phrase, each word inflected)

Inflected forms are generated from the entry rather than stemming the text, because a
generated form can only ever match a word the list author meant, whereas a stemmer conflates
neutral words with loaded ones ("claim" the noun, "claimed" the verb of saying).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

__all__ = [
    "CATEGORY_FILES",
    "Entry",
    "Lexicon",
    "get_lexicon",
    "inflections",
    "parse_category",
]

CATEGORY_FILES: tuple[str, ...] = (
    "pejorative.txt",
    "charged.txt",
    "evaluative.txt",
    "reporting_verbs.txt",
    "intensifiers.txt",
    "distancing.txt",
)
NEUTRAL_FILE = "neutral.txt"

# Irregular past forms that the phrase lists need ("paid a price"); regular ones are generated.
_IRREGULAR = {"paid": "pay", "fought": "fight", "hit": "hit", "led": "lead", "spat": "spit"}
_FUNCTION_WORDS = frozenset(["a", "an", "the", "of", "on", "to", "in", "at", "by", "for", "with"])
_VOWELS = frozenset("aeiou")


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry: the form written in the list and what a match of it means."""

    term: str
    category: str
    weight: float
    reason: str
    narration_only: bool = False


@dataclass(frozen=True, slots=True)
class Category:
    """One list file after parsing: its header fields and its entries (lemma forms)."""

    name: str
    weight: float
    inflect: str
    reason: str
    narration_only: bool
    entries: tuple[tuple[str, float], ...]


@dataclass(slots=True)
class Lexicon:
    """Everything terms.py looks up.

    ``words`` maps an inflected single-word form to its entry; ``phrases`` maps a phrase,
    as the tuple of its words' lemmas, to its entry; ``lemmas`` maps every inflected form of a
    phrase word to its lemma (so "paid a price" finds "pay a price"); ``neutral`` holds the
    neutral collocations as word tuples. ``matcher`` and ``spellings`` (every string the
    matcher can match, mapped to its entry, or to None for a neutral collocation) are filled in
    by terms.py on first use.
    """

    words: dict[str, Entry] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    lemmas: dict[str, str] = field(default_factory=dict)
    neutral: list[tuple[str, ...]] = field(default_factory=list)
    categories: dict[str, Category] = field(default_factory=dict)
    matcher: re.Pattern[str] | None = None
    spellings: dict[str, Entry | None] = field(default_factory=dict)


def _noun_forms(w: str) -> list[str]:
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return [w + "es"]
    if w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        return [w[:-1] + "ies"]
    return [w + "s"]


def _verb_forms(w: str) -> list[str]:
    out = list(_noun_forms(w))
    if w.endswith("e"):
        out += [w + "d", w[:-1] + "ing"]
    elif w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        out += [w[:-1] + "ied", w + "ing"]
    else:
        out += [w + "ed", w + "ing"]
        # Consonant-vowel-consonant endings double the consonant: slam, slammed, slamming.
        consonant_vowel_consonant = (
            len(w) >= 3
            and w[-1] not in _VOWELS | {"w", "x", "y"}
            and w[-2] in _VOWELS
            and w[-3] not in _VOWELS
        )
        if consonant_vowel_consonant:
            out += [w + w[-1] + "ed", w + w[-1] + "ing"]
    return out


def _adverb_forms(w: str) -> list[str]:
    if w.endswith("ic"):
        return [w + "ally"]
    if w.endswith("le"):
        return [w[:-1] + "y"]
    if w.endswith("y") and len(w) > 2:
        return [w[:-1] + "ily"]
    if w.endswith(("ed", "ing")):
        return [w + "ly"]
    return [w + "ly"]


def inflections(word: str, kind: str) -> list[str]:
    """The word itself and the forms ``kind`` asks for; hyphenated words inflect at the end."""
    out = [word]
    if kind in ("noun", "all"):
        out += _noun_forms(word)
    if kind in ("verb", "all"):
        out += _verb_forms(word)
    if kind in ("adjective", "all") and not word.endswith("ly"):
        out += _adverb_forms(word)
    return list(dict.fromkeys(out))


def parse_category(text: str, filename: str = "<list>") -> Category:
    """Parse one list file; a malformed header or weight is an error naming the file."""
    header: dict[str, str] = {}
    entries: list[tuple[str, float]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if sep:
                header[key.strip().lower()] = value.strip()
            continue
        term, sep, weight = line.partition("|")
        entries.append((term.strip().lower(), float(weight) if sep else -1.0))
    try:
        default = float(header["weight"])
        name = header["category"]
    except (KeyError, ValueError) as exc:
        raise ValueError(f"{filename}: header needs 'category' and numeric 'weight'") from exc
    inflect = header.get("inflect", "none")
    if inflect not in ("noun", "verb", "adjective", "all", "none"):
        raise ValueError(f"{filename}: unknown inflect {inflect!r}")
    resolved = tuple((t, default if w < 0 else w) for t, w in entries)
    for term, w in resolved:
        if not 0.0 < w <= 1.0:
            raise ValueError(f"{filename}: weight of {term!r} must be in (0, 1]")
    return Category(
        name=name,
        weight=default,
        inflect=inflect,
        reason=header.get("reason", ""),
        narration_only=header.get("voice", "both") == "narration",
        entries=resolved,
    )


def _read(filename: str) -> str:
    return resources.files(__package__).joinpath("data", filename).read_text(encoding="utf-8")


def build_lexicon(categories: list[Category], neutral: list[str]) -> Lexicon:
    """Index parsed categories; an entry written out explicitly beats a generated form."""
    lex = Lexicon()
    generated: dict[str, Entry] = {}
    for cat in categories:
        lex.categories[cat.name] = cat
        for term, weight in cat.entries:
            entry = Entry(term, cat.name, weight, cat.reason, cat.narration_only)
            parts = tuple(term.split())
            if len(parts) == 1:
                lex.words.setdefault(term, entry)
                for form in inflections(term, cat.inflect)[1:]:
                    generated.setdefault(form, entry)
                continue
            for part in parts:
                if len(part) >= 3 and part not in _FUNCTION_WORDS:
                    for form in inflections(part, "verb"):
                        lex.lemmas.setdefault(form, part)
            lex.phrases.setdefault(parts, entry)
    for form, entry in generated.items():
        lex.words.setdefault(form, entry)
    for form, lemma in _IRREGULAR.items():
        if lemma in lex.lemmas.values():
            lex.lemmas.setdefault(form, lemma)
    lex.neutral = [tuple(p.split()) for p in neutral if p.split()]
    return lex


@cache
def get_lexicon() -> Lexicon:
    """The packaged lexicon, read on first use so that importing the plugin costs nothing."""
    categories = [parse_category(_read(name), name) for name in CATEGORY_FILES]
    neutral = [
        line.strip().lower()
        for line in _read(NEUTRAL_FILE).splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    return build_lexicon(categories, neutral)
