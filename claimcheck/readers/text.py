"""Plain text and Markdown, with optional YAML front matter.

Markdown is neutralised in place: markup becomes spaces of the same length, so
``Article.text`` has the same length and line structure as the file and every
offset still maps to its stored line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

from claimcheck.dating import parse_date_value
from claimcheck.models import ArticleDate
from claimcheck.readers import URL_RE, Doc, Parsed, clean_meta, url_spans

_FM_OPEN_RE = re.compile(r"---[ \t]*\n")
_FM_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_FM_LIMIT = 64 * 1024

DATE_KEYS = (
    "published",
    "publishedat",
    "publishdate",
    "publishedon",
    "pubdate",
    "datepublished",
    "publicationdate",
    "date",
)  # never fetched_at, updated, modified
TITLE_KEYS = ("title", "headline")
URL_KEYS = ("url", "sourceurl", "link", "canonicalurl", "canonical")
OUTLET_KEYS = ("outlet", "publisher", "site", "sitename", "source", "publication")

_MARKDOWN_HINTS_RE = re.compile(r"\]\((?:https?://|/|#)|\\[$*_#\[\]]|\*\*\S|^#{1,6} \S", re.MULTILINE)


def blank(text: str) -> str:
    """Spaces of the same length, newlines kept."""
    return re.sub(r"[^\n]", " ", text)


def _blank_all(match: re.Match[str]) -> str:
    return blank(match.group(0))


def blank_urls(text: str) -> str:
    spans = url_spans(text)
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append(" " * (end - start))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _link(match: re.Match[str]) -> str:
    return " " + match.group(1) + " " * (len(match.group(0)) - len(match.group(1)) - 1)


# Block markup at the start of a line, in one pass: code fences, reference definitions,
# ATX headings (with closing hashes), blockquote markers, horizontal rules and setext underlines.
_LINE_RE = re.compile(
    r"^(?P<indent>[ \t]{0,3})(?:(?P<whole>(?:```|~~~).*$|\[[^\]\n]+\]:[ \t]*\S.*$"
    r"|(?:[-*_][ \t]*){3,}$|=+[ \t]*$|>(?:[ \t]{0,3}>)*)|(?P<hashes>#{1,6})(?P<heading>[ \t].*$|$))",
    re.MULTILINE,
)
_CLOSING_HASHES_RE = re.compile(r"(?<=\S)[ \t]+#+[ \t]*$")
# Inline patterns start with their literal character (look-behinds come after it) so that
# the regex engine can skip ahead quickly on large files; each runs only if its character occurs.
_INLINE: tuple[tuple[str, re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    ("<!--", re.compile(r"<!--.*?-->", re.DOTALL), _blank_all),
    ("![", re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"), _blank_all),  # images
    ("[", re.compile(r"\[(?<!\\\[)([^\]\n]*)\]\([^)\n]*\)"), _link),  # [text](url)
    ("[", re.compile(r"\[(?<!\\\[)([^\]\n]+)\]\[[^\]\n]*\]"), _link),  # [text][ref]
    (
        "<",
        re.compile(r"<(?:https?://|mailto:)[^>\n]*>|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>"),
        _blank_all,
    ),
)
_EMPHASIS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("**", re.compile(r"\*\*(?<!\\\*\*)")),
    ("~~", re.compile(r"~~(?<!\\~~)")),
    ("__", re.compile(r"__(?:(?<![\w\\]__)|(?!\w))")),
    ("*", re.compile(r"\*(?:(?<![\\*\w]\*)(?=[^\s*])|(?<=[^\s*\\]\*)(?![*\w]))")),
    ("_", re.compile(r"_(?:(?<![\w\\]_)(?=[^\s_])|(?<=[^\s_\\]_)(?!\w))")),
    ("`", re.compile(r"`(?<!\\`)`*")),
)
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _line_markup(match: re.Match[str]) -> str:
    if match["whole"] is not None:
        return match["indent"] + blank(match["whole"])
    heading = _CLOSING_HASHES_RE.sub(_blank_all, match["heading"])
    return match["indent"] + blank(match["hashes"]) + heading


def neutralise_markdown(text: str) -> str:
    """Replace Markdown markup by spaces of equal length (tables' pipes are kept)."""
    text = _LINE_RE.sub(_line_markup, text)
    for trigger, pattern, repl in _INLINE:
        if trigger in text:
            text = pattern.sub(repl, text)
    text = blank_urls(text)
    for trigger, pattern in _EMPHASIS:
        if trigger in text:
            text = pattern.sub(_blank_all, text)
    if "\\" in text:
        text = _ESCAPE_RE.sub(lambda m: " " + m.group(1), text)  # \$ -> " $"
    return text


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str, bool]:
    """(metadata or None, text with the block blanked, whether a block was found)."""
    opening = _FM_OPEN_RE.match(text)
    if opening is None:
        return None, text, False
    close = _FM_CLOSE_RE.search(text, opening.end(), min(len(text), _FM_LIMIT))
    if close is None:
        return None, text, False
    block = text[opening.end() : close.start()]
    try:
        data = yaml.safe_load(block)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        data = None  # malformed: the block is dropped, the article still loads
    if not isinstance(data, dict):
        if block.strip() and ":" not in block:
            return None, text, False  # prose between two rules, not front matter
        data = None
    return data, blank(text[: close.end()]) + text[close.end() :], True


