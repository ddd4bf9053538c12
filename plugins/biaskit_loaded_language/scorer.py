"""The ``loaded_language`` dimension: which sentences are biased, and which words make them so.

Default (the trained model shipped with the plugin, model.py): every sentence gets the
probability that experts would call it biased, and every word the probability that it carries
the bias. A word is reported (a span) when its probability reaches the word cut-off and its
sentence's probability reaches the gate, both chosen on BABE's dev split; its note says why:
the learned weight of its spelling, the lexicon category it belongs to (if any), the context
around it, and whose voice it is in. Sentences whose probability reaches the model's sentence
cut-off are reported too: the cut-off that maximised macro-F1 over out-of-fold train and dev
probabilities (``sentence_threshold_``; 0.5 for models saved before it was learned, and for
the embedding scorer's blended probabilities).

Document score: the mean of the top third of sentence probabilities (at least one sentence).
Loaded wording concentrates in a few sentences (the lede, a quote, the headline), so a plain
mean would dilute it with the neutral sentences every article needs, and a maximum would let
one stray sentence decide; the top third is long-article-proof and still needs several loaded
sentences to score high. The same aggregate runs over each sentence's reporter's-voice
probability (the model applied to the words outside quotation marks; ``narration_score``) and
over the quoted-material probability of the sentences that quote someone (``quoted_score``).

Rules only (``use_model=False``): the lexicon's terms are independent pieces of evidence, each
with the chance ``w`` (its weight) of making the sentence loaded on its own, so the sentence
is loaded with probability ``1 - prod(1 - w_i)`` (noisy-OR); the document aggregate is the
same.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from biaskit.model import DimensionScore, Document, Span
from biaskit.text import sentences

from .features import sentence_bounds
from .quotes import QuoteRegion
from .terms import Term, scan

if TYPE_CHECKING:
    from biaskit.bench.model import Example
    from biaskit.bench.training import TrainedModel

    from .model import LoadedLanguageModel, WordWeight

__all__ = [
    "LABELS",
    "SHIPPED_MODEL",
    "LoadedLanguageScorer",
    "aggregate",
    "sentence_probability",
    "shipped_model",
]

SHIPPED_MODEL = "loaded_language.skops"
# Cut-offs on the document score for the label. The model's scale (probabilities of a
# BABE-style expert judgement, top-third mean) differs from the rules' (noisy-OR of lexicon
# weights), so each has its own; set by reading unlabelled articles, not tuned on BABE.
MODEL_NEUTRAL_BELOW = 0.3
MODEL_HEAVY_FROM = 0.55
NEUTRAL_BELOW = 0.12
HEAVY_FROM = 0.35
# The rules' cut-off for a loaded sentence, and the trained model's when it has none of its own
# (models saved before it was learned) or its probabilities were rescored (score_with_model).
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


def verdict(
    score: float, neutral_below: float = NEUTRAL_BELOW, heavy_from: float = HEAVY_FROM
) -> str:
    if score < neutral_below:
        return LABELS[0]
    if score < heavy_from:
        return LABELS[1]
    return LABELS[2]


@cache
def shipped_model() -> LoadedLanguageModel:
    """The model trained on BABE that ships with the plugin, loaded (skops, trusted types
    only) on first use."""
    from .model import load

    with resources.as_file(resources.files(__package__).joinpath(SHIPPED_MODEL)) as path:
        return load(path)


@cache
def _note(category: str, reason: str, in_quote: bool) -> str:
    where = "in a quote" if in_quote else "in the reporter's voice"
    return f"{_CATEGORY_NAMES.get(category, category)} {where}: {reason}."


class LoadedLanguageScorer:
    """Scores how much emotionally charged, evaluative or pejorative wording an article uses.

    With the trained model (the default: the model shipped in the package, loaded on the first
    ``score``), every sentence gets a probability of being biased and every word the
    probability that it carries the bias; ``use_model=False`` scores with the lexicon rules
    alone. ``model`` is a fitted ``LoadedLanguageModel`` (see ``with_model``);
    ``lexicon_spans`` also reports every term the lexicon rules find (phrases, scare quotes,
    group labels), blamed by the word model or not. It is off by default because on BABE's
    dev split it costs more precision than it adds recall (word F1 0.530 without, 0.453 with).
    """

    name = "loaded_language"
    version = "0.2.4"
    description = "Emotionally charged, evaluative and pejorative wording, reporter vs quotes"
    default = True

    def __init__(
        self, model: Any = None, use_model: bool = True, lexicon_spans: bool = False
    ) -> None:
        self.model = model
        self.use_model = use_model
        self.lexicon_spans = lexicon_spans

    def train(
        self, train: Sequence[Example], dev: Sequence[Example], random_state: int = 0
    ) -> TrainedModel:
        """Fit the sentence and word models on BABE-style examples (``biaskit train
        loaded_language babe``): fit on train, choose settings on dev."""
        import sys

        from biaskit.bench.training import TrainedModel

        from .model import train_model

        def rows(examples: Sequence[Example]) -> list[tuple[str, bool, frozenset[str]]]:
            return [(ex.text, bool(ex.labels[0]), ex.words or frozenset()) for ex in examples]

        model, metrics, params = train_model(
            rows(train), rows(dev), random_state, progress=lambda m: print(m, file=sys.stderr)
        )
        return TrainedModel(model, metrics, params)

    def with_model(self, path: Path) -> LoadedLanguageScorer:
        """This scorer deciding with a model saved by ``biaskit train`` (loaded via skops)."""
        from .model import load

        return LoadedLanguageScorer(load(path), True, self.lexicon_spans)

    def _fitted(self) -> Any:
        if self.model is not None:
            return self.model
        return shipped_model()

    def score(self, doc: Document) -> DimensionScore:
        if not self.use_model:
            return self._score_rules(doc)
        return score_with_model(self, self._fitted(), doc, self.lexicon_spans)

    def _score_rules(self, doc: Document) -> DimensionScore:
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


_VOICE = {False: "in the reporter's voice", True: "in a quote"}


def _word_note(model: Any, ann: Any, k: int, p: float, explained: WordWeight) -> str:
    """Why word ``k`` of a sentence was blamed, in words: its own learned weight and what
    makes it up, its lexicon category, the push its neighbours gave it, and its voice;
    ``explained`` is ``model.explain_word`` of the word."""
    prev = ann.words[k - 1] if k > 0 else "<s>"
    nxt = ann.words[k + 1] if k + 1 < len(ann.words) else "</s>"
    context = model.context_weight(prev, nxt)
    parts = [_weight_note(explained)]
    if explained.category:
        name = _CATEGORY_NAMES.get(explained.category, explained.category)
        parts.append(
            f"lexicon: {name.lower()}, {explained.reason} ({explained.category_weight:+.1f})"
        )
    if ann.scared[k]:
        parts.append("set in scare quotes")
    if abs(context) >= 0.3:
        parts.append(f"context '{prev} _ {nxt}' ({context:+.1f})")
    voice = "in a quote" if ann.quoted[k] else "in the reporter's voice"
    return f"Loaded term {voice}, p={p:.2f}: " + "; ".join(parts) + "."


def _weight_note(w: WordWeight) -> str:
    """The word's learned weight with its parts, so that a reader can tell a word BABE's
    experts marked from one that only looks or means like such words."""
    itself = (
        "the word itself unseen in BABE's training sentences"
        if w.itself is None
        else f"the word itself {w.itself:+.1f}"
    )
    return (
        f"learned weight {w.own:+.1f} from BABE experts' marks "
        f"(spelling {w.spelling:+.1f}, meaning {w.meaning:+.1f}, {itself})"
    )


def score_with_model(
    scorer: Any,
    model: Any,
    doc: Document,
    lexicon_spans: bool,
    rescore: Callable[[str, Any], None] | None = None,
) -> DimensionScore:
    """Score ``doc`` with a fitted model; ``rescore`` may replace the sentence probabilities
    (the embedding scorer's hook) before anything is derived from them."""
    from .model import _logit, _sigmoid

    text = doc.text
    bounds = sentence_bounds(text)
    scored = model.analyse(text, bounds)
    if rescore is not None:
        rescore(text, scored)
    cut = _logit(model.word_threshold_)
    gate = model.gate_threshold_
    # The model's cut-off was chosen for its own probabilities, not a rescored blend's.
    loaded_from = model.sentence_threshold_ if rescore is None else LOADED_SENTENCE
    spans: list[Span] = []
    probs = scored.probability
    narr = scored.narration
    quoted = [q for q in scored.quoted if q is not None]
    n_loaded = n_blamed = n_blamed_quoted = 0
    n_words = len(scored.words)
    logits = scored.logits
    hits_by_sentence: dict[int, list[int]] = {}
    if n_words:
        first = scored.first
        for j in (logits >= cut).nonzero()[0].tolist():
            i = bisect_right(first, j) - 1
            while first[i + 1] <= j:  # skip sentences without words
                i += 1
            if probs[i] >= gate:
                hits_by_sentence.setdefault(i, []).append(j - first[i])
    # Only sentences with a blamed word or likely biased get spans; the rest need no visit.
    loaded_sentences = [i for i, p in enumerate(probs) if p >= loaded_from]
    for i in sorted(hits_by_sentence.keys() | loaded_sentences):
        start, end = scored.bounds[i]
        p = probs[i]
        strongest: list[tuple[float, str]] = []
        hits = hits_by_sentence.get(i)
        if hits:
            ann = scored.words_of(i)
            base = scored.first[i]
            for k in hits:
                x = float(logits[base + k])
                q = _sigmoid(x)
                assert ann.spans is not None
                s, e = ann.spans[k]
                strongest.append((x, ann.words[k]))
                n_blamed += 1
                n_blamed_quoted += ann.quoted[k]
                explained = model.explain_word(ann.words[k])
                category = "scare-quote" if ann.scared[k] else explained[1]
                label = category or "loaded-term"
                spans.append(Span(s, e, label, q, _word_note(model, ann, k, q, explained)))
        if p >= loaded_from:
            n_loaded += 1
            top = ", ".join(w for _, w in sorted(strongest, reverse=True)[:3])
            voices = f"reporter's voice p={narr[i]:.2f}"
            if scored.quoted[i] is not None:
                voices += f", quoted material p={scored.quoted[i]:.2f}"
            note = f"Sentence likely biased (p={p:.2f}; {voices})" + (
                f"; strongest words: {top}." if top else "."
            )
            spans.append(Span(start, end, "loaded-sentence", p, note))
    per_sentence = [
        {"start": start, "end": end, "probability": p, "narration": n, "quoted": q}
        for (start, end), p, n, q in zip(scored.bounds, probs, narr, scored.quoted, strict=True)
    ]
    if lexicon_spans:
        terms, _ = scan(text)
        for t in terms:
            note = _note(t.category, t.reason, t.in_quote)
            spans.append(Span(t.start, t.end, t.label, t.weight, note))
    spans.sort(key=lambda s: (s.start, s.end))
    n_sents = len(bounds)
    score = min(1.0, max(0.0, aggregate(probs)))
    narration_score = aggregate(narr)
    quoted_score = aggregate(quoted)
    metrics = {
        "loaded_terms": float(n_blamed),
        "loaded_terms_narration": float(n_blamed - n_blamed_quoted),
        "loaded_terms_quoted": float(n_blamed_quoted),
        "terms_per_100_words": 100.0 * n_blamed / n_words if n_words else 0.0,
        "narration_score": narration_score,
        "quoted_score": quoted_score,
        "loaded_sentences": float(n_loaded),
        "loaded_sentence_share": n_loaded / n_sents if n_sents else 0.0,
        "max_sentence_probability": max(probs, default=0.0),
        "sentences": float(n_sents),
        "sentences_with_quotes": float(len(quoted)),
        "words": float(n_words),
    }
    details: dict[str, Any] = {
        "dominant_voice": _voice(narration_score, quoted_score, n_blamed > 0),
        "aggregate": "mean of the top third of sentence probabilities (trained model)",
        "sentences": per_sentence,
        "word_threshold": model.word_threshold_,
        "gate_threshold": gate,
    }
    if rescore is None:
        # Published only where it was learned for these probabilities: the bench then
        # measures the scorer's own decisions, and picks a cut-off on dev for a blend's.
        details["sentence_threshold"] = loaded_from
    return DimensionScore(
        dimension=scorer.name,
        score=score,
        label=verdict(score, MODEL_NEUTRAL_BELOW, MODEL_HEAVY_FROM),
        spans=tuple(spans),
        metrics=metrics,
        details=details,
        scorer=f"{__package__}.{type(scorer).__name__}",
        version=scorer.version,
    )


def _voice(narration: float, quoted: float, any_found: bool) -> str:
    if not any_found:
        return "none"
    return "narration" if narration >= quoted else "quotes"
