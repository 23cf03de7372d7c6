"""GitHub annotations: one per offending line, errors for what fails, changed files first, one notice."""

from __future__ import annotations

from report_fixtures import make_empty_result, make_result

from claimcheck.enums import Severity
from claimcheck.gate import decide
from claimcheck.report import ReportOptions, render
from claimcheck.report.github import escape_data, escape_property


def _heads(out: str) -> list[str]:
    """Each annotation up to its message: level, file, line and title."""
    return [line.split("::")[1] for line in out.splitlines()]


def test_escaping_follows_the_workflow_command_spec() -> None:
    assert escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_changed_file_errors_first_then_warnings_then_one_notice() -> None:
    result = make_result()
    decision = decide(result, fail_on=Severity.MEDIUM, scope=["sources/beta.txt"])
    out = render(result, "github", options=ReportOptions(), decision=decision)
    assert _heads(out) == [
        "error file=sources/beta.txt,line=2,title=CC101 numeric-interval-conflict (high)%3A "
        "Norvale Robotics — robot deployed",
        "warning file=sources/alpha.md,line=7,title=CC101 numeric-interval-conflict (high)%3A "
        "Norvale Robotics — robot deployed",
        "warning file=sources/alpha.md,line=9,title=CC201 availability-date-conflict (medium)%3A "
        "Kestrel X3 — availability",
        "warning file=sources/gamma%2C final%3A v2.html,line=2,title=CC201 availability-date-conflict (medium)%3A "
        "Kestrel X3 — availability",
        "notice title=claimcheck",
    ]
    lines = out.splitlines()
    assert lines[0].endswith(
        "::CC101 numeric-interval-conflict (high): Norvale Robotics — robot deployed [fails the check]%0A"
        "over 10,000 robots (at most 100,000 by news convention) and 1.4 million robots cannot both be the "
        "number deployed: the intervals do not overlap (14x apart).%0A"
        "This line: “rolled out 1.4 million robots | across *all* sites” = 1.4 million (1,350,000–1,450,000 robot)%0A"
        "sources/alpha.md:7: “over 10,000 robots deployed” = over 10,000 (10,000–100,000 robot)%0A"
        "claimcheck id: cc-numeric-0d4e"
    )
    assert lines[-1] == (
        "::notice title=claimcheck::claimcheck: 1 failing at or above medium (1 high); 1 new not failing; "
        "1 acknowledged; 4 annotated line(s) in 3 articles (6 claims)"
    )
    assert all("\n" not in line and "\r" not in line for line in lines)


def test_one_annotation_per_line_whatever_the_number_of_findings() -> None:
    result = make_result()
    doubled = result.contradictions[2].model_copy(update={"id": "cc-numeric-copy", "rule": "CC102"})
    result = result.model_copy(update={"contradictions": (*result.contradictions, doubled)})
    out = render(result, "github", decision=decide(result, fail_on=Severity.HIGH))
    heads = _heads(out)
    assert heads[:2] == [
        "error file=sources/alpha.md,line=7,title=2 findings%3A CC101 Norvale Robotics — robot deployed; "
        "CC102 Norvale Robotics — robot deployed",
        "error file=sources/beta.txt,line=2,title=2 findings%3A CC101 Norvale Robotics — robot deployed; "
        "CC102 Norvale Robotics — robot deployed",
    ]
    assert len(heads) == 5 and heads[2].startswith("warning file=sources/alpha.md,line=9,")


def test_acknowledged_are_notices_only_when_asked() -> None:
    result = make_result()
    decision = decide(result, fail_on=Severity.MEDIUM)
    out = render(result, "github", options=ReportOptions(show_acknowledged=True), decision=decision)
    assert "Ledger: Different quarters; see <editor> note, 100%25: fine" in out
    assert [h.split(",")[0] for h in _heads(out)] == [
        "error file=sources/alpha.md", "error file=sources/alpha.md", "error file=sources/beta.txt",
        "error file=sources/gamma%2C final%3A v2.html", "notice file=sources/beta.txt",
        "notice file=sources/gamma%2C final%3A v2.html", "notice title=claimcheck",
    ]
    assert "notice file" not in render(result, "github", decision=decision)


def test_without_a_decision_nothing_is_an_error() -> None:
    out = render(make_result(), "github", options=ReportOptions())
    assert "::error" not in out and out.count("::warning ") == 4


def test_no_contradictions() -> None:
    out = render(make_empty_result(), "github", options=ReportOptions())
    assert out == (
        "::notice title=claimcheck::claimcheck: 0 new; 0 acknowledged; 0 annotated line(s) in 2 articles (0 claims)\n"
    )
