"""The model's input: one row of length-free numbers per document.

Translationese research (Baroni and Bernardini 2006; Volansky, Ordan and Wintner 2015)
finds translated text best told from original text by its function words, then by lexical
variety, cohesive markers and punctuation; the detectors add what a reader sees. Every
feature here is a rate, a ratio or a shape, never a count or a length: a corpus whose two
classes differ in length (WMT21's does) must not let a model learn "short means
translated". Rates are per word; rare events are per 1,000 words and log-scaled, so one
finding in a short text does not dwarf everything else.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from biaskit_translation_artifacts.context import Context, prose_tokens
from biaskit_translation_artifacts.detectors import DETECTORS

# The function words whose rates the model reads: the commonest closed-class words of
# English news, where translations from Russian (no articles, freer word order, other
# connectives) drift furthest.
FUNCTION_WORDS: tuple[str, ...] = (
    "the", "a", "an", "of", "to", "in", "and", "that", "for", "is", "on", "was", "it",
    "with", "he", "as", "at", "by", "be", "from", "has", "his", "have", "will", "are",
    "not", "this", "but", "they", "had", "who", "were", "been", "would", "we", "which",
    "their", "its", "or", "more", "about", "after", "also", "than", "there", "all", "i",
    "she", "her", "said", "can", "so", "if", "one", "up", "out", "when", "what", "our",
    "these", "such", "well", "now", "only", "into", "other", "should", "must", "may",
    "then", "however", "already", "even", "very", "just", "over", "since", "while",
)  # fmt: skip
_FW_INDEX = {w: i for i, w in enumerate(FUNCTION_WORDS)}

DETECTOR_FEATURES: tuple[str, ...] = tuple(
    f"{d.label.replace('-', '_')}_per_1k" for d in DETECTORS if d.in_model
)
PROFILE_FEATURES: tuple[str, ...] = (
    "function_word_deviation",
    "type_token_ratio",
    "sentence_length_cv",
    "cohesive_markers_per_1k",
    "bare_noun_rate",
)
SHAPE_FEATURES: tuple[str, ...] = (
    "said_share",
    "news_opener_rate",
    "perfect_rate",
    "progressive_rate",
    "possessive_rate",
    "particle_rate",
    "mean_word_length",
    "long_word_rate",
    "capitalised_rate",
    "number_rate",
    "comma_rate",
    "colon_rate",
    "semicolon_rate",
    "dash_rate",
    "parenthesis_rate",
    "quote_mark_rate",
    "question_rate",
)
FEATURE_NAMES: tuple[str, ...] = (
    *(f"fw_{w}" for w in FUNCTION_WORDS),
    *PROFILE_FEATURES,
    *SHAPE_FEATURES,
    *DETECTOR_FEATURES,
    "span_score",
)

# Reporting verbs other than "say": Russian news rotates "заявил, отметил, подчеркнул",
# and translations keep the rotation where English news mostly repeats "said".
_OTHER_SPEECH = frozenset([
    "noted", "stressed", "emphasized", "emphasised", "stated", "declared", "announced",
    "explained", "added", "pointed", "told", "informed", "reported", "specified",
    "clarified", "recalled", "underlined"
])  # fmt: skip
_SAY = frozenset(["said", "says", "say"])
# Sentence openers that Russian news uses as links ("Ранее", "Напомним", "При этом").
_NEWS_OPENER = re.compile(
    r"(?:Earlier|Recall|As|According|At the same time|In addition|Also|Meanwhile|In turn|"
    r"However|Moreover|Thus|Therefore|Now|Today|Yesterday|Previously)\b"
)
# Russian has no perfect and no progressive aspect, a genitive where English may use "'s",
# and few phrasal verbs: translations under-use all four.
# Patterns that would open with \b are written without it, so that the engine can skip to
# candidate first letters; ``_count_at_word_starts`` checks the boundary and, where it
# fails, searches again from the next character, which finds exactly the matches the
# pattern with \b would.
_PERFECT = re.compile(
    r"(?:has|have|had)\s+(?:\w+ly\s+|not\s+|never\s+|already\s+|also\s+)?"
    r"(?:been|\w+ed|\w+en|made|said|done|told|got|left|found|held|put|set|sent|paid|seen|"
    r"come|become|run|won|lost|built|taken|given|known|shown|grown|begun)\b"
)
_PROGRESSIVE = re.compile(r"(?:is|are|was|were|be|been|am)\s+(?:\w+ly\s+)?\w{2,}ing\b")
_POSSESSIVE = re.compile(r"\w['’]s\b")
_PARTICLE = re.compile(r"\b\w+\s+(?:up|down|off|out|back|away|over)\b(?!\s+(?:of|the|a|to)\b)")
# A capitalised word that does not open the text, a sentence or a quotation (checked in
# ``_capitalised``), and a number's first digit (``_numbers``).
_CAPITAL = re.compile(r"[A-Z][a-z]")
_DIGIT = re.compile(r"\d")
_SENTENCE_OPENERS = frozenset('.!?\n"“«')


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _count_at_word_starts(rx: re.Pattern[str], text: str) -> int:
    """Matches of ``rx`` that start a word: ``len(re.findall(r"\b" + rx.pattern))`` for a
    pattern whose first character is a word character, without testing every position."""
    count = 0
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        start = m.start()
        if start > 0 and _is_word_char(text[start - 1]):
            pos = start + 1
            continue
        count += 1
        pos = m.end() if m.end() > start else start + 1
    return count


def _capitalised(text: str) -> int:
    count = 0
    for m in _CAPITAL.finditer(text):
        i = m.start()
        if i == 0 or _is_word_char(text[i - 1]):
            continue
        if i >= 2 and text[i - 1].isspace() and text[i - 2] in _SENTENCE_OPENERS:
            continue
        count += 1
    return count


def _numbers(text: str) -> int:
    return sum(
        1 for m in _DIGIT.finditer(text) if not (m.start() and _is_word_char(text[m.start() - 1]))
    )


_QUOTES = re.compile(r"[\"“”«»„]")
_DASHES = re.compile(r"\s[—–-]\s|—")


def shape(ctx: Context, tokens: Sequence[str]) -> dict[str, float]:
    n = max(len(tokens), 1)
    text = " ".join(seg.text for seg in ctx.prose)
    letters = sum(len(t) for t in tokens)
    lower = text.lower()
    said = sum(1 for t in tokens if t in _SAY)
    other = sum(1 for t in tokens if t in _OTHER_SPEECH)
    openers = sum(1 for seg in ctx.prose if _NEWS_OPENER.match(seg.text))
    return {
        "said_share": said / (said + other) if said + other else 0.5,
        "news_opener_rate": openers / max(len(ctx.prose), 1),
        "perfect_rate": _count_at_word_starts(_PERFECT, lower) / n,
        "progressive_rate": _count_at_word_starts(_PROGRESSIVE, lower) / n,
        "possessive_rate": len(_POSSESSIVE.findall(text)) / n,
        "particle_rate": len(_PARTICLE.findall(lower)) / n,
        "mean_word_length": letters / n,
        "long_word_rate": sum(1 for t in tokens if len(t) >= 9) / n,
        "capitalised_rate": _capitalised(text) / n,
        "number_rate": _numbers(text) / n,
        "comma_rate": text.count(",") / n,
        "colon_rate": text.count(":") / n,
        "semicolon_rate": text.count(";") / n,
        "dash_rate": len(_DASHES.findall(text)) / n,
        "parenthesis_rate": text.count("(") / n,
        "quote_mark_rate": len(_QUOTES.findall(text)) / n,
        "question_rate": text.count("?") / n,
    }


# The model reads English prose only: elsewhere its rates mean nothing.
MIN_MODEL_WORDS = 50
MIN_ENGLISH_SHARE = 0.2
_COMMON = frozenset([
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "on", "was", "with",
    "as", "be", "by", "at", "he", "this", "are", "from", "have", "not", "or", "an", "but",
    "they", "his", "we", "were", "has", "which", "their", "will", "said", "its", "been",
    "who", "would", "had"
])  # fmt: skip


def not_applicable(ctx: Context) -> str | None:
    """Why the model cannot judge this text, or ``None`` when it can."""
    tokens = prose_tokens(ctx)
    if len(tokens) < MIN_MODEL_WORDS:
        return f"fewer than {MIN_MODEL_WORDS} words of running prose"
    common = sum(1 for t in tokens if t in _COMMON)
    if common < MIN_ENGLISH_SHARE * len(tokens) or not ctx.is_english():
        return "not English prose"
    return None


def function_word_rates(tokens: Sequence[str]) -> list[float]:
    rates = [0.0] * len(FUNCTION_WORDS)
    if not tokens:
        return rates
    counts = Counter(t for t in tokens if t in _FW_INDEX)
    n = len(tokens)
    for word, count in counts.items():
        rates[_FW_INDEX[word]] = count / n
    return rates


def row(ctx: Context, metrics: Mapping[str, float]) -> list[float]:
    """The model's row for a document, from its context and the scorer's metrics."""
    tokens = prose_tokens(ctx)
    values = function_word_rates(tokens)
    values.extend(float(metrics[k]) for k in PROFILE_FEATURES)
    got = shape(ctx, tokens)
    values.extend(got[k] for k in SHAPE_FEATURES)
    values.extend(math.log1p(float(metrics[k])) for k in DETECTOR_FEATURES)
    values.append(float(metrics["span_score"]))
    return values
