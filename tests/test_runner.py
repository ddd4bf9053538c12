from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from biaskit import DimensionScore, Document, InputError
from biaskit.plugins import PluginManager, select_scorers
from biaskit.runner import (
    BLOCK_SIZE,
    CHUNK_SIZE,
    MIN_CHUNK_SIZE,
    WINDOW_PER_JOB,
    _chunks,
    run,
    score_document,
)


def _docs(n: int) -> list[Document | InputError]:
    items: list[Document | InputError] = []
    for i in range(n):
        if i % 7 == 3:
            items.append(InputError(f"bad{i}", f"bad{i}.txt", "unreadable"))
        else:
            items.append(Document(f"d{i}", "SOME words HERE " * (i + 1), f"d{i}.txt"))
    return items


def _counted(pulled: list[int]) -> Iterator[Document]:
    """An endless input that records in ``pulled`` how many documents were read from it."""
    for i in itertools.count():
        pulled.append(i)
        yield Document(str(i), "A B C")


def test_a_raising_scorer_costs_only_its_own_dimension(inline_pm: PluginManager) -> None:
    reports = list(run(_docs(3), select_scorers(inline_pm, ["caps,boom"])))
    good = reports[0]
    assert "caps" in good.scores and "boom" not in good.scores
    assert good.errors["boom"].startswith("RuntimeError: boom")
    assert "conftest.py" in good.errors["boom"]  # points at the failing line


def test_invalid_results_are_recorded_not_passed_on(inline_pm: PluginManager) -> None:
    (report,) = run([Document("a", "text")], select_scorers(inline_pm, ["wild"]))
    assert report.scores == {}
    assert "outside [0, 1]" in report.errors["wild"]


def test_one_report_per_input_in_order(inline_pm: PluginManager) -> None:
    items = _docs(20)
    reports = list(run(items, select_scorers(inline_pm, ["caps"])))
    assert [r.id for r in reports] == [i.id for i in items]
    assert reports[3].errors == {"input": "unreadable"}


@pytest.mark.parametrize("n", [32, 70, 2 * CHUNK_SIZE + 1, 5 * CHUNK_SIZE + 3])
def test_parallel_run_gives_the_same_reports_in_the_same_order(
    inline_pm: PluginManager, n: int
) -> None:
    items = _docs(n)
    chosen = select_scorers(inline_pm, ["caps,boom"])
    serial = list(run(items, chosen))
    parallel = list(run(items, chosen, jobs=2))
    assert parallel == serial


def test_run_is_lazy(inline_pm: PluginManager) -> None:
    pulled: list[int] = []
    first = next(iter(run(_counted(pulled), select_scorers(inline_pm, ["caps"]))))
    assert first.id == "0" and len(pulled) == 1


@pytest.mark.parametrize("n", [1, 2, BLOCK_SIZE, BLOCK_SIZE + 2, 3 * BLOCK_SIZE + 5])
def test_scoring_in_blocks_gives_each_document_its_own_report(
    inline_pm: PluginManager, n: int
) -> None:
    """A serial run scores blocks scorer by scorer; each report must still be exactly the
    one its document gets alone, errors and input errors included, in input order."""
    items = _docs(n)
    chosen = select_scorers(inline_pm, ["caps,boom,wild"])
    alone = [score_document(item, chosen) for item in items]
    assert list(run(items, chosen)) == alone
    assert any(r.errors.get("input") for r in alone) == (n > 3)


def test_a_serial_run_reads_at_most_one_block_ahead(inline_pm: PluginManager) -> None:
    pulled: list[int] = []
    reports = iter(run(_counted(pulled), select_scorers(inline_pm, ["caps"])))
    assert [next(reports).id for _ in range(3)] == ["0", "1", "2"]
    assert len(pulled) == 1 + BLOCK_SIZE


def test_a_parallel_run_reads_its_input_a_bounded_window_ahead(
    inline_pm: PluginManager,
) -> None:
    pulled: list[int] = []
    reports = iter(run(_counted(pulled), select_scorers(inline_pm, ["caps"]), jobs=2))
    assert next(reports).id == "0"
    assert len(pulled) <= CHUNK_SIZE * (2 * WINDOW_PER_JOB + 3) + 1


