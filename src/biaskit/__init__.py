"""biaskit: how a news article is built, dimension by dimension, with the evidence.

The public API. Everything a plugin author or library user needs is importable from here;
the heavier machinery (plugin manager, runner) is imported only when first used.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from biaskit.hookspecs import HOOK_VERSION, hookimpl
from biaskit.model import DimensionScore, Document, InputError, Report, Span

if TYPE_CHECKING:
    from biaskit.protocols import Reader, Scorer, Writer

__version__ = "0.1.0"

__all__ = [
    "HOOK_VERSION",
    "DimensionScore",
    "Document",
    "InputError",
    "Reader",
    "Report",
    "Scorer",
    "Span",
    "Writer",
    "__version__",
    "hookimpl",
    "score_documents",
    "score_text",
]


def score_text(
    text: str, plugins: Iterable[str] | None = None, *, id: str = "text", source: str = ""
) -> Report:
    """Score one text with the installed plugins (the default set when ``plugins`` is None).

    The same path the CLI takes, so a library user gets exactly the report ``biaskit score``
    would print.
    """
    return next(iter(score_documents([Document(id=id, text=text, source=source)], plugins)))


def score_documents(
    docs: Iterable[Document | InputError], plugins: Iterable[str] | None = None
) -> Iterable[Report]:
    """Score a stream of documents lazily, one Report per input, in input order."""
    from biaskit.plugins import get_plugin_manager, select_scorers
    from biaskit.runner import run

    pm = get_plugin_manager()
    scorers = select_scorers(pm, list(plugins) if plugins is not None else None)
    return run(docs, scorers)


def __getattr__(name: str) -> object:
    if name in ("Reader", "Scorer", "Writer"):
        from biaskit import protocols

        return getattr(protocols, name)
    raise AttributeError(f"module 'biaskit' has no attribute {name!r}")
