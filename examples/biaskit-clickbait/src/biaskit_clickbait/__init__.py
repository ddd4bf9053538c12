"""biaskit plugin: the ``clickbait`` dimension (an example of a third-party plugin)."""

from __future__ import annotations

from biaskit import hookimpl
from biaskit_clickbait.scorer import ClickbaitScorer

biaskit_hook_version = "1.0"

__all__ = ["ClickbaitScorer"]


@hookimpl
def biaskit_scorers() -> list[ClickbaitScorer]:
    return [ClickbaitScorer()]
