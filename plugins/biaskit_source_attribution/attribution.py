"""One attribution relation: who (source) says (cue) what (content), as character offsets.

The detectors (direct quotes, indirect speech) fill in offsets; speaker resolution fills in
who the source is. Keeping the record mutable and separate from the final ``Span`` objects
lets resolution run after all relations of a document are known, since "he" can only be
resolved once the earlier speakers are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter

__all__ = ["DIRECT", "INDIRECT", "Attribution"]

_FIRST = itemgetter(0)
_SECOND = itemgetter(1)

DIRECT = "direct"
INDIRECT = "indirect"


@dataclass(slots=True)
class Attribution:
    kind: str
    content: list[tuple[int, int]]
    cue: tuple[int, int] | None = None
    cue_lemma: str = ""
    source: tuple[int, int] | None = None
    # Set when a quote carries on an earlier attribution without a cue of its own.
    continues: Attribution | None = None
    confidence: float = 1.0
    speaker: str = ""
    named: bool = False
    anonymous: bool = False
    resolved_by: str = ""
    group: str = ""
    # Why the cue was accepted (the model's strongest features), for the span notes.
    why: str = ""
    outlet_channel: list[str] = field(default_factory=list)

    # Every sort and scan by position reads ``start`` or ``end``: the content offsets are
    # taken with ``map`` (in C) rather than a comprehension.
    @property
    def start(self) -> int:
        points = list(map(_FIRST, self.content))
        if self.cue is not None:
            points.append(self.cue[0])
        if self.source is not None:
            points.append(self.source[0])
        return min(points)

    @property
    def end(self) -> int:
        points = list(map(_SECOND, self.content))
        if self.cue is not None:
            points.append(self.cue[1])
        if self.source is not None:
            points.append(self.source[1])
        return max(points)
