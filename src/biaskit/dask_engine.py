"""Scoring on a Dask cluster when one machine is not enough (``biaskit[dask]``).

The cluster runs the same code as ``biaskit score``: each partition builds the scorers from
the installed plugins, by name, inside the worker (scorers never travel over the network),
scores its documents with the runner's isolation and time limit, and returns Reports.
Workers need biaskit and the same plugins installed; the scheduler only moves documents and
reports.

Library use::

    import dask.bag as db
    from biaskit.dask_engine import score_bag

    docs = db.read_text("corpus-*.jsonl").map(json.loads)
    reports = score_bag(docs, plugins=["boilerplate"])    # a bag of Report
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from biaskit.io.readers import make_document
from biaskit.io.records import report_to_dict
from biaskit.model import Document, InputError, Report

INSTALL = "the Dask engine needs dask and distributed: pip install 'biaskit[dask]'"


@functools.cache
def _scorers(names: tuple[str, ...] | None) -> list[Any]:
    """The scorers of this worker process, built once per process and set of names."""
    from biaskit.plugins import get_plugin_manager, select_scorers

    return select_scorers(get_plugin_manager(), list(names) if names else None)


def _as_item(record: Any, i: int, options: Mapping[str, Any]) -> Document | InputError:
    """A bag element (a Document, a text, a JSON line or a dict) as a runner item."""
    if isinstance(record, Document | InputError):
        return record
    text_field = str(options.get("text_field") or "text")
    id_field = str(options.get("id_field") or "id")
    where = f"{options.get('source', 'dask')}:{i}"
    if isinstance(record, str) and options.get("json_lines"):
        try:
            record = json.loads(record)
        except json.JSONDecodeError as exc:
            return InputError(where, where, f"malformed JSON: {exc}")
    if isinstance(record, str):
        return make_document(where, record, where, options)
    if not isinstance(record, Mapping):
        return InputError(where, where, f"cannot score a {type(record).__name__}")
    doc_id = str(record.get(id_field) if record.get(id_field) is not None else where)
    text = record.get(text_field)
    if not isinstance(text, str):
        return InputError(doc_id, where, f"record has no string field {text_field!r}")
    meta = {k: v for k, v in record.items() if k not in (text_field, id_field)}
    return make_document(doc_id, text, where, options, meta)


def score_partition(
    records: Iterable[Any],
    names: tuple[str, ...] | None,
    options: Mapping[str, Any],
    offset: int = 0,
) -> list[Report]:
    """Score one partition in the calling process: what each Dask task runs."""
    from biaskit.runner import run

    items = (_as_item(r, offset + i, options) for i, r in enumerate(records, start=1))
    return list(
        run(
            items,
            _scorers(names),
            provenance=options.get("provenance"),
            timeout=options.get("timeout"),
            keep_text=bool(options.get("keep_text", True)),
        )
    )


def score_bag(bag: Any, plugins: Sequence[str] | None = None, **options: Any) -> Any:
    """A ``dask.bag`` of documents (texts, dicts with ``text``/``id``, or JSON lines with
    ``json_lines=True``) to a bag of Reports, partition by partition."""
    names = tuple(plugins) if plugins else None
    return bag.map_partitions(score_partition, names, options)


def score_dataframe(
    frame: Any,
    text_column: str = "text",
    id_column: str | None = None,
    plugins: Sequence[str] | None = None,
    **options: Any,
) -> Any:
    """A dask (or pandas-partitioned) dataframe to one of reports: the id, whether it scored,
    the summary, and a score and label column per dimension; ``record`` holds the full JSON."""
    import pandas as pd

    names = tuple(plugins) if plugins else None
    dims = [s.name for s in _scorers(names)]
    columns: dict[str, Any] = {
        "id": "object",
        "ok": "bool",
        "summary": "object",
        "errors": "object",
    }
    for d in dims:
        columns[f"{d}_score"] = "float64"
        columns[f"{d}_label"] = "object"
    columns["record"] = "object"
    meta = pd.DataFrame({k: pd.Series(dtype=v) for k, v in columns.items()})

    def partition(df: Any) -> Any:
        records = [
            {"text": t, "id": (i if id_column is None else v)}
            for i, t, v in zip(
                df.index,
                df[text_column],
                df[id_column] if id_column else df.index,
                strict=True,
            )
        ]
        reports = score_partition(records, names, {**options, "keep_text": False})
        return pd.DataFrame([_flat(r, dims) for r in reports], columns=list(columns))

    return frame.map_partitions(partition, meta=meta)


def _flat(report: Report, dims: Sequence[str]) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": report.id,
        "ok": report.ok,
        "summary": report.summary.get("headline", ""),
        "errors": json.dumps(dict(report.errors)),
    }
    for d in dims:
        s = report.scores.get(d)
        row[f"{d}_score"] = s.score if s else float("nan")
        row[f"{d}_label"] = s.label if s else None
    row["record"] = json.dumps(report_to_dict(report), default=str)
    return row


def run_on_cluster(
    items: Iterable[Document | InputError],
    names: Sequence[str],
    *,
    scheduler: str | None,
    partition_size: int,
    options: Mapping[str, Any],
) -> Iterator[Report]:
    """``biaskit score --engine dask``: send documents in partitions to the cluster and
    yield the reports back in input order, with a bounded number of partitions in flight."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ImportError(INSTALL) from exc
    import itertools
    from collections import deque

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(processes=True, threads_per_worker=1)
        client = Client(cluster)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        iterator = iter(items)
        pending: deque[Any] = deque()
        offset = 0
        while True:
            chunk = list(itertools.islice(iterator, partition_size))
            if chunk:
                pending.append(
                    client.submit(score_partition, chunk, tuple(names), options, offset, pure=False)
                )
                offset += len(chunk)
            while pending and (len(pending) >= 2 * workers or not chunk):
                future = pending.popleft()
                yield from future.result()
                future.release()
            if not chunk:
                return
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