def _key(name: object) -> str:
    return re.sub(r"[\s_-]", "", str(name)).lower()


def _first(meta: dict[str, Any], keys: tuple[str, ...]) -> tuple[str, Any] | None:
    normalised = {_key(k): (str(k), v) for k, v in meta.items()}
    for key in keys:
        if key in normalised and normalised[key][1] not in (None, ""):
            return normalised[key]
    return None


def apply_front_matter(doc: Doc, meta: dict[str, Any]) -> None:
    found = _first(meta, TITLE_KEYS)
    doc.title = clean_meta(found[1]) if found else doc.title
    found = _first(meta, URL_KEYS)
    doc.url = clean_meta(found[1]) if found else doc.url
    found = _first(meta, OUTLET_KEYS)
    if found:
        value = clean_meta(found[1])
        if value and URL_RE.fullmatch(value):
            doc.url = doc.url or value
        else:
            doc.outlet = value
    normalised = {_key(k): (str(k), v) for k, v in meta.items()}
    for key in DATE_KEYS:
        if key in normalised:
            name, value = normalised[key]
            span = parse_date_value(value)
            if span is not None:
                shown = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
                doc.published = ArticleDate(
                    span=span, origin="front-matter", reason=f'front matter "{name}: {shown}"'
                )
                return


def first_line_title(text: str) -> str | None:
    """The first non-empty line, when it reads like a headline (short, no final period)."""
    for line in text.split("\n", 200)[:200]:
        stripped = " ".join(line.split())
        if stripped:
            if len(stripped) <= 150 and not stripped.endswith("."):
                return stripped
            return None
    return None


def _heading_title(original: str, neutral: str) -> str | None:
    match = re.search(r"^[ \t]{0,3}#{1,6}[ \t]+\S", original[:_FM_LIMIT], re.MULTILINE)
    if match is None:
        return None
    end = original.find("\n", match.start())
    line = neutral[match.start() : end if end >= 0 else len(neutral)]
    return " ".join(line.split()) or None


def _read(text: str, markdown: bool) -> Parsed:
    meta, body, has_block = split_front_matter(text)
    markdown = markdown or has_block or bool(_MARKDOWN_HINTS_RE.search(body[:_FM_LIMIT]))
    neutral = neutralise_markdown(body) if markdown else blank_urls(body)
    doc = Doc(text=neutral)
    if meta:
        apply_front_matter(doc, meta)
    if doc.title is None:
        doc.title = (_heading_title(body, neutral) if markdown else None) or first_line_title(neutral)
    return Parsed(docs=[doc])


def read_txt(text: str) -> Parsed:
    """Plain text; Markdown rules apply when it carries front matter or Markdown links/escapes."""
    return _read(text, markdown=False)


def read_markdown(text: str) -> Parsed:
    return _read(text, markdown=True)
