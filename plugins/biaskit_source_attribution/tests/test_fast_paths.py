"""The speed rewrites against the plain definitions they replace.

Several regexes and loops were rewritten for speed (a leading character class the regex
engine can skip to, case spelled out instead of ``re.IGNORECASE``, cheap tests before a
search, one line at a time instead of a whole-text scan). Each test here keeps the plain
definition as the specification and checks that the fast one finds exactly the same on
arbitrary text built from the pieces that matter (including the non-ASCII letters a
case-blind match admits: the Turkish dotted and dotless i, the long s, the Kelvin sign).
"""

from __future__ import annotations

import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from biaskit_source_attribution import (
    features,
    frames,
    model,
    outlets,
    phrases,
    quotes,
    scan,
    speakers,
)

PIECES = [
    "Who",
    "which",
    "WHICH",
    "wh\u0130ch",
    "wh\u0131ch",
    "that",
    "\u017fo",
    "and",
    "Mr.",
    "mr.",
    "A.",
    "\u212a.",
    "x.",
    " - ",
    ",",
    ", ",
    ",\u201d",
    "'",
    "''",
    "\u2019s",
    "(D-Nev.)",
    "last week",
    "on Monday",
    "recently",
    "quickly",
    "was",
    "widely",
    "is",
    "being",
    "criticized",
    "\u2014",
    "-",
    "\u2014 Reuters",
    "Source: TASS",
    "Anna Berg:",
    "CLINTON:",
    "(AP) -",
    "Donald Trump",
    "CNN's Jake Tapper",
    "the",
    "said",
    ".",
    "!",
    "?",
    "\u2026",
    '"',
    "\u201c",
    "\u201d",
    ")",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\xa0",
    "a",
    "b",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)

_OLD_SENT_END = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+|\n\s*")
_OLD_BOUNDARY = re.compile(
    r"[,;:()\[\]—–“”\"«»!?]|\s-\s|" + phrases._FULL_STOP + r"\s|"
    r"\b(?:that|and|but|because|while|when|whereas|after|"
    r"before|if|which|who|whom|whose|where|though|although|since|so|or|than|as|then|"
    r"however|meanwhile)\b",
    re.IGNORECASE,
)
_OLD_TRAILING_CREDIT = re.compile(
    r"[^\S\n][—–-][^\S\n]?(?P<o>[A-Z][A-Za-z ]{1,30}?)[^\S\n]*$", re.MULTILINE
)


def _spans(rx: re.Pattern[str], text: str, lo: int = 0, hi: int | None = None) -> list:
    end = len(text) if hi is None else hi
    return [m.span() for m in rx.finditer(text, lo, end)]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_sentence_end_regex_finds_what_the_plain_one_did(text: str) -> None:
    assert _spans(scan._SENT_END, text) == _spans(_OLD_SENT_END, text)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.data())
def test_case_spelled_boundary_regex_matches_the_case_blind_one(
    text: str, data: st.DataObject
) -> None:
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    assert _spans(phrases._BOUNDARY, text, lo, hi) == _spans(_OLD_BOUNDARY, text, lo, hi)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_trailing_credit_regex_finds_the_same_names_and_phrases(text: str) -> None:
    def found(rx: re.Pattern[str]) -> list:
        return [
            (m.span("o"), m.start() + len(m.group()) - len(m.group().lstrip()))
            for m in rx.finditer(text)
        ]

    assert found(outlets._TRAILING_CREDIT_RE) == found(_OLD_TRAILING_CREDIT)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_credit_word_regex_agrees_with_substring_tests(text: str) -> None:
    expected = any(w in text for w in outlets._CREDIT_WORDS)
    assert (outlets._CREDIT_WORDS_RE.search(text) is not None) == expected


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_name_colons_line_by_line_match_a_whole_text_scan(text: str) -> None:
    expected = [m.span() for m in scan._NAME_COLON.finditer(text)]
    assert [m.span() for m in scan._name_colon_matches(text)] == expected


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.data())
def test_prechecked_searches_agree_with_the_plain_searches(text: str, data: st.DataObject) -> None:
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    plain = frames._PASSIVE_BEFORE.search(text, lo, hi)
    fast = frames._passive_before(text, lo, hi)
    assert (plain and plain.span()) == (fast and fast.span())
    pre = text[lo:hi]
    assert frames._coordinated(pre) == (frames._COORDINATED.search(pre) is not None)
    for k in range(4):
        expected = len(frames._WORD.findall(text, lo, hi)) >= k
        assert frames._has_words(text, lo, hi, k) == expected


