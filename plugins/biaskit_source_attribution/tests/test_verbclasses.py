"""The broad word classes and the sentence-neighbour feature of the cue classifier."""

from __future__ import annotations

from biaskit_source_attribution.features import (
    FRAME_TEMPLATES,
    SENTENCE_TEMPLATES,
    candidate_features,
    next_shape,
    sentence_neighbours,
    word_info,
)
from biaskit_source_attribution.scan import key, scan, surface_forms
from biaskit_source_attribution.verbclasses import CLASS_WORDS, stem, word_class


def test_inflections_share_a_stem_and_a_class() -> None:
    for forms, cls in [
        ("support supports supported supporting", "stance"),
        ("think thinks thought thinking", "belief"),
        ("say says said saying", "comm"),
        ("admit admits admitted admitting", "comm"),
        ("see sees saw seen seeing", "percep"),
        ("show shows showed showing", "evid"),
    ]:
        words = forms.split()
        assert len({stem(w) for w in words if w not in ("saw",)}) == 1, forms
        assert {word_class(w) for w in words} == {cls}, forms


def test_words_outside_the_classes_have_none() -> None:
    for w in ("bridge", "river", "the", "tuesday", ""):
        assert word_class(w) == "none"
    assert all(word_class(w) != "none" for w in CLASS_WORDS)


def test_neighbours_are_the_nearest_lexicon_words_of_the_same_sentence() -> None:
    text = (
        "Rubio said he does support it. They support the plan, she added. "
        "Critics said that the senator, after many weeks of talks, would support it."
    )
    s = scan(text, surface_forms(frozenset({"said", "support", "added"})))
    heads = [key(s.words[i]) + str(i) for i, _ in s.candidates]
    got = dict(zip(heads, sentence_neighbours(s), strict=True))
    assert got == {
        "said1": "-|-",  # nothing before; "support" is no lexicon word
        "support4": "baren|-",  # "said" three words before: near
        "support7": "-|thatn",  # the next sentence: "added" is a "that" verb
        "added11": "-|-",
        "said13": "-|-",
        "support23": "baref|-",  # "said" ten words before: far
    }


def test_next_shape_tells_a_clause_from_an_object() -> None:
    text = "He said that it rained. She said, no. They think the plan works. We see whether"
    s = scan(text, surface_forms(frozenset({"said", "think", "see"})))
    got = [next_shape(s, i, word_info(s.words[i])[2]) for i, _ in s.candidates]
    assert got == ["that", "p,", "det", "wh"]


def test_candidate_features_name_the_sentence_and_frame_templates() -> None:
    s = scan("He said they support it.", surface_forms(frozenset({"said", "support"})))
    i, pos = s.candidates[1]
    feats = candidate_features(s, i, pos, sentence_neighbours(s)[1])
    assert "cls=stance" in feats
    assert {f.split("=")[0] for f in feats} >= {*SENTENCE_TEMPLATES, *FRAME_TEMPLATES}
    assert "cls|nb=stance|baren|-" in feats
    assert "cls|next_shape=stance|pron" in feats
