"""Typography carried over from Russian copy into English text.

Russian typesetting uses guillemets and dash-introduced direct speech, and text that went
through a converter or a hurried translator often keeps a space on the wrong side of a
closing quotation mark or before a full stop. None of these needs grammar to see, so the
patterns are plain character classes with no nested repetition.
"""

from __future__ import annotations

import re

from biaskit import Span
from biaskit_translation_artifacts.context import Context

LABEL_QUOTE = "quote-punctuation"
LABEL_SPACE = "space-before-punct"

# `, ”he said`: a space before a closing mark and none after. ” is unambiguous as a closer.
# The look-behind anchors the match at the start of a run of blanks, keeping long runs linear;
# after a colon ("said: ”Bird flu") the mark is a mis-curled opener, which any text can have.
_CLOSER_DETACHED = re.compile(r"(?:([,.!?…])|(?<=[^\W\d_]))[ \t\xa0]+”(?=[^\W\d_])")
# `word“ next` : an opening mark glued to the preceding word and spaced from the next.
# (Written to start with the mark, the letter before it looked behind for: the engine then
# skips from mark to mark instead of trying every character.)
_OPENER_GLUED = re.compile(r"“(?<=[^\W\d_]“)[ \t\xa0]+(?=[^\W\d_])")
_BLANK_CLOSER = re.compile(r"”(?<=[ \t\xa0]”)")
_OPENER_BLANK = re.compile(r"“[ \t\xa0]")
_GUILLEMET_PAIR = re.compile(r"«[^«»\n]{0,300}»")
_GUILLEMET = re.compile(r"[«»]")
# `…, — he said` / `… — said the minister`: Russian direct-speech dashes.
_DASH_SPEECH = re.compile(
    r"[,.!?…][\"”»]?[ \t]*[—–][ \t]*"
    r"(?:he|she|they|we|I|said|says|told|added|noted|stressed|explained|emphasi[sz]ed|"
    r"stated|declared|answered|replied|according)\b"
)
# `the United States .` : space before a stop, comma, colon or semicolon that ends a word
# group (not an ellipsis, a decimal, a file extension or a spaced-out list of dots).
# Where a stop, comma, colon or semicolon follows a blank; the rest of the pattern (a word
# before the blanks, nothing glued after the mark) is checked on these few places only.
_MARK_AFTER_BLANK = re.compile(r"[.,;:](?<=[ \t\xa0][.,;:])")
_BLANKS = " \t\xa0"
# A text with none of these has no blank before a mark (the commonest blank before each
# mark, or either rarer blank anywhere): a few searches in C spare the engine a look
# behind every full stop and comma of an ordinary text.
_BLANK_HINTS = (" .", " ,", " ;", " :", "\t", "\xa0")


def _space_before_marks(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, mark)`` of every blank run between a letter or digit and a mark that
    ends a word group (not an ellipsis, a decimal, a file extension or a run of dots)."""
    out: list[tuple[int, int, str]] = []
    if not any(map(text.__contains__, _BLANK_HINTS)):
        return out
    n = len(text)
    for m in _MARK_AFTER_BLANK.finditer(text):
        end = m.end()
        if end < n and (text[end] in ".,;:" or text[end].isalnum() or text[end] == "_"):
            continue
        start = m.start()
        while start > 0 and text[start - 1] in _BLANKS:
            start -= 1
        if start > 0 and text[start - 1].isalnum():
            out.append((start, end, m.group()))
    return out


def detect_quote_punctuation(ctx: Context) -> list[Span]:
    text = ctx.text
    out: list[Span] = []
    # The rare places either pattern can match, found first: a closing mark after a blank,
    # an opening mark before one (each hint starts with its mark, so the engine skips from
    # mark to mark: cheaper than looking for each two-character pair in turn).
    for m in _detached_closers(text) if "”" in text else ():
        strength = 0.9 if m.group(1) else 0.7
        out.append(
            Span(
                m.start(),
                m.end(),
                LABEL_QUOTE,
                strength,
                "Closing quotation mark spaced from the quote and glued to the next word.",
            )
        )
    glued = "“" in text and _OPENER_BLANK.search(text) is not None
    for m in _OPENER_GLUED.finditer(text) if glued else ():
        out.append(
            Span(
                m.start(),
                m.end(),
                LABEL_QUOTE,
                0.5,
                "Opening quotation mark glued to the word before it and spaced from the quote.",
            )
        )
    if ("«" in text or "»" in text) and ctx.is_english():
        paired_end = -1
        for m in _GUILLEMET_PAIR.finditer(text):
            paired_end = m.end()
            out.append(
                Span(
                    m.start(),
                    m.end(),
                    LABEL_QUOTE,
                    0.6,
                    "Guillemets «» used as quotation marks in English text.",
                )
            )
        if paired_end < 0:
            for m in _GUILLEMET.finditer(text):
                out.append(Span(m.start(), m.end(), LABEL_QUOTE, 0.3, "Stray guillemet."))
                break
    for m in _dash_speech(text):
        out.append(
            Span(
                m.start(),
                m.end(),
                LABEL_QUOTE,
                0.8,
                "Direct speech closed with a dash before the speaker, as Russian punctuates it.",
            )
        )
    return out


def _detached_closers(text: str) -> list[re.Match[str]]:
    """``list(_CLOSER_DETACHED.finditer(text))``, tried only where it can match: a match
    ends with a closing mark after a blank (``_BLANK_CLOSER``) and starts at the run of
    blanks before it or at the mark just before that run (the pattern has no prefix the
    engine could skip to, so over a whole text it tries every character)."""
    out = []
    for hint in _BLANK_CLOSER.finditer(text):
        start = hint.start() - 1
        while start > 0 and text[start - 1] in _BLANKS:
            start -= 1
        m = _CLOSER_DETACHED.match(text, start - 1) if start > 0 else None
        if m is None:
            m = _CLOSER_DETACHED.match(text, start)
        if m is not None:
            out.append(m)
    return out


def _dash_speech(text: str) -> list[re.Match[str]]:
    """Matches of the dash-speech pattern, looked for only around the (rare) dashes."""
    out = []
    last = -1
    for dash in "—–":
        at = text.find(dash)
        while at >= 0:
            if at > last:
                m = _DASH_SPEECH.search(text, max(0, at - 4), at + 20)
                if m is not None and m.start() > last:
                    out.append(m)
                    last = m.end()
            at = text.find(dash, at + 1)
    out.sort(key=lambda m: m.start())
    return out


def detect_space_before_punct(ctx: Context) -> list[Span]:
    """A stray space or two is a conversion slip; spacing every comma is a typing habit.

    Translated copy shows the odd " ." where a sentence was reassembled; a writer who puts a
    space before every comma (some outlets do) shows a house style, not a translation, so a
    systematic pattern is kept as evidence but at a quarter of the strength.
    """
    out: list[Span] = []
    text = ctx.text
    matches = _space_before_marks(text)
    if not matches:
        return out
    marks = sum(text.count(c) for c in ".,;:")
    habit = len(matches) >= 4 and len(matches) >= 0.3 * marks
    for start, end, mark in matches:
        strength = 0.6 if mark in ".," else 0.3
        note = f"Space before {'a full stop' if mark == '.' else repr(mark)}."
        if habit:
            strength /= 4
            note = "Space before punctuation, systematic here: more a typing habit."
        out.append(Span(start, end, LABEL_SPACE, strength, note))
    return out
