import copy
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from biaskit import Report, Span


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
