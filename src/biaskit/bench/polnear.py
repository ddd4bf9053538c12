"""PolNeAR (Newell, Margolin and Ruths, LREC 2018): attribution relations in US election news.

Each article comes as ``data/<split>/text/<name>.txt`` with brat standoff annotations in
``data/<split>/attributions/<name>_<annotator>.ann``: ``T`` lines are spans (``Source``,
``Cue``, ``Content``, and the relation triggers ``Attribution`` / ``Attribution-no-source``),
possibly discontinuous (``Content 10 20;25 40``), with character offsets into the ``.txt``;
``E`` lines tie them into one relation (``E2<TAB>Attribution-no-source:T6 Content:T4
Cue:T5``).

How the corpus maps onto biaskit's splits (PolNeAR's own test split is held back by its
authors, and the issue's targets are stated on PolNeAR dev):
- PolNeAR ``train`` (840 articles) becomes our ``train`` and ``dev``: an article is ``dev``
  when a seeded hash of its file name falls in one bucket of ten (about 84 articles), else
  ``train``. Everything a model learns or tunes sees only these.
- PolNeAR ``dev`` (84 articles) becomes our ``test``: the split ``biaskit bench polnear``
  reports on by default and that nothing is ever fitted or tuned on.

A few articles have several annotators' files; the first by file name (annotator code) is
used, so each article has exactly one, deterministic set of relations. ``Discard`` and
``Discuss`` spans (annotation workflow markers) and spans in no relation are left out.

Gold spans become ``GoldSpan(start, end, label, group)`` with label ``Source``, ``Cue`` or
``Content`` (one per fragment of a discontinuous span) and the relation id as ``group``; a
relation without a source also carries its trigger as label ``Attribution-no-source``.

Matching (``counts``): a predicted attribution is the spans of one ``group`` in the
scorer's output, with labels mapped ``speaker``/``anonymous-source`` -> Source, ``cue`` ->
Cue, ``quote``/``indirect`` -> Content. One unit is all fragments of one label in one
relation. For each of Source, Cue, Content:
- exact: a predicted unit matches a gold unit when their fragments, each trimmed of white
  space, are identical (one to one);
- overlap: units are paired one to one, greedily by the largest number of characters they
  share (any shared character counts), so one long prediction cannot match two gold spans.
``source_accuracy``: over the gold relations whose Content is paired (overlap) with a
predicted relation's content: correct when the predicted relation has a source overlapping
the gold source, or, for a gold relation without a source, has no source either.
``anonymous``: gold ``Attribution-no-source`` relations against predicted relations with
no source span at all, paired one to one by content overlap.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from biaskit.bench.datasets import require
from biaskit.bench.model import Example, GoldSpan, Prediction, Split
from biaskit.model import Span

__all__ = ["PolNeAR", "match_exact", "match_overlap", "parse_ann"]

SPLIT_SEED = "biaskit-polnear-v1"
DEV_BUCKETS = 1  # of 10: about 10% of PolNeAR train is our dev
ROLES = ("Source", "Cue", "Content")
NO_SOURCE = "Attribution-no-source"
# Our span labels -> PolNeAR roles.
LABEL_ROLE = {
    "speaker": "Source",
    "anonymous-source": "Source",
    "cue": "Cue",
    "quote": "Content",
    "indirect": "Content",
}

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t", re.MULTILINE)
_E_LINE = re.compile(r"^(E\d+)\t([^\n]*)$", re.MULTILINE)

Fragments = tuple[tuple[int, int], ...]


def split_for(name: str, polnear_split: str) -> Split:
    """Our split of a PolNeAR article: PolNeAR dev is our test; PolNeAR train is divided
    into train and dev by a seeded hash of the article's file name."""
    if polnear_split == "dev":
        return "test"
    digest = hashlib.sha256(f"{SPLIT_SEED}\x00{name}".encode()).digest()
    return "dev" if int.from_bytes(digest[:8]) % 10 < DEV_BUCKETS else "train"


def parse_ann(ann: str, text_length: int | None = None) -> list[GoldSpan]:
    """Gold spans of one brat standoff file: the Source, Cue and Content of every relation
    (``E`` line), and the trigger of relations without a source.

    Lines that are neither ``T`` nor ``E`` (notes, continuation lines of span text that
    contains a line break) are skipped; fragments outside the text are dropped.
    """
    spans: dict[str, Fragments] = {}
    for m in _T_LINE.finditer(ann):
        frags = []
        for part in m.group(3).split(";"):
            s, e = (int(x) for x in part.split())
            if text_length is not None:
                s, e = min(s, text_length), min(e, text_length)
            if s < e:
                frags.append((s, e))
        spans[m.group(1)] = tuple(frags)
    out: list[GoldSpan] = []
    for m in _E_LINE.finditer(ann):
        group = m.group(1)
        for k, arg in enumerate(m.group(2).split()):
            role, _, ref = arg.partition(":")
            if ref not in spans:
                continue
            found = spans[ref]
            if k == 0:
                if role == NO_SOURCE:
                    out.extend(GoldSpan(s, e, NO_SOURCE, group) for s, e in found)
                continue
            base = role.rstrip("0123456789")
            if base in ROLES:
                out.extend(GoldSpan(s, e, base, group) for s, e in found)
    return out


