"""Which candidate words are attribution cues: a learned classifier, or the hand lexicon.

The learned cue classifier is a logistic regression over the readable features of
``features.candidate_features``, fitted with scikit-learn (``biaskit train
source_attribution polnear``) and stored with skops. At scoring time the fitted model is
read once into a plain table from feature to weight, so deciding a candidate costs a dozen
dictionary look-ups and no scikit-learn call; every accepted cue can say which of its
word and context features weighed most (the sentence and frame features are added to the
decision but not named).

Candidates are the words the model knows as cues: words that were (part of) a cue in the
training data often enough and in a large enough share of their occurrences, plus every
word of the hand lexicon. Function words (auxiliaries, prepositions, articles...) are never
candidates on their own; they join a cue through extension: an auxiliary or adverb before
the cue word ("has also said"), and a particle after it that training showed belongs to the
cue ("called for", "referring to", "according to").

Without a model file the scorer uses ``RuleCueModel``: the hand lexicon's classes and the
same context the features read (a reporting verb that takes a bare complement, others only
before "that", a colon, a quotation or the sentence end).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import reduce
from itertools import repeat
from operator import add
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .cues import ACCORDING, BARE, LEXICON_KEYS, NOSOURCE, QUOTE, THAT, lexicon_kind
from .features import (
    FRAME_TEMPLATES,
    SENTENCE_TEMPLATES,
    TEMPLATES,
    TRAIL,
    WORD_TEMPLATES,
    Parts,
    candidate_features,
    candidate_parts,
    candidate_values,
    frame_values,
    near_sentence_end,
    next_shape,
    sentence_neighbours,
    sentence_values,
    values_of,
    word_key,
    word_values,
)
from .frames import CueHit
from .phrases import TIME_NAMES, ly_adverb
from .scan import PUNCT, Scan, key, scan, surface_forms

if TYPE_CHECKING:
    from biaskit.bench.model import Example

# ``CueModel.decide`` adds the template weights in this order, spelled out.
assert TEMPLATES == (
    "trail",
    "w|trail",
    "prev_trail",
    "prev_shape",
    "prev2",
    "next2",
    "w|next",
    "prev|w",
    "quote",
    "that",
)

__all__ = [
    "DEFAULT_MODEL",
    "TRUSTED_TYPES",
    "CueDecider",
    "CueModel",
    "RuleCueModel",
    "fit_cue_model",
    "load",
]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


DEFAULT_MODEL = Path(__file__).with_name("cue_model.skops")

# The types a saved model may contain; anything else in a file is refused at load time.
TRUSTED_TYPES = ("sklearn.linear_model._logistic.LogisticRegression",)

# Closed-class words: never a candidate cue by themselves.
STOP = _set(
    """
    a an the this that these those it its he she they i we you him her them us me my
    your his our their who whom whose which what when where why how and or but nor so
    yet if then than as at by for from in into of off on onto out over to up with
    without about after before between during through under until upon via is are was
    were be been being am has have had do does did will would shall should can could may
    might must not no n't also just very more most much many some any all both each
    either neither other such only own same too there here now s mr mrs ms dr
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    tonight week weeks month months year years day days night morning afternoon evening
    weekend last next ago earlier later january february march april june july august
    september october november december
    """
)
# Words that join a cue from the left: "has said", "would also argue", "did not deny".
LEFT_JOIN = _set(
    """
    has have had is are was were will would also not did does do could can may might
    should must been be being never still already repeatedly publicly reportedly later
    long sometimes since then always ever
    previously once again often just even now to has't hasn't haven't didn't doesn't
    don't won't wouldn't can't couldn't continue continues continued used want wants
    wanted try tries tried seek seeks sought began begin begins plan plans planned
    refuse refuses refused decline declines declined fail fails failed
    """
)
# ... with a typographic apostrophe as well ("wouldn’t say").
LEFT_JOIN = LEFT_JOIN | {w.replace("'", "’") for w in LEFT_JOIN if "'" in w}
# Candidate thresholds the training grid tries, and the regularisation strengths.
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55)
C_GRID = (0.1, 0.3, 1.0)
MIN_COUNT = 2
MIN_RATIO = 0.04
MIN_FEATURE_COUNT = 2
# A candidate word the chosen model accepts fewer times than this in train is dropped.
MIN_ACCEPTED = 2
# ... or in less than this share of its train occurrences (chosen on dev: no loss there,
# a quarter fewer candidates to score).
MIN_ACCEPT_SHARE = 0.1


class CueDecider(Protocol):
    """What the scorer needs from a cue model."""

    forms: frozenset[str]

    def decide(self, s: Scan) -> list[CueHit]: ...


def _core_span(word: str, pos: int) -> tuple[int, int]:
    lead = len(word) - len(word.lstrip(PUNCT))
    core = word.strip(PUNCT)
    return pos + lead, pos + lead + len(core)


def _extend(
    s: Scan, i: int, start: int, end: int, right: frozenset[tuple[str, str]]
) -> tuple[int, int] | None:
    """The cue phrase around candidate word ``i``, whose core (the word without its
    punctuation, see ``_core_span``) spans ``start``-``end``: joined auxiliaries and adverbs
    before, a learned particle after; None for "according" without "to"."""
    words, text = s.words, s.text
    w = words[i]
    k = word_key(w)
    # ``start``/``end`` bound ``w.strip(PUNCT)`` (see ``_core_span``): the word has no
    # punctuation around it exactly when they span all of it.
    plain = end - start == len(w)
    if k == "according":
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if not plain or word_key(nxt) != "to":
            return None
        j = text.find(nxt, end)
        return start, j + len(nxt.rstrip(PUNCT))
    if plain and i + 1 < len(words):
        nxt = words[i + 1]
        if (
            (k, word_key(nxt)) in right
            and nxt[:1].isalpha()
            # "reported on Monday": the particle opens a time adjunct.
            and not (i + 2 < len(words) and words[i + 2].rstrip(PUNCT) in _TIME_WORDS)
        ):
            j = text.find(nxt, end)
            if 0 <= j - end <= 3:
                end = j + len(nxt.rstrip(PUNCT))
    if not plain and text.startswith(":", end):
        # "said:": PolNeAR's annotators keep the colon that hands over to the quotation.
        end += 1
    j = i - 1
    # The cheap look-up first: most words before a cue are not in ``LEFT_JOIN``.
    while (
        j >= 0
        and (words[j].lower() in LEFT_JOIN or (words[j].endswith("ly") and ly_adverb(words[j])))
        and words[j] == words[j].strip(PUNCT)
        # "The plan was criticized": "plan" after a determiner is a noun, the subject.
        and not (j > 0 and words[j].lower() in _ALSO_NOUNS and words[j - 1].lower() in _DETERMINERS)
    ):
        p = text.rfind(words[j], 0, start)
        if p < 0 or start - (p + len(words[j])) > 3 or text[p + len(words[j]) : start].strip():
            break
        start = p
        j -= 1
    return start, end


_ZEROS = repeat(0.0)
# Words whose share of ``explain`` is remembered (a candidate vocabulary has a few thousand).
_WORD_BEST_MAX = 50_000


class CueModel:
    """A fitted cue classifier as weight tables (see the module docstring).

    ``weights`` maps readable feature strings ("w=said", "next=that") to their weight.
    They are split by template at construction: the word templates fold into one prior per
    candidate word (bias included), the context templates into one table each.
    """

    def __init__(
        self,
        vocabulary: Iterable[str],
        weights: dict[str, float],
        bias: float,
        threshold: float,
        extend_right: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.vocabulary = frozenset(vocabulary)
        self.forms = surface_forms(self.vocabulary)
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.extend_right = frozenset(extend_right)
        self.cut = math.log(threshold / (1 - threshold))
        tables: dict[str, dict[str, float]] = {
            n: {} for n in (*WORD_TEMPLATES, *TEMPLATES, *SENTENCE_TEMPLATES, *FRAME_TEMPLATES)
        }
        for feature, weight in weights.items():
            name, _, value = feature.partition("=")
            if name in tables:
                tables[name][value] = weight
        self._prior = {
            k: bias
            + sum(
                tables[n].get(v, 0.0) for n, v in zip(WORD_TEMPLATES, word_values(k), strict=True)
            )
            for k in self.vocabulary
        }
        self._tables = tables
        self._getters = [tables[n].get for n in TEMPLATES]
        self._context_tables = [tables[n] for n in TEMPLATES]
        # The pair templates by candidate word: word -> (trail -> weight, next word ->
        # weight, previous word -> weight), so that scoring looks the pair up in a small
        # table of the word instead of building "said|that" and looking that up among all
        # pairs (the commonest cue words' tables stay in the processor's cache). A pair
        # string may hold more than one "|"; every split naming a candidate word is kept,
        # so a look-up finds exactly the weight of the joined string.
        self._pairs: dict[str, tuple[dict[str, float], dict[str, float], dict[str, float]]] = {
            k: ({}, {}, {}) for k in self.vocabulary
        }
        pairs = self._pairs
        for slot, name in ((0, "w|trail"), (1, "w|next"), (2, "prev|w")):
            for v, w in tables[name].items():
                for j, ch in enumerate(v):
                    if ch != "|":
                        continue
                    word, other = (v[:j], v[j + 1 :]) if slot < 2 else (v[j + 1 :], v[:j])
                    if word in pairs:
                        pairs[word][slot][other] = w
        self._singles = [
            tables[n].get
            for n in ("trail", "prev_trail", "prev_shape", "prev2", "next2", "quote", "that")
        ]
        self._word_best: dict[str, tuple[tuple[float, str], tuple[float, str]]] = {}
        self._sentence = _folded(self.vocabulary, tables, SENTENCE_TEMPLATES, sentence_values)
        self._frame = _folded(self.vocabulary, tables, FRAME_TEMPLATES, frame_values)

    @classmethod
    def from_payload(cls, payload: dict[str, Any], threshold: float | None = None) -> CueModel:
        """From what ``fit_cue_model`` stores: the fitted classifier, the names of its
        features (one string, a name a line, in column order: far smaller in a skops file
        than a DictVectorizer's vocabulary), the candidate words and the particles that
        extend a cue."""
        clf = payload["classifier"]
        names = payload["features"].split("\n")
        coef = clf.coef_[0].tolist()
        weights = {name: c for name, c in zip(names, coef, strict=True) if c != 0.0}
        pairs = [p.split(" ", 1) for p in payload["extend_right"].split("\n") if " " in p]
        return cls(
            payload["vocabulary"].split("\n"),
            weights,
            float(clf.intercept_[0]),
            float(payload["threshold"] if threshold is None else threshold),
            [(a, b) for a, b in pairs],
        )

    def logit(self, s: Scan, i: int, pos: int, nb: str) -> float:
        """The decision value of candidate word ``i`` (at ``pos``, with the value ``nb`` of
        ``sentence_neighbours``); -inf if unknown."""
        k = key(s.words[i])
        z = self._prior.get(k)
        if z is None:
            return -math.inf
        values = candidate_values(s, i, pos)
        for get, v in zip(self._getters, values, strict=True):
            z += get(v, 0.0)
        shape = next_shape(s, i, values[TRAIL])
        return z + self._sentence[k].get(nb, 0.0) + self._frame[k].get(shape, 0.0)

    def explain(self, k: str, values: Sequence[str], weights: Sequence[float] | None = None) -> str:
        """The two features that weighed most for a candidate (its key and context
        values), as readable strings ("w=said, w|next=said|that"). ``weights`` may give
        the context values' weights, when the caller has looked them up already."""
        # The two best so far, read in template order; what the word templates leave is
        # the same for every occurrence of a word, so it is worked out once per word.
        start = self._word_start(k)
        if weights is None:
            weights = list(map(dict.get, self._context_tables, values, _ZEROS))
        best = self._best(start, TEMPLATES, values, weights)
        return ", ".join(f for _, f in best if f)

    def _best(
        self,
        best: tuple[tuple[float, str], tuple[float, str]],
        names: Sequence[str],
        values: Sequence[str],
        weights: Sequence[float] | None = None,
    ) -> tuple[tuple[float, str], tuple[float, str]]:
        """``best`` (the two heaviest features so far, heaviest first; ties keep the
        earlier) updated with the features ``names[j]=values[j]`` (of weight
        ``weights[j]``, looked up when not given) in order."""
        if weights is None:
            tables = self._tables
            weights = [tables[name].get(v, 0.0) for name, v in zip(names, values, strict=True)]
        first, second = best
        for name, v, w in zip(names, values, weights, strict=True):
            if w > second[0]:
                second = (w, f"{name}={v}")
                if w > first[0]:
                    first, second = second, first
        return first, second

    def _word_start(self, k: str) -> tuple[tuple[float, str], tuple[float, str]]:
        """The two heaviest word-template features of ``k`` (worked out once per word)."""
        start = self._word_best.get(k)
        if start is None:
            start = self._best((((0.0, ""), (0.0, ""))), WORD_TEMPLATES, word_values(k))
            if len(self._word_best) >= _WORD_BEST_MAX:
                self._word_best.clear()
            self._word_best[k] = start
        return start

    def _why(self, k: str, parts: Parts, weights: Sequence[float], p: float) -> str:
        """``f"model p={p:.2f}: {self.explain(k, values_of(parts), weights)}"``, the same
        two best features chosen by the same comparisons, but only the winners' readable
        strings are built (``test_fast_paths`` checks it against ``explain``)."""
        (w1, f1), (w2, f2) = self._word_start(k)
        first = (w1, f1, -1)
        second = (w2, f2, -1)
        for j, w in enumerate(weights):
            if w > second[0]:
                second = (w, "", j)
                if w > first[0]:
                    first, second = second, first
        values: list[str] | None = None
        out = []
        for _, f, j in (first, second):
            if j >= 0:
                if values is None:
                    values = values_of(parts)
                f = f"{TEMPLATES[j]}={values[j]}"
            if f:
                out.append(f)
        return f"model p={p:.2f}: {', '.join(out)}"

    def decide(self, s: Scan) -> list[CueHit]:
        hits: list[CueHit] = []
        words = s.words
        prior = self._prior
        pairs = self._pairs
        g_trail, g_prev_trail, g_shape, g_prev2, g_next2, g_quote, g_that = self._singles
        cut = self.cut
        sentence, frame = self._sentence, self._frame
        for (i, pos), nb in zip(s.candidates, sentence_neighbours(s), strict=True):
            k = word_key(words[i])
            z = prior.get(k)
            if z is None or _adjective(words, i):
                continue
            parts = candidate_parts(s, i, pos)
            _, t, pt, shape, prev2, next2, nk, pk, quote, that = parts
            by_trail, by_next, by_prev = pairs[k]
            # The weights in ``TEMPLATES`` order, added one by one to z as a loop of
            # ``z += table.get(value, 0.0)`` would; they are kept for ``explain``.
            weights = [
                g_trail(t, 0.0),
                by_trail.get(t, 0.0),
                g_prev_trail(pt, 0.0),
                g_shape(shape, 0.0),
                g_prev2(prev2, 0.0),
                g_next2(next2, 0.0),
                by_next.get(nk, 0.0),
                by_prev.get(pk, 0.0),
                g_quote(quote, 0.0),
                g_that(that, 0.0),
            ]
            z = reduce(add, weights, z) + sentence[k].get(nb, 0.0)
            z += frame[k].get(next_shape(s, i, t), 0.0)
            if z < cut:
                continue
            start, end = _core_span(words[i], pos)
            span = _extend(s, i, start, end, self.extend_right)
            if span is None:
                continue
            p = 1.0 / (1.0 + math.exp(-z))
            reason = functools.partial(self._why, k, parts, weights, p)
            hits.append(CueHit(span[0], span[1], k, p, reason=reason))
        return _merge(hits, s.text)


def _folded(
    vocabulary: Iterable[str],
    tables: dict[str, dict[str, float]],
    templates: Sequence[str],
    values_of_word: Callable[[str, str], Sequence[str]],
) -> dict[str, dict[str, float]]:
    """Word -> (value -> summed weight of ``templates``) for templates that read one value
    alone and joined to word classes (``features.SENTENCE_TEMPLATES``: "nb", "lex|nb",
    "cls|nb", whose values ``values_of_word(word, value)`` gives), so that scoring adds
    their weight with one look-up. Words of the same classes share one table."""
    values = set(tables[templates[0]])
    for name in templates[1:]:
        values.update(v.partition("|")[2] for v in tables[name])
    shared: dict[tuple[str, ...], dict[str, float]] = {}
    out: dict[str, dict[str, float]] = {}
    for k in vocabulary:
        classes = tuple(values_of_word(k, "")[1:])
        table = shared.get(classes)
        if table is None:
            table = shared[classes] = {}
            for value in values:
                w = sum(
                    tables[name].get(v, 0.0)
                    for name, v in zip(templates, values_of_word(k, value), strict=True)
                )
                if w != 0.0:
                    table[value] = w
        out[k] = table
    return out


def _merge(hits: list[CueHit], text: str) -> list[CueHit]:
    """Adjacent or overlapping cue phrases are one cue ("has said", "told reporters"),
    except a noun after a determiner before a verb cue: in "The reports show" and "The
    Advocate had chided" the noun is the subject, and the verb alone the cue."""
    out: list[CueHit] = []
    for h in hits:
        if out and h.start <= out[-1].end + 1:
            last = out[-1]
            if h.start > last.end and _DETERMINER_BEFORE.search(
                text, max(0, last.start - 8), last.start
            ):
                out[-1] = h
                continue
            best = last if last.probability >= h.probability else h
            out[-1] = CueHit(
                last.start,
                max(last.end, h.end),
                best.head,
                best.probability,
                best.why,
                reason=best.reason,
            )
        else:
            out.append(h)
    return out


_TIME_WORDS = TIME_NAMES | _set("Jan. Feb. Aug. Sept. Oct. Nov. Dec.")
_ALSO_NOUNS = frozenset(["plan", "plans", "want", "wants", "try", "tries", "decline", "refuse"])
_DETERMINER_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Tt]his|[Tt]heir|[Hh]is|[Hh]er|[Ii]ts)\s+$"
)


