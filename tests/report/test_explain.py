"""``biaskit explain``: the article with coloured spans, then scores and reasons."""

from __future__ import annotations

import io
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_support import EXAMPLES, hostile_report, overlap_report
from rich.console import Console
from typer.testing import CliRunner

from biaskit.aggregate import build_report
from biaskit.cli import app
from biaskit.model import DimensionScore, Report, Span
from biaskit.report.explain import clean, explain_reports

runner = CliRunner()
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def show(reports: list[Report], colour: bool, **kw: int) -> str:
    out = io.StringIO()
    console = Console(
        file=out,
        width=100,
        force_terminal=colour,
        no_color=not colour,
        color_system="truecolor" if colour else None,
        highlight=False,
    )
    explain_reports(reports, console, max_notes=kw.get("max_notes", 0))
    return out.getvalue()


def test_explain_prints_the_article_scores_and_every_reason() -> None:
    path = EXAMPLES / "articles" / "harbour-dispute.txt"
    result = runner.invoke(app, ["explain", str(path), "--no-color", "--width", "120"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "\x1b" not in out
    assert "Follow us on Twitter and Facebook!" in out  # the article itself
    for name in ("boilerplate", "loaded_language", "source_attribution", "translation_artifacts"):
        assert re.search(rf"^{name}\s+\d\.\d\d\s+█", out, re.M), name  # score row with a bar
        assert f"{name}: why" in out
    assert "asks the reader to follow the outlet on social media" in out
    assert out.index("Follow us on Twitter") < out.index("boilerplate: why")


def test_explain_colours_each_span_by_its_innermost_dimension() -> None:
    out = show([overlap_report()], colour=True)
    # colours go by name: attribution blue, furniture vermillion, loaded bluish green
    green_bg = "48;2;0;158;115"
    assert re.search(rf"\x1b\[[0-9;]*{green_bg}[0-9;]*m[^\x1b]*reckless", out)
    # "reckless" is also covered by the attribution span: underlined (SGR 4)
    reckless = re.search(r"\x1b\[([0-9;]*)m[^\x1b]*reckless", out)
    assert reckless is not None and "4" in reckless.group(1).split(";")
    # the read-more link is the furniture dimension's: vermillion
    assert re.search(r"\x1b\[[0-9;]*48;2;213;94;0[0-9;]*mRead more", out)
    plain = ANSI.sub("", out)
    assert "The senator said the reckless scheme was a total disaster for everyone." in plain


def test_explain_lists_reasons_and_caps_them_on_request() -> None:
    report = overlap_report()
    out = show([report], colour=False)
    for score in report.scores.values():
        for span in score.spans:
            assert span.note in out
    capped = show([report], colour=False, max_notes=1)
    assert "… 3 more" in capped and "hyperbole" not in capped


def test_explain_neutralises_terminal_escapes_in_the_data() -> None:
    text = "Plain words \x1b]0;pwned\x07 then \x1b[31mred\x1b[0m and a bell\x07 end."
    start = text.index("red")
    scores = {
        "dim": DimensionScore(
            "dim", 0.5, "label\x1b[2J", (Span(start, start + 3, "lab\x1b[5m", 1.0, "note\x1b[2J"),)
        )
    }
    report = build_report(
        "id\x1b[2J", "src", scores, {}, meta={"outlet": "\x1b]0;x\x07"}, text=text
    )
    plain = show([report], colour=False)
    assert "\x1b" not in plain and "\x07" not in plain
    assert "Plain words \ufffd]0;pwned\ufffd then \ufffd[31mred" in plain
    coloured = show([report], colour=True)
    assert "\x1b]" not in coloured and "\x1b[2J" not in coloured and "\x1b[31m" not in coloured
    assert clean("a\tb\nc\x00\x9b") == "a\tb\nc\ufffd\ufffd"


def test_explain_shows_errors_and_hostile_markup_as_text() -> None:
    out = show([hostile_report()], colour=False)
    assert "<script>window.__pwned = 'text';</script>" in out  # markup is just text here
    path = Path("does/not/exist.txt")
    result = runner.invoke(app, ["explain", str(path), "--no-color", "-p", "boilerplate"])
    assert result.exit_code == 1
    assert "error" in result.stdout and "exist.txt" in result.stdout


def test_explain_usage_errors_exit_2() -> None:
    path = str(EXAMPLES / "articles" / "harbour-dispute.txt")
    assert runner.invoke(app, ["explain", path, "-p", "nope"]).exit_code == 2
    assert runner.invoke(app, ["explain", path, "--input-format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["explain"]).exit_code == 2


TEXT = st.text(st.characters(codec="utf-8") | st.sampled_from(["\x1b", "\x07", "[", "\r", "\n"]))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=8), TEXT)
def test_arbitrary_text_and_spans_never_crash_or_leak_escapes(
    text: str, raw: list[tuple[int, int]], note: str
) -> None:
    n = len(text)
    spans = sorted(
        (Span(min(a, b, n), min(max(a, b), n), "l", 0.5, note) for a, b in raw),
        key=lambda s: (s.start, s.end),
    )
    report = build_report(
        "doc", "", {"d": DimensionScore("d", 0.5, "x", tuple(spans))}, {}, text=text
    )
    assert "\x1b" not in show([report], colour=False)
    coloured = ANSI.sub("", show([report], colour=True))
    assert "\x1b" not in coloured
