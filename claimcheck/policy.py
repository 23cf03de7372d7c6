"""The one policy stage: which contradictions fail, and the exit code.

``apply_ledger`` marks each contradiction acknowledged or new from the
ledger's acknowledgements (an acknowledgement past its expiry date no longer
counts). ``decide`` then keeps the contradictions that can fail — new ones
(when ``new_only``), at or above the failing severity, involving a changed
article (when a change scope is given) — and picks the exit code. Nothing
else in claimcheck filters for the exit code.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable

from claimcheck.ledger_schema import Acknowledgement, Ledger
from claimcheck.models import SEVERITY_ORDER, AuditResult, Contradiction, Frozen, Severity

EXIT_OK, EXIT_FINDINGS = 0, 1


class Decision(Frozen):
    failing: tuple[Contradiction, ...]
    exit_code: int
    reason: str
    acknowledged: int = 0  # left out because a live acknowledgement covers them
    below_threshold: int = 0  # left out because they are less severe than ``fail_on``
    out_of_scope: int = 0  # left out because they involve no changed article


def is_live(ack: Acknowledgement, today: dt.date) -> bool:
    """An acknowledgement counts up to and including its expiry date."""
    return ack.expires is None or today <= ack.expires


def apply_ledger(result: AuditResult, ledger: Ledger | None, today: dt.date) -> AuditResult:
    """Set each contradiction's status and note from the ledger; idempotent."""
    acks = {ack.id: ack for ack in ledger.acknowledged} if ledger else {}
    updated = []
    for item in result.contradictions:
        ack = acks.get(item.id)
        if ack is not None and is_live(ack, today):
            note = ack.note if ack.status == "accepted" else f"false positive: {ack.note}".rstrip(": ")
            updated.append(item.model_copy(update={"status": "acknowledged", "note": note}))
        elif ack is not None:
            note = f"acknowledgement expired on {ack.expires}" + (f": {ack.note}" if ack.note else "")
            updated.append(item.model_copy(update={"status": "new", "note": note}))
        else:
            updated.append(item.model_copy(update={"status": "new", "note": None}))
    return result.model_copy(update={"contradictions": tuple(updated)})


def decide(
    result: AuditResult,
    *,
    fail_on: Severity | None,
    changed: set[str] | None,
    new_only: bool,
) -> Decision:
    """Pick the failing contradictions and the exit code.

    ``fail_on`` is the least severity that fails (None: every severity fails).
    ``changed`` is the set of article paths in scope (None: every article);
    a contradiction is in scope when one of its claims comes from one of them.
    ``new_only`` leaves acknowledged contradictions out.
    """
    threshold = SEVERITY_ORDER[fail_on] if fail_on is not None else -1
    scope = {_norm(p) for p in changed} if changed is not None else None
    failing: list[Contradiction] = []
    acknowledged = below = out = 0
    for item in result.contradictions:
        if new_only and item.status == "acknowledged":
            acknowledged += 1
        elif SEVERITY_ORDER[item.severity] < threshold:
            below += 1
        elif scope is not None and not _touches(item, scope):
            out += 1
        else:
            failing.append(item)
    reason = _reason(failing, fail_on, acknowledged, below, out, scoped=scope is not None)
    return Decision(
        failing=tuple(failing),
        exit_code=EXIT_FINDINGS if failing else EXIT_OK,
        reason=reason,
        acknowledged=acknowledged,
        below_threshold=below,
        out_of_scope=out,
    )


def _norm(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _touches(item: Contradiction, scope: set[str]) -> bool:
    return any(_norm(claim.path) in scope for claim in item.claims if claim.article != "ledger")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _reason(
    failing: Iterable[Contradiction], fail_on: Severity | None, acknowledged: int, below: int, out: int,
    *, scoped: bool,
) -> str:
    failing = list(failing)
    level = f"at or above {fail_on}" if fail_on else "of any severity"
    head = (
        f"{_plural(len(failing), 'unacknowledged contradiction')} {level}"
        if failing
        else f"no unacknowledged contradiction {level}"
    )
    extras = []
    if acknowledged:
        extras.append(f"{acknowledged} acknowledged")
    if below:
        extras.append(f"{below} below {fail_on}")
    if out:
        extras.append(f"{out} not involving a changed article")
    if scoped and not out and not failing:
        extras.append("none involving a changed article")
    return head + (f" ({', '.join(extras)})" if extras else "")


# --------------------------------------------------------------------------- presentation


def summary_lines(decision: Decision) -> list[str]:
    """A concise, plain-text account of the failing contradictions, ending with the reason."""
    out: list[str] = []
    for item in decision.failing:
        topic = " / ".join(part for part in (item.subject, item.measure) if part)
        out.append(f"FAIL {item.severity} {item.rule} {item.rule_name}: {topic}  [id {item.id}]")
        for claim in item.claims:
            out.append(f"  {claim.path}:{claim.line}: {claim.quote}")
        out.append(f"  {item.explanation}")
        if item.note:
            out.append(f"  note: {item.note}")
    out.append(f"claimcheck check: {decision.reason}")
    return out


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotations(contradictions: Iterable[Contradiction]) -> list[str]:
    """``::error`` workflow commands, one per claim of each contradiction (used when no reporter exists)."""
    out = []
    for item in contradictions:
        title = f"{item.rule} {item.rule_name} ({item.severity}): {item.subject} {item.measure}".strip()
        for claim in item.claims:
            others = [f"{c.path}:{c.line}: {c.quote}" for c in item.claims if c is not claim]
            message = "\n".join([item.explanation, f"This article: {claim.quote}", *others, f"id: {item.id}"])
            props = f"file={_escape_property(claim.path)},line={claim.line},title={_escape_property(title)}"
            out.append(f"::error {props}::{_escape_data(message)}")
    return out
