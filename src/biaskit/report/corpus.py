"""Corpus statistics gathered in one pass, in memory that does not grow with the text.

The HTML summary needs, for every article however many there are, each dimension's score
distribution and breakdowns by metadata field. Only numbers are kept per article (one float
per dimension, for the median); texts and spans are never held here.
"""

from __future__ import annotations

import statistics
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from biaskit.model import Report

BINS = 10
# A metadata field with more distinct values than this is an identifier (a URL, a line
# number), not a category to break results down by.
MAX_GROUPS = 50
# Fields that are always worth a breakdown when present, however few articles share a value.
PREFERRED_FIELDS = ("outlet",)
MISSING = "(none)"
MAX_VALUE_CHARS = 120


@dataclass
class DimensionStats:
    n: int = 0
    values: array[float] = field(default_factory=lambda: array("d"))
    bins: list[int] = field(default_factory=lambda: [0] * BINS)
    labels: dict[str, int] = field(default_factory=dict)

    def add(self, score: float, label: str) -> None:
        self.n += 1
        self.values.append(score)
        self.bins[min(max(int(score * BINS), 0), BINS - 1)] += 1
        self.labels[label] = self.labels.get(label, 0) + 1

    @property
    def mean(self) -> float:
        return statistics.fmean(self.values) if self.n else 0.0

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.n else 0.0


@dataclass
class Group:
    """The articles sharing one value of a metadata field."""

    n: int = 0
    errors: int = 0
    sums: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def mean(self, dimension: str) -> float | None:
        count = self.counts.get(dimension, 0)
        return self.sums[dimension] / count if count else None


def meta_value(value: Any) -> str | None:
    """A metadata value as a group key, or None when it is not a scalar to group by."""
    if isinstance(value, bool | int | float | str):
        text = " ".join(str(value).split())
        return text[:MAX_VALUE_CHARS] if text else None
    return None


class CorpusStats:
    """Counts, score distributions and per-field breakdowns, updated one report at a time."""

    def __init__(self, group_by: Sequence[str] | None = None) -> None:
        self.documents = 0
        self.with_errors = 0
        self.dimensions: dict[str, DimensionStats] = {}
        self.group_by = list(group_by) if group_by is not None else None
        self._total = Group()
        self._fields: dict[str, dict[str, Group]] = {}
        self._overflow: set[str] = set()

    def add(self, report: Report) -> None:
        self.documents += 1
        self.with_errors += bool(report.errors)
        for name, score in report.scores.items():
            self.dimensions.setdefault(name, DimensionStats()).add(score.score, score.label)
        _count(self._total, report)
        for key in self.group_by if self.group_by is not None else report.meta:
            value = meta_value(report.meta.get(key))
            if value is None or key in self._overflow:
                continue
            groups = self._fields.setdefault(key, {})
            if value not in groups:
                if len(groups) >= MAX_GROUPS and self.group_by is None:
                    self._overflow.add(key)
                    del self._fields[key]
                    continue
                groups[value] = Group()
            _count(groups[value], report)

    def breakdowns(self) -> dict[str, dict[str, Group]]:
        """The fields worth a breakdown, each with its groups, largest group first; articles
        without the field (or with a value that is not a scalar) form the group ``(none)``.

        Named fields (``group_by``) always; otherwise ``outlet`` whenever present, and any other
        scalar field whose values repeat (fewer distinct values than articles carrying it) but
        stay few (at most ``MAX_GROUPS``).
        """
        out: dict[str, dict[str, Group]] = {}
        for key, groups in self._fields.items():
            carrying = sum(g.n for g in groups.values())
            categorical = 2 <= len(groups) < carrying
            if self.group_by is None and key not in PREFERRED_FIELDS and not categorical:
                continue
            ordered = dict(sorted(groups.items(), key=lambda kv: (-kv[1].n, kv[0])))
            missing = _minus(self._total, groups.values())
            if missing.n:
                ordered[MISSING] = missing
            out[key] = ordered
        return out

    def as_dict(self) -> dict[str, Any]:
        """The same numbers as ``biaskit.aggregate.corpus_summary``, plus histograms."""
        return {
            "documents": self.documents,
            "with_errors": self.with_errors,
            "dimensions": {
                name: {
                    "n": d.n,
                    "mean": d.mean,
                    "median": d.median,
                    "min": min(d.values) if d.n else 0.0,
                    "max": max(d.values) if d.n else 0.0,
                    "labels": dict(sorted(d.labels.items(), key=lambda kv: -kv[1])),
                    "histogram": list(d.bins),
                }
                for name, d in sorted(self.dimensions.items())
            },
        }


def _count(group: Group, report: Report) -> None:
    group.n += 1
    group.errors += bool(report.errors)
    for name, score in report.scores.items():
        group.sums[name] = group.sums.get(name, 0.0) + score.score
        group.counts[name] = group.counts.get(name, 0) + 1


def _minus(total: Group, parts: Iterable[Group]) -> Group:
    rest = Group(total.n, total.errors, dict(total.sums), dict(total.counts))
    for part in parts:
        rest.n -= part.n
        rest.errors -= part.errors
        for name, value in part.sums.items():
            rest.sums[name] -= value
            rest.counts[name] -= part.counts[name]
    rest.sums = {k: v for k, v in rest.sums.items() if rest.counts[k]}
    rest.counts = {k: v for k, v in rest.counts.items() if v}
    return rest


def group_table(groups: Mapping[str, Group], dimensions: Sequence[str]) -> list[list[str]]:
    """Rows of a breakdown as text: value, n, then each dimension's mean (blank if none)."""
    rows = []
    for value, group in groups.items():
        means = [group.mean(d) for d in dimensions]
        rows.append([value, str(group.n), *("" if m is None else f"{m:.2f}" for m in means)])
    return rows
