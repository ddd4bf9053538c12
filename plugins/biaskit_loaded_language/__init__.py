"""biaskit's loaded-language dimension: charged, evaluative and pejorative wording.

The plugin module stays import-cheap: the word lists and the trained model are read on the
first ``score`` call; numpy and scikit-learn are imported only then.
"""

from __future__ import annotations

from typing import Any

from biaskit import hookimpl

from .scorer import LoadedLanguageScorer

__all__ = ["LoadedLanguageScorer", "biaskit_scorers"]

biaskit_hook_version = "1.0"


@hookimpl
def biaskit_scorers() -> list[Any]:
    """The default scorer, and the sentence-embedding one when the ``embeddings`` extra is
    installed (looked up without importing it)."""
    from .embedding import LoadedLanguageMiniLMScorer, available

    found: list[Any] = [LoadedLanguageScorer()]
    if available():
        found.append(LoadedLanguageMiniLMScorer())
    return found
