from __future__ import annotations

import pytest
from report_fixtures import make_empty_result, make_result

from claimcheck.report import FORMAT_CHOICES, FORMATS, ReportOptions, format_for_path, get_reporter, render
from claimcheck.report.base import Reporter


def test_every_choice_maps_to_a_reporter() -> None:
    assert set(FORMAT_CHOICES) == {"table", "json", "markdown", "html", "csv", "sarif", "github"}
    for fmt in FORMAT_CHOICES:
        reporter = get_reporter(fmt)
        assert isinstance(reporter, Reporter)
        assert reporter.name == fmt == FORMATS[fmt].name
        assert reporter.extension.startswith(".")


def test_unknown_format_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="choose one of"):
        render(make_result(), "yaml", options=ReportOptions())


@pytest.mark.parametrize("fmt", FORMAT_CHOICES)
def test_every_format_is_deterministic_and_ends_with_newline(fmt: str) -> None:
    result = make_result()
    shuffled = result.model_copy(
        update={
            "articles": tuple(reversed(result.articles)),
            "contradictions": tuple(reversed(result.contradictions)),
        }
    )
    options = ReportOptions(show_acknowledged=True)
    out = render(result, fmt, options=options)
    assert out == render(shuffled, fmt, options=options)
    assert out.endswith("\n")


@pytest.mark.parametrize("fmt", FORMAT_CHOICES)
def test_every_format_handles_an_empty_result(fmt: str) -> None:
    out = render(make_empty_result(), fmt, options=ReportOptions())
    assert out.endswith("\n")


def test_value_display_shown_in_human_formats() -> None:
    for fmt in ("table", "markdown", "html"):
        out = render(make_result(), fmt, options=ReportOptions(width=140))
        assert "10,000–100,000 robot" in out, fmt


def test_format_for_path() -> None:
    from pathlib import Path

    assert format_for_path(Path("r.md")) == "markdown"
    assert format_for_path(Path("r.sarif")) == "sarif"
    assert format_for_path(Path("r.HTML")) == "html"
    assert format_for_path(Path("r.csv")) == "csv"
    assert format_for_path(Path("r.json")) == "json"
    assert format_for_path(Path("r.xyz")) is None
