"""What scoring reads from an audit: findings and claims, through one accessor each.

The pipeline's result type changes (``Contradiction`` becomes ``Finding``, ``contradictions``
becomes ``findings``); only :func:`findings_of` and :data:`REPORT_KEYS` know the names.
A finding only needs ``id``, ``kind``, ``explanation`` and ``claims``, each claim ``path``,
``line``, ``start``, ``end`` and ``quote`` (``article`` and ``sentence`` when it has them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from claimcheck.models import AuditResult, Frozen

REPORT_KEYS = ("findings", "contradictions")  # the JSON report's list of findings, newest name first


class ClaimLike(Protocol):
    @property
    def path(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def quote(self) -> str: ...


def findings_of(result: AuditResult) -> Sequence[Any]:
    """The findings of an audit: objects with ``id``, ``kind``, ``explanation`` and ``claims``."""
    return result.contradictions


def claims_of(result: AuditResult) -> Sequence[ClaimLike]:
    """Every extracted claim of an audit (coverage reads these)."""
    return result.claims


class PredClaim(Frozen):
    """One claim a finding cites. ``start``/``end`` are offsets into the article's text when known
    (an in-memory result); a saved report gives only the line and quote."""

    path: str
    line: int
    quote: str
    start: int | None = None
    end: int | None = None
    article: str | None = None  # Article.id, when known
    sentence: str = ""


class Prediction(Frozen):
    id: str
    kind: str
    explanation: str = ""
    claims: tuple[PredClaim, ...]


def predictions_from_result(result: AuditResult) -> list[Prediction]:
    return [
        Prediction(
            id=f.id,
            kind=str(f.kind),
            explanation=f.explanation,
            claims=tuple(
                PredClaim(path=c.path, line=c.line, quote=c.quote, start=c.start, end=c.end,
                          article=getattr(c, "article", None), sentence=getattr(c, "sentence", ""))
                for c in f.claims
            ),
        )
        for f in findings_of(result)
    ]


def _report_claim(raw: dict[str, Any]) -> PredClaim:
    start, end = raw.get("start"), raw.get("end")
    return PredClaim(
        path=str(raw.get("path") or raw.get("file") or ""),
        line=int(raw["line"]),
        quote=str(raw.get("quote") or ""),
        start=int(start) if start is not None else None,
        end=int(end) if end is not None else None,
        article=str(raw["article"]) if raw.get("article") is not None else None,
        sentence=str(raw.get("sentence") or ""),
    )


def predictions_from_report(report: dict[str, Any]) -> list[Prediction]:
    """Read the findings of a saved JSON report (``findings`` or, before the rename, ``contradictions``)."""
    lists = (report[key] for key in REPORT_KEYS if isinstance(report.get(key), list))
    found: list[dict[str, Any]] = next(lists, [])
    return [
        Prediction(
            id=str(f.get("id", "")),
            kind=str(f.get("kind", "")),
            explanation=str(f.get("explanation", "")),
            claims=tuple(_report_claim(c) for c in f.get("claims", [])),
        )
        for f in found
    ]
