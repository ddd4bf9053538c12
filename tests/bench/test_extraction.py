"""The article extraction benchmark as line labels: HTML to lines, alignment, loader."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaskit.bench.datasets import DatasetMissing
from biaskit.bench.extraction import (
    ArticleExtractionLines,
    decode_html,
    find_headline,
    html_to_lines,
    label_lines,
    normalise,
    page_example,
    page_lines,
)
from biaskit.bench.splits import split_of
from biaskit.protocols import Dataset
from biaskit.text import lines as text_lines

# ----------------------------------------------------------------------------- HTML to lines


def test_blocks_start_lines_and_inline_text_is_concatenated() -> None:
    html = (
        "<html><body><div>Hello <b>wor</b>ld, <a href='#'>again</a></div>"
        "<p>One<br>Two<br/>Three</p><ul><li>First</li><li>Second</li></ul>"
        "<table><tr><td>cell 1</td><td>cell 2</td></tr></table>"
        "<h2>Heading</h2>tail text</body></html>"
    )
    assert html_to_lines(html) == [
        "Hello world, again",
        "One",
        "Two",
        "Three",
        "First",
        "Second",
        "cell 1",
        "cell 2",
        "Heading",
        "tail text",
    ]


def test_invisible_content_is_skipped() -> None:
    html = (
        "<html><head><title>The title</title><style>p { color: red }</style>"
        "<script>var x = '<p>not text</p>';</script></head><body>"
        "<noscript>Enable JavaScript</noscript><p>Visible</p>"
        "<svg><title>icon</title><text>svg text</text></svg>"
        "<template><p>later</p></template><script type='application/ld+json'>{}</script>"
        "<p>Also visible</p><!-- a comment --></body></html>"
    )
    assert html_to_lines(html) == ["Visible", "Also visible"]


def test_entities_white_space_and_invisible_characters() -> None:
    html = (
        "<p>Fish &amp; chips&nbsp;&nbsp;cost &pound;5 &#8212; it&#x2019;s   fine</p>"
        "<p>  \n\t  </p><p>zero\u200bwidth\u00ad soft</p><div>\u200b</div><p>a\r\nb</p>"
    )
    assert html_to_lines(html) == [
        "Fish & chips cost £5 — it’s fine",
        "zerowidth soft",
        "a b",
    ]


def test_pre_keeps_its_line_breaks() -> None:
    assert html_to_lines("<pre>line one\n  line two\n\nline three</pre>after") == [
        "line one",
        "line two",
        "line three",
        "after",
    ]


def test_page_lines_reports_title_and_h1_lines() -> None:
    html = (
        "<html><head><title> Big   news - Site </title></head><body>"
        "<nav><a>Home</a></nav><h1>Big <em>news</em></h1><p>Body.</p>"
        "<h1>Second</h1></body></html>"
    )
    page = page_lines(html)
    assert page.lines == ("Home", "Big news", "Body.", "Second")
    assert page.title == "Big news - Site"
    assert page.h1 == (1, 3)


def test_unclosed_head_and_unclosed_skipped_elements_do_not_swallow_the_page() -> None:
    # <body> ends an unclosed <head>; closing <noscript> also closes an <svg> left open.
    html = "<html><head><title>T<body><p>Kept</p><noscript><svg><path></noscript><p>Also kept</p>"
    page = page_lines(html)
    assert page.lines == ("Kept", "Also kept")
    assert page.title == "T"


def test_lines_survive_biaskit_text_lines() -> None:
    got = html_to_lines("<p> a </p><p>\u00a0b\u2003c\u00a0</p><div>\x0bd\x0ce</div>")
    assert [s.text for s in text_lines("\n".join(got))] == got


# Arbitrary characters mixed with the pieces of markup that steer the parser.
HTMLISH = st.lists(
    st.characters(codec="utf-8").map(str)
    | st.sampled_from(
        [
            "<",
            ">",
            "/",
            "&",
            ";",
            "#",
            "x",
            "p",
            "br",
            "script",
            "svg",
            "pre",
            "head",
            "!--",
            "\n",
            " ",
            '"',
            "=",
            "title",
            "h1",
            "&amp;",
            "&#",
            "<![CDATA[",
            "]]>",
            "<?",
            "<!",
        ]
    ),
    max_size=120,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(HTMLISH)
def test_html_to_lines_never_crashes_and_lines_are_clean(html: str) -> None:
    got = html_to_lines(html)
    for line in got:
        assert line and line == line.strip() and "\n" not in line
    assert [s.text for s in text_lines("\n".join(got))] == got


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>a</p><![foo bar]>x<p>b</p>", ["a", "x", "b"]),  # unknown keyword: a comment
        ("<p>a</p><![0 x]><p>b</p>", ["a", "b"]),  # no keyword at all
        ("<![if !IE]><p>z</p><![endif]>", ["z"]),  # a known one, parsed as before
    ],
)
def test_marked_sections_the_standard_parser_rejects_are_bogus_comments(
    html: str, expected: list[str]
) -> None:
    assert html_to_lines(html) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_html_to_lines_never_crashes_on_any_text(html: str) -> None:
    page = page_lines(html)
    assert all(0 <= i < len(page.lines) for i in page.h1)


# ---------------------------------------------------------------------------- lines to labels

BODY = (
    "The council voted on Tuesday to close the old bridge for repairs.\n\n"
    "Local shops said the closure would hurt trade, and several shareholders objected.\n\n"
    "What happens next\n\n"
    "Work is expected to start in the spring and last six months."
)


def test_label_lines_marks_body_lines_as_article() -> None:
    lines = [
        "Home",
        "News",
        "The council voted on Tuesday to close the old bridge for repairs.",
        "Local shops said the closure would hurt trade, and several shareholders objected.",
        "What happens next",
        "Work is expected to start in the spring and last six months.",
        "© 2024 The Paper",
    ]
    assert label_lines(lines, BODY) == (True, True, False, False, False, False, True)


def test_short_lines_must_match_at_the_cursor() -> None:
    # "share", "next" and "spring" all occur in the body, but not where these lines sit.
    lines = [
        "next",
        "The council voted on Tuesday to close the old bridge for repairs.",
        "Share",
        "Local shops said the closure would hurt trade, and several shareholders objected.",
        "Advertisement",
        "What happens next",
        "spring",
        "Work is expected to start in the spring and last six months.",
        "Next",
    ]
    assert label_lines(lines, BODY) == (True, False, True, False, True, False, True, False, True)


def test_short_line_does_not_match_inside_a_word() -> None:
    body = "Shareholders met today in the city for the first time in years. Share prices rose."
    lines = ["Shareholders met today in the city for the first time in years.", "Share"]
    # "Share" would be right at the cursor, and "Share prices" is a word boundary: article.
    assert label_lines(lines, body) == (False, False)
    assert label_lines(lines, body.replace("Share prices", "Shareprices")) == (False, True)


def test_normalisation_ignores_quotes_dashes_case_and_spacing() -> None:
    body = 'He said "it\'s over" - and left the room without another word.'
    line = "HE SAID “IT’S OVER” — and   left the room without another word."
    assert label_lines([line], body) == (False,)
    assert normalise("  A\u00a0“b”\u2014C  ") == 'a "b"-c'


def test_inline_elements_without_spaces_still_match() -> None:
    body = "By John Smith and the rest of the newsroom staff, reporting from London."
    assert label_lines(
        ["ByJohn Smith and the rest of the newsroom staff, reporting from London."], body
    ) == (False,)


def test_duplicate_long_line_in_a_sidebar_is_boilerplate() -> None:
    lead = "The council voted on Tuesday to close the old bridge for repairs."
    lines = [
        lead,  # a teaser in a "most read" box, before the article
        "Most read",
        lead,
        "Local shops said the closure would hurt trade, and several shareholders objected.",
    ]
    labels = label_lines(lines, BODY)
    assert labels == (True, True, False, False)


def test_edited_or_padded_paragraphs_match_fuzzily() -> None:
    lines = [
        "The council voted on Tuesday to close the old bridge for repairs.",
        "Local shops said the closure would hurt trade, and several shareholders objected. "
        "Read more",
        "Work is expected to start in the spring and last six months.",
    ]
    assert label_lines(lines, BODY) == (False, False, False)


def test_unrelated_long_lines_are_boilerplate() -> None:
    lines = ["Sign up for our newsletter to get the best stories every morning"]
    assert label_lines(lines, BODY) == (True,)


def test_headline_from_title_with_site_suffix() -> None:
    lines = [
        "Bridge to close for six months",  # a "most read" link, far from the article
        "Daily Paper",
        "Bridge to close for six months",
        "By Jane Doe",
        "The council voted on Tuesday to close the old bridge for repairs.",
    ]
    title = "Bridge to close for six months - Daily Paper"
    # Nearest matching line before the article's first line; the site name alone never.
    assert label_lines(lines, BODY, title) == (True, True, False, True, False)
    # An <h1> that matches wins wherever it is.
    assert label_lines(lines, BODY, title, h1=[0]) == (False, True, True, True, False)
    # Without a title, no headline.
    assert label_lines(lines, BODY) == (True, True, True, True, False)


def test_headline_falls_back_to_an_h1_sharing_words_with_the_title() -> None:
    lines = ["Menu", "Old bridge shut as council acts", "More from News", "Body text here."]
    assert find_headline(lines, "Council closes bridge for repairs | Paper", h1=[1, 2]) == 1
    # Nothing in common with the title: no headline.
    assert find_headline(lines, "Weather warning issued | Paper", h1=[2], before=3) is None


def test_headline_matches_unspaced_scripts() -> None:
    lines = ["ホーム", "商品の改造が商標法違反に！？", "本文です。"]
    title = "商品の改造が商標法違反に！？ | 特許業務法人ライトハウス国際特許事務所"
    assert find_headline(lines, title, h1=[1]) == 1


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(max_size=40).map(lambda t: " ".join(t.split())).filter(bool), max_size=8),
    st.text(max_size=300),
    st.none() | st.text(max_size=60),
)
def test_label_lines_gives_one_label_per_line_on_any_input(
    lines: list[str], body: str, title: str | None
) -> None:
    assert len(label_lines(lines, body, title, h1=[0, 3, 99])) == len(lines)


def test_labels_are_deterministic() -> None:
    lines = ["Home", *BODY.split("\n\n"), "Share", "Home"]
    assert label_lines(lines, BODY, "x y") == label_lines(list(lines), BODY, "x y")


def test_empty_inputs() -> None:
    assert label_lines([], BODY) == ()
    assert label_lines(["Some line of text here"], "") == (True,)


# --------------------------------------------------------------------------------- decoding


def test_decode_html_utf8_declared_charset_and_fallback() -> None:
    assert decode_html("<p>café</p>".encode()) == "<p>café</p>"
    latin = '<meta charset="iso-8859-1"><p>café</p>'.encode("latin-1")
    assert decode_html(latin).endswith("<p>café</p>")
    assert isinstance(decode_html(b"\xff\xfe\x00garbage\x81"), str)


# ----------------------------------------------------------------------------------- loader

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Bridge to close for six months | The Paper</title>
<script>var tracking = "The council voted";</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article>
<h1>Bridge to close for six months</h1>
<p class="byline">By Jane Doe</p>
<p>The council voted on Tuesday to close the old bridge for repairs.</p>
<div class="share"><a>Share</a><a>Tweet</a></div>
<p>Local shops said the closure would hurt trade, and several
   shareholders objected.</p>
<h2>What happens next</h2>
<p>Work is expected to start in the spring and last six months.</p>
</article>
<footer><p>&copy; 2024 The Paper</p></footer>
</body></html>
"""


