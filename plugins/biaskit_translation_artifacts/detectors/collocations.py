"""Adverbs that English hardly uses, built word for word from a common stem.

Russian forms an adverb from nearly any adjective ("решительно", "неотъемлемо"), and a
literal translation carries the pattern over: "Washington determinately abandoned
diplomacy". English has the stem ("determinate") but says "decisively". Whether a word is
rare is judged against English word frequencies (the ``wordfreq`` package, Zipf scale:
log10 of occurrences per billion words): an ``-ly`` adverb below ``RARE_ZIPF`` whose stem
is an ordinary word (at least ``STEM_ZIPF``) is flagged together with the word it
modifies. The detector is silent when ``wordfreq`` is not installed (``pip install
wordfreq``); its findings are reported and count in the detectors' reading, but the
trained model does not read them, so that a model's output never depends on whether an
optional package happens to be installed.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import compress
from typing import Any

from biaskit import Span
from biaskit_translation_artifacts.context import Context
from biaskit_translation_artifacts.memo import BoundedMemo

LABEL = "rare-collocation"
RARE_ZIPF = 1.3
STEM_ZIPF = 2.0
MIN_LENGTH = 8
# A Zipf value z means 10**z occurrences per billion words.
_BILLION = 1e9


@cache
def frequencies() -> dict[str, float] | None:
    """wordfreq's English frequencies (word -> share of all words), or None without it."""
    try:
        import wordfreq
    except ImportError:
        return None
    table: Any = wordfreq.get_frequency_dict("en", wordlist="large")
    return dict(table)


def zipf(freq: dict[str, float], word: str) -> float:
    import math

    value = freq.get(word, 0.0)
    return math.log10(value * _BILLION) if value > 0 else 0.0


def _stems(word: str) -> tuple[str, ...]:
    """Candidate adjectives an ``-ly`` adverb comes from: quick-ly, simp-ly (simple),
    happi-ly (happy), basical-ly (basic)."""
    base = word[:-2]
    out = [base]
    if base.endswith("i"):
        out.append(base[:-1] + "y")
    if word.endswith("bly") or word.endswith("ply") or word.endswith("tly"):
        out.append(word[:-1] + "e")
    if base.endswith("al"):
        out.append(base[:-2])
    return tuple(out)


def _long_adverb(word: str) -> bool:
    """Whether a word ends in "-ly" and has at least ``MIN_LENGTH`` letters."""
    return word.endswith("ly") and len(word) >= MIN_LENGTH


_LONG_ADVERBS = BoundedMemo(_long_adverb)
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w\-’']*)")


def detect(ctx: Context) -> list[Span]:
    vocab = ctx.vocab
    # The long -ly words, with one C-level pass over the vocabulary (a set iterates in the
    # same order each time).
    candidates = list(compress(vocab, map(_LONG_ADVERBS.__getitem__, vocab)))
    if not candidates:
        return []
    freq = frequencies()
    if freq is None:
        return []
    out: list[Span] = []
    for word in sorted(candidates):
        rarity = zipf(freq, word)
        if rarity >= RARE_ZIPF:
            continue
        stem = max(_stems(word), key=lambda s: zipf(freq, s))
        if zipf(freq, stem) < STEM_ZIPF:
            continue
        for m in re.finditer(rf"(?<![\w\-]){word}(?![\w\-])", ctx.text, re.IGNORECASE):
            after = _NEXT_WORD.match(ctx.text, m.end())
            end = after.end(1) if after is not None and after[1].lower() not in _STOP else m.end()
            modifies = f", modifying '{after[1]}'" if end > m.end() and after is not None else ""
            out.append(
                Span(
                    m.start(),
                    end,
                    LABEL,
                    0.6,
                    f"'{word}' is rare in English (Zipf {rarity:.1f}: about "
                    f"{10**rarity:.0f} in a billion words) though '{stem}' is common"
                    f"{modifies}: likely an adverb formed word for word.",
                )
            )
    return out


_STOP = frozenset(["and", "or", "but", "the", "a", "an", "to", "of", "in", "on", "at", "by"])