def _plain_run_names(run: str) -> tuple[tuple[int, int, str], ...]:
    """``_run_names`` as first written: tokens by a \\S+ scan, split after possessives."""
    parts: list[list[tuple[int, int]]] = [[]]
    for m in re.finditer(r"\S+", run):
        parts[-1].append(m.span())
        if m.group().endswith(("’s", "'s", "’", "'")):
            parts.append([])
    out: list[tuple[int, int, str]] = []
    for part in parts:
        if part:
            words = [speakers._bare(run[s:e]) for s, e in part]
            out.extend(speakers._classify(run, part, words))
    return tuple(out)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map(" ".join))
def test_run_names_tokens_are_those_of_a_regex_scan(run: str) -> None:
    assert speakers._run_names.__wrapped__(run) == _plain_run_names(run)


def test_wanted_words_equals_the_plain_loop() -> None:
    words = ["He", "said,", "unsaid", "“said”", "things", "said:", "Said"]
    forms = scan.surface_forms(["said"])
    expected = [i for i, w in enumerate(words) if w in forms]
    assert scan.wanted_words(words, forms) == expected
    assert scan.wanted_words(words, list(forms)) == expected


def _plain_datelines(text: str) -> list:
    """``outlets._datelines`` as first written: every bracket, each line once."""
    out = []
    seen = -1
    i = text.find("(")
    while i >= 0:
        line_start = text.rfind("\n", 0, i) + 1
        if line_start > seen and i - line_start <= 60:
            seen = line_start
            m = outlets._DATELINE_RE.match(text, line_start)
            if m is not None:
                out.append(m.span())
        i = text.find("(", i + 1)
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "(", "(Reuters) -", "LONDON ", "x" * 40]), max_size=30))
def test_datelines_read_each_line_once_and_find_the_same(parts: list[str]) -> None:
    text = "".join(parts)
    assert [m.span() for m in outlets._datelines(text)] == _plain_datelines(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "had",
                "HAS",
                "have",
                "will",
                "not",
                "would",
                "could",
                "Can",
                "may",
                "might",
                "must",
                "should",
                "is",
                "Was",
                "are",
                "were",
                "be",
                "been",
                "being",
                "\u017fhould",
                "\u0130s",
                "\u0131s",
                "expected",
                " ",
                "  ",
                "\n",
                ",",
                "x",
            ]
        ),
        max_size=6,
    ).map(" ".join)
)
def test_passive_cue_opens_with_a_prechecked_letter(text: str) -> None:
    # Every match of the passive auxiliaries opens with a letter of ``_PASSIVE_FIRST``, so
    # the first-letter test before the match never hides one.
    m = frames._PASSIVE_CUE.match(text)
    if m is not None:
        assert text[:1] in frames._PASSIVE_FIRST


_CUE_PIECES = [
    *PIECES,
    "told",
    "says",
    "Said",
    "noted",
    "according",
    "to",
    "that,",
    "added:",
    "a noted",
    "whose stated",
    "reported",
    "has",
    "he",
    "“",
    "”,",
]
_MODEL: list = []


def _cue_model() -> model.CueModel:
    if not _MODEL:
        _MODEL.append(model.load(model.DEFAULT_MODEL))
    return _MODEL[0]


