from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_cdp import Browser, find_browser
from report_fixtures import make_empty_result, make_result

from claimcheck.report import ReportOptions, render


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def _page(**options: object) -> str:
    return render(make_result(), "html", options=ReportOptions.model_validate(options))


def test_self_contained_with_strict_csp() -> None:
    page = _page()
    tags = _tags(page)
    csp = next(
        a["content"] for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None and csp.startswith(
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-"
    )
    assert [t for t, _ in tags].count("script") == 1
    assert not [a for t, a in tags if t in ("link", "img", "iframe", "object", "embed")]
    assert not any(a.get("src") for _, a in tags)
    assert "http://" not in page and "https://" not in page


def test_article_text_is_escaped() -> None:
    page = _page(show_acknowledged=True)
    assert "<script>window" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "onerror=" not in re.sub(r"&quot;|&lt;img[^<]*?&gt;", "", page)
    assert not any(k.startswith("on") for _, a in _tags(page) for k in a)
    assert not any((a.get("href") or "").startswith("javascript:") for _, a in _tags(page))
    assert "&lt;b&gt;more&lt;/b&gt;" in page and "&lt;editor&gt;" in page


def test_contradictions_marks_and_line_anchors() -> None:
    page = _page()
    tags = _tags(page)
    items = [a for t, a in tags if t == "article" and "cc" in (a.get("class") or "").split()]
    assert [a.get("data-severity") for a in items] == ["high", "medium"]
    assert "<mark>over 10,000</mark>" in page and "<mark>1.4 million</mark>" in page
    assert 'href="#a-alpha-L7"' in page and 'id="a-alpha-L7"' in page
    ids = {a["id"] for _, a in tags if a.get("id")}
    links = [a.get("href") or "" for t, a in tags if t == "a"]
    hrefs = {href[1:] for href in links if href.startswith("#")}
    assert hrefs <= ids  # every in-page link lands somewhere
    assert "1 acknowledged contradiction(s) not shown." in page


def test_empty_result_says_so() -> None:
    page = render(make_empty_result(), "html", options=ReportOptions())
    assert "No contradictions found" in page


# --------------------------------------------------------------------------- in a real browser

BROWSER = find_browser()
REASON = (
    "no headless Chromium found (looked for $CLAIMCHECK_CHROMIUM, chromium, chromium-browser, "
    "google-chrome); "
    "install one with `apt-get install -y chromium` to run the HTML browser tests"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if BROWSER is None:
        print(f"SKIP browser tests: {REASON}")
        pytest.skip(REASON)
    with Browser(BROWSER) as b:
        yield b


@pytest.mark.browser
def test_page_in_a_real_browser(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(_page(show_acknowledged=True), encoding="utf-8")
    browser.open(page)
    assert browser.errors() == []
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    visible = "Array.from(document.querySelectorAll('article.cc')).filter(e => !e.hidden).map(e => e.id)"
    assert browser.evaluate(visible) == ["c-cc-numeric-0d4e", "c-cc-temporal-9b1c", "c-cc-low-ack-3f2a"]
    assert browser.evaluate("document.getElementById('count').textContent") == "Showing 3 of 3"
    text = browser.evaluate("document.body.innerText")
    assert "<script>window.__pwned=1</script> is shipping now" in text

    browser.evaluate("document.querySelector('input[data-filter=severity][value=high]').click()")
    assert browser.evaluate(visible) == ["c-cc-temporal-9b1c", "c-cc-low-ack-3f2a"]
    assert browser.evaluate("document.getElementById('count').textContent") == "Showing 2 of 3"
    browser.evaluate("document.querySelector('input[data-filter=kind][value=temporal]').click()")
    browser.evaluate("document.querySelector('input[data-filter=kind][value=proportion]').click()")
    assert browser.evaluate(visible) == []
    assert browser.evaluate("document.getElementById('empty').hidden") is False

    browser.evaluate("document.querySelector('a[href=\"#a-alpha-L7\"]').click()")
    assert browser.evaluate("document.getElementById('a-alpha').open") is True
    assert browser.evaluate("document.querySelector('#a-alpha-L7 mark').textContent") == "over 10,000"
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.errors() == []

    shot = tmp_path / "report.png"
    browser.screenshot(shot)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
