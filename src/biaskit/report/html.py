"""The ``html`` output format: one self-contained file a researcher can open and pass around.

Per article: the text with every span highlighted in its dimension's colour (overlaps and
nesting resolved by ``biaskit.report.segments``), each span's reason beside the text and on
hover, the dimension scores as bars, the metrics behind them, and a legend. For a corpus, a
summary comes first: each dimension's distribution as a histogram, breakdowns by outlet or any
other metadata field the input carries, and a table of articles sortable by any column.

Safety: every piece of document text, metadata, label and note goes through ``esc`` (HTML
escaping, quotes included), and nothing from the data is ever placed in a script, a style or
a URL. As a second line of defence the page's Content-Security-Policy allows no network access
at all and runs only the report's own script, identified by its hash, so even a bug in the
escaping could not make an injected ``<script>`` or ``onerror=`` run. The file loads nothing:
no external scripts, stylesheets, fonts or images.

Memory: the writer must see the whole corpus before it can write the summary, so it keeps
per-article numbers (``CorpusStats``) for every article but the rendered detail of only the
first ``max_articles`` (default 500) and table rows for the first ``max_rows``; the page says
when it shows fewer than it counts.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import IO, Any

from biaskit.hookspecs import hookimpl
from biaskit.model import DimensionScore, Report
from biaskit.protocols import Writer
from biaskit.report.colours import Colours, rgba
from biaskit.report.corpus import BINS, CorpusStats, Group, meta_value
from biaskit.report.segments import Mark, excerpt, report_marks, segments

DEFAULT_MAX_ARTICLES = 500
DEFAULT_MAX_ROWS = 10_000
# Spans longer than this (sentences, whole quotes, paragraphs) are tinted lightly so that the
# shorter findings inside them (a term, a speaker, a cue) stand out.
LONG_SPAN = 60
EXCERPT_CHARS = 80
STRONG, PALE = 0.36, 0.14
# Breakdown fields also shown as columns of the article table.
MAX_META_COLUMNS = 3

_SURROGATES = re.compile("[\ud800-\udfff]")


def esc(value: object) -> str:
    """HTML-escape any value for text or a quoted attribute; lone surrogates (which cannot be
    written as UTF-8) become U+FFFD, one character for one, so offsets still hold."""
    return _SURROGATES.sub("\ufffd", html.escape(str(value), quote=True))


@cache
def _asset(name: str) -> str:
    return resources.files("biaskit.report").joinpath("assets", name).read_text("utf-8")


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _pct(value: float) -> str:
    return f"{min(max(value, 0.0), 1.0) * 100:.1f}%"


@dataclass(slots=True)
class _Row:
    """What the article table needs of one article, kept for every row shown."""

    number: int
    id: str
    source: str
    meta: dict[str, str]
    scores: dict[str, tuple[float, str]]
    spans: int
    errors: tuple[str, ...]
    linked: bool


@dataclass
class _State:
    colours: Colours
    stats: CorpusStats
    max_articles: int
    max_rows: int
    details: list[str] = field(default_factory=list)
    rows: list[_Row] = field(default_factory=list)
    provenance: Mapping[str, Any] | None = None


class HtmlWriter:
    """Writes one self-contained HTML report for all the reports it is given.

    Options: ``max_articles`` (articles rendered in detail, default 500), ``max_rows`` (rows
    of the article table, default 10,000), ``group_by`` (metadata fields to break results down
    by; default: ``outlet`` and any field whose values repeat), ``title``, and ``dimensions``
    (the run's dimensions, so colours are fixed before the first report arrives).
    """

    format = "html"
    extension = ".html"
    description = "one self-contained HTML file: highlighted evidence, score bars, corpus summary"

    def write(self, reports: Iterable[Report], stream: IO[str], options: Mapping[str, Any]) -> None:
        max_articles = options.get("max_articles")
        max_rows = options.get("max_rows")
        state = _State(
            colours=Colours(options.get("dimensions") or ()),
            stats=CorpusStats(options.get("group_by")),
            max_articles=DEFAULT_MAX_ARTICLES if max_articles is None else int(max_articles),
            max_rows=DEFAULT_MAX_ROWS if max_rows is None else int(max_rows),
        )
        for number, report in enumerate(reports, start=1):
            state.colours.add(report.scores)
            state.stats.add(report)
            if state.provenance is None and report.provenance:
                state.provenance = report.provenance
            if number <= state.max_articles:
                state.details.append(render_article(report, number, state.colours))
            if number <= state.max_rows:
                state.rows.append(_row(report, number, number <= state.max_articles))
        for part in render_page(state, str(options.get("title") or "")):
            stream.write(part)
        stream.flush()


def _row(report: Report, number: int, linked: bool) -> _Row:
    meta = {k: v for k, v in ((k, meta_value(v)) for k, v in report.meta.items()) if v is not None}
    return _Row(
        number=number,
        id=report.id,
        source=report.source,
        meta=meta,
        scores={n: (s.score, s.label) for n, s in report.scores.items()},
        spans=sum(len(s.spans) for s in report.scores.values()),
        errors=tuple(report.errors),
        linked=linked,
    )


# ---------------------------------------------------------------------------- the page


def render_page(state: _State, title: str) -> list[str]:
    """The page as pieces, written one by one so the page is never held twice in memory."""
    stats = state.stats
    n = stats.documents
    if not title:
        if n == 1 and state.rows:
            title = f"biaskit report: {state.rows[0].id}"
        else:
            title = f"biaskit report: {n} articles"
    script = _asset("report.js")
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src '{_csp_hash(script)}'; base-uri 'none'; form-action 'none'"
    )
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="generator" content="biaskit">\n',
        f"<title>{esc(title)}</title>\n<style>\n{_asset('report.css')}</style>\n</head>\n<body>\n",
        _page_header(state, title),
        "<main>\n",
    ]
    if n > 1:
        parts.append(_summary(state))
    if n == 0:
        parts.append('<p class="empty">No articles were given.</p>\n')
    if n:
        parts.append('<section id="articles" aria-label="Articles">\n')
        if n > len(state.details):
            parts.append(
                f'<p class="cap">Detail is shown for the first {len(state.details):,} of '
                f"{n:,} articles (max_articles); the summary above counts every article.</p>\n"
            )
        parts.extend(state.details)
        parts.append("</section>\n")
    parts.append("</main>\n")
    parts.append(_footer(state.provenance))
    parts.append('<div id="tip" role="tooltip" hidden></div>\n')
    parts.append(f"<script>{script}</script>\n</body>\n</html>\n")
    return parts


def _page_header(state: _State, title: str) -> str:
    stats = state.stats
    facts = f"{stats.documents:,} article{'s' if stats.documents != 1 else ''}"
    if stats.with_errors:
        facts += f", {stats.with_errors:,} with errors"
    nav = ""
    if stats.documents > 1:
        nav = (
            '<nav><a href="#summary">Summary</a> <a href="#table">Articles table</a> '
            '<a href="#articles">Articles</a></nav>'
        )
    return (
        f'<header class="top">\n<div class="titles"><h1>{esc(title)}</h1>'
        f'<span class="facts">{facts}</span>{nav}</div>\n'
        f"{legend(state.colours)}</header>\n"
    )


def legend(colours: Colours) -> str:
    """The dimensions' colours and how to read a highlight."""
    items = "".join(
        f'<li data-dim="{esc(name)}"><span class="sw" style="background:{colour}"></span>'
        f"{esc(name)}</li>"
        for name, colour in colours.items()
    )
    given = [colour for _, colour in colours.items()] or ["#666666"]
    sample, other = given[0], given[min(1, len(given) - 1)]
    keys = (
        f'<li class="key"><mark class="demo" style="background:{rgba(sample, STRONG)}">'
        "strong</mark>"
        " a finding (word, phrase)</li>"
        f'<li class="key"><mark class="demo" style="background:{rgba(sample, PALE)}">pale</mark>'
        " a long finding (sentence, quote, paragraph)</li>"
        f'<li class="key"><mark class="demo" style="background:{rgba(sample, STRONG)};'
        f'box-shadow:inset 0 -3px 0 {other}">'
        "underlined</mark> also flagged by the underline's dimension</li>"
    )
    return (
        '<div class="legend" role="group" aria-label="Legend">'
        f'<ul class="dims">{items}</ul><ul class="keys">{keys}</ul></div>\n'
    )


def _footer(provenance: Mapping[str, Any] | None) -> str:
    parts = ["<footer>Made with biaskit"]
    if provenance:
        version = provenance.get("biaskit")
        if version:
            parts.append(f" {esc(version)}")
        scorers = provenance.get("scorers")
        if isinstance(scorers, Mapping) and scorers:
            listed = ", ".join(f"{esc(k)} {esc(v)}" for k, v in scorers.items())
            parts.append(f"; scorers: {listed}")
    parts.append(
        ". Each highlight is a span a scorer flagged, with its reason; scores are in [0, 1], "
        "higher meaning more of what the dimension measures.</footer>\n"
    )
    return "".join(parts)


# ---------------------------------------------------------------------------- the summary


def _summary(state: _State) -> str:
    stats = state.stats
    colours = state.colours
    dims = sorted(stats.dimensions)
    out = ['<section id="summary" aria-label="Corpus summary">\n<h2>Summary</h2>\n']
    out.append('<div class="hists">\n')
    for name in dims:
        out.append(_histogram_card(name, stats, colours[name]))
    out.append("</div>\n")
    breakdowns = stats.breakdowns()
    for key, groups in breakdowns.items():
        out.append(_breakdown(key, groups, dims, colours))
    out.append(_article_table(state, list(breakdowns)[:MAX_META_COLUMNS], dims))
    out.append("</section>\n")
    return "".join(out)


def _histogram_card(name: str, stats: CorpusStats, colour: str) -> str:
    d = stats.dimensions[name]
    labels = "".join(
        f'<li><span class="lab">{esc(label)}</span> {count:,}</li>'
        for label, count in sorted(d.labels.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return (
        f'<figure class="hist-card" data-dim="{esc(name)}">\n'
        f'<figcaption><span class="sw" style="background:{colour}"></span>{esc(name)}'
        f'<span class="stat">n {d.n:,} · mean {d.mean:.2f} · median {d.median:.2f}</span>'
        f"</figcaption>\n{histogram_svg(name, d.bins, d.mean, colour)}"
        f'<ul class="labels">{labels}</ul>\n</figure>\n'
    )


def histogram_svg(name: str, bins: Sequence[int], mean: float, colour: str) -> str:
    """Counts of scores in ten equal bins over [0, 1] as an inline SVG bar chart."""
    left, top, width, height = 34, 10, 260, 100
    peak = max(bins) or 1
    step = width / len(bins)
    bars = []
    for i, count in enumerate(bins):
        h = height * count / peak
        lo, hi = i / BINS, (i + 1) / BINS
        bars.append(
            f'<rect class="bin" data-count="{count}" x="{left + i * step + 1:.1f}" '
            f'y="{top + height - h:.1f}" width="{step - 2:.1f}" height="{h:.1f}" '
            f'fill="{colour}"><title>{lo:.1f}–{hi:.1f}: {count:,} '
            f"article{'s' if count != 1 else ''}</title></rect>"
        )
    mx = left + width * min(max(mean, 0.0), 1.0)
    base = top + height
    return (
        f'<svg class="hist" viewBox="0 0 300 146" role="img" '
        f'aria-label="Distribution of {esc(name)} scores">'
        f'<line class="axis" x1="{left}" y1="{base}" x2="{left + width}" y2="{base}"/>'
        f'<line class="axis" x1="{left}" y1="{top}" x2="{left}" y2="{base}"/>'
        + "".join(bars)
        + f'<line class="mean" x1="{mx:.1f}" y1="{top - 4}" x2="{mx:.1f}" y2="{base}">'
        f"<title>mean {mean:.2f}</title></line>"
        f'<text x="{left - 4}" y="{top + 8}" text-anchor="end">{peak:,}</text>'
        f'<text x="{left - 4}" y="{base}" text-anchor="end">0</text>'
        f'<text x="{left}" y="{base + 16}" text-anchor="middle">0</text>'
        f'<text x="{left + width / 2}" y="{base + 16}" text-anchor="middle">0.5</text>'
        f'<text x="{left + width}" y="{base + 16}" text-anchor="middle">1</text>'
        f'<text x="{left + width / 2}" y="{base + 30}" text-anchor="middle" class="xl">'
        "score</text></svg>\n"
    )


def _score_cell(value: float | None, label: str, colour: str) -> str:
    if value is None:
        return '<td class="num" data-v="">–</td>'
    w = _pct(value)
    bg = f"background:linear-gradient(90deg,{rgba(colour, 0.30)} {w},transparent {w})"
    return (
        f'<td class="num sc" data-v="{value:.4f}" title="{esc(label)}" style="{bg}">'
        f"{value:.2f}</td>"
    )


def _th(label: str, kind: str, title: str = "") -> str:
    tip = f' title="{esc(title)}"' if title else ""
    # long snake_case names may break after an underscore (added after escaping)
    name = esc(label).replace("_", "_<wbr>")
    return (
        f'<th scope="col" data-type="{kind}" aria-sort="none"{tip}>'
        f'<button type="button">{name}</button></th>'
    )


def _breakdown(key: str, groups: Mapping[str, Group], dims: Sequence[str], colours: Colours) -> str:
    head = _th(key, "text") + _th("articles", "num") + _th("errors", "num")
    head += "".join(_th(d, "num", f"mean {d} score") for d in dims)
    body = []
    for value, group in groups.items():
        cells = [
            f'<th scope="row" data-v="{esc(value)}">{esc(value)}</th>',
            f'<td class="num" data-v="{group.n}">{group.n:,}</td>',
            f'<td class="num" data-v="{group.errors}">{group.errors:,}</td>',
        ]
        for d in dims:
            mean = group.mean(d)
            cells.append(_score_cell(mean, f"mean of {group.counts.get(d, 0)}", colours[d]))
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<div class="breakdown"><h3>By {esc(key)}</h3>'
        f'<table class="sortable breakdown-table" data-field="{esc(key)}">'
        f"<caption>Mean score per dimension for each {esc(key)}</caption>"
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "\n".join(body)
        + "\n</tbody></table></div>\n"
    )


def _article_table(state: _State, fields: Sequence[str], dims: Sequence[str]) -> str:
    colours = state.colours
    head = _th("#", "num") + _th("article", "text")
    head += "".join(_th(f, "text") for f in fields)
    head += "".join(_th(d, "num") for d in dims)
    head += _th("spans", "num") + _th("status", "text")
    body = []
    for row in state.rows:
        name = esc(row.id)
        link = f'<a href="#doc-{row.number}">{name}</a>' if row.linked else name
        cells = [
            f'<td class="num" data-v="{row.number}">{row.number}</td>',
            f'<td class="id" data-v="{name}" title="{esc(row.source)}">{link}</td>',
        ]
        for f in fields:
            value = row.meta.get(f, "")
            cells.append(f'<td class="meta" data-v="{esc(value)}">{esc(value)}</td>')
        for d in dims:
            score = row.scores.get(d)
            cells.append(
                _score_cell(None, "", "")
                if score is None
                else _score_cell(score[0], score[1], colours[d])
            )
        status = "error: " + ", ".join(row.errors) if row.errors else "ok"
        cells.append(f'<td class="num" data-v="{row.spans}">{row.spans:,}</td>')
        cls = ' class="err"' if row.errors else ""
        cells.append(f'<td data-v="{esc(status)}"{cls}>{esc(status)}</td>')
        body.append(f'<tr data-i="{row.number}">{"".join(cells)}</tr>')
    note = ""
    if state.stats.documents > len(state.rows):
        note = (
            f'<p class="cap">The table lists the first {len(state.rows):,} of '
            f"{state.stats.documents:,} articles (max_rows).</p>"
        )
    return (
        '<div id="table" class="table-wrap"><h3>Articles</h3>'
        '<p class="hint">Click a column heading to sort; click again to reverse. '
        '<label>Filter <input id="filter" type="search" autocomplete="off"></label></p>'
        f'{note}<table class="sortable" id="article-table">'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "\n".join(body)
        + "\n</tbody></table></div>\n"
    )


# ---------------------------------------------------------------------------- one article


def render_article(report: Report, number: int, colours: Colours) -> str:
    """One article: header, score bars, the highlighted text and every span's reason."""
    colours.add(report.scores)
    doc = f"doc-{number}"
    marks = report_marks(report)
    out = [
        f'<article class="doc" id="{doc}" data-doc="{number}">\n<header>'
        f'<h2><span class="n">{number}</span> {esc(report.id)}</h2>'
    ]
    if report.source and report.source != report.id:
        out.append(f'<p class="src">{esc(report.source)}</p>')
    meta = [(k, v) for k, v in report.meta.items() if v not in (None, "")]
    if meta:
        out.append(
            '<dl class="meta">'
            + "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(_meta_text(v))}</dd></div>" for k, v in meta)
            + "</dl>"
        )
    headline = report.summary.get("headline")
    if headline:
        out.append(f'<p class="headline">{esc(headline)}</p>')
    out.append("</header>\n")
    for part, message in report.errors.items():
        out.append(f'<p class="error"><b>Error</b> ({esc(part)}): {esc(message)}</p>\n')
    for warning in report.warnings:
        out.append(f'<p class="warning"><b>Warning</b>: {esc(warning)}</p>\n')
    if report.scores:
        out.append(_score_bars(report.scores, colours))
    out.append('<div class="body">\n')
    out.append(_highlighted_text(report.text, marks, colours, doc))
    out.append(_notes(report, marks, colours, doc))
    out.append("</div>\n</article>\n")
    return "".join(out)


def _meta_text(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 300 else text[:299] + "…"


def _score_bars(scores: Mapping[str, DimensionScore], colours: Colours) -> str:
    rows = []
    for name, s in scores.items():
        colour = colours[name]
        metrics = '<span class="metrics"></span>'
        if s.metrics:
            cells = "".join(
                f"<tr><th>{esc(k)}</th><td>{_number(v)}</td></tr>" for k, v in s.metrics.items()
            )
            metrics = (
                '<details class="metrics"><summary>metrics</summary>'
                f"<table>{cells}</table></details>"
            )
        count = len(s.spans)
        rows.append(
            f'<div class="score-row" data-dim="{esc(name)}" data-score="{s.score:.4f}">'
            f'<span class="dim"><span class="sw" style="background:{colour}"></span>'
            f"{esc(name)}</span>"
            f'<span class="bar" role="img" aria-label="{esc(name)} {s.score:.2f}">'
            f'<span class="fill" style="width:{_pct(s.score)};background:{colour}"></span></span>'
            f'<span class="num">{s.score:.2f}</span><span class="label">{esc(s.label)}</span>'
            f'<span class="count">{count} span{"s" if count != 1 else ""}</span>{metrics}</div>'
        )
    return '<div class="scores">' + "".join(rows) + "</div>\n"


def _number(value: Any) -> str:
    if isinstance(value, float):
        return esc(f"{value:.4g}")
    return esc(value)


def _highlighted_text(text: str | None, marks: Sequence[Mark], colours: Colours, doc: str) -> str:
    if text is None:
        return '<div class="text missing">The text was not kept for this article.</div>\n'
    out = ['<div class="text">']
    for seg in segments(len(text), marks):
        piece = esc(text[seg.start : seg.end])
        inner = seg.innermost
        if inner is None:
            out.append(piece)
            continue
        colour = colours[inner.dimension]
        alpha = PALE if inner.length > LONG_SPAN else STRONG
        style = f"background:{rgba(colour, alpha)}"
        others = seg.dimensions()[1:]
        if others:
            lines = ",".join(
                f"inset 0 -{3 * (i + 1)}px 0 {colours[d]}" for i, d in enumerate(others)
            )
            style += f";box-shadow:{lines}"
        ids = " ".join(f"{doc}-s{m.key}" for m in seg.cover)
        out.append(
            f'<mark class="hl" data-dim="{esc(inner.dimension)}" data-n="{ids}" '
            f'style="{style}">{piece}</mark>'
        )
    out.append("</div>\n")
    return "".join(out)


def _notes(report: Report, marks: Sequence[Mark], colours: Colours, doc: str) -> str:
    if not marks:
        return '<aside class="notes"><p class="none">No spans were flagged.</p></aside>\n'
    text = report.text
    out = ['<aside class="notes" aria-label="Reasons">']
    by_dim: dict[str, list[Mark]] = {}
    for mark in marks:
        by_dim.setdefault(mark.dimension, []).append(mark)
    for name, group in by_dim.items():
        colour = colours[name]
        out.append(
            f'<h3 data-dim="{esc(name)}"><span class="sw" style="background:{colour}"></span>'
            f'{esc(name)} <span class="count">{len(group)}</span></h3><ol>'
        )
        for mark in group:
            span = mark.span
            quote = ""
            if text is not None:
                quote = f"<q>{esc(excerpt(text, span.start, span.end, EXCERPT_CHARS))}</q> "
            out.append(
                f'<li class="note" id="{doc}-s{mark.key}" data-dim="{esc(name)}" '
                f'data-start="{span.start}" data-end="{span.end}" '
                f'style="border-color:{colour}">'
                f'<span class="dim">{esc(name)}</span>'
                f'<span class="lab" style="background:{rgba(colour, 0.18)}">'
                f"{esc(span.label)}</span> "
                f'{quote}<span class="why">{esc(span.note)}</span></li>'
            )
        out.append("</ol>")
    out.append("</aside>\n")
    return "".join(out)


@hookimpl
def biaskit_writers() -> list[Writer]:
    return [HtmlWriter()]
