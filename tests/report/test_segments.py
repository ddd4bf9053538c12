"""Overlapping spans cut into segments: the tiling and cover are exact, whatever the spans."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from biaskit.model import Span
from biaskit.report.segments import Mark, Segment, excerpt, segments


def marks_for(length: int, raw: list[tuple[int, int, int]]) -> list[Mark]:
    dims = ("a", "b", "c")
    return [
        Mark(i, dims[d % 3], Span(min(s, e), max(s, e), "x")) for i, (s, e, d) in enumerate(raw)
    ]


SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60), st.integers(0, 2)), max_size=25)


@given(st.integers(0, 50), SPANS)
def test_segments_tile_the_text_and_list_exactly_the_covering_spans(
    length: int, raw: list[tuple[int, int, int]]
) -> None:
    marks = marks_for(length, raw)
    segs = segments(length, marks)
    if length == 0:
        assert segs == []
        return
    assert segs[0].start == 0 and segs[-1].end == length
    for left, right in itertools.pairwise(segs):
        assert left.end == right.start
    for seg in segs:
        assert seg.start < seg.end
        expected = {
            m.key for m in marks if m.span.start <= seg.start and min(m.span.end, length) >= seg.end
        }
        assert {m.key for m in seg.cover} == expected
        # no boundary of a span that covers anything falls strictly inside a segment
        for m in (m for m in marks if m.span.start < min(m.span.end, length)):
            assert not seg.start < m.span.start < seg.end
            assert not seg.start < m.span.end < seg.end


@given(st.integers(1, 50), SPANS)
def test_innermost_is_the_shortest_covering_span(
    length: int, raw: list[tuple[int, int, int]]
) -> None:
    for seg in segments(length, marks_for(length, raw)):
        if seg.cover:
            inner = seg.innermost
            assert inner is not None and inner in seg.cover
            assert inner.length == min(m.length for m in seg.cover)
            dims = seg.dimensions()
            assert dims[0] == inner.dimension and sorted(dims) == sorted(
                {m.dimension for m in seg.cover}
            )
        else:
            assert seg.innermost is None and seg.dimensions() == []


def test_nested_and_overlapping_spans() -> None:
    text = "The reckless scheme was a disaster."
    sentence = Mark(0, "loaded", Span(0, len(text), "loaded-sentence"))
    term = Mark(1, "loaded", Span(4, 12, "charged"))  # reckless
    phrase = Mark(2, "other", Span(4, 19, "phrase"))  # reckless scheme
    segs = segments(len(text), [sentence, term, phrase])
    assert [(s.start, s.end) for s in segs] == [(0, 4), (4, 12), (12, 19), (19, len(text))]
    assert segs[1].innermost == term and {m.key for m in segs[1].cover} == {0, 1, 2}
    assert segs[1].dimensions() == ["loaded", "other"]
    assert segs[2].innermost == phrase and segs[2].dimensions() == ["other", "loaded"]
    assert segs[0].innermost == sentence


def test_empty_and_out_of_range_spans_cover_nothing() -> None:
    marks = [Mark(0, "a", Span(3, 3, "empty")), Mark(1, "a", Span(8, 20, "past the end"))]
    assert segments(10, marks) == [Segment(0, 8), Segment(8, 10, (marks[1],))]


def test_excerpt_shortens_in_the_middle() -> None:
    text = "word " * 40
    short = excerpt(text, 0, len(text), 21)
    assert len(short) == 21 and "…" in short and "\n" not in short
    assert excerpt("a\n b", 0, 4) == "a b"
