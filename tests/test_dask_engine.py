"""The Dask engine against a real LocalCluster with worker processes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from biaskit.cli import app

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

TEXTS = [
    "READ MORE: Another story\n\nOfficials said on Tuesday that the talks would resume soon.",
    'The council approved the budget. "It is a good day," the mayor said.',
]


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as local:
        yield local.scheduler_address


def test_score_bag_matches_local_scoring(cluster: str) -> None:
    import dask.bag as db

    from biaskit import score_documents
    from biaskit.dask_engine import score_bag
    from biaskit.model import Document

    records = [{"id": f"d{i}", "text": TEXTS[i % 2], "outlet": "X"} for i in range(40)]
    with distributed.Client(cluster):
        bag = db.from_sequence(records, npartitions=4)
        remote = score_bag(bag, plugins=["boilerplate", "source_attribution"]).compute()
    local = list(
        score_documents(
            [Document(r["id"], r["text"], meta={"outlet": "X"}) for r in records],
            ["boilerplate", "source_attribution"],
        )
    )
    assert [r.id for r in remote] == [r.id for r in local]
    assert [r.scores for r in remote] == [r.scores for r in local]


def test_score_dataframe_partitionwise(cluster: str) -> None:
    import dask.dataframe as dd
    import pandas as pd

    from biaskit.dask_engine import score_dataframe

    frame = dd.from_pandas(pd.DataFrame({"body": TEXTS * 10}), npartitions=3)
    with distributed.Client(cluster):
        out = score_dataframe(frame, text_column="body", plugins=["boilerplate"]).compute()
    assert len(out) == 20 and out["ok"].all()
    assert set(out.columns) >= {"id", "boilerplate_score", "boilerplate_label", "record"}


def test_cli_engine_dask_keeps_order_and_counts(cluster: str, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": f"n{i}", "text": TEXTS[i % 2]}) for i in range(25)]
    corpus.write_text("\n".join([*lines[:10], "{broken", *lines[10:]]) + "\n")
    result = CliRunner().invoke(
        app,
        [
            "score",
            str(corpus),
            "--engine",
            "dask",
            "--scheduler",
            cluster,
            "--partition-size",
            "4",
            "-p",
            "boilerplate",
            "-f",
            "jsonl",
        ],
    )
    assert result.exit_code == 1  # the broken line
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 26
    assert [r["id"] for r in records if r["ok"]] == [f"n{i}" for i in range(25)]
