"""What ``claimcheck ledger accept`` records, worked out before anything is written.

``plan_review`` turns the reviewer's request (ids, status, note, expiry, the files that hold) and
the current audit's findings into a ``Review``: one acknowledgement per finding with the values
seen, and with ``--keep`` the kept claims as facts and the other claims as stale. It only reads;
``edit.write_review`` writes the result.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Sequence

from claimcheck.enums import ReviewStatus
from claimcheck.ledger.schema import (
    LEDGER_ARTICLE,
    Acknowledgement,
    ClaimRef,
    Fact,
    FactValue,
    Ledger,
    SourceRef,
)
from claimcheck.models import Claim, Contradiction, Frozen


class ReviewError(Exception):
    """A review that cannot be recorded as asked (unknown or ambiguous id, a kept file not involved)."""


class ReviewRequest(Frozen):
    ids: tuple[str, ...]
    status: ReviewStatus = ReviewStatus.ACCEPTED
    note: str
    expires: dt.date | None = None
    keep: tuple[str, ...] = ()  # article paths whose claims hold


class Review(Frozen):
    acknowledgements: tuple[Acknowledgement, ...]
    facts: tuple[Fact, ...] = ()  # only the facts the ledger does not hold yet


def resolve_id(wanted: str, candidates: Sequence[str]) -> str:
    """The one candidate equal to ``wanted``, or the one starting with it."""
    wanted = wanted.strip()
    if wanted in candidates:
        return wanted
    matches = sorted({c for c in candidates if wanted and c.startswith(wanted)})
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise ReviewError(f"id prefix {wanted!r} is ambiguous: {', '.join(matches[:8])}")
    raise ReviewError(f"no finding with id {wanted!r} in the current audit or the ledger")


def plan_review(request: ReviewRequest, findings: Sequence[Contradiction], ledger: Ledger | None) -> Review:
    """The acknowledgements and facts that record ``request``; raises ReviewError."""
    if not request.note.strip():
        raise ReviewError("--note is required: say why the finding is fine as it stands")
    if request.keep and request.status is not ReviewStatus.ACCEPTED:
        raise ReviewError("--keep says which side holds; a false positive has no side (drop --keep)")
    current = {c.id: c for c in findings}
    known = [*current, *(a.id for a in ledger.acknowledged)] if ledger else list(current)
    ids = list(dict.fromkeys(resolve_id(wanted, known) for wanted in request.ids))
    keep = {_norm(path) for path in request.keep}
    acks: list[Acknowledgement] = []
    facts: list[Fact] = []
    for fid in ids:
        finding = current.get(fid)
        previous = ledger.acknowledgement(fid) if ledger else None
        if finding is None and keep:
            raise ReviewError(f"{fid} is not in the current audit, so --keep has no claims to keep")
        if finding is not None and keep and any(c.article == LEDGER_ARTICLE for c in finding.claims):
            raise ReviewError(f"{fid} disagrees with an accepted fact: edit or remove the fact in the ledger "
                              "rather than keeping the article over it")
        acks.append(_acknowledgement(request, fid, finding, previous, keep))
        if finding is not None and keep:
            facts.extend(_fact(claim, finding, request.note) for claim in _kept(finding, keep))
    have = {_fact_key(f) for f in ledger.facts} if ledger else set()
    fresh: dict[tuple[object, ...], Fact] = {}
    for fact in facts:  # the first finding that kept a fact names it
        if _fact_key(fact) not in have:
            fresh.setdefault(_fact_key(fact), fact)
    return Review(acknowledgements=tuple(acks), facts=tuple(fresh.values()))


def _acknowledgement(request: ReviewRequest, fid: str, finding: Contradiction | None,
                     previous: Acknowledgement | None, keep: set[str]) -> Acknowledgement:
    if finding is None:  # re-reviewing an entry whose finding is gone: keep what it recorded
        assert previous is not None
        return previous.model_copy(update={"status": request.status, "note": request.note,
                                           "expires": request.expires})
    kept = _kept(finding, keep)
    if keep and not kept:
        paths = ", ".join(sorted({c.path for c in finding.claims}))
        raise ReviewError(f"none of the --keep files gives a claim in {fid} (its claims come from {paths})")
    stale = [_ref(c, quote=True) for c in finding.claims if c not in kept] if keep else []
    return Acknowledgement(
        id=fid, status=request.status, note=request.note, expires=request.expires,
        topic=finding.topic or None, rule=finding.rule,
        subject=finding.subject, measure=finding.measure,
        keep=tuple(sorted({c.path for c in kept})),
        seen=tuple(dict.fromkeys(_ref(c) for c in finding.claims)),
        stale=tuple(dict.fromkeys(stale)),
    )


def _kept(finding: Contradiction, keep: set[str]) -> list[Claim]:
    return [c for c in finding.claims if _norm(c.path) in keep]


def _ref(claim: Claim, *, quote: bool = False) -> ClaimRef:
    if not quote:
        return ClaimRef(path=claim.path, value=claim.value.text)
    return ClaimRef(path=claim.path, value=claim.value.text, subject=claim.subject, measure=claim.measure,
                    quote=claim.quote)


def _fact(claim: Claim, finding: Contradiction, note: str) -> Fact:
    v = claim.value
    dated = v.dimension == "time"
    return Fact(
        subject=claim.subject, measure=claim.measure, kind=claim.kind, time=claim.time,
        value=FactValue(low=_bound(v.low, dated), high=_bound(v.high, dated), unit=v.unit,
                        dimension=v.dimension, qualifier=v.qualifier, text=v.text, display=v.display),
        owner=claim.owner, scope=claim.scope, time_varying=claim.time_varying,
        source=SourceRef(path=claim.path, quote=claim.quote), finding=finding.id, note=note or None,
    )


def _bound(bound: float | None, dated: bool) -> float | dt.date | None:
    if bound is None or not math.isfinite(bound):
        return None  # an open bound ("over 5,000" as read by some rules)
    return dt.date.fromordinal(int(bound)) if dated else bound


def _fact_key(fact: Fact) -> tuple[object, ...]:
    value = fact.value.model_dump_json() if isinstance(fact.value, FactValue) else fact.value
    source = fact.source.path if isinstance(fact.source, SourceRef) else fact.source
    return (fact.subject, fact.measure, fact.time, fact.owner, value, source)


def _norm(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))
