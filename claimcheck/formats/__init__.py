"""Readers for each supported file format: decoded text in, documents out.

A reader never raises for bad input; it returns documents it could read and
problems (``where`` suffix, reason) for the parts it could not.
"""

from __future__ import annotations

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
    from claimcheck.formats.html import read_html
    from claimcheck.formats.jsonfeed import read_json, read_jsonl
    from claimcheck.formats.text import read_markdown, read_txt

    readers: dict[ArticleFormat, Reader] = {
        "txt": read_txt,
        "md": read_markdown,
        "html": read_html,
        "json": read_json,
        "jsonl": read_jsonl,
    }
    return readers[fmt]


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
