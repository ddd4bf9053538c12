"""Saving and loading trained models safely, with the metrics and settings that made them.

Models are stored with skops, never pickle: loading a pickle runs whatever code it names,
and a model file is exactly the kind of thing users download and pass around. ``load_model``
refuses any type outside the explicit list the scorer trusts, so a tampered file fails
with a message instead of executing. Beside the skops file goes a plain copy of the same
numbers (``biaskit.bench.plain``), which ``load_model`` reads first: scoring then needs
neither skops nor scikit-learn, whose import cost more than a short run's scoring.

A trainable scorer implements ``train(train, dev, random_state) -> TrainedModel`` (fit on
train, choose settings on dev) and ``with_model(path) -> Scorer``; ``biaskit train`` calls the
first and saves the result next to a JSON sidecar of its metrics.
"""

from __future__ import annotations

import json
import platform
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from biaskit.bench.model import Example

MODEL_FORMAT = 1


class UnsafeModel(ValueError):
    """The model file holds types the loading scorer does not trust."""


@dataclass(frozen=True)
class TrainedModel:
    """What ``train`` returns: the fitted estimator, its dev metrics, the chosen settings."""

    estimator: Any
    metrics: Mapping[str, float] = field(default_factory=dict)
    params: Mapping[str, Any] = field(default_factory=dict)


@runtime_checkable
class Trainable(Protocol):
    name: str
    version: str

    def train(
        self, train: Sequence[Example], dev: Sequence[Example], random_state: int
    ) -> TrainedModel: ...

    def with_model(self, path: Path) -> Any: ...


def sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def save_model(
    path: Path, trained: TrainedModel, *, dimension: str, scorer_version: str, dataset: str
) -> dict[str, Any]:
    """Write ``path`` (skops) and ``path.json`` (metrics, settings, versions); return the latter."""
    import sklearn
    from skops.io import dump

    from biaskit.bench.plain import export, plain_path

    path.parent.mkdir(parents=True, exist_ok=True)
    dump({"format": MODEL_FORMAT, "estimator": trained.estimator}, path)
    try:
        export(trained.estimator, path)
    except TypeError:  # not plain data: the model is read from skops alone
        plain_path(path).unlink(missing_ok=True)
    from biaskit import __version__

    meta = {
        "format": MODEL_FORMAT,
        "dimension": dimension,
        "scorer_version": scorer_version,
        "dataset": dataset,
        "metrics": dict(trained.metrics),
        "params": dict(trained.params),
        "biaskit": __version__,
        "scikit-learn": sklearn.__version__,
        "python": platform.python_version(),
        "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    sidecar(path).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
    return meta


def load_model(path: Path | str, trusted: Iterable[str], plain: bool = True) -> Any:
    """Load an estimator saved by ``save_model``, allowing only the ``trusted`` types.

    ``plain``: read the plain copy beside the skops file where it matches it (scikit-learn
    objects then come back as ``biaskit.bench.plain.Fitted`` namespaces of their attributes);
    False for the estimator itself, to call its scikit-learn methods."""
    from biaskit.bench import plain as plain_copy

    path = Path(path)
    allowed = set(trusted)
    if plain:
        found = plain_copy.load(path, allowed)
        if found is not None:
            return found
    from skops.io import get_untrusted_types, load

    untrusted = get_untrusted_types(file=path)
    refused = sorted(t for t in untrusted if t not in allowed)
    if refused:
        raise UnsafeModel(f"{path.name} holds types this scorer does not trust: {refused}")
    payload = load(path, trusted=list(untrusted))
    if not isinstance(payload, dict) or payload.get("format") != MODEL_FORMAT:
        raise UnsafeModel(f"{path.name} is not a biaskit model (format {MODEL_FORMAT})")
    return payload["estimator"]
