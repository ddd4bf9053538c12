"""Line-level boilerplate labels from the article extraction benchmark.

The benchmark (Zyte/Scrapinghub, MIT) gives real article pages as HTML and, for each, the
article text a person marked (``articleBody``). The boilerplate dimension works on plain
text lines, so the bench needs the page as a scraper would see it, one label per line. This
module fixes that conversion once, so that every run, and every classifier, sees the same
lines and the same labels.

HTML to lines (``page_lines``), the rules and why:

* The standard library's ``html.parser``: no lxml in core, and a tolerant tokenizer that
  never rejects a page, so no page drops out of the benchmark for being badly formed.
* Content a browser never shows as text is skipped: ``script``, ``style``, ``noscript``,
  ``template``, ``svg``, ``head`` and ``title`` (the ``<title>`` text is kept aside for the
  headline rule below). ``<body>`` ends an unclosed ``<head>``.
* Block-level elements (``p``, ``div``, headings, list items, table rows and cells,
  ``section``, ``article``, ``nav``, ``blockquote``, ``figcaption``, ``br``, ``hr``...) end
  the current line, where a browser would start a new box; inline elements (``a``, ``span``,
  ``b``...) are concatenated exactly as written, so ``Hel<b>lo</b>`` stays one word, as it
  reads on screen. Table cells are lines of their own: in news pages a cell is a separate
  piece of navigation or data far more often than part of a sentence.
* Entities are unescaped, white space (including no-break and other Unicode spaces) is
  collapsed to one space, zero-width and control characters are dropped, and empty lines
  are dropped. Inside ``<pre>`` the source line breaks are kept as line breaks.
* Lines therefore never contain a line break and never start or end with white space, so
  ``"\\n".join(lines)`` splits back into exactly these lines with ``biaskit.text.lines``.

Lines to labels (``label_lines``), True = boilerplate. A line is article text where it is
part of ``articleBody``, compared after normalisation (Unicode NFKC, curly quotes and
dashes made plain, case folded, white space removed, so that spacing differences between
the page and the annotator's copy do not matter). The alignment, in order of trust:

1. Long lines (four words or more) that occur verbatim in the body are anchors. Where a
   line occurs more than once (on the page or in the body), the monotone chain of
   occurrences that covers the most text wins: page order and body order agree for the
   article, so a duplicate in a sidebar loses to the copy in place. A long line that occurs
   in the body outside the chain, on text no anchor took, is article text the annotator
   moved (a standfirst placed first, say); a line whose only occurrences are already taken
   is a duplicate, and boilerplate.
2. Long lines that do not occur verbatim (an edited sentence, a paragraph with a "Read
   more" tail or with a link's pop-up card run into it) are article text when, between
   the neighbouring anchors in the body, at least half of their word trigrams occur, or
   ten of them do (a scraper cannot split such a line, and a reader of the article would
   keep it); failing that, when 80% of their trigrams occur anywhere on body text no
   anchor took.
3. Short lines (fewer than four words, two Chinese or Japanese characters counting as
   one: "Share", "Advertisement", a section label, but also a subheading, a table cell or
   a one-line paragraph) are too likely to occur in the body by chance. They count as
   article text only where they occur right at the alignment cursor (the end of the
   previous article line's text in the body, give or take a list number) and before the
   next anchor starts. A "Share" button between two paragraphs fails this, since the two
   paragraphs are adjacent in the body; a subheading between them passes.
4. The headline is article text though ``articleBody`` leaves it out (see
   ``find_headline``): the first ``<h1>`` line that matches the page's ``<title>`` (a
   site-name part like " - WSJ" may differ), else the matching line nearest before the
   article's first line, else the ``<h1>`` before the article sharing most words with the
   title.

Everything is deterministic (no randomness, no dict-order dependence, ties broken by
position) and pure Python; the 181 pages take about three seconds.
"""

from __future__ import annotations

import bisect
import codecs
import gzip
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from biaskit.bench.datasets import require
from biaskit.bench.model import Example
from biaskit.bench.splits import split_of
from biaskit.text import lines as text_lines

