"""The HTML report in a real headless Chromium: highlights, legend, bars and charts are there and
drawn, the tables sort, hovering shows the reasons, an injected script never runs, nothing is
loaded from anywhere, and screenshots are kept in tests/output/ for a person to look at.

Skipped (with the reason) when Chromium, its driver or Selenium is missing, except in CI.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_support import (
    ATTR,
    EXAMPLES,
    HOSTILE_TEXT,
    OUTPUT,
    PAYLOADS,
    SCRIPT,
    hostile_report,
    overlap_report,
)

import biaskit
from biaskit import Document, Report
from biaskit.io.readers import read_sources
from biaskit.plugins import get_plugin_manager, readers
from biaskit.report.html import HtmlWriter

# examples/ holds four articles (two files, two JSONL lines); two more and a hostile one here.
ARTICLES = 7
DIMENSIONS = ["boilerplate", "loaded_language", "source_attribution", "translation_artifacts"]

# Short fictional articles, written for these tests, so the corpus has several outlets.
EXTRA = {
    "Harbour Post (fictional)": (
        "Port workers voted on Thursday to accept a new pay offer, ending a two-week dispute, "
        "union officials said.\n\nThe agreement raises wages by four percent, according to a "
        'statement from the harbour authority. "It is a fair deal," said Maria Lind, a union '
        "representative.\n\nShare this article\nRead more: Ferry timetable changes"
    ),
    "Valley Times (fictional)": (
        "The disgraceful decision by the reckless council has outraged residents, who call the "
        "so-called reform a shameless betrayal.\n\nCritics slammed the scheme as a disaster."
    ),
}


def _write(reports: list[Report], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        HtmlWriter().write(iter(reports), out, {"dimensions": DIMENSIONS})
    return path


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples plus a few more articles, scored by the built-in scorers."""
    pm = get_plugin_manager()
    items: list[Any] = list(read_sources([str(EXAMPLES)], {"input_format": "auto"}, readers(pm)))
    for i, (outlet, text) in enumerate(EXTRA.items()):
        items.append(Document(f"extra-{i}", text, meta={"outlet": outlet}))
    items.append(Document(f"hostile {SCRIPT}", HOSTILE_TEXT, meta={"outlet": ATTR}))
    reports = list(biaskit.score_documents(items, DIMENSIONS))
    assert len(reports) == ARTICLES
    assert [r.errors for r in reports if r.errors] == []
    path = _write(reports, tmp_path_factory.mktemp("report") / "report.html")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, OUTPUT / "report.html")
    return path


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Spans and notes over injection payloads (hand-made, so the spans cover them exactly)."""
    reports = [hostile_report(), overlap_report(1, ATTR), overlap_report(2, "B")]
    return _write(reports, tmp_path_factory.mktemp("hostile") / "hostile.html")


@pytest.fixture
def page(browser: Any, corpus_page: Path) -> Iterator[Any]:
    browser.get(corpus_page.as_uri())
    browser.get_log("browser")  # drop anything from earlier pages
    yield browser


def js(driver: Any, script: str, *args: Any) -> Any:
    return driver.execute_script(script, *args)


def test_browser_highlights_legend_and_score_bars(page: Any) -> None:
    docs = js(page, "return document.querySelectorAll('article.doc').length")
    assert docs == ARTICLES
    result = js(
        page,
        """
        const out = {marks: 0, unpainted: 0, dims: new Set()};
        for (const m of document.querySelectorAll('mark.hl')) {
          out.marks++;
          out.dims.add(m.dataset.dim);
          const bg = getComputedStyle(m).backgroundColor;
          if (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent') out.unpainted++;
        }
        out.dims = [...out.dims].sort();
        out.legend = [...document.querySelectorAll('.legend ul.dims li')].map(
          li => [li.textContent, getComputedStyle(li.querySelector('.sw')).backgroundColor]);
        out.bars = [...document.querySelectorAll('.score-row')].map(r => [
          r.dataset.dim, parseFloat(r.dataset.score),
          r.querySelector('.fill').getBoundingClientRect().width /
            r.querySelector('.bar').getBoundingClientRect().width,
          getComputedStyle(r.querySelector('.fill')).backgroundColor]);
        return out;
        """,
    )
    assert result["marks"] > 50 and result["unpainted"] == 0
    assert result["dims"] == DIMENSIONS
    legend = dict(result["legend"])
    assert sorted(legend) == DIMENSIONS and len(set(legend.values())) == 4
    for dim, score, ratio, colour in result["bars"]:
        assert ratio == pytest.approx(score, abs=0.01)
        assert colour == legend[dim]


def test_browser_hover_shows_every_reason_of_the_words(page: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.wait import WebDriverWait

    mark = js(
        page,
        """return [...document.querySelectorAll('#doc-1 mark.hl')]
             .find(m => m.dataset.n.split(' ').length >= 2);""",
    )
    assert mark is not None
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    ActionChains(page).move_to_element(mark).perform()
    WebDriverWait(page, 5).until(lambda d: js(d, "return !document.getElementById('tip').hidden"))
    tip = js(
        page,
        """const tip = document.getElementById('tip');
           const ids = arguments[0].dataset.n.split(' ');
           return {hidden: tip.hidden, shown: tip.querySelectorAll('.note').length,
                   text: tip.textContent, ids: ids.length,
                   notes: ids.map(id => document.getElementById(id)
                                          .querySelector('.why').textContent)};""",
        mark,
    )
    assert not tip["hidden"] and tip["shown"] == tip["ids"]
    for note in tip["notes"]:
        assert note in tip["text"]
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.save_screenshot(str(OUTPUT / "report-article-hover.png"))


def test_browser_clicking_a_reason_marks_its_words(page: Any) -> None:
    note = page.find_element("css selector", "#doc-1 li.note")
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", note)
    note.click()
    flashed = js(
        page,
        """return [...document.querySelectorAll('mark.flash')]
             .every(m => m.dataset.n.split(' ').includes(arguments[0]))
           && document.querySelectorAll('mark.flash').length""",
        note.get_attribute("id"),
    )
    assert flashed >= 1


def test_browser_histograms_are_drawn(page: Any) -> None:
    charts = js(
        page,
        """return [...document.querySelectorAll('figure.hist-card')].map(f => ({
             dim: f.dataset.dim,
             width: f.querySelector('svg.hist').getBoundingClientRect().width,
             bins: [...f.querySelectorAll('rect.bin')].map(
               r => [parseInt(r.dataset.count), r.getBoundingClientRect().height])}));""",
    )
    assert [c["dim"] for c in charts] == DIMENSIONS
    for chart in charts:
        assert chart["width"] > 200 and len(chart["bins"]) == 10
        assert sum(count for count, _ in chart["bins"]) == ARTICLES
        tallest = max(chart["bins"])
        assert tallest[1] > 40  # the fullest bin is drawn tall
        for count, height in chart["bins"]:
            assert (height > 0.5) == (count > 0)


SORT_EVERY_COLUMN = """
const table = document.querySelector(arguments[0]);
const column = i => [...table.tBodies[0].rows].map(r => r.children[i].getAttribute('data-v'));
return [...table.tHead.rows[0].children].map((th, i) => {
  const before = column(i);
  th.querySelector('button').click();
  const up = [th.getAttribute('aria-sort'), column(i)];
  th.querySelector('button').click();
  const down = [th.getAttribute('aria-sort'), column(i)];
  const others = [...table.tHead.rows[0].children].filter(h => h !== th)
    .map(h => h.getAttribute('aria-sort'));
  return {kind: th.dataset.type, before, up, down, others};
});
"""


def _expected(values: list[str | None], kind: str, descending: bool) -> list[str | None]:
    present = [v for v in values if v not in (None, "")]
    missing = [v for v in values if v in (None, "")]
    key: Any = float if kind == "num" else str.lower
    return sorted(present, key=key, reverse=descending) + missing


@pytest.mark.parametrize("table", ["#article-table", "table.breakdown-table"])
def test_browser_tables_sort_by_any_column(page: Any, table: str) -> None:
    # one real click through the driver, then every column both ways in the page
    head = page.find_element("css selector", f"{table} thead th:nth-child(2) button")
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", head)
    head.click()
    assert head.find_element("xpath", "..").get_attribute("aria-sort") == "ascending"
    columns = js(page, SORT_EVERY_COLUMN, table)
    assert len(columns) >= 6
    for col in columns:
        assert col["up"] == ["ascending", _expected(col["before"], col["kind"], False)]
        assert col["down"] == ["descending", _expected(col["before"], col["kind"], True)]
        assert set(col["others"]) == {"none"}
    assert len({tuple(c["up"][1]) for c in columns}) > 1  # the columns really differ


def test_browser_filter_narrows_the_article_table(page: Any) -> None:
    box = page.find_element("id", "filter")
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.send_keys("valley")
    visible = js(
        page,
        """return [...document.querySelectorAll('#article-table tbody tr')]
             .filter(r => !r.hidden).map(r => r.textContent);""",
    )
    assert len(visible) == 1 and "Valley Times" in visible[0]


def test_browser_injected_script_never_runs(browser: Any, hostile_page: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(hostile_page.as_uri())
    mark = browser.find_element("css selector", "#doc-1 mark.hl")
    ActionChains(browser).move_to_element(mark).perform()
    # every tooltip and every click handler, over every payload-bearing span and note
    js(
        browser,
        """for (const m of document.querySelectorAll('mark.hl')) {
             m.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
             m.click();
           }
           for (const n of document.querySelectorAll('li.note')) n.click();""",
    )
    state = js(
        browser,
        """return {pwned: typeof window.__pwned, scripts: document.scripts.length,
                   images: document.images.length,
                   handlers: [...document.querySelectorAll('*')].flatMap(
                     e => [...e.attributes].map(a => a.name).filter(n => n.startsWith('on'))),
                   text: document.querySelector('#doc-1 .text').textContent,
                   outlet: document.querySelector('#doc-1 dl.meta').textContent,
                   title: document.querySelector('#doc-1 h2').textContent};""",
    )
    assert state["pwned"] == "undefined"
    assert state["scripts"] == 1 and state["images"] == 0 and state["handlers"] == []
    for payload in PAYLOADS:
        assert payload in state["text"]
        assert payload in state["outlet"]
    assert SCRIPT in state["title"]


def test_browser_loads_nothing_and_logs_no_errors(page: Any) -> None:
    resources = js(page, "return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources == []
    page.find_element("css selector", "#article-table thead th button").click()
    errors = [e for e in page.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert errors == []


def test_browser_screenshots(page: Any) -> None:
    """Pictures for a person to check in tests/output/: report-summary.png, report-table.png
    (sorted by loaded_language, highest first) and report-article.png; the hover test adds
    report-article-hover.png."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.set_window_size(1400, 1000)
    js(page, "window.scrollTo(0, 0)")
    page.save_screenshot(str(OUTPUT / "report-summary.png"))
    page.find_element("css selector", "#article-table th:nth-child(5) button").click()
    page.find_element("css selector", "#article-table th:nth-child(5) button").click()
    js(page, "document.getElementById('table').scrollIntoView()")
    page.save_screenshot(str(OUTPUT / "report-table.png"))
    js(page, "document.getElementById('doc-2').scrollIntoView()")
    page.save_screenshot(str(OUTPUT / "report-article.png"))
    for name in ("report-summary.png", "report-table.png", "report-article.png"):
        data = (OUTPUT / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
