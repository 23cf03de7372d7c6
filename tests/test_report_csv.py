from __future__ import annotations

import csv
import io

from report_fixtures import make_result

from claimcheck.report import ReportOptions, render
from claimcheck.report.csv_report import HEADER, safe_cell


def _rows() -> list[dict[str, str]]:
    text = render(make_result(), "csv", options=ReportOptions())
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_header_and_one_row_per_claim() -> None:
    text = render(make_result(), "csv", options=ReportOptions())
    assert text.splitlines()[0] == ",".join(HEADER)
    assert "\r\n" in text
    rows = _rows()
    assert len(rows) == 6
    assert [r["severity"] for r in rows] == ["high", "high", "medium", "medium", "low", "low"]
    first = rows[0]
    assert first["path"] == "sources/alpha.md" and first["line"] == "7"
    assert first["low"] == "10000" and first["high"] == "100000"


def test_rfc4180_quoting_round_trips() -> None:
    rows = _rows()
    gamma = next(r for r in rows if r["path"].startswith("sources/gamma"))
    assert gamma["path"] == "sources/gamma, final: v2.html"
    assert gamma["quote"] == "<script>window.__pwned=1</script> is shipping now"


def test_formula_cells_are_neutralised_but_numbers_are_not() -> None:
    late = next(r for r in _rows() if r["quote"].endswith("shipped late"))
    assert late["quote"] == "'-40% of orders shipped late"
    assert late["value"] == "'-40%"
    assert late["low"] == "-40.5" and late["high"] == "-39.5"
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("\tx") == "'\tx" and safe_cell("\rx") == "'\rx" and safe_cell("+1") == "'+1"
    assert safe_cell("plain") == "plain"
