"""Document-level translationese features, computed cheaply from word counts.

Translation studies find translated text differs from original text in aggregate: function
words in other proportions, more explicit cohesive markers ("at the same time", "in turn",
"in this regard"), sentence lengths that follow the source, lower lexical variety, and
(from Russian, which has no articles) articles used at an unusual rate. One news article
is too short for any of these to be evidence on its own, so they are reported as metrics
and enter the score only as a small, bounded nudge (see ``scorer``); a trained model can
weigh them properly.

The reference rates below are rough frequencies per 1,000 words for English news prose
from general corpus knowledge (Brown/BNC news-style figures), not fitted to any data here.
"""

from __future__ import annotations

import math
import sys
from itertools import compress, count
from statistics import fmean

from biaskit_translation_artifacts.context import (
    Context,
    prose_counts,
    prose_lengths,
    prose_tokens,
)
from biaskit_translation_artifacts.lexicon import DETERMINERS
from biaskit_translation_artifacts.memo import BoundedMemo

NEWS_FUNCTION_WORDS: dict[str, float] = {
    "the": 58.0, "of": 27.0, "to": 26.0, "a": 22.0, "and": 22.0, "in": 21.0, "that": 10.0,
    "for": 9.0, "is": 8.0, "on": 8.0, "was": 7.0, "it": 7.0, "said": 6.0, "with": 6.0,
    "he": 6.0, "as": 5.0, "at": 5.0, "by": 5.0, "be": 5.0, "from": 4.5, "has": 4.5,
    "his": 4.0, "have": 4.0, "will": 4.0, "are": 4.0, "an": 3.5, "not": 3.0, "this": 3.0,
    "but": 3.0, "they": 3.0, "had": 3.0, "who": 2.5, "were": 2.5, "been": 2.5, "would": 2.5,
    "we": 2.5, "which": 2.0, "their": 2.0, "its": 2.0, "or": 2.0, "more": 1.8, "about": 1.8,
    "after": 1.5, "also": 1.5, "than": 1.2, "there": 1.2,
}  # fmt: skip
_REF_TOTAL = sum(NEWS_FUNCTION_WORDS.values())

_COHESIVE_WORDS = frozenset(
    [
        "however",
        "moreover",
        "furthermore",
        "therefore",
        "thus",
        "hence",
        "besides",
        "nevertheless",
        "nonetheless",
        "consequently",
        "accordingly",
        "meanwhile",
    ]
)
# Multi-word markers by first word, matched on the token sequence.
_COHESIVE_PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {
    "in": (
        ("addition",), ("turn",), ("this", "regard"), ("this", "connection"),
        ("particular",), ("connection", "with"), ("other", "words"),
    ),
    "at": (("the", "same", "time"), ("the", "moment")),
    "as": (("for",), ("well", "as")),
    "first": (("of", "all"),),
    "on": (("the", "other", "hand"),),
    "it": (("should", "be", "noted"),),
    "to": (("date",),),
}  # fmt: skip
# The tails of ``_COHESIVE_PHRASES`` by their first two words.
_COHESIVE_NEXT: dict[tuple[str, str], tuple[tuple[str, ...], ...]] = {}
for _first, _tails in _COHESIVE_PHRASES.items():
    for _tail in _tails:
        _COHESIVE_NEXT[_first, _tail[0]] = (*_COHESIVE_NEXT.get((_first, _tail[0]), ()), _tail)
_PAIR_PREPS = frozenset(
    ["of", "in", "to", "on", "at", "for", "with", "from", "by", "into", "about", "under", "against"]
)
_NOT_NOUN = frozenset(
    [
        "what",
        "whom",
        "which",
        "where",
        "when",
        "while",
        "whether",
        "because",
        "before",
        "after",
        "than",
        "then",
        "there",
        "their",
        "here",
        "such",
        "also",
        "only",
        "even",
        "just",
        "very",
        "over",
        "under",
        "into",
        "onto",
        "upon",
        "about",
        "make",
        "take",
        "help",
        "keep",
        "find",
        "give",
        "show",
        "become",
        "remain",
        "ensure",
        "avoid",
        "reach",
        "allow",
        "prevent",
        "stop",
        "achieve",
        "support",
        "create",
        "provide",
        "protect",
        "discuss",
        "consider",
        "continue",
        "further",
        "least",
        "last",
        "first",
        "next",
        "most",
        "many",
        "much",
        "more",
        "some",
        "other",
        "each",
        "every",
        "both",
        "either",
        "neither",
    ]
)


def _is_bare(w: str) -> bool:
    """Whether ``w`` after a preposition is a noun without a determiner (roughly)."""
    return (
        w not in DETERMINERS
        and len(w) >= 4
        and w not in _NOT_NOUN
        and not w.endswith(("s", "ing", "ly"))
    )


_BARE = BoundedMemo(_is_bare)

PROFILE_METRICS = (
    "function_word_deviation",
    "type_token_ratio",
    "sentence_length_cv",
    "cohesive_markers_per_1k",
    "article_rate",
    "bare_noun_rate",
)


# Below this many words of prose the profile is noise.
MIN_PROFILE_WORDS = 50
TTR_WINDOW = 50


