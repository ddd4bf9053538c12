"""Documents labelled translated or original: a generic JSONL loader and the WMT21 datasets.

``JsonlLabelled`` reads any JSONL file with one ``{"text": ..., "label": ...}`` object a line,
which is all ``biaskit train translation_artifacts`` needs to fit a model on a user's own
corpus. Labels may be ``"translated"``/``"original"``, ``1``/``0``, ``true``/``false`` (or
those as strings, any case); a line with another label is an error that names the line.
An optional ``"group"`` (else ``"doc"``) key names the source document: every line of one
group falls in one split, so that two translations of one article are never on both sides
of a split. Without one, each line is its own group (keyed by ``"id"``, else its text).
The split is ``biaskit.bench.splits.split_of(group)``: a seeded hash, fixed for ever.

From Python: ``JsonlLabelled("corpus.jsonl")``. From the command line the dataset is called
``jsonl`` and reads ``<data-dir>/labelled.jsonl`` (``--data-dir`` or ``$BIASKIT_DATA``)::

    biaskit train translation_artifacts jsonl --data-dir my-corpus -o my.skops
    biaskit bench jsonl -s translation_artifacts@my.skops --data-dir my-corpus

The WMT21 datasets read ``<data-dir>/translation/wmt21-news.jsonl`` (Russian-to-English
news: human and machine translations of 116 Russian articles, and original English news):

- ``wmt21``: translated (human or machine) against original English;
- ``wmt21-mt``: machine against human translation, translations only.

The generalisation trap of this corpus is length: its original-English texts are chunks
of 10 consecutive segments (one a line, 237 words at the median), while its translations
are whole articles of 4 to 159 segments (148 words at the median), headline first. Word
count alone tells whole texts apart with a ROC-AUC of 0.73: a model that learnt "short
means translated" would score well here and mean nothing elsewhere. Cutting translations
into 10-line windows makes it worse (translated segments are shorter, so 10 translated
lines are fewer words: word count then separates the classes with a ROC-AUC of 0.92). So
both datasets cut every text at line breaks into windows of at least
``WINDOW_WORDS`` (100) words, a short tail joining the window before it (see
``windows``): original chunks become two windows of about 120 words, translated articles
one or more of about the same size, and word count no longer separates the classes
(ROC-AUC 0.42 on train and dev). The scorer's features are, besides, rates and ratios,
never counts or lengths. All windows of one article share its group and so its split;
original chunks are grouped in consecutive pairs (``en-orig`` 0-1, 2-3, ...), since a
chunk may end mid-article and its neighbour continue it.

The bench resamples examples (windows) as if independent; the 12 translations of one
article, and the windows of one text, are not, so the intervals it prints for these
datasets are narrower than a resampling of articles would give.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from biaskit.bench.datasets import require
from biaskit.bench.model import Example
from biaskit.bench.splits import split_of

__all__ = ["WINDOW_WORDS", "JsonlLabelled", "Wmt21", "Wmt21Machine", "parse_label", "windows"]

POSITIVE = frozenset(["translated", "1", "true", "yes"])
NEGATIVE = frozenset(["original", "0", "false", "no"])
WINDOW_WORDS = 100


class InvalidLabel(ValueError):
    """A line of a labelled JSONL file has no usable text or label."""


def parse_label(value: Any) -> bool:
    """``True`` for translated, ``False`` for original; anything else raises ``ValueError``."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        key = value.strip().lower()
        if key in POSITIVE:
            return True
        if key in NEGATIVE:
            return False
    raise ValueError(
        f"label {value!r} is neither translated (translated, 1, true) "
        "nor original (original, 0, false)"
    )


def windows(text: str, min_words: int | None) -> list[str]:
    """``text`` cut at line breaks into windows of at least ``min_words`` words.

    Lines are taken in order until the window holds ``min_words`` words; a last window of
    fewer than half that joins the one before it. Blank lines are dropped. ``None`` (or a
    text too short to cut) gives the text unchanged, as one window.
    """
    if min_words is None:
        return [text]
    out: list[list[str]] = []
    current: list[str] = []
    count = 0
    for line in text.split("\n"):
        if not line.strip():
            continue
        current.append(line)
        count += len(line.split())
        if count >= min_words:
            out.append(current)
            current, count = [], 0
    if current:
        if out and count * 2 < min_words:
            out[-1].extend(current)
        else:
            out.append(current)
    if len(out) <= 1:
        return [text]
    return ["\n".join(lines) for lines in out]


