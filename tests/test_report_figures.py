"""The figures view in every format: exact JSON shape, exact Markdown lines, terminal, HTML, CLI."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from figures_fixtures import make_figures_result
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.report import ReportOptions, render
from claimcheck.report.figures_table import render_figures

CLAIM_KEYS = ["id", "article", "path", "line", "quote", "text", "published", "time", "modality",
              "attribution", "scope"]
VALUE_KEYS = ["display", "value", "low", "high", "unit", "time", "articles", "standing", "claims"]
GROUP_KEYS = ["key", "subject", "measure", "event", "timeline", "disagrees", "majority", "outliers",
              "findings", "values"]


def test_json_figures_shape() -> None:
    data = json.loads(render(make_figures_result(), "json"))
    assert list(data) == ["schema", "articles", "skipped", "findings", "contradictions", "figures", "summary"]
    toll, volume, bridge = data["figures"]
    for group in data["figures"]:
        assert list(group) == GROUP_KEYS
        for value in group["values"]:
            assert list(value) == VALUE_KEYS
            assert all(list(claim) == CLAIM_KEYS for claim in value["claims"])
    assert {k: toll[k] for k in GROUP_KEYS[:8]} == {
        "key": "k-people-died", "subject": "Lowmarsh", "measure": "people died",
        "event": "Lowmarsh flood, May 2024", "timeline": True, "disagrees": True, "majority": None,
        "outliers": [],
    }
    assert toll["findings"] == [{"id": "cc-toll-fall-7e21", "rule": "CC103",
                                 "rule_name": "cumulative-count-decrease", "severity": "medium",
                                 "status": "new", "confidence": 1.0}]
    assert [(v["display"], v["value"], v["time"], v["standing"]) for v in toll["values"]] == [
        ("12", 12, "2024-05-02", "first"), ("31", 31, "2024-05-03", "update"),
        ("27", 27, "2024-05-04", "conflict"),
    ]
    assert toll["values"][1]["claims"] == [{
        "id": "south#1", "article": "south", "path": "wires/south.txt", "line": 2,
        "quote": "rose to 31 <script>window.__pwned=1</script>", "text": "31", "published": "2024-05-03",
        "time": "2024-05-03", "modality": "confirmed", "attribution": "the mayor", "scope": "unspecified",
    }]
    assert (volume["majority"], volume["outliers"]) == ("4.2 million m³", ["42 million m³"])
    assert [(v["display"], v["value"], v["low"], v["high"], v["unit"], v["articles"],
             [(k["path"], k["line"]) for k in v["claims"]]) for v in volume["values"]] == [
        ("4.2 million m³", 4200000, 4158000, 4242000, "m3", 2, [("wires/north.txt", 3), ("wires/west.txt", 3)]),
        ("42 million m³", 42000000, 41580000, 42420000, "m3", 1, [("wires/south.txt", 3)]),
    ]
    assert (bridge["disagrees"], bridge["majority"], len(bridge["values"])) == (False, "240 m", 1)


MARKDOWN = """\
## Figures

3 figure groups: 2 where the sources disagree, 1 where they agree; 1 cited by a finding.

### Lowmarsh — people died

event: Lowmarsh flood, May 2024 · over time: Twelve (2024-05-02) → 31 (2024-05-03, update) → 27 (2024-05-04, conflict) · 3 values · 3 claims · 3 articles

Findings: `CC103 medium cc-toll-fall-7e21 confidence 1.00`

| Value | As written | Source | Published | Speaks of | Modality | Said by | Standing |
| --- | --- | --- | --- | --- | --- | --- | --- |
| 12 | “**Twelve** people died” | wires/north.txt:2 | 2024-05-02 | 2024-05-02 | confirmed | police | first |
| 31 | “rose to **31** &lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;” | wires/south.txt:2 | 2024-05-03 | 2024-05-03 | confirmed | the mayor | update |
| 27 | “**27** people died” | wires/west.txt:2 | 2024-05-04 | 2024-05-04 | confirmed | Officials | conflict |

### Lowmarsh — volume

majority 4.2 million m³ · outliers: 42 million m³ · 2 values · 3 claims · 3 articles

| Value | As written | Source | Published | Speaks of | Modality | Said by | Standing |
| --- | --- | --- | --- | --- | --- | --- | --- |
| 4.2 million m³ | “held **4.2 million cubic metres**” | wires/north.txt:3 | 2024-05-02 | — | confirmed | — | majority |
| 4.2 million m³ | “**4.2 million cubic metre** reservoir” | wires/west.txt:3 | 2024-05-04 | — | confirmed | — | majority |
| 42 million m³ | “&lt;img src=x onerror="window.\\_\\_pwned=1"&gt; held **42 million cubic metres**” | wires/south.txt:3 | 2024-05-03 | — | confirmed | — | outlier |

### Figures the sources agree on

