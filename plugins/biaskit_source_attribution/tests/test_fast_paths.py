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
    "who\u2019ve",
    "who'd",
    "that'll",
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
    "since",
    "SINCE",
    "had",
    "Have",
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
    r"before|if|which|who|whom|whose|where|though|although|so|or|than|as|then|"
    r"however|meanwhile|(?<!\bhas\s)(?<!\bhave\s)(?<!\bhad\s)since)\b",
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
@given(
    st.lists(st.sampled_from([*PIECES, ':\t"', ": \u201c", ':"', "Ann Berg"]), max_size=30).map(
        "".join
    )
)
def test_names_before_a_colon_and_quote_are_those_of_a_whole_text_scan(text: str) -> None:
    """The pre-test before the scan for a name, a colon and a quotation never hides one."""
    found = {s for s, _, _ in scan.name_colons(text)}
    expected = [m.start("name") for m in scan._NAME_COLON_QUOTE.finditer(text)]
    assert all(s in found for s in expected if scan._a_name(text[s : text.index(":", s)]))


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


def _plain_classify(
    text: str, part: list[tuple[int, int]], words: list[str]
) -> list[tuple[int, int, str]]:
    """``speakers._classify`` as first written: every word lowered, the name's words a list."""
    lows = [w.lower() for w in words]
    if lows[-1] in speakers.ORG_TAILS and len(words) >= 2:
        i = 0
        while i < len(words) - 1 and lows[i] in speakers._COMMON:
            i += 1
        return [(part[i][0], part[-1][0] + len(words[-1]), "org")]
    i = 0
    while i < len(words) and not speakers._is_name_token(words[i]):
        i += 1
    if i == len(words):
        places = [k for k, w in enumerate(lows) if w in speakers.PLACES and len(w) > 2]
        if places and lows[0] not in speakers._COMMON:
            return [(part[0][0], part[-1][0] + len(words[-1]), "place")]
        return []
    rest = list(range(i, len(words)))
    if len(rest) > 3:
        rest = rest[-2:]
    if not all(speakers._is_name_token(words[k]) or len(words[k]) <= 2 for k in rest):
        rest = [k for k in rest if speakers._is_name_token(words[k])][-1:]
    if not rest:
        return []
    kind = "person" if len(rest) >= 2 else "single"
    return [(part[rest[0]][0], part[rest[-1]][0] + len(words[rest[-1]]), kind)]


_NAME_PIECES = [
    *PIECES,
    "Inc",
    "Corp.",
    "Party",
    "Iowa",
    "Washington",
    "President",
    "Sen.",
    "de",
    "Al",
    "O'Brien",
    "McCain’s",
    "AB",
    "NATO",
    "İstanbul",
    "X",
    "Xi",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), min_size=1, max_size=7))
def test_classify_finds_the_name_the_plain_version_found(words: list[str]) -> None:
    words = [w for w in (speakers._bare(w.strip()) for w in words) if w] or ["A"]
    part, pos = [], 0
    for w in words:
        part.append((pos, pos + len(w)))
        pos += len(w) + 1
    run = " ".join(words)
    assert speakers._classify(run, part, words) == _plain_classify(run, part, words)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "has", "also", "n't", "to", "according"]), max_size=8))
def test_cached_word_keys_and_core_spans_agree_with_stripping(words: list[str]) -> None:
    for w in words:
        assert features.word_key(w) == scan.key(w)
        start, end = model._core_span(w, 10)
        assert (end - start == len(w)) == (w == w.strip(scan.PUNCT))


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.data())
def test_comma_first_clause_break_agrees_with_the_search(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    expected = frames._CLAUSE_BREAK.search(text, start, end) is not None
    assert frames._clause_break(text, start, end) == expected


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*_NAME_PIECES, "he", "officials", "a senior aide"]), max_size=8))
def test_lower_case_ascii_sources_hold_no_names(pieces: list[str]) -> None:
    text = " ".join(pieces).lower()
    if text.isascii() and text.islower():
        assert speakers._head_names(text, 0, len(text)) == []
        assert speakers.names_in(text, 0, len(text)) == []


def _plain_adjunct_start(text: str, start: int, end: int) -> int:
    """``frames._adjunct_start`` as first written: the search run on every stretch."""
    for m in frames._ADJUNCT.finditer(text, start, end):
        if m.group("w") not in frames._NOT_PARTICIPLES and frames._has_words(
            text, start, m.start(), 2
        ):
            return m.start()
    return end


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from([*PIECES, "prompting", "and", "not", "including"]), max_size=30).map(
        "".join
    ),
    st.data(),
)
def test_comma_checked_adjunct_start_agrees_with_the_search(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    assert frames._adjunct_start(text, start, end) == _plain_adjunct_start(text, start, end)


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
    return model._merge(hits, s.text)


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
def test_dash_by_dash_trailing_credits_match_the_whole_text_scan(text: str) -> None:
    def found(matches: list[re.Match[str]]) -> list:
        return [(m.span(), m.span("o"), m.group()) for m in matches]

    expected = found(list(outlets._TRAILING_CREDIT_RE.finditer(text)))
    assert found(outlets._trailing_credits(text)) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="TtIihe's’ \nanoyvr", max_size=20) | st.text(max_size=12), st.data())
def test_the_noun_cue_and_expletive_checks_are_their_definitions(
    text: str, data: st.DataObject
) -> None:
    """The one-character tests before them never change the answer, on any span (empty
    ones and ones at the text's end included)."""
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    words = text[start:end].split()
    assert frames._noun_cue(text, (start, end)) == bool(
        words and words[-1].lower() in frames._ARTICLES
    )
    assert frames._expletive(text, (start, end)) == (
        frames._EXPLETIVE.match(text, start, end) is not None
    )


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.data())
def test_the_relative_pronoun_precheck_lets_every_match_through(
    text: str, data: st.DataObject
) -> None:
    """``subject_before`` searches for a relative pronoun ending the stretch only after a
    test of its last characters; the test must pass wherever the search would match."""
    end = data.draw(st.integers(1, max(1, len(text))))
    if end > len(text):
        return
    lo = data.draw(st.integers(0, end - 1))
    m = phrases._REL_PRONOUN_END.search(text, max(lo, end - 10), end)
    if m is None or m.end() != end or not text[end - 1 : end].strip():
        return
    assert text[end - 1] in phrases._REL_PRONOUN_LAST or (
        text[end - 1] in phrases._CONTRACTION_LAST
        and text.endswith(phrases._CONTRACTIONS, max(lo, end - 3), end)
    )