class JsonlLabelled:
    """A JSONL file of ``{"text", "label"[, "group" | "doc"][, "id"]}`` objects.

    ``path`` is the file; when it is ``None`` the dataset reads ``file`` under the data
    directory the bench is given. ``window`` cuts every text at line breaks into windows of
    at least that many words (see ``windows``); ``None`` keeps whole texts.
    """

    task = "documents"
    dimension = "translation_artifacts"
    compare_on = ("macro_f1", "roc_auc")

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        name: str = "jsonl",
        file: str = "labelled.jsonl",
        window: int | None = None,
        description: str = (
            "any JSONL of {text, label: translated|original} lines: <data-dir>/labelled.jsonl"
        ),
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.name = name
        self.file = file
        self.window = window
        self.description = description
        self.files = () if self.path is not None else (file,)

    def source(self, data_dir: Path) -> Path:
        if self.path is not None:
            return require(self.path, self.name, "Give the path of an existing JSONL file.")
        return require(
            data_dir / self.file,
            self.name,
            'Write one JSON object a line, {"text": ..., "label": "translated" or "original"} '
            '(optional "group" naming the source document), to that file.',
        )

    def label(self, row: Mapping[str, Any]) -> bool | None:
        """The gold label of a row; ``None`` leaves the row out of this dataset."""
        return parse_label(row.get("label"))

    def group(self, row: Mapping[str, Any], text: str) -> str:
        """The key that decides the split: rows of one group always share a split."""
        for key in ("group", "doc", "id"):
            value = row.get(key)
            if value not in (None, ""):
                return str(value)
        return hashlib.sha1(text.encode()).hexdigest()[:16]

    def meta(self, row: Mapping[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in row.items() if k not in ("text", "label") and v is not None}

    def load(self, data_dir: Path) -> Iterator[Example]:
        path = self.source(data_dir)
        with path.open(encoding="utf-8") as handle:
            for n, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    if not isinstance(row, dict):
                        raise ValueError("not a JSON object")
                    text = row.get("text")
                    if not isinstance(text, str):
                        raise ValueError('no "text" string')
                    label = self.label(row)
                except ValueError as exc:
                    raise InvalidLabel(f"{path}:{n}: {exc}") from None
                if label is None or not text.strip():
                    continue
                group = self.group(row, text)
                split = split_of(group)
                base_id = str(row.get("id") or f"{self.name}:{n}")
                parts = windows(text, self.window)
                for i, part in enumerate(parts):
                    yield Example(
                        id=base_id if len(parts) == 1 else f"{base_id}#{i}",
                        text=part,
                        labels=(label,),
                        split=split,
                        meta={**self.meta(row), "group": group, "window": i},
                        task=self.task,
                    )


WMT21_FILE = "translation/wmt21-news.jsonl"
WMT21_HOW = (
    "Build wmt21-news.jsonl from the WMT21 news task's public submissions "
    "(wmt-conference/wmt21-news-systems), as described in the data README, into translation/."
)


class Wmt21(JsonlLabelled):
    """WMT21 Russian-to-English news, translated (human or machine) against original English,
    in windows of at least 100 words (see the module's notes on the length trap)."""

    def __init__(self) -> None:
        super().__init__(
            name="wmt21",
            file=WMT21_FILE,
            window=WINDOW_WORDS,
            description="WMT21 ru-en news: translated vs original English, 100-word windows",
        )

    def source(self, data_dir: Path) -> Path:
        return require(data_dir / self.file, self.name, WMT21_HOW)

    def group(self, row: Mapping[str, Any], text: str) -> str:
        doc = row.get("doc")
        if doc:
            return f"wmt21:{doc}"
        # Original chunks are numbered in source order: pair neighbours, which may share
        # an article.
        ident = str(row.get("id", ""))
        tail = ident.rsplit("/", 1)[-1]
        if tail.isdigit():
            return f"wmt21:en-orig:{int(tail) // 2}"
        return f"wmt21:{ident or super().group(row, text)}"


class Wmt21Machine(Wmt21):
    """WMT21 translations only: machine (positive) against human translation."""

    def __init__(self) -> None:
        super().__init__()
        self.name = "wmt21-mt"
        self.description = "WMT21 ru-en news: machine vs human translation, 100-word windows"

    def label(self, row: Mapping[str, Any]) -> bool | None:
        kind = row.get("translation")
        if kind == "machine":
            return True
        if kind == "human":
            return False
        return None
