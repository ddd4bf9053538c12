"""The learned line classifier: a logistic regression over the features the rules read.

The rules stay the explanation. The model sees every line feature, the line's context
(blank lines, its paragraph, the neighbouring lines, where it sits relative to the article's
running prose) and the rules' own verdict on the line and on its neighbours (jusText's
lesson: a short line is judged by what surrounds it), and learns how much each should count.
A logistic regression keeps each decision a sum of named contributions, which is what the
reason of a line the model flags against the rules reports, and it predicts with one dot
product per line in plain Python (``LineModel``), no numpy call per document.

Training (``fit_line_model``, behind ``biaskit train boilerplate aeb-lines``) sees each train
page in several layouts (``LAYOUTS``): as extracted, one line per block; with a blank line
between blocks; hard-wrapped at 72 columns; and indented. The labels do not change with the
layout, so the model cannot lean on blank lines or line length alone, and works on text as
it arrives from other extractors. Regularisation and the decision threshold are chosen on
the dev split, in every layout; the test split is never seen.
"""

from __future__ import annotations

import math
import operator
import random
import struct
import textwrap
from collections.abc import Callable, Sequence
from functools import cache
from itertools import chain, compress, repeat
from pathlib import Path
from typing import Any, NamedTuple

from biaskit.text import Segment
from biaskit_boilerplate.features import Analysis, LineFeatures, analyse
from biaskit_boilerplate.patterns import PATTERNS
from biaskit_boilerplate.rules import (
    ARTICLE_KINDS,
    Decision,
    DecisionColumns,
    classify_columns,
    decision_columns,
)

__all__ = [
    "FEATURE_NAMES",
    "LAYOUTS",
    "TRUSTED_TYPES",
    "LineModel",
    "fit_line_model",
    "layout",
    "line_rows",
    "load",
]

# The types a saved model may contain; anything else in a file is refused at load time.
TRUSTED_TYPES = (
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._data.StandardScaler",
    "sklearn.linear_model._logistic.LogisticRegression",
)


# Each model column, with the words a reason uses for it when it pushes a line towards
# furniture (None: never named in a reason, as with layout and document-wide columns). The
# set was chosen on the dev split from a wider one (every line and context feature, the
# furniture-phrase kind, each rule's verdict): these 34 score as well as all 82 did.
COLUMNS: tuple[tuple[str, str | None], ...] = (
    # the line itself
    ("log_words", None),
    ("stop_ratio", None),
    ("title_ratio", "capitalised like a title"),
    ("caps_ratio", "words in capitals"),
    ("number_ratio", "numbers"),
    ("ends_sentence", None),
    ("ends_terminal", None),
    ("count_suffix", "an item count"),
    ("has_date", "a date"),
    ("timestamp", "nothing but a date"),
    ("link_like", "a link or handle"),
    ("social_ratio", "social-network names"),
    ("cta_start", "a call to action"),
    ("pattern_navigation", "a site-navigation phrase"),
    ("pattern_read-more", "a 'read more' phrase"),
    # its place in the document
    ("rel_position", None),
    ("blank_after", None),
    ("log_block_words", None),
    ("block_stop_ratio", None),
    ("prev_prose", None),
    ("next_prose", None),
    ("body_overlap", None),
    ("log_prose_distance", "far from the article's paragraphs"),
    # the rules' verdicts
    ("rule_probability", None),
    ("rule_article", None),
    ("rule_explicit", "a furniture phrase or shape"),
    ("rule_list", "one of a run of non-sentences"),
    ("prev_rule_probability", "furniture just above"),
    ("next_rule_probability", "furniture just below"),
    ("run_rule_probability", "among furniture lines"),
    # the document
    ("doc_stop_ratio", None),
    ("doc_blank_separated", None),
    ("doc_prose_share", None),
    ("log_doc_lines", None),
)
FEATURE_NAMES: tuple[str, ...] = tuple(name for name, _ in COLUMNS)
_WORDS: tuple[str | None, ...] = tuple(words for _, words in COLUMNS)
_NAMED_COLUMNS = tuple(j for j, words in enumerate(_WORDS) if words is not None)
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.3 + 0.025 * k, 3) for k in range(17))  # 0.3 .. 0.7


def _log1p(values: Sequence[float]) -> list[float]:
    return list(map(math.log1p, values))


