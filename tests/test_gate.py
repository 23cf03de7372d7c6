"""The gate: which findings fail, the reason printed, and the exit code the application picks."""

from __future__ import annotations

import io
from pathlib import Path

from claimcheck.app import Application
from claimcheck.enums import ExitCode, Severity, Status
from claimcheck.gate import decide
from claimcheck.models import Article, AuditResult, Claim, ClaimKind, Contradiction, Value
from claimcheck.report import build_records
from claimcheck.report.check_text import check_text, reason


def _claim(path: str, line: int, article: str = "") -> Claim:
    return Claim(
        id=f"{path}:{line}", article=article or Path(path).stem, path=path, line=line, start=0, end=3,
        sentence="s", quote=f"quote {line}", kind=ClaimKind.NUMERIC, subject="Widget",
        measure="unit deployed", value=Value(low=1, high=1),
    )


def _c(cid: str, severity: str = "high", paths: tuple[str, ...] = ("src/a.txt", "src/b.txt"),
       status: Status = Status.NEW) -> Contradiction:
    return Contradiction(
        id=cid, rule="CC101", rule_name="numeric-interval-conflict", kind="numeric", severity=severity,
        status=status, subject="Widget", measure="unit deployed", explanation="10 vs 1,000",
        claims=tuple(_claim(p, i + 1) for i, p in enumerate(paths)),
    )


def _result(*items: Contradiction) -> AuditResult:
    return AuditResult(articles=(Article(id="a", path="src/a.txt", format="txt", text=""),), contradictions=items)


def test_new_at_or_above_the_level_fail() -> None:
    result = _result(_c("ack", status=Status.ACKNOWLEDGED), _c("h"), _c("m", "medium"), _c("l", "low"))
    decision = decide(result, fail_on=Severity.MEDIUM)
    assert decision.failing == ("h", "m") and decision.fails
    assert (decision.acknowledged, decision.below_threshold, decision.out_of_scope) == (1, 1, 0)
    assert reason(decision) == "2 unacknowledged findings at or above medium (1 acknowledged, 1 below medium)"
    assert decide(result, fail_on=Severity.HIGH).failing == ("h",)
    assert decide(result, fail_on=Severity.LOW).failing == ("h", "m", "l")
    assert decide(result, fail_on=None).failing == ()  # audit without --fail-on never fails


def test_clean_reason() -> None:
    decision = decide(_result(_c("l", "low")), fail_on=Severity.MEDIUM)
    assert not decision.fails and reason(decision) == "no unacknowledged finding at or above medium (1 below medium)"


def test_change_scope() -> None:
    result = _result(_c("ab"), _c("bc", paths=("src/b.txt", "src/c.txt")))
    decision = decide(result, fail_on=Severity.LOW, scope=["src/c.txt"])
    assert decision.failing == ("bc",) and decision.out_of_scope == 1
    assert decide(result, fail_on=Severity.LOW, scope=[str(Path("src/c.txt").resolve())]).failing == ("bc",)
    assert not decide(result, fail_on=Severity.LOW, scope=[]).fails
    assert reason(decision) == "1 unacknowledged finding at or above low (1 not involving a changed article)"


def test_accepted_facts_never_put_a_finding_in_scope() -> None:
    item = _c("x").model_copy(update={"claims": (_claim("claims.yaml", 4, "ledger"), _claim("src/a.txt", 9))})
    assert not decide(_result(item), fail_on=Severity.LOW, scope=["claims.yaml"]).fails
    assert decide(_result(item), fail_on=Severity.LOW, scope=["src/a.txt"]).fails


def test_check_text_lists_failing_findings_by_severity() -> None:
    result = _result(_c("m", "medium"), _c("h", paths=("src/a.txt", "claims.yaml")))
    result = result.model_copy(update={"contradictions": (
        result.contradictions[0],
        result.contradictions[1].model_copy(update={"claims": (_claim("src/a.txt", 1), _claim("claims.yaml", 7, "ledger"))}),
    )})
    decision = decide(result, fail_on=Severity.MEDIUM)
    assert check_text(build_records(result, decision=decision), decision) == (
        "FAIL high CC101 numeric-interval-conflict: Widget / unit deployed  [id h]\n"
        "  claims.yaml:7 (accepted fact): quote 7\n"
        "  src/a.txt:1: quote 1\n"
        "  10 vs 1,000\n"
        "FAIL medium CC101 numeric-interval-conflict: Widget / unit deployed  [id m]\n"
        "  src/a.txt:1: quote 1\n"
        "  src/b.txt:2: quote 2\n"
        "  10 vs 1,000\n"
        "claimcheck check: 2 unacknowledged findings at or above medium\n"
    )


def test_application_exit_codes() -> None:
    app = Application(out=io.StringIO(), err=io.StringIO(), environ={})
    assert app.exit_code() is ExitCode.OK
    app.decision = decide(_result(_c("h")), fail_on=Severity.HIGH)
    assert app.exit_code() is ExitCode.FINDINGS
    app.decision = decide(_result(_c("h")), fail_on=None)
    assert app.exit_code() is ExitCode.OK
    app.error = "claims.yaml:3: broken"
    assert app.exit_code() is ExitCode.ERROR
    assert [int(code) for code in ExitCode] == [0, 1, 2, 3]


def test_the_command_line_stays_thin() -> None:
    from claimcheck import cli

    assert len(Path(cli.__file__).read_text(encoding="utf-8").splitlines()) < 200
