"""The plain text ``claimcheck check`` prints for people: the failing findings, most severe first,
each with its claims (accepted facts named as such), then one line saying why the check passed
or failed."""

from __future__ import annotations

from claimcheck.gate import Decision
from claimcheck.report.records import ContradictionRecord, Report


def check_text(records: Report, decision: Decision) -> str:
    out: list[str] = []
    for c in records.contradictions:  # sorted by severity, then kind, subject, measure, id
        if c.fails:
            out.extend(_block(c))
    out.append(f"claimcheck check: {reason(decision)}")
    return "\n".join(out) + "\n"


def _block(c: ContradictionRecord) -> list[str]:
    topic = " / ".join(part for part in (c.subject, c.measure) if part)
    lines = [f"FAIL {c.severity} {c.rule} {c.rule_name}: {topic}  [id {c.id}]"]
    for k in c.claims:
        fact = " (accepted fact)" if k.is_fact else ""
        lines.append(f"  {k.location}{fact}: {k.quote}")
    lines.append(f"  {c.explanation}")
    if c.note:
        lines.append(f"  note: {c.note}")
    return lines


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def reason(decision: Decision) -> str:
    """Why the check passed or failed, with what was left out and why."""
    level = f"at or above {decision.fail_on}" if decision.fail_on else "of any severity"
    count = len(decision.failing)
    head = (f"{_plural(count, 'unacknowledged finding')} {level}" if count
            else f"no unacknowledged finding {level}")
    extras = []
    if decision.acknowledged:
        extras.append(f"{decision.acknowledged} acknowledged")
    if decision.below_threshold:
        extras.append(f"{decision.below_threshold} below {decision.fail_on}")
    if decision.out_of_scope:
        extras.append(f"{decision.out_of_scope} not involving a changed article")
    return head + (f" ({', '.join(extras)})" if extras else "")
