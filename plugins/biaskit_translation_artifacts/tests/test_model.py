"""The trainable model: fit, calibrate, save safely, load, score with reasons; the shipped one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from biaskit import Document
from biaskit.bench.model import Example
from biaskit.bench.training import UnsafeModel, load_model, save_model
from biaskit.testing import check_scorer
from biaskit_translation_artifacts import TranslationArtifactsScorer
from biaskit_translation_artifacts import model as model_module
from biaskit_translation_artifacts.features import FEATURE_NAMES
from biaskit_translation_artifacts.model import SHIPPED, TRUSTED_TYPES, explain, probability
from biaskit_translation_artifacts.scorer import NEWS_PRIOR, analyse, with_prior

PLACES = ["Omsk", "Tver", "Kursk", "Perm", "Samara", "Tula", "Orel", "Vologda"]
THINGS = ["the bridge", "the school", "the hospital", "the new road", "the market", "the port"]

# Two made-up "styles": original news leans on "said", the perfect and possessives;
# the translated style rotates reporting verbs, drops the perfect and strings "of the".
ORIGINAL = [
    "{p}'s mayor said on Tuesday that {t} has been closed for repairs.",
    "Officials have said the work on {t} will take about two months.",
    "Residents said they had not been told about {p}'s plans for {t}.",
    "The city's engineers have found cracks in {t}, the mayor said.",
    "Shop owners said they've lost trade since {t} was shut.",
]
TRANSLATED = [
    "The head of the administration of {p} noted that the repair of {t} is carried out.",
    "According to the head of the department, the work of the repair of {t} continues.",
    "In turn, the representative of the region stressed the importance of the repair of {t}.",
    "At the same time, the deputy of the head of {p} emphasized the need of the control.",
    "The press service of the administration of {p} informed about the state of {t}.",
]


def _doc(i: int, translated: bool) -> Example:
    lines = TRANSLATED if translated else ORIGINAL
    text = "\n".join(
        lines[(i + k) % 5].format(p=PLACES[(i + k) % 8], t=THINGS[(i * 3 + k) % 6])
        for k in range(8)
    )
    split = "train" if i < 24 else "dev"
    kind = "t" if translated else "o"
    return Example(f"{kind}{i}", text, (translated,), split, meta={"group": f"{kind}{i // 2}"})


@pytest.fixture(scope="module")
def corpus() -> list[Example]:
    return [_doc(i, t) for i in range(32) for t in (True, False)]


@pytest.fixture(scope="module")
def trained_path(corpus: list[Example], tmp_path_factory: pytest.TempPathFactory) -> Path:
    train = [e for e in corpus if e.split == "train"]
    dev = [e for e in corpus if e.split == "dev"]
    with pytest.MonkeyPatch.context() as patch:
        # Two settings and three folds: the search itself, not its width, is under test.
        patch.setattr(model_module, "C_GRID", (0.01, 0.1))
        patch.setattr(model_module, "FOLDS", 3)
        trained = TranslationArtifactsScorer().train(train, dev, random_state=0)
    assert trained.metrics["cv_roc_auc"] == 1.0
    assert trained.params["C"] in (0.01, 0.1)
    # Settings chosen by grouped cross-validation, then one fit on train and dev together.
    assert trained.params["train_documents"] == len(train) + len(dev)
    assert trained.params["dev_documents_in_training"] == len(dev)
    path = tmp_path_factory.mktemp("model") / "ta.skops"
    save_model(path, trained, dimension="translation_artifacts", scorer_version="x", dataset="toy")
    return path


def test_trained_model_separates_held_out_styles(trained_path: Path) -> None:
    scorer = TranslationArtifactsScorer().with_model(trained_path)
    translated = scorer.score(Document("t", _doc(40, True).text))
    original = scorer.score(Document("o", _doc(40, False).text))
    assert (
        translated.metrics["model_probability"] > 0.8 > 0.2 > original.metrics["model_probability"]
    )
    assert translated.score > original.score
    assert translated.details["score_from"] == "model"
    assert translated.details["model_reasons"]
    assert all("log-odds" in reason for reason in translated.details["model_reasons"])


def test_model_probability_is_rebased_on_the_news_prior(trained_path: Path) -> None:
    result = (
        TranslationArtifactsScorer()
        .with_model(trained_path)
        .score(Document("t", _doc(41, True).text))
    )
    p = result.metrics["model_probability"]
    assert result.metrics["model_score"] == pytest.approx(with_prior(p, NEWS_PRIOR))
    assert result.metrics["model_score"] < p
    assert result.score == max(result.metrics["model_score"], result.metrics["detector_score"])


def test_calibration_is_folded_into_a_plain_pipeline(trained_path: Path) -> None:
    model = load_model(trained_path, TRUSTED_TYPES, plain=False)  # scikit-learn's own
    assert [name for name, _ in model.steps] == ["scale", "clf"]
    row = analyse(_doc(42, True).text).row
    p = probability(model, row)
    assert 0.0 < p < 1.0
    assert p == pytest.approx(model.predict_proba([row])[0, 1])  # no feature is clipped here
    # The plain copy the scorer reads gives the same probability, to the bit.
    assert probability(load_model(trained_path, TRUSTED_TYPES), row) == p
    reasons = explain(model, row)
    assert reasons and all(name in FEATURE_NAMES and value > 0 for name, value, _ in reasons)


def test_model_scorer_conforms(trained_path: Path) -> None:
    check_scorer(TranslationArtifactsScorer().with_model(trained_path))


def test_model_is_not_applied_to_non_english_or_tiny_texts(trained_path: Path) -> None:
    scorer = TranslationArtifactsScorer().with_model(trained_path)
    korean = "서울시는 화요일 다리를 폐쇄했다고 밝혔다. " * 30 + "The mayor said so."
    portuguese = "O prefeito disse que a ponte será fechada para reparos na terça-feira. " * 10
    for text in (korean, portuguese, "Too short."):
        result = scorer.score(Document("x", text))
        assert "model_score" not in result.metrics
        assert result.details["model"] in (
            "not applied: not English prose",
            "not applied: fewer than 50 words of running prose",
        )
        assert result.score == result.metrics["detector_score"]


def test_untrusted_types_are_refused(tmp_path: Path) -> None:
    from skops.io import dump

    path = tmp_path / "evil.skops"
    dump({"format": 1, "estimator": Path("/etc/passwd")}, path)
    with pytest.raises(UnsafeModel, match="does not trust"):
        TranslationArtifactsScorer().with_model(path)


def test_a_model_of_another_shape_is_refused(tmp_path: Path) -> None:
    from sklearn.ensemble import RandomForestClassifier
    from skops.io import dump

    path = tmp_path / "other.skops"
    dump({"format": 1, "estimator": RandomForestClassifier()}, path)
    with pytest.raises(UnsafeModel, match="not a translation_artifacts model"):
        TranslationArtifactsScorer().with_model(path)


def test_train_needs_both_classes(corpus: list[Example]) -> None:
    only_translated = [e for e in corpus if e.labels[0] and e.split == "train"]
    with pytest.raises(ValueError, match="both"):
        TranslationArtifactsScorer().train(only_translated, [], random_state=0)


def test_shipped_model_is_the_default_and_matches_its_features() -> None:
    assert SHIPPED.exists()
    meta = json.loads(Path(f"{SHIPPED}.json").read_text())
    assert meta["dimension"] == "translation_artifacts" and meta["dataset"] == "wmt21"
    assert meta["params"]["features"] == len(FEATURE_NAMES)
    model = load_model(SHIPPED, TRUSTED_TYPES)
    assert model.named_steps["clf"].coef_.shape == (1, len(FEATURE_NAMES))
    result = TranslationArtifactsScorer().score(Document("t", _doc(43, True).text))
    assert "model_probability" in result.metrics


def test_rules_only_scorer_has_no_model_reading() -> None:
    result = TranslationArtifactsScorer(model_path=None).score(Document("t", _doc(1, True).text))
    assert "model_score" not in result.metrics and result.details["score_from"] == "detectors"


def test_importing_the_plugin_imports_no_sklearn() -> None:
    code = (
        "import sys, biaskit_translation_artifacts as p; "
        "p.TranslationArtifactsScorer(); "
        "print(any(m.startswith(('sklearn', 'numpy', 'skops')) for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_every_feature_has_a_description() -> None:
    from biaskit_translation_artifacts.scorer import describe

    for name in FEATURE_NAMES:
        text = describe(name, 0.5, True)
        assert "_" not in text.split(":")[0] and text.endswith("+0.50 log-odds"), text