def moving_ttr(tokens: tuple[str, ...] | list[str], window: int = TTR_WINDOW) -> float:
    """Mean type/token ratio of ``window``-word stretches (every ``window // 2`` words): a
    measure of lexical variety that, unlike the plain ratio, does not fall as texts grow."""
    n = len(tokens)
    if n <= window:
        return len(set(tokens)) / n if n else 0.0
    step = window // 2
    starts = range(0, n - window + 1, step)
    # A list, not a generator: ``fmean`` counts a generator's items in Python, a list's by
    # ``len``; the sum is the same correctly rounded ``fsum`` of the same ratios either way.
    return fmean([len(set(tokens[i : i + window])) / window for i in starts])


# Bits of a square root kept before the one rounding to a float (``statistics``'s own).
_SQRT_BITS = 2 * sys.float_info.mant_dig + 3


def _sqrt_of_fraction(num: int, den: int) -> float:
    """The square root of ``num / den`` (in lowest terms), correctly rounded: the integer
    square root at ``_SQRT_BITS`` bits, rounded to odd, then one division to a float, as
    ``statistics`` takes it."""
    q = (num.bit_length() - den.bit_length() - _SQRT_BITS) // 2
    if q >= 0:
        den <<= 2 * q
    else:
        num <<= -2 * q
    root = math.isqrt(num // den)
    root |= root * root * den != num
    return (root << q) / 1 if q >= 0 else root / (1 << -q)


def int_pstdev(values: tuple[int, ...] | list[int]) -> float:
    """``statistics.pstdev(values)`` for integers, from two integer sums: the variance is
    the fraction ``(n * sum(x*x) - sum(x)**2) / n**2`` exactly, whose square root
    ``pstdev`` rounds once. ``pstdev`` itself reaches it through a ``Fraction`` a value at
    a time, which took a quarter of the profile's time."""
    n = len(values)
    if n == 0:
        raise ValueError("int_pstdev needs at least one value")
    total = sum(values)
    num = n * sum(map(int.__mul__, values, values)) - total * total
    den = n * n
    g = math.gcd(num, den)
    return _sqrt_of_fraction(num // g, den // g)


def features(ctx: Context) -> dict[str, float]:
    """The profile metrics of the running prose (headlines and labels left out); all
    finite, zero when the prose is too short to say."""
    tokens = prose_tokens(ctx)
    n = len(tokens)
    out = dict.fromkeys(PROFILE_METRICS, 0.0)
    if n == 0:
        return out
    counts = prose_counts(ctx)
    dev = sum(abs(counts[w] * 1000.0 / n - ref) for w, ref in NEWS_FUNCTION_WORDS.items())
    out["function_word_deviation"] = dev / _REF_TOTAL
    if n < MIN_PROFILE_WORDS:
        # Too short for a stable profile: report nothing rather than noise.
        return out
    out["type_token_ratio"] = moving_ttr(tokens)
    lengths = prose_lengths(ctx)
    if len(lengths) >= 2:
        mean = fmean(lengths)
        out["sentence_length_cv"] = int_pstdev(lengths) / mean
    cohesive = sum(counts[w] for w in _COHESIVE_WORDS)
    # ``i`` is the index of the word after a phrase's first word: only the tails that
    # start with that word are compared.
    for i in compress(count(1), map(_COHESIVE_PHRASES.__contains__, tokens[:-1])):
        tails = _COHESIVE_NEXT.get((tokens[i - 1], tokens[i]))
        if tails is not None and any(tokens[i : i + len(tail)] == tail for tail in tails):
            cohesive += 1
    # The word after each of ``_PAIR_PREPS``; whether it is a bare noun is worked out once
    # a word (``_BARE``).
    following = list(compress(tokens[1:], map(_PAIR_PREPS.__contains__, tokens)))
    determined = sum(map(DETERMINERS.__contains__, following))
    bare = sum(map(_BARE.__getitem__, following))
    out["cohesive_markers_per_1k"] = cohesive * 1000.0 / n
    out["article_rate"] = (counts["the"] + counts["a"] + counts["an"]) / n
    if bare + determined:
        out["bare_noun_rate"] = bare / (bare + determined)
    return out


def _ramp(x: float, lo: float, hi: float) -> float:
    """0 at ``lo``, 1 at ``hi`` (either order), linear between, clipped."""
    t = (x - lo) / (hi - lo)
    return min(1.0, max(0.0, t))


def profile_score(metrics: dict[str, float]) -> float:
    """How far the profile sits from native news, in [0, 1], from the two steadiest signals.

    Function-word deviation of about 0.6 and a 50-word moving type/token ratio of about
    0.83 are ordinary for English news (the article extraction benchmark's medians are 0.54
    and 0.83); translated text drifts towards 1.0 and 0.73. Texts under
    ``MIN_PROFILE_WORDS`` words of prose say too little and score 0.
    """
    if metrics["type_token_ratio"] == 0.0:
        return 0.0
    fw = _ramp(metrics["function_word_deviation"], 0.6, 1.0)
    ttr = _ramp(metrics["type_token_ratio"], 0.83, 0.73)
    return 0.5 * fw + 0.5 * ttr
