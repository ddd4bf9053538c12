"""What the bench compares: installed scorers (adapted here) and simple baselines.

A scorer is read through its public output only, a DimensionScore, so any third-party
scorer can be benchmarked without writing an adapter:
- lines: a line's score is the per-line probability a scorer publishes in
  ``details["lines"]`` (items with ``start``, ``end``, ``probability``) when it does, else the
  strongest span covering the line; the decision is the scorer's own (a span covers the line).
- sentences and documents: the score is the DimensionScore's score, the decision is left to
  a threshold chosen on the dev split, and the blamed words are those inside term-level spans
  (spans of at most ``TERM_WORDS`` words; longer ones mark whole sentences, not terms).
- spans: the scorer's spans, matched against the gold spans by the dataset's ``counts``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from biaskit.bench.model import Example, Prediction
from biaskit.hookspecs import hookimpl
from biaskit.model import DimensionScore, Document
from biaskit.protocols import Classifier, Scorer
from biaskit.text import lines

TERM_WORDS = 4
_WORD = re.compile(r"\w+(?:['’\-]\w+)*")


class ScorerClassifier:
    """Any installed scorer, seen by the bench through its DimensionScore."""

    tasks = frozenset({"lines", "sentences", "documents", "spans"})

    def __init__(self, scorer: Scorer, name: str | None = None) -> None:
        self.scorer = scorer
        self.name = name or scorer.name
        self.version = scorer.version

    def fit(self, train: Sequence[Example], dev: Sequence[Example]) -> None:
        """Scorers arrive trained (or rule-based); the bench never fits them. One warm-up
        call loads whatever the scorer loads lazily (a model, a frequency table), so that the
        timed pass measures scoring, as a long run would see it, and not a one-off load."""
        warm = next(iter(dev or train), None)
        if warm is not None:
            self.scorer.score(Document(warm.id, warm.text))

    def predict(self, example: Example) -> Prediction:
        result = self.scorer.score(Document(example.id, example.text))
        if example.task == "lines":
            return line_prediction(example.text, result)
        if example.task == "spans":
            return Prediction((), spans=result.spans)
        words = term_words(example.text, result)
        score = float(result.score)
        cut = own_sentence_threshold(result) if example.task == "sentences" else None
        decisions = None if cut is None else (score >= cut,)
        return Prediction((score,), decisions, words=words, spans=result.spans)


def own_sentence_threshold(result: DimensionScore) -> float | None:
    """The cut-off a scorer publishes (``details["sentence_threshold"]``) for calling a
    sentence positive, if any.

    A scorer that learned its cut-off (on more data than the bench's dev split, say) is
    measured by the decisions its users see; without one, the bench picks a threshold on
    dev for it.
    """
    cut = result.details.get("sentence_threshold")
    if isinstance(cut, bool) or not isinstance(cut, int | float):
        return None
    return float(cut)


def line_prediction(text: str, result: DimensionScore) -> Prediction:
    segs = lines(text)
    published = {
        (int(item["start"]), int(item["end"])): float(item["probability"])
        for item in result.details.get("lines", ())
        if isinstance(item, dict) and {"start", "end", "probability"} <= item.keys()
    }
    scores: list[float] = []
    decisions: list[bool] = []
    spans = sorted(result.spans, key=lambda s: s.start)
    j = 0
    for seg in segs:
        while j < len(spans) and spans[j].end <= seg.start:
            j += 1
        covering = [s for s in spans[j : j + 8] if s.start < seg.end and s.end > seg.start]
        flagged = bool(covering)
        strongest = max((s.score for s in covering), default=0.0)
        scores.append(published.get((seg.start, seg.end), strongest))
        decisions.append(flagged)
    return Prediction(tuple(scores), tuple(decisions))


def term_words(text: str, result: DimensionScore) -> frozenset[str]:
    words: set[str] = set()
    for span in result.spans:
        found = _WORD.findall(text[span.start : span.end])
        if 0 < len(found) <= TERM_WORDS:
            words.update(w.lower() for w in found)
    return frozenset(words)


class MajorityClass:
    """Predicts the most frequent label of the train split for every unit."""

    name = "majority"
    version = "1"
    tasks = frozenset({"lines", "sentences", "documents"})

    def __init__(self) -> None:
        self.positive_ = False

    def fit(self, train: Sequence[Example], dev: Sequence[Example]) -> None:
        labels = [label for ex in train for label in ex.labels]
        self.positive_ = sum(labels) * 2 > len(labels)

    def predict(self, example: Example) -> Prediction:
        n = len(example.labels)
        value = 1.0 if self.positive_ else 0.0
        return Prediction((value,) * n, (self.positive_,) * n, frozenset())


class TrainLexicon:
    """A sentence is biased when it contains a word of a lexicon learned from the train split:
    words the experts marked as biased at least ``min_count`` times and in at least
    ``min_ratio`` of the train sentences where they occur (so that "the" or "said", marked
    now and then as part of a phrase, stay out). Those words are the ones it blames.

    The simplest lexicon a user could build from the same training data, and so the baseline a
    learned model has to beat.
    """

    name = "lexicon"
    version = "1"
    tasks = frozenset({"sentences"})

    def __init__(self, min_count: int = 2, min_ratio: float = 0.3) -> None:
        self.min_count = min_count
        self.min_ratio = min_ratio
        self.lexicon_: frozenset[str] = frozenset()

    def fit(self, train: Sequence[Example], dev: Sequence[Example]) -> None:
        marked: Counter[str] = Counter(w for ex in train for w in (ex.words or ()))
        seen: Counter[str] = Counter(
            w for ex in train for w in {t.lower() for t in _WORD.findall(ex.text)}
        )
        self.lexicon_ = frozenset(
            w
            for w, c in marked.items()
            if c >= self.min_count and c / max(seen[w], c) >= self.min_ratio
        )

    def predict(self, example: Example) -> Prediction:
        found = frozenset(w.lower() for w in _WORD.findall(example.text)) & self.lexicon_
        return Prediction((1.0 if found else 0.0,), (bool(found),), found)


def builtin_classifiers() -> list[Any]:
    from biaskit.bench.justext_adapter import JusTextLines

    return [MajorityClass(), TrainLexicon(), JusTextLines()]


@hookimpl
def biaskit_classifiers() -> list[Classifier]:
    return builtin_classifiers()
