from __future__ import annotations

import json
from pathlib import Path

import jsonschema  # type: ignore[import-untyped,unused-ignore]
import pytest
from report_fixtures import make_empty_result, make_result

from claimcheck.report import ReportOptions, render
from claimcheck.report.sarif import FINGERPRINT_KEY, artifact_location

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize("make", [make_result, make_empty_result])
def test_valid_against_the_official_schema(validator: jsonschema.protocols.Validator, make: object) -> None:
    assert callable(make)
    log = json.loads(render(make(), "sarif", options=ReportOptions()))
    errors = sorted(validator.iter_errors(log), key=lambda err: list(err.path))
    assert not errors, "\n".join(f"{list(err.path)}: {err.message}" for err in errors)


def test_results_rules_levels_locations() -> None:
    log = json.loads(render(make_result(), "sarif", options=ReportOptions()))
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["CC101", "CC201", "CC301"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["CC101", "CC201", "CC301"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    first = results[0]
    assert first["partialFingerprints"] == {FINGERPRINT_KEY: "cc-numeric-0d4e"}
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "sources/alpha.md", "uriBaseId": "%SRCROOT%"}
    assert loc["region"]["startLine"] == 7
    assert loc["region"]["snippet"]["text"] == "over 10,000 robots deployed"
    assert results[2]["suppressions"][0]["status"] == "accepted"
    gamma = results[1]["locations"][1]["physicalLocation"]["artifactLocation"]["uri"]
    assert gamma == "sources/gamma%2C%20final%3A%20v2.html"


def test_artifact_locations() -> None:
    assert artifact_location("a b/c.txt") == {"uri": "a%20b/c.txt", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("/abs/x.txt") == {"uri": "file:///abs/x.txt"}
    assert artifact_location("C:\\news\\x.txt") == {"uri": "file:///C:/news/x.txt"}
