"""Runs scorers over a stream of documents: isolation, validation, parallelism.

Every input yields exactly one Report, in input order. A scorer that raises or returns an
invalid result costs that document that dimension, recorded as an error entry, and nothing
more. Work is pulled from the input lazily and at most a bounded window of documents is in
flight, so memory stays flat however large the corpus.
"""

from __future__ import annotations

import gc
import itertools
import os
import signal
import threading
import traceback
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

from biaskit.aggregate import build_report
from biaskit.model import DimensionScore, Document, InputError, Report
from biaskit.protocols import Scorer
from biaskit.validation import result_problem

Item = Document | InputError

# Documents in one worker task while the input lasts. Each task costs the parent about half
# a millisecond of CPU (queues, futures, waking the pool's threads), and on a machine whose
# every core runs a worker that time is taken from scoring: at 64 documents a task it is
# about 0.2% of their scoring time, against 0.7% at 16 (measured with the default set).
CHUNK_SIZE = 64
# At the end of the input tasks shrink towards this size (guided self-scheduling), so that
# the workers finish together instead of one scoring a whole chunk while the others wait.
MIN_CHUNK_SIZE = 4
# Tasks in flight per worker: one running and the next ones queued, so that no worker waits
# for the parent, which collects results in input order.
WINDOW_PER_JOB = 3
# Documents scored together, scorer by scorer (``score_block``), in one process. Reading this
# many ahead holds a streamed input back by as many documents, which a scorer at a few hundred
# documents a second turns into a fraction of a second.
BLOCK_SIZE = 64
# Inputs smaller than this are scored in this process: starting a pool would cost more
# than it saves.
MIN_PARALLEL = 32


class ScorerTimeout(Exception):
    """A scorer ran past the per-document time limit."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt the code inside after ``seconds`` (Unix main thread; elsewhere no limit).

    An interval timer raises inside the scorer itself, so a runaway scorer costs only its own
    entry for this document: the process, its other scorers and the run go on.
    """
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ScorerTimeout(f"exceeded the time limit of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def score_document(
    item: Item,
    scorers: Sequence[Scorer],
    provenance: Mapping[str, Any] | None = None,
    keep_text: bool = True,
    timeout: float | None = None,
) -> Report:
    """Score one document with each scorer in isolation and aggregate one Report."""
    return score_block([item], scorers, provenance, keep_text, timeout)[0]


def score_block(
    items: Sequence[Item],
    scorers: Sequence[Scorer],
    provenance: Mapping[str, Any] | None = None,
    keep_text: bool = True,
    timeout: float | None = None,
) -> list[Report]:
    """``score_document`` for each of ``items``, in order, running one scorer over the whole
    block before the next rather than every scorer over one document in turn.

    The reports are the same either way; the order of the work is not. Each scorer has its
    own tables, caches and code, and while it runs over a block they stay in the CPU's
    caches, where interleaving four scorers document by document evicted each one's in
    turn: the default set takes 7-10% less CPU time a document in blocks of 64 (measured on
    one core, alternating runs).
    """
    outcomes: list[tuple[dict[str, DimensionScore], dict[str, str]]] = [({}, {}) for _ in items]
    for scorer in scorers:
        for item, (scores, errors) in zip(items, outcomes, strict=True):
            if isinstance(item, InputError):
                continue
            outcome = _score_one(scorer, item, timeout)
            if isinstance(outcome, str):
                errors[scorer.name] = outcome
            else:
                scores[scorer.name] = outcome
    reports = []
    for item, (scores, errors) in zip(items, outcomes, strict=True):
        if isinstance(item, InputError):
            report = build_report(
                item.id,
                item.source,
                {},
                {"input": item.message},
                meta=item.meta,
                provenance=provenance,
            )
        else:
            report = build_report(
                item.id,
                item.source,
                scores,
                errors,
                meta=item.meta,
                warnings=item.warnings,
                provenance=provenance,
                text=item.text if keep_text else None,
            )
        reports.append(report)
    return reports


def _score_one(scorer: Scorer, doc: Document, timeout: float | None) -> DimensionScore | str:
    """One scorer's valid result for one document, or the error entry that replaces it."""
    try:
        with _time_limit(timeout):
            result = scorer.score(doc)
    except ScorerTimeout as exc:
        return f"timeout: {exc}"
    except Exception as exc:
        return f"{type(exc).__name__}: {exc} ({_where(exc)})"
    problem = result_problem(result, scorer.name, len(doc.text))
    if problem is not None:
        return f"invalid result: {problem}"
    assert isinstance(result, DimensionScore)
    return result


def _where(exc: BaseException) -> str:
    """The innermost frame of a traceback, so an error entry points at the failing line."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "no traceback"
    last = frames[-1]
    return f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno} in {last.name}"


def available_cores() -> int:
    """Cores this process may use (its affinity mask, not the machine's total)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(
    items: Iterable[Item],
    scorers: Sequence[Scorer],
    *,
    jobs: int = 1,
    provenance: Mapping[str, Any] | None = None,
    keep_text: bool = True,
    timeout: float | None = None,
) -> Iterator[Report]:
    """Score ``items`` lazily, yielding one Report per item in input order.

    ``jobs`` > 1 scores in that many worker processes, unless the input turns out smaller
    than ``MIN_PARALLEL`` documents.
    """
    iterator = iter(items)
    if jobs > 1:
        head = list(itertools.islice(iterator, MIN_PARALLEL))
        if len(head) < MIN_PARALLEL:
            jobs = 1
        iterator = itertools.chain(head, iterator)
    if jobs <= 1:
        yield from _run_serial(iterator, scorers, provenance, keep_text, timeout)
        return
    yield from _run_parallel(iterator, scorers, jobs, provenance, keep_text, timeout)


