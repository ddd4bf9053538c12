import copy
import dataclasses
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from biaskit import DimensionScore, Report, Span


def test_span_rejects_reversed_offsets() -> None:
    with pytest.raises(ValueError):
        Span(5, 3, "x")
    with pytest.raises(ValueError):
        Span(-1, 3, "x")


def test_records_are_frozen() -> None:
    span = Span(0, 1, "x")
    with pytest.raises(AttributeError):
        span.start = 2  # type: ignore[misc]


def test_report_ok_reflects_errors() -> None:
    assert Report("a", "a").ok
    assert not Report("a", "a", errors={"input": "missing"}).ok


@given(
    st.integers(0, 10_000),
    st.integers(0, 10_000),
    st.text(),
    st.floats(0, 1),
    st.text(),
    st.one_of(st.none(), st.text()),
)
def test_spans_survive_pickling_and_copying_whole(
    a: int, b: int, label: str, score: float, note: str, group: str | None
) -> None:
    # Reports cross process boundaries with --jobs and Dask: every field must come back.
    span = Span(min(a, b), max(a, b), label, score, note, group)
    for clone in (pickle.loads(pickle.dumps(span)), copy.copy(span), copy.deepcopy(span)):
        assert clone == span and type(clone) is Span
    report = Report("id", "src", text="x", warnings=("w",))
    assert pickle.loads(pickle.dumps(report)) == report


def _every_field_set(cls: type, **given: object) -> object:
    """An instance whose every field differs from its default, so that a pickling shortcut
    that forgets a field (one added later, say) cannot round-trip it by luck."""
    values: dict[str, object] = {}
    for f in dataclasses.fields(cls):
        if f.name in given:
            values[f.name] = given[f.name]
        elif f.type in ("str", "str | None"):
            values[f.name] = f"{f.name}-value"
        elif f.type == "float":
            values[f.name] = 0.25
        elif f.type.startswith("tuple"):
            values[f.name] = (f"{f.name}-item",)
        elif f.type.startswith("Mapping"):
            values[f.name] = {f.name: 1.5}
        else:
            raise AssertionError(f"no test value for {cls.__name__}.{f.name}: {f.type}")
    return cls(**values)


def test_reports_survive_pickling_and_copying_with_every_field() -> None:
    span = _every_field_set(Span, start=3, end=7)
    score = _every_field_set(DimensionScore, spans=(span,))
    report = _every_field_set(Report, scores={"dim": score}, provenance={"biaskit": "1"})
    for original in (span, score, report):
        for clone in (
            pickle.loads(pickle.dumps(original, protocol=pickle.HIGHEST_PROTOCOL)),
            copy.copy(original),
            copy.deepcopy(original),
        ):
            assert clone == original and type(clone) is type(original)