class RuleCueModel:
    """The hand lexicon's decision, for use without a trained model."""

    def __init__(self) -> None:
        self.forms = surface_forms(LEXICON_KEYS)

    def decide(self, s: Scan) -> list[CueHit]:
        hits: list[CueHit] = []
        quote_at = TEMPLATES.index("quote")
        that_at = TEMPLATES.index("that")
        trail_at = TEMPLATES.index("trail")
        for i, pos in s.candidates:
            if _adjective(s.words, i):
                continue
            values = candidate_values(s, i, pos)
            k = key(s.words[i])
            kind = lexicon_kind(k)
            quoted = values[quote_at] != "none"
            framed = (
                quoted
                or values[that_at] != "none"
                or values[trail_at] == ":"
                or near_sentence_end(s, i)
            )
            if s.words[i][:1].isupper() and kind not in (ACCORDING, NOSOURCE):
                continue
            if kind == BARE or (kind == THAT and framed) or (kind == QUOTE and quoted):
                p, why = (0.9 if kind == BARE else 0.75), f"lexicon: {kind} reporting verb"
            elif kind in (ACCORDING, NOSOURCE):
                p, why = 0.85, f"lexicon: {k}"
            else:
                continue
            start, end = _core_span(s.words[i], pos)
            span = _extend(s, i, start, end, frozenset())
            if span is not None:
                hits.append(CueHit(span[0], span[1], k, p, why))
        return _merge(hits, s.text)


