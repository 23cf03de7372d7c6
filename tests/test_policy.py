"""The policy stage: acknowledgements, expiry, severity threshold, change scope, exit code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from claimcheck.ledger import parse_ledger
from claimcheck.models import Article, AuditResult, Claim, ClaimKind, Contradiction, Severity, Value
from claimcheck.policy import apply_ledger, decide, github_annotations, summary_lines

TODAY = dt.date(2026, 2, 1)


def _claim(path: str, line: int, article: str = "") -> Claim:
    return Claim(
        id=f"{path}:{line}", article=article or Path(path).stem, path=path, line=line, start=0, end=3,
        sentence="s", quote=f"quote {line}", kind=ClaimKind.NUMERIC, subject="Widget",
        measure="unit deployed", value=Value(low=1, high=1),
    )


def _c(
    cid: str, severity: Severity = "high", paths: tuple[str, ...] = ("src/a.txt", "src/b.txt")
) -> Contradiction:
    return Contradiction(
        id=cid, rule="CC101", rule_name="numeric-interval-conflict", kind="numeric", severity=severity,
        subject="Widget", measure="unit deployed", explanation="10 vs 1,000",
        claims=tuple(_claim(p, i + 1) for i, p in enumerate(paths)),
    )


def _result(*items: Contradiction) -> AuditResult:
    article = Article(id="a", path="src/a.txt", format="txt", text="")
    return AuditResult(articles=(article,), contradictions=items)


LEDGER = parse_ledger(
    "acknowledged:\n"
    "  - {id: live, status: accepted, note: both stand}\n"
    "  - {id: fp, status: false-positive, note: different things}\n"
    "  - {id: old, status: accepted, note: was fine, expires: 2026-01-31}\n"
    "  - {id: lastday, status: accepted, note: still fine, expires: 2026-02-01}\n"
)


def test_apply_ledger_marks_and_notes() -> None:
    result = apply_ledger(_result(_c("live"), _c("fp"), _c("old"), _c("lastday"), _c("new")), LEDGER, TODAY)
    by_id = {c.id: c for c in result.contradictions}
    assert by_id["live"].status == "acknowledged" and by_id["live"].note == "both stand"
    assert by_id["fp"].status == "acknowledged" and by_id["fp"].note == "false positive: different things"
    assert by_id["old"].status == "new"
    assert by_id["old"].note == "acknowledgement expired on 2026-01-31: was fine"
    assert by_id["lastday"].status == "acknowledged"  # good through its expiry day
    assert by_id["new"].status == "new" and by_id["new"].note is None


def test_apply_ledger_is_idempotent_and_resets_without_ledger() -> None:
    once = apply_ledger(_result(_c("live")), LEDGER, TODAY)
    assert apply_ledger(once, LEDGER, TODAY) == once
    assert apply_ledger(once, None, TODAY).contradictions[0].status == "new"


def test_decide_new_only_and_threshold() -> None:
    result = apply_ledger(_result(_c("live"), _c("h"), _c("m", "medium"), _c("l", "low")), LEDGER, TODAY)
    decision = decide(result, fail_on="medium", changed=None, new_only=True)
    assert [c.id for c in decision.failing] == ["h", "m"]
    assert decision.exit_code == 1
    assert decision.reason == (
        "2 unacknowledged contradictions at or above medium (1 acknowledged, 1 below medium)"
    )
    assert [c.id for c in decide(result, fail_on="high", changed=None, new_only=True).failing] == ["h"]
    assert len(decide(result, fail_on=None, changed=None, new_only=True).failing) == 3
    assert len(decide(result, fail_on=None, changed=None, new_only=False).failing) == 4


def test_decide_clean() -> None:
    result = apply_ledger(_result(_c("live"), _c("l", "low")), LEDGER, TODAY)
    decision = decide(result, fail_on="medium", changed=None, new_only=True)
    assert decision.exit_code == 0 and decision.failing == ()
    assert decision.reason.startswith("no unacknowledged contradiction at or above medium")


def test_decide_changed_scope() -> None:
    result = _result(_c("ab"), _c("bc", paths=("src/b.txt", "src/c.txt")))
    decision = decide(result, fail_on="low", changed={"src/c.txt"}, new_only=True)
    assert [c.id for c in decision.failing] == ["bc"] and decision.out_of_scope == 1
    absolute = {str(Path("src/c.txt").resolve())}
    assert [c.id for c in decide(result, fail_on="low", changed=absolute, new_only=True).failing] == ["bc"]
    assert decide(result, fail_on="low", changed=set(), new_only=True).exit_code == 0


def test_ledger_fact_claims_do_not_count_as_changed() -> None:
    item = _c("x", paths=("claims.yaml", "src/a.txt"))
    item = item.model_copy(update={"claims": (_claim("claims.yaml", 4, "ledger"), _claim("src/a.txt", 9))})
    assert decide(_result(item), fail_on="low", changed={"claims.yaml"}, new_only=True).exit_code == 0
    assert decide(_result(item), fail_on="low", changed={"src/a.txt"}, new_only=True).exit_code == 1


def test_summary_and_annotations() -> None:
    decision = decide(_result(_c("h")), fail_on="medium", changed=None, new_only=True)
    lines = summary_lines(decision)
    assert lines[0] == "FAIL high CC101 numeric-interval-conflict: Widget / unit deployed  [id h]"
    assert "  src/a.txt:1: quote 1" in lines and lines[-1].startswith("claimcheck check: 1 unacknowledged")
    item = _c("h", paths=("src/a,b.txt", "src/c.txt"))
    notes = github_annotations([item])
    assert len(notes) == 2
    title = "title=CC101 numeric-interval-conflict (high)%3A "
    assert notes[0].startswith(f"::error file=src/a%2Cb.txt,line=1,{title}")
    assert "%0A" in notes[0] and "\n" not in notes[0]
