"""The fast paths agree with the straightforward definitions they replace."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from biaskit_boilerplate import features, patterns
from biaskit_boilerplate.features import analyse

# Lines a pattern may match, and near misses: pieces glued together in any order.
_PIECES = st.sampled_from(
    [
        "read",
        "more",
        "READ MORE",
        "see also",
        "related",
        "share",
        "tweet",
        "©",
        "(c) ",
        "(",
        "[",
        "reporting by",
        "photo",
        "tags",
        "12 comments",
        "١٢",
        "home",
        "the",
        "th",
        ":",
        " ",
        "\t",
        "\xa0",
        "x",
        "İ",
        "ſ",
        "K",
    ]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PIECES, max_size=8).map("".join))
def test_match_finds_the_first_pattern_every_pattern_in_turn_finds(line: str) -> None:
    # ``_each`` tries every pattern in order: the definition the gated fast path keeps to.
    low = line.lower().replace("\xa0", " ")
    n_words = len(line.split())
    assert patterns.match(line, n_words) == patterns._each(line, n_words, low)


def _reference_overlap(words: list[list[str]], prose: list[bool]) -> list[float]:
    """body_overlap as documented: the share of a non-prose line's content words (less
    function words) that some prose line has; 1 for prose, 0 throughout without prose."""
    if not any(prose):
        return [0.0] * len(prose)
    prose_words = {w for line, p in zip(words, prose, strict=True) if p for w in line}
    out = []
    for line, p in zip(words, prose, strict=True):
        own = set(line) - features._stop_and_empty()
        out.append(1.0 if p else len(own & prose_words) / max(len(own), 1))
    return out


_TOKEN = st.sampled_from(["The", "the", "Bridge", "bridge,", "(Bridge)", "of", "", "—", "X", "x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(_TOKEN, max_size=6), st.booleans()), max_size=8))
def test_body_overlap_is_the_reference(lines: list[tuple[list[str], bool]]) -> None:
    tokens = [t for t, _ in lines]
    prose = [p for _, p in lines]
    words = [[features._word(t) for t in line] for line in tokens]
    expected = _reference_overlap(words, prose)
    assert features._body_overlap(tokens, prose, as_written=True) == expected
    assert features._body_overlap(words, prose, as_written=False) == expected


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), max_size=8))
def test_ratio_is_a_guarded_division(pairs: list[tuple[int, int]]) -> None:
    num = [min(x, d) for x, d in pairs]  # a count of some of the words
    den = [d for _, d in pairs]
    assert features._ratio(num, den) == [x / d if d else 0.0 for x, d in zip(num, den, strict=True)]


@given(st.lists(st.lists(st.sampled_from(["A", "b,", "(c)", "", "THE"]), max_size=3)))
def test_edge_words_are_the_first_and_last_words(tokens: list[list[str]]) -> None:
    for index in (0, -1):
        expected = [features._word(line[index]) if line else "" for line in tokens]
        assert features._edge_words(tokens, index) == expected


_LAYOUT_TEXT = st.lists(
    st.sampled_from(["Home", "  Indented line", "\t", "", " ", "A sentence here.", "x\r"]),
    max_size=12,
).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(_LAYOUT_TEXT)
def test_line_numbers_and_blank_lines_count_the_line_breaks(text: str) -> None:
    found = analyse(text)
    expected = [text.count("\n", 0, start) + 1 for start in found.starts]
    assert found.line_numbers == expected
    for i in range(1, len(found.starts)):
        breaks = text.count("\n", found.ends[i - 1], found.starts[i])
        assert found.context[i].blank_before == (breaks >= 2)


def test_column_probabilities_use_the_same_matrix_as_np_array() -> None:
    from biaskit_boilerplate.scorer import BoilerplateScorer

    model = BoilerplateScorer().line_model()
    assert model is not None
    columns: list[list[float]] = [[1, 0, 2], [True, False, True], [0.5, 0.25, 1.5]]
    columns += [[0.1 * j, 0.2, 0.3 * j] for j in range(len(model.weights) - 3)]
    z = model._weight_array @ np.array(columns, dtype=float) + model.bias
    expected = (1.0 / (1.0 + np.exp(np.minimum(-z, 500.0)))).tolist()
    assert model.column_probabilities(columns) == expected


_SHORT_LINE = st.lists(
    st.sampled_from(
        [
            "By",
            "by",
            "Jane",
            "DOE",
            "the",
            "Reuters",
            "AP",
            "tass",
            "(AFP)",
            "Agence France Presse",
            "the associated press",
            "www.example.com",
            "x.co.uk",
            "@outlet",
            "#tag",
            "http://a",
            "a,",
            ",",
            "—",
            "2021.",
            "-",
        ]
    ),
    min_size=1,
    max_size=12,
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(_SHORT_LINE, min_size=1, max_size=6))
def test_agency_and_byline_flags_are_the_reference(lines: list[str]) -> None:
    from biaskit_boilerplate.lexicon import agencies

    for line, f in zip(lines, features.lines_features(lines), strict=True):
        low = line.lower()
        agency = f.n_words <= 4 and low.strip(" .,:;-–—()[]") in agencies()
        byline = (
            f.n_words >= 2
            and low.startswith("by ")
            and f.title_ratio >= 0.75
            and not f.ends_sentence
        )
        # Both are booleans on lines of up to 8 words and the integer 0 on longer ones.
        expected = (agency, byline) if f.n_words <= 8 else (0, 0)
        assert (f.agency_only, f.byline) == expected
        assert [type(v) for v in (f.agency_only, f.byline)] == [type(v) for v in expected]


@settings(max_examples=300, deadline=None)
@given(st.lists(_SHORT_LINE.map(str.lower), max_size=6), st.integers(0, 3))
def test_link_lines_search_each_line(lows: list[str], extra: int) -> None:
    n = len(lows) + extra
    idx = list(range(extra, n))
    expected = [False] * extra + [features._LINK.search(low) is not None for low in lows]
    assert features._link_lines(lows, idx, n) == expected
