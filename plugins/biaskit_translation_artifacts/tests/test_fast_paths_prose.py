"""The fast paths of the prose, the profile, the row, the detectors and the model against
the plain definitions they replaced: the same values on any text, so that a speed-up never
moves a score."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from statistics import fmean

from hypothesis import given, settings
from hypothesis import strategies as st

from biaskit.text import quoted_regions
from biaskit_translation_artifacts import context as C
from biaskit_translation_artifacts import features as F
from biaskit_translation_artifacts import profile as P
from biaskit_translation_artifacts.context import Context, is_headline_text

# Text made mostly of what sentences, headlines, openers, dashes and particles are made of,
# and any Unicode at all.
_PIECES = [
    "The", "Earlier", "According", "He", "said", "says", "noted", "up", "out", "over", "of",
    "the", "set", "is", "Mr.", "U.S.", "No.", "a", "A", "7", "1,000", "٣", "ly", "s", "’s",
    " ", "  ", "\n", "\n\n", "\t", "\xa0", "\u2028", "\r\n", ".", "!", "?", "…", ":", ";", ",",
    '"', "“", "”", "«", "»", "(", ")", "—", "–", "-", " - ", " — ", "İ", "Ж", "_", "*",
]  # fmt: skip
_ALPHABET = "aAbBeEiIsSdgnlyTtWw19٣.,;:?!()\"'’“”«»„—–-_ \n\t\x1c\u2028\xa0éЖ"
texts = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=80).map("".join),
    st.text(alphabet=_ALPHABET, max_size=300),
    st.text(max_size=200),
)


def _plain_moving_ttr(tokens: list[str], window: int) -> float:
    n = len(tokens)
    if n <= window:
        return len(set(tokens)) / n if n else 0.0
    starts = range(0, n - window + 1, window // 2)
    return fmean(len(set(tokens[i : i + window])) / window for i in starts)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from("abcdefghij"), max_size=300), st.integers(2, 60))
def test_moving_ttr_is_the_plain_mean(tokens: list[str], window: int) -> None:
    assert P.moving_ttr(tokens, window) == _plain_moving_ttr(tokens, window)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.integers(0, 200), st.integers(0, 10**30)), min_size=1, max_size=60))
def test_int_pstdev_is_statistics_pstdev(values: list[int]) -> None:
    got = P.int_pstdev(values)
    assert type(got) is float and got == statistics.pstdev(values)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_prose_pieces_are_the_plain_ones(text: str) -> None:
    ctx = Context(text)
    sentences = [text[s:e] for s, e in ctx.bounds]
    assert ctx.headlines() == [is_headline_text(t) for t in sentences]
    prose = tuple(t for t in sentences if not is_headline_text(t))
    assert C.prose_sentences(ctx) == prose == tuple(seg.text for seg in Context(text).prose)
    assert C.prose_words(ctx) == tuple(t.split() for t in prose)
    assert C.prose_text(ctx) == " ".join(prose)
    lengths = tuple(x for x in (len(t.split()) for t in prose) if x >= 3)
    assert C.prose_lengths(ctx) == lengths


@settings(max_examples=300, deadline=None)
@given(texts)
def test_quotes_are_located_on_first_use_as_before(text: str) -> None:
    ctx = Context(text)
    expected = quoted_regions(text) if any(q in text for q in '"“”„«»') else []
    assert ctx.quotes == expected
    assert ctx.quote_starts == [q.start for q in expected]


def _plain_abbreviation_before(text: str, stop: int) -> bool:
    """The test as it was written first: the token before the stop, in a 12-character
    window, stripped of opening marks."""
    if stop >= 7 and text[stop - 7 : stop].isalpha():
        return False
    before = text[max(0, stop - 12) : stop]
    if not before.strip():
        return False
    token = before.rsplit(None, 1)[-1].lstrip(C._TOKEN_LEAD).lower()
    return token in C._ABBREVIATIONS or (len(token) == 1 and token.isalpha())


@settings(max_examples=400, deadline=None)
@given(texts)
def test_abbreviation_test_is_the_plain_one(text: str) -> None:
    for stop in range(len(text) + 1):
        assert C._abbreviation_before(text, stop) == _plain_abbreviation_before(text, stop)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_sentence_codes_and_openers_are_the_plain_ones(text: str) -> None:
    ctx = Context(text)
    prose = C.prose_sentences(ctx)
    words = C.prose_words(ctx)
    assert F._sentence_codes(words) == F._class_codes("\n".join(prose))
    openers: Counter[str] = Counter()
    for sentence in prose:
        first = F._CLASS_TOKEN.search(sentence)
        if first is not None and (opener := F._opener_class(first.group(0))) is not None:
            openers[opener] += 1
    got = F._opener_counts(prose, words)
    assert {c: got[c] for c in F._OPENER_CLASSES} == {c: openers[c] for c in F._OPENER_CLASSES}


_DASH = re.compile(r"\s[—–-]\s|—")


@settings(max_examples=400, deadline=None)
@given(texts)
def test_dashes_are_the_plain_pattern_count(text: str) -> None:
    assert F._dashes(text) == len(_DASH.findall(text))


_PARTICLE_PLAIN = re.compile(
    r"\b\w+\s+(?:up|down|off|out|back|away|over)\b(?!\s+(?:of|the|a|to)\b)"
)
_SPACED_PARTICLES = st.lists(
    st.sampled_from(
        ["set", "up", "over", "out", "off", "of", "the", "a", " ", "  ", "\t", "\n", "\xa0",
         "\u2028", "é", "_", "1", ",", "-", "upper", "back", "away", "down"]
    ),
    max_size=60,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.one_of(texts, _SPACED_PARTICLES))
def test_particles_are_the_plain_pattern_count(text: str) -> None:
    assert F._particles(text) == len(_PARTICLE_PLAIN.findall(text))
    assert F._particle_matches(text) == [m.span() for m in F._PARTICLE.finditer(text)]


def _plain_sentence_shape(ctx: Context, tokens: tuple[str, ...]) -> list[float]:
    lengths = sorted(C.prose_lengths(ctx))
    out = [0.0, 0.0, 0.0, 0.0]
    if lengths:
        k = len(lengths)
        mid = k // 2
        median = lengths[mid] if k % 2 else (lengths[mid - 1] + lengths[mid]) / 2
        out = [
            sum(lengths) / k,
            sum(1 for x in lengths if x >= F.LONG_SENTENCE) / k,
            sum(1 for x in lengths if x <= F.SHORT_SENTENCE) / k,
            float(median),
        ]
    content = [t for t in tokens if len(t) > 1 and t not in F._FW_INDEX]
    return [*out, _plain_moving_ttr(content, F.CONTENT_TTR_WINDOW)]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_sentence_shape_and_shape_are_the_plain_ones(text: str) -> None:
    ctx = Context(text)
    tokens = C.prose_tokens(ctx)
    assert F.sentence_shape(ctx, tokens) == _plain_sentence_shape(ctx, tokens)
    got = F.shape(ctx, tokens)
    counts = Counter(tokens)
    said = sum(counts.get(t, 0) for t in F._SAY)
    other = sum(counts.get(t, 0) for t in F._OTHER_SPEECH)
    assert got["said_share"] == (said / (said + other) if said + other else 0.5)
    prose = Context(text).prose
    openers = sum(1 for seg in prose if F._NEWS_OPENER.match(seg.text))
    assert got["news_opener_rate"] == openers / max(len(prose), 1)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["the", "of", "a", "in", "x", "yy", "said", "which"]), max_size=80))
def test_rates_are_the_plain_divisions(tokens: list[str]) -> None:
    n = max(len(tokens), 1)
    counts = Counter(tokens)
    if tokens:
        assert F.function_word_rates(tokens, counts) == [
            counts.get(w, 0) / len(tokens) for w in F.FUNCTION_WORDS
        ]
    assert F._rates(counts.values(), n) == [v / n for v in counts.values()]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["quickly", "determinately", "ly", "rarely", "x", "mostly"])))
def test_long_adverbs_are_the_plain_ones(words: list[str]) -> None:
    from biaskit_translation_artifacts.detectors import collocations

    vocab = frozenset(words)
    plain = [w for w in vocab if w.endswith("ly") and len(w) >= collocations.MIN_LENGTH]
    assert [w for w in vocab if collocations._LONG_ADVERBS[w]] == plain


def test_calque_anchor_words_are_the_index_keys() -> None:
    from biaskit_translation_artifacts.detectors import calques

    assert calques.anchor_words() == frozenset(calques.by_anchor())


def test_model_read_is_probability_and_explain() -> None:
    from biaskit_translation_artifacts.model import SHIPPED, explain, load, probability, read
    from biaskit_translation_artifacts.scorer import analyse

    model = load(SHIPPED)
    text = (
        "Earlier, the ministry said that the talks had been held in Moscow. According to "
        "him, the sides are trying to settle the issue. "
    ) * 8
    row = analyse(text).row
    assert read(model, row) == (probability(model, row), explain(model, row))


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([0.0, -0.0, 1.0, -1.0, 2.5, float("nan"), float("inf")]),
            st.floats(allow_nan=True, allow_infinity=True),
        ),
        max_size=40,
    ),
    st.integers(-2, 8),
)
def test_strongest_is_the_full_sort(values: list[float], top: int) -> None:
    import numpy as np

    from biaskit_translation_artifacts.model import strongest

    array = np.asarray(values, dtype=np.float64)
    expected = np.lexsort((np.arange(len(array)), array))[::-1][:top].tolist()
    assert strongest(array, top) == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet='٣۵߃१০𝟘²Ⅻ0A aZb_ 9.\n"“”«»„é', max_size=120))
def test_marks_count_digits_of_every_script(text: str) -> None:
    assert F._marks(text) == (
        len(F._CAPITALISED.findall(text)),
        len(F._NUMBER_START.findall(text)),
        len(F._QUOTES.findall(text)),
    )


_PROGRESSIVE_PLAIN = re.compile(r"\b(?:is|are|was|were|be|been|am)\s+(?:\w+ly\s+)?\w{2,}ing\b")
_VERB_PHRASES = st.lists(
    st.sampled_from(
        ["is", "are", "was", "be", "been", "am", "being", "going", "really", "ly", "xly",
         "lying", "ing", "xing", "this", " ", "  ", "\n", "\xa0", "_", "é", "1", ",", "-"]
    ),
    max_size=60,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.one_of(texts, _VERB_PHRASES))
def test_progressives_are_the_plain_pattern_count(text: str) -> None:
    assert F._progressives(text) == len(_PROGRESSIVE_PLAIN.findall(text))


# An apostrophe between two letters, found from the apostrophe: ``_inner_apostrophes``
# counts these matches, none within two characters of the one before.
_INNER_APOSTROPHE = re.compile(r"['’](?<=[A-Za-z]['’])(?=[A-Za-z])")
_APOSTROPHE_TEXT = st.text(alphabet="aZs1_é'’ \n.", max_size=60)


@settings(max_examples=500, deadline=None)
@given(st.one_of(texts, _APOSTROPHE_TEXT))
def test_apostrophes_are_counted_as_the_patterns_count(text: str) -> None:
    assert F._possessives(text) == len(re.findall(r"\w['’]s\b", text))
    count, last = 0, -3
    for m in _INNER_APOSTROPHE.finditer(text):
        if m.start() - last >= 3:
            count, last = count + 1, m.start()
    assert F._inner_apostrophes(text) == count


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a1٣𝟘 ’é", max_size=40))
def test_other_digits_are_never_missed(text: str) -> None:
    if F._OTHER_NUMBER_START.search(text):
        assert F._may_have_other_digits(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, st.text(alphabet="aéЖ漢 .", max_size=80)))
def test_is_english_is_the_plain_ratio(text: str) -> None:
    ctx = Context(text)
    latin = len("".join(ctx.tokens))
    assert ctx.is_english() == (latin > 0 and latin >= 4 * C.other_letters(text))


_PUNCTUATION_TEXT = st.text(alphabet="aB1_é \t\xa0\n”“,.!?…;:", max_size=60)


@settings(max_examples=500, deadline=None)
@given(st.one_of(texts, _PUNCTUATION_TEXT))
def test_quote_and_space_checks_find_what_the_patterns_find(text: str) -> None:
    from biaskit_translation_artifacts.detectors import punctuation as PU

    spans = [(m.span(), m.group(1)) for m in PU._detached_closers(text)]
    assert spans == [(m.span(), m.group(1)) for m in PU._CLOSER_DETACHED.finditer(text)]
    glued = re.compile(r"(?<=[^\W\d_])“[ \t\xa0]+(?=[^\W\d_])")
    assert [m.span() for m in PU._OPENER_GLUED.finditer(text)] == [
        m.span() for m in glued.finditer(text)
    ]
    assert PU._space_before_marks(text) == _plain_space_before_marks(text)


def _plain_space_before_marks(text: str) -> list[tuple[int, int, str]]:
    """``punctuation._space_before_marks`` without its first check for a blank."""
    from biaskit_translation_artifacts.detectors import punctuation as PU

    out = []
    for m in PU._MARK_AFTER_BLANK.finditer(text):
        end = m.end()
        if end < len(text) and (text[end] in ".,;:" or text[end].isalnum() or text[end] == "_"):
            continue
        start = m.start()
        while start > 0 and text[start - 1] in PU._BLANKS:
            start -= 1
        if start > 0 and text[start - 1].isalnum():
            out.append((start, end, m.group()))
    return out
