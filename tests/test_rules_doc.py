"""Every rule in the registry is documented in docs/rules.md (generated from the registry) and listed
by ``claimcheck rules``."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimcheck import reconcile
from claimcheck.cli import app
from claimcheck.decide.rules import registry
from claimcheck.report.rules import rules_markdown

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_rules_doc_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == rules_markdown(), "run: python scripts/gen_rules_doc.py"


def test_every_rule_has_a_row() -> None:
    text = rules_markdown()
    for rule in registry():
        assert f"| {rule.code} | `{rule.name}` | {rule.kind} |" in text and rule.description in text


def test_the_old_table_is_gone() -> None:
    assert not hasattr(reconcile, "RULES")


def test_rules_command_lists_every_rule_as_json() -> None:
    result = CliRunner().invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["schema"] == "claimcheck.rules/1"
    assert [r["code"] for r in payload["rules"]] == [r.code for r in registry()]
    for record, rule in zip(payload["rules"], registry(), strict=True):
        assert record == {"code": rule.code, "name": rule.name, "kind": rule.kind,
                          "claim_kinds": [k.value for k in rule.claim_kinds], "description": rule.description}


def test_rules_command_table() -> None:
    result = CliRunner().invoke(app, ["rules"])
    assert result.exit_code == 0, result.output
    for rule in registry():
        assert rule.code in result.stdout and rule.name in result.stdout
    assert "claim kinds" in result.stdout


def test_rules_command_rejects_an_unknown_format() -> None:
    assert CliRunner().invoke(app, ["rules", "--format", "xml"]).exit_code == 2
