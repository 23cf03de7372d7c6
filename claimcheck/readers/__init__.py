"""Readers for each supported file format: decoded text in, documents out.

A reader never raises for bad input; it returns documents it could read and
problems (``where`` suffix, reason) for the parts it could not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from claimcheck.models import ArticleDate, ArticleFormat

LineMap = tuple[tuple[int, int], ...]


@dataclass
class Doc:
    """One article's text and metadata, before it becomes an :class:`~claimcheck.models.Article`."""

    text: str
    line_map: LineMap = ((0, 1),)
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: ArticleDate | None = None
    record_id: str | None = None  # an explicit id from a JSON record
    record_key: str | None = None  # "#3" for the third record of a multi-record file


@dataclass
class Problem:
    where: str  # appended to the file path: ":7" for line 7 of a .jsonl file, "" for the file
    reason: str


@dataclass
class Parsed:
    docs: list[Doc] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


Reader = Callable[[str], Parsed]

EXTENSIONS: dict[str, ArticleFormat] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
}
SUPPORTED_LABEL = ".txt, .md, .html, .json, .jsonl"


def reader_for(fmt: ArticleFormat) -> Reader:
    from claimcheck.readers.html import read_html
    from claimcheck.readers.jsonfeed import read_json, read_jsonl
    from claimcheck.readers.text import read_markdown, read_txt

    readers: dict[ArticleFormat, Reader] = {
        "txt": read_txt,
        "md": read_markdown,
        "html": read_html,
        "json": read_json,
        "jsonl": read_jsonl,
    }
    return readers[fmt]


URL_RE = re.compile(
    r"(?:https?://|ftp://|www\.|\b(?:[a-z0-9-]+\.)+[a-z]{2,}/)[^\s<>\"'`()\[\]|]*", re.IGNORECASE
)  # scheme or www. prefixed, or a bare domain followed by a path
_TOKEN_END_RE = re.compile(r"[\s<>\"'`()\[\]|]")


def url_spans(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """Spans of URLs (trailing sentence punctuation excluded), in order.

    Only the tokens around a "/" or "www." are examined, which keeps a 50 MB text fast.
    """
    end = len(text) if limit is None else min(limit, len(text))
    spans: list[tuple[int, int]] = []
    needles = {"/": -1, "www.": -1, "WWW.": -1}
    position = 0
    while position < end:
        for needle, at in needles.items():
            if at < position:
                found = text.find(needle, position, end)
                needles[needle] = found if found >= 0 else end
        hit = min(needles.values())
        if hit >= end:
            break
        start = hit
        while start > position and not _TOKEN_END_RE.match(text, start - 1):
            start -= 1
        stop_match = _TOKEN_END_RE.search(text, hit, end)
        stop = stop_match.start() if stop_match else end
        for match in URL_RE.finditer(text, start, stop):
            url = match.group(0).rstrip(".,;:!?")
            if len(url) > 4:
                spans.append((match.start(), match.start() + len(url)))
        position = max(stop, hit + 1)
    return spans


def lines_to(text: str, file_line: int) -> LineMap:
    """A line map sending every line of ``text`` to one file line (text from a JSON string)."""
    entries = [(0, file_line)]
    position = text.find("\n")
    while position >= 0:
        entries.append((position + 1, file_line))
        position = text.find("\n", position + 1)
    return tuple(entries)


def clean_meta(value: object) -> str | None:
    """A metadata value as a one-line string, or None when empty or not text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
