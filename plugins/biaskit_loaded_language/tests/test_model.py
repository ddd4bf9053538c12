"""The trained model: fitting, its fast scorer against scikit-learn, voices, saving and
loading safely, the shipped model, and the optional embedding scorer's logic."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaskit import Document
from biaskit.bench.metrics import best_threshold
from biaskit.bench.model import Example
from biaskit.bench.training import UnsafeModel, load_model, save_model
from biaskit.testing import check_scorer
from biaskit.text import lowered_text
from biaskit_loaded_language import LoadedLanguageScorer, biaskit_scorers
from biaskit_loaded_language import model as M
from biaskit_loaded_language.features import TOKEN, Voices, annotate, word_category
from biaskit_loaded_language.static import DIMENSIONS, WordPiece, load_table

LOADED = ["slammed", "radical", "disgraceful", "thugs", "hysterical", "ranted"]
NEUTRAL = ["said", "approved", "announced", "reported", "voted", "noted"]
SUBJECTS = ["The senator", "The council", "The minister", "Officials", "The mayor", "Critics"]
OBJECTS = ["the budget plan", "the new law", "the court ruling", "the trade deal"]


def _corpus(n: int, offset: int = 0) -> list[Example]:
    out = []
    for i in range(n):
        j = i + offset
        biased = j % 2 == 0
        verb = (LOADED if biased else NEUTRAL)[j % 6]
        text = f"{SUBJECTS[j % 6]} {verb} {OBJECTS[j % 4]} on Tuesday."
        if j % 5 == 0:
            text = f'{SUBJECTS[j % 6]} said "{verb} {OBJECTS[j % 4]}" was the issue.'
        words = frozenset([verb]) if biased else frozenset()
        out.append(Example(f"e{j}", text, (biased,), "train", words))
    return out


@pytest.fixture(scope="module")
def toy() -> tuple[M.LoadedLanguageModel, list[Example]]:
    train = _corpus(60)
    model = M.LoadedLanguageModel(C=4.0, word_C=4.0, min_df=1).fit(
        [e.text for e in train],
        [e.labels[0] for e in train],
        [e.words or frozenset() for e in train],
    )
    return model, train


def test_fit_separates_loaded_from_neutral(
    toy: tuple[M.LoadedLanguageModel, list[Example]],
) -> None:
    model, _ = toy
    p = model.predict_proba(
        [
            "The mayor slammed the trade deal on Tuesday.",
            "The mayor approved the trade deal on Tuesday.",
        ]
    )[:, 1]
    assert p[0] > 0.5 > p[1]
    scores = model.analyse("Critics slammed the new law.", [(0, 28)])
    blamed = max(zip(scores.logits.tolist(), scores.words, strict=True))[1]
    assert blamed == "slammed"


def test_fast_scoring_reproduces_scikit_learn_exactly() -> None:
    """The folded, cached, numpy scorer gives the very probabilities scikit-learn computes
    from the training matrix (so training and scoring cannot drift apart)."""
    train = _corpus(40)
    vocab, vectors = load_table()
    pieces = WordPiece(vocab)
    anns = [annotate(e.text) for e in train]
    marked = [e.words or frozenset() for e in train]
    word_model = M._fit_word_model(anns, marked, pieces, vectors, 1.0, 0)
    scores = [M._word_logits(word_model, a, pieces, vectors) for a in anns]
    space = M._sentence_space(anns, 1)
    x = M._sentence_matrix(anns, scores, pieces, vectors, space, M.DENSE_WEIGHT)
    sentence = M._fit_sentence_model(x, [e.labels[0] for e in train], space, 1.0, M.DENSE_WEIGHT, 0)
    model = M.LoadedLanguageModel()._assemble(vocab, vectors, word_model, sentence)
    reference = sentence["classifier"].predict_proba(x)[:, 1]
    fast = model.predict_proba([e.text for e in train])[:, 1]
    assert np.allclose(fast, reference, atol=1e-7)
    for e, ref in zip(train, scores, strict=True):
        assert np.allclose(model.analyse(e.text, [(0, len(e.text))]).logits, ref, atol=1e-7)


def test_voices_are_scored_apart(toy: tuple[M.LoadedLanguageModel, list[Example]]) -> None:
    model, _ = toy
    text = 'The mayor said "critics slammed the radical plan" on Tuesday.'
    scored = model.analyse(text, [(0, len(text))])
    assert scored.quoted[0] is not None
    assert scored.quoted[0] > scored.narration[0]
    plain = model.analyse("The mayor approved the plan.", [(0, 28)])
    assert plain.quoted == [None] and plain.narration == plain.probability


def test_scare_quotes_stay_in_the_reporters_voice() -> None:
    text = "The ministry criticised the “improper decision” by the city."
    ann = Voices(text).sentence(0, len(text), offsets=True)
    assert ann.spans is not None
    marked = {w for w, s in zip(ann.words, ann.scared, strict=True) if s}
    assert marked == {"improper", "decision"}
    assert not any(ann.quoted)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_voice_tokenisation_matches_plain_tokenisation(text: str) -> None:
    ann = Voices(text).sentence(0, len(text), offsets=True)
    assert ann.words == TOKEN.findall(lowered_text(text))
    assert ann.spans is not None
    assert all(0 <= s < e <= len(text) for s, e in ann.spans)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1_ -'’.\"é\n")) | st.characters()))
def test_possessive_token_pattern_finds_the_documented_words(text: str) -> None:
    import re

    documented = re.compile(r"\w+(?:['’\-]\w+)*")
    assert TOKEN.findall(text) == documented.findall(text)


def test_sentences_score_the_same_alone_and_in_a_document(
    toy: tuple[M.LoadedLanguageModel, list[Example]],
) -> None:
    """All voices of all sentences are scored in one pass; that pass must give each sentence
    what it gets on its own, quoted or not."""
    model, _ = toy
    parts = [
        "The mayor slammed the trade deal on Tuesday.",
        'Critics said "the radical plan" was the issue.',
        "The council approved the new law.",
        'The senator said "officials approved the budget plan" on Tuesday.',
    ]
    text = " ".join(parts)
    bounds = []
    at = 0
    for part in parts:
        bounds.append((at, at + len(part)))
        at += len(part) + 1
    together = model.analyse(text, bounds)
    for i, part in enumerate(parts):
        alone = model.analyse(part, [(0, len(part))])
        assert together.probability[i] == pytest.approx(alone.probability[0], abs=1e-12)
        assert together.narration[i] == pytest.approx(alone.narration[0], abs=1e-12)
        assert (together.quoted[i] is None) == (alone.quoted[0] is None)
        if alone.quoted[0] is not None:
            assert together.quoted[i] == pytest.approx(alone.quoted[0], abs=1e-12)


def test_word_evidence_counts_likely_and_expected_loaded_words() -> None:
    evidence = M._word_evidence([-2.0, 0.0, 3.0])
    assert evidence[3] == pytest.approx(np.log1p(2))
    expected = sum(1 / (1 + np.exp(-x)) for x in (-2.0, 0.0, 3.0))
    assert evidence[2] == pytest.approx(np.log1p(expected))
    assert M._word_evidence([]) == [0.0] * M.WORD_EVIDENCE


def test_a_model_saved_with_two_word_summaries_still_scores(
    toy: tuple[M.LoadedLanguageModel, list[Example]],
) -> None:
    model, _ = toy
    text = "The mayor slammed the trade deal on Tuesday."
    older = M.LoadedLanguageModel()
    older.__setstate__(model.__getstate__())
    older.sentence_top_ = model.sentence_top_[:2]
    reference = M.LoadedLanguageModel()
    reference.__setstate__(model.__getstate__())
    reference.sentence_top_ = np.concatenate([model.sentence_top_[:2], [0.0, 0.0]])
    got = older.analyse(text, [(0, len(text))]).probability
    assert got == pytest.approx(reference.analyse(text, [(0, len(text))]).probability)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=6),
            st.sampled_from(
                ['"', "“", "”", "‘", "’", "'", " don't ", ". ", "\n", " “a b” ", " 'x' "]
            ),
        ),
        max_size=30,
    ).map("".join)
)
def test_words_of_a_scored_sentence_match_its_voices(text: str) -> None:
    """The scorer reads offsets from a cheap whole-sentence tokenisation and voices from
    scoring; both must be what tokenising the sentence piece by piece finds."""
    from biaskit_loaded_language.features import sentence_bounds
    from biaskit_loaded_language.scorer import shipped_model

    scored = shipped_model().analyse(text, sentence_bounds(text))
    for i, (start, end) in enumerate(scored.bounds):
        got = scored.words_of(i)
        want = scored.voices.sentence(start, end, offsets=True)
        assert (got.words, got.quoted, got.scared, got.spans) == (
            want.words,
            want.quoted,
            want.scared,
            want.spans,
        )


def test_a_words_learned_weight_is_split_into_its_parts() -> None:
    """A reason must not present a word the training sentences never had as one the experts
    marked: its weight comes from spelling and meaning alone, and the parts add up to it."""
    from biaskit_loaded_language.scorer import shipped_model

    model = shipped_model()
    for word, seen in (("outrageous", True), ("slammed", True), ("zorblaxian", False)):
        w = model.explain_word(word)
        assert (w.itself is not None) is seen
        parts = (w.itself or 0.0) + w.spelling + w.meaning + w.category_weight
        assert w.own == pytest.approx(parts, abs=1e-9)
    text = "Critics called the plan an outrageous grotesquerie."
    result = LoadedLanguageScorer().score(Document("d", text))
    notes = {text[s.start : s.end]: s.note for s in result.spans}
    parts = r"\(spelling [+-]\d+\.\d, meaning [+-]\d+\.\d, the word itself [+-]\d+\.\d\)"
    assert re.search(parts, notes["outrageous"])
    assert "the word itself unseen in BABE's training sentences" in notes["grotesquerie"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abnaé-’'1", min_size=0, max_size=12) | st.text(max_size=8))
def test_a_words_row_sums_each_spelling_feature_times_its_count(word: str) -> None:
    """Words whose n-grams all differ are summed in C; the row must be what weighing each
    distinct n-gram by its count gives ("banana" repeats "ana"), to the bit."""
    from collections import Counter

    from biaskit_loaded_language.features import word_features
    from biaskit_loaded_language.scorer import shipped_model

    compiled = shipped_model()._compile()
    dot = norm = part = 0.0
    for f, c in Counter(word_features(word)).items():
        weight, idf, own = compiled.spelling.get(f, (0.0, 0.0, 0.0))
        dot += c * weight
        norm += (c * idf) ** 2
        part += c * own
    ids = compiled.pieces.pieces(word)
    if ids:
        part += sum(compiled.word_static[i] for i in ids) / len(ids)
    part += compiled.category.get(word_category(word)[0], 0.0)
    row = compiled.word_row(word)
    assert (row[0], row[1], row[compiled.PART]) == (dot, norm, part)


_WORD = st.text(alphabet="abnaé-’'1ïß", min_size=1, max_size=40) | st.text(min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORD, min_size=2, max_size=12, unique=True))
def test_rows_of_many_words_at_once_are_each_words_row_to_the_bit(words: list[str]) -> None:
    """A batch of new words is weighed in one pass (n-grams found by number, sums by
    np.bincount); every row must be the one ``word_row`` gives the word alone, whatever the
    characters: unknown ones, surrogates, words longer than the n-gram cut, repeated
    n-grams."""
    from biaskit_loaded_language.scorer import shipped_model

    compiled = shipped_model()._compile()
    rows = compiled.word_rows(words)
    expected = np.asarray([compiled.word_row(w) for w in words])
    assert rows.tobytes() == expected.tobytes()


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORD | st.just("\ud800x"), min_size=0, max_size=8))
def test_ngrams_found_by_number_are_those_a_dictionary_finds(words: list[str]) -> None:
    """The coded search against the plain one (one dictionary look-up per n-gram), on a toy
    vocabulary, in the order word_features cuts them."""
    from biaskit_loaded_language.ngrams import NgramIndex

    grams = {" ab": 1, "ab ": 2, "ana": 3, "nan": 4, "bana": 5, "anan": 6, " bana": 7, "é-’": 8}
    index = NgramIndex(grams)
    assert index.coded
    coded = index.find(words)
    index.coded = False
    plain = index.find(words)
    assert [a.tolist() for a in coded] == [a.tolist() for a in plain]
    per_word = sorted(
        (i, [grams[f[2:]] for f in M.word_features(w) if f[2:] in grams and f[:2] == "c:"])
        for i, w in enumerate(words)
    )
    found = {i: [] for i in range(len(words))}
    for owner, value in zip(*plain, strict=True):
        found[int(owner)].append(int(value))
    assert sorted(found.items()) == per_word


def test_ngrams_in_too_many_characters_to_number_are_still_found() -> None:
    from biaskit_loaded_language.ngrams import NgramIndex

    grams = {chr(0x4E00 + i) * 3: i for i in range(5000)}
    index = NgramIndex(grams)
    assert not index.coded
    owners, values = index.find(["x", chr(0x4E00 + 7) * 4])
    assert owners.tolist() == [1, 1] and values.tolist() == [7, 7]


def test_word_category_reads_the_lexicon_and_morphology() -> None:
    assert word_category("regime")[0] == "pejorative"
    assert word_category("slammed")[0] == "reporting-verb"
    assert word_category("russophobic")[0] == "group-label"
    assert word_category("budget") == ("", 0.0, "")


def test_wordpiece_splits_unknown_words_into_known_pieces() -> None:
    vocab, vectors = load_table()
    assert vectors.shape == (len(vocab), DIMENSIONS)
    wp = WordPiece(vocab)
    pieces = [vocab[i] for i in wp.pieces("bloviating")]
    assert "".join(p.removeprefix("##") for p in pieces) == "bloviating"
    assert wp.pieces("x" * 500) == (wp.unknown,)


_TOY_PIECES = ["[UNK]", "a", "ab", "abc", "b", "##a", "##b", "##bc", "##c", "##ca"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcd", max_size=12))
def test_wordpiece_takes_the_longest_known_piece_at_each_step(word: str) -> None:
    """BERT's greedy rule: a word's first piece from the opening pieces, the rest from the
    "##" pieces, each the longest that matches where the last one ended; a word with a
    stretch no piece covers is unknown as a whole."""
    wp = WordPiece(_TOY_PIECES)
    got = [_TOY_PIECES[i] for i in wp.pieces(word)]
    if got == ["[UNK]"]:
        assert "d" in word or word[:1] not in ("a", "b")
        return
    assert "".join(p.removeprefix("##") for p in got) == word
    start = 0
    for k, piece in enumerate(got):
        text = piece.removeprefix("##")
        assert piece.startswith("##") == (k > 0)
        longer = [
            p
            for p in _TOY_PIECES
            if p.startswith("##") == (k > 0)
            and len(p.removeprefix("##")) > len(text)
            and word.startswith(p.removeprefix("##"), start)
        ]
        assert not longer
        start += len(text)


def test_save_load_and_score_with_a_trained_model(
    toy: tuple[M.LoadedLanguageModel, list[Example]], tmp_path: Path
) -> None:
    dev = _corpus(20, offset=61)
    train = _corpus(60)
    trained = LoadedLanguageScorer().train(train, dev, random_state=0)
    assert trained.metrics["roc_auc"] > 0.9
    assert 0.0 < trained.params["word_threshold"] < 1.0
    path = tmp_path / "ll.skops"
    save_model(path, trained, dimension="loaded_language", scorer_version="t", dataset="toy")
    scorer = LoadedLanguageScorer().with_model(path)
    check_scorer(scorer)
    text = "Officials announced the budget plan on Tuesday. The senator slammed the new law."
    result = scorer.score(Document("d", text))
    words = {text[s.start : s.end]: s for s in result.spans if s.label != "loaded-sentence"}
    assert "slammed" in words and "learned weight" in words["slammed"].note
    assert "reporter's voice" in words["slammed"].note
    assert (
        result.details["sentences"][1]["probability"]
        > result.details["sentences"][0]["probability"]
    )
    cut = trained.params["sentence_threshold"]
    assert 0.0 < cut < 1.0 and result.details["sentence_threshold"] == cut
    assert trained.metrics["cv_macro_f1_at_threshold"] > 0.9


def test_the_sentence_cut_off_search_takes_the_best_and_highest_cut() -> None:
    # Cuts at 0.9 and 0.7 both split these perfectly; the higher one wins, as on the bench.
    assert best_threshold([True, True, False, False], [0.95, 0.9, 0.7, 0.1], "macro_f1") == 0.9
    # One biased sentence scored low: taking it costs more false alarms than it is worth.
    gold = [True, True, True, False, False, False, True]
    assert best_threshold(gold, [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.1], "macro_f1") == 0.7
    assert best_threshold([], [], "macro_f1") == 0.5


def test_the_sentence_cut_off_decides_which_sentences_are_reported(
    toy: tuple[M.LoadedLanguageModel, list[Example]],
) -> None:
    model, _ = toy
    text = "The mayor slammed the trade deal on Tuesday."
    p = model.analyse(text, [(0, len(text))]).probability[0]
    for cut, reported in ((p, True), (min(1.0, p + 1e-6), False)):
        strict = M.LoadedLanguageModel()
        strict.__setstate__(model.__getstate__())
        strict.sentence_threshold_ = cut
        result = LoadedLanguageScorer(strict).score(Document("d", text))
        found = any(s.label == "loaded-sentence" for s in result.spans)
        assert found is reported and result.metrics["loaded_sentences"] == float(reported)


def test_a_model_saved_before_the_sentence_cut_off_decides_at_one_half(
    toy: tuple[M.LoadedLanguageModel, list[Example]],
) -> None:
    model, _ = toy
    state = model.__getstate__()
    del state["sentence_threshold_"]
    older = M.LoadedLanguageModel()
    older.__setstate__(state)
    assert older.sentence_threshold_ == 0.5


def test_untrusted_types_are_refused(tmp_path: Path) -> None:
    from fractions import Fraction

    from skops.io import dump

    path = tmp_path / "evil.skops"
    dump({"format": 1, "estimator": Fraction(1, 3)}, path)
    with pytest.raises(UnsafeModel, match="Fraction"):
        M.load(path)
    trusted = tmp_path / "other.skops"
    dump({"format": 1, "estimator": {"not": "a model"}}, trusted)
    with pytest.raises(TypeError, match="loaded-language"):
        M.load(trusted)


def test_shipped_model_is_the_default_and_conforms() -> None:
    scorer = LoadedLanguageScorer()
    check_scorer(scorer)
    here = Path(M.__file__).parent
    meta = (here / "loaded_language.skops.json").read_text()
    assert '"dataset": "babe"' in meta
    model = load_model(here / "loaded_language.skops", M.TRUSTED_TYPES)
    assert isinstance(model, M.LoadedLanguageModel)
    neutral = "The city council approved the budget on Tuesday. The plan funds two schools."
    loaded = "The corrupt regime's thugs unleashed a shameful, catastrophic crackdown."
    low = scorer.score(Document("n", neutral))
    high = scorer.score(Document("l", loaded))
    assert low.label == "neutral" and high.label == "heavily loaded"
    assert high.score > 0.8 > 0.3 > low.score
    assert any(s.label == "loaded-sentence" for s in high.spans)


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_shipped_model_never_crashes_and_spans_stay_inside(text: str) -> None:
    result = LoadedLanguageScorer().score(Document("h", text))
    assert 0.0 <= result.score <= 1.0
    last = (-1, -1)
    for span in result.spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert 0.0 <= span.score <= 1.0 and span.note
        assert (span.start, span.end) >= last
        last = (span.start, span.end)


def test_plugin_import_loads_no_numpy_or_sklearn() -> None:
    code = (
        "import sys\n"
        "import biaskit_loaded_language as p\n"
        "p.biaskit_scorers()\n"
        "heavy = {'numpy', 'sklearn', 'scipy', 'torch'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_embedding_scorer_trains_a_blend_without_the_extra(
    toy: tuple[M.LoadedLanguageModel, list[Example]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The extra's logic, with a stand-in encoder: loaded sentences point one way."""
    from biaskit_loaded_language import embedding

    model, _ = toy

    def fake_embed(texts: list[str]) -> np.ndarray:
        return np.asarray([[1.0 if any(w in t for w in LOADED) else -1.0, 0.5] for t in texts])

    monkeypatch.setattr(embedding, "embed", fake_embed)
    scorer = embedding.LoadedLanguageMiniLMScorer(base=model)
    trained = scorer.train(_corpus(60), _corpus(30, offset=61), random_state=0)
    assert trained.metrics["blend_roc_auc"] > 0.9
    ready = embedding.LoadedLanguageMiniLMScorer(trained.estimator, model)
    check_scorer(ready)
    result = ready.score(Document("d", "The senator slammed the new law."))
    assert result.dimension == "loaded_language_minilm" and result.score > 0.5


