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

from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple, cast

from biaskit_boilerplate.features import ContextFeatures, LineFeatures
from biaskit_boilerplate.patterns import PATTERNS

__all__ = [
    "ARTICLE_KINDS",
    "CONTEXT_RULES",
    "Decision",
    "classify",
    "decision_columns",
    "furniture_kind",
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


def _own(f: LineFeatures, c: ContextFeatures) -> Decision | None:
    """Judge a line on its own features; None when only its context can tell."""
    if f.pattern:
        return _PATTERN_DECISIONS[f.pattern - 1]
    if f.timestamp:
        return Decision(0.9, "timestamp", "nothing but a date or time", "explicit")
    if f.agency_only:
        return Decision(0.9, "credit-line", "a news agency's name alone on a line", "explicit")
    if f.byline:
        return Decision(0.85, "byline", "a byline naming the author", "explicit")
    if f.comma_list:
        return Decision(
            0.85, "tag-list", "a comma-separated list of names, not a sentence", "explicit"
        )
    if f.count_suffix and f.n_words <= 10 and not f.ends_sentence:
        return Decision(0.85, "section-label", "a category label with an article count", "explicit")
    if f.n_words and f.social_ratio >= 0.5 and f.n_words <= 10:
        return Decision(0.9, "social-prompt", "a row of share buttons", "explicit")
    if f.n_separators >= 2 and f.n_words <= 4 * (f.n_separators + 1) and not f.ends_sentence:
        return Decision(0.85, "navigation", "a menu or breadcrumb of short items", "explicit")
    if f.link_like and f.n_words <= 6 and not f.ends_sentence:
        return Decision(0.8, "navigation", "a bare link, address or handle", "link")
    if c.block_prose:
        return _PROSE
    if f.ends_terminal and f.n_words >= 3 and (f.stop_ratio >= 0.15 or c.doc_stop_ratio < 0.08):
        return _SENTENCE
    return None


def _headline_like(f: LineFeatures) -> bool:
    return f.n_words >= 4 and (f.starts_upper == 1 or f.title_ratio >= 0.6)


def furniture_kind(f: LineFeatures) -> str:
    """The kind of a furniture line no phrase names: a related link, a label, a menu item."""
    if _headline_like(f):
        return "related-link"
    return "section-label" if f.n_words <= 3 else "navigation"


def classify(feats: Sequence[LineFeatures], ctx: Sequence[ContextFeatures]) -> list[Decision]:
    """Decide every line of one document; ``feats`` and ``ctx`` are index-aligned."""
    n = len(feats)
    own = [_own(f, c) for f, c in zip(feats, ctx, strict=True)]
    out: list[Decision | None] = list(own)
    prose = [i for i, c in enumerate(ctx) if c.block_prose]

    if not prose:
        _runs(feats, ctx, own, out, 0, n)
        for i in range(n):
            if out[i] is None:
                out[i] = Decision(
                    0.4, "text", "no paragraph to compare with; kept as text", "no-paragraph"
                )
        return _follow_cues(feats, ctx, out)

    prose = _main_cluster(feats, prose, out)
    first, last = prose[0], prose[-1]
    _header(feats, ctx, out, first)
    _runs(feats, ctx, own, out, first, n)
    for i in range(last + 1, n):
        if out[i] is None:
            f = feats[i]
            out[i] = Decision(
                0.75,
                furniture_kind(f),
                "after the last paragraph and not a sentence",
                "after-article",
            )
    for i in range(first, last + 1):
        if out[i] is None:
            out[i] = _between_paragraphs(i, feats, ctx)
    return _follow_cues(feats, ctx, out)


# Paragraphs more than this many non-prose lines apart belong to different stories.
GAP_LINES = 8
# A group of paragraphs with less than this share of the main group's text is not the article.
MINOR_SHARE = 0.3


def _main_cluster(
    feats: Sequence[LineFeatures], prose: list[int], out: list[Decision | None]
) -> list[int]:
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
    sizes = [sum(feats[i].n_chars for i in c) for c in clusters]
    top = max(sizes)
    keep: list[int] = []
    for c, size in zip(clusters, sizes, strict=True):
        if size >= MINOR_SHARE * top:
            keep.extend(c)
        else:
            for i in c:
                out[i] = Decision(
                    0.6,
                    "teaser",
                    "prose cut off from the article by a stretch of furniture",
                    "teaser",
                )
    return keep


def _header(
    feats: Sequence[LineFeatures],
    ctx: Sequence[ContextFeatures],
    out: list[Decision | None],
    first: int,
) -> None:
    """Lines before the first paragraph: the headline (and deck) nearest the text, then menus."""
    kept = 0  # 0: no headline yet; 1: headline found, a deck may sit above it; 2: done
    headline_at = first
    for i in range(first - 1, -1, -1):
        if out[i] is not None:
            continue
        f = feats[i]
        if kept == 0 and f.n_words >= 2:
            c = ctx[i]
            if c.doc_blank_separated >= 0.5 and c.blank_after and c.blank_before:
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
        if kept == 1 and f.n_words >= 4 and f.starts_upper and headline_at - i <= 2:
            out[i] = Decision(
                0.3, "headline", "a second title-like line just above the headline", "deck"
            )
            kept = 2
            continue
        kind = "section-label" if f.n_words <= 3 else furniture_kind(f)
        out[i] = Decision(
            0.75, kind, "above the headline: a menu item or section label", "above-headline"
        )
        kept = 2 if kept else 0


def _runs(
    feats: Sequence[LineFeatures],
    ctx: Sequence[ContextFeatures],
    own: Sequence[Decision | None],
    out: list[Decision | None],
    lo: int,
    hi: int,
) -> None:
    """Undecided lines in a run of three or more non-sentences are a list of links or a menu.

    In text whose paragraphs are set apart by blank lines, a run whose lines are glued
    together (no blank line inside it) is a list by its layout as well."""
    i = lo
    while i < hi:
        j = i
        while j < hi and own[j] is not _PROSE and own[j] is not _SENTENCE:
            j += 1
        if j - i >= 3:
            glued = ctx[i].doc_blank_separated >= 0.5 and not any(
                ctx[k].blank_before for k in range(i + 1, j)
            )
            for k in range(i, j):
                if out[k] is None:
                    if glued:
                        out[k] = Decision(
                            0.8,
                            furniture_kind(feats[k]),
                            f"one of {j - i} lines glued together, none a sentence: a list",
                            "layout",
                        )
                    else:
                        out[k] = Decision(
                            0.8,
                            furniture_kind(feats[k]),
                            f"one of {j - i} consecutive lines that are not sentences: a list",
                            "list",
                        )
        i = j + 1


def _between_paragraphs(
    i: int, feats: Sequence[LineFeatures], ctx: Sequence[ContextFeatures]
) -> Decision:
    f, c = feats[i], ctx[i]
    spaced = c.doc_blank_separated >= 0.5
    prev_glued = not c.blank_before
    next_glued = not c.blank_after
    if spaced and f.n_words <= 3 and prev_glued and c.prev_prose and c.blank_after:
        return Decision(
            0.7, "credit-line", "a short line stuck under a paragraph: a credit", "layout"
        )
    if (
        spaced
        and _headline_like(f)
        and f.n_words >= 6
        and c.blank_before
        and next_glued
        and c.next_prose
    ):
        return Decision(
            0.7,
            "related-link",
            "a headline glued to the paragraph below: a link to another story",
            "layout",
        )
    if (
        spaced
        and _headline_like(f)
        and next_glued
        and i + 1 < len(feats)
        and not ctx[i + 1].block_prose
        and _headline_like(feats[i + 1])
    ):
        return Decision(0.75, "related-link", "one of several headlines stacked together", "layout")
    if spaced and c.blank_before and c.blank_after and c.prev_prose and c.next_prose:
        return Decision(
            0.25,
            "subheading",
            "a short line set off by blank lines between two paragraphs: a subheading",
            "layout",
        )
    return Decision(
        0.25, "subheading", "a short line between paragraphs: a subheading", "subheading"
    )


def _follow_cues(
    feats: Sequence[LineFeatures],
    ctx: Sequence[ContextFeatures],
    out: Sequence[Decision | None],
) -> list[Decision]:
    """Lines that belong to the link a bare cue or a furniture line introduced."""
    done = cast(list[Decision], list(out))
    after_cue = False
    for i, f in enumerate(feats):
        d = done[i]
        if after_cue and not f.pattern and not ctx[i].block_prose:
            d = done[i] = Decision(
                0.8, "read-more", "the headline a 'read more' cue points to", "explicit"
            )
        elif f.ends_ellipsis and d.probability < 0.5:
            # done[i - 1]: the line above, as decided here.
            if i and done[i - 1].probability >= 0.5:
                d = done[i] = Decision(
                    0.8, "read-more", "a teaser cut off with an ellipsis, after a link", "ellipsis"
                )
            elif f.ends_function_word:
                d = done[i] = Decision(
                    0.65, "read-more", "a teaser cut off mid-phrase with an ellipsis", "ellipsis"
                )
        after_cue = d.kind == "read-more" and f.pattern and f.n_words <= 4
    return done
