from __future__ import annotations

from report_fixtures import make_empty_result, make_result

from claimcheck.report import ReportOptions, render
from claimcheck.report.github import escape_data, escape_property


def test_escaping_follows_the_workflow_command_spec() -> None:
    assert escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_one_annotation_per_claim() -> None:
    out = render(make_result(), "github", options=ReportOptions())
    lines = out.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 2
    assert sum(line.startswith("::warning ") for line in lines) == 2  # acknowledged one is not annotated
    assert lines[0].startswith(
        "::error file=sources/alpha.md,line=7,title=CC101 numeric-interval-conflict (high)%3A "
    )
    assert "::warning file=sources/gamma%2C final%3A v2.html,line=2," in out
    assert lines[-1].startswith("::notice title=claimcheck::")
    for line in lines:  # every command is one physical line; properties hold no raw separators
        props = line.split("::")[1]
        for prop in props.split(" ", 1)[1].split(",") if " " in props else []:
            assert prop.count("=") >= 1


def test_acknowledged_annotated_when_asked() -> None:
    out = render(make_result(), "github", options=ReportOptions(show_acknowledged=True))
    assert "Acknowledged in the ledger: Different quarters; see <editor> note, 100%25: fine" in out
    assert out.count("::warning ") == 4


def test_no_contradictions() -> None:
    out = render(make_empty_result(), "github", options=ReportOptions())
    assert out == "::notice title=claimcheck::claimcheck: no contradictions among 2 articles (0 claims)\n"
