"""HTML pages: body text as lines mapped to source lines, metadata, tables, malformed markup."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.models import Article
from claimcheck.readers.html import read_html

PAGE = """<!doctype html>
<html>
<head>
  <title>Page title | Site</title>
  <meta property="og:title" content="The OG title">
  <meta property="og:site_name" content="Example News">
  <meta property="article:published_time" content="2024-11-22T10:00:00Z">
  <link rel="canonical" href="https://example.com/story">
  <script>var x = "2099 should never appear";</script>
  <style>p { color: red }</style>
</head>
<body>
<nav><a href="/">Home</a> 2098 links</nav>
<header><h1>Header headline</h1></header>
<article>
<p>First paragraph with <b>bold</b>
   text that spans lines.</p>
<p>Second &amp; last paragraph.<br>After a break.</p>
<table>
<tr><th>Chip</th><th>Price</th></tr>
<tr><td>A</td><td>$5</td></tr>
</table>
<ul><li>Item one</li><li>Item two</li></ul>
</article>
<aside>Related 2097</aside>
<footer>Copyright 2096</footer>
<form><button>Subscribe</button></form>
</body>
</html>
"""


def _article(text: str, line_map: tuple[tuple[int, int], ...]) -> Article:
    return Article(id="p", path="p.html", format="html", text=text, line_map=line_map)


def test_html_body_lines_and_line_map() -> None:
    doc = read_html(PAGE).docs[0]
    lines = doc.text.split("\n")
    assert lines == [
        "First paragraph with bold text that spans lines.",
        "Second & last paragraph.",
        "After a break.",
        "| Chip | Price |",
        "| A | $5 |",
        "Item one",
        "Item two",
    ]
    for banned in ("2099", "2098", "2097", "2096", "Subscribe", "Header headline", "color"):
        assert banned not in doc.text
    article = _article(doc.text, doc.line_map)
    source_lines = PAGE.split("\n")
    for text_line in ("Second & last paragraph.", "| A | $5 |", "Item two"):
        line_no = article.line_at(doc.text.index(text_line))
        probe = text_line.split()[0].strip("|").strip() or text_line.split()[1]
        assert probe.replace("&", "&amp;") in source_lines[line_no - 1]
    assert article.line_at(doc.text.index("After a break.")) == 18


def test_html_metadata() -> None:
    doc = read_html(PAGE).docs[0]
    assert doc.title == "The OG title"
    assert doc.url == "https://example.com/story"
    assert doc.outlet == "Example News"
    assert doc.published is not None
    assert doc.published.span.label() == "2024-11-22"
    assert doc.published.origin == "metadata"
    assert "article:published_time" in doc.published.reason


def test_html_title_and_date_fallbacks() -> None:
    doc = read_html("<html><head><title> Plain  title </title></head><body><p>x</p></body></html>").docs[0]
    assert doc.title == "Plain title"
    doc = read_html(
        "<body><h1>Only heading</h1><article><time datetime='2023-05-06'>May 6</time>"
        "<p>Text</p></article></body>"
    ).docs[0]
    assert doc.title == "Only heading"
    assert doc.published is not None and doc.published.span.label() == "2023-05-06"
    jsonld = (
        '<head><script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
        '"datePublished": "2022-01-02", "headline": "LD"}]}</script></head><body><p>Body</p></body>'
    )
    doc = read_html(jsonld).docs[0]
    assert doc.published is not None and doc.published.span.label() == "2022-01-02"
    assert "JSON-LD" in doc.published.reason
    doc = read_html('<head><meta name="pubdate" content="2021-03-04"></head><body><p>x</p></body>').docs[0]
    assert doc.published is not None and doc.published.span.label() == "2021-03-04"


def test_malformed_html_does_not_raise() -> None:
    broken = "<html><body><div><p>Unclosed paragraph <b>bold\n</div></div></span><p>Next one\n<li>item"
    doc = read_html(broken).docs[0]
    assert doc.text.split("\n") == ["Unclosed paragraph bold", "Next one", "item"]
    doc = read_html("<head><title>t</title><body><p>Body after unclosed head</p>").docs[0]
    assert "Body after unclosed head" in doc.text
    for junk in ("<", "<<<>>>", "<!--", "<p", "</", "<![CDATA[x", "<script>unterminated"):
        read_html(junk)


def test_html_links_keep_text_but_not_bare_urls() -> None:
    doc = read_html('<p>See <a href="https://x.com/2030">the report</a> at https://x.com/2031/a.</p>').docs[0]
    assert "the report" in doc.text and "2030" not in doc.text and "2031" not in doc.text


_PIECES = st.sampled_from(
    [*"<>/ab p=\"'!-&;\n", "<p>", "</div>", "<td>", "<tr>", "<script>", "<nav>", "<br>"]
)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=80).map("".join))
def test_html_never_raises(source: str) -> None:
    doc = read_html(source).docs[0]
    assert len(doc.line_map) == doc.text.count("\n") + 1


def test_page_furniture_is_dropped() -> None:
    page = (
        "<body>\n<div class='ad-slot'>Advertisement 2099</div>\n<div role='navigation'>Menu</div>\n"
        "<div class='promo'><div>Inner promo</div> still promo</div>\n<img class='ad'>\n"
        "<p>Outside the article</p>\n<article>\n<p>The story.</p>\n<div hidden>Hidden</div>\n"
        "<aside><article><p>Related card</p></article></aside>\n</article>\n</body>"
    )
    doc = read_html(page).docs[0]
    assert doc.text == "The story."
    assert doc.line_map == ((0, 8),)


def test_text_outside_article_is_kept_when_there_is_no_article() -> None:
    doc = read_html("<body><div class='ad'>Ad</div><main><p>Story one.</p><p>Two.</p></main></body>").docs[0]
    assert doc.text == "Story one.\nTwo."
