"""The features a cue classifier reads around one candidate word.

Features come from a fixed list of templates (``TEMPLATES``), each with one value per
candidate: the word, its neighbours and their punctuation (a comma and a closing quote
before "said", a colon or an opening quote after it), whether "that" follows, and which
class the hand lexicon puts the word in. The list was pruned on the dev split: templates
whose removal cost nothing (the bare previous and next word, their shapes, the distance to
the sentence end) were dropped, since every template is a look-up per candidate.

Three kinds of feature let a rare cue word borrow strength from others: its broad class
("cls": communication, belief, stance, perception, evidence; see ``verbclasses``); the
sentence it stands in (``SENTENCE_TEMPLATES``): which reporting verbs of the hand lexicon
come before and after it in the same sentence, and how near, alone and with the word's
lexicon class and broad class; and its frame (``FRAME_TEMPLATES``): what opens the phrase
after it ("that", a pronoun, a determiner, "whether", a quotation, punctuation), alone and
with its broad class. A "support" or "think" in a sentence that already has a "said" is
mostly part of what was said, not a cue of its own; the same word alone in its sentence,
before a clause, often is one.

Written out, features are readable strings ("w=said", "w|next=said|that",
"prev_shape=pron"): that is what the classifier is trained on and what an accepted cue's
note quotes. At scoring time each template is one dictionary look-up of its value.
"""

from __future__ import annotations

import bisect

from .cues import lexicon_kind
from .scan import PUNCT, Scan, key
from .verbclasses import word_class

__all__ = [
    "FRAME_TEMPLATES",
    "SENTENCE_TEMPLATES",
    "TEMPLATES",
    "WORD_TEMPLATES",
    "Parts",
    "candidate_features",
    "candidate_parts",
    "candidate_values",
    "frame_values",
    "near_sentence_end",
    "next_shape",
    "sentence_neighbours",
    "sentence_values",
    "values_of",
    "word_key",
    "word_values",
]

# Templates whose value depends on the candidate word alone: a model folds their weights
# into one prior per word.
WORD_TEMPLATES = ("w", "suffix", "lex", "cls")
# Templates whose value depends on the context, in the order ``candidate_values`` returns.
TEMPLATES = (
    "trail",
    "w|trail",
    "prev_trail",
    "prev_shape",
    "prev2",
    "next2",
    "w|next",
    "prev|w",
    "quote",
    "that",
)
# Where the candidate's trailing punctuation sits in ``candidate_values``: ``next_shape`` reads it.
TRAIL = TEMPLATES.index("trail")
# Templates of the sentence around a candidate: the neighbour value of
# ``sentence_neighbours`` alone, with the word's lexicon class, with its broad class.
SENTENCE_TEMPLATES = ("nb", "lex|nb", "cls|nb")
# Templates of what follows a candidate (``next_shape``), alone and with its broad class.
FRAME_TEMPLATES = ("next_shape", "cls|next_shape")
# A neighbour at most this many words away is "near" ("n"), else "far" ("f").
NEAR_WORDS = 6

_PRONOUNS = frozenset(["he", "she", "they", "i", "we", "it", "who", "you"])
_CLOSING = "”\"’'»"
_OPENING = '“"‘«'
_ENDS = ".!?…"


def _shape(core: str, low: str) -> str:
    """The shape of a word without its punctuation, ``core`` (``low``: in lower case)."""
    if not core:
        return "punct"
    first = core[0]
    if first.isdigit():
        return "num"
    if low in _PRONOUNS:
        return "pron"
    if first.isupper():
        return "cap"
    return "low"


def _trail(word: str) -> str:
    """Punctuation the word ends with ("," ":" ",”" ...), or "" for none."""
    core = word.rstrip(PUNCT)
    return word[len(core) :][:2] if core else ""


# White-space word -> (key, shape, trailing punctuation). Words recur within and across
# articles, so a shared cache saves most of the string work; it is cleared when large.
_INFO: dict[str, tuple[str, str, str]] = {}
_INFO_MAX = 200_000


def word_info(word: str) -> tuple[str, str, str]:
    """(key, shape, trailing punctuation) of a white-space word."""
    found = _INFO.get(word)
    if found is None:
        core = word.strip(PUNCT)
        low = core.lower()
        found = (low, _shape(core, low), _trail(word))
        if len(_INFO) >= _INFO_MAX:
            _INFO.clear()
        _INFO[word] = found
    return found


