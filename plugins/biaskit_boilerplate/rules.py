"""The explainable decision: for each line, a probability of being furniture, a kind and a reason.

Two stages, as in jusText. First each line is judged on its own features: a furniture phrase,
a timestamp or a tag list settles it; running prose settles it the other way; a short or
title-like line stays undecided. Then the undecided lines are settled by where they sit:

- before the first paragraph, the title-like line nearest the text is the headline (with at
  most one line above it as a deck); the rest is menus and section labels;
- after the last paragraph, anything that is not a sentence is furniture (related lists,
  tags, comment boxes);
- between paragraphs, a short line is a subheading, unless it is one of a run of non-sentences
  (a list of links), stuck under a paragraph like a caption credit, or glued to the paragraph
  below it as an inline related headline;
- a line after a bare "Read more:" cue, and a teaser cut off with an ellipsis after
  furniture, belong to the link.

Probabilities are fixed per rule (how often the rule is right, roughly), so the reason and
the number always agree. Each decision also says what it rests on (``Decision.basis``): the
line model (``model.py``) weighs the rules' verdicts with the features, except that a
furniture verdict on explicit evidence, or any verdict read from the blank-line layout,
stands (``model.final_probability``); ``scorer.py`` applies the threshold.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from itertools import chain, compress, pairwise, repeat
from typing import Any, NamedTuple, cast

from biaskit_boilerplate.features import ContextFeatures, LineFeatures, columns_of
from biaskit_boilerplate.patterns import PATTERNS

__all__ = [
    "ARTICLE_KINDS",
    "CONTEXT_RULES",
    "Decision",
    "classify",
    "classify_columns",
    "decision_columns",
    "furniture_kind",
    "furniture_kind_at",
]

ARTICLE_KINDS = frozenset({"text", "headline", "subheading"})
# The rules that decide from a line's place in the document (Decision.basis).
CONTEXT_RULES = (
    "prose",
    "sentence",
    "link",
    "no-paragraph",
    "teaser",
    "headline",
    "deck",
    "above-headline",
    "list",
    "after-article",
    "subheading",
    "ellipsis",
)


class Decision(NamedTuple):
    probability: float
    kind: str
    reason: str
    # Which rule decided, and so what the verdict rests on: "explicit" (a furniture phrase or
    # a shape only furniture has: a timestamp, an agency name, a byline, a row of buttons, a
    # menu), "layout" (the shape of the text: a line glued to a paragraph, a subheading or
    # a headline set off by blank lines, the opening line right above the first paragraph),
    # else the name of the context rule (one of CONTEXT_RULES).
    basis: str = "context"


DecisionColumns = tuple[list[float], list[str], list[str], list[str]]


def decision_columns(decisions: Sequence[Decision]) -> DecisionColumns:
    """The decisions as columns (probabilities, kinds, reasons, bases), in one C-level
    transposition, so that the scorer and the model read them from one."""
    if not decisions:
        return [], [], [], []
    probs, kinds, reasons, bases = map(list, zip(*decisions, strict=True))
    return probs, kinds, reasons, bases


_PROSE = Decision(0.05, "text", "running prose: long, dense with function words", "prose")
_SENTENCE = Decision(0.2, "text", "a complete sentence", "sentence")

# The decision of each furniture phrase (patterns.PATTERNS), made once.
_PATTERN_DECISIONS = tuple(
    Decision(pat.probability, pat.kind, pat.reason, "explicit") for pat in PATTERNS
)


_TIMESTAMP = Decision(0.9, "timestamp", "nothing but a date or time", "explicit")
_AGENCY = Decision(0.9, "credit-line", "a news agency's name alone on a line", "explicit")
_BYLINE = Decision(0.85, "byline", "a byline naming the author", "explicit")
_TAG_LIST = Decision(
    0.85, "tag-list", "a comma-separated list of names, not a sentence", "explicit"
)
_COUNTED = Decision(0.85, "section-label", "a category label with an article count", "explicit")
_SOCIAL = Decision(0.9, "social-prompt", "a row of share buttons", "explicit")
_MENU = Decision(0.85, "navigation", "a menu or breadcrumb of short items", "explicit")
_LINK = Decision(0.8, "navigation", "a bare link, address or handle", "link")
# What ``_own_at`` reads, as one tuple of columns per document: the line features first,
# then the context.
_OWN_LINE_COLUMNS = operator.attrgetter(
    "pattern",
    "timestamp",
    "agency_only",
    "byline",
    "comma_list",
    "count_suffix",
    "social_ratio",
    "n_separators",
    "link_like",
    "n_words",
    "ends_sentence",
    "ends_terminal",
    "stop_ratio",
)
_OWN_CONTEXT_COLUMNS = operator.attrgetter("block_prose", "doc_stop_ratio")
OwnColumns = tuple[Sequence[Any], ...]


def _own_at(columns: OwnColumns, i: int) -> Decision | None:
    """Judge line ``i`` on its own features; None when only its context can tell.

    ``columns``: what it reads (``_OWN_LINE_COLUMNS``, ``_OWN_CONTEXT_COLUMNS``), unpacked
    in one step, where an attribute look-up per feature and line cost a third of the time.
    """
    (
        pattern,
        timestamp,
        agency_only,
        byline,
        comma_list,
        count_suffix,
        social_ratio,
        n_separators,
        link_like,
        n_words,
        ends_sentence,
        ends_terminal,
        stop_ratio,
        block_prose,
        doc_stop_ratio,
    ) = columns
    phrase: int = pattern[i]
    if phrase:
        return _PATTERN_DECISIONS[phrase - 1]
    if timestamp[i]:
        return _TIMESTAMP
    if agency_only[i]:
        return _AGENCY
    if byline[i]:
        return _BYLINE
    if comma_list[i]:
        return _TAG_LIST
    words = n_words[i]
    sentence = ends_sentence[i]
    if count_suffix[i] and words <= 10 and not sentence:
        return _COUNTED
    if words and social_ratio[i] >= 0.5 and words <= 10:
        return _SOCIAL
    separators = n_separators[i]
    if separators >= 2 and words <= 4 * (separators + 1) and not sentence:
        return _MENU
    if link_like[i] and words <= 6 and not sentence:
        return _LINK
    if block_prose[i]:
        return _PROSE
    if ends_terminal[i] and words >= 3 and (stop_ratio[i] >= 0.15 or doc_stop_ratio[i] < 0.08):
        return _SENTENCE
    return None


def _own_columns(f: Any, c: Any) -> list[Decision | None]:
    """``_own_at`` of every line of the feature ``table``s ``f`` and ``c``.

    Every line goes through the whole test: a gate that let prose lines without explicit
    evidence skip it (a look at nine columns) cost more than the tests it spared.
    """
    columns = (*_OWN_LINE_COLUMNS(f), *_OWN_CONTEXT_COLUMNS(c))
    return list(map(_own_at, repeat(columns), range(len(f.n_words))))


def _headline_like(n_words: int, starts_upper: int, title_ratio: float) -> bool:
    return n_words >= 4 and (starts_upper == 1 or title_ratio >= 0.6)


def _headline_like_at(f: Any, i: int) -> bool:
    return _headline_like(f.n_words[i], f.starts_upper[i], f.title_ratio[i])


def _kind(n_words: int, starts_upper: int, title_ratio: float) -> str:
    if _headline_like(n_words, starts_upper, title_ratio):
        return "related-link"
    return "section-label" if n_words <= 3 else "navigation"


def furniture_kind(f: LineFeatures) -> str:
    """The kind of a furniture line no phrase names: a related link, a label, a menu item."""
    return _kind(f.n_words, f.starts_upper, f.title_ratio)


def furniture_kind_at(f: Any, i: int) -> str:
    """``furniture_kind`` of line ``i`` of a ``table`` of line features."""
    return _kind(f.n_words[i], f.starts_upper[i], f.title_ratio[i])


_NO_PARAGRAPH = Decision(0.4, "text", "no paragraph to compare with; kept as text", "no-paragraph")


def classify(feats: Sequence[LineFeatures], ctx: Sequence[ContextFeatures]) -> list[Decision]:
    """Decide every line of one document; ``feats`` and ``ctx`` are index-aligned."""
    if len(feats) != len(ctx):
        raise ValueError("feats and ctx are not index-aligned")
    return classify_columns(columns_of(LineFeatures, feats), columns_of(ContextFeatures, ctx))


def classify_columns(f: Any, c: Any) -> list[Decision]:
    """``classify`` on a document's line and context features as ``table``s of columns
    (``Analysis.line_columns``, ``Analysis.context_columns``): the rules read ``f.n_words[i]``
    where they read ``feats[i].n_words``, and the scorer builds no named tuple per line."""
    n = len(f.n_words)
    own = _own_columns(f, c)
    out: list[Decision | None] = list(own)
    prose = list(compress(range(n), c.block_prose))

    if not prose:
        _runs(f, c, own, out, 0, n)
        for i in range(n):
            if out[i] is None:
                out[i] = _NO_PARAGRAPH
        return _follow_cues(f, c, out)

    prose = _main_cluster(f, prose, out)
    first, last = prose[0], prose[-1]
    _header(f, c, out, first)
    _runs(f, c, own, out, first, n)
    for i in range(last + 1, n):
        if out[i] is None:
            out[i] = Decision(
                0.75,
                furniture_kind_at(f, i),
                "after the last paragraph and not a sentence",
                "after-article",
            )
    for i in range(first, last + 1):
        if out[i] is None:
            out[i] = _between_paragraphs(i, f, c)
    return _follow_cues(f, c, out)


# Paragraphs more than this many non-prose lines apart belong to different stories.
GAP_LINES = 8
# A group of paragraphs with less than this share of the main group's text is not the article.
MINOR_SHARE = 0.3
_TEASER = Decision(
    0.6, "teaser", "prose cut off from the article by a stretch of furniture", "teaser"
)


def _main_cluster(f: Any, prose: list[int], out: list[Decision | None]) -> list[int]:
    """Keep the paragraphs of the article itself; prose far from it is a teaser or a comment.

    Paragraphs are grouped wherever more than ``GAP_LINES`` non-prose lines part them; the
    group with the most text is the article, and a group much smaller than it, cut off by
    a stretch of furniture, is another story's teaser or a reader's comment.
    """
    clusters: list[list[int]] = [[prose[0]]]
    for a, b in pairwise(prose):
        if b - a - 1 > GAP_LINES:
            clusters.append([])
        clusters[-1].append(b)
    if len(clusters) == 1:
        return prose
    n_chars = f.n_chars
    sizes = [sum(n_chars[i] for i in c) for c in clusters]
    top = max(sizes)
    keep: list[int] = []
    for c, size in zip(clusters, sizes, strict=True):
        if size >= MINOR_SHARE * top:
            keep.extend(c)
        else:
            for i in c:
                out[i] = _TEASER
    return keep


def _header(f: Any, c: Any, out: list[Decision | None], first: int) -> None:
    """Lines before the first paragraph: the headline (and deck) nearest the text, then menus."""
    kept = 0  # 0: no headline yet; 1: headline found, a deck may sit above it; 2: done
    headline_at = first
    n_words = f.n_words
    for i in range(first - 1, -1, -1):
        if out[i] is not None:
            continue
        if kept == 0 and n_words[i] >= 2:
            if c.doc_blank_separated[i] >= 0.5 and c.blank_after[i] and c.blank_before[i]:
                out[i] = Decision(
                    0.1,
                    "headline",
                    "the title-like line set off by blank lines above the first paragraph",
                    "layout",
                )
            elif i == 0 and first == 1:
                out[i] = Decision(
                    0.1,
                    "headline",
                    "the opening line, right above the first paragraph",
                    "layout",
                )
            else:
                out[i] = Decision(
                    0.1,
                    "headline",
                    "the title-like line just above the first paragraph",
                    "headline",
                )
            kept, headline_at = 1, i
            continue
        if kept == 1 and n_words[i] >= 4 and f.starts_upper[i] and headline_at - i <= 2:
            out[i] = Decision(
                0.3, "headline", "a second title-like line just above the headline", "deck"
            )
            kept = 2
            continue
        kind = "section-label" if n_words[i] <= 3 else furniture_kind_at(f, i)
        out[i] = Decision(
            0.75, kind, "above the headline: a menu item or section label", "above-headline"
        )
        kept = 2 if kept else 0


def _runs(
    f: Any,
    c: Any,
    own: Sequence[Decision | None],
    out: list[Decision | None],
    lo: int,
    hi: int,
) -> None:
    """Undecided lines in a run of three or more non-sentences are a list of links or a menu.

    In text whose paragraphs are set apart by blank lines, a run whose lines are glued
    together (no blank line inside it) is a list by its layout as well. The lines that end
    a run are found in C, where a step per line looked for them."""
    blank_before = c.blank_before
    judged = own[lo:hi]
    # Where a run ends: a line its own features call prose or a sentence, or the end.
    texts = map(
        operator.or_,
        map(operator.is_, judged, repeat(_PROSE)),
        map(operator.is_, judged, repeat(_SENTENCE)),
    )
    i = lo
    for j in chain(compress(range(lo, hi), texts), (hi,)):
        if j - i >= 3:
            glued = c.doc_blank_separated[i] >= 0.5 and not any(blank_before[i + 1 : j])
            for k in range(i, j):
                if out[k] is None:
                    if glued:
                        out[k] = Decision(
                            0.8,
                            furniture_kind_at(f, k),
                            f"one of {j - i} lines glued together, none a sentence: a list",
                            "layout",
                        )
                    else:
                        out[k] = Decision(
                            0.8,
                            furniture_kind_at(f, k),
                            f"one of {j - i} consecutive lines that are not sentences: a list",
                            "list",
                        )
        i = j + 1


def _between_paragraphs(i: int, f: Any, c: Any) -> Decision:
    spaced = c.doc_blank_separated[i] >= 0.5
    blank_before, blank_after = c.blank_before[i], c.blank_after[i]
    prev_prose, next_prose = c.prev_prose[i], c.next_prose[i]
    n_words = f.n_words[i]
    prev_glued = not blank_before
    next_glued = not blank_after
    if spaced and n_words <= 3 and prev_glued and prev_prose and blank_after:
        return Decision(
            0.7, "credit-line", "a short line stuck under a paragraph: a credit", "layout"
        )
    if (
        spaced
        and _headline_like_at(f, i)
        and n_words >= 6
        and blank_before
        and next_glued
        and next_prose
    ):
        return Decision(
            0.7,
            "related-link",
            "a headline glued to the paragraph below: a link to another story",
            "layout",
        )
    if (
        spaced
        and _headline_like_at(f, i)
        and next_glued
        and i + 1 < len(f.n_words)
        and not c.block_prose[i + 1]
        and _headline_like_at(f, i + 1)
    ):
        return Decision(0.75, "related-link", "one of several headlines stacked together", "layout")
    if spaced and blank_before and blank_after and prev_prose and next_prose:
        return Decision(
            0.25,
            "subheading",
            "a short line set off by blank lines between two paragraphs: a subheading",
            "layout",
        )
    return Decision(
        0.25, "subheading", "a short line between paragraphs: a subheading", "subheading"
    )


_AFTER_CUE = Decision(0.8, "read-more", "the headline a 'read more' cue points to", "explicit")
_AFTER_LINK = Decision(
    0.8, "read-more", "a teaser cut off with an ellipsis, after a link", "ellipsis"
)
_CUT_OFF = Decision(0.65, "read-more", "a teaser cut off mid-phrase with an ellipsis", "ellipsis")


def _follow_cues(f: Any, c: Any, out: Sequence[Decision | None]) -> list[Decision]:
    """Lines that belong to the link a bare cue or a furniture line introduced.

    Only a line right after a furniture phrase (the cue) or one that ends in an ellipsis
    can change, and only those are looked at, in order (each may read the line above as
    decided here): a look at every line cost a Python step per line of the article.
    """
    done = cast(list[Decision], list(out))
    n = len(done)
    pattern, n_words, ellipsis = f.pattern, f.n_words, f.ends_ellipsis
    after_phrase = map(operator.add, compress(range(n - 1), pattern), repeat(1))
    for i in sorted({*after_phrase, *compress(range(n), ellipsis)}):
        d = done[i]
        above = i - 1
        # The line above is a cue: a short furniture phrase decided as "read more".
        after_cue = i and pattern[above] and n_words[above] <= 4 and done[above].kind == "read-more"
        if after_cue and not pattern[i] and not c.block_prose[i]:
            done[i] = _AFTER_CUE
        elif ellipsis[i] and d.probability < 0.5:
            if i and done[above].probability >= 0.5:
                done[i] = _AFTER_LINK
            elif f.ends_function_word[i]:
                done[i] = _CUT_OFF
    return done