class PolNeAR:
    """PolNeAR: 924 articles (PolNeAR train and dev) with source, cue and content spans."""

    name = "polnear"
    task = "spans"
    dimension = "source_attribution"
    description = "PolNeAR: US election news, attribution relations (source, cue, content)"
    files = ("polnear/data/train/text", "polnear/data/dev/text")
    compare_on = ("content_overlap_f1", "source_overlap_f1", "cue_overlap_f1")

    def load(self, data_dir: Path) -> Iterator[Example]:
        how = (
            "Get PolNeAR (github.com/networkdynamics/polnear) and put its data/ folder, "
            "with train/ and dev/, under polnear/."
        )
        root = data_dir / "polnear" / "data"
        for polnear_split in ("train", "dev"):
            text_dir = require(root / polnear_split / "text", self.name, how)
            ann_dir = root / polnear_split / "attributions"
            anns: dict[str, list[Path]] = defaultdict(list)
            if ann_dir.is_dir():
                for p in ann_dir.glob("*.ann"):
                    anns[p.stem.rsplit("_", 1)[0]].append(p)
            for path in sorted(text_dir.glob("*.txt")):
                name = path.stem
                if not anns.get(name):
                    continue
                ann_path = sorted(anns[name])[0]
                text = path.read_text(encoding="utf-8")
                gold = parse_ann(ann_path.read_text(encoding="utf-8"), len(text))
                yield Example(
                    id=f"polnear:{name}",
                    text=text,
                    labels=(),
                    split=split_for(name, polnear_split),
                    meta={"polnear_split": polnear_split, "annotator": ann_path.stem[-4:]},
                    task=self.task,
                    spans=tuple(sorted(gold, key=lambda g: (g.start, g.end, g.label))),
                )

    def counts(self, example: Example, prediction: Prediction) -> dict[str, tuple[int, int, int]]:
        gold = gold_relations(example.spans)
        pred = predicted_relations(prediction.spans)
        out: dict[str, tuple[int, int, int]] = {}
        for role in ROLES:
            g = [r[role] for r in gold.values() if r.get(role)]
            p = [r[role] for r in pred.values() if r.get(role)]
            g_trim = [_trim_all(example.text, u) for u in g]
            p_trim = [_trim_all(example.text, u) for u in p]
            key = role.lower()
            out[f"{key}_exact"] = _prf(len(match_exact(g_trim, p_trim)), len(g), len(p))
            out[f"{key}_overlap"] = _prf(len(match_overlap(g, p)), len(g), len(p))
        out["source_accuracy"] = _source_accuracy(gold, pred)
        g_anon = [r["Content"] for r in gold.values() if r.get(NO_SOURCE) and r.get("Content")]
        p_anon = [r["Content"] for r in pred.values() if not r.get("Source") and r.get("Content")]
        out["anonymous"] = _prf(len(match_overlap(g_anon, p_anon)), len(g_anon), len(p_anon))
        return out


Relation = dict[str, Fragments]


def gold_relations(spans: Iterable[GoldSpan]) -> dict[str, Relation]:
    """Gold spans by relation and role, each role's fragments in text order."""
    acc: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for g in spans:
        acc[g.group][g.label].append((g.start, g.end))
    return {k: {r: tuple(sorted(f)) for r, f in v.items()} for k, v in acc.items()}


def predicted_relations(spans: Iterable[Span]) -> dict[str, Relation]:
    """A scorer's spans by group and PolNeAR role; spans of other labels are ignored."""
    acc: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for k, s in enumerate(spans):
        role = LABEL_ROLE.get(s.label)
        if role is None:
            continue
        acc[s.group or f"_span{k}"][role].append((s.start, s.end))
    return {k: {r: tuple(sorted(f)) for r, f in v.items()} for k, v in acc.items()}


def _trim_all(text: str, unit: Fragments) -> Fragments:
    out = []
    n = len(text)
    for s, e in unit:
        s, e = min(s, n), min(e, n)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return tuple(out)


def _prf(tp: int, n_gold: int, n_pred: int) -> tuple[int, int, int]:
    return tp, n_pred - tp, n_gold - tp


def _shared(a: Fragments, b: Fragments) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def match_exact(gold: Sequence[Fragments], pred: Sequence[Fragments]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of identical units."""
    free: dict[Fragments, list[int]] = defaultdict(list)
    for j, p in enumerate(pred):
        free[p].append(j)
    pairs = []
    for i, g in enumerate(gold):
        if free.get(g):
            pairs.append((i, free[g].pop(0)))
    return pairs


def match_overlap(gold: Sequence[Fragments], pred: Sequence[Fragments]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of units sharing characters, chosen
    greedily by the largest number of shared characters (ties: earlier gold, then earlier
    prediction)."""
    candidates = []
    order = sorted(range(len(pred)), key=lambda j: pred[j][0][0] if pred[j] else 0)
    starts = [pred[j][0][0] if pred[j] else 0 for j in order]
    for i, g in enumerate(gold):
        if not g:
            continue
        g_end = max(e for _, e in g)
        hi = bisect.bisect_left(starts, g_end)
        for j in order[:hi]:
            shared = _shared(g, pred[j])
            if shared > 0:
                candidates.append((-shared, i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return pairs


def _source_accuracy(gold: dict[str, Relation], pred: dict[str, Relation]) -> tuple[int, int, int]:
    g_keys = [k for k, r in gold.items() if r.get("Content")]
    p_keys = [k for k, r in pred.items() if r.get("Content")]
    pairs = match_overlap(
        [gold[k]["Content"] for k in g_keys], [pred[k]["Content"] for k in p_keys]
    )
    correct = wrong = 0
    for i, j in pairs:
        g, p = gold[g_keys[i]], pred[p_keys[j]]
        g_src, p_src = g.get("Source", ()), p.get("Source", ())
        ok = _shared(g_src, p_src) > 0 if g_src else not p_src
        correct, wrong = (correct + 1, wrong) if ok else (correct, wrong + 1)
    return correct, 0, wrong
