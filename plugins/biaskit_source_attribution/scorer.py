"""The source_attribution dimension: who speaks, how much rests on them, whose copy it is.

The score is the share of the article's sentences that carry or sit inside an attribution
(a quotation, reported speech, its cue or source): a reader's sense of how much of the text
is the reporter's own claim and how much is someone else's, with the evidence as spans.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from biaskit.model import DimensionScore, Document, Span

from .attribution import DIRECT, Attribution
from .frames import POLL, CueHit, build_attributions
from .outlets import CHANNEL, CREDIT, DATELINE, WORD_FORMS, OutletHit, find_outlets
from .scan import Scan, name_colons, scan
from .speakers import resolve_speakers, speaker_table

if TYPE_CHECKING:
    from biaskit.bench.model import Example
    from biaskit.bench.training import TrainedModel

    from .model import CueDecider

__all__ = ["SourceAttributionScorer"]

# A sentence shorter than this is a headline fragment, label or caption, not a claim.
_MIN_SENTENCE_WORDS = 6
_MOSTLY = 0.5
# Confidence of a "Name: statement" line as an attribution.
_COLON_P = 0.8
_PARTLY = 0.2
# Confidence of a sentence opening "In a <poll or survey>, ..." as an attribution.
_POLL_P = 0.8
_POLL_LEAD = re.compile(
    r"[\s\"“‘']*(?:(?:But|And|Yet|So|Still|Meanwhile)\s+)?(?P<cue>In)\s+"
    r"[^,.;:!?\n\"“”]{0,100}?\b(?:polls?|surveys?)\b[^;:!?\n\"“”]{0,100}?,"
)


_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")


def _nwords(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


class SourceAttributionScorer:
    """Direct and indirect attributions, their speakers, and the outlets credited.

    ``model`` decides which words are attribution cues: None (the default) uses the cue
    classifier shipped with the plugin, loaded on first use; ``RuleCueModel()`` the hand
    lexicon alone; any object with ``forms`` and ``decide(scan)`` (see ``model.CueDecider``)
    may be given, such as a model loaded with ``with_model``.
    """

    name = "source_attribution"
    version = "0.2.27"
    description = "Who speaks, how much of the article rests on attributed statements, whose copy"
    default = True

    def __init__(self, model: CueDecider | None = None) -> None:
        self.model = model
        self._decider: CueDecider | None = None

    def _cue_model(self) -> CueDecider:
        if self.model is not None:
            return self.model
        if self._decider is None:
            from .model import DEFAULT_MODEL, RuleCueModel, load

            self._decider = load(DEFAULT_MODEL) if DEFAULT_MODEL.exists() else RuleCueModel()
        return self._decider

    def train(
        self, train: Sequence[Example], dev: Sequence[Example], random_state: int = 0
    ) -> TrainedModel:
        """Fit the cue classifier on a span-labelled dataset (``biaskit train
        source_attribution polnear``): fit on train, choose C and threshold on dev."""
        from biaskit.bench.training import TrainedModel

        from .model import fit_cue_model

        payload, metrics, params = fit_cue_model(train, dev, random_state)
        return TrainedModel(payload, metrics, params)

    def with_model(self, path: Path) -> SourceAttributionScorer:
        """This scorer deciding cues with a model saved by ``biaskit train`` (skops)."""
        from .model import load

        return SourceAttributionScorer(model=load(path))

    def analyse(self, text: str) -> tuple[Scan, list[Attribution], list[OutletHit]]:
        """The scan, all attributions (resolved) and outlet occurrences of ``text``."""
        decider = self._cue_model()
        s = scan(text, decider.forms, WORD_FORMS)
        hits = decider.decide(s)
        hits += [
            CueHit(c, c + 1, ":", _COLON_P, "a line opening with a name and a colon", (a, b))
            for a, b, c in name_colons(text)
        ]
        hits += [
            CueHit(a, b, POLL, _POLL_P, "a sentence opening with a poll or survey")
            for a, b in _poll_leads(text, s.sent_starts)
        ]
        found = build_attributions(s, hits)
        blocked = [(q.start, q.end) for q in s.quotes]
        resolve_speakers(text, found, blocked, s.sent_starts)
        for k, a in enumerate(found):
            a.group = f"a{k + 1}"
        return s, found, find_outlets(text, s.words, s.extra)

    def score(self, doc: Document) -> DimensionScore:
        text = doc.text
        s, atts, outlet_hits = self.analyse(text)
        sents = _sentences(s)
        all_sents = [(a, b) for a, b, _ in sents]
        long_sents = [(a, b) for a, b, n in sents if n >= _MIN_SENTENCE_WORDS]
        covered = _covered_sentences(long_sents, atts)
        share = covered / len(long_sents) if long_sents else 0.0

        table = speaker_table(text, atts)
        named_rows = [r for r in table if r["named"]]
        main = named_rows[0]["name"] if named_rows else None
        credited, mentioned, outlet_spans = _outlets(text, atts, outlet_hits, main, all_sents)

        n_direct = sum(1 for a in atts if a.kind == DIRECT)
        n_named = sum(1 for a in atts if a.named)
        n_anon = sum(1 for a in atts if a.anonymous)
        quoted_words = sum(
            _nwords(text, st, e) for a in atts for st, e in a.content if _is_quote(text, st, e)
        )
        total_words = len(s.words)
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
        spans.sort(key=_SPAN_ORDER)
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


# Spans in text order, by (start, end, label).
_SPAN_ORDER = attrgetter("start", "end", "label")


def _poll_leads(text: str, starts: Sequence[int]) -> list[tuple[int, int]]:
    """The "In" of every sentence opening with a poll or survey ("In a CNN/ORC poll
    released Monday, 31% of Republicans ..."), whose findings the rest of the sentence
    reports. Only sentences with "In " near their start are matched."""
    out = []
    for a in starts:
        if text.find("In ", a, a + _POLL_LEAD_WINDOW) >= 0:
            m = _POLL_LEAD.match(text, a)
            if m is not None:
                out.append(m.span("cue"))
    return out


_POLL_LEAD_WINDOW = 20


def _sentences(s: Scan) -> list[tuple[int, int, int]]:
    """(start, end, words) of every sentence with a word, the count capped at
    ``_MIN_SENTENCE_WORDS`` (all the scorer asks is whether a sentence is that long, and
    splitting no further saves building a list of every word again)."""
    text = s.text
    out = []
    starts = s.sent_starts
    cap = _MIN_SENTENCE_WORDS
    for k, a in enumerate(starts):
        b = starts[k + 1] if k + 1 < len(starts) else len(text)
        chunk = text[a:b]
        n = len(chunk.split(None, cap - 1))
        if n:
            out.append((a, a + len(chunk.rstrip()), n))
    return out


_QUOTE_MARKS = "\"“”«»„'‘’`"


def _is_quote(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens and closes on a quotation mark (an empty stretch
    counts, as ``"" in _QUOTE_MARKS``), reading two characters, not copying the stretch."""
    end = min(end, len(text))
    if start >= end:
        return True
    return text[start] in _QUOTE_MARKS and text[end - 1] in _QUOTE_MARKS


def _label(share: float, n: int) -> str:
    if n == 0:
        return "no attribution"
    if share >= _MOSTLY:
        return "mostly attributed"
    if share >= _PARTLY:
        return "partly attributed"
    return "little attribution"


def _covered_sentences(sents: Sequence[tuple[int, int]], atts: Sequence[Attribution]) -> int:
    starts = [a for a, _ in sents]
    hit: set[int] = set()
    for a in atts:
        parts = list(a.content)
        if a.cue is not None:
            parts.append(a.cue)
        for s, e in parts:
            i = max(0, bisect.bisect_right(starts, s) - 1)
            while i < len(sents) and sents[i][0] < e:
                if sents[i][1] > s:
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
        for s, e in a.content:
            quoted = _is_quote(text, s, e)
            kind = "direct quote" if quoted else "reported content"
            out.append(
                Span(
                    s,
                    e,
                    "quote" if quoted else "indirect",
                    a.confidence,
                    f"{kind} attributed to {who} (cue: {cue_word})",
                    a.group,
                )
            )
        if a.cue is not None:
            why = f"; {a.why}" if a.why else ""
            if a.source is None:
                note = f"attribution cue with no source named{why}"
            else:
                note = f"attribution cue for {who}{why}"
            out.append(Span(a.cue[0], a.cue[1], "cue", a.confidence, note, a.group))
        if a.source is not None and text[a.source[0] : a.source[1]].strip():
            if a.anonymous:
                label, note = "anonymous-source", "source not identified by name"
            else:
                how = f" ({a.resolved_by})" if a.resolved_by not in ("name", "") else ""
                label, note = "speaker", f"speaker: {who}{how}"
            out.append(Span(a.source[0], a.source[1], label, a.confidence, note, a.group))
    return out


def _outlets(
    text: str,
    atts: Sequence[Attribution],
    hits: Sequence[OutletHit],
    main: str | None,
    sents: Sequence[tuple[int, int]],
) -> tuple[list[str], list[str], list[Span]]:
    credited: list[str] = []
    mentioned: list[str] = []
    spans: list[Span] = []
    s_starts = [a for a, _ in sents]
    sources = sorted((a.source[0], a.speaker) for a in atts if a.source is not None and a.named)
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
            speaker = _speaker_near(h, sources, sents, s_starts)
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
    h: OutletHit,
    sources: Sequence[tuple[int, str]],
    sents: Sequence[tuple[int, int]],
    starts: Sequence[int],
) -> str | None:
    """The speaker of the named source nearest the channel phrase in its sentence.

    ``sources`` holds (start, speaker) of named sources in text order."""
    i = bisect.bisect_right(starts, h.start) - 1
    if i < 0:
        return None
    lo, hi = sents[i]
    j = bisect.bisect_left(sources, (h.start, ""))
    near = [sources[k] for k in (j - 1, j) if 0 <= k < len(sources)]
    near = [(abs(p - h.start), name) for p, name in near if lo <= p < hi]
    return min(near)[1] if near else None


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