def line_columns(
    found: Analysis, rules: Sequence[Decision], decided: DecisionColumns | None = None
) -> list[Sequence[float]]:
    """The model's input, column by column (one list per entry of ``COLUMNS``); ``decided``:
    the rules' decisions as columns (``decision_columns(rules)``) if the caller has them."""
    n = len(found.starts)
    f, c = found.line_columns, found.context_columns  # ``table``s: one list per feature
    eq = operator.eq
    pattern_kinds = list(map(_KIND_OF.__getitem__, f.pattern))
    probs, kinds, _, bases = decision_columns(rules) if decided is None else decided
    # Beyond the ends of the text: undecided (0.5), neither furniture nor article.
    prev_p = [0.5, *probs[:-1]]
    next_p = [*probs[1:], 0.5]
    # Mean verdict of the (up to) two lines either side: runs of furniture (menus, lists).
    padded = [0.0, 0.0, *probs, 0.0, 0.0]
    around = map(
        operator.add,
        map(operator.add, padded[:n], padded[1 : n + 1]),
        map(operator.add, padded[3 : n + 3], padded[4 : n + 4]),
    )
    run_p = list(map(operator.truediv, around, _neighbour_counts(n))) if n > 1 else [0.5]
    block_prose = c.block_prose
    distance = [n] * n
    if any(block_prose):
        gap = n
        for i, is_prose in enumerate(block_prose):  # distance to the nearest prose line
            gap = 0 if is_prose else gap + 1
            distance[i] = gap
        gap = n
        for i in range(n - 1, -1, -1):
            gap = 0 if block_prose[i] else gap + 1
            if gap < distance[i]:
                distance[i] = gap
    return [
        _log1p(f.n_words),
        f.stop_ratio,
        f.title_ratio,
        f.caps_ratio,
        f.number_ratio,
        f.ends_sentence,
        f.ends_terminal,
        f.count_suffix,
        f.has_date,
        f.timestamp,
        f.link_like,
        f.social_ratio,
        f.cta_start,
        list(map(eq, pattern_kinds, repeat("navigation"))),
        list(map(eq, pattern_kinds, repeat("read-more"))),
        c.rel_position,
        c.blank_after,
        _log1p(c.block_words),
        c.block_stop_ratio,
        c.prev_prose,
        c.next_prose,
        c.body_overlap,
        _log1p(distance),
        probs,
        list(map(_ARTICLE_KINDS_HAS, kinds)),
        list(map(eq, bases, repeat("explicit"))),
        list(map(eq, bases, repeat("list"))),
        prev_p,
        next_p,
        run_p,
        c.doc_stop_ratio,
        c.doc_blank_separated,
        [sum(block_prose) / n] * n,
        [math.log1p(n)] * n,
    ]


@cache
def _neighbour_counts(n: int) -> list[int]:
    """How many of the two lines either side exist, for each line of an n-line text."""
    return [min(i, 2) + min(n - 1 - i, 2) for i in range(n)]


_KIND_OF: tuple[str, ...] = ("", *(p.kind for p in PATTERNS))
_ARTICLE_KINDS_HAS = ARTICLE_KINDS.__contains__


class LineRows(NamedTuple):
    segments: list[Segment]
    features: list[LineFeatures]
    rules: list[Decision]
    rows: list[tuple[float, ...]]


def line_rows(text: str) -> LineRows:
    """The lines of ``text``, their features, the rules' decision and the model's rows."""
    found = analyse(text)
    decisions = classify_columns(found.line_columns, found.context_columns)
    if not found.segments:
        return LineRows(found.segments, found.lines, decisions, [])
    rows = list(zip(*line_columns(found, decisions), strict=True))
    return LineRows(found.segments, found.lines, decisions, rows)


