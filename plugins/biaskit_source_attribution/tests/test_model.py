"""The cue classifier: training on span-labelled examples, skops round trip, laziness.

Training runs on a small corpus generated here (sentences written for these tests, with
their gold Source, Cue and Content spans), so it is quick and needs no dataset on disk.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from biaskit.bench.model import Example, GoldSpan
from biaskit.bench.training import TrainedModel, UnsafeModel, load_model, save_model
from biaskit_source_attribution import SourceAttributionScorer
from biaskit_source_attribution.model import (
    DEFAULT_MODEL,
    TRUSTED_TYPES,
    CueModel,
    fit_cue_model,
    learn_vocabulary,
    load,
)
from biaskit_source_attribution.scan import scan


def shipped_spans(text: str, *labels: str) -> list[str]:
    """The words of ``text`` the shipped scorer marks with any of ``labels``."""
    from biaskit.model import Document

    spans = SourceAttributionScorer().score(Document("t", text)).spans
    return [text[s.start : s.end] for s in spans if s.label in labels]


NAMES = ["Ana Ruiz", "Tom Berg", "Lena Ford", "Omar Haddad", "Sara Ito", "Karl Weber"]
CLAUSES = [
    "the bridge would reopen in May",
    "prices had risen too fast",
    "the council needed more time",
    "the strike was over",
    "the deal was close",
]
FILLER = [
    "The river rose by two metres overnight.",
    "Traffic was slow on the ring road.",
    "The market added a new stall for fish.",
    "Schools stayed open despite the snow.",
]


def _article(rng: random.Random, k: int) -> Example:
    parts: list[str] = []
    spans: list[GoldSpan] = []
    pos = 0
    for j in range(6):
        if rng.random() < 0.4:
            sentence = rng.choice(FILLER)
        else:
            name, clause = rng.choice(NAMES), rng.choice(CLAUSES)
            verb = rng.choice(["said", "argued", "warned"])
            sentence = f"{name} {verb} that {clause}."
            g = f"E{j}"
            spans.append(GoldSpan(pos, pos + len(name), "Source", g))
            v = pos + len(name) + 1
            spans.append(GoldSpan(v, v + len(verb), "Cue", g))
            c = v + len(verb) + 1
            spans.append(GoldSpan(c, c + len("that ") + len(clause), "Content", g))
        parts.append(sentence)
        pos += len(sentence) + 2
    split = "dev" if k % 4 == 0 else "train"
    return Example(f"x{k}", "\n\n".join(parts), (), split, task="spans", spans=tuple(spans))


@pytest.fixture(scope="module")
def corpus() -> tuple[list[Example], list[Example]]:
    rng = random.Random(0)
    examples = [_article(rng, k) for k in range(24)]
    return [e for e in examples if e.split == "train"], [e for e in examples if e.split == "dev"]


def test_vocabulary_is_learned_from_gold_cues(corpus: tuple[list[Example], list[Example]]) -> None:
    vocab, _ = learn_vocabulary(corpus[0])
    assert {"said", "argued", "warned"} <= vocab
    assert "river" not in vocab and "that" not in vocab


def test_fit_save_load_round_trip(
    corpus: tuple[list[Example], list[Example]], tmp_path: Path
) -> None:
    payload, metrics, params = fit_cue_model(*corpus, random_state=0)
    assert metrics["cue_overlap_f1"] > 0.9
    assert metrics["content_overlap_f1"] > 0.9
    assert params["threshold"] in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55)
    path = tmp_path / "cue.skops"
    save_model(
        path,
        TrainedModel(payload, metrics, params),
        dimension="source_attribution",
        scorer_version="test",
        dataset="synthetic",
    )
    model = load(path)
    fitted = CueModel.from_payload(payload)
    text = "Sara Ito warned that the strike was over. The river rose by two metres overnight."
    s = scan(text, model.forms)
    hits = model.decide(s)
    assert [text[h.start : h.end] for h in hits] == ["warned"]
    assert [(h.start, h.probability) for h in hits] == [
        (h.start, h.probability) for h in fitted.decide(scan(text, fitted.forms))
    ]
    why = hits[0].explanation()
    assert "w=warned" in why or "model p=" in why


def test_scorer_train_and_with_model(
    corpus: tuple[list[Example], list[Example]], tmp_path: Path
) -> None:
    trained = SourceAttributionScorer().train(*corpus, random_state=0)
    path = tmp_path / "m.skops"
    save_model(
        path, trained, dimension="source_attribution", scorer_version="t", dataset="synthetic"
    )
    scorer = SourceAttributionScorer().with_model(path)
    from biaskit.model import Document

    text = "Tom Berg argued that prices had risen too fast."
    result = scorer.score(Document("t", text))
    assert result.details["main_speaker"] == "Tom Berg"


def test_training_keeps_every_hand_lexicon_word(
    corpus: tuple[list[Example], list[Example]],
) -> None:
    """Pruning drops candidate words the fitted model seldom accepts in train, but not the hand
    lexicon's: a reporting verb the train copy uses otherwise ("the United States") or seldom
    is a cue in other news ("The report states that ...")."""
    from biaskit_source_attribution.cues import LEXICON_KEYS

    train, dev = corpus
    nouns = "\n\n".join(["The United States and several states sent envoys."] * 6)
    train = [*train, Example("states", nouns, (), "train", task="spans", spans=())]
    payload, _, _ = fit_cue_model(train, dev, random_state=0)
    assert "states" in LEXICON_KEYS
    assert set(payload["vocabulary"].split("\n")) >= LEXICON_KEYS


def test_the_shipped_model_reads_verbs_of_saying_beyond_its_train_copy() -> None:
    from biaskit_source_attribution.cues import LEXICON_KEYS

    assert load(DEFAULT_MODEL).vocabulary >= LEXICON_KEYS
    for text, cue in (
        ("The ministry confirms that the talks will resume next week.", "confirms"),
        ("Lavrov underlines that Russia is ready for dialogue.", "underlines"),
        ("He replies that the decision was made in good faith.", "replies"),
    ):
        assert shipped_spans(text, "cue") == [cue]


def test_loading_refuses_untrusted_types(tmp_path: Path) -> None:
    from collections import Counter

    path = tmp_path / "bad.skops"
    save_model(
        path,
        TrainedModel({"classifier": Counter(a=1)}),
        dimension="source_attribution",
        scorer_version="t",
        dataset="none",
    )
    with pytest.raises(UnsafeModel):
        load(path)


def test_shipped_model_loads_with_trusted_types_only() -> None:
    assert DEFAULT_MODEL.exists()
    payload = load_model(DEFAULT_MODEL, TRUSTED_TYPES)
    assert set(payload) >= {"classifier", "features", "vocabulary", "extend_right", "threshold"}
    model = load(DEFAULT_MODEL)
    assert {"said", "told", "according"} <= model.vocabulary
    assert 0.0 < model.threshold < 1.0


def test_importing_the_plugin_does_not_import_sklearn_or_numpy() -> None:
    code = (
        "import sys, biaskit_source_attribution as p; p.SourceAttributionScorer();"
        "print('sklearn' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ('The minister said: "The talks will resume next week."', "said:"),
        ("Ms. Ruiz has long argued that the port is too small.", "has long argued"),
        ("The senator has repeatedly said that the port is too small.", "has repeatedly said"),
        ("Ms. Ruiz said that the port is too small.", "said"),
    ],
)
def test_a_cue_takes_its_colon_and_the_adverbs_before_it(text: str, cue: str) -> None:
    assert shipped_spans(text, "cue") == [cue]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("The reports show that the group spent heavily.", "show", "The reports"),
        ("The Advocate had chided the president for his vacation.", "had chided", "The Advocate"),
    ],
)
def test_a_noun_cue_before_a_verb_cue_is_its_subject(text: str, cue: str, source: str) -> None:
    assert shipped_spans(text, "cue") == [cue]
    assert shipped_spans(text, "speaker", "anonymous-source") == [source]


def test_a_noun_after_a_determiner_does_not_join_the_cue() -> None:
    text = "The plan was criticized as reckless by several senators."
    assert shipped_spans(text, "cue") == ["was criticized"]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("As Reuters reported on Monday, the deal collapsed.", "reported", "the deal collapsed"),
        ("He reported on the deal in detail.", "reported on", "the deal in detail"),
    ],
)
def test_a_time_adjunct_is_neither_cue_nor_content(text: str, cue: str, content: str) -> None:
    assert shipped_spans(text, "cue") == [cue]
    assert shipped_spans(text, "indirect") == [content]