def test_embedding_scorer_registered_only_with_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from biaskit_loaded_language import embedding

    monkeypatch.setattr(embedding, "available", lambda: False)
    assert [s.name for s in biaskit_scorers()] == ["loaded_language"]
    monkeypatch.setattr(embedding, "available", lambda: True)
    assert [s.name for s in biaskit_scorers()] == ["loaded_language", "loaded_language_minilm"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=4),
            st.sampled_from(
                ["Mr. ", "U.S. ", ". ", "! ", '?" ', "\n", " J. ", "e.g. ", "…  ", "?!", ".'\n"]
            ),
            st.sampled_from(["...", "?!x", '."', ")", "’ ", ".\n", "!\n\n", "… ", "\t", "”"]),
        ),
        max_size=40,
    ).map("".join)
)
def test_sentence_bounds_match_biaskit_sentences(text: str) -> None:
    from biaskit.text import sentences
    from biaskit_loaded_language.features import sentence_bounds

    assert sentence_bounds(text) == [(s.start, s.end) for s in sentences(text)]


def _extra_installed() -> bool:
    from biaskit_loaded_language.embedding import available

    return available()


@pytest.mark.skipif(not _extra_installed(), reason="needs the embeddings extra")
def test_real_minilm_scorer_offline() -> None:  # pragma: no cover - runs with the extra only
    from biaskit_loaded_language.embedding import LoadedLanguageMiniLMScorer, embed

    vectors = embed(["The senator slammed the plan.", "The council met on Tuesday."])
    assert vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    scorer = LoadedLanguageMiniLMScorer()
    check_scorer(scorer, texts=("", "A.", "The corrupt regime's thugs attacked. Officials met."))
    loaded = scorer.score(
        Document("l", "The corrupt regime's thugs unleashed a shameful crackdown.")
    )
    neutral = scorer.score(Document("n", "The council approved the budget on Tuesday."))
    assert loaded.score > 0.5 > neutral.score


def test_a_full_word_cache_starts_afresh_without_changing_scores(
    toy: tuple[M.LoadedLanguageModel, list[Example]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The per-word cache is bounded for runs over millions of documents; when it starts
    afresh, no document may be scored with rows from before (its known words) mixed with
    rows written after (its new words)."""
    import pickle

    model, train = toy
    texts = [e.text for e in train] + [
        f"The {w} council slammed {w}s and approved the {w}ish budget plan." for w in "abcdefgh"
    ]
    reference = pickle.loads(pickle.dumps(model))  # a copy with its own, fresh cache
    expected = [reference.analyse(t, [(0, len(t))]).logits for t in texts]
    small = pickle.loads(pickle.dumps(model))
    monkeypatch.setattr(M, "MAX_CACHED_WORDS", 12)
    for text, logits in zip(texts, expected, strict=True):
        assert np.array_equal(small.analyse(text, [(0, len(text))]).logits, logits), text
    assert np.array_equal(small.predict_proba(texts), reference.predict_proba(texts))
