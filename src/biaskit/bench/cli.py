"""``biaskit bench``, ``biaskit train`` and ``biaskit datasets``: thin wrappers over the bench."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Annotated, Any, Optional

import typer

from biaskit.cli_support import err


class BenchUsage(Exception):
    """A bench request that cannot be carried out as asked."""


def resolve_classifier(spec: str, pm: Any) -> Any:
    """``NAME`` or ``NAME@MODEL``: a bench classifier, or an installed scorer (optionally
    loaded with a trained model file)."""
    from biaskit.bench.classifiers import ScorerClassifier
    from biaskit.plugins import classifiers, scorers

    name, _, model = spec.partition("@")
    found = classifiers(pm)
    if name in found and not model:
        return found[name]
    available = scorers(pm)
    if name not in available:
        raise BenchUsage(
            f"no classifier or scorer named {name!r}; classifiers: {', '.join(found)}; "
            f"scorers: {', '.join(available)}"
        )
    scorer = available[name]
    if model:
        with_model = getattr(scorer, "with_model", None)
        if with_model is None:
            raise BenchUsage(f"scorer {name!r} cannot load a trained model")
        scorer = with_model(Path(model))
        return ScorerClassifier(scorer, name=f"{name}@{Path(model).name}")
    return ScorerClassifier(scorer)


def bench(
    dataset: Annotated[str, typer.Argument(help="Dataset name (see biaskit datasets).")],
    scorer: Annotated[
        Optional[list[str]],  # noqa: UP045 - typer needs Optional here
        typer.Option(
            "--scorer",
            "-s",
            help="Scorer or baseline to evaluate; NAME@MODEL.skops for a trained model. "
            "Repeat to compare. Default: the dataset's dimension.",
        ),
    ] = None,
    data_dir: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="Folder holding the datasets (default: $BIASKIT_DATA, then ./data)."),
    ] = None,
    split: Annotated[str, typer.Option(help="Split to report on.")] = "test",
    format: Annotated[
        str, typer.Option("--format", "-f", help="table, markdown or json.")
    ] = "table",
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Also write the results here (format by suffix)."),
    ] = None,
    bootstrap: Annotated[int, typer.Option(min=10, help="Bootstrap resamples.")] = 1000,
    seed: Annotated[int, typer.Option(help="Seed of the bootstrap.")] = 0,
    threshold: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option(help="Fixed decision threshold (default: chosen on the dev split)."),
    ] = None,
) -> None:
    """Evaluate scorers and baselines side by side on a labelled dataset's test split."""
    from biaskit.bench.datasets import DatasetMissing, resolve_data_dir
    from biaskit.bench.report import print_table, to_json, to_markdown
    from biaskit.bench.runner import run_bench
    from biaskit.plugins import PluginConflict, datasets, get_plugin_manager

    if split not in ("train", "dev", "test"):
        err(f"unknown split {split!r}; choose train, dev or test")
        raise typer.Exit(2)
    if format not in ("table", "markdown", "json"):
        err(f"unknown format {format!r}; choose table, markdown or json")
        raise typer.Exit(2)
    pm = get_plugin_manager()
    try:
        found = datasets(pm)
        if dataset not in found:
            raise BenchUsage(f"unknown dataset {dataset!r}; available: {', '.join(found)}")
        ds = found[dataset]
        specs = scorer or [ds.dimension]
        chosen = [resolve_classifier(spec, pm) for spec in specs]
        unfit = [c.name for c in chosen if ds.task not in c.tasks]
        if unfit:
            raise BenchUsage(f"{', '.join(unfit)} cannot predict {ds.task} ({dataset})")
        examples = list(ds.load(resolve_data_dir(data_dir)))
    except (BenchUsage, PluginConflict) as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    except DatasetMissing as exc:
        err(str(exc))
        raise typer.Exit(1) from None

    def progress(message: str) -> None:
        print(message, file=sys.stderr)

    result = run_bench(
        ds,
        examples,
        chosen,
        split=split,  # type: ignore[arg-type]
        n_boot=bootstrap,
        seed=seed,
        threshold=threshold,
        progress=progress,
    )
    render = {"markdown": to_markdown, "json": to_json}
    if format == "table":
        print_table(result, sys.stdout)
    else:
        sys.stdout.write(render[format](result))
    if output is not None:
        kind = "json" if output.suffix == ".json" else "markdown"
        output.write_text(render[kind](result))


