"""Bytes to text, for inputs whose encoding nobody wrote down.

Articles scraped from state-media mirrors arrive as UTF-8, Windows-1251, Latin-1 and worse.
UTF-8 is tried first because it is by far the most common and almost never decodes other
encodings by accident; only when it fails is charset-normalizer asked to detect, and the
report records which encoding was used so that a user can check it.
"""

from __future__ import annotations

from dataclasses import dataclass

# A share of control characters above this marks a binary file, not a text with stray bytes.
_BINARY_CONTROL_SHARE = 0.10
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    detected: bool


class NotText(ValueError):
    """The bytes are not text in any encoding we can trust."""


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and chr(b) not in _ALLOWED_CONTROLS)
    return controls / len(sample) > _BINARY_CONTROL_SHARE


def decode(data: bytes) -> Decoded:
    """Decode ``data``, normalise newlines and strip a byte-order mark."""
    if looks_binary(data):
        raise NotText("binary content (NUL or control bytes), not text")
    try:
        text = data.decode("utf-8-sig")
        encoding, detected = "utf-8", False
    except UnicodeDecodeError:
        text, encoding = _detect(data)
        detected = True
    return Decoded(normalise_newlines(text).lstrip("\ufeff"), encoding, detected)


# Legacy encodings in the order we prefer them when detection cannot tell them apart, which
# on a short text it often cannot (a French paragraph decodes without error as cp1250 too).
PREFERRED = ("cp1252", "cp1251", "iso8859_15", "koi8_r", "cp1250", "iso8859_2", "gb18030")


def _oddness(text: str) -> int:
    """Characters that rarely occur in real text: C1 controls and Latin Extended letters,
    the usual signs of a Western text decoded with a Central European code page."""
    return sum(1 for ch in text if "\x80" <= ch <= "\x9f" or "\u0100" <= ch <= "\u024f")


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data)) + list(from_bytes(data, cp_isolation=list(PREFERRED)))
    if not matches:
        raise NotText("not valid UTF-8 and no other encoding could be detected")
    least_chaos = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= least_chaos + 0.01]
    top = max(m.coherence for m in tied)
    tied = [m for m in tied if m.coherence >= top - 0.05]

    def rank(m: object) -> tuple[int, int]:
        enc = getattr(m, "encoding", "")
        order = PREFERRED.index(enc) if enc in PREFERRED else len(PREFERRED)
        return (_oddness(str(m)), order)

    best = min(tied, key=rank)
    return str(best), best.encoding


def normalise_newlines(text: str) -> str:
    """Offsets in reports refer to the normalised text, the same on every platform."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