_DETERMINERS = _set("a an the his her their its this that these those our my your whose")


def _adjective(words: Sequence[str], i: int) -> bool:
    """A participle right after a determiner is an adjective ("a noted author", "the
    stated aim", "her reported remarks"), not a reporting verb."""
    if i == 0 or i + 1 >= len(words) or not words[i + 1][:1].isalpha():
        return False
    prev = words[i - 1].lower()
    if words[i].endswith("ed") and prev in _DETERMINERS:
        return True
    # "whose stated aim": a noun after a participle adjective after a determiner.
    return i > 1 and prev.endswith("ed") and words[i - 2].lower() in _DETERMINERS


def load(path: Path | str) -> CueModel:
    """A model saved by ``biaskit train source_attribution ...`` (skops, trusted types only)."""
    from biaskit.bench.training import load_model

    payload = load_model(path, TRUSTED_TYPES)
    return CueModel.from_payload(payload)


# --- training -------------------------------------------------------------------------

_WS_WORD = re.compile(r"\S+")


def _gold(ex: Example, label: str) -> list[tuple[int, int]]:
    return sorted((g.start, g.end) for g in ex.spans if g.label == label)


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    import bisect

    i = bisect.bisect_left(spans, (end, end))
    return any(s < end and e > start for s, e in spans[max(0, i - 3) : i])


