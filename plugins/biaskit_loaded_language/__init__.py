"""biaskit's loaded-language dimension: charged, evaluative and pejorative wording.

The plugin module stays import-cheap: the word lists are read on the first ``score`` call.
"""

from __future__ import annotations

from biaskit import hookimpl

from .scorer import LoadedLanguageScorer

__all__ = ["LoadedLanguageScorer", "biaskit_scorers"]

biaskit_hook_version = "1.0"


@hookimpl
def biaskit_scorers() -> list[LoadedLanguageScorer]:
    return [LoadedLanguageScorer()]
