from __future__ import annotations

import io

import pytest
from report_fixtures import make_empty_result, make_result

from claimcheck.report import ReportOptions, render, want_color

ANSI = "\x1b["


@pytest.mark.parametrize("width", [80, 140])
def test_plain_output_fits_the_width(width: int) -> None:
    out = render(make_result(), "table", options=ReportOptions(width=width, show_acknowledged=True))
    assert ANSI not in out
    assert all(len(line) <= width for line in out.splitlines())
    assert out.splitlines()[1] == "3 articles, 6 claims, 3 contradictions: 1 high, 1 medium, 1 low"
    assert "sources/zeta.pdf: unsupported file type .pdf" in out
    assert out.index("HIGH (1)") < out.index("MEDIUM (1)") < out.index("LOW (1)")
    assert "CC101 numeric-interval-conflict" in out
    assert "«over 10,000»" in out
    assert "acknowledged" in out


def test_side_by_side_at_140_columns() -> None:
    out = render(make_result(), "table", options=ReportOptions(width=140))
    line = next(line for line in out.splitlines() if "sources/alpha.md:7" in line)
    assert "sources/beta.txt:2" in line


def test_rich_markup_in_article_text_is_printed_literally() -> None:
    out = render(make_result(), "table", options=ReportOptions(width=140))
    assert "*all*" in out and "[numeric]" in out


def test_colour_only_when_asked() -> None:
    out = render(make_result(), "table", options=ReportOptions(color=True))
    assert ANSI in out
    assert "«" not in out


def test_acknowledged_hidden_by_default() -> None:
    out = render(make_result(), "table", options=ReportOptions())
    assert "LOW (1)" not in out
    assert "1 acknowledged contradiction(s) hidden" in out


def test_no_contradictions_said_plainly() -> None:
    out = render(make_empty_result(), "table", options=ReportOptions())
    assert "2 articles, 0 claims, 0 contradictions: 0 high, 0 medium, 0 low" in out
    assert "No contradictions found." in out


def test_want_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert want_color(Tty()) is True
    assert want_color(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert want_color(Tty()) is False