def learn_vocabulary(
    examples: Sequence[Example], min_count: int = MIN_COUNT, min_ratio: float = MIN_RATIO
) -> tuple[frozenset[str], list[str]]:
    """Words that are (part of) a gold cue at least ``min_count`` times and in at least
    ``min_ratio`` of their occurrences (function words aside), and the particles that
    follow a cue word inside the cue at least half the time ("called for")."""
    in_cue: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    pair_in: Counter[tuple[str, str]] = Counter()
    pair_seen: Counter[tuple[str, str]] = Counter()
    for ex in examples:
        cues = _gold(ex, "Cue")
        prev: tuple[str, bool, int] | None = None
        for m in _WS_WORD.finditer(ex.text):
            k = key(m.group())
            inside = _overlaps(cues, m.start(), m.end())
            seen[k] += 1
            in_cue[k] += inside
            if prev is not None and prev[1] and k in STOP:
                pair_seen[(prev[0], k)] += 1
                pair_in[(prev[0], k)] += inside and _same_cue(cues, prev[2], m.start())
            prev = (k, inside and m.group() == m.group().strip(PUNCT), m.start())
    vocab = frozenset(
        k
        for k, c in in_cue.items()
        if c >= min_count
        and c / seen[k] >= min_ratio
        and k not in STOP
        and any(ch.isalpha() for ch in k)
    )
    right = sorted(
        f"{a} {b}"
        for (a, b), c in pair_in.items()
        if c >= 3 and c / pair_seen[(a, b)] >= 0.5 and a in vocab
    )
    return vocab, right


