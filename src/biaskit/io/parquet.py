"""Parquet in and out, for the corpus workflows users already have (``biaskit[parquet]``).

Both sides stream: the reader walks a file one record batch at a time and the writer flushes
a row group every ``ROW_GROUP`` reports, so memory stays flat however large the corpus.
pyarrow is imported only when a Parquet file is actually read or written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from biaskit.hookspecs import hookimpl
from biaskit.io.readers import make_document
from biaskit.io.records import report_to_dict
from biaskit.model import Document, InputError, Report
from biaskit.protocols import Reader, Writer

ROW_GROUP = 1000
BATCH = 1000
INSTALL = "reading and writing Parquet needs pyarrow: pip install 'biaskit[parquet]'"


def pyarrow_module() -> Any:
    """pyarrow with its parquet module, or an ImportError that says how to install it."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise ImportError(INSTALL) from exc
    return pyarrow


class ParquetReader:
    """One article per row; the text and id columns are configurable like JSONL's fields."""

    name = "parquet"

    def claims(self, source: str) -> bool:
        return Path(source).suffix.lower() in (".parquet", ".pq")

    def read(self, source: str, options: Mapping[str, Any]) -> Iterator[Document | InputError]:
        try:
            pa = pyarrow_module()
            handle = pa.parquet.ParquetFile(source)
        except Exception as exc:
            yield InputError(source, source, f"cannot read {source} as Parquet: {exc}")
            return
        text_field = str(options.get("text_field") or "text")
        id_field = str(options.get("id_field") or "id")
        if text_field not in handle.schema_arrow.names:
            found = ", ".join(handle.schema_arrow.names)
            yield InputError(
                source, source, f"no column {text_field!r} in {source} (columns: {found})"
            )
            return
        row = 0
        for batch in handle.iter_batches(batch_size=BATCH):
            for record in batch.to_pylist():
                row += 1
                where = f"{source}:{row}"
                raw_id = record.get(id_field)
                doc_id = str(raw_id) if raw_id is not None else where
                text = record.get(text_field)
                if not isinstance(text, str):
                    yield InputError(doc_id, where, f"row {row} has no text in {text_field!r}")
                    continue
                meta = {
                    k: v
                    for k, v in record.items()
                    if k not in (text_field, id_field) and isinstance(v, str | int | float | bool)
                }
                meta["row"] = row
                yield make_document(doc_id, text.replace("\\r\\n", "\\n"), where, options, meta)


class ParquetWriter:
    """One row per article: flat columns per dimension, and the whole record as JSON."""

    format = "parquet"
    extension = ".parquet"
    description = "Parquet, one row per article (needs biaskit[parquet]; use with --output)"
    binary = True

    def write(self, reports: Iterable[Report], stream: IO[Any], options: Mapping[str, Any]) -> None:
        pa = pyarrow_module()
        dims = list(options.get("dimensions") or [])
        fields = [
            ("id", pa.string()),
            ("source", pa.string()),
            ("ok", pa.bool_()),
            ("summary", pa.string()),
            ("errors", pa.string()),
            ("warnings", pa.string()),
            ("meta", pa.string()),
        ]
        for d in dims:
            fields += [
                (f"{d}_score", pa.float64()),
                (f"{d}_label", pa.string()),
                (f"{d}_spans", pa.int32()),
                (f"{d}_metrics", pa.string()),
            ]
        fields.append(("record", pa.string()))
        include_text = bool(options.get("include_text"))
        write_rows((_row(report, dims, include_text) for report in reports), fields, stream)


def write_rows(rows: Iterable[Mapping[str, Any]], fields: list[tuple[str, Any]], sink: Any) -> None:
    """Write dict rows to Parquet (``sink``: a path or a binary stream) a row group of
    ``ROW_GROUP`` at a time, so that memory stays flat however many rows come; ``fields``
    are (name, pyarrow type) pairs, in column order."""
    pa = pyarrow_module()
    schema = pa.schema(fields)
    batch: list[Mapping[str, Any]] = []
    with pa.parquet.ParquetWriter(sink, schema) as writer:
        for row in rows:
            batch.append(row)
            if len(batch) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch.clear()
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))


def _row(report: Report, dims: list[str], include_text: bool) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": report.id,
        "source": report.source,
        "ok": report.ok,
        "summary": str(report.summary.get("headline", "")),
        "errors": json.dumps(dict(report.errors)),
        "warnings": json.dumps(list(report.warnings)),
        "meta": json.dumps(dict(report.meta), default=str),
        "record": json.dumps(report_to_dict(report, include_text), default=str),
    }
    for d in dims:
        s = report.scores.get(d)
        row[f"{d}_score"] = s.score if s else None
        row[f"{d}_label"] = s.label if s else None
        row[f"{d}_spans"] = len(s.spans) if s else None
        row[f"{d}_metrics"] = json.dumps(dict(s.metrics)) if s else None
    return row


@hookimpl
def biaskit_readers() -> list[Reader]:
    return [ParquetReader()]


@hookimpl
def biaskit_writers() -> list[Writer]:
    return [ParquetWriter()]
