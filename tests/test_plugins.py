"""Plugin loading through real entry points, and the failures it must survive."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from biaskit.plugins import (
    PluginConflict,
    PluginManager,
    UnknownDimension,
    get_plugin_manager,
    scorers,
    select_scorers,
)

GOOD = """
from biaskit import DimensionScore, hookimpl

biaskit_hook_version = "1.0"

class Hedging:
    name = "hedging"
    version = "0.3.0"
    description = "hedges per sentence"
    default = True

    def score(self, doc):
        n = doc.text.lower().count("may")
        return DimensionScore("hedging", min(1.0, n / 10), "hedged" if n else "direct",
                              metrics={"hedges": n})

@hookimpl
def biaskit_scorers():
    return [Hedging()]
"""


def test_builtin_dimensions_arrive_through_entry_points() -> None:
    pm = get_plugin_manager()
    found = scorers(pm)
    for name in ("boilerplate", "loaded_language", "source_attribution", "translation_artifacts"):
        assert name in found
        info = pm.plugin_info[name]
        assert info.distribution == "biaskit" and info.error is None
        assert info.scorers == (name,)


def test_third_party_plugin_is_found(make_dist: Callable[..., Path]) -> None:
    make_dist("biaskit-hedging", {"hedging_plugin": GOOD}, {"hedging": "hedging_plugin"})
    pm = get_plugin_manager()
    assert "hedging" in scorers(pm)
    info = pm.plugin_info["hedging"]
    assert (info.distribution, info.version, info.error) == ("biaskit-hedging", "0.3.0", None)


def test_broken_plugin_is_reported_and_others_keep_working(
    make_dist: Callable[..., Path],
) -> None:
    make_dist(
        "biaskit-broken",
        {"broken_plugin": "raise ImportError('needs a missing library')", "hedging_plugin": GOOD},
        {"broken": "broken_plugin", "hedging": "hedging_plugin"},
    )
    pm = get_plugin_manager()
    assert "needs a missing library" in (pm.plugin_info["broken"].error or "")
    assert "hedging" in scorers(pm) and "boilerplate" in scorers(pm)


def test_misspelled_hook_is_an_error_not_silence(make_dist: Callable[..., Path]) -> None:
    source = "from biaskit import hookimpl\n\n@hookimpl\ndef biaskit_scorer():\n    return []\n"
    make_dist("biaskit-typo", {"typo_plugin": source}, {"typo": "typo_plugin"})
    pm = get_plugin_manager()
    assert "biaskit_scorer" in (pm.plugin_info["typo"].error or "")
    assert "boilerplate" in scorers(pm)


def test_incompatible_hook_version_is_refused(make_dist: Callable[..., Path]) -> None:
    make_dist(
        "biaskit-future",
        {"future_plugin": GOOD.replace('"1.0"', '"2.0"')},
        {"future": "future_plugin"},
    )
    pm = get_plugin_manager()
    assert "hook version 2.0" in (pm.plugin_info["future"].error or "")
    assert "hedging" not in scorers(pm)


def test_hook_that_raises_or_returns_wrong_type_is_isolated(
    make_dist: Callable[..., Path],
) -> None:
    raises = "from biaskit import hookimpl\n\n@hookimpl\ndef biaskit_scorers():\n    1/0\n"
    wrong = "from biaskit import hookimpl\n\n@hookimpl\ndef biaskit_scorers():\n    return [42]\n"
    make_dist(
        "biaskit-bad",
        {"raises_plugin": raises, "wrong_plugin": wrong},
        {"raises": "raises_plugin", "wrong": "wrong_plugin"},
    )
    pm = get_plugin_manager()
    found = scorers(pm)
    assert "ZeroDivisionError" in (pm.plugin_info["raises"].error or "") or "division" in (
        pm.plugin_info["raises"].error or ""
    )
    assert "returned 42" in (pm.plugin_info["wrong"].error or "")
    assert "boilerplate" in found


def test_two_plugins_with_one_dimension_name_conflict(make_dist: Callable[..., Path]) -> None:
    make_dist("biaskit-hedging", {"hedging_plugin": GOOD}, {"hedging": "hedging_plugin"})
    make_dist("biaskit-hedging2", {"hedging_two": GOOD}, {"hedging2": "hedging_two"})
    with pytest.raises(PluginConflict, match="biaskit-hedging"):
        scorers(get_plugin_manager())


def test_load_only_the_plugins_named_in_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BIASKIT_LOAD_PLUGINS", "boilerplate")
    assert list(scorers(get_plugin_manager())) == ["boilerplate"]
    monkeypatch.setenv("BIASKIT_LOAD_PLUGINS", "")
    assert scorers(get_plugin_manager()) == {}


def test_selection_is_sorted_and_validated(inline_pm: PluginManager) -> None:
    assert [s.name for s in select_scorers(inline_pm)] == ["boom", "caps"]  # defaults only
    assert [s.name for s in select_scorers(inline_pm, ["caps,wild"])] == ["caps", "wild"]
    assert len(select_scorers(inline_pm, ["all"])) == 3
    with pytest.raises(UnknownDimension, match="nope"):
        select_scorers(inline_pm, ["nope"])
