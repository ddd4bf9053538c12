"""The detectors, one per kind of artifact, and the weight each carries in the score.

A detector is a function from a ``Context`` to spans that all carry the detector's label.
The weight says how much one unit of its evidence counts: word-order and punctuation faults
that a native writer practically never produces weigh more than article drops, which a
hurried native sub-editor also makes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from biaskit import Span
from biaskit_translation_artifacts.context import Context
from biaskit_translation_artifacts.detectors import (
    agreement,
    articles,
    calques,
    collocations,
    inversion,
    punctuation,
    reflexive,
    subjectless,
)

__all__ = ["DETECTORS", "Detector"]


@dataclass(frozen=True, slots=True)
class Detector:
    label: str
    weight: float
    detect: Callable[[Context], list[Span]]
    # Wording inside a quotation may be the speaker's own translated remarks, which a
    # native outlet quotes as it receives them; only the reporter's voice convicts fully.
    quote_discount: bool = False
    # Whether the trained model reads this detector's rate (see ``collocations`` for why
    # one does not).
    in_model: bool = True


DETECTORS: tuple[Detector, ...] = (
    Detector(punctuation.LABEL_QUOTE, 1.0, punctuation.detect_quote_punctuation),
    Detector(punctuation.LABEL_SPACE, 0.8, punctuation.detect_space_before_punct),
    Detector(inversion.LABEL, 1.5, inversion.detect),
    Detector(subjectless.LABEL, 1.5, subjectless.detect),
    Detector(articles.LABEL, 0.8, articles.detect, quote_discount=True),
    Detector(calques.LABEL, 1.2, calques.detect, quote_discount=True),
    Detector(reflexive.LABEL, 1.2, reflexive.detect, quote_discount=True),
    Detector(agreement.LABEL, 1.0, agreement.detect, quote_discount=True),
    Detector(collocations.LABEL, 1.0, collocations.detect, quote_discount=True, in_model=False),
)
