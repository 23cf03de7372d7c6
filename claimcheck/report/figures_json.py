"""The ``figures`` list of the JSON report (documented in docs/report-json.md)."""

from __future__ import annotations

from typing import Any

from claimcheck.figures import FigureClaim, FigureFinding, FigureGroup, FigureValue
from claimcheck.models import DateSpan
from claimcheck.report.records import plain_number


def _label(span: DateSpan | None) -> str | None:
    return span.label() if span else None


def figure_claim_json(k: FigureClaim) -> dict[str, Any]:
    return {
        "id": k.id,
        "article": k.article,
        "path": k.path,
        "line": k.line,
        "quote": k.quote,
        "text": k.text,
        "published": k.published,
        "time": _label(k.time),
        "modality": k.modality,
        "attribution": k.attribution,
        "scope": k.scope,
    }


def figure_value_json(v: FigureValue) -> dict[str, Any]:
    return {
        "display": v.display,
        "value": plain_number(v.value),
        "low": plain_number(v.low),
        "high": plain_number(v.high),
        "unit": v.unit,
        "time": _label(v.time),
        "articles": v.articles,
        "standing": v.standing,
        "claims": [figure_claim_json(k) for k in v.claims],
    }


def figure_finding_json(f: FigureFinding) -> dict[str, Any]:
    return {
        "id": f.id,
        "rule": f.rule,
        "rule_name": f.rule_name,
        "severity": f.severity,
        "status": f.status,
        "confidence": f.confidence,
    }


def figure_json(g: FigureGroup) -> dict[str, Any]:
    majority = g.majority
    return {
        "key": g.key,
        "subject": g.subject,
        "measure": g.measure,
        "event": g.event,
        "timeline": g.timeline,
        "disagrees": g.disagrees,
        "majority": majority.display if majority else None,
        "outliers": [v.display for v in g.outliers],
        "findings": [figure_finding_json(f) for f in g.findings],
        "values": [figure_value_json(v) for v in g.values],
    }
