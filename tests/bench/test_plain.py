"""The plain copy of a saved model: the same numbers as the skops file, read without
scikit-learn, refused where skops would refuse, ignored where it no longer matches."""

from __future__ import annotations

import math
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from biaskit.bench import plain
from biaskit.bench.training import TrainedModel, UnsafeModel, load_model, save_model

PIPELINE = (
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._data.StandardScaler",
    "sklearn.linear_model._logistic.LogisticRegression",
)


class Weights:
    """A project-side estimator: rebuilt as itself, through its own state methods."""

    def __init__(self, table: dict[str, float], coef: Any) -> None:
        self.table = table
        self.coef_ = coef
        self._cache: dict[str, float] | None = {}

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if k != "_cache"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._cache = None


WEIGHTS = f"{Weights.__module__}.{Weights.__qualname__}"


class Outer:
    class Inner:
        """A nested class: its qualified name has a dot of its own."""

        def __init__(self) -> None:
            self.n = 3


def _skops_file(tmp_path: Path, estimator: Any) -> Path:
    """A model saved as ``biaskit train`` saves one (skops, sidecar and plain copy)."""
    path = tmp_path / "model.skops"
    save_model(path, TrainedModel(estimator), dimension="d", scorer_version="1", dataset="x")
    return path


def _same(a: Any, b: Any) -> bool:
    """Equal to the bit and of the same type: arrays by dtype, shape and bytes, floats by
    their bits (NaN too), containers element by element (sets in a sorted order)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()
    if isinstance(a, float):  # numpy's float64 too
        return a.hex() == b.hex() if not math.isnan(a) else math.isnan(b)
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, set | frozenset):
        a, b = sorted(a, key=repr), sorted(b, key=repr)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(map(_same, a, b))
    return bool(a == b)


def test_a_fitted_pipeline_comes_back_with_its_numbers_and_no_scikit_learn_class(
    tmp_path: Path,
) -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(40, 3)), np.arange(40) % 2 == 0
    fitted = Pipeline([("scale", StandardScaler()), ("clf", LogisticRegression())]).fit(x, y)
    path = _skops_file(tmp_path, fitted)
    assert plain.plain_path(path).exists()

    copy = load_model(path, PIPELINE)
    original = load_model(path, PIPELINE, plain=False)
    assert isinstance(copy, plain.Fitted) and isinstance(original, Pipeline)
    assert copy.kind == "sklearn.pipeline.Pipeline"
    for name in ("scale", "clf"):
        mine, theirs = copy.named_steps[name], original.named_steps[name]
        for attr in ("mean_", "scale_", "var_") if name == "scale" else ("coef_", "intercept_"):
            assert _same(getattr(mine, attr), getattr(theirs, attr))
    # What a scorer computes from them is the same, to the bit.
    z_copy = (x - copy.named_steps["scale"].mean_) / copy.named_steps["scale"].scale_
    z_copy = z_copy @ copy.named_steps["clf"].coef_[0] + copy.named_steps["clf"].intercept_[0]
    assert _same(z_copy, original.decision_function(x))


def test_a_project_class_is_rebuilt_as_itself_through_its_state(tmp_path: Path) -> None:
    model = Weights({"a": 0.5, "b": -1.25}, np.arange(4, dtype=np.float32))
    path = _skops_file(tmp_path, model)
    back = load_model(path, (WEIGHTS,))
    assert isinstance(back, Weights)
    assert back.table == model.table and _same(back.coef_, model.coef_)
    assert back._cache is None  # __setstate__ ran


def test_a_nested_class_is_found_by_its_qualified_name(tmp_path: Path) -> None:
    kind = f"{Outer.Inner.__module__}.{Outer.Inner.__qualname__}"
    path = _skops_file(tmp_path, Outer.Inner())
    back = load_model(path, (kind,))
    assert isinstance(back, Outer.Inner) and back.n == 3


def test_a_type_the_loader_does_not_trust_is_refused(tmp_path: Path) -> None:
    path = _skops_file(tmp_path, Weights({}, np.zeros(2)))
    with pytest.raises(UnsafeModel, match="does not trust"):
        plain.load(path, ())


def test_a_damaged_copy_or_one_made_from_another_file_is_not_read(tmp_path: Path) -> None:
    path = _skops_file(tmp_path, Weights({"a": 1.0}, np.zeros(2)))
    assert plain.load(path, (WEIGHTS,)) is not None
    copy = plain.plain_path(path)
    good = copy.read_bytes()
    for damaged in (good[: len(good) // 2], b"", b"PK\x03\x04 not a zip"):
        copy.write_bytes(damaged)
        assert plain.load(path, (WEIGHTS,)) is None
        assert isinstance(load_model(path, (WEIGHTS,)), Weights)  # from skops
    copy.write_bytes(good)
    path.write_bytes(path.read_bytes() + b"\0")  # the skops file changed after the copy
    assert plain.load(path, (WEIGHTS,)) is None
    plain.plain_path(path).unlink()
    assert plain.load(path, (WEIGHTS,)) is None


def test_what_has_no_plain_form_is_refused_when_written(tmp_path: Path) -> None:
    path = tmp_path / "m.skops"
    path.write_bytes(b"x")
    with pytest.raises(TypeError):
        plain.export({"x": np.array([object()], dtype=object)}, path)
    with pytest.raises(TypeError):
        plain.export({"f": len}, path)
    # A dict subclass is a class of its own, which skops would refuse unless trusted: it
    # must not come back as a plain dict.
    with pytest.raises(TypeError):
        plain.export({"counts": Counter(a=1)}, path)


def test_a_model_with_no_plain_form_is_saved_as_skops_alone(tmp_path: Path) -> None:
    path = _skops_file(tmp_path, Weights({"a": 1.0}, np.zeros(2)))
    assert plain.plain_path(path).exists()
    # Saved again over it, a model the copy cannot hold leaves no stale copy behind.
    save_model(
        path, TrainedModel({"c": Counter(a=1)}), dimension="d", scorer_version="1", dataset="x"
    )
    assert not plain.plain_path(path).exists()
    assert load_model(path, ("collections.Counter",)) == {"c": Counter(a=1)}


_KEYS = st.one_of(st.text(max_size=5), st.integers(-5, 5), st.booleans(), st.none())
_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
    hnp.arrays(
        st.sampled_from([np.float64, np.float32, np.int64, np.bool_, np.dtype("<U3")]),
        hnp.array_shapes(min_dims=0, max_dims=2, max_side=3),
    ),
    st.builds(np.float64, st.floats(allow_nan=False)),
)
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.lists(inner, max_size=3).map(tuple),
        st.frozensets(st.text(max_size=3), max_size=3),
        st.dictionaries(_KEYS, inner, max_size=3),
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(_VALUES)
def test_any_plain_value_comes_back_the_same(tmp_path_factory: Any, value: Any) -> None:
    path = tmp_path_factory.mktemp("plain") / "m.skops"
    path.write_bytes(b"the skops file")
    plain.export(value, path)
    assert _same(plain.load(path, ()), value)


def test_scoring_with_the_shipped_models_imports_neither_skops_nor_scikit_learn() -> None:
    """Every shipped model has a current plain copy: one stale copy, and its plugin would
    load skops, which imports all of scikit-learn (1.3 s and some 230 MB a process)."""
    root = Path(__file__).resolve().parents[2]
    code = (
        "import sys, biaskit\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        "report = biaskit.score_text(text)\n"
        "assert not report.errors, report.errors\n"
        "print(len(report.scores), *(m in sys.modules for m in ('sklearn', 'skops', 'scipy')))\n"
    )
    example = root / "examples" / "articles" / "harbour-dispute.txt"
    out = subprocess.run(
        [sys.executable, "-c", code, str(example)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["4", "False", "False", "False"]
