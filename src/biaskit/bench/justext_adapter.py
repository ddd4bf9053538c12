"""jusText as a bench classifier: its paragraph classification applied to the same lines.

jusText (Pomikálek) classifies the paragraphs of an HTML page as good text or boilerplate
from their length, link density and share of stop words, then revises short and
borderline paragraphs by their neighbours. To compare it with biaskit's own line
classifiers on equal terms, it is given the very lines they see: every line of
``biaskit.text.lines(example.text)`` becomes one ``<p>`` of a minimal document, and its
paragraphs are mapped back to those lines. It therefore judges text alone, without the
page's markup (no links, no headings), which is the setting biaskit works in; its published
figure on this benchmark (token F1 0.804) was measured on the full HTML and is not
comparable.

Scores are graded by how sure jusText was, using its final class and its context-free
class (``cf_class``, before the neighbours were consulted):

=========== ============== =====
final class context-free   score
=========== ============== =====
bad         bad            1.0
bad         short          0.75
bad         near-good      0.6
good        short          0.4
good        near-good      0.25
good        good           0.0
=========== ============== =====

so that every line jusText keeps scores below 0.5 and every line it drops above, and a
threshold of 0.5 reproduces its decisions. A line jusText did not return at all counts as
boilerplate (score 1.0): it dropped it.

jusText is an optional dependency (``pip install 'biaskit[bench]'``), imported only when
the classifier predicts.
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Sequence
from importlib import metadata
from typing import Any

from biaskit.bench.model import Example, Prediction
from biaskit.text import lines as text_lines

__all__ = ["JusTextLines"]

INSTALL_HINT = "jusText is not installed: pip install 'biaskit[bench]'"

# (final class, context-free class) -> score; see the module docstring.
SCORES: dict[tuple[str, str], float] = {
    ("bad", "bad"): 1.0,
    ("bad", "short"): 0.75,
    ("bad", "neargood"): 0.6,
    ("good", "short"): 0.4,
    ("good", "neargood"): 0.25,
    ("good", "good"): 0.0,
}
DROPPED = 1.0

# Characters an HTML parser refuses or silently drops: they would make jusText's text
# differ from the line and break the 1:1 mapping, and they carry no text.
_CONTROL = dict.fromkeys(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))


def _justext_version() -> str:
    try:
        return metadata.version("jusText")
    except metadata.PackageNotFoundError:
        return "not installed"


def _import_justext() -> Any:
    try:
        import justext
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc
    return justext


def _key(text: str) -> str:
    """The form a line and a paragraph are compared in: jusText collapses white space."""
    return " ".join(text.split())


def build_document(lines: Sequence[str]) -> bytes:
    """A minimal UTF-8 HTML document with one ``<p>`` per line, text escaped."""
    body = "".join(f"<p>{html.escape(line.translate(_CONTROL))}</p>\n" for line in lines)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title></title></head>\n'
        f"<body>\n{body}</body></html>\n"
    ).encode()


def align(lines: Sequence[str], paragraphs: Sequence[str]) -> list[int | None]:
    """For each line, the index of the paragraph holding its text, or None.

    Normally one paragraph per line, in order. Should jusText drop or merge paragraphs,
    the two sequences are aligned on their text (``difflib``, in order); within a stretch
    that does not match one to one, a line goes to a paragraph whose text contains it, and
    otherwise to none.
    """
    keys = [_key(line.translate(_CONTROL)) for line in lines]
    pkeys = [_key(p) for p in paragraphs]
    if keys == pkeys:
        return list(range(len(lines)))
    out: list[int | None] = [None] * len(lines)
    matcher = difflib.SequenceMatcher(None, keys, pkeys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                out[i1 + k] = j1 + k
        elif tag == "replace":
            j = j1
            for i in range(i1, i2):
                for jj in range(j, j2):
                    if keys[i] and keys[i] in pkeys[jj]:
                        out[i] = jj
                        j = jj
                        break
    return out


class JusTextLines:
    """jusText's paragraph classifier over biaskit's lines (see the module docstring).

    Nothing to learn: ``fit`` is a no-op, and the default parameters with the English
    stop list are used, as jusText ships them.
    """

    name = "justext"
    tasks = frozenset({"lines"})

    def __init__(self) -> None:
        self.version = _justext_version()
        self._stoplist: frozenset[str] | None = None

    def fit(self, train: Sequence[Example], dev: Sequence[Example]) -> None:
        """Nothing to fit: jusText's thresholds are fixed."""

    def predict(self, example: Example) -> Prediction:
        justext = _import_justext()
        if self._stoplist is None:
            self._stoplist = frozenset(justext.get_stoplist("English"))
        lines = [seg.text for seg in text_lines(example.text)]
        if not lines:
            return Prediction(scores=(), decisions=())
        paragraphs = justext.justext(build_document(lines), self._stoplist)
        where = align(lines, [p.text for p in paragraphs])
        scores: list[float] = []
        decisions: list[bool] = []
        for at in where:
            if at is None:
                scores.append(DROPPED)
                decisions.append(True)
                continue
            para = paragraphs[at]
            final = str(para.class_type)
            scores.append(SCORES.get((final, str(para.cf_class)), 1.0 if final == "bad" else 0.0))
            decisions.append(final != "good")
        return Prediction(scores=tuple(scores), decisions=tuple(decisions))