@given(st.integers(0, 20 * CHUNK_SIZE), st.integers(1, 8))
def test_tasks_cover_the_input_in_order_and_shrink_at_its_end(n: int, jobs: int) -> None:
    items = [Document(str(i), "x") for i in range(n)]
    tasks = list(_chunks(iter(items), jobs))
    assert [d for task in tasks for d in task] == items
    sizes = [len(task) for task in tasks]
    assert all(1 <= size <= CHUNK_SIZE for size in sizes)
    if n >= 2 * jobs * CHUNK_SIZE:
        # The last documents go out in small tasks that the workers can share evenly.
        assert sizes[-1] <= MIN_CHUNK_SIZE
        assert sum(size for size in sizes if size < CHUNK_SIZE) >= jobs * CHUNK_SIZE // 2
        assert len(tasks) <= n // CHUNK_SIZE + 6 * jobs  # and no flood of tiny ones


class Sleepy:
    name = "sleepy"
    version = "1"
    description = "never finishes on documents that mention sleep"
    default = True

    def score(self, doc: Document) -> DimensionScore:
        while "sleep" in doc.text:
            pass
        return DimensionScore("sleepy", 0.0, "awake")


def test_a_scorer_past_the_time_limit_is_recorded_and_the_run_goes_on(
    inline_pm: PluginManager,
) -> None:
    scorers = [Sleepy(), *select_scorers(inline_pm, ["caps"])]
    docs = [Document("a", "please sleep now"), Document("b", "WIDE awake")]
    first, second = run(docs, scorers, timeout=0.2)
    assert first.errors["sleepy"].startswith("timeout")
    assert "caps" in first.scores
    assert second.ok and second.scores["sleepy"].label == "awake"


def test_small_inputs_skip_the_process_pool(inline_pm: PluginManager) -> None:
    # Two documents with jobs=2 are scored in this process: a scorer that is not picklable
    # (defined in a test function) still works.
    class Local:
        name = "local"
        version = "1"
        description = "defined in a function"
        default = True

        def score(self, doc: Document) -> DimensionScore:
            return DimensionScore("local", 0.5, "half")

    reports = list(run([Document("a", "x"), Document("b", "y")], [Local()], jobs=2))
    assert [r.scores["local"].label for r in reports] == ["half", "half"]


class Crasher:
    """Kills its own process on one document, as a crash in native code would."""

    name = "crasher"
    version = "1"
    description = "exits the process on the word 'die'"
    default = True

    def score(self, doc: Document) -> DimensionScore:
        if "die" in doc.text:
            import os

            os._exit(3)
        return DimensionScore("crasher", 0.1, "alive")


def test_a_worker_that_dies_costs_only_its_document() -> None:
    docs = [Document(f"d{i}", "please die" if i == 37 else "fine text") for i in range(100)]
    reports = list(run(docs, [Crasher()], jobs=2))
    assert [r.id for r in reports] == [d.id for d in docs]
    assert "died" in reports[37].errors["runner"]
    assert all(r.ok for i, r in enumerate(reports) if i != 37)


def test_a_serial_run_hands_frozen_objects_back_to_the_collector(
    inline_pm: PluginManager,
) -> None:
    """The serial path freezes the collector's view of the loaded scorers during a run; it
    must unfreeze when the run ends, whether it is read to the end or abandoned."""
    import gc

    chosen = select_scorers(inline_pm, ["caps"])
    assert gc.get_freeze_count() == 0
    reports = run(_docs(5), chosen)
    next(reports)
    next(reports)
    assert gc.get_freeze_count() > 0  # frozen while the run is going on
    assert len(list(reports)) == 3
    assert gc.get_freeze_count() == 0
    abandoned = run(_docs(5), chosen)
    next(abandoned)
    next(abandoned)
    abandoned.close()
    assert gc.get_freeze_count() == 0
