"""Finding labelled data on disk, and the built-in dataset loaders.

The corpora are not ours to redistribute, so biaskit ships loaders, not data: each reads its
files from the directory the user names and says exactly where it looked when they are
missing. This module is a plugin: the loaders arrive through ``biaskit_datasets`` like a
third party's would.
"""

from __future__ import annotations

import ast
import csv
import os
import re
from collections.abc import Iterator
from pathlib import Path

from biaskit.bench.model import Example, Prediction
from biaskit.bench.splits import split_of
from biaskit.hookspecs import hookimpl
from biaskit.protocols import Dataset

DATA_ENV = "BIASKIT_DATA"


class DatasetMissing(FileNotFoundError):
    """The files a dataset needs are not under the data directory."""


def resolve_data_dir(data_dir: str | Path | None) -> Path:
    """The directory given, else ``$BIASKIT_DATA``, else ``./data``."""
    if data_dir:
        return Path(data_dir)
    return Path(os.environ.get(DATA_ENV) or "data")


def require(path: Path, dataset: str, how: str) -> Path:
    if not path.exists():
        raise DatasetMissing(
            f"dataset {dataset!r} needs {path} (looked there: not found). {how} "
            f"Point biaskit at the folder holding it with --data-dir or {DATA_ENV}."
        )
    return path


_WORD = re.compile(r"\w+(?:['’\-]\w+)*")


class Babe:
    """BABE (Spinde et al., 2021): sentences labelled biased or not by experts, with the
    words that carry the bias. Sentences without expert agreement are left out."""

    name = "babe"
    task = "sentences"
    dimension = "loaded_language"
    description = "BABE: 3,677 news sentences, expert bias labels and biased words"
    files = ("babe/final_labels_SG2.csv",)
    compare_on = ("macro_f1", "word_f1")

    def counts(self, example: Example, prediction: Prediction) -> dict[str, tuple[int, int, int]]:
        """Word level: the words a classifier blames against the words experts marked."""
        blamed = prediction.words or frozenset()
        truth = example.words or frozenset()
        return {"word": (len(blamed & truth), len(blamed - truth), len(truth - blamed))}

    def load(self, data_dir: Path) -> Iterator[Example]:
        path = require(
            data_dir / self.files[0],
            self.name,
            "Get final_labels_SG2.csv from the BABE authors' repository (Media Bias Group, "
            "'Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE') into babe/.",
        )
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle, delimiter=";"):
                label = row.get("label_bias", "")
                if label not in ("Biased", "Non-biased"):
                    continue
                text = row["text"].strip()
                words = frozenset(w.lower() for w in _biased_words(row.get("biased_words", "")))
                yield Example(
                    id=f"babe:{_digest(text)}",
                    text=text,
                    labels=(label == "Biased",),
                    split=split_of(text),
                    words=words,
                    meta={"outlet": row.get("outlet", ""), "topic": row.get("topic", "")},
                    task=self.task,
                )


def _biased_words(raw: str) -> list[str]:
    """The expert word list, stored as a Python list literal; split phrases into words so
    that word-level evaluation compares like with like."""
    try:
        value = ast.literal_eval(raw) if raw.strip() else []
    except (ValueError, SyntaxError):
        return []
    if not isinstance(value, list):
        return []
    return [w for item in value for w in _WORD.findall(str(item))]


def _digest(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode()).hexdigest()[:12]


@hookimpl
def biaskit_datasets() -> list[Dataset]:
    from biaskit.bench.extraction import ArticleExtractionLines
    from biaskit.bench.polnear import PolNeAR
    from biaskit.bench.translation import JsonlLabelled, Wmt21, Wmt21Machine

    return [ArticleExtractionLines(), Babe(), PolNeAR(), Wmt21(), Wmt21Machine(), JsonlLabelled()]