def _plain_decide(m: model.CueModel, s: scan.Scan) -> list:
    """``CueModel.decide`` as first written: ``key`` and ``candidate_parts`` per candidate."""
    hits = []
    for (i, pos), nb in zip(s.candidates, features.sentence_neighbours(s), strict=True):
        k = scan.key(s.words[i])
        z = m._prior.get(k)
        if z is None or model._adjective(s.words, i):
            continue
        parts = features.candidate_parts(s, i, pos)
        _, t, pt, shape, prev2, next2, nk, pk, quote, that = parts
        by_trail, by_next, by_prev = m._pairs[k]
        g = m._singles
        weights = [
            g[0](t, 0.0),
            by_trail.get(t, 0.0),
            g[1](pt, 0.0),
            g[2](shape, 0.0),
            g[3](prev2, 0.0),
            g[4](next2, 0.0),
            by_next.get(nk, 0.0),
            by_prev.get(pk, 0.0),
            g[5](quote, 0.0),
            g[6](that, 0.0),
        ]
        for w in weights:
            z += w
        shape = features.next_shape(s, i, t)
        for names, values in (
            (features.SENTENCE_TEMPLATES, features.sentence_values(k, nb)),
            (features.FRAME_TEMPLATES, features.frame_values(k, shape)),
        ):
            z += sum(m._tables[n].get(v, 0.0) for n, v in zip(names, values, strict=True))
        if z < m.cut:
            continue
        start, end = model._core_span(s.words[i], pos)
        span = model._extend(s, i, start, end, m.extend_right)
        if span is None:
            continue
        p = 1.0 / (1.0 + math.exp(-z))
        why = f"model p={p:.2f}: {m.explain(k, features.values_of(parts), weights)}"
        hits.append(frames.CueHit(span[0], span[1], k, p, why))
    return model._merge(hits)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.lists(st.sampled_from(_CUE_PIECES), max_size=60).map(" ".join),
        st.lists(st.sampled_from(_CUE_PIECES), max_size=60).map("".join),
        st.text(max_size=200),
    )
)
def test_decide_with_inlined_parts_equals_the_plain_loop(text: str) -> None:
    m = _cue_model()
    s = scan.scan(text, m.forms)
    got = [(h.start, h.end, h.head, h.probability, h.explanation()) for h in m.decide(s)]
    want = [(h.start, h.end, h.head, h.probability, h.why) for h in _plain_decide(m, s)]
    assert got == want


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["said", "told", "according", "noted", "says", "xyz"]),
    st.lists(st.sampled_from(["", "a", "said", ",", "that", "|", "é"]), min_size=10, max_size=10),
    st.lists(
        st.sampled_from([0.0, -0.0, 1.0, -1.0, 0.5, 2.5, 1e-9, 3.0]), min_size=10, max_size=10
    ),
    st.floats(0.0, 1.0),
)
def test_why_builds_only_the_winners_and_says_what_explain_says(
    k: str, parts: list[str], weights: list[float], p: float
) -> None:
    m = _cue_model()
    tup = (k, *parts[1:])
    want = f"model p={p:.2f}: {m.explain(k, features.values_of(tup), weights)}"
    assert m._why(k, tup, weights, p) == want


# The pieces the one-literal-per-regex searches turn on: every dash, quotation mark and
# credit word, with and without white space or a line break around them.
_LITERAL_PIECES = [
    "\u2013",
    "\u2018",
    "\u2019",
    "\u2019\u2019",
    "`",
    "``",
    "Source",
    "Credit",
    "Via",
    "\u00a9",
    "Copyright",
    "\n-",
    "\n\u2014",
    "\n\u2013",
    " \u2013 AP",
    " \u2013 AP\n",
    " \u2014 Reuters\n",
    " - Reuters\n",
    "Ab",
]
_LITERAL_TEXTS = st.lists(st.sampled_from(PIECES + _LITERAL_PIECES), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(_LITERAL_TEXTS)
def test_pair_by_pair_search_agrees_with_the_alternation(text: str) -> None:
    assert quotes._has_pair(text) == (quotes._DOUBLE_APOSTROPHE.search(text) is not None)


@settings(max_examples=500, deadline=None)
@given(_LITERAL_TEXTS)
def test_dash_by_dash_trailing_credits_match_the_whole_text_scan(text: str) -> None:
    def found(matches: list[re.Match[str]]) -> list:
        return [(m.span(), m.span("o"), m.group()) for m in matches]

    expected = found(list(outlets._TRAILING_CREDIT_RE.finditer(text)))
    assert found(outlets._trailing_credits(text)) == expected
