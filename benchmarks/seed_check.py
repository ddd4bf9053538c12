"""Check the built-in dimensions against the hand labels of the seed articles.

The seeds are not part of the project; point the script at them:

    python benchmarks/seed_check.py ../shared/seeds

Prints each dimension's score per seed, the boilerplate line precision and recall against
`labels.json`, the main speaker and credited outlets found, and the translation-artifact
ranking, and how many of the labelled translation examples and loaded phrases a span of
their dimension overlaps, so that a change to any plugin can be checked against the labels in
one command.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path
from typing import Any

from biaskit import Document, score_documents
from biaskit.text import lines


def line_number_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def main(seed_dir: Path) -> int:
    labels = json.loads((seed_dir / "labels.json").read_text())["documents"]
    docs = [Document(id=name, text=(seed_dir / name).read_text(), source=name) for name in labels]
    reports = list(score_documents(docs, ["all"]))
    dims = sorted({d for r in reports for d in r.scores})
    print("| seed | " + " | ".join(dims) + " |")
    print("|---|" + "---:|" * len(dims))
    for r in reports:
        cells = [
            f"{r.scores[d].score:.2f} ({r.scores[d].label})" if d in r.scores else "error"
            for d in dims
        ]
        print(f"| {r.id} | " + " | ".join(cells) + " |")
    tp = fp = fn = 0
    print()
    for doc, r in zip(docs, reports, strict=True):
        gold = set(labels[doc.id]["boilerplate_lines"])
        bp = r.scores.get("boilerplate")
        flagged = {line_number_of(doc.text, s.start) for s in bp.spans} if bp else set()
        all_lines = {line_number_of(doc.text, seg.start) for seg in lines(doc.text)}
        flagged &= all_lines
        tp += len(flagged & gold)
        fp += len(flagged - gold)
        fn += len(gold - flagged)
        attribution = r.scores.get("source_attribution")
        details = attribution.details if attribution else {}
        print(
            f"{doc.id}: boilerplate missed {sorted(gold - flagged)} extra {sorted(flagged - gold)}"
            f"; main speaker {details.get('main_speaker')!r}"
            f" (label {labels[doc.id]['main_speaker']!r})"
            f"; outlets credited {details.get('outlets_credited')}"
            f" (label {labels[doc.id]['outlets_credited']})"
        )
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(
        f"\nboilerplate lines: precision {precision:.3f}, recall {recall:.3f} "
        f"(tp {tp}, fp {fp}, fn {fn})"
    )
    grade = {"none": 0, "mild": 1, "strong": 2}
    ranking = sorted(
        (
            (r.scores["translation_artifacts"].score, labels[r.id]["translation_artifacts"], r.id)
            for r in reports
            if "translation_artifacts" in r.scores
        ),
        reverse=True,
    )
    print("translation ranking: " + ", ".join(f"{i} {s:.2f} ({g})" for s, g, i in ranking))
    pairs = itertools.pairwise(ranking)
    ordered = all(grade[a[1]] >= grade[b[1]] or a[0] == b[0] for a, b in pairs)
    print(f"translation ranking follows labels: {ordered}")
    for dim, key in (
        ("translation_artifacts", "translation_examples"),
        ("loaded_language", "loaded_phrases"),
    ):
        found, total, missed = coverage(docs, reports, labels, dim, key)
        print(f"{key} covered by a {dim} span: {found}/{total}; missed: {missed}")
    return 0


def coverage(
    docs: list[Document], reports: list[Any], labels: dict[str, Any], dim: str, key: str
) -> tuple[int, int, list[str]]:
    """Labelled phrases overlapped by at least one span of ``dim`` (every occurrence tried)."""
    found = total = 0
    missed: list[str] = []
    for doc, r in zip(docs, reports, strict=True):
        score = r.scores.get(dim)
        spans = [(s.start, s.end) for s in score.spans] if score else []
        for phrase in labels[doc.id].get(key) or []:
            total += 1
            # The seeds are hard-wrapped: a phrase may run over a line break.
            pattern = r"\s+".join(map(re.escape, phrase.split()))
            places = [m.span() for m in re.finditer(pattern, doc.text)]
            hit = any(a < end and b > st for st, end in places for a, b in spans)
            found += hit
            if not hit:
                missed.append(phrase)
    return found, total, missed


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds")))
