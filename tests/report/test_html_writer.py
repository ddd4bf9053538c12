"""The HTML writer without a browser: content, escaping, self-containment, caps, robustness."""

from __future__ import annotations

import base64
import hashlib
import io
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_support import (
    ATTR,
    ATTR_SINGLE,
    EXAMPLES,
    PAYLOADS,
    SCRIPT,
    Node,
    corpus_reports,
    error_report,
    hostile_report,
    overlap_report,
    parse,
)
from typer.testing import CliRunner

from biaskit.aggregate import build_report
from biaskit.cli import app
from biaskit.model import DimensionScore, Report, Span
from biaskit.plugins import get_plugin_manager, writers
from biaskit.report.corpus import CorpusStats
from biaskit.report.html import HtmlWriter


def render(reports: Iterable[Report], **options: Any) -> str:
    out = io.StringIO()
    HtmlWriter().write(iter(reports), out, options)
    return out.getvalue()


def articles(tree: Node) -> list[Node]:
    return tree.find_all("article", "doc")


def test_the_writer_is_a_builtin_plugin() -> None:
    found = writers(get_plugin_manager(entrypoints=False))
    assert isinstance(found["html"], HtmlWriter)
    assert found["html"].extension == ".html"


def test_every_span_is_highlighted_and_has_its_reason() -> None:
    report = overlap_report()
    tree = parse(render([report]))
    (doc,) = articles(tree)
    notes = doc.find_all("li", "note")
    spans = [(name, span) for name, s in report.scores.items() for span in s.spans]
    assert len(notes) == len(spans)
    for note, (name, span) in zip(notes, spans, strict=True):
        assert note.attrs["data-dim"] == name
        assert span.note in note.text() and span.label in note.text()
        assert report.text is not None
        assert report.text[span.start : span.end] in note.find("q").text()
        # every span is covered by highlights carrying a reference to its note
        covered = "".join(
            m.text() for m in doc.find_all("mark", "hl") if note.attrs["id"] in m.attrs["data-n"]
        )
        assert covered == report.text[span.start : span.end]


def test_highlighting_keeps_the_text_exactly() -> None:
    report = overlap_report()
    (doc,) = articles(parse(render([report])))
    assert doc.find("div", "text").text() == report.text


def test_a_segment_is_coloured_by_its_innermost_span_and_lists_all() -> None:
    report = overlap_report()
    assert report.text is not None
    (doc,) = articles(parse(render([report])))
    marks = {m.text(): m for m in doc.find_all("mark", "hl")}
    # "reckless" sits in "reckless scheme", in the loaded sentence and in the reported content
    reckless = marks["reckless"]
    assert reckless.attrs["data-dim"] == "loaded"
    assert len(reckless.attrs["data-n"].split()) == 4
    assert "box-shadow" in reckless.attrs["style"]  # another dimension covers it: underlined
    # the rest of the sentence is only the pale sentence-level span plus the reported content
    assert marks[" was a "].attrs["data-dim"] == "attribution"


def test_scores_are_bars_with_labels_and_a_legend() -> None:
    report = overlap_report(score=0.25)
    tree = parse(render([report]))
    rows = {r.attrs["data-dim"]: r for r in tree.find_all("div", "score-row")}
    assert set(rows) == set(report.scores)
    assert rows["loaded"].find("span", "fill").attrs["style"].startswith("width:25.0%")
    assert rows["attribution"].find("span", "fill").attrs["style"].startswith("width:75.0%")
    assert "mild" in rows["loaded"].text()
    legend = tree.find("div", "legend")
    assert [li.text() for li in legend.find("ul", "dims").find_all("li")] == sorted(report.scores)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_and_metadata_render_as_text(payload: str) -> None:
    markup = render([hostile_report(), overlap_report()])
    assert payload not in markup
    tree = parse(markup)
    scripts = tree.find_all("script")
    assert len(scripts) == 1 and "__pwned" not in scripts[0].text()
    assert not tree.find_all("img")
    for node in tree.iter():
        for name, _ in node.all_attrs:
            assert not name.startswith("on"), f"<{node.tag} {name}=…> from the data"
    (doc, _) = articles(tree)
    assert payload in doc.find("div", "text").text()
    assert payload in doc.find("dl", "meta").text()
    assert payload in doc.find("aside", "notes").text()


