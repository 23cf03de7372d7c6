"""HTML pages: the article body as lines of text, metadata from <head> and JSON-LD.

Uses the standard library's forgiving ``html.parser``; malformed markup (unclosed
tags, stray end tags) degrades the result, never raises.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

from claimcheck.dating import parse_date_value
from claimcheck.language.lexicon import load_lexicon
from claimcheck.models import ArticleDate
from claimcheck.readers import Doc, Parsed, clean_meta
from claimcheck.readers.text import blank_urls

SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "head",
        "title",
        "iframe",
        "object",
        "select",
        "textarea",
    }
)
BLOCK = frozenset(
    {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "br",
        "hr",
        "article",
        "section",
        "blockquote",
        "pre",
        "table",
        "main",
        "figure",
        "figcaption",
        "caption",
        "body",
        "address",
        "details",
        "summary",
    }
)
VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
# class/id words that mark page furniture rather than the story
CHROME_WORDS = load_lexicon("en").html.chrome_words
CHROME_ROLES = frozenset({"navigation", "banner", "complementary", "contentinfo", "search"})
META_DATE_NAMES = (
    "date",
    "pubdate",
    "publish-date",
    "publish_date",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "datepublished",
)


def _is_chrome(attr: dict[str, str]) -> bool:
    if "hidden" in attr or attr.get("aria-hidden", "").lower() == "true":
        return True
    if attr.get("role", "").lower() in CHROME_ROLES:
        return True
    words = re.split(r"[\s_-]+", f"{attr.get('class', '')} {attr.get('id', '')}".lower())
    return any(word in CHROME_WORDS for word in words)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[str, int, bool]] = []  # (text, source line, inside <article>)
        self.pieces: list[str] = []
        self.piece_line = 0
        self.has_text = False  # the current line has non-space text
        self.piece_in_article = False
        self.row_in_article = False
        self.skip: list[str] = []
        self.row: list[str] | None = None
        self.row_line = 0
        self.cell: list[str] | None = None
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.h1_parts: list[str] | None = None
        self.h1: str | None = None
        self.jsonld_parts: list[str] | None = None
        self.jsonld: list[str] = []
        self.article_depth = 0
        self.seen_article = False
        self.article_time: str | None = None
        self.page_time: str | None = None

    # ------------------------------------------------------------------ lines
    def _data_line(self, data: str) -> int:
        line = self.getpos()[0]
        stripped = data.lstrip()
        return line + data[: len(data) - len(stripped)].count("\n")

    def flush(self) -> None:
        text = " ".join("".join(self.pieces).split())
        if text:
            self.lines.append((text, self.piece_line, self.piece_in_article))
        self.pieces = []
        self.has_text = False

    def _end_cell(self) -> None:
        if self.cell is not None and self.row is not None:
            self.row.append(" ".join("".join(self.cell).split()).replace("|", "/"))
        self.cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self.row and any(self.row):
            self.lines.append(("| " + " | ".join(self.row) + " |", self.row_line, self.row_in_article))
        self.row = None

    # ------------------------------------------------------------------ events
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").lower()
            if key and attr.get("content") and key not in self.meta:
                self.meta[key] = attr["content"]
        elif tag == "link" and "canonical" in attr.get("rel", "").lower().split() and attr.get("href"):
            self.canonical = self.canonical or attr["href"]
        elif tag == "time" and attr.get("datetime"):
            if self.article_depth and self.article_time is None:
                self.article_time = attr["datetime"]
            if self.page_time is None and not any(t in ("nav", "aside", "footer") for t in self.skip):
                self.page_time = attr["datetime"]
        elif tag == "title" and self.title is None:
            self.title_parts = []
        elif tag == "h1" and self.h1 is None:
            self.h1_parts = []
        elif tag == "script" and "ld+json" in attr.get("type", "").lower():
            self.jsonld_parts = []
        if tag == "body":  # an unclosed <head> must not hide the body
            self.skip = []
        if self.skip:  # inside skipped content every element is tracked, so nesting closes right
            if tag not in VOID:
                self.skip.append(tag)
            return
        if tag in SKIP or (tag not in VOID and _is_chrome(attr)):
            self.skip.append(tag)
            return
        if tag == "article":
            self.article_depth += 1
            self.seen_article = True
        if tag == "tr":
            self.flush()
            self._end_row()
            self.row, self.row_line, self.row_in_article = [], self.getpos()[0], self.article_depth > 0
        elif tag in ("td", "th"):
            self._end_cell()
            if self.row is None:
                self.row, self.row_line, self.row_in_article = [], self.getpos()[0], self.article_depth > 0
            self.cell = []
        elif tag in BLOCK:
            if tag == "table":
                self._end_row()
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self.title = clean_meta("".join(self.title_parts))
            self.title_parts = None
        elif tag == "h1" and self.h1_parts is not None:
            self.h1 = clean_meta("".join(self.h1_parts))
            self.h1_parts = None
        elif tag == "script" and self.jsonld_parts is not None:
            self.jsonld.append("".join(self.jsonld_parts))
            self.jsonld_parts = None
        if tag in self.skip:
            while self.skip and self.skip.pop() != tag:
                pass
            return
        if tag == "article" and self.article_depth:
            self.article_depth -= 1
        if tag in ("td", "th"):
            self._end_cell()
        elif tag in ("tr", "table"):
            self._end_row()
        elif tag in BLOCK:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        if self.jsonld_parts is not None:
            self.jsonld_parts.append(data)
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
            return
        if not self.has_text and data.strip():
            self.piece_line = self._data_line(data)
            self.piece_in_article = self.article_depth > 0
            self.has_text = True
        self.pieces.append(data)

    def close(self) -> None:
        super().close()
        self._end_row()
        self.flush()


def _jsonld_objects(raw: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return []
    found: list[dict[str, Any]] = []
    stack: list[Any] = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            found.append(item)
            stack.extend(v for k, v in item.items() if k == "@graph")
    return found


def _published(parser: _Extractor) -> ArticleDate | None:
    candidates: list[tuple[str, Any]] = []
    if "article:published_time" in parser.meta:
        candidates.append(('<meta property="article:published_time">', parser.meta["article:published_time"]))
    time_value = parser.article_time or (None if parser.seen_article else parser.page_time)
    if time_value:
        candidates.append(("<time datetime>", time_value))
    for raw in parser.jsonld:
        for obj in _jsonld_objects(raw):
            if obj.get("datePublished"):
                candidates.append(("JSON-LD datePublished", obj["datePublished"]))
    candidates.extend(
        (f'<meta name="{name}">', parser.meta[name]) for name in META_DATE_NAMES if name in parser.meta
    )
    for where, value in candidates:
        span = parse_date_value(value)
        if span is not None:
            return ArticleDate(span=span, origin="metadata", reason=f'HTML {where} "{str(value).strip()}"')
    return None


def read_html(text: str) -> Parsed:
    parser = _Extractor()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError, RecursionError):  # html.parser on pathological input
        parser.flush()
    body_lines = parser.lines
    if any(in_article for _, _, in_article in body_lines):  # the story is in <article>: drop the rest
        body_lines = [line for line in body_lines if line[2]]
    body = "\n".join(line for line, _, _ in body_lines)
    line_map: list[tuple[int, int]] = []
    offset = 0
    for line, source_line, _ in body_lines:
        line_map.append((offset, source_line))
        offset += len(line) + 1
    jsonld_headline = next(
        (
            clean_meta(o.get("headline"))
            for raw in parser.jsonld
            for o in _jsonld_objects(raw)
            if o.get("headline")
        ),
        None,
    )
    doc = Doc(
        text=blank_urls(body),
        line_map=tuple(line_map) or ((0, 1),),
        title=clean_meta(parser.meta.get("og:title")) or parser.title or parser.h1 or jsonld_headline,
        url=clean_meta(parser.canonical) or clean_meta(parser.meta.get("og:url")),
        outlet=clean_meta(parser.meta.get("og:site_name")),
        published=_published(parser),
    )
    return Parsed(docs=[doc])
