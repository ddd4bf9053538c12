"""The fast paths agree with the straightforward definitions they replace."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaskit_boilerplate import features, patterns, rules
from biaskit_boilerplate.features import analyse
from biaskit_boilerplate.rules import Decision

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


# Characters whose lower case is not what a case-insensitive pattern matches them as (the
# long s matches "s", the Kelvin sign "k"): the fast path's gates read the lower-cased line,
# so on these (never seen in news) it may miss what trying every pattern finds.
_CASE_FOLDING_ODDITIES = frozenset("ſKİ")


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PIECES.filter(lambda p: p not in _CASE_FOLDING_ODDITIES), max_size=8).map("".join))
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


# Tokens as a line's white-space split cuts them: words of the lexicons in any case, with
# digits or punctuation glued on, and arbitrary Unicode.
_LEXICON_TOKEN = st.tuples(
    st.sampled_from(["", "(", "“", "#", "05:", "2020"]),
    st.sampled_from(["the", "The", "THE", "gmt", "March", "share", "us", "ago", "Σ", "İ", "ß"]),
    st.sampled_from(["", ",", ".”", "13", ":", "—"]),
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(_LEXICON_TOKEN, st.text(min_size=0, max_size=8)), max_size=6))
def test_first_sight_codes_each_property_in_its_field(tokens: list[str]) -> None:
    """Each property of a token, tested on its own, is the field its first sight sets."""
    f = features
    codes = f._TokenCodes()
    for token in tokens:
        word = token.lower().strip(f._TOKEN_PUNCT)
        fields = [
            (not word, f._EMPTY_SHIFT),
            (bool(word) and word.upper() == word, f._NUMERIC_SHIFT),
            (word in f._TRIGGERS, f._TRIGGER_SHIFT),
            (word.strip(f._STAMP_CHARS) in f._timeish(), f._STAMP_SHIFT),
            (word in f.months(), f._MONTH_SHIFT),
            (token.isupper(), f._CASE_BASE),
            (token in f._cased_stop(), f._CASE_BASE + f._CASED_STOP_SHIFT),
            (token.lower() != token, f._CASE_BASE + f._CASED_SHIFT),
        ]
        expected = f._word_codes().get(word, 0) + sum(1 << at for on, at in fields if on)
        f._WORDS.pop(token, None)
        assert codes[token] == expected
        assert f._WORDS[token] == word
        assert codes[token] == expected  # remembered


def test_first_sight_strips_a_time_word_only_where_its_ends_allow(monkeypatch) -> None:
    """A time word that a digit ends (none does today; "h24" might) is a time word only as
    ``_STAMP_CHARS`` strip leaves it ("h"): the word table must not mark it as it is."""
    f = features
    monkeypatch.setattr(f, "_timeish", lambda: frozenset({"", "gmt", "h24"}))
    f._word_table.cache_clear()
    try:
        codes = f._TokenCodes()
        stamp = 1 << f._STAMP_SHIFT
        for token in ("h24", "H24", "h", "gmt13", "gmt", "13", "noon"):
            word = token.lower().strip(f._TOKEN_PUNCT)
            expected = bool(word.strip(f._STAMP_CHARS) in f._timeish())
            assert bool(codes[token] & stamp) == expected, token
    finally:
        f._word_table.cache_clear()


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), max_size=8))
def test_ratio_is_a_guarded_division(pairs: list[tuple[int, int]]) -> None:
    num = [min(x, d) for x, d in pairs]  # a count of some of the words
    den = [d for _, d in pairs]
    assert features._ratio(num, den) == [x / d if d else 0.0 for x, d in zip(num, den, strict=True)]


@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 40)), max_size=8))
def test_ratio_is_the_guarded_paragraph_ratio(pairs: list[tuple[float, int]]) -> None:
    # A paragraph's function or capitalised words: a share of its words times their count
    # (``_context_columns``), so 0.0 where it has no words.
    num = [share * words for share, words in pairs]
    den = [words for _, words in pairs]
    expected = [x / d if d else 0.0 for x, d in zip(num, den, strict=True)]
    assert features._ratio(num, den) == expected


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
    expected = [False] * extra + [_PLAIN_LINK.search(low) is not None for low in lows]
    assert features._link_lines(lows, idx, n) == expected


# The single patterns the fast link and date tests replaced, and text made of their pieces
# (and near misses), of their characters or of any Unicode at all.
_PLAIN_LINK = re.compile(r"https?://|www\.|\.(?:com|org|net|ru|co\.uk)\b|[@#]\w")
_PLAIN_NUMERIC_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}:\d{2}")
_LINK_TEXT = st.one_of(
    st.lists(
        st.sampled_from(
            ["http", "https", "s", "://", ":/", "/", "www", "ww", ".", "com", "org", "net",
             "ru", "co.uk", "co", "uk", "@", "#", "_", "x", "é", " ", "\n", "İ", "ſ"]
        ),
        max_size=12,
    ).map("".join),
    st.text(alphabet="htps:/w.comrgneuk@#_x é\nİ", max_size=60),
    st.text(max_size=80),
)  # fmt: skip
_DATE_TEXT = st.one_of(
    st.lists(
        st.sampled_from(["1", "12", "123", "2021", "١", "-", "/", ".", ":", " ", "x", "\n"]),
        max_size=12,
    ).map("".join),
    st.text(alphabet="0123456789١-/.: x", max_size=40),
    st.text(max_size=80),
)


@settings(max_examples=1000, deadline=None)
@given(_LINK_TEXT)
def test_has_link_is_the_plain_pattern(text: str) -> None:
    for low in (text, text.lower()):
        assert features._has_link(low) is (_PLAIN_LINK.search(low) is not None)


@settings(max_examples=1000, deadline=None)
@given(_DATE_TEXT)
def test_numeric_date_is_the_plain_pattern(text: str) -> None:
    found = features._NUMERIC_DATE.search(text) is not None
    assert found == (_PLAIN_NUMERIC_DATE.search(text) is not None)


# --- the rules over feature columns -----------------------------------------------------------

_DOC_LINES = st.sampled_from(
    [
        "Home",
        "World | Politics | Sport",
        "READ MORE: Talks collapse in Geneva",
        "Read more:",
        "Share this article",
        "Tags: Russia, Syria, Turkey",
        "Russia, Syria, Turkey",
        "Follow us on Twitter and Facebook",
        "Related stories",
        "By Jane Doe",
        "Reuters",
        "Updated 10:45 GMT, 3 March 2021",
        "Battle Against Daesh in Syria (180)",
        "www.example.com",
        "Talks Collapse as Ministers Leave Geneva",
        "Ministers leave the talks",
        "Officials said on Monday that the talks would resume in the spring, after the holiday.",
        "The minister, who spoke to reporters in the capital, did not say when the talks "
        "would resume or which of the delegations had asked for the delay in the first place.",
        "The talks broke down during the...",
        "Another story cut off...",
        "and that was the end of it, as far as the officials were concerned",
        "Погода в Москве",
    ]
)


@st.composite
def _documents(draw: st.DrawFn) -> str:
    """A document of furniture, headlines and prose, its lines parted by one or two line
    breaks (so that blank-line layout and hard-wrapped continuations both occur)."""
    lines = draw(st.lists(_DOC_LINES, max_size=24))
    breaks = draw(
        st.lists(st.sampled_from(["\n", "\n\n"]), min_size=len(lines), max_size=len(lines))
    )
    return "".join(line + sep for line, sep in zip(lines, breaks, strict=True))


def _reference_own(f: features.LineFeatures, c: features.ContextFeatures) -> Decision | None:
    """A line judged on its own per-line tuples: the plain definition ``_own_at`` keeps to."""
    if f.pattern:
        return rules._PATTERN_DECISIONS[f.pattern - 1]
    if f.timestamp:
        return Decision(0.9, "timestamp", "nothing but a date or time", "explicit")
    if f.agency_only:
        return Decision(0.9, "credit-line", "a news agency's name alone on a line", "explicit")
    if f.byline:
        return Decision(0.85, "byline", "a byline naming the author", "explicit")
    if f.comma_list:
        return Decision(
            0.85, "tag-list", "a comma-separated list of names, not a sentence", "explicit"
        )
    if f.count_suffix and f.n_words <= 10 and not f.ends_sentence:
        return Decision(0.85, "section-label", "a category label with an article count", "explicit")
    if f.n_words and f.social_ratio >= 0.5 and f.n_words <= 10:
        return Decision(0.9, "social-prompt", "a row of share buttons", "explicit")
    if f.n_separators >= 2 and f.n_words <= 4 * (f.n_separators + 1) and not f.ends_sentence:
        return Decision(0.85, "navigation", "a menu or breadcrumb of short items", "explicit")
    if f.link_like and f.n_words <= 6 and not f.ends_sentence:
        return Decision(0.8, "navigation", "a bare link, address or handle", "link")
    if c.block_prose:
        return rules._PROSE
    if f.ends_terminal and f.n_words >= 3 and (f.stop_ratio >= 0.15 or c.doc_stop_ratio < 0.08):
        return rules._SENTENCE
    return None


@settings(max_examples=300, deadline=None)
@given(_documents())
def test_own_columns_judge_each_line_as_its_tuples_do(text: str) -> None:
    found = analyse(text)
    own = rules._own_columns(found.line_columns, found.context_columns)
    expected = list(map(_reference_own, found.lines, found.context))
    assert own == expected
    # ``_runs`` tells prose and sentences by identity.
    for mark in (rules._PROSE, rules._SENTENCE):
        assert [d is mark for d in own] == [d is mark for d in expected]


def _reference_runs(
    feats: list[features.LineFeatures],
    ctx: list[features.ContextFeatures],
    own: list[Decision | None],
    out: list[Decision | None],
    lo: int,
    hi: int,
) -> None:
    """Runs of non-sentences found a line at a time, on per-line tuples."""
    i = lo
    while i < hi:
        j = i
        while j < hi and own[j] is not rules._PROSE and own[j] is not rules._SENTENCE:
            j += 1
        if j - i >= 3:
            glued = ctx[i].doc_blank_separated >= 0.5 and not any(
                ctx[k].blank_before for k in range(i + 1, j)
            )
            for k in range(i, j):
                if out[k] is None:
                    why, basis = (
                        (f"one of {j - i} lines glued together, none a sentence: a list", "layout")
                        if glued
                        else (
                            f"one of {j - i} consecutive lines that are not sentences: a list",
                            "list",
                        )
                    )
                    out[k] = Decision(0.8, rules.furniture_kind(feats[k]), why, basis)
        i = j + 1


@settings(max_examples=300, deadline=None)
@given(_documents(), st.integers(0, 6))
def test_runs_over_columns_are_the_runs_line_by_line(text: str, lo: int) -> None:
    found = analyse(text)
    own = rules._own_columns(found.line_columns, found.context_columns)
    n = len(own)
    lo = min(lo, n)
    got, expected = list(own), list(own)
    rules._runs(found.line_columns, found.context_columns, own, got, lo, n)
    _reference_runs(found.lines, found.context, own, expected, lo, n)
    assert got == expected


def _reference_follow_cues(
    feats: list[features.LineFeatures],
    ctx: list[features.ContextFeatures],
    out: list[Decision],
) -> list[Decision]:
    """Every line looked at in turn, on per-line tuples."""
    done = list(out)
    after_cue = False
    for i, f in enumerate(feats):
        d = done[i]
        if after_cue and not f.pattern and not ctx[i].block_prose:
            d = done[i] = Decision(
                0.8, "read-more", "the headline a 'read more' cue points to", "explicit"
            )
        elif f.ends_ellipsis and d.probability < 0.5:
            if i and done[i - 1].probability >= 0.5:
                d = done[i] = Decision(
                    0.8, "read-more", "a teaser cut off with an ellipsis, after a link", "ellipsis"
                )
            elif f.ends_function_word:
                d = done[i] = Decision(
                    0.65, "read-more", "a teaser cut off mid-phrase with an ellipsis", "ellipsis"
                )
        after_cue = d.kind == "read-more" and bool(f.pattern) and f.n_words <= 4
    return done


_DECIDED = st.sampled_from(
    [
        rules._PROSE,
        rules._SENTENCE,
        Decision(0.8, "read-more", "a 'read more' phrase", "explicit"),
        Decision(0.75, "navigation", "above the headline", "above-headline"),
        Decision(0.25, "subheading", "a short line between paragraphs", "subheading"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(_documents(), st.data())
def test_follow_cues_looks_only_where_a_line_can_change(text: str, data: st.DataObject) -> None:
    found = analyse(text)
    n = len(found.starts)
    decided = data.draw(st.lists(_DECIDED, min_size=n, max_size=n))
    got = rules._follow_cues(found.line_columns, found.context_columns, decided)
    assert got == _reference_follow_cues(found.lines, found.context, decided)


@settings(max_examples=300, deadline=None)
@given(_documents())
def test_classify_over_columns_is_classify_over_the_line_tuples(text: str) -> None:
    found = analyse(text)
    by_columns = rules.classify_columns(found.line_columns, found.context_columns)
    assert by_columns == rules.classify(found.lines, found.context)
    # The tuples the scorer no longer builds are the columns, row by row.
    assert found.lines == features.lines_features(found.texts)
    segs = found.segments
    assert found.context == features.context_features(text, segs, found.lines)


def test_scoring_builds_no_tuple_per_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from biaskit import Document
    from biaskit_boilerplate.scorer import BoilerplateScorer

    def refuse(*args: object) -> None:
        raise AssertionError("the scorer built a named tuple per line")

    monkeypatch.setattr(features, "rows", refuse)
    text = "Home\n\nTalks Collapse in Geneva\n\n" + "The minister said the talks would go on. " * 5
    for scorer in (BoilerplateScorer(), BoilerplateScorer(model=None)):
        assert scorer.score(Document("d", text)).details["lines"]
