"""From loaded terms to sentence probabilities to one document score.

Sentence probability: the terms in a sentence are treated as independent pieces of evidence,
each with the chance ``w`` (its weight) of making the sentence loaded on its own, so the
sentence is loaded with probability ``1 - prod(1 - w_i)``. One mild word leaves a sentence
below 0.5; a pejorative label, or two evaluative words, push it over.

Document score: the mean of the top third of sentence probabilities (at least one sentence).
Loaded wording concentrates in a few sentences (the lede, a quote, the headline), so a plain
mean would dilute it with the neutral sentences every article needs, and a maximum would let
one stray word decide; the top third is long-article-proof and still needs several loaded
sentences to score high. The same aggregate runs twice more: over the reporter's own voice
(terms outside quotation marks, over all sentences) and over quoted material (terms inside
quotation marks, over the sentences that contain a quotation).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from functools import cache
from typing import Any

from biaskit.model import DimensionScore, Document, Span
from biaskit.text import sentences

from .quotes import QuoteRegion
from .terms import Term, scan

__all__ = ["LABELS", "LoadedLanguageScorer", "aggregate", "sentence_probability"]

NEUTRAL_BELOW = 0.12
HEAVY_FROM = 0.35
LOADED_SENTENCE = 0.5
LABELS = ("neutral", "some loaded wording", "heavily loaded")

_CATEGORY_NAMES = {
    "pejorative": "Pejorative label",
    "charged": "Emotionally charged word",
    "evaluative": "Evaluative judgement",
    "reporting-verb": "Loaded verb of saying",
    "intensifier": "Intensifier or hyperbole",
    "distancing": "Distancing word",
    "group-label": "Group label",
    "scare-quote": "Scare quote",
}


def sentence_probability(weights: list[float]) -> float:
    """Noisy-OR of independent pieces of evidence."""
    keep = 1.0
    for w in weights:
        keep *= 1.0 - w
    return 1.0 - keep


def aggregate(probabilities: list[float], n: int | None = None) -> float:
    """Mean of the top third (rounded up) of ``n`` sentence probabilities, of which only the
    non-zero ones need be given; 0 for no sentences."""
    count = len(probabilities) if n is None else max(n, len(probabilities))
    if count == 0:
        return 0.0
    k = math.ceil(count / 3)
    top = sorted(probabilities, reverse=True)[:k]
    return sum(top) / k


def verdict(score: float) -> str:
    if score < NEUTRAL_BELOW:
        return LABELS[0]
    if score < HEAVY_FROM:
        return LABELS[1]
    return LABELS[2]


@cache
def _note(category: str, reason: str, in_quote: bool) -> str:
    where = "in a quote" if in_quote else "in the reporter's voice"
    return f"{_CATEGORY_NAMES.get(category, category)} {where}: {reason}."


class LoadedLanguageScorer:
    """Scores how much emotionally charged, evaluative or pejorative wording an article uses."""

    name = "loaded_language"
    version = "0.1.0"
    description = "Emotionally charged, evaluative and pejorative wording, reporter vs quotes"
    default = True

    def score(self, doc: Document) -> DimensionScore:
        text = doc.text
        terms, regions = scan(text)
        n_words = len(text.split())
        sents = sentences(text)
        starts = [s.start for s in sents]

        # Only sentences holding a term get an entry; every other sentence has probability 0.
        per_all: dict[int, list[float]] = {}
        per_narr: dict[int, list[float]] = {}
        per_quote: dict[int, list[float]] = {}
        for t in terms:
            i = bisect_right(starts, t.start) - 1
            if i < 0:
                continue
            per_all.setdefault(i, []).append(t.weight)
            (per_quote if t.in_quote else per_narr).setdefault(i, []).append(t.weight)

        p_all = {i: sentence_probability(w) for i, w in per_all.items()}
        p_narr = [sentence_probability(w) for w in per_narr.values()]
        n_quoted_sents = _count_sentences_with_quotes(regions, starts, [s.end for s in sents])
        p_quote = [sentence_probability(w) for w in per_quote.values()]

        score = min(1.0, max(0.0, aggregate(list(p_all.values()), len(sents))))
        narration_score = aggregate(p_narr, len(sents))
        quoted_score = aggregate(p_quote, max(n_quoted_sents, len(p_quote)))
        n_quoted = sum(1 for t in terms if t.in_quote)
        loaded = sorted(i for i, p in p_all.items() if p >= LOADED_SENTENCE)

        spans = [
            Span(t.start, t.end, t.label, t.weight, _note(t.category, t.reason, t.in_quote), None)
            for t in terms
        ]
        for i in loaded:
            seg, p = sents[i], p_all[i]
            note = f"Sentence likely loaded (p={p:.2f}) from the terms marked in it."
            spans.append(Span(seg.start, seg.end, "loaded-sentence", p, note))
        spans.sort(key=lambda s: (s.start, s.end))

        metrics = {
            "loaded_terms": float(len(terms)),
            "loaded_terms_narration": float(len(terms) - n_quoted),
            "loaded_terms_quoted": float(n_quoted),
            "terms_per_100_words": 100.0 * len(terms) / n_words if n_words else 0.0,
            "narration_score": narration_score,
            "quoted_score": quoted_score,
            "loaded_sentence_share": len(loaded) / len(sents) if sents else 0.0,
            "sentences": float(len(sents)),
            "words": float(n_words),
        }
        by_cat = Counter(t.category for t in terms)
        details: dict[str, Any] = {
            "categories": dict(sorted(by_cat.items())),
            "dominant_voice": _dominant_voice(narration_score, quoted_score, terms),
            "aggregate": "mean of the top third of sentence probabilities (noisy-OR of weights)",
        }
        return DimensionScore(
            dimension=self.name,
            score=score,
            label=verdict(score),
            spans=tuple(spans),
            metrics=metrics,
            details=details,
            scorer=f"{__package__}.{type(self).__name__}",
            version=self.version,
        )


def _count_sentences_with_quotes(
    regions: list[QuoteRegion], starts: list[int], ends: list[int]
) -> int:
    """How many sentences overlap a quotation."""
    seen: set[int] = set()
    for region in regions:
        i = max(0, bisect_right(starts, region.start) - 1)
        while i < len(starts) and starts[i] < region.end:
            if ends[i] > region.start:
                seen.add(i)
            i += 1
    return len(seen)


def _dominant_voice(narration: float, quoted: float, terms: list[Term]) -> str:
    if not terms:
        return "none"
    if narration >= quoted:
        return "narration"
    return "quotes"