def _make_data(root: Path, pages: dict[str, str]) -> Path:
    base = root / "article-extraction-benchmark"
    (base / "html").mkdir(parents=True)
    truth = {}
    for page_id, html in pages.items():
        (base / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html.encode()))
        truth[page_id] = {"articleBody": BODY, "url": f"https://example.org/{page_id}"}
    (base / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return root


def test_loader_yields_aligned_labelled_pages(tmp_path: Path) -> None:
    data = _make_data(tmp_path, {"bbb": PAGE, "aaa": PAGE.replace("Tuesday", "Monday")})
    dataset = ArticleExtractionLines()
    assert isinstance(dataset, Dataset)
    examples = list(dataset.load(data))
    assert [e.id for e in examples] == ["aaa", "bbb"]
    page = examples[1]
    got = [s.text for s in text_lines(page.text)]
    assert len(got) == len(page.labels)
    assert dict(zip(got, page.labels, strict=True)) == {
        "Home": True,
        "News": True,
        "Bridge to close for six months": False,
        "By Jane Doe": True,
        "The council voted on Tuesday to close the old bridge for repairs.": False,
        "ShareTweet": True,
        "Local shops said the closure would hurt trade, and several shareholders objected.": False,
        "What happens next": False,
        "Work is expected to start in the spring and last six months.": False,
        "© 2024 The Paper": True,
    }
    assert page.split == split_of("bbb")
    assert page.meta == {"url": "https://example.org/bbb"}
    # "Monday" is not in the body: that paragraph matches fuzzily, still article text.
    assert sum(not b for b in examples[0].labels) == sum(not b for b in page.labels)


def test_loader_is_deterministic(tmp_path: Path) -> None:
    data = _make_data(tmp_path, {"p1": PAGE, "p2": PAGE})
    first = list(ArticleExtractionLines().load(data))
    assert first == list(ArticleExtractionLines().load(data))


def test_missing_data_says_where_and_how(tmp_path: Path) -> None:
    with pytest.raises(DatasetMissing) as err:
        list(ArticleExtractionLines().load(tmp_path))
    message = str(err.value)
    assert "aeb-lines" in message
    assert str(tmp_path / "article-extraction-benchmark" / "ground-truth.json") in message
    assert "Zyte" in message and "MIT" in message and "BIASKIT_DATA" in message


def test_missing_page_file_is_reported(tmp_path: Path) -> None:
    data = _make_data(tmp_path, {"p1": PAGE})
    (data / "article-extraction-benchmark" / "html" / "p1.html.gz").unlink()
    with pytest.raises(DatasetMissing, match=r"p1\.html\.gz"):
        list(ArticleExtractionLines().load(data))


def test_page_without_text_is_left_out() -> None:
    assert page_example("x", b"<html><script>1</script></html>", BODY) is None