__all__ = [
    "ArticleExtractionLines",
    "PageLines",
    "decode_html",
    "find_headline",
    "html_to_lines",
    "label_lines",
    "normalise",
    "page_example",
    "page_lines",
]

# --------------------------------------------------------------------------- HTML to lines

# Never rendered as text. ``title`` is captured separately for the headline rule.
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "title"})

# Elements whose start and end a browser renders as a line break (block boxes, table
# cells, and the line-breaking void elements).
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "iframe",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "optgroup",
        "option",
        "p",
        "pre",
        "section",
        "select",
        "summary",
        "table",
        "tbody",
        "td",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)

# Invisible characters that would make a line look non-empty, or stop it matching the
# annotator's copy: zero-width spaces and joiners, word joiner, BOM, soft hyphen, and the
# C0/C1 controls that are not white space (white space is collapsed separately).
_INVISIBLE = dict.fromkeys(
    [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD]
    + [c for c in range(0x20) if not chr(c).isspace()]
    + [c for c in range(0x7F, 0xA0) if not chr(c).isspace()]
)


def _clean(text: str) -> str:
    return " ".join(text.translate(_INVISIBLE).split())


@dataclass(frozen=True, slots=True)
class PageLines:
    """A page as plain text lines, with what the headline rule needs.

    ``title`` is the text of the first ``<title>`` (None when there is none); ``h1`` the
    indices of lines that hold text from an ``<h1>`` element, in order.
    """

    lines: tuple[str, ...]
    title: str | None = None
    h1: tuple[int, ...] = ()


class _LineParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.h1: list[int] = []
        self.title: str | None = None
        self._buf: list[str] = []
        self._buf_h1 = False
        self._skip: list[str] = []
        self._title: list[str] | None = None
        self._h1_depth = 0
        self._pre_depth = 0

    def parse_html_declaration(self, i: int) -> int:
        # "<![" followed by anything but a keyword the standard library knows ("<![0",
        # "<![A") makes its parser raise AssertionError (Python 3.11), which would lose the
        # whole page. HTML5 reads such text as a bogus comment running to the next ">";
        # so do we, and everything the parser does understand is parsed as before.
        try:
            return int(super().parse_html_declaration(i))
        except AssertionError:
            return int(self.parse_bogus_comment(i))

    # Lines ------------------------------------------------------------------------------
    def _flush(self) -> None:
        if self._buf:
            line = _clean("".join(self._buf))
            if line:
                if self._buf_h1:
                    self.h1.append(len(self.lines))
                self.lines.append(line)
        self._buf = []
        self._buf_h1 = False

    # Events -----------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" and "head" in self._skip:
            # An unclosed <head>: the body starts regardless (and ends an open <title>).
            del self._skip[self._skip.index("head") :]
            self._end_title()
        if tag in _SKIP:
            if tag == "title" and self.title is None and "svg" not in self._skip:
                self._title = []
            self._skip.append(tag)
            return
        if self._skip:
            return
        if tag in _BLOCK:
            self._flush()
        if tag == "h1":
            self._h1_depth += 1
        elif tag == "pre":
            self._pre_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            if tag in self._skip:
                # Pop the element and anything left unclosed inside it.
                at = len(self._skip) - 1 - self._skip[::-1].index(tag)
                del self._skip[at:]
                if tag == "title":
                    self._end_title()
            return
        if self._skip:
            return
        if tag in _BLOCK:
            self._flush()
        if tag == "h1" and self._h1_depth:
            self._h1_depth -= 1
        elif tag == "pre" and self._pre_depth:
            self._pre_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._skip:
            if self._title is not None and self._skip[-1] == "title":
                self._title.append(data)
            return
        if self._pre_depth:
            first, *rest = data.split("\n")
            self._add(first)
            for part in rest:
                self._flush()
                self._add(part)
        else:
            self._add(data)

    def _add(self, data: str) -> None:
        if data:
            self._buf.append(data)
            if self._h1_depth and data.strip():
                self._buf_h1 = True

    def _end_title(self) -> None:
        if self._title is not None and self.title is None:
            self.title = _clean("".join(self._title)) or None
        self._title = None

    def close(self) -> None:
        super().close()
        self._flush()
        self._end_title()


