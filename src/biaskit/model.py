"""The data model every part of biaskit speaks.

Plain frozen dataclasses, so that readers, scorers, the runner and writers can be developed
and tested apart from each other, records pickle cheaply across worker processes, and a
scorer can never change a document another scorer is about to read.

Offsets are character offsets into ``Document.text`` (after the reader's newline
normalisation), so ``doc.text[span.start:span.end]`` is always the evidence itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any

# Per record class, a getter of all its fields in order; filled on first pickling.
_FIELD_GETTERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _constructor_call(record: Any) -> tuple[Any, ...]:
    """``__reduce__`` of the records that cross processes (under ``--jobs`` and Dask): a call
    of the class with every field, in order.

    The default for frozen slotted dataclasses runs Python-level getstate/setstate that look
    the fields up and set them one by one through ``object.__setattr__`` on every call; a
    report carries tens of spans, and that made spans alone 40% of its transfer cost. The
    fields are read from the dataclass itself, so one added later travels too.
    """
    cls = type(record)
    getter = _FIELD_GETTERS.get(cls)
    if getter is None:
        getter = _FIELD_GETTERS[cls] = attrgetter(*(f.name for f in fields(cls)))
    return (cls, getter(record))


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

    __reduce__ = _constructor_call


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

    __reduce__ = _constructor_call


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

    __reduce__ = _constructor_call
