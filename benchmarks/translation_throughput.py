"""Throughput of the translation_artifacts detectors on 4 KB articles, beside a bare regex.

    python benchmarks/translation_throughput.py --data-dir ../shared/data

The texts: the article extraction benchmark's ``articleBody`` values (read from
``--data-dir``, never copied into the project), each repeated (paragraphs again, after a
blank line) or cut at a paragraph break to about 4 KB (``TARGET_CHARS``).

Measured on one core, in this process, best of ``--repeat`` passes over every text, in
CPU time of this process (``time.process_time``: on a shared machine, wall time measures
the neighbours too):
- ``re.findall``: a bare ``re.findall(r"\\w+(?:[’'\\-]\\w+)*", text)``, biaskit's word
  tokenizer, the floor any text pass pays;
- ``detectors``: the context (sentences, quotations, words) and every detector, which is
  what the issue's 2,000 documents per second is about;
- ``detectors+profile``: the detectors' reading of ``TranslationArtifactsScorer(None)``,
  with the translationese profile;
- ``scorer``: the shipped default, ``TranslationArtifactsScorer().score``, detectors,
  profile, model features and the model (loaded, and wordfreq's table read, before timing).
Speed is only ever measured here, never asserted in a unit test.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from timing import (
    add_first_sight_arguments,
    best_rates,
    first_sight_child,
    first_sight_rate,
)

from biaskit import Document
from biaskit_translation_artifacts import TranslationArtifactsScorer
from biaskit_translation_artifacts.context import Context
from biaskit_translation_artifacts.detectors import DETECTORS

TARGET_CHARS = 4096


def articles(data_dir: Path) -> list[str]:
    """Every articleBody brought to about ``TARGET_CHARS`` characters."""
    truth = json.loads((data_dir / "article-extraction-benchmark/ground-truth.json").read_text())
    out = []
    for key in sorted(truth):
        body = truth[key]["articleBody"].strip()
        if not body:
            continue
        text = body
        while len(text) < TARGET_CHARS:
            text = f"{text}\n\n{body}"
        cut = text.rfind("\n", 0, TARGET_CHARS)
        out.append(text[: cut if cut > TARGET_CHARS // 2 else TARGET_CHARS])
    return out


def detectors_only(text: str) -> object:
    ctx = Context.build(text)
    return [det.detect(ctx) for det in DETECTORS]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--repeat", type=int, default=3, help="passes; the best is reported")
    add_first_sight_arguments(parser)
    parser.add_argument("--pass", dest="which", choices=_FIRST_SIGHT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    texts = articles(args.data_dir)
    if args.half is not None:  # a first-sight child process (see timing.first_sight_rate)
        if args.which == "scorer":
            scorer = TranslationArtifactsScorer()
            first_sight_child(lambda t: scorer.score(Document("d", t)), texts, args.half)
        else:
            first_sight_child(detectors_only, texts, args.half)
        return 0
    word = re.compile(r"\w+(?:[’'\-]\w+)*")
    rules = TranslationArtifactsScorer(model_path=None)
    full = TranslationArtifactsScorer()
    for warm in texts[:5]:  # load the model and wordfreq's table outside the timing
        full.score(Document("warm-up", warm))

    def bare(text: str) -> object:
        return word.findall(text)

    def rules_score(text: str) -> object:
        return rules.score(Document("d", text))

    def full_score(text: str) -> object:
        return full.score(Document("d", text))

    size = sum(len(t) for t in texts) / len(texts)
    print(f"{len(texts)} articles, mean {size:,.0f} characters; best of {args.repeat}, one core")
    print("| pass | docs/s | ms/doc | x re.findall | docs/s, first sight |")
    print("|---|---:|---:|---:|---:|")
    base = best_rates(bare, texts, args.repeat)[0]
    for name, fn in (
        ("re.findall", bare),
        ("detectors", detectors_only),
        ("detectors+profile", rules_score),
        ("scorer (default, with model)", full_score),
    ):
        rate = base if fn is bare else best_rates(fn, texts, args.repeat)[0]
        first = "-"
        key = name.split(" ")[0]
        if args.first_sight_runs and key in _FIRST_SIGHT:
            command = [sys.executable, __file__, "--data-dir", str(args.data_dir), "--pass", key]
            first = f"{first_sight_rate(command, args.first_sight_runs):,.0f}"
        print(f"| {name} | {rate:,.0f} | {1000 / rate:.3f} | {base / rate:.1f} | {first} |")
    return 0


# The passes also timed on first sight: a fresh process scores half the articles untimed,
# then the other half once, timed (``timing.first_sight_rate``), as a corpus run meets words
# it has not cached.
_FIRST_SIGHT = ("detectors", "scorer")


if __name__ == "__main__":
    raise SystemExit(main())
