"""Runs scorers over a stream of documents: isolation, validation, parallelism.

Every input yields exactly one Report, in input order. A scorer that raises or returns an
invalid result costs that document that dimension, recorded as an error entry, and nothing
more. Work is pulled from the input lazily and at most a bounded window of documents is in
flight, so memory stays flat however large the corpus.
"""

from __future__ import annotations

import itertools
import traceback
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from biaskit.aggregate import build_report
from biaskit.model import DimensionScore, Document, InputError, Report
from biaskit.protocols import Scorer
from biaskit.validation import result_problem

Item = Document | InputError

# Documents sent to a worker in one task: large enough to amortise inter-process overhead,
# small enough that progress stays smooth and a crashed chunk loses little.
CHUNK_SIZE = 16
# Chunks in flight per worker: keeps every core busy while bounding memory.
WINDOW_PER_JOB = 4


def score_document(
    item: Item,
    scorers: Sequence[Scorer],
    provenance: Mapping[str, Any] | None = None,
    keep_text: bool = True,
) -> Report:
    """Score one document with each scorer in isolation and aggregate one Report."""
    if isinstance(item, InputError):
        return build_report(
            item.id, item.source, {}, {"input": item.message}, meta=item.meta, provenance=provenance
        )
    scores: dict[str, DimensionScore] = {}
    errors: dict[str, str] = {}
    for scorer in scorers:
        try:
            result = scorer.score(item)
        except Exception as exc:
            errors[scorer.name] = f"{type(exc).__name__}: {exc} ({_where(exc)})"
            continue
        problem = result_problem(result, scorer.name, len(item.text))
        if problem is not None:
            errors[scorer.name] = f"invalid result: {problem}"
            continue
        assert isinstance(result, DimensionScore)
        scores[scorer.name] = result
    return build_report(
        item.id,
        item.source,
        scores,
        errors,
        meta=item.meta,
        warnings=item.warnings,
        provenance=provenance,
        text=item.text if keep_text else None,
    )


def _where(exc: BaseException) -> str:
    """The innermost frame of a traceback, so an error entry points at the failing line."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "no traceback"
    last = frames[-1]
    return f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno} in {last.name}"


def run(
    items: Iterable[Item],
    scorers: Sequence[Scorer],
    *,
    jobs: int = 1,
    provenance: Mapping[str, Any] | None = None,
    keep_text: bool = True,
) -> Iterator[Report]:
    """Score ``items`` lazily, yielding one Report per item in input order."""
    if jobs <= 1:
        for item in items:
            yield score_document(item, scorers, provenance, keep_text)
        return
    yield from _run_parallel(items, scorers, jobs, provenance, keep_text)


# Set in each worker process by _init_worker; workers never see the parent's plugin manager.
_worker_scorers: Sequence[Scorer] = ()


def _init_worker(scorers: Sequence[Scorer]) -> None:
    global _worker_scorers
    _worker_scorers = scorers


def _score_chunk(
    chunk: list[Item], provenance: Mapping[str, Any] | None, keep_text: bool
) -> list[Report]:
    return [score_document(item, _worker_scorers, provenance, keep_text) for item in chunk]


def _run_parallel(
    items: Iterable[Item],
    scorers: Sequence[Scorer],
    jobs: int,
    provenance: Mapping[str, Any] | None,
    keep_text: bool,
) -> Iterator[Report]:
    pending: deque[tuple[list[Item], Future[list[Report]]]] = deque()
    iterator = iter(items)
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(list(scorers),)
    ) as pool:
        while True:
            chunk = list(itertools.islice(iterator, CHUNK_SIZE))
            if chunk:
                pending.append((chunk, pool.submit(_score_chunk, chunk, provenance, keep_text)))
            while pending and (len(pending) >= jobs * WINDOW_PER_JOB or not chunk):
                yield from _collect(*pending.popleft(), provenance)
            if not chunk:
                return


def _collect(
    chunk: list[Item], future: Future[list[Report]], provenance: Mapping[str, Any] | None
) -> list[Report]:
    """A chunk's reports, or one error report per document if its worker died."""
    try:
        return future.result()
    except Exception as exc:
        message = f"worker failed: {type(exc).__name__}: {exc}"
        return [
            build_report(item.id, item.source, {}, {"runner": message}, provenance=provenance)
            for item in chunk
        ]
