"""The features a cue classifier reads around one candidate word.

Features come from a fixed list of templates (``TEMPLATES``), each with one value per
candidate: the word, its neighbours and their punctuation (a comma and a closing quote
before "said", a colon or an opening quote after it), whether "that" follows, and which
class the hand lexicon puts the word in. The list was pruned on the dev split: templates
whose removal cost nothing (the bare previous and next word, their shapes, the distance to
the sentence end) were dropped, since every template is a look-up per candidate.

Written out, features are readable strings ("w=said", "w|next=said|that",
"prev_shape=pron"): that is what the classifier is trained on and what an accepted cue's
note quotes. At scoring time each template is one dictionary look-up of its value.
"""

from __future__ import annotations

from .cues import lexicon_kind
from .scan import PUNCT, Scan, key

__all__ = [
    "TEMPLATES",
    "WORD_TEMPLATES",
    "Parts",
    "candidate_features",
    "candidate_parts",
    "candidate_values",
    "near_sentence_end",
    "values_of",
    "word_values",
]

# Templates whose value depends on the candidate word alone: a model folds their weights
# into one prior per word.
WORD_TEMPLATES = ("w", "suffix", "lex")
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

_PRONOUNS = frozenset(["he", "she", "they", "i", "we", "it", "who", "you"])
_CLOSING = "”\"’'»"
_OPENING = '“"‘«'
_ENDS = ".!?…"


def _shape(word: str, core: str) -> str:
    if not core:
        return "punct"
    first = core[0]
    if first.isdigit():
        return "num"
    if core.lower() in _PRONOUNS:
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
        found = (core.lower(), _shape(word, core), _trail(word))
        if len(_INFO) >= _INFO_MAX:
            _INFO.clear()
        _INFO[word] = found
    return found


def _ends(trail: str) -> bool:
    """Whether trailing punctuation closes a sentence ("." "?" ".”" ...)."""
    return trail != "" and (trail[0] in _ENDS or trail[-1] in _ENDS)


def near_sentence_end(s: Scan, i: int) -> bool:
    """Whether the sentence ends at word ``i`` or within the two words after it."""
    words = s.words
    return any(_ends(word_info(words[j])[2]) for j in range(i, min(i + 3, len(words))))


def word_values(k: str) -> tuple[str, str, str]:
    """Values of ``WORD_TEMPLATES`` for the key ``k`` of a candidate word."""
    return k, k[-3:], lexicon_kind(k)


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


def candidate_features(s: Scan, i: int, pos: int) -> list[str]:
    """All features of a candidate as readable strings ("w=said", "next=that", ...)."""
    k = key(s.words[i])
    return [f"{name}={v}" for name, v in zip(WORD_TEMPLATES, word_values(k), strict=True)] + [
        f"{name}={v}" for name, v in zip(TEMPLATES, candidate_values(s, i, pos), strict=True)
    ]
