"""Clickbait devices in a headline: each one a pattern with the reason it is bait.

The headline is the first non-blank line. The devices are the ones studies of clickbait
keep finding (Chakraborty et al., 2016; Potthast et al., 2016): curiosity gaps ("you won't
believe", "what happened next"), second-person address, listicle numbers, forward
references ("this is why", "here's"), superlatives and shouting.
"""

from __future__ import annotations

import re

from biaskit import DimensionScore, Document, Span

DEVICES: tuple[tuple[str, re.Pattern[str], float, str], ...] = (
    (
        "curiosity-gap",
        re.compile(
            r"\b(?:you won'?t believe|what happened next|will blow your mind|the reason why"
            r"|nobody (?:is talking|expected)|the truth about)\b",
            re.I,
        ),
        0.9,
        "withholds the news to make the reader click",
    ),
    (
        "forward-reference",
        re.compile(r"^(?:this|these|here'?s|here is|that'?s why)\b", re.I),
        0.6,
        "points ahead to information the headline does not give",
    ),
    ("listicle", re.compile(r"^\d{1,3}\s+\w+", re.I), 0.5, "a numbered list as a headline"),
    (
        "second-person",
        re.compile(r"\b(?:you|your|you'?ll|you'?re)\b", re.I),
        0.4,
        "addresses the reader directly",
    ),
    (
        "superlative",
        re.compile(r"\b(?:shocking|unbelievable|incredible|insane|epic|mind-blowing)\b", re.I),
        0.6,
        "a sensational adjective",
    ),
    ("shouting", re.compile(r"\b[A-Z]{4,}\b"), 0.3, "a word in capitals"),
    ("exclamation", re.compile(r"!+"), 0.3, "an exclamation mark"),
)


def headline(text: str) -> tuple[int, int]:
    """Offsets of the first non-blank line, trimmed."""
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            return start, start + len(stripped)
        pos += len(line) + 1
    return 0, 0


class ClickbaitScorer:
    name = "clickbait"
    version = "0.1.0"
    description = "Clickbait devices in the headline: curiosity gaps, listicles, shouting."
    default = False

    def score(self, doc: Document) -> DimensionScore:
        start, end = headline(doc.text)
        title = doc.text[start:end]
        spans = []
        for label, pattern, weight, reason in DEVICES:
            for m in pattern.finditer(title):
                spans.append(Span(start + m.start(), start + m.end(), label, weight, reason))
        spans.sort(key=lambda s: (s.start, s.end))
        miss = 1.0
        for span in spans:
            miss *= 1.0 - span.score
        score = 1.0 - miss
        return DimensionScore(
            dimension=self.name,
            score=score,
            label="clickbait" if score >= 0.6 else "some bait" if spans else "plain",
            spans=tuple(spans),
            metrics={"devices": len(spans), "headline_words": len(title.split())},
            scorer="biaskit_clickbait.ClickbaitScorer",
            version=self.version,
        )
