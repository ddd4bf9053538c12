"""Quotation regions, as ``biaskit.text.quoted_regions`` finds them, plus the '' and ``
pairs of old wire and NYT copy."""

from __future__ import annotations

import re

from biaskit.text import Segment, quoted_regions

__all__ = ["quotations"]

_DOUBLE_APOSTROPHE = re.compile(r"''|‘‘|’’|``")


def quotations(text: str) -> list[Segment]:
    """``biaskit.text.quoted_regions``, also reading '' and `` (old wire and NYT copy) as
    double quotation marks.

    The pair is rewritten to one straight double mark plus a filler on a same-length copy,
    so offsets stay those of ``text``; a region closing on the first character of a pair is
    widened to cover the second.
    """
    if _DOUBLE_APOSTROPHE.search(text) is None:
        return quoted_regions(text)
    masked = _DOUBLE_APOSTROPHE.sub('"\u2060', text)
    out = []
    for r in quoted_regions(masked):
        end = r.end + 1 if masked[r.end : r.end + 1] == "\u2060" else r.end
        out.append(Segment(r.start, end, text[r.start : end]))
    return out