def word_key(word: str) -> str:
    """``scan.key(word)`` read from the ``word_info`` cache: a dictionary look-up instead of
    stripping punctuation (a set with curly quotes and dashes, so no ASCII fast path) and
    lowering the word again for every candidate; ``word_info`` keys a word the same way."""
    found = _INFO.get(word)
    return found[0] if found is not None else word_info(word)[0]


def _ends(trail: str) -> bool:
    """Whether trailing punctuation closes a sentence ("." "?" ".”" ...)."""
    return trail != "" and (trail[0] in _ENDS or trail[-1] in _ENDS)


def near_sentence_end(s: Scan, i: int) -> bool:
    """Whether the sentence ends at word ``i`` or within the two words after it."""
    words = s.words
    return any(_ends(word_info(words[j])[2]) for j in range(i, min(i + 3, len(words))))


def word_values(k: str) -> tuple[str, str, str, str]:
    """Values of ``WORD_TEMPLATES`` for the key ``k`` of a candidate word."""
    return k, k[-3:], lexicon_kind(k), word_class(k)


def sentence_values(k: str, nb: str) -> tuple[str, str, str]:
    """Values of ``SENTENCE_TEMPLATES`` for the key ``k`` of a candidate word whose
    neighbour value (see ``sentence_neighbours``) is ``nb``."""
    return nb, lexicon_kind(k) + "|" + nb, word_class(k) + "|" + nb


def sentence_neighbours(s: Scan) -> list[str]:
    """For each candidate of ``s`` (in order), "before|after": the lexicon class of the
    nearest lexicon word among the candidates before it in its sentence and after it, with
    "n" when it is at most ``NEAR_WORDS`` words away and "f" when farther ("-" for none):
    "baren|-" for "support" in "Rubio said he does support it".

    One pass each way over the candidates; words outside the hand lexicon are skipped, so
    the value does not depend on which other words a model made candidates."""
    words = s.words
    starts = s.sent_starts
    rows = []
    sentence = 0
    kind_of = _KIND.get
    # Candidates come in text order: the sentence index only moves forward.
    for i, pos in s.candidates:
        sentence = bisect.bisect_right(starts, pos, sentence)
        w = words[i]
        kind = kind_of(w)
        if kind is None:
            kind = _kind(w)
        rows.append((i, sentence, kind))
    after = _nearest(rows[::-1])
    after.reverse()
    return [b + "|" + a for b, a in zip(_nearest(rows), after, strict=True)]


# White-space word -> its lexicon class ("none" for most); cleared when large.
_KIND: dict[str, str] = {}


def _kind(word: str) -> str:
    """The lexicon class of a white-space word, remembered in ``_KIND``."""
    if len(_KIND) >= _INFO_MAX:
        _KIND.clear()
    kind = _KIND[word] = lexicon_kind(key(word))
    return kind


def _nearest(rows: list[tuple[int, int, str]]) -> list[str]:
    """For each (word index, sentence, class) row, the class of the last earlier row in the
    same sentence whose class is not "none" and "n" or "f" for its distance, or "-"."""
    out = []
    last_kind, last_sentence, last_i = "-", -1, 0
    for i, sentence, kind in rows:
        if sentence != last_sentence:
            out.append("-")
        else:
            out.append(last_kind + ("n" if abs(i - last_i) <= NEAR_WORDS else "f"))
        if kind != "none":
            last_kind, last_sentence, last_i = kind, sentence, i
    return out


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_DETERMINERS = _set("the a an this these those his her their its our my your some any no every all")
_WH = _set("whether if how what why when who where which")


def next_shape(s: Scan, i: int, trail: str) -> str:
    """What opens the phrase after candidate ``s.words[i]`` (whose trailing punctuation is
    ``trail``): "p" and the punctuation mark, "end", "quote", "that", "to", "det", "wh", or
    the next word's shape ("pron", "cap", "low", "num"). A verb of saying or thinking
    before a clause ("that", a pronoun or a name as its subject) is a cue far more often
    than one before an object ("the", "a")."""
    if trail:
        return "p" + trail[0]
    words = s.words
    if i + 1 >= len(words):
        return "end"
    w = words[i + 1]
    if w[0] in _OPENING:
        return "quote"
    k, shape, _ = _INFO.get(w) or word_info(w)
    if k in ("that", "to"):
        return k
    if k in _DETERMINERS:
        return "det"
    if k in _WH:
        return "wh"
    return shape


