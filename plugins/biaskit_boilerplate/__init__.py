"""biaskit's ``boilerplate`` dimension: page furniture left in an article's text.

A jusText-style line classifier: explainable features per line (``features``), a rule-based
decision with a reason per line (``rules``) and the scorer that turns the decisions into
spans and a share (``scorer``).
"""

from __future__ import annotations

from biaskit import hookimpl
from biaskit_boilerplate.scorer import BoilerplateScorer

__all__ = ["BoilerplateScorer", "biaskit_hook_version", "biaskit_scorers"]

biaskit_hook_version = "1.0"


@hookimpl
def biaskit_scorers() -> list[BoilerplateScorer]:
    return [BoilerplateScorer()]