def test_hostile_values_reach_the_summary_as_text() -> None:
    tree = parse(render([hostile_report(), *corpus_reports()]))
    table = tree.find("table", "breakdown-table", data_field="outlet")
    assert ATTR in [row.text() for row in table.find_all("th")]
    ids = [a.text() for a in tree.find("table", id="article-table").find_all("a")]
    assert f"hostile {SCRIPT}" in ids
    assert ATTR_SINGLE in articles(tree)[0].find("dl", "meta").text()
    assert tree.find("title").text().startswith("biaskit report")


def test_the_page_is_self_contained() -> None:
    markup = render(corpus_reports())
    for pattern in (
        r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//""",
        r"@import",
        r"@font-face",
        r"url\(",
        r"<link\b",
        r"<iframe\b",
        r"<object\b",
    ):
        assert not re.search(pattern, markup, re.IGNORECASE), pattern
    tree = parse(markup)
    for node in tree.iter():
        for name in ("src", "href"):
            value = node.attrs.get(name)
            assert value is None or value.startswith("#"), (node.tag, name, value)


def test_the_content_security_policy_allows_only_the_reports_own_script() -> None:
    tree = parse(render([overlap_report()]))
    policy = tree.find("meta", http_equiv="Content-Security-Policy").attrs["content"]
    assert "default-src 'none'" in policy
    script = tree.find("script").text()
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy


def test_corpus_summary_has_histograms_breakdowns_and_a_sortable_table() -> None:
    reports = corpus_reports()
    tree = parse(render(reports))
    summary = tree.find("section", id="summary")
    scored = [r for r in reports if r.scores]
    dims = sorted({d for r in scored for d in r.scores})
    cards = summary.find_all("figure", "hist-card")
    assert [c.attrs["data-dim"] for c in cards] == dims
    for card in cards:
        bins = card.find_all("rect", "bin")
        assert len(bins) == 10
        n = sum(1 for r in scored if card.attrs["data-dim"] in r.scores)
        assert sum(int(b.attrs["data-count"]) for b in bins) == n
    outlet = summary.find("table", "breakdown-table", data_field="outlet")
    counts = {
        row.find("th").text(): int(row.find_all("td")[0].text())
        for row in outlet.find("tbody").find_all("tr")
    }
    assert counts == {"Daily A": 2, "Daily B": 3, "Weekly C": 1, ATTR: 1}
    # identifiers (line) and constants (lang) are not broken down
    assert {t.attrs["data-field"] for t in summary.find_all("table", "breakdown-table")} == {
        "outlet"
    }
    table = summary.find("table", id="article-table")
    assert "sortable" in table.classes
    heads = [th.text() for th in table.find("thead").find_all("th")]
    assert heads == ["#", "article", "outlet", *dims, "spans", "status"]
    assert all(th.find("button") for th in table.find("thead").find_all("th"))
    assert len(table.find("tbody").find_all("tr")) == len(reports)


def test_breakdown_means_are_the_group_means() -> None:
    reports = [
        overlap_report(i, o, s) for i, (o, s) in enumerate([("A", 0.2), ("A", 0.6), ("B", 1.0)])
    ]
    tree = parse(render(reports))
    table = tree.find("table", "breakdown-table", data_field="outlet")
    heads = [th.text() for th in table.find("thead").find_all("th")]
    rows = {r.find("th").text(): r.find_all("td") for r in table.find("tbody").find_all("tr")}
    loaded = heads.index("loaded") - 1
    assert float(rows["A"][loaded].attrs["data-v"]) == pytest.approx(0.4)
    assert float(rows["B"][loaded].attrs["data-v"]) == pytest.approx(1.0)


def test_corpus_stats_count_articles_missing_a_field() -> None:
    stats = CorpusStats()
    for i, report in enumerate(corpus_reports()[:5]):
        meta: Mapping[str, Any] = {} if i < 2 else {"desk": "world" if i % 2 else "home"}
        stats.add(Report(report.id, "", report.scores, meta=meta))
    groups = stats.breakdowns()["desk"]
    assert {k: g.n for k, g in groups.items()} == {"home": 2, "world": 1, "(none)": 2}
    assert groups["(none)"].mean("loaded") == pytest.approx((0.1 + 0.9) / 2)
    assert stats.as_dict()["dimensions"]["loaded"]["histogram"][1] == 1


