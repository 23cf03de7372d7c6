"""The ledger policy stage: what the reviewers' verdicts make of the audit's findings.

``apply_ledger`` adds the findings between article claims and accepted facts, then gives every
finding its status and note, in this order:

1. a live acknowledgement whose recorded values no longer cover the finding's values re-opens it
   (``new``: an edited figure is not what the reviewer accepted);
2. a live acknowledgement otherwise covers it (``acknowledged``);
3. with no acknowledgement, a finding that only stands because of claims reviewed as stale is
   ``acknowledged`` too, with a note naming them: stale claims no longer raise findings;
4. everything else is ``new``; an acknowledgement past its expiry date says so in the note.

This is the one module that reads a finding's claims to apply verdicts; when findings change shape
it is the place to follow them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence

from claimcheck.enums import ReviewStatus, Status
from claimcheck.ledger.facts import fact_claims, fact_findings
from claimcheck.ledger.schema import LEDGER_ARTICLE, Acknowledgement, ClaimRef, Ledger
from claimcheck.models import AuditResult, Claim, Contradiction
from claimcheck.resolve import EntityGraph


def apply_ledger(result: AuditResult, ledger: Ledger | None, today: dt.date) -> AuditResult:
    """Findings against accepted facts added, every finding's status and note set; idempotent."""
    findings = [c for c in result.contradictions if not _cites_ledger(c)]
    acks = {ack.id: ack for ack in ledger.acknowledged} if ledger else {}
    by_topic = {ack.topic: ack for ack in ledger.acknowledged if ack.topic} if ledger else {}
    stale = _StaleClaims(a for a in acks.values() if a.is_live(today))
    if ledger is not None and ledger.facts:
        fresh = [claim for claim in result.claims if not stale.covers(claim)]
        findings += _against_facts(result, ledger, fresh)
    updated = [_verdict(item, acks.get(item.id) or by_topic.get(item.topic or "\0"), stale, today)
               for item in findings]
    return result.model_copy(update={"contradictions": tuple(sorted(updated, key=lambda c: c.id))})


def _cites_ledger(item: Contradiction) -> bool:
    return any(claim.article == LEDGER_ARTICLE for claim in item.claims)


def _against_facts(result: AuditResult, ledger: Ledger, claims: Sequence[Claim]) -> list[Contradiction]:
    names = {name for claim in claims for name in (claim.subject, *claim.entities) if name}
    graph = EntityGraph(ledger, names, result.articles)
    return fact_findings(claims, fact_claims(ledger), graph)


def _verdict(item: Contradiction, ack: Acknowledgement | None, stale: _StaleClaims,
             today: dt.date) -> Contradiction:
    if ack is not None and ack.is_live(today):
        unseen = _unseen(item, ack.seen)
        if unseen:
            said = "; ".join(f'{claim.path} now says "{claim.value.text}"' for claim in unseen[:3])
            return _set(item, Status.NEW, f"values changed since the review ({said})")
        note = ack.note if ack.status is ReviewStatus.ACCEPTED else f"false positive: {ack.note}".rstrip(": ")
        return _set(item, Status.ACKNOWLEDGED, note)
    explained = stale.explains(item)
    if explained:
        return _set(item, Status.ACKNOWLEDGED, explained)
    if ack is not None:
        return _set(item, Status.NEW, f"acknowledgement expired on {ack.expires}"
                    + (f": {ack.note}" if ack.note else ""))
    return _set(item, Status.NEW, None)


def _set(item: Contradiction, status: Status, note: str | None) -> Contradiction:
    return item.model_copy(update={"status": status, "note": note})


def _unseen(item: Contradiction, seen: Sequence[ClaimRef]) -> list[Claim]:
    """The finding's claims whose value the reviewer did not see (none for an entry recording none).
    A value counts as seen whichever article repeats it: a new article agreeing with a reviewed value
    does not re-open the review, an edited value does."""
    if not seen:
        return []
    saw = {_fold(ref.value) for ref in seen}
    return [c for c in item.claims if _fold(c.value.text) not in saw]


class _StaleClaims:
    """The claims that live acknowledgements recorded as stale, and why."""

    def __init__(self, acks: Iterable[Acknowledgement]) -> None:
        self._refs: dict[tuple[str, str], list[tuple[ClaimRef, Acknowledgement]]] = {}
        for ack in acks:
            for ref in ack.stale:
                self._refs.setdefault((_norm(ref.path), _fold(ref.value)), []).append((ref, ack))

    def _match(self, claim: Claim) -> Acknowledgement | None:
        for ref, ack in self._refs.get((_norm(claim.path), _fold(claim.value.text)), ()):
            if ref.subject in (None, claim.subject) and ref.measure in (None, claim.measure):
                return ack
        return None

    def covers(self, claim: Claim) -> bool:
        return bool(self._refs) and self._match(claim) is not None

    def explains(self, item: Contradiction) -> str | None:
        """A note when the finding only stands because of stale claims: the rest come from one article."""
        if not self._refs:
            return None
        stale = [(claim, ack) for claim in item.claims if (ack := self._match(claim)) is not None]
        if not stale:
            return None
        rest = {claim.article for claim in item.claims if self._match(claim) is None}
        if len(rest) > 1:
            return None
        claim, ack = stale[0]
        return f'{claim.path}: "{claim.value.text}" was reviewed as stale in {ack.id}' + (
            f" ({ack.note})" if ack.note else "")


def _norm(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()
