"""A fitted model's numbers, readable without the library that fitted it.

Scoring reads a trained model's numbers and nothing else: coefficients, means, scales,
vocabularies. Loading them from the skops file costs more than all the rest of a short run:
``skops.io`` imports the whole of scikit-learn to list the types it may trust (1.3 to 1.7 s
and some 230 MB a process, so ``biaskit score`` on one article took 2.2 s, and every
``--jobs`` worker paid it again). So ``save_model`` writes, beside the skops file, the same
model as plain data (``plain_path``): an npz of numpy arrays, read with
``allow_pickle=False``, and the object tree as JSON in it. Nothing in it runs code, and a
class is rebuilt only when the loader names it as trusted, as with skops.

The skops file stays the model (the estimator a user can take into scikit-learn); the plain
copy records the skops file's SHA-256 and is read only while it matches, so a model retrained
or replaced without a new copy is read from skops, as before. A scikit-learn object comes
back as a ``Fitted`` namespace of its attributes (``coef_``, ``mean_``, a pipeline's
``named_steps``), which is all a scorer reads; any other trusted class (a plugin's own
estimator) comes back as itself, rebuilt from its ``__getstate__`` as pickle and skops do.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

__all__ = ["Fitted", "export", "load", "plain_path"]

PLAIN_FORMAT = 1
_TREE = "tree"


class Fitted(SimpleNamespace):
    """A fitted scikit-learn object's attributes, without scikit-learn: ``kind`` names the
    class it was; a pipeline also has ``named_steps``, as scikit-learn's has."""


def plain_path(path: Path | str) -> Path:
    """Where the plain copy of the skops file ``path`` lives: ``<name>.npz`` beside it."""
    path = Path(path)
    return path.with_name(path.name + ".npz")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def export(estimator: Any, path: Path | str) -> Path:
    """Write the plain copy of ``estimator``, saved as skops at ``path``; return its path.

    Raises ``TypeError`` for a value it cannot write as plain data (an object array, a
    function): such a model is read from its skops file alone.
    """
    import numpy as np

    path = Path(path)
    arrays: dict[str, Any] = {}
    tree = {
        "format": PLAIN_FORMAT,
        "skops_sha256": _sha256(path),
        "estimator": _encode(estimator, arrays),
    }
    text = json.dumps(tree, sort_keys=True, allow_nan=True)
    arrays[_TREE] = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    out = plain_path(path)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    out.write_bytes(buffer.getvalue())
    return out


def load(path: Path | str, trusted: Iterable[str]) -> Any | None:
    """The estimator of the skops file ``path`` from its plain copy, or None where there
    is no copy, a damaged one, or one made from another file. A class outside ``trusted``
    raises ``biaskit.bench.training.UnsafeModel``, as skops would."""
    import numpy as np

    path = Path(path)
    copy = plain_path(path)
    if not copy.exists() or not path.exists():
        return None
    try:
        with np.load(copy, allow_pickle=False) as data:
            tree = json.loads(bytes(data[_TREE]).decode("utf-8"))
            if tree.get("format") != PLAIN_FORMAT or tree.get("skops_sha256") != _sha256(path):
                return None
            arrays = {name: data[name] for name in data.files if name != _TREE}
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None  # a damaged copy: the skops file still holds the model
    return _decode(tree["estimator"], arrays, frozenset(trusted), copy.name)


def _encode(value: Any, arrays: dict[str, Any]) -> Any:
    """``value`` as JSON, its arrays and numpy scalars put in ``arrays`` (by name)."""
    import numpy as np

    if isinstance(value, np.ndarray | np.generic):  # before float: numpy's float64 is one
        if np.asarray(value).dtype.hasobject:
            raise TypeError("an array of Python objects has no plain form")
        name = f"a{len(arrays)}"
        arrays[name] = np.asarray(value)
        return {"scalar" if isinstance(value, np.generic) else "array": name}
    # Exact types only: a subclass (a Counter, an enum) is a class of its own, which the
    # loader must trust by name, as skops asks.
    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        return value
    if kind in (list, tuple, set, frozenset):
        return {kind.__name__: [_encode(v, arrays) for v in value]}
    if kind is dict:
        return {"dict": [[_encode(k, arrays), _encode(v, arrays)] for k, v in value.items()]}
    state = value.__getstate__() if hasattr(value, "__getstate__") else None
    if type(state) is not dict:
        raise TypeError(f"{kind.__qualname__} has no plain form")
    return {"object": f"{kind.__module__}.{kind.__qualname__}", "state": _encode(state, arrays)}


_CONTAINERS = {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}


def _decode(node: Any, arrays: dict[str, Any], trusted: frozenset[str], name: str) -> Any:
    """What ``_encode`` made ``node`` from; ``name`` is the file's, for the error."""
    if not isinstance(node, dict):
        return node
    if "array" in node:
        return arrays[node["array"]]
    if "scalar" in node:
        return arrays[node["scalar"]][()]
    if "dict" in node:
        return {
            _decode(k, arrays, trusted, name): _decode(v, arrays, trusted, name)
            for k, v in node["dict"]
        }
    for kind, make in _CONTAINERS.items():
        if kind in node:
            return make(_decode(v, arrays, trusted, name) for v in node[kind])
    kind = node["object"]
    if kind not in trusted:
        from biaskit.bench.training import UnsafeModel

        raise UnsafeModel(f"{name} holds types this scorer does not trust: [{kind!r}]")
    state = _decode(node["state"], arrays, trusted, name)
    if kind.startswith("sklearn."):
        fitted = Fitted(kind=kind, **state)
        if "steps" in state:
            fitted.named_steps = dict(state["steps"])
        return fitted
    cls = _class(kind)
    obj = cls.__new__(cls)
    if hasattr(obj, "__setstate__"):
        obj.__setstate__(state)
    else:
        obj.__dict__.update(state)
    return obj


def _class(kind: str) -> Any:
    """The class named ``module.qualname`` (a nested class too: ``module.Outer.Inner``)."""
    parts = kind.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            found: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            found = getattr(found, attr)
        return found
    raise ImportError(f"no module for {kind!r}")
