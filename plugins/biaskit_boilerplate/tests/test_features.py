"""Features are plain numbers with the meaning their names promise."""

from __future__ import annotations

import math

from biaskit_boilerplate.features import (
    CONTEXT_FEATURES,
    LINE_FEATURES,
    document_features,
    line_features,
)

PROSE = (
    "The ministry said on Tuesday that it would not change its position, and that the "
    "talks were expected to resume at the end of the month."
)


def test_all_features_are_finite_numbers() -> None:
    segs, feats, ctx = document_features("Menu\n\n" + PROSE + "\nTags: a, b\n")
    assert len(segs) == len(feats) == len(ctx) == 3
    for f, c in zip(feats, ctx, strict=True):
        assert f._fields == LINE_FEATURES and c._fields == CONTEXT_FEATURES
        for value in (*f, *c):
            assert isinstance(value, int | float) and math.isfinite(value)


def test_prose_is_dense_with_function_words_and_menus_are_not() -> None:
    prose = line_features(PROSE)
    menu = line_features("World Politics Business Technology Sport")
    assert prose.stop_ratio > 0.3 > menu.stop_ratio
    assert prose.ends_sentence == 1 and menu.ends_sentence == 0
    assert menu.title_ratio == 1.0 and prose.title_ratio < 0.3


def test_title_ratio_ignores_lower_case_function_words() -> None:
    assert line_features("Russia Ready for Dialogue With US on Syria").title_ratio == 1.0


def test_shape_flags() -> None:
    assert line_features("terror attacks, John Kerry, Sergei Lavrov, United States").comma_list
    assert not line_features("Russia, Turkey, and Iran have agreed to meet again.").comma_list
    assert line_features("05:45 GMT13 August 2020").timestamp
    assert line_features("Updated 3 hours ago").timestamp
    assert not line_features("In 2018 the plant closed").timestamp
    assert line_features("Battle Against Daesh in Syria (180)").count_suffix
    assert line_features("Home | World | Europe").n_separators == 2
    assert line_features("Sputnik").agency_only
    assert not line_features("Sputnik reported the news").agency_only
    assert line_features("By Jane Doe").byline
    assert not line_features("By the end of the year").byline
    assert line_features("With respect to several officers during the...").ends_ellipsis
    assert line_features("Visit www.example.com").link_like


def test_wrapped_lines_are_rejoined_into_one_paragraph() -> None:
    text = (
        "The ministry said on Tuesday that it would not change its\n"
        "position, and that the talks were expected to resume at\n"
        "the end of the month.\n"
    )
    _, _, ctx = document_features(text)
    assert [c.block_start for c in ctx] == [0, 0, 0]
    assert all(c.block_prose for c in ctx)
    assert ctx[0].block_lines == 3


def test_blank_line_context() -> None:
    _, _, ctx = document_features("A line\nglued to this\n\nand a separate one")
    assert [c.blank_before for c in ctx] == [1, 0, 1]
    assert [c.blank_after for c in ctx] == [0, 1, 1]
    assert ctx[0].doc_blank_separated == 0.5