def page_lines(html_text: str) -> PageLines:
    """The page's visible text as lines (rules in the module docstring), its ``<title>``
    and which lines came from ``<h1>``. Deterministic and total: any string gives a
    result."""
    parser = _LineParser()
    parser.feed(html_text)
    parser.close()
    return PageLines(tuple(parser.lines), parser.title, tuple(parser.h1))


def html_to_lines(html_text: str) -> list[str]:
    """The page's visible text as non-empty, trimmed lines, one per block."""
    return list(page_lines(html_text).lines)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


def decode_html(data: bytes) -> str:
    """Bytes to text: UTF-8 (the web's default, and every page of the benchmark), else the
    charset the page declares in a ``<meta>`` tag, else charset_normalizer's guess, else
    UTF-8 with replacement characters. Never raises."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:8192])
    if match:
        try:
            codec = codecs.lookup(match.group(1).decode("ascii")).name
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None:
            return str(best)
    except Exception:  # pragma: no cover - a broken detector must not lose the page
        pass
    return data.decode("utf-8", errors="replace")


# --------------------------------------------------------------------------- lines to labels

_PLAIN = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
    }
)
_TOKEN = re.compile(r"\w+")

# A line of fewer words than this is "short" and must match at the cursor.
SHORT_WORDS = 4
# How far (in normalised, space-free characters) past the cursor a short line may start:
# room for a list number or bullet the body has and the page draws with CSS, no more, so
# that a table cell ("74", "100%") cannot jump ahead to a later cell. A line with no
# letter or digit ("%", "|") must start exactly at the cursor.
CURSOR_SLACK = 8
# Share of a long line's word trigrams that must occur in the body: between its
# neighbouring anchors, or anywhere.
FUZZY_IN_PLACE = 0.5
FUZZY_ANYWHERE = 0.8
# In place, this many trigrams of article text make a line article text whatever else the
# page put into it (inline "hover card" links, a "Read more" teaser run into a paragraph).
FUZZY_RUN = 10
# Token overlap (Dice) between a line and the title for the headline rule, and the
# weaker overlap an <h1> before the article needs when no line matches.
HEADLINE_MATCH = 0.75
HEADLINE_H1_MATCH = 0.15
# Occurrences of one line in the body considered for the chain.
_MAX_OCCURRENCES = 8


def normalise(text: str) -> str:
    """The form lines and body are compared in: NFKC, plain quotes and dashes, case folded,
    white space collapsed to single spaces."""
    text = unicodedata.normalize("NFKC", text.translate(_INVISIBLE)).translate(_PLAIN)
    return " ".join(text.casefold().split())


class _Body:
    """The normalised article body, searchable without white space but with word
    boundaries checked against the spaced form (so "share" does not match inside
    "shareholders", while "by john" matches a page's "ByJohn")."""

    def __init__(self, body: str) -> None:
        self.spaced = normalise(body)
        self.pos = [i for i, ch in enumerate(self.spaced) if ch != " "]
        self.key = self.spaced.replace(" ", "")
        trigrams: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        toks = [
            (m.group(), self._key_at(m.start()), self._key_at(m.end() - 1) + 1)
            for m in _TOKEN.finditer(self.spaced)
        ]
        for k in range(len(toks) - 2):
            gram = (toks[k][0], toks[k + 1][0], toks[k + 2][0])
            trigrams.setdefault(gram, []).append((toks[k][1], toks[k + 2][2]))
        self.trigrams = trigrams

    def _key_at(self, spaced_index: int) -> int:
        return bisect.bisect_left(self.pos, spaced_index)

    def _bounded(self, start: int, length: int, needle: str) -> bool:
        sp = self.pos[start]
        ep = self.pos[start + length - 1] + 1
        if needle[0].isalnum() and sp > 0 and self.spaced[sp - 1].isalnum():
            return False
        return not (needle[-1].isalnum() and ep < len(self.spaced) and self.spaced[ep].isalnum())

    def find(self, needle: str, lo: int = 0, hi: int | None = None, limit: int = 1) -> list[int]:
        """Start positions (in the space-free key) of ``needle`` within ``key[lo:hi]``."""
        out: list[int] = []
        if not needle:
            return out
        hi = len(self.key) if hi is None else hi
        at = self.key.find(needle, lo, hi)
        while at >= 0 and len(out) < limit:
            if self._bounded(at, len(needle), needle):
                out.append(at)
            at = self.key.find(needle, at + 1, hi)
        return out

    def trigram_cover(
        self,
        grams: Sequence[tuple[str, ...]],
        lo: int,
        hi: int,
        taken: Sequence[tuple[int, int]] = (),
    ) -> tuple[int, int]:
        """How many of ``grams`` occur within ``key[lo:hi]`` on text no ``taken`` span
        holds, and where the last one found ends."""
        found = 0
        end = lo
        for gram in grams:
            spans = self.trigrams.get(gram, [])
            k = bisect.bisect_left(spans, (lo, -1))
            while k < len(spans) and spans[k][1] <= hi:
                if not taken or not _overlaps(taken, *spans[k]):
                    found += 1
                    end = max(end, spans[k][1])
                    break
                k += 1
        return found, end


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _word_count(tokens: Sequence[str]) -> int:
    """Words, counting two Chinese or Japanese characters as one (those scripts put no
    spaces between words, so a whole sentence is one ``\\w+`` token)."""
    return len(tokens) + sum(len(_CJK.findall(t)) for t in tokens) // 2


def _trigrams(tokens: Sequence[str]) -> list[tuple[str, ...]]:
    return [tuple(tokens[k : k + 3]) for k in range(len(tokens) - 2)]


def _chain(items: list[tuple[int, int, int]]) -> set[tuple[int, int, int]]:
    """The heaviest chain of (line, start, end) occurrences increasing in both line and
    body position without overlap; weight = matched length. Between chains of equal weight
    the one whose lines lie closest together on the page wins (an article is one block; a
    teaser repeating its lead sits apart), then the earliest, so the result is
    deterministic."""
    items.sort()
    # best[k] = (matched characters, -lines skipped between chain members)
    best: list[tuple[int, int]] = []
    back: list[int] = []
    for k, (line, start, end) in enumerate(items):
        score, prev = (end - start, 0), -1
        for j in range(k):
            pl, _ps, pe = items[j]
            if pl < line and pe <= start:
                cand = (best[j][0] + end - start, best[j][1] - (line - pl - 1))
                if cand > score:
                    score, prev = cand, j
        best.append(score)
        back.append(prev)
    out: set[tuple[int, int, int]] = set()
    if not items:
        return out
    k = max(range(len(items)), key=lambda i: (best[i], -i))
    while k >= 0:
        out.add(items[k])
        k = back[k]
    return out
    k = max(range(len(items)), key=lambda i: (best[i], -i))
    while k >= 0:
        out.add(items[k])
        k = back[k]
    return out


def label_lines(
    lines: Sequence[str],
    article_body: str,
    title: str | None = None,
    *,
    h1: Sequence[int] = (),
) -> tuple[bool, ...]:
    """One label per line, True = boilerplate: the alignment in the module docstring.

    ``title`` (the page's ``<title>``) and ``h1`` (indices of ``<h1>`` lines, from
    ``page_lines``) drive the headline rule; without a title there is no headline rule.
    """
    body = _Body(article_body)
    norm = [normalise(line) for line in lines]
    keys = [n.replace(" ", "") for n in norm]
    tokens = [_TOKEN.findall(n) for n in norm]
    long = [_word_count(t) >= SHORT_WORDS for t in tokens]
    article = [False] * len(lines)

    # 1. Anchors: the heaviest in-order chain of verbatim long-line occurrences.
    occurrences: dict[int, list[int]] = {}
    items: list[tuple[int, int, int]] = []
    for i, key in enumerate(keys):
        if long[i]:
            found = body.find(key, limit=_MAX_OCCURRENCES)
            if found:
                occurrences[i] = found
                items.extend((i, at, at + len(key)) for at in found)
    anchors = {line: (start, end) for line, start, end in _chain(items)}
    taken = sorted(anchors.values())
    for i, found in occurrences.items():
        if i in anchors:
            article[i] = True
        elif any(not _overlaps(taken, at, at + len(keys[i])) for at in found):
            article[i] = True  # moved by the annotator, on text no anchor took

    # The start of the next anchor after each line bounds what the cursor may reach.
    next_start = [len(body.key)] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        next_start[i] = anchors[i][0] if i in anchors else next_start[i + 1]

    # 2 and 3. Fuzzy long lines and short lines, in page order, at the cursor.
    cursor = 0
    for i, key in enumerate(keys):
        if i in anchors:
            cursor = max(cursor, anchors[i][1])
            continue
        if article[i] or not key:
            continue
        hi = next_start[i + 1]
        if long[i]:
            if i in occurrences:
                continue  # a duplicate of text an anchor took
            grams = _trigrams(tokens[i])
            if not grams:
                continue  # a long line in a script without spaces: verbatim or nothing
            found_here, end = body.trigram_cover(grams, cursor, hi)
            if found_here >= FUZZY_IN_PLACE * len(grams) or found_here >= FUZZY_RUN:
                article[i] = True
                cursor = max(cursor, end)
            elif body.trigram_cover(grams, 0, len(body.key), taken)[0] >= FUZZY_ANYWHERE * len(
                grams
            ):
                article[i] = True
        else:
            slack = CURSOR_SLACK if any(ch.isalnum() for ch in key) else 0
            limit = min(hi, cursor + slack + len(key))
            found = body.find(key, cursor, limit)
            if found:
                article[i] = True
                cursor = found[0] + len(key)

    # 4. The headline.
    if title:
        first = next((i for i, a in enumerate(article) if a), len(lines))
        head = find_headline(lines, title, h1, before=first)
        if head is not None:
            article[head] = True
    return tuple(not a for a in article)


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    k = bisect.bisect_left(spans, (start, start))
    return (k < len(spans) and spans[k][0] < end) or (k > 0 and spans[k - 1][1] > start)


_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—/·•»:]|::)\s+|\s*[|·•»]\s*")


