"""Every installed built-in scorer, through the plugin system: conformance and fuzzing."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biaskit import Document
from biaskit.plugins import get_plugin_manager, scorers
from biaskit.testing import check_result, check_scorer

SCORERS = scorers(get_plugin_manager())
BUILTINS = sorted(n for n, s in SCORERS.items() if type(s).__module__.startswith("biaskit_"))

# Arbitrary Unicode mixed with the fragments the scorers' patterns key on, so that the
# fuzzing reaches their rules instead of only their early exits.
PIECES = [
    " said ", " told ", "According to ", " Mr. ", "TASS", "(Sputnik) —", "READ MORE:",
    " he said.", "the ", " in Twitter", ", ”he said", "\n\n", "Anatoly Antonov", '"', "“",
    "”", "«", "»", ".", ",", " ", "\n", "About this ", " said the ", "In Kiev, brought ",
]  # fmt: skip
NEWSY = st.lists(
    st.one_of(st.text(st.characters(codec="utf-8"), max_size=6), st.sampled_from(PIECES)),
    max_size=120,
).map("".join)


def test_the_four_dimensions_ship() -> None:
    for name in ("boilerplate", "loaded_language", "source_attribution", "translation_artifacts"):
        assert name in BUILTINS


@pytest.mark.parametrize("name", BUILTINS)
def test_conformance(name: str) -> None:
    check_scorer(SCORERS[name])


@pytest.mark.parametrize("name", BUILTINS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=NEWSY)
def test_arbitrary_unicode_never_crashes(name: str, text: str) -> None:
    scorer = SCORERS[name]
    doc = Document("fuzz", text)
    check_result(scorer.score(doc), scorer, doc)
