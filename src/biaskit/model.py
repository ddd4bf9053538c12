"""The data model every part of biaskit speaks.

Plain frozen dataclasses, so that readers, scorers, the runner and writers can be developed
and tested apart from each other, records pickle cheaply across worker processes, and a
scorer can never change a document another scorer is about to read.

Offsets are character offsets into ``Document.text`` (after the reader's newline
normalisation), so ``doc.text[span.start:span.end]`` is always the evidence itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """One article to score.

    ``meta`` carries what the input knew about the article (outlet, url, date, the encoding
    the reader detected); writers pass it through so that corpus reports can break results
    down by any field.
    """

    id: str
    text: str
    source: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class InputError:
    """An input that could not become a Document.

    It travels down the same stream as documents so that every input yields exactly one
    output record, in order, even when the input was unreadable.
    """

    id: str
    source: str
    message: str
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Span:
    """A finding a reader can check by eye: ``text[start:end]`` and why it was flagged.

    ``group`` ties together spans that form one finding (the source, cue and content of one
    quote, say), so that a report can show them as one relation.
    """

    start: int
    end: int
    label: str
    score: float = 1.0
    note: str = ""
    group: str | None = None

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ValueError(f"span offsets must satisfy 0 <= start <= end, got {self}")

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as a constructor call: a report carries tens of spans between worker
        # processes, and the default for frozen slotted dataclasses (a state list set field
        # by field through object.__setattr__) made spans 40% of a report's transfer cost.
        return (
            type(self),
            (self.start, self.end, self.label, self.score, self.note, self.group),
        )


@dataclass(frozen=True, slots=True)
class DimensionScore:
    """One dimension's verdict on one document.

    ``score`` is in [0, 1], higher meaning more of the thing the dimension measures;
    ``metrics`` holds the named numbers behind it so a user can see how it was reached;
    ``details`` holds structured findings that are not numbers (a table of speakers, the
    outlets credited).
    """

    dimension: str
    score: float
    label: str
    spans: tuple[Span, ...] = ()
    metrics: Mapping[str, float] = field(default_factory=dict)
    details: Mapping[str, Any] = field(default_factory=dict)
    scorer: str = ""
    version: str = ""

    def __reduce__(self) -> tuple[Any, ...]:
        # A constructor call, as for Span: the default for frozen slotted dataclasses runs
        # Python-level getstate/setstate that look the fields up on every call, and every
        # report crosses between processes under --jobs.
        return (
            type(self),
            (
                self.dimension,
                self.score,
                self.label,
                self.spans,
                self.metrics,
                self.details,
                self.scorer,
                self.version,
            ),
        )


@dataclass(frozen=True, slots=True)
class Report:
    """Everything biaskit says about one input: one Report per input, always.

    ``errors`` maps the failing part (a plugin's name, or ``"input"`` when the document
    could not be read at all) to a message saying what failed and why.
    """

    id: str
    source: str
    scores: Mapping[str, DimensionScore] = field(default_factory=dict)
    errors: Mapping[str, str] = field(default_factory=dict)
    summary: Mapping[str, Any] = field(default_factory=dict)
    meta: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    provenance: Mapping[str, Any] = field(default_factory=dict)
    text: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    def __reduce__(self) -> tuple[Any, ...]:
        # See DimensionScore.__reduce__.
        return (
            type(self),
            (
                self.id,
                self.source,
                self.scores,
                self.errors,
                self.summary,
                self.meta,
                self.warnings,
                self.provenance,
                self.text,
            ),
        )
