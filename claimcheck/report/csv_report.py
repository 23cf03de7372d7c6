"""CSV: one row per claim in a contradiction, RFC 4180 quoting, UTF-8, spreadsheet-safe.

A text cell that starts with ``= + - @``, a TAB or a CR is prefixed with a
single quote so a spreadsheet shows it instead of evaluating it (CWE-1236).
The numeric columns (line, low, high) hold real numbers and are left as they
are, negative ones included.
"""

from __future__ import annotations

import csv
import io
from typing import ClassVar

from claimcheck.report.base import Reporter
from claimcheck.report.records import Report, format_number

HEADER = (
    "contradiction",
    "rule",
    "kind",
    "severity",
    "status",
    "subject",
    "measure",
    "explanation",
    "article",
    "path",
    "line",
    "quote",
    "value",
    "low",
    "high",
    "unit",
)
NUMERIC = frozenset({"line", "low", "high"})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


class CsvReporter(Reporter):
    name: ClassVar[str] = "csv"
    extension: ClassVar[str] = ".csv"
    media_type: ClassVar[str] = "text/csv"

    def render(self, records: Report) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(HEADER)
        for c in records.contradictions:
            for k in c.claims:
                row = {
                    "contradiction": c.id,
                    "rule": c.rule,
                    "kind": c.kind,
                    "severity": c.severity,
                    "status": c.status,
                    "subject": c.subject,
                    "measure": c.measure,
                    "explanation": c.explanation,
                    "article": k.article,
                    "path": k.path,
                    "line": str(k.line),
                    "quote": k.quote,
                    "value": k.value.label,
                    "low": format_number(k.value.low),
                    "high": format_number(k.value.high),
                    "unit": k.value.unit,
                }
                writer.writerow([row[col] if col in NUMERIC else safe_cell(row[col]) for col in HEADER])
        return buffer.getvalue()
