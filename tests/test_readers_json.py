"""JSON and JSON Lines article files, including bad records and lines."""

from __future__ import annotations

import json

from claimcheck.models import Article
from claimcheck.readers.jsonfeed import read_json, read_jsonl


def test_json_single_object() -> None:
    raw = json.dumps(
        {
            "title": "T",
            "published": "2024-11-22",
            "url": "https://e.com/a",
            "source": {"name": "Wire"},
            "body": "Line one.\nLine two.",
        },
        indent=2,
    )
    parsed = read_json(raw)
    assert parsed.problems == []
    doc = parsed.docs[0]
    assert (doc.title, doc.url, doc.outlet, doc.record_key) == ("T", "https://e.com/a", "Wire", None)
    assert doc.text == "Line one.\nLine two."
    assert doc.published is not None and doc.published.span.label() == "2024-11-22"
    assert doc.published.reason == 'JSON field "published": 2024-11-22'
    article = Article(id="x", path="x.json", format="json", text=doc.text, line_map=doc.line_map)
    body_line = next(n for n, line in enumerate(raw.split("\n"), 1) if '"body"' in line)
    assert article.line_at(doc.text.index("Line two")) == body_line


def test_json_list_and_articles_key() -> None:
    records = [{"text": "First."}, {"content": "Second.", "id": "custom"}, {"title": "no text"}, 7]
    for raw in (json.dumps(records, indent=1), json.dumps({"articles": records})):
        parsed = read_json(raw)
        assert [d.text for d in parsed.docs] == ["First.", "Second."]
        assert [d.record_key for d in parsed.docs] == ["#1", "#2"]
        assert parsed.docs[1].record_id == "custom"
        assert [(p.where, p.reason.split(":")[0]) for p in parsed.problems] == [
            ("#3", "record 3"),
            ("#4", "record 4"),
        ]


def test_json_invalid() -> None:
    parsed = read_json('{"text": "a",}')
    assert parsed.docs == []
    assert parsed.problems[0].reason.startswith("invalid JSON (line 1:")


def test_json_html_content() -> None:
    doc = read_json(json.dumps({"content_html": "<p>Para one.</p><p>Para two.</p>"})).docs[0]
    assert doc.text == "Para one.\nPara two."


def test_jsonl_bad_lines_are_reported_and_others_load() -> None:
    lines = [
        json.dumps({"text": "Good one.", "date": "2024-01-02"}),
        "",
        '{"text": "broken" "x": 1}',
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "missing text"}),
        json.dumps({"id": 42, "text": "Good two.\nSecond line."}),
    ]
    parsed = read_jsonl("\n".join(lines) + "\n")
    assert [d.text for d in parsed.docs] == ["Good one.", "Good two.\nSecond line."]
    assert [d.record_key for d in parsed.docs] == ["#1", "#6"]
    assert parsed.docs[1].record_id == "42"
    assert [p.where for p in parsed.problems] == [":3", ":4", ":5"]
    assert parsed.problems[0].reason == "line 3: invalid JSON (Expecting ',' delimiter)"
    doc = parsed.docs[1]
    article = Article(id="x", path="x.jsonl", format="jsonl", text=doc.text, line_map=doc.line_map)
    assert article.line_at(0) == 6
    assert article.line_at(doc.text.index("Second line")) == 6
