"""Throughput of the boilerplate dimension on typical 4 KB articles, beside a bare regex pass.

    python benchmarks/boilerplate_throughput.py --data-dir ../shared/data

The texts: the article extraction benchmark's ``articleBody`` values (read from
``--data-dir``, never copied into the project), cut into paragraphs and packed into
articles of about 4 KB, each with a headline made from its URL and page furniture of the
usual kinds: a section label, a timestamp and a share button above, a "READ MORE" link in
the middle, tags, related headlines (other articles' headlines), a follow prompt and a
comment prompt below. The furniture varies from article to article (only a site's own
chrome, like "Share this article", repeats), so no cache keyed by line text could make a
pass look faster than a real corpus. Three layouts, as the scorer meets them: a blank line
between paragraphs (``blank``), one paragraph per line (``lines``), and hard-wrapped at 72
columns (``wrapped``).

Measured in this one process, best of ``--repeat`` passes over all the texts of a layout,
in CPU time of the process (what one core delivers on a shared machine; wall-clock in the
second table):
- ``re.findall``: a bare ``re.findall(r"\\w+", text)``, the floor any text pass pays;
- ``rules``: ``BoilerplateScorer(model=None).score`` (the rules alone);
- ``model``: ``BoilerplateScorer().score``, the shipped default (loaded before timing).
Then the model on first sight (``timing.first_sight_rate``): the passes above meet words
the scorer has cached, a corpus run meets new ones in every article, so a fresh process
scores half the articles untimed and the other half once, timed, each half in turn.
Speed is only ever measured here, never asserted in a unit test.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlparse

from timing import (
    add_first_sight_arguments,
    best_rates,
    first_sight_child,
    first_sight_rate,
)

from biaskit import Document
from biaskit_boilerplate import BoilerplateScorer

TARGET_BYTES = 4096
LAYOUTS = ("blank", "lines", "wrapped")
SECTIONS = ("World", "Politics", "Business", "Technology", "Sport", "Culture", "Opinion")
MONTHS = ("January", "March", "May", "July", "September", "November")
TAGS = ("politics", "economy", "europe", "elections", "energy", "health", "media", "courts")


def headline(url: str) -> str:
    slug = [p for p in urlparse(url).path.split("/") if p]
    words = re.findall(r"[A-Za-z]+", slug[-1]) if slug else []
    words = [w for w in words if w.lower() not in ("html", "htm", "amp", "php", "index")]
    return " ".join(w.capitalize() for w in words[:12]) or "News Report"


def furniture(k: int, titles: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """Lines above, in the middle of and below article ``k``; varied, as real pages are."""
    top = [
        SECTIONS[k % len(SECTIONS)],
        f"Updated {k % 12 + 1:02d}:{k * 7 % 60:02d} GMT, {k % 28 + 1} {MONTHS[k % 6]} 2021",
    ]
    if k % 2:
        top.append("Share this article")
    middle = [f"READ MORE: {titles[(k + 1) % len(titles)]}"]
    tags = ", ".join(TAGS[(k + i) % len(TAGS)] for i in range(3))
    bottom = [f"Tags: {tags}", "Related stories"]
    bottom += [titles[(k + i) % len(titles)] for i in (2, 3, 4)[: 2 + k % 2]]
    bottom.append("Follow us on Twitter and Facebook" if k % 3 else "Leave a comment")
    return top, middle, bottom


def articles(data_dir: Path) -> list[list[str]]:
    """Each article as its lines (furniture and paragraphs), about 4 KB of UTF-8."""
    truth = json.loads((data_dir / "article-extraction-benchmark/ground-truth.json").read_text())
    keys = sorted(truth)
    titles = [headline(truth[k].get("url", "")) for k in keys]
    paragraphs = [
        p.strip() for k in keys for p in truth[k]["articleBody"].split("\n") if len(p.strip()) > 1
    ]
    out: list[list[str]] = []
    pos = 0
    k = 0
    while pos < len(paragraphs):
        top, middle, bottom = furniture(k, titles)
        title = titles[k % len(titles)]
        size = sum(len(x.encode()) + 2 for x in (title, *top, *middle, *bottom))
        body: list[str] = []
        while pos < len(paragraphs) and size < TARGET_BYTES:
            body.append(paragraphs[pos])
            size += len(paragraphs[pos].encode()) + 2
            pos += 1
        if size < TARGET_BYTES * 0.9:  # the leftover at the end of the pool
            break
        half = max(1, len(body) // 2)
        out.append([*top, title, *body[:half], *middle, *body[half:], *bottom])
        k += 1
    return out


def render(parts: Sequence[str], layout: str) -> str:
    if layout == "blank":
        return "\n\n".join(parts) + "\n"
    if layout == "lines":
        return "\n".join(parts) + "\n"
    return "\n\n".join(textwrap.fill(p, 72) for p in parts) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--repeat", type=int, default=3, help="passes; the best is reported")
    parser.add_argument("--layout", choices=(*LAYOUTS, "all"), default="all")
    add_first_sight_arguments(parser)
    args = parser.parse_args(argv)

    arts = articles(args.data_dir)
    if args.half is not None:  # a first-sight child process (see timing.first_sight_rate)
        scorer = BoilerplateScorer()
        texts = [render(parts, args.layout) for parts in arts]
        first_sight_child(lambda text: scorer.score(Document("d", text)), texts, args.half)
        return 0
    word = re.compile(r"\w+")
    rules = BoilerplateScorer(model=None)
    model = BoilerplateScorer()
    model.score(Document("warm-up", "Warm Up\n\nA line of text to load the model."))
    model_name = model.score(Document("w", "x")).details["model"].split(" ", 1)[0]

    def bare(text: str) -> object:
        return word.findall(text)

    def with_rules(text: str) -> object:
        return rules.score(Document("d", text))

    def with_model(text: str) -> object:
        return model.score(Document("d", text))

    layouts = LAYOUTS if args.layout == "all" else (args.layout,)
    rows: list[tuple[str, float, float, int, tuple[float, ...], tuple[float, ...]]] = []
    first: dict[str, float] = {}
    for layout in layouts:
        texts = [render(parts, layout) for parts in arts]
        kb = sum(len(t.encode()) for t in texts) / len(texts) / 1024
        lines_per = sum(len([x for x in t.split("\n") if x.strip()]) for t in texts) / len(texts)
        measured = [best_rates(fn, texts, args.repeat) for fn in (bare, with_rules, with_model)]
        cpu = tuple(m[0] for m in measured)
        wall = tuple(m[1] for m in measured)
        rows.append((layout, kb, lines_per, len(texts), cpu, wall))
        if args.first_sight_runs:
            command = [sys.executable, __file__, "--data-dir", str(args.data_dir)]
            command += ["--layout", layout]
            first[layout] = first_sight_rate(command, args.first_sight_runs)

    print(
        f"boilerplate throughput: {len(arts)} articles per layout, one process on one core, "
        f"best of {args.repeat}; model {model_name}; Python {sys.version.split()[0]}"
    )
    for title, index in (("CPU time", 4), ("wall-clock", 5)):
        print(f"\ndocs/s by {title}:\n")
        print(
            "| layout | mean KB | lines/doc | re.findall | rules | model "
            "| re.findall / rules | re.findall / model |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for row in rows:
            layout, kb, lines_per = row[0], row[1], row[2]
            bare_r, rules_r, model_r = row[index]  # type: ignore[misc]
            print(
                f"| {layout} | {kb:.1f} | {lines_per:.1f} | {bare_r:,.0f} | {rules_r:,.0f} "
                f"| {model_r:,.0f} | {bare_r / rules_r:.1f}x | {bare_r / model_r:.1f}x |"
            )
    if first:
        print(
            "\nmodel docs/s by CPU time on first sight (a fresh process scores half the articles,"
            f" then the other half once, timed; best of {args.first_sight_runs} per half):\n"
        )
        print("| layout | model, first sight | model, seen before | re.findall / first sight |")
        print("|---|---:|---:|---:|")
        for row in rows:
            layout, (bare_r, _, model_r) = row[0], row[4]
            print(
                f"| {layout} | {first[layout]:,.0f} | {model_r:,.0f} "
                f"| {bare_r / first[layout]:.1f}x |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