def _same_cue(cues: Sequence[tuple[int, int]], a: int, b: int) -> bool:
    return any(s <= a and b < e for s, e in cues)


def candidate_rows(
    examples: Sequence[Example], forms: frozenset[str]
) -> tuple[list[dict[str, float]], list[bool]]:
    """Features and gold label (inside a gold cue or not) of every candidate word."""
    rows: list[dict[str, float]] = []
    labels: list[bool] = []
    for ex in examples:
        cues = _gold(ex, "Cue")
        s = scan(ex.text, forms)
        for (i, pos), nb in zip(s.candidates, sentence_neighbours(s), strict=True):
            start, end = _core_span(s.words[i], pos)
            rows.append(dict.fromkeys(candidate_features(s, i, pos, nb), 1.0))
            labels.append(_overlaps(cues, start, end))
    return rows, labels


def fit_cue_model(
    train: Sequence[Example], dev: Sequence[Example], random_state: int
) -> tuple[dict[str, Any], dict[str, float], dict[str, Any]]:
    """Fit the cue classifier on ``train``; choose C and the threshold on ``dev`` by the
    mean of content and source overlap F1 of the whole scorer (PolNeAR matching)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vocab, right = learn_vocabulary(train)
    forms = surface_forms(vocab | LEXICON_KEYS)
    rows, labels = candidate_rows(train, forms)
    counts: Counter[str] = Counter(f for r in rows for f in r)
    rows = [{f: v for f, v in r.items() if counts[f] >= MIN_FEATURE_COUNT} for r in rows]
    vec = DictVectorizer(sparse=True)
    x = vec.fit_transform(rows)
    best: tuple[float, dict[str, Any], dict[str, float]] | None = None
    for c in C_GRID:
        clf = LogisticRegression(C=c, max_iter=3000, random_state=random_state)
        clf.fit(x, labels)
        payload = {
            "classifier": clf,
            "features": "\n".join(vec.feature_names_),
            "vocabulary": "\n".join(sorted(vocab | LEXICON_KEYS)),
            "extend_right": "\n".join(right),
            "threshold": 0.5,
        }
        for t in THRESHOLDS:
            metrics = evaluate_spans(CueModel.from_payload(payload, t), dev)
            value = (metrics["content_overlap_f1"] + metrics["source_overlap_f1"]) / 2
            if best is None or value > best[0]:
                best = (value, {**payload, "threshold": t}, {**metrics, "C": c})
    assert best is not None
    _, payload, metrics = best
    c = metrics.pop("C")
    # Candidate words the chosen model never accepts in train are not worth looking up;
    # the hand lexicon's are kept all the same: it lists the verbs of saying of news in
    # general, and a word PolNeAR's political copy uses mostly otherwise ("states", "points")
    # or seldom ("confirms", "underlines", "testifies") is a cue in other copy, where the
    # model still weighs each occurrence.
    model = CueModel.from_payload(payload)
    accepted: Counter[str] = Counter()
    seen_words: list[str] = []
    for ex in train:
        s = scan(ex.text, model.forms)
        for (i, pos), nb in zip(s.candidates, sentence_neighbours(s), strict=True):
            k = key(s.words[i])
            seen_words.append(k)
            if model.logit(s, i, pos, nb) >= model.cut:
                accepted[k] += 1
    seen: Counter[str] = Counter(seen_words)
    kept = sorted(
        k
        for k in vocab | LEXICON_KEYS
        if k in LEXICON_KEYS
        or k not in seen
        or (accepted[k] >= MIN_ACCEPTED and accepted[k] / seen[k] >= MIN_ACCEPT_SHARE)
    )
    payload = {**payload, "vocabulary": "\n".join(kept)}
    metrics = evaluate_spans(CueModel.from_payload(payload), dev)
    params = {
        "C": c,
        "threshold": payload["threshold"],
        "vocabulary": len(kept),
        "min_accept_share": MIN_ACCEPT_SHARE,
        "extend_right": len(right),
        "features": len(vec.vocabulary_),
        "train_candidates": len(labels),
        "train_positive": int(sum(labels)),
        "train_documents": len(train),
        "dev_documents": len(dev),
    }
    return payload, metrics, params


def evaluate_spans(model: CueDecider, examples: Sequence[Example]) -> dict[str, float]:
    """Overlap and exact F1 of source, cue and content over ``examples`` (micro)."""
    from biaskit.bench.model import Prediction
    from biaskit.bench.polnear import PolNeAR
    from biaskit.model import Document

    from .scorer import SourceAttributionScorer

    scorer = SourceAttributionScorer(model=model)
    dataset = PolNeAR()
    totals: Counter[str] = Counter()
    for ex in examples:
        result = scorer.score(Document(ex.id, ex.text))
        found = dataset.counts(ex, Prediction((), spans=result.spans))
        for name, (tp, fp, fn) in found.items():
            totals[f"{name}_tp"] += tp
            totals[f"{name}_fp"] += fp
            totals[f"{name}_fn"] += fn
    out: dict[str, float] = {}
    names = {k.rsplit("_", 1)[0] for k in totals}
    for name in sorted(names):
        tp, fp, fn = totals[f"{name}_tp"], totals[f"{name}_fp"], totals[f"{name}_fn"]
        if name.endswith("accuracy"):
            out[name] = tp / (tp + fn) if tp + fn else 0.0
            continue
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[f"{name}_precision"] = p
        out[f"{name}_recall"] = r
        out[f"{name}_f1"] = 2 * p * r / (p + r) if p + r else 0.0
    return out
