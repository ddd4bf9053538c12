"""Quotation regions, as ``biaskit.text.quoted_regions`` finds them, plus the '' and ``
pairs of old wire and NYT copy."""

from __future__ import annotations

import re

from biaskit.text import Segment, quoted_regions

__all__ = ["quotations"]

_DOUBLE_APOSTROPHE = re.compile(r"''|‘‘|’’|``")
# The same pairs, one regex each: a regex opening with a fixed string skips to it in a
# tight loop, where the alternation above tests every character against a set (three
# times the instructions on a text with no pair, as most texts are).
_PAIR_RES = tuple(re.compile(re.escape(pair)) for pair in ("''", "‘‘", "’’", "``"))


def _has_pair(text: str) -> bool:
    """Whether ``_DOUBLE_APOSTROPHE.search(text)`` finds a pair, searched pair by pair."""
    return any(rx.search(text) is not None for rx in _PAIR_RES)


def quotations(text: str) -> list[Segment]:
    """``biaskit.text.quoted_regions``, also reading '' and `` (old wire and NYT copy) as
    double quotation marks.

    The pair is rewritten to one straight double mark plus a filler on a same-length copy,
    so offsets stay those of ``text``; a region closing on the first character of a pair is
    widened to cover the second.
    """
    if not _has_pair(text):
        return quoted_regions(text)
    masked = _DOUBLE_APOSTROPHE.sub('"\u2060', text)
    out = []
    for r in quoted_regions(masked):
        end = r.end + 1 if masked[r.end : r.end + 1] == "\u2060" else r.end
        out.append(Segment(r.start, end, text[r.start : end]))
    return out
