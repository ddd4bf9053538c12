"""biaskit's ``boilerplate`` dimension: page furniture left in an article's text.

A jusText-style line classifier: explainable features per line and of its context
(``features``, with the furniture phrases in ``patterns``), a rule-based decision with a
reason per line (``rules``), a logistic regression over both trained on the article
extraction benchmark and shipped as ``models/lines.skops`` (``model``), and the scorer
that turns the decisions into spans, a probability per line and a furniture share
(``scorer``). ``biaskit clean`` removes the lines it flags.
"""

from __future__ import annotations

from biaskit import hookimpl
from biaskit_boilerplate.scorer import BoilerplateScorer

__all__ = ["BoilerplateScorer", "biaskit_hook_version", "biaskit_scorers"]

biaskit_hook_version = "1.0"


@hookimpl
def biaskit_scorers() -> list[BoilerplateScorer]:
    return [BoilerplateScorer()]
