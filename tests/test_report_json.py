from __future__ import annotations

import json

from report_fixtures import make_result

from claimcheck.models import REPORT_SCHEMA, Value
from claimcheck.report import ReportOptions, render

CONTRACT_CLAIM = {"id", "article", "path", "line", "quote", "sentence", "value"}
CONTRACT_VALUE = {"low", "high", "nominal", "unit", "dimension", "qualifier", "text", "display"}


def test_contract_shape() -> None:
    data = json.loads(render(make_result(), "json"))
    assert data["schema"] == REPORT_SCHEMA
    assert data["schema"] == "claimcheck.report/2"
    assert list(data) == ["schema", "articles", "skipped", "findings", "contradictions", "figures", "summary"]
    assert data["contradictions"] == data["findings"]  # the schema-1 name, kept as the same list
    for article in data["articles"]:
        assert {"id", "path", "title", "published", "claims"} <= set(article)
    assert data["skipped"][0] == {"path": "sources/empty.txt", "reason": "empty file"}
    for c in data["findings"]:
        assert {"event", "confidence", "features", "values", "majority", "outliers"} <= set(c)
        assert 0.0 <= c["confidence"] <= 1.0
        assert {
            "id",
            "rule",
            "kind",
            "severity",
            "status",
            "subject",
            "measure",
            "explanation",
            "claims",
        } <= set(c)
        for claim in c["claims"]:
            assert set(claim) >= CONTRACT_CLAIM
            assert set(claim["value"]) == CONTRACT_VALUE
    assert data["summary"]["contradictions"] == 3
    assert data["summary"]["by_severity"] == {"high": 1, "medium": 1, "low": 1}


def test_machine_format_keeps_acknowledged_with_status() -> None:
    data = json.loads(render(make_result(), "json"))
    statuses = {c["id"]: c["status"] for c in data["contradictions"]}
    assert statuses["cc-low-ack-3f2a"] == "acknowledged"


def test_bytes_are_deterministic_and_utf8() -> None:
    first = render(make_result(), "json")
    second = render(make_result(), "json")
    assert first == second
    assert first.endswith("}\n") and not first.endswith("\n\n")
    assert "café — 10 000 €" not in first  # article text is not dumped, only claims
    assert "–" in first  # ensure_ascii=False: the en dash stays as is
    assert json.dumps(json.loads(first), indent=2, ensure_ascii=False) + "\n" == first


def test_round_trip_into_the_models() -> None:
    result = make_result()
    data = json.loads(render(result, "json", options=ReportOptions(min_severity="low")))
    by_id = {c.id: c for c in result.contradictions}
    assert set(by_id) == {c["id"] for c in data["contradictions"]}
    for parsed in data["contradictions"]:
        model = by_id[parsed["id"]]
        for field in (
            "rule",
            "rule_name",
            "kind",
            "severity",
            "status",
            "subject",
            "measure",
            "explanation",
            "note",
        ):
            assert parsed[field] == getattr(model, field), field
        claims = {k.id: k for k in model.claims}
        assert len(parsed["claims"]) == len(claims)
        for pc in parsed["claims"]:
            claim = claims[pc["id"]]
            for field in ("article", "path", "line", "quote", "sentence"):
                assert pc[field] == getattr(claim, field), field
            assert Value(**pc["value"]) == claim.value
