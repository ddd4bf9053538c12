"""biaskit's readability dimension: textstat's measures, offline, through the plugin system.

Importing this package imports neither textstat nor NLTK; they load on the first score.
"""

from __future__ import annotations

from biaskit import hookimpl
from biaskit_readability.scorer import ReadabilityScorer

__all__ = ["ReadabilityScorer", "biaskit_hook_version", "biaskit_scorers"]

biaskit_hook_version = "1.0"


# biaskit ships no py.typed yet, so mypy sees hookimpl as untyped.
@hookimpl  # type: ignore[untyped-decorator, unused-ignore]
def biaskit_scorers() -> list[ReadabilityScorer]:
    return [ReadabilityScorer()]