def _title_variants(title: str) -> list[list[str]]:
    """The title's token lists that may be the headline: the whole title, and every run
    of its separator-delimited parts that keeps the first or the longest part. Cutting
    lets "Headline - WSJ" match "Headline"; keeping the main part stops the site name
    alone ("CBS News") matching a "CBS Evening News" link."""
    parts = [p for p in _TITLE_SEPARATOR.split(title) if p.strip()]
    sizes = [len(_TOKEN.findall(p)) for p in parts]
    keep = {0, sizes.index(max(sizes))} if parts else set()
    texts = {title}
    for a in range(len(parts)):
        for b in range(a + 1, len(parts) + 1):
            if any(a <= k < b for k in keep):
                texts.add(" ".join(parts[a:b]))
    variants = [_TOKEN.findall(normalise(t)) for t in sorted(texts)]
    return [v for v in variants if _enough(v)]


def _enough(tokens: Sequence[str]) -> bool:
    """Two words, or one long one (Chinese and Japanese titles are one ``\\w+`` run)."""
    return len(tokens) >= 2 or sum(map(len, tokens)) >= 6


def _dice(a: Sequence[str], b: Sequence[str]) -> float:
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b)) if a or b else 0.0


def find_headline(
    lines: Sequence[str], title: str, h1: Sequence[int] = (), before: int | None = None
) -> int | None:
    """The index of the line that is the page's headline, or None.

    A line matches the title when its words match a variant of it (Dice >= 0.75). In order:
    the first ``<h1>`` line that matches; else the matching line nearest before line
    ``before`` (the article's first line); else, since many sites put a shorter or an SEO
    headline in ``<title>``, the ``<h1>`` before the article that shares most words with
    the title (Dice >= 0.15). Sites repeat their headlines in breadcrumbs, "most read"
    lists and share widgets, which is why ``<h1>`` and the position just before the article
    are what is trusted, and why nothing after the article's start is considered except an
    ``<h1>`` that matches the title.
    """
    variants = _title_variants(title)
    if not variants:
        return None
    stop = len(lines) if before is None else min(before, len(lines))
    headings = [i for i in h1 if 0 <= i < len(lines)]

    def similarity(i: int) -> float:
        toks = _TOKEN.findall(normalise(lines[i]))
        return max(_dice(toks, v) for v in variants) if _enough(toks) else 0.0

    for i in headings:
        if similarity(i) >= HEADLINE_MATCH:
            return i
    for i in range(stop - 1, -1, -1):
        if similarity(i) >= HEADLINE_MATCH:
            return i
    best, best_at = HEADLINE_H1_MATCH, None
    for i in headings:
        if i < stop and similarity(i) >= best:
            best, best_at = similarity(i), i
    return best_at


