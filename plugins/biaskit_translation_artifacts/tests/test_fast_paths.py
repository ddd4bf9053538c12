"""The fast paths of the model's row against the plain definitions they replaced: the same
numbers on any text (arbitrary Unicode included), so that a speed-up never moves a score."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from biaskit_translation_artifacts import features as F
from biaskit_translation_artifacts import profile as P
from biaskit_translation_artifacts.context import _OTHER_LETTER, Context, other_letters

# Text made mostly of the characters the patterns care about, so that the edge cases
# (apostrophes, capitals after quotes, digits after letters, line breaks) come up often;
# and any Unicode at all.
_ALPHABET = "aAbBeEiIsSdgnlyTtWw19٣.,;:?!()\"'’“”«»„—–-_ \n\t\x1c\u2028\xa0éЖ"
texts = st.one_of(st.text(alphabet=_ALPHABET, max_size=200), st.text(max_size=200))
_WORDS = ["the", "of", "a", "in", "is", "it", "s", "to", "up", "word", "words", "at", "x"]
_WORDS += ["addition", "turn", "this", "regard", "same", "time", "well", "as", "for", "date"]
_WORDS += ["however", "budget", "schools", "quickly", "going", "other", "hand"]
token_lists = st.lists(st.sampled_from(_WORDS + list(P._COHESIVE_PHRASES)), max_size=120)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_other_letters_counts_what_the_pattern_finds(text: str) -> None:
    assert other_letters(text) == len(_OTHER_LETTER.findall(text))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_class_codes_are_the_tokens_classes(text: str) -> None:
    classes = [F._word_class(t) if t != "\n" else "" for t in F._CLASS_TOKEN_OR_BREAK.findall(text)]
    expected = bytes(F._BREAK if c == "" else F._CODES.get(c, 0) for c in classes)
    assert F._class_codes(text) == expected
    found = Counter(pairwise(classes))
    counts = F._pair_counts(F._class_codes(text), F._CODE_BASE, F._PAIR_CODES)
    assert counts == [found[pair] for pair in F.CLASS_PAIRS]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_marks_are_the_three_patterns_counts(text: str) -> None:
    assert F._marks(text) == (
        len(F._CAPITALISED.findall(text)),
        len(F._NUMBER_START.findall(text)),
        len(F._QUOTES.findall(text)),
    )


@settings(max_examples=300, deadline=None)
@given(token_lists)
def test_bigrams_and_rates_are_the_plain_ones(tokens: list[str]) -> None:
    n = max(len(tokens), 1)
    found = Counter(pairwise(tokens))
    assert F.bigrams(tokens) == [found[pair] / n for pair in F.FW_BIGRAMS]
    counts = Counter(tokens)
    expected = [counts.get(w, 0) / n for w in F.FUNCTION_WORDS] if tokens else None
    assert F.function_word_rates(tokens, counts) == (expected or F.function_word_rates([]))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([*_WORDS, "the budget", "of schools", "in addition", "."]), max_size=80
    )
)
def test_profile_matches_the_plain_definitions(parts: list[str]) -> None:
    text = " ".join(parts)
    ctx = Context(text)
    from biaskit_translation_artifacts.context import prose_counts, prose_tokens

    tokens = prose_tokens(ctx)
    got = P.features(ctx)
    if len(tokens) >= P.MIN_PROFILE_WORDS:
        following = [nxt for w, nxt in pairwise(tokens) if w in P._PAIR_PREPS]
        bare = sum(
            1
            for w in following
            if w not in P.DETERMINERS
            and len(w) >= 4
            and w not in P._NOT_NOUN
            and not w.endswith(("s", "ing", "ly"))
        )
        determined = sum(1 for w in following if w in P.DETERMINERS)
        assert got["bare_noun_rate"] == (bare / (bare + determined) if bare + determined else 0.0)
        cohesive = sum(prose_counts(ctx)[w] for w in P._COHESIVE_WORDS)
        for i in [i for i, w in enumerate(tokens) if w in P._COHESIVE_PHRASES]:
            for tail in P._COHESIVE_PHRASES[tokens[i]]:
                if tokens[i + 1 : i + 1 + len(tail)] == tail:
                    cohesive += 1
                    break
        assert got["cohesive_markers_per_1k"] == cohesive * 1000.0 / len(tokens)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_ascii_words_are_the_runs_of_a_to_z(text: str) -> None:
    from biaskit_translation_artifacts.context import _TOKEN, ascii_words

    assert ascii_words(text) == tuple(_TOKEN.findall(text))
    assert ascii_words(text.lower()) == tuple(_TOKEN.findall(text.lower()))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_prose_tokens_are_the_prose_sentences_words(text: str) -> None:
    from biaskit_translation_artifacts.context import _TOKEN, prose_tokens

    ctx = Context(text)
    joined = " ".join(seg.text for seg in ctx.prose)
    assert prose_tokens(ctx) == tuple(_TOKEN.findall(joined.lower()))
    assert F.shape(ctx, prose_tokens(ctx)) == F.shape(Context(text), prose_tokens(ctx))


def _particles_by_walking_back(text: str) -> int:
    """The loop ``features._particles`` replaced: walks back to the word's start."""
    count = 0
    end = 0
    for m in F._PARTICLE.finditer(text):
        start = m.start() - 1
        while start > 0 and F._is_word_char(text[start - 1]):
            start -= 1
        if start >= end:
            count += 1
            end = m.end()
    return count


_PARTICLE_TEXT = st.lists(
    st.sampled_from(["set", "up", "over", "out", "of", "the", " ", "  ", "\n", "é", "_", "1", ","]),
    max_size=60,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(texts, _PARTICLE_TEXT))
def test_particles_are_counted_as_before(text: str) -> None:
    assert F._particles(text) == _particles_by_walking_back(text)
    assert F._particles(text.lower()) == _particles_by_walking_back(text.lower())