def frame_values(k: str, shape: str) -> tuple[str, str]:
    """Values of ``FRAME_TEMPLATES`` for the key ``k`` of a candidate word whose
    ``next_shape`` is ``shape``."""
    return shape, word_class(k) + "|" + shape


_BOS = ("<s>", "<s>", "")
_EOS = ("</s>", "</s>", ".")


def candidate_values(s: Scan, i: int, pos: int) -> list[str]:
    """Values of ``TEMPLATES`` for the white-space word ``s.words[i]`` at offset ``pos``."""
    return values_of(candidate_parts(s, i, pos))


# What ``candidate_values`` is made of: the key, trailing punctuation and neighbours of a
# candidate, before the pair templates join two of them ("said|that").
Parts = tuple[str, str, str, str, str, str, str, str, str, str]


def values_of(parts: Parts) -> list[str]:
    """Values of ``TEMPLATES`` from ``candidate_parts``."""
    k, t, pt, prev_shape, prev2, next2, nk, pk, quote, that = parts
    return [t, k + "|" + t, pt, prev_shape, prev2, next2, k + "|" + nk, pk + "|" + k, quote, that]


def candidate_parts(s: Scan, i: int, pos: int) -> Parts:
    """(key, trailing punctuation, previous word's trailing punctuation, previous word's
    shape, the word two before, the word two after, next word, previous word, quote, that)
    of the candidate ``s.words[i]`` at offset ``pos``: a model can look up the pair
    templates by word without building their strings (see ``model.CueModel``)."""
    words = s.words
    n = len(words)
    # ``word_info`` inlined: a cache hit is one dictionary look-up, and this runs for every
    # candidate of every document.
    info = _INFO.get
    w = words[i]
    k, _, t = info(w) or word_info(w)
    if i + 1 < n:
        w = words[i + 1]
        nxt = info(w) or word_info(w)
        next_first = w[0]
        if i + 2 < n:
            w = words[i + 2]
            nxt2 = info(w) or word_info(w)
        else:
            nxt2 = _EOS
    else:
        nxt, nxt2, next_first = _EOS, _EOS, ""
    if i == 0:
        prev, prev2, pt = _BOS, _BOS, ""
    else:
        w = words[i - 1]
        prev = info(w) or word_info(w)
        pt = prev[2]
        if pos in s.start_set:
            prev, prev2 = _BOS, _BOS
        elif i > 1:
            w = words[i - 2]
            prev2 = info(w) or word_info(w)
        else:
            prev2 = _BOS
    nk = nxt[0]
    after = (
        (t == "" and next_first != "" and next_first in _OPENING)
        or (t != "" and t[-1] in _OPENING)
        or (t in (":", ",") and next_first != "" and next_first in _OPENING)
    )
    before = (pt != "" and pt[-1] in _CLOSING) or (i > 1 and words[i - 2][-1] in _CLOSING)
    quote = "both" if after and before else "after" if after else "before" if before else "none"
    that = "1" if nk == "that" else "2" if nxt2[0] == "that" else "none"
    return k, t, pt, prev[1], prev2[0], nxt2[0], nk, prev[0], quote, that


def candidate_features(s: Scan, i: int, pos: int, nb: str) -> list[str]:
    """All features of a candidate as readable strings ("w=said", "next=that", ...);
    ``nb`` is its value of ``sentence_neighbours``."""
    k = key(s.words[i])
    values = candidate_values(s, i, pos)
    shape = next_shape(s, i, values[TRAIL])
    named = (
        zip(WORD_TEMPLATES, word_values(k), strict=True),
        zip(TEMPLATES, values, strict=True),
        zip(SENTENCE_TEMPLATES, sentence_values(k, nb), strict=True),
        zip(FRAME_TEMPLATES, frame_values(k, shape), strict=True),
    )
    return [f"{name}={v}" for pairs in named for name, v in pairs]
