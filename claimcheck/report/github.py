"""GitHub Actions workflow-command annotations, one per claim of each contradiction.

``::error file=…,line=…,title=…::message`` for high severity, ``::warning``
for medium and low. Escaping follows the runner's rules: in the message
``%`` → ``%25``, CR → ``%0D``, LF → ``%0A``; in properties also ``:`` →
``%3A`` and ``,`` → ``%2C``.
"""

from __future__ import annotations

from typing import ClassVar

from claimcheck.report.base import Reporter
from claimcheck.report.records import SEVERITIES, ClaimRecord, ContradictionRecord, Report

LEVELS = {"high": "error", "medium": "warning", "low": "warning"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _message(c: ContradictionRecord, k: ClaimRecord) -> str:
    lines = [c.explanation, "", f"This article: “{k.quote}” = {k.value.label}"]
    for other in c.claims:
        if other is not k:
            lines.append(f"{other.path}:{other.line}: “{other.quote}” = {other.value.label}")
    if c.acknowledged:
        lines.append(f"Acknowledged in the ledger{': ' + c.note if c.note else ''}")
    lines.append(f"claimcheck id: {c.id}")
    return "\n".join(lines)


def annotation(c: ContradictionRecord, k: ClaimRecord) -> str:
    title = f"{c.rule} {c.rule_name} ({c.severity}): {c.topic}"
    props = f"file={escape_property(k.path)},line={k.line},title={escape_property(title)}"
    return f"::{LEVELS[c.severity]} {props}::{escape_data(_message(c, k))}"


class GithubReporter(Reporter):
    name: ClassVar[str] = "github"
    extension: ClassVar[str] = ".txt"

    def render(self, records: Report) -> str:
        lines = [annotation(c, k) for c in records.shown for k in c.claims]
        s = records.summary
        counts = ", ".join(f"{s.by_severity[sev]} {sev}" for sev in SEVERITIES)
        if lines:
            headline = f"claimcheck: {s.shown} contradiction(s) among {s.articles} articles ({counts})"
        else:
            headline = f"claimcheck: no contradictions among {s.articles} articles ({s.claims} claims)"
        lines.append(f"::notice title=claimcheck::{escape_data(headline)}")
        return "\n".join(lines) + "\n"
