"""The JSON report: the versioned contract in DESIGN.md ("claimcheck.report/1").

Keys come in the contract's order (fixed, so the same input gives the same
bytes), indent 2, UTF-8 text (ensure_ascii=False), one trailing newline.
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

from claimcheck.models import REPORT_SCHEMA
from claimcheck.report.base import Reporter
from claimcheck.report.figures_json import figure_json
from claimcheck.report.records import ArticleRecord, ClaimRecord, ContradictionRecord, Report, Summary


def article_json(a: ArticleRecord) -> dict[str, Any]:
    return {
        "id": a.id,
        "path": a.path,
        "title": a.title,
        "published": a.published,
        "published_origin": a.published_origin,
        "claims": a.claims,
    }


def claim_json(k: ClaimRecord) -> dict[str, Any]:
    v = k.value
    return {
        "id": k.id,
        "article": k.article,
        "path": k.path,
        "line": k.line,
        "quote": k.quote,
        "sentence": k.sentence,
        "value": {
            "low": v.low,
            "high": v.high,
            "nominal": v.nominal,
            "unit": v.unit,
            "dimension": v.dimension,
            "qualifier": v.qualifier,
            "text": v.text,
            "display": v.display,
        },
    }


def contradiction_json(c: ContradictionRecord) -> dict[str, Any]:
    return {
        "id": c.id,
        "rule": c.rule,
        "rule_name": c.rule_name,
        "kind": c.kind,
        "severity": c.severity,
        "status": c.status,
        "subject": c.subject,
        "measure": c.measure,
        "explanation": c.explanation,
        "note": c.note,
        "event": c.event,
        "confidence": c.confidence,
        "features": dict(c.features),
        "values": [{"display": d, "articles": list(a)} for d, a in c.values],
        "majority": c.majority,
        "outliers": list(c.outliers),
        "claims": [claim_json(k) for k in c.claims],
    }


def summary_json(s: Summary, min_severity: str) -> dict[str, Any]:
    return {
        "articles": s.articles,
        "claims": s.claims,
        "skipped": s.skipped,
        "contradictions": s.contradictions,
        "min_severity": min_severity,
        "below_min_severity": s.below_min_severity,
        "by_severity": dict(s.by_severity),
        "by_kind": dict(s.by_kind),
        "by_status": dict(s.by_status),
    }


def report_json(records: Report) -> dict[str, Any]:
    findings = [contradiction_json(c) for c in records.contradictions]
    return {
        "schema": REPORT_SCHEMA,
        "articles": [article_json(a) for a in records.articles],
        "skipped": [{"path": s.path, "reason": s.reason} for s in records.skipped],
        "findings": findings,
        # schema 1 called them contradictions; kept (the same list) for tools that read schema 1
        "contradictions": findings,
        "figures": [figure_json(g) for g in records.figures],
        "summary": summary_json(records.summary, records.options.min_severity),
    }


class JsonReporter(Reporter):
    name: ClassVar[str] = "json"
    extension: ClassVar[str] = ".json"
    media_type: ClassVar[str] = "application/json"

    def render(self, records: Report) -> str:
        return json.dumps(report_json(records), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
