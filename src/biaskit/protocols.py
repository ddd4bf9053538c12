"""What the objects plugins contribute must look like.

These are structural (``typing.Protocol``): a plugin needs no biaskit base class, only
attributes and methods of these names, which keeps third-party plugins free to depend on
nothing but the data model.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol, runtime_checkable

from biaskit.model import DimensionScore, Document, InputError, Report

if TYPE_CHECKING:
    from biaskit.bench.model import Example, Prediction


@runtime_checkable
class Scorer(Protocol):
    """Scores one dimension of a document.

    ``name`` is the dimension's name as users type it (``-p loaded_language``), unique across
    all installed plugins. ``default`` says whether the dimension runs when the user names
    none; costly or contextual dimensions (readability) set it to False.

    ``score`` must be a pure function of the document: no network, no global state, the
    same output for the same input. Import heavy libraries inside it (or lazily on first
    use), never at module import, so that ``biaskit --help`` stays fast.
    """

    name: str
    version: str
    description: str
    default: bool

    def score(self, doc: Document) -> DimensionScore: ...


@runtime_checkable
class Reader(Protocol):
    """Turns one input (a path, a URI, ``-``) into a stream of documents.

    ``claims`` is asked of every reader in turn for each input; the first that claims it
    reads it. A reader yields an ``InputError`` in place of any document it cannot read,
    rather than raising, so that the run accounts for every input.
    """

    name: str

    def claims(self, source: str) -> bool: ...

    def read(self, source: str, options: Mapping[str, Any]) -> Iterator[Document | InputError]: ...


@runtime_checkable
class Writer(Protocol):
    """Writes reports in one output format as they arrive.

    The stream is text, or binary when the writer sets ``binary = True`` (Parquet).

    ``write`` consumes the iterator lazily, so a streaming format (JSONL, CSV) puts each
    record out as soon as it is scored; formats that need the whole corpus (a table, HTML)
    may collect first.
    """

    format: str
    extension: str
    description: str

    def write(
        self, reports: Iterable[Report], stream: IO[str], options: Mapping[str, Any]
    ) -> None: ...


@runtime_checkable
class Dataset(Protocol):
    """A labelled corpus the bench can load, found under a data directory the user names.

    ``task`` is the unit it labels (``lines``, ``sentences``, ``documents`` or ``spans``, see
    ``biaskit.bench.model``); a dataset may also define ``counts(example, prediction) ->
    {name: (tp, fp, fn)}`` for match-based metrics (words, spans) and ``compare_on``, the
    metrics its paired tests use;
    ``dimension`` is the dimension it measures, benchmarked when no scorer is named.
    ``load`` yields every example with its split already fixed (by a seeded hash, never by
    order), and raises ``biaskit.bench.datasets.DatasetMissing`` saying where it looked and
    how to get the data when the files are not there.
    """

    name: str
    task: str
    dimension: str
    description: str

    def load(self, data_dir: Path) -> Iterator[Example]: ...


@runtime_checkable
class Classifier(Protocol):
    """Anything the bench can compare: a baseline, an adapter around an outside tool, or a
    scorer (adapted automatically). ``fit`` sees only the train and dev splits; a classifier
    with nothing to learn ignores it."""

    name: str
    version: str
    tasks: frozenset[str]

    def fit(self, train: Sequence[Example], dev: Sequence[Example]) -> None: ...

    def predict(self, example: Example) -> Prediction: ...