class LineModel:
    """A fitted ``StandardScaler`` + ``LogisticRegression`` pipeline, folded into one weight
    vector so that an article's logits are one matrix product over its feature columns."""

    def __init__(self, estimator: Any, threshold: float = 0.5, source: str = "model") -> None:
        import numpy as np  # loaded with the estimator already

        self.threshold = threshold
        self.source = source
        scale = estimator.named_steps["scale"]
        clf = estimator.named_steps["clf"]
        if len(clf.coef_[0]) != len(FEATURE_NAMES):
            raise ValueError(
                f"model has {len(clf.coef_[0])} features, this scorer makes "
                f"{len(FEATURE_NAMES)}: retrain it with this version"
            )
        self.estimator = estimator
        self.means = [float(v) for v in scale.mean_]
        self.scales = [float(v) or 1.0 for v in scale.scale_]
        self.coef = [float(v) for v in clf.coef_[0]]
        self.weights = [w / s for w, s in zip(self.coef, self.scales, strict=True)]
        self.bias = float(clf.intercept_[0]) - sum(
            w * m for w, m in zip(self.weights, self.means, strict=True)
        )
        self._weight_array = np.array(self.weights, dtype=float)
        # (column, weight, mean, words) of each column a reason can name.
        self._named = [(j, self.weights[j], self.means[j], str(_WORDS[j])) for j in _NAMED_COLUMNS]

    def column_probabilities(self, columns: Sequence[Sequence[float]]) -> list[float]:
        """``probabilities`` of the rows these columns (``line_columns``) make, as one
        matrix product: turning the columns into an array once costs a third less than a
        Python dot product per line, on a 30-line article.

        The array is read from the doubles ``struct`` packs the columns' values into: the
        same C-ordered float64 array as ``np.array`` makes of the nested lists (so the same
        product, bit for bit), where numpy's own conversion, ``np.fromiter`` included, paid
        for working out the type of each of a mix of bools, ints and floats (a true became a
        float object on the way): it cost more than all the rest of the product."""
        import numpy as np

        if not columns or not len(columns[0]):
            return []
        n_rows, n_lines = len(columns), len(columns[0])
        size = n_rows * n_lines
        packed = struct.pack(f"{size}d", *chain.from_iterable(columns))
        matrix = np.frombuffer(packed, float, size).reshape(n_rows, n_lines)
        z = self._weight_array @ matrix + self.bias
        # Capped so that exp cannot overflow: below z = -500 the probability is 0 to double
        # precision anyway (np.minimum: a third of np.clip's cost on 30 numbers).
        p = 1.0 / (1.0 + np.exp(np.minimum(-z, 500.0)))
        return p.tolist()  # type: ignore[no-any-return]

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The probability of each row (one line's ``line_columns`` values)."""
        return self.column_probabilities(list(zip(*rows, strict=True)))

    def explain(self, row: Sequence[float], top: int = 2) -> list[str]:
        """The named features that pushed this line furthest towards furniture: each
        column's contribution to the logit against an average line, w * (x - mean), among
        the columns the line has more of than the average line (the words name a property
        the line has, so a feature it lacks is never given as a reason)."""
        return self.explain_line([[x] for x in row], 0, top)

    def explain_line(self, columns: Sequence[Sequence[float]], i: int, top: int = 2) -> list[str]:
        """``explain`` for line ``i`` of these columns (``line_columns``), read in place:
        the scorer explains a few lines of each article and need not cut out their rows."""
        # sorted()[:top] is what heapq.nlargest returns, and for a score of items is faster.
        pushes = sorted(
            [
                (w * (columns[j][i] - m), words)
                for j, w, m, words in self._named
                if columns[j][i] > m
            ],
            reverse=True,
        )[:top]
        return [words for value, words in pushes if value > 0]


# --- layouts for training --------------------------------------------------------------------


def _wrap(line: str) -> list[str]:
    return textwrap.wrap(line, 72, break_long_words=False, break_on_hyphens=False) or [line]


# name -> (how one line is laid out as physical lines, what separates two lines)
LAYOUTS: dict[str, tuple[Callable[[str], list[str]], str]] = {
    "extracted": (lambda line: [line], "\n"),  # one line per block, as scrapers emit it
    "blank": (lambda line: [line], "\n\n"),  # a blank line between paragraphs
    "wrapped": (_wrap, "\n\n"),  # hard-wrapped at 72 columns, like e-mail and plain text
    "indented": (lambda line: [f"    {line}"], "\n\n"),  # indented paragraphs
}


def layout(text: str, labels: Sequence[bool], name: str) -> tuple[str, list[bool]]:
    """``text`` (one label per line of ``biaskit.text.lines``) laid out as ``name``; each
    new line carries the label of the line it came from."""
    from biaskit_boilerplate.features import split_lines

    segs = split_lines(text)
    if len(segs) != len(labels):
        raise ValueError("labels are not aligned with biaskit.text.lines()")
    make, separator = LAYOUTS[name]
    blocks: list[str] = []
    out_labels: list[bool] = []
    for seg, label in zip(segs, labels, strict=True):
        pieces = make(seg.text)
        blocks.append("\n".join(pieces))
        out_labels.extend([label] * len(pieces))
    return separator.join(blocks) + "\n", out_labels


# --- fitting ----------------------------------------------------------------------------------


Labelled = Sequence[tuple[str, Sequence[bool]]]


def crop(text: str, labels: Sequence[bool], rng: random.Random) -> tuple[str, list[bool]]:
    """The page cut down to its article and up to 3 lines of furniture above it and 6 below,
    as an extractor that kept the article and a little of the page around it would leave it
    (the input biaskit's users have: article text, already extracted)."""
    from biaskit_boilerplate.features import split_lines

    segs = split_lines(text)
    article = [i for i, label in enumerate(labels) if not label]
    if not article:
        return text, list(labels)
    start = max(0, article[0] - rng.randint(0, 3))
    end = min(len(segs), article[-1] + 1 + rng.randint(0, 6))
    kept = segs[start:end]
    return "\n".join(s.text for s in kept) + "\n", list(labels[start:end])


class Rows(NamedTuple):
    rows: list[tuple[float, ...]]
    rules: list[Decision]
    labels: list[bool]


def matrix(docs: Labelled, layouts: Sequence[str], random_state: int = 0) -> Rows:
    """Model rows, rule decisions and labels of every line of every document: each page
    whole and cropped to its article (``crop``), in each of ``layouts``."""
    rng = random.Random(random_state)
    out = Rows([], [], [])
    for text, labels in docs:
        versions = [(text, list(labels)), crop(text, labels, rng)]
        for version, version_labels in versions:
            for name in layouts:
                laid, laid_labels = layout(version, version_labels, name)
                found = line_rows(laid)
                if len(found.rows) != len(laid_labels):
                    raise ValueError("labels are not aligned with biaskit.text.lines()")
                out.rows.extend(found.rows)
                out.rules.extend(found.rules)
                out.labels.extend(laid_labels)
    return out


def final_probability(model_p: float, rule: Decision) -> float:
    """The model decides, except where the rules have evidence it cannot weigh:
    - a furniture verdict on explicit evidence (a furniture phrase, a timestamp, a byline,
      a row of buttons: right 96-100% of the time on the train pages) stands even where the
      model is less sure;
    - a verdict from the blank-line layout (a credit or a headline glued to a paragraph, a
      subheading or the headline set off by blank lines) stands either way: the train
      pages, one line per block, have no blank lines to learn it from.
    """
    if rule.basis == "layout":
        return rule.probability
    if rule.basis == "explicit" and rule.probability > model_p:
        return rule.probability
    return model_p


def final_probabilities(
    model_ps: Sequence[float], rules: Sequence[Decision], bases: Sequence[str] | None = None
) -> list[float]:
    """``final_probability`` for every line; only the lines a rule has authority over are
    looked at one by one. ``bases``: the rules' bases, if the caller has them as a column."""
    out = list(model_ps)
    if bases is None:
        bases = [d.basis for d in rules]
    for i in compress(range(len(out)), map(_AUTHORITY.__contains__, bases)):
        out[i] = final_probability(out[i], rules[i])
    return out


_AUTHORITY = frozenset({"explicit", "layout"})


def _f1(gold: Sequence[bool], scores: Sequence[float], threshold: float) -> float:
    tp = fp = fn = 0
    for g, s in zip(gold, scores, strict=True):
        p = s >= threshold
        tp += g and p
        fp += p and not g
        fn += g and not p
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _scores(model: LineModel, rows: Rows) -> list[float]:
    probs = model.probabilities(rows.rows)
    return final_probabilities(probs, rows.rules)


def fit_line_model(
    train: Labelled, dev: Labelled, random_state: int
) -> tuple[Any, dict[str, float], dict[str, Any]]:
    """Fit on train (every layout); choose C and the threshold on dev (every layout) by the
    mean boilerplate-line F1 over layouts."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    names = tuple(LAYOUTS)
    train_rows = matrix(train, names, random_state)
    dev_sets = {name: matrix(dev, (name,), random_state) for name in names}
    x = np.asarray(train_rows.rows, dtype=np.float64)
    y = np.asarray(train_rows.labels, dtype=bool)
    best: tuple[float, float, float, Any] | None = None
    for c in C_GRID:
        model = Pipeline(
            [
                ("scale", StandardScaler()),
                ("clf", LogisticRegression(C=c, max_iter=5000, random_state=random_state)),
            ]
        ).fit(x, y)
        scored = {name: _scores(LineModel(model), rows) for name, rows in dev_sets.items()}
        for t in THRESHOLDS:
            mean_f1 = sum(_f1(dev_sets[n].labels, scored[n], t) for n in names) / len(names)
            if best is None or mean_f1 > best[0] + 1e-9:
                best = (mean_f1, c, t, model)
    assert best is not None
    mean_f1, c, threshold, model = best
    fast = LineModel(model)
    metrics = {"f1": mean_f1}
    for name, rows in dev_sets.items():
        metrics[f"f1_{name}"] = _f1(rows.labels, _scores(fast, rows), threshold)
    params = {
        "C": c,
        "threshold": threshold,
        "layouts": list(names),
        "train_lines": len(train_rows.labels),
        "dev_lines": sum(len(rows.labels) for rows in dev_sets.values()),
        "features": list(FEATURE_NAMES),
    }
    return model, metrics, params


def load(path: Path | str) -> Any:
    from biaskit.bench.training import load_model

    return load_model(path, TRUSTED_TYPES)
