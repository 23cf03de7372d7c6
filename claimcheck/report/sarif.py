"""SARIF 2.1.0: one result per contradiction, for code-scanning dashboards.

Each result has ``ruleId`` = the reconciler's rule code, ``level`` from the
severity (high → error, medium → warning, low → note), the explanation as
message, one location per claim (relative URI under ``%SRCROOT%``, start
line, the quote as snippet) and the contradiction id as partial fingerprint.
Acknowledged contradictions are included with an accepted external
suppression, which is how SARIF consumers hide reviewed findings.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, ClassVar
from urllib.parse import quote

from claimcheck import __version__
from claimcheck.enums import Severity
from claimcheck.report.base import Reporter
from claimcheck.report.records import ClaimRecord, ContradictionRecord, Report

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS: dict[str, str] = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "note"}
FINGERPRINT_KEY = "claimcheckContradiction/v1"


def artifact_location(path: str) -> dict[str, str]:
    """A relative path becomes a URI reference under %SRCROOT%; an absolute one a file: URI."""
    posix = path.replace("\\", "/")
    if PureWindowsPath(path).drive:
        return {"uri": "file:///" + quote(posix, safe="/:")}
    if PurePosixPath(posix).is_absolute():
        return {"uri": "file://" + quote(posix, safe="/")}
    return {"uri": quote(posix, safe="/"), "uriBaseId": "%SRCROOT%"}


def _location(k: ClaimRecord) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": artifact_location(k.path),
            "region": {"startLine": max(k.line, 1), "snippet": {"text": k.quote}},
        },
        "message": {"text": f"{k.value.label} — “{k.quote}”"},
    }


def _result(c: ContradictionRecord, rule_index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": c.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[c.severity],
        "message": {"text": c.explanation or f"{c.rule_name}: {c.topic}"},
        "locations": [_location(k) for k in c.claims],
        "partialFingerprints": {FINGERPRINT_KEY: c.id},
        "properties": {
            "kind": c.kind,
            "severity": c.severity,
            "status": c.status,
            "subject": c.subject,
            "measure": c.measure,
        },
    }
    if c.acknowledged:
        suppression: dict[str, Any] = {"kind": "external", "status": "accepted"}
        if c.note:
            suppression["justification"] = c.note
        result["suppressions"] = [suppression]
    return result


def _describe(name: str) -> str:
    words = name.replace("-", " ").replace("_", " ").strip()
    return (words[:1].upper() + words[1:]) if words else "Contradiction"


def sarif_log(records: Report) -> dict[str, Any]:
    rules = [
        {"id": r.id, "name": r.name, "shortDescription": {"text": _describe(r.name)}} for r in records.rules
    ]
    index = {r.id: i for i, r in enumerate(records.rules)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "claimcheck", "version": __version__, "rules": rules}},
                "originalUriBaseIds": {
                    "%SRCROOT%": {"description": {"text": "The directory claimcheck was run from."}}
                },
                "results": [_result(c, index[c.rule]) for c in records.contradictions],
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


class SarifReporter(Reporter):
    name: ClassVar[str] = "sarif"
    extension: ClassVar[str] = ".sarif"
    media_type: ClassVar[str] = "application/sarif+json"

    def render(self, records: Report) -> str:
        return json.dumps(sarif_log(records), indent=2, ensure_ascii=False) + "\n"