# --------------------------------------------------------------------------- the dataset

_HOW = (
    "Get the Zyte (Scrapinghub) article-extraction-benchmark (MIT licence, "
    "github.com/scrapinghub/article-extraction-benchmark): its ground-truth.json and "
    "html/<id>.html.gz files go into article-extraction-benchmark/."
)


class ArticleExtractionLines:
    """The article extraction benchmark as line-level boilerplate labels.

    Each example is one page: its text is the page's lines joined by newlines, its labels
    one per line of ``biaskit.text.lines(text)`` (True = boilerplate), its split fixed by a
    hash of the page id, its ``meta`` the page's URL. Labels are recomputed on every load
    (a few seconds for the 181 pages) rather than cached, so that a change to the
    conversion can never leave stale labels behind.
    """

    name = "aeb-lines"
    task = "lines"
    dimension = "boilerplate"
    description = (
        "Article extraction benchmark (Zyte): 181 news and blog pages as text lines, "
        "boilerplate where a line is not part of the marked article body"
    )
    files = ("article-extraction-benchmark/ground-truth.json", "article-extraction-benchmark/html")

    def load(self, data_dir: Path) -> Iterator[Example]:
        truth_path = require(data_dir / self.files[0], self.name, _HOW)
        html_dir = require(data_dir / self.files[1], self.name, _HOW)
        truth: dict[str, dict[str, Any]] = json.loads(truth_path.read_text(encoding="utf-8"))
        for page_id in sorted(truth):
            entry = truth[page_id]
            path = require(html_dir / f"{page_id}.html.gz", self.name, _HOW)
            example = page_example(
                page_id,
                gzip.decompress(path.read_bytes()),
                str(entry.get("articleBody") or ""),
                url=str(entry.get("url") or ""),
            )
            if example is not None:
                yield example


def page_example(
    page_id: str, html_bytes: bytes, article_body: str, url: str = ""
) -> Example | None:
    """One page as a labelled example, or None when the page shows no text at all (it has
    nothing to classify). Raises ValueError if the lines would not come back unchanged
    from ``biaskit.text.lines``, which the line rules are meant to make impossible: the
    labels are only meaningful if they index the same lines every classifier sees."""
    page = page_lines(decode_html(html_bytes))
    if not page.lines:
        return None
    text = "\n".join(page.lines)
    if [seg.text for seg in text_lines(text)] != list(page.lines):
        raise ValueError(f"page {page_id}: its lines do not survive biaskit.text.lines")
    labels = label_lines(page.lines, article_body, page.title, h1=page.h1)
    return Example(
        id=page_id,
        text=text,
        labels=labels,
        split=split_of(page_id),
        meta={"url": url},
        task="lines",
    )
