"""The source_attribution dimension: who speaks, how much rests on them, whose copy it is.

The score is the share of the article's sentences that carry or sit inside an attribution
(a quotation, reported speech, its cue or source): a reader's sense of how much of the text
is the reporter's own claim and how much is someone else's, with the evidence as spans.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any

from biaskit.model import DimensionScore, Document, Span
from biaskit.text import Segment, sentences

from .attribution import DIRECT, Attribution
from .cues import CueFinder, find_cues
from .indirect import find_indirect
from .outlets import CHANNEL, CREDIT, DATELINE, OutletHit, find_outlets
from .quotes import attach_orphans, find_direct, quotations
from .speakers import resolve_speakers, speaker_table

__all__ = ["SourceAttributionScorer"]

# A sentence shorter than this is a headline fragment, label or caption, not a claim.
_MIN_SENTENCE_WORDS = 6
_MOSTLY = 0.5
_PARTLY = 0.2


_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")


def _nwords(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


class SourceAttributionScorer:
    """Direct and indirect attributions, their speakers, and the outlets credited."""

    name = "source_attribution"
    version = "0.1.0"
    description = "Who speaks, how much of the article rests on attributed statements, whose copy"
    default = True

    def __init__(self, cue_finder: CueFinder | None = None) -> None:
        self.cue_finder = cue_finder

    def analyse(
        self, text: str, sents: Sequence[Segment] | None = None
    ) -> tuple[list[Attribution], list[OutletHit]]:
        """All attributions (resolved) and outlet occurrences of ``text``, in document order."""
        if sents is None:
            sents = sentences(text)
        finder = self.cue_finder or find_cues
        cues = finder(text, 0, len(text))
        regions = quotations(text)
        direct, orphans = find_direct(text, regions, cues)
        used = {a.cue[0] for a in direct if a.cue is not None}
        blocked = [(r.start, r.end) for r in regions]
        indirect = find_indirect(text, sents, cues, blocked, used)
        found = sorted(direct + indirect, key=lambda a: a.start)
        found += attach_orphans(text, orphans, found)
        found.sort(key=lambda a: a.start)
        resolve_speakers(text, found, blocked, [s.start for s in sents])
        for k, a in enumerate(found):
            a.group = f"a{k + 1}"
        return found, find_outlets(text)

    def score(self, doc: Document) -> DimensionScore:
        text = doc.text
        all_sents = sentences(text)
        atts, outlet_hits = self.analyse(text, all_sents)
        sents = [s for s in all_sents if len(s.text.split()) >= _MIN_SENTENCE_WORDS]
        covered = _covered_sentences(sents, atts)
        share = covered / len(sents) if sents else 0.0

        table = speaker_table(text, atts)
        named_rows = [r for r in table if r["named"]]
        main = named_rows[0]["name"] if named_rows else None
        credited, mentioned, outlet_spans = _outlets(text, atts, outlet_hits, main, all_sents)

        n_direct = sum(1 for a in atts if a.kind == DIRECT)
        n_named = sum(1 for a in atts if a.named)
        n_anon = sum(1 for a in atts if a.anonymous)
        quoted_words = sum(
            _nwords(text, s, e) for a in atts if a.kind == DIRECT for s, e in a.content
        )
        total_words = _nwords(text, 0, len(text))
        metrics = {
            "attributed_sentence_share": round(share, 4),
            "quotes": float(n_direct),
            "indirect_attributions": float(len(atts) - n_direct),
            "named_share": round(n_named / len(atts), 4) if atts else 0.0,
            "anonymous_attributions": float(n_anon),
            "distinct_sources": float(
                len({r["name"] for r in table if r["name"] != "(no source)"})
            ),
            "quoted_word_share": round(min(1.0, quoted_words / total_words), 4)
            if total_words
            else 0.0,
            "outlets_credited": float(len(credited)),
        }
        spans = _attribution_spans(text, atts) + outlet_spans
        spans.sort(key=lambda s: (s.start, s.end, s.label))
        details: dict[str, Any] = {
            "speakers": table,
            "main_speaker": main,
            "outlets_credited": credited,
            "outlets_mentioned": mentioned,
            "attributions": [_describe(text, a) for a in atts],
        }
        return DimensionScore(
            dimension=self.name,
            score=round(share, 4),
            label=_label(share, len(atts)),
            spans=tuple(spans),
            metrics=metrics,
            details=details,
            scorer=f"{__package__}.{type(self).__name__}",
            version=self.version,
        )


def _label(share: float, n: int) -> str:
    if n == 0:
        return "no attribution"
    if share >= _MOSTLY:
        return "mostly attributed"
    if share >= _PARTLY:
        return "partly attributed"
    return "little attribution"


def _covered_sentences(sents: Sequence[Segment], atts: Sequence[Attribution]) -> int:
    starts = [s.start for s in sents]
    hit: set[int] = set()
    for a in atts:
        parts = list(a.content)
        if a.cue is not None:
            parts.append(a.cue)
        for s, e in parts:
            i = max(0, bisect.bisect_right(starts, s) - 1)
            while i < len(sents) and sents[i].start < e:
                if sents[i].end > s:
                    hit.add(i)
                i += 1
    return len(hit)


def _who(a: Attribution) -> str:
    if a.speaker and a.named:
        return a.speaker
    if a.anonymous:
        return "an anonymous source" if a.source is not None else "no stated source"
    return a.speaker or "an unnamed source"


def _attribution_spans(text: str, atts: Sequence[Attribution]) -> list[Span]:
    out: list[Span] = []
    for a in atts:
        who = _who(a)
        cue_word = " ".join(text[a.cue[0] : a.cue[1]].split()) if a.cue is not None else ""
        cue = f" (cue: {cue_word})" if cue_word else " (continues the previous quote)"
        kind = "direct quote" if a.kind == DIRECT else "reported speech"
        label = "quote" if a.kind == DIRECT else "indirect"
        for s, e in a.content:
            out.append(Span(s, e, label, a.confidence, f"{kind} attributed to {who}{cue}", a.group))
        if a.cue is not None:
            out.append(
                Span(a.cue[0], a.cue[1], "cue", a.confidence, f"attribution cue for {who}", a.group)
            )
        if a.source is not None:
            if a.anonymous:
                out.append(
                    Span(
                        a.source[0],
                        a.source[1],
                        "anonymous-source",
                        a.confidence,
                        "source not identified by name",
                        a.group,
                    )
                )
            else:
                how = f" ({a.resolved_by})" if a.resolved_by not in ("name", "") else ""
                out.append(
                    Span(
                        a.source[0],
                        a.source[1],
                        "speaker",
                        a.confidence,
                        f"speaker: {who}{how}",
                        a.group,
                    )
                )
        elif a.anonymous and a.cue is not None:
            out.append(
                Span(
                    a.cue[0],
                    a.cue[1],
                    "anonymous-source",
                    a.confidence,
                    "claim attributed to no one in particular",
                    a.group,
                )
            )
    return out


def _outlets(
    text: str,
    atts: Sequence[Attribution],
    hits: Sequence[OutletHit],
    main: str | None,
    sents: Sequence[Segment],
) -> tuple[list[str], list[str], list[Span]]:
    credited: list[str] = []
    mentioned: list[str] = []
    spans: list[Span] = []
    s_starts = [s.start for s in sents]
    for h in hits:
        if h.kind == DATELINE:
            credited.append(h.outlet)
            spans.append(
                Span(h.phrase_start, h.phrase_end, "dateline", 1.0, f"dateline credits {h.outlet}")
            )
            continue
        if h.kind == CREDIT:
            credited.append(h.outlet)
            spans.append(
                Span(
                    h.phrase_start,
                    h.phrase_end,
                    "outlet-credit",
                    0.9,
                    f"credit line names {h.outlet}",
                )
            )
            continue
        if h.kind == CHANNEL and main is not None:
            speaker = _speaker_near(text, h, atts, sents, s_starts)
            if speaker == main:
                credited.append(h.outlet)
                spans.append(
                    Span(
                        h.phrase_start,
                        h.phrase_end,
                        "outlet-credit",
                        0.8,
                        f"interview channel of the main speaker, {main}",
                    )
                )
                continue
        mentioned.append(h.outlet)
    credited = list(dict.fromkeys(credited))
    mentioned = [m for m in dict.fromkeys(mentioned) if m not in credited]
    return credited, mentioned, spans


def _speaker_near(
    text: str,
    h: OutletHit,
    atts: Sequence[Attribution],
    sents: Sequence[Segment],
    starts: Sequence[int],
) -> str | None:
    """The speaker of the attribution in the channel phrase's sentence, if any."""
    i = bisect.bisect_right(starts, h.start) - 1
    if i < 0:
        return None
    lo, hi = sents[i].start, sents[i].end
    best: Attribution | None = None
    best_distance = len(text) + 1
    for a in atts:
        if a.source is None or not a.named or not lo <= a.source[0] < hi:
            continue
        distance = abs(a.source[0] - h.start)
        if distance < best_distance:
            best, best_distance = a, distance
    return best.speaker if best is not None else None


def _describe(text: str, a: Attribution) -> dict[str, Any]:
    return {
        "group": a.group,
        "kind": a.kind,
        "speaker": a.speaker,
        "named": a.named,
        "anonymous": a.anonymous,
        "resolved_by": a.resolved_by,
        "cue": a.cue_lemma,
        "source_text": text[a.source[0] : a.source[1]] if a.source else None,
        "content": [[s, e] for s, e in a.content],
    }