def test_large_corpora_cap_the_detail_but_the_summary_counts_everything() -> None:
    reports = [overlap_report(i, f"Outlet {i % 3}", (i % 10) / 10) for i in range(30)]
    tree = parse(render(reports, max_articles=4, max_rows=10))
    assert len(articles(tree)) == 4
    caps = [p.text() for p in tree.find_all("p", "cap")]
    assert any("first 4 of 30" in c for c in caps) and any("first 10 of 30" in c for c in caps)
    bins = tree.find("figure", "hist-card", data_dim="loaded").find_all("rect", "bin")
    assert [int(b.attrs["data-count"]) for b in bins] == [3] * 10
    rows = tree.find("table", id="article-table").find("tbody").find_all("tr")
    assert len(rows) == 10
    assert len(tree.find("table", id="article-table").find_all("a")) == 4
    assert "30 articles" in tree.find("header").text()


def test_max_articles_zero_keeps_only_the_summary() -> None:
    tree = parse(render([overlap_report(i) for i in range(3)], max_articles=0))
    assert not articles(tree) and not tree.find("table", id="article-table").find_all("a")
    assert "first 0 of 3" in tree.find("section", id="articles").text()


def test_a_single_article_has_no_corpus_summary() -> None:
    tree = parse(render([overlap_report()]))
    assert not tree.find_all("section", id="summary")
    assert len(articles(tree)) == 1
    assert tree.find("title").text() == "biaskit report: article-0"


def test_errors_missing_text_and_empty_input() -> None:
    tree = parse(render([error_report(), overlap_report()]))
    broken = articles(tree)[0]
    assert "file not found" in broken.find("p", "error").text()
    assert "not kept" in broken.find("div", "text").text()
    assert "1 with errors" in tree.find("header").text()
    empty = parse(render([]))
    assert "No articles" in empty.find("main").text()


def test_output_is_deterministic() -> None:
    assert render(corpus_reports()) == render(corpus_reports())


def test_colours_follow_the_runs_dimensions() -> None:
    report = overlap_report()
    a = parse(render([report], dimensions=["attribution", "furniture", "loaded"]))
    b = parse(render([report], dimensions=["attribution", "furniture", "loaded", "aaa"]))
    colour = {
        li.text(): li.find("span", "sw").attrs["style"]
        for li in a.find("ul", "dims").find_all("li")
    }
    assert len(set(colour.values())) == 3
    other = {
        li.text(): li.find("span", "sw").attrs["style"]
        for li in b.find("ul", "dims").find_all("li")
    }
    assert other["aaa"] == colour["attribution"]  # colours go by name order over the run


TEXT = st.text(st.characters(codec="utf-8") | st.sampled_from(["<", "&", '"', "\n", "\ud800"]))


@st.composite
def report_with_spans(draw: st.DrawFn) -> Report:
    text = draw(TEXT)
    n = len(text)
    raw = draw(
        st.lists(
            st.tuples(st.integers(0, n), st.integers(0, n), st.sampled_from("xyz")), max_size=12
        )
    )
    by_dim: dict[str, list[Span]] = {}
    for a, b, dim in raw:
        by_dim.setdefault(dim, []).append(
            Span(min(a, b), max(a, b), draw(TEXT) or "l", 0.5, draw(TEXT))
        )
    scores = {
        d: DimensionScore(
            d, 0.5, draw(TEXT) or "l", tuple(sorted(s, key=lambda x: (x.start, x.end)))
        )
        for d, s in by_dim.items()
    }
    return build_report(draw(TEXT), draw(TEXT), scores, {}, meta={"outlet": draw(TEXT)}, text=text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(report_with_spans(), min_size=1, max_size=3))
def test_arbitrary_unicode_and_spans_never_break_the_page(reports: list[Report]) -> None:
    markup = render(reports)
    markup.encode("utf-8")  # writable as UTF-8, lone surrogates included
    tree = parse(markup)
    assert len(tree.find_all("script")) == 1
    docs = articles(tree)
    assert len(docs) == len(reports)
    for doc, report in zip(docs, reports, strict=True):
        assert report.text is not None
        expected = re.sub("[\ud800-\udfff]", "\ufffd", report.text)
        assert doc.find("div", "text").text() == expected
        n_spans = sum(len(s.spans) for s in report.scores.values())
        assert len(doc.find_all("li", "note")) == n_spans


def test_cli_writes_an_html_report_for_the_examples(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["score", str(EXAMPLES), "-f", "html", "-o", str(out), "--jobs", "1"]
    )
    assert result.exit_code == 0, result.output
    tree = parse(out.read_text("utf-8"))
    assert len(articles(tree)) == 4
    assert len(tree.find_all("mark", "hl")) > 20
    assert tree.find("table", "breakdown-table", data_field="outlet")
