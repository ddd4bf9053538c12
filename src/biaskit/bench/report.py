"""Bench results as a terminal table, Markdown (for READMEs and papers) or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import IO, Any

from biaskit.bench.metrics import Estimate
from biaskit.bench.runner import BenchResult, ClassifierResult

# Unit-level columns first, in this order; count-based metrics (words, spans) follow in the
# order the dataset reports them. Accuracy is left out: on skewed classes it flatters.
ORDER = ["precision", "recall", "f1", "macro_f1", "roc_auc"]
TITLES = {
    "precision": "P",
    "recall": "R",
    "f1": "F1",
    "macro_f1": "macro-F1",
    "roc_auc": "ROC-AUC",
}


def _title(metric: str) -> str:
    if metric in TITLES:
        return TITLES[metric]
    head, _, tail = metric.rpartition("_")
    short = {"precision": "P", "recall": "R", "f1": "F1"}.get(tail)
    return f"{head.replace('_', ' ')} {short}" if short and head else metric.replace("_", " ")


def _columns(result: BenchResult) -> list[str]:
    seen: list[str] = []
    for r in result.results:
        for name in r.metrics:
            if name not in seen and name != "accuracy":
                seen.append(name)
    if result.task == "lines":
        seen = [m for m in seen if m != "macro_f1"]
    return [m for m in ORDER if m in seen] + [m for m in seen if m not in ORDER]


def _cell(e: Estimate | None) -> str:
    if e is None:
        return "–"
    return f"{e.value:.3f} [{e.low:.3f}, {e.high:.3f}]"


def _p(value: float, resamples: object) -> str:
    """A p-value of zero from n resamples only says p < 1/n."""
    n = resamples if isinstance(resamples, int) and resamples > 0 else 1000
    return f"< {1 / n:.3g}" if value == 0 else f"{value:.3f}"


def _threshold(value: float | None, source: str) -> str:
    return f"{value:.3f} ({source})" if value is not None else source


def _name(r: ClassifierResult) -> str:
    """A classifier as a table names it: name, version, and how many examples it failed on."""
    return f"{r.name} {r.version}" + (f" ({r.errors} errors)" if r.errors else "")


def _rows(result: BenchResult) -> tuple[list[str], list[list[str]]]:
    cols = _columns(result)
    header = ["classifier", *[_title(c) for c in cols], "docs/s", "peak MB", "threshold"]
    rows = []
    for r in result.results:
        name = _name(r)
        rows.append(
            [
                name,
                *[_cell(r.metrics.get(c)) for c in cols],
                f"{r.docs_per_second:,.0f}",
                f"{r.peak_memory_mb:.2f}",
                _threshold(r.threshold, r.threshold_source),
            ]
        )
    return header, rows


# Beyond this many metric columns a table no longer fits a page: span tasks report P, R and
# F1 for every role and matching rule, so they are laid out one row per measure instead.
WIDE = 8


def _grouped(cols: list[str]) -> list[tuple[str, dict[str, str]]]:
    """Metric columns as measures: ("source exact", {"P": "source_exact_precision", ...})."""
    groups: dict[str, dict[str, str]] = {}
    for metric in cols:
        head, _, tail = metric.rpartition("_")
        key = {"precision": "P", "recall": "R", "f1": "F1"}.get(tail)
        if metric in ORDER:
            groups.setdefault("units", {})[TITLES[metric]] = metric
        elif key and head:
            groups.setdefault(head.replace("_", " "), {})[key] = metric
        else:
            groups.setdefault(metric.replace("_", " "), {})["value"] = metric
    return list(groups.items())


def _long_rows(result: BenchResult) -> tuple[list[str], list[list[str]]]:
    measures = _grouped(_columns(result))
    keys = ["P", "R", "F1", "macro-F1", "ROC-AUC", "value"]
    used = [k for k in keys if any(k in m for _, m in measures)]
    header = ["classifier", "measure", *used]
    rows = []
    for r in result.results:
        name = _name(r)
        for i, (measure, metrics) in enumerate(measures):
            cells = [_cell(r.metrics.get(metrics[k])) if k in metrics else "" for k in used]
            rows.append([name if i == 0 else "", measure, *cells])
    return header, rows


def _speed_rows(result: BenchResult) -> tuple[list[str], list[list[str]]]:
    header = ["classifier", "docs/s", "peak MB", "threshold"]
    rows = [
        [
            f"{r.name} {r.version}",
            f"{r.docs_per_second:,.0f}",
            f"{r.peak_memory_mb:.2f}",
            _threshold(r.threshold, r.threshold_source),
        ]
        for r in result.results
    ]
    return header, rows


def _tables(result: BenchResult) -> list[tuple[list[str], list[list[str]]]]:
    if len(_columns(result)) > WIDE:
        return [_long_rows(result), _speed_rows(result)]
    return [_rows(result)]


def _heading(result: BenchResult) -> str:
    units = {"lines": "lines", "sentences": "sentences", "documents": "labels"}
    counted = (
        f", {result.units} {units[result.task]} ({result.positives} positive)"
        if result.task in units
        else ""
    )
    return (
        f"{result.dataset}, {result.split} split: {result.documents} documents{counted}; "
        f"95% bootstrap intervals over {_unit(result)} "
        f"({result.provenance.get('bootstrap_resamples')} resamples)"
    )


def _unit(result: BenchResult) -> str:
    """What the bootstrap drew: documents, or the groups (source articles) they belong to."""
    if result.provenance.get("bootstrap_unit") == "group":
        return f"{result.provenance.get('bootstrap_groups')} source groups"
    return "documents"


def to_markdown(result: BenchResult) -> str:
    out = [f"**{_heading(result)}**"]
    for header, rows in _tables(result):
        first_text = 2 if header[1:2] == ["measure"] else 1
        out += ["", "| " + " | ".join(header) + " |"]
        out.append(
            "|" + "|".join("---" if i < first_text else "---:" for i in range(len(header))) + "|"
        )
        out += ["| " + " | ".join(row) + " |" for row in rows]
    n_boot = result.provenance.get("bootstrap_resamples")
    if result.comparisons:
        out += ["", "| comparison | metric | difference | paired bootstrap p |"]
        out.append("|---|---|---:|---:|")
        for c in result.comparisons:
            out.append(
                f"| {c.a} vs {c.b} | {_title(c.metric)} | "
                f"{c.difference:+.3f} | {_p(c.p_value, n_boot)} |"
            )
    prov = result.provenance
    out += [
        "",
        f"biaskit {prov.get('biaskit')}, Python {prov.get('python')}, scikit-learn "
        f"{prov.get('scikit-learn')}, seed {prov.get('seed')}, {prov.get('date')}.",
    ]
    return "\n".join(out) + "\n"


def to_json(result: BenchResult) -> str:
    data: dict[str, Any] = asdict(result)
    return json.dumps(data, indent=2, default=str) + "\n"


def from_json(text: str) -> BenchResult:
    """A result written by ``to_json``, back as objects: one measured run can then be
    rendered as Markdown or a table without being measured again."""
    from biaskit.bench.runner import Comparison

    data = json.loads(text)
    results = [
        ClassifierResult(**{**r, "metrics": {k: Estimate(**v) for k, v in r["metrics"].items()}})
        for r in data["results"]
    ]
    comparisons = [Comparison(**c) for c in data["comparisons"]]
    return BenchResult(**{**data, "results": results, "comparisons": comparisons})


def print_table(result: BenchResult, stream: IO[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream)
    for n, (header, rows) in enumerate(_tables(result)):
        table = Table(title=_heading(result) if n == 0 else None)
        first_text = 2 if header[1:2] == ["measure"] else 1
        for i, col in enumerate(header):
            table.add_column(col, justify="left" if i < first_text else "right")
        for row in rows:
            table.add_row(*row)
        console.print(table)
    if result.comparisons:
        comp = Table(title="paired bootstrap tests")
        for col in ("comparison", "metric", "difference", "p"):
            comp.add_column(col)
        for c in result.comparisons:
            comp.add_row(
                f"{c.a} vs {c.b}",
                _title(c.metric),
                f"{c.difference:+.3f}",
                _p(c.p_value, result.provenance.get("bootstrap_resamples")),
            )
        console.print(comp)
