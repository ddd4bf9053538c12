"""biaskit's source_attribution dimension: who speaks, and whose copy the article is.

The plugin module stays light: importing it builds no regexes beyond the scorer's own
modules and loads no data, so ``biaskit --help`` does not pay for it.
"""

from __future__ import annotations

from biaskit import hookimpl

from .scorer import SourceAttributionScorer

__all__ = ["SourceAttributionScorer", "biaskit_hook_version", "biaskit_scorers"]

biaskit_hook_version = "1.0"


@hookimpl
def biaskit_scorers() -> list[SourceAttributionScorer]:
    return [SourceAttributionScorer()]