| Figure | Value | Sources |
| --- | --- | --- |
| Kell bridge — length | 240 m | wires/north.txt:4, wires/west.txt:4 |
"""


def test_markdown_section_lines() -> None:
    page = render(make_figures_result(), "markdown")
    assert page[page.index("## Figures") :] == MARKDOWN
    assert "<script>" not in page and "<img" not in page


def test_markdown_keeps_figures_when_there_are_no_contradictions() -> None:
    page = render(make_figures_result().model_copy(update={"contradictions": ()}), "markdown")
    assert "**No contradictions found**" in page and "## Figures" in page
    assert "Findings:" not in page


@pytest.mark.parametrize("fmt", ["json", "markdown", "html", "table", "csv", "sarif"])
def test_bytes_do_not_depend_on_input_order(fmt: str) -> None:
    assert render(make_figures_result(), fmt) == render(make_figures_result(-1), fmt)


def test_terminal_view_disagreements_first_then_one_line_per_agreed_figure() -> None:
    text = render_figures(make_figures_result(), ReportOptions(width=120))
    lines = text.splitlines()
    assert lines[:2] == [
        "claimcheck figures",
        "3 figure groups: 2 where the sources disagree, 1 where they agree; 1 cited by a finding",
    ]
    order = [text.index(topic) for topic in ("Lowmarsh — people died", "Lowmarsh — volume", "Kell bridge")]
    assert order == sorted(order)
    assert "findings: CC103 medium cc-toll-fall-7e21 confidence 1.00" in lines
    assert re.search(r"wires/south\.txt:2 +31 +31 +2024-05-03 +2024-05-03 +confirmed · the mayor", text)
    assert lines[-1] == "Kell bridge — length: 240 m  wires/north.txt:4, wires/west.txt:4"
    assert "<script>window.__pwned=1</script>" not in text  # the quote is not shown; the figure is


def test_audit_table_ends_with_the_figures_that_disagree() -> None:
    text = render(make_figures_result(), "table", options=ReportOptions(width=140))
    tail = text[text.index(" FIGURES ") :].splitlines()[1:]
    assert tail == [
        "3 figure groups: 2 where the sources disagree, 1 where they agree; 1 cited by a finding",
        "  Lowmarsh — people died: over time: Twelve (2024-05-02) → 31 (2024-05-03, update) → 27 (2024-05-04, "
        "conflict)",
        "  Lowmarsh — volume: 4.2 million cubic metres · 42 million cubic metres — majority 4.2 million m³ · "
        "outliers: 42 million m³",
        "`claimcheck figures` shows every group side by side.",
    ]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_section_reads_without_javascript() -> None:
    page = render(make_figures_result(), "html")
    parser = _Tags()
    parser.feed(page)
    tags = parser.tags
    assert [t for t, _ in tags].count("script") == 1
    assert not any(k.startswith("on") for _, a in tags for k in a)
    assert "<script>window" not in page and "<img src=x" not in page
    groups = [a for t, a in tags if t == "details" and "fig" in (a.get("class") or "").split()]
    assert [(a["id"], a["data-measure"], "open" in a) for a in groups] == [
        ("f-k-people-died", "people died", True), ("f-k-volume", "volume", True), ("f-k-length", "length", False),
    ]
    assert [a.get("class") for t, a in tags if t == "circle"] == [
        "point st-first", "point st-update", "point st-conflict"
    ]
    assert [a.get("class") for t, a in tags if t == "line" and "step" in (a.get("class") or "")] == [
        "step st-update", "step st-conflict"
    ]
    assert ["hidden" in a for t, a in tags if t == "nav" and a.get("class") == "fig-filters"] == [True]
    options = [a.get("value") for t, a in tags if t == "option"]
    assert options == ["", "length", "people died", "volume"]
    ids = {a["id"] for _, a in tags if a.get("id")}
    hrefs = {(a.get("href") or "")[1:] for t, a in tags if t == "a" and (a.get("href") or "").startswith("#")}
    assert hrefs <= ids  # every source and finding link lands in the page
    assert 'href="#c-cc-toll-fall-7e21"' in page


def test_no_figures_section_without_groups() -> None:
    page = render(make_figures_result().model_copy(update={"groups": ()}), "html")
    assert 'id="figures"' not in page


ARTICLES = {
    "a.txt": "Flood in Lowmarsh\n\nMay 2, 2024 - Twelve people died in the Lowmarsh flood, police said.\n",
    "b.txt": "Toll rises\n\nMay 3, 2024 - The mayor said 31 people died in the Lowmarsh flood.\n",
    "c.txt": "The day after\n\nMay 4, 2024 - Officials now say 27 people died in the Lowmarsh flood.\n",
}


def test_figures_command_on_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["figures", ".", "--no-cache"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "claimcheck figures"
    assert lines[1].startswith("1 figure group: 1 where the sources disagree")
    assert "Twelve (2024-05-02) → 31 (2024-05-03, update) → 27 (2024-05-04, conflict)" in " ".join(
        line.strip() for line in lines
    )
    assert [line.split()[0] for line in lines if re.match(r"[abc]\.txt:3 ", line)] == [
        "a.txt:3", "b.txt:3", "c.txt:3"
    ]
    assert not (tmp_path / ".claimcheck").exists()