def _run_serial(
    items: Iterator[Item],
    scorers: Sequence[Scorer],
    provenance: Mapping[str, Any] | None,
    keep_text: bool,
    timeout: float | None,
) -> Iterator[Report]:
    # After the first document every scorer has loaded its models and lexicons: millions of
    # long-lived objects that each full collection would otherwise walk again. Freezing them
    # (until the run ends) made the default set 3-4% faster on one core; the pool does the
    # same for its workers.
    frozen = False
    try:
        # The first document alone, so that its report comes out (and the models are loaded)
        # before a block of input has been read; then blocks (``score_block``).
        size = 1
        while block := list(itertools.islice(items, size)):
            yield from score_block(block, scorers, provenance, keep_text, timeout)
            if not frozen:
                gc.freeze()
                frozen = True
            size = BLOCK_SIZE
    finally:
        if frozen:
            gc.unfreeze()


# Set in each worker process by _init_worker; workers never see the parent's plugin manager.
_worker_scorers: Sequence[Scorer] = ()


def _init_worker(scorers: Sequence[Scorer]) -> None:
    global _worker_scorers
    _worker_scorers = scorers


def _score_chunk(
    chunk: list[Item], provenance: Mapping[str, Any] | None, keep_text: bool, timeout: float | None
) -> list[Report]:
    return score_block(chunk, _worker_scorers, provenance, keep_text, timeout)


class _Pool:
    """A process pool that can be replaced when a worker dies, so one document that kills
    its process (a crash in native code, ``os._exit``) costs only its own record."""

    def __init__(self, jobs: int, scorers: Sequence[Scorer]) -> None:
        self.jobs = jobs
        self.scorers = list(scorers)
        self.pool = self._new()

    def _new(self) -> ProcessPoolExecutor:
        # Workers are forked with the parent's loaded models and lexicons. Freezing the
        # garbage collector's view of those objects first keeps the workers' collections
        # from touching (and so copying) every inherited page, and keeps the parent's from
        # re-scanning them while it gathers results: measured, 8% more documents a second
        # with two workers on two cores. ``close`` hands them back to the collector.
        gc.freeze()
        return ProcessPoolExecutor(
            max_workers=self.jobs, initializer=_init_worker, initargs=(self.scorers,)
        )

    def submit(self, chunk: list[Item], *args: Any) -> Future[list[Report]]:
        try:
            return self.pool.submit(_score_chunk, chunk, *args)
        except BrokenProcessPool as exc:
            # The pool broke on a task that is still waiting to be collected: this one is
            # lost with it, and is re-scored with the others when that task is collected.
            lost: Future[list[Report]] = Future()
            lost.set_exception(exc)
            return lost

    def renew(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()


def _chunks(items: Iterator[Item], jobs: int) -> Iterator[list[Item]]:
    """Cut the input into worker tasks: ``CHUNK_SIZE`` documents while the input lasts, then,
    once reading ahead finds its end, tasks of a shrinking share of what is left.

    Reading ``(jobs + 1) * CHUNK_SIZE`` documents ahead is what lets the end be seen while
    there is still enough work left to split evenly between the workers; it is also all the
    input held beyond the tasks in flight, so memory stays bounded.
    """
    lookahead = (jobs + 1) * CHUNK_SIZE + 1
    ahead: deque[Item] = deque(itertools.islice(items, lookahead))
    exhausted = len(ahead) < lookahead
    while ahead:
        share = -(-len(ahead) // (2 * jobs))
        size = max(MIN_CHUNK_SIZE, share) if exhausted else CHUNK_SIZE
        chunk = [ahead.popleft() for _ in range(min(size, len(ahead)))]
        if not exhausted:
            more = list(itertools.islice(items, len(chunk)))
            ahead.extend(more)
            exhausted = len(more) < len(chunk)
        yield chunk


def _run_parallel(
    items: Iterable[Item],
    scorers: Sequence[Scorer],
    jobs: int,
    provenance: Mapping[str, Any] | None,
    keep_text: bool,
    timeout: float | None,
) -> Iterator[Report]:
    args = (provenance, keep_text, timeout)
    pending: deque[tuple[list[Item], Future[list[Report]]]] = deque()
    pool = _Pool(jobs, scorers)
    try:
        for chunk in _chunks(iter(items), jobs):
            pending.append((chunk, pool.submit(chunk, *args)))
            if len(pending) >= jobs * WINDOW_PER_JOB:
                yield from _first_results(pending, pool, args)
        while pending:
            yield from _first_results(pending, pool, args)
    finally:
        pool.close()


def _first_results(
    pending: deque[tuple[list[Item], Future[list[Report]]]], pool: _Pool, args: tuple[Any, ...]
) -> list[Report]:
    """The reports of the oldest task in flight, waiting for them if need be."""
    first, future = pending.popleft()
    try:
        return future.result()
    except BrokenProcessPool:
        # Every task in flight is lost with the pool: score those documents one at a time
        # in a fresh pool, to find the one that kills its worker.
        lost = [first, *(chunk for chunk, _ in pending)]
        pending.clear()
        pool.renew()
        return [report for chunk in lost for report in _one_by_one(chunk, pool, args)]


def _one_by_one(chunk: list[Item], pool: _Pool, args: tuple[Any, ...]) -> Iterator[Report]:
    for item in chunk:
        try:
            yield from pool.submit([item], *args).result()
        except BrokenProcessPool:
            pool.renew()
            message = "the worker process died while scoring this document"
            yield build_report(item.id, item.source, {}, {"runner": message}, provenance=args[0])
