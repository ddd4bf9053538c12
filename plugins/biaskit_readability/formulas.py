"""The textstat formulas, run offline on a sentence-faithful view of the article.

textstat finds sentences by terminal punctuation only, so in extracted article text a
headline, a byline, a subheading or a list of related links (lines with no full stop) is
glued onto the next sentence, and one such line can add several grade levels. biaskit's
shared segmentation treats a line break as a sentence end; ``textstat_view`` gives textstat
the same boundaries by closing every line that lacks terminal punctuation. For prose whose
lines all end a sentence the view changes nothing textstat counts, so the numbers are
exactly textstat's.

textstat (and with it NLTK, about a second to import) is imported on first use, after the
offline CMU dictionary is in place, so that importing the plugin stays free and scoring
never reaches for ``nltk.download``.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Any

from biaskit.text import lines

__all__ = ["Formulas", "compute", "engine_info", "textstat_view"]

# Characters that may close a sentence after its terminal mark: quotes and brackets.
_CLOSERS = "\"'”’»)]"
_TERMINAL = ".!?"


def textstat_view(text: str) -> str:
    """``text`` with each line closed as a sentence, one line per line, blank lines dropped."""
    out = []
    for seg in lines(text):
        body = seg.text.rstrip(_CLOSERS)
        out.append(seg.text if body and body[-1] in _TERMINAL else seg.text + ".")
    return "\n".join(out)


@dataclass(frozen=True, slots=True)
class Formulas:
    """textstat's counts and indices for one text; all zero when it has no words."""

    words: int
    sentences: int
    avg_sentence_length: float
    avg_syllables_per_word: float
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float


_EMPTY = Formulas(0, 0, 0.0, 0.0, 0.0, 0.0, 0.0)
_lock = threading.Lock()
_engine: Any = None
_info: dict[str, str] = {}


def _get_engine() -> Any:
    """Our own textstat instance, so another library's ``set_lang`` or rounding cannot leak in."""
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                from biaskit_readability.cmudict_corpus import (
                    cmudict_version,
                    ensure_nltk_cmudict,
                )

                root = ensure_nltk_cmudict()
                import textstat
                from textstat.textstat import textstatistics

                engine = textstatistics()
                engine.set_lang("en_US")
                # set_rounding_points arrived in textstat 0.7.6; older ones round by default.
                if hasattr(engine, "set_rounding_points"):
                    engine.set_rounding_points(None)
                else:  # pragma: no cover - textstat < 0.7.6
                    engine.set_rounding(False)
                _info.update(
                    engine=f"textstat {'.'.join(map(str, textstat.__version__))}",
                    cmudict=cmudict_version(),
                    nltk_data=str(root),
                )
                _engine = engine
    return _engine


def engine_info() -> dict[str, str]:
    """Which textstat and dictionary produced the numbers (empty before first use)."""
    return dict(_info)


def _finite(value: Any) -> float:
    x = float(value)
    return x if math.isfinite(x) else 0.0


def compute(text: str) -> Formulas:
    """textstat's English readability figures for ``text`` (via ``textstat_view``)."""
    view = textstat_view(text)
    if not view:
        return _EMPTY
    ts = _get_engine()
    words = int(ts.lexicon_count(view))
    if words == 0:
        return _EMPTY
    return Formulas(
        words=words,
        sentences=int(ts.sentence_count(view)),
        avg_sentence_length=_finite(
            getattr(ts, "words_per_sentence", ts.avg_sentence_length)(view)
        ),
        avg_syllables_per_word=_finite(ts.avg_syllables_per_word(view)),
        flesch_reading_ease=_finite(ts.flesch_reading_ease(view)),
        flesch_kincaid_grade=_finite(ts.flesch_kincaid_grade(view)),
        gunning_fog=_finite(ts.gunning_fog(view)),
    )
