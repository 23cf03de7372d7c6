"""JSON and JSON Lines article files.

.json holds one object, a list of objects, or {"articles": [...]} / {"items": [...]}
(JSON Feed); .jsonl holds one object per line. A record's text comes from the
first string field among ``TEXT_KEYS``; a bad record is reported, the rest load.
"""

from __future__ import annotations

import json
import re
from typing import Any

from claimcheck.dating import parse_date_value
from claimcheck.models import ArticleDate
from claimcheck.readers import Doc, Parsed, Problem, clean_meta, lines_to
from claimcheck.readers.text import blank_urls

TEXT_KEYS = ("text", "body", "content", "article", "content_text", "articleBody")
HTML_KEYS = ("content_html", "html", "body_html")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = (
    "published",
    "date",
    "datePublished",
    "pubDate",
    "date_published",
    "published_at",
    "publish_date",
    "publishedAt",
)
URL_KEYS = ("url", "link", "canonical_url", "source_url")
OUTLET_KEYS = ("outlet", "source", "site", "site_name", "publisher")
LIST_KEYS = ("articles", "items", "records", "data")
NO_TEXT = 'no article text (expected a "text", "body", "content" or "article" string)'


def _text_of(record: dict[str, Any]) -> tuple[str, str] | None:
    for key in TEXT_KEYS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            if value.lstrip().startswith("<") and re.search(r"</(?:p|div|br|span|h\d)>", value[:5000]):
                return key, _html_text(value)
            return key, blank_urls(value.replace("\r\n", "\n").replace("\r", "\n"))
    for key in HTML_KEYS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return key, _html_text(value)
    return None


def _html_text(value: str) -> str:
    from claimcheck.readers.html import read_html

    docs = read_html(value).docs
    return docs[0].text if docs else ""


def _named(value: Any) -> Any:
    return value.get("name") if isinstance(value, dict) else value


def _doc(record: dict[str, Any], text: str, file_line: int) -> Doc:
    doc = Doc(text=text, line_map=lines_to(text, file_line))
    doc.title = next((clean_meta(record[k]) for k in TITLE_KEYS if clean_meta(record.get(k))), None)
    doc.url = next((clean_meta(record[k]) for k in URL_KEYS if clean_meta(record.get(k))), None)
    outlet = next(
        (clean_meta(_named(record[k])) for k in OUTLET_KEYS if clean_meta(_named(record.get(k)))), None
    )
    if outlet and re.match(r"https?://", outlet):
        doc.url = doc.url or outlet
    else:
        doc.outlet = outlet
    for key in DATE_KEYS:
        span = parse_date_value(record.get(key))
        if span is not None:
            doc.published = ArticleDate(
                span=span, origin="metadata", reason=f'JSON field "{key}": {str(record[key]).strip()}'
            )
            break
    record_id = record.get("id")
    if isinstance(record_id, (str, int)) and not isinstance(record_id, bool) and str(record_id).strip():
        doc.record_id = str(record_id).strip()
    return doc


class _LineFinder:
    """Best-effort file line of a record's text value, scanning forward through the raw JSON."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.cursor = 0
        self.line = 1

    def find(self, key: str) -> int:
        match = re.compile(rf'"{re.escape(key)}"\s*:\s*"').search(self.raw, self.cursor)
        if match is None:
            return self.line
        self.line += self.raw.count("\n", self.cursor, match.end())
        self.cursor = match.end()
        return self.line


def read_json(raw: str) -> Parsed:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return Parsed(problems=[Problem("", f"invalid JSON (line {exc.lineno}: {exc.msg})")])
    except (ValueError, RecursionError) as exc:
        return Parsed(problems=[Problem("", f"invalid JSON ({exc})")])
    records: list[Any]
    multi = True
    if isinstance(data, list):
        records = data
    elif isinstance(data, dict):
        listed = next((data[k] for k in LIST_KEYS if isinstance(data.get(k), list)), None)
        records, multi = (listed, True) if listed is not None and _text_of(data) is None else ([data], False)
    else:
        return Parsed(problems=[Problem("", "JSON holds no article object")])
    parsed = Parsed()
    finder = _LineFinder(raw)
    for number, record in enumerate(records, start=1):
        where = f"#{number}" if multi else ""
        label = f"record {number}: " if multi else ""
        if not isinstance(record, dict):
            parsed.problems.append(Problem(where, f"{label}not a JSON object"))
            continue
        found = _text_of(record)
        if found is None:
            parsed.problems.append(Problem(where, f"{label}{NO_TEXT}"))
            continue
        doc = _doc(record, found[1], finder.find(found[0]))
        doc.record_key = where or None
        parsed.docs.append(doc)
    return parsed


def read_jsonl(raw: str) -> Parsed:
    parsed = Parsed()
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            parsed.problems.append(Problem(f":{number}", f"line {number}: invalid JSON ({exc.msg})"))
            continue
        except (ValueError, RecursionError) as exc:
            parsed.problems.append(Problem(f":{number}", f"line {number}: invalid JSON ({exc})"))
            continue
        if not isinstance(record, dict):
            parsed.problems.append(Problem(f":{number}", f"line {number}: not a JSON object"))
            continue
        found = _text_of(record)
        if found is None:
            parsed.problems.append(Problem(f":{number}", f"line {number}: {NO_TEXT}"))
            continue
        doc = _doc(record, found[1], number)
        doc.record_key = f"#{number}"
        parsed.docs.append(doc)
    return parsed