def train(
    dimension: Annotated[str, typer.Argument(help="The dimension whose model to train.")],
    dataset: Annotated[str, typer.Argument(help="Dataset to train on (its train split).")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write the model (.skops).")
    ],
    data_dir: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="Folder holding the datasets (default: $BIASKIT_DATA, then ./data)."),
    ] = None,
    seed: Annotated[int, typer.Option(help="random_state for the learner.")] = 0,
) -> None:
    """Fit a dimension's scikit-learn model on a dataset's train split, with dev for tuning
    (or as its plugin documents: one may fit on train and dev with cross-validation)."""
    from biaskit.bench.datasets import DatasetMissing, resolve_data_dir
    from biaskit.bench.training import Trainable, save_model
    from biaskit.plugins import datasets, get_plugin_manager, scorers

    pm = get_plugin_manager()
    available = scorers(pm)
    found = datasets(pm)
    if dimension not in available:
        err(f"unknown dimension {dimension!r}; installed: {', '.join(available)}")
        raise typer.Exit(2)
    if dataset not in found:
        err(f"unknown dataset {dataset!r}; available: {', '.join(found)}")
        raise typer.Exit(2)
    scorer = available[dimension]
    if not isinstance(scorer, Trainable):
        err(f"the {dimension} scorer has no trainable model")
        raise typer.Exit(2)
    try:
        examples = list(found[dataset].load(resolve_data_dir(data_dir)))
    except DatasetMissing as exc:
        err(str(exc))
        raise typer.Exit(1) from None
    train_set = [ex for ex in examples if ex.split == "train"]
    dev_set = [ex for ex in examples if ex.split == "dev"]
    print(
        f"training {dimension} on {dataset}: {len(train_set)} train, {len(dev_set)} dev",
        file=sys.stderr,
    )
    trained = scorer.train(train_set, dev_set, random_state=seed)
    meta = save_model(
        output, trained, dimension=dimension, scorer_version=scorer.version, dataset=dataset
    )
    _print_metrics(meta, output, sys.stdout)


def _print_metrics(meta: dict[str, Any], output: Path, stream: IO[str]) -> None:
    stream.write(f"wrote {output} (and {output.name}.json)\n")
    # The metric names are the plugin's own: most are measured on dev, cross-validated
    # ones say so (``cv_roc_auc``).
    stream.write("  metrics:\n")
    for key, value in sorted(meta["metrics"].items()):
        stream.write(f"    {key}: {value:.4f}\n")
    for key, value in sorted(meta["params"].items()):
        stream.write(f"  {key}: {value}\n")


def datasets_command(
    data_dir: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="Folder holding the datasets (default: $BIASKIT_DATA, then ./data)."),
    ] = None,
) -> None:
    """List benchmark datasets and bench classifiers, and whether the data is present."""
    from biaskit.bench.datasets import resolve_data_dir
    from biaskit.plugins import classifiers, datasets, get_plugin_manager

    pm = get_plugin_manager()
    root = resolve_data_dir(data_dir)
    for ds in datasets(pm).values():
        files = getattr(ds, "files", ())
        present = all((root / f).exists() for f in files) if files else None
        state = {True: "data found", False: "data missing", None: ""}[present]
        typer.echo(f"{ds.name:<14} {ds.task:<10} {ds.dimension:<22} {state:<13} {ds.description}")
    typer.echo("")
    for clf in classifiers(pm).values():
        tasks = ",".join(sorted(clf.tasks))
        typer.echo(f"{clf.name:<14} {tasks:<10} classifier {clf.version}")
