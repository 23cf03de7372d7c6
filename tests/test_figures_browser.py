"""The figures section in headless Chromium: the timeline renders, tables sort, hostile text stays inert."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from figures_fixtures import make_figures_result
from report_cdp import Browser, find_browser

from claimcheck.report import ReportOptions, render

BROWSER = find_browser()
REASON = "no headless Chromium found; install one with `apt-get install -y chromium` to run the browser tests"
ROWS = "Array.from(document.querySelectorAll('#f-k-volume tbody tr')).map(r => r.cells[0].textContent)"
SHOWN = "Array.from(document.querySelectorAll('#figures details.fig')).filter(d => !d.hidden).map(d => d.id)"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if BROWSER is None:
        pytest.skip(REASON)
    with Browser(BROWSER) as b:
        yield b


@pytest.fixture()
def page(tmp_path: Path) -> Path:
    path = tmp_path / "report.html"
    path.write_text(render(make_figures_result(), "html", options=ReportOptions()), encoding="utf-8")
    return path


def _click(browser: Browser, group: str, header: str) -> None:
    browser.evaluate(
        f"Array.from(document.querySelectorAll('#{group} th button'))"
        f".find(b => b.textContent === '{header}').click()"
    )


@pytest.mark.browser
def test_timeline_renders_with_its_points(browser: Browser, page: Path) -> None:
    browser.open(page)
    assert browser.errors() == []
    points = browser.evaluate(
        "Array.from(document.querySelectorAll('#f-k-people-died svg.timeline circle')).map(c => {"
        " const r = c.getBoundingClientRect(); return [c.getAttribute('class'), r.width > 0, r.left, r.top]; })"
    )
    assert [(cls, visible) for cls, visible, _, _ in points] == [
        ("point st-first", True), ("point st-update", True), ("point st-conflict", True)
    ]
    lefts, tops = [p[2] for p in points], [p[3] for p in points]
    assert lefts == sorted(lefts) and tops[1] < tops[2] < tops[0]  # later to the right; 31 > 27 > 12
    assert browser.evaluate("document.querySelectorAll('#figures svg line.step.st-conflict').length") == 1
    labels = browser.evaluate("Array.from(document.querySelectorAll('#figures svg .tlabel')).map(t => t.textContent)")
    assert labels == ["2024-05-02", "2024-05-03", "2024-05-04"]


@pytest.mark.browser
def test_table_sorts_on_a_header_click_and_filters_by_measure(browser: Browser, page: Path) -> None:
    browser.open(page)
    assert browser.evaluate(ROWS) == ["wires/north.txt:3", "wires/west.txt:3", "wires/south.txt:3"]
    _click(browser, "f-k-volume", "Published")
    assert browser.evaluate(ROWS) == ["wires/north.txt:3", "wires/south.txt:3", "wires/west.txt:3"]
    _click(browser, "f-k-volume", "Value")
    assert browser.evaluate(ROWS) == ["wires/north.txt:3", "wires/west.txt:3", "wires/south.txt:3"]
    _click(browser, "f-k-volume", "Value")
    assert browser.evaluate(ROWS) == ["wires/south.txt:3", "wires/north.txt:3", "wires/west.txt:3"]
    sorted_by = "Array.from(document.querySelectorAll('#f-k-volume th')).map(th => th.getAttribute('aria-sort'))"
    assert browser.evaluate(sorted_by)[2] == "descending"

    assert browser.evaluate("document.querySelector('.fig-filters').hidden") is False
    assert browser.evaluate(SHOWN) == ["f-k-people-died", "f-k-volume", "f-k-length"]
    browser.evaluate(
        "const s = document.getElementById('fig-measure'); s.value = 'volume';"
        " s.dispatchEvent(new Event('change'))"
    )
    assert browser.evaluate(SHOWN) == ["f-k-volume"]
    assert browser.evaluate("document.getElementById('fig-count').textContent") == "Showing 1 of 3 groups"
    assert browser.errors() == []


@pytest.mark.browser
def test_script_and_onerror_in_article_text_stay_inert(browser: Browser, page: Path) -> None:
    browser.open(page)
    browser.evaluate("document.querySelectorAll('#figures details').forEach(d => d.open = true)")
    text = browser.evaluate("document.getElementById('figures').innerText")
    assert "rose to 31 <script>window.__pwned=1</script>" in text
    assert '<img src=x onerror="window.__pwned=1"> held 42 million cubic metres' in text
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.evaluate("document.querySelectorAll('#figures img, #figures script').length") == 0
    assert browser.errors() == []


@pytest.mark.browser
def test_reads_without_javascript(browser: Browser, page: Path) -> None:
    browser.call("Emulation.setScriptExecutionDisabled", {"value": True}, session=True)
    try:
        browser.open(page)
        rows = browser.evaluate("document.querySelectorAll('#f-k-volume tbody tr').length")
        visible = browser.evaluate("document.querySelector('#f-k-volume table').getBoundingClientRect().height > 0")
        nav = browser.evaluate("getComputedStyle(document.querySelector('.fig-filters')).display")
        folded = browser.evaluate("document.getElementById('f-k-length').open")
    finally:
        browser.call("Emulation.setScriptExecutionDisabled", {"value": False}, session=True)
    assert (rows, visible, nav, folded) == (3, True, "none", False)
