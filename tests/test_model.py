import pytest

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
