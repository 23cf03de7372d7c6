"""Every rule in the registry is documented in docs/rules.md, and the file is generated from it."""

from __future__ import annotations

from pathlib import Path

from claimcheck.reconcile import RULES
from claimcheck.report.rules import rules_markdown

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_rules_doc_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == rules_markdown(), "run: python scripts/gen_rules_doc.py"


def test_every_rule_has_a_row() -> None:
    text = rules_markdown()
    for code, (name, _, description) in RULES.items():
        assert f"| {code} | `{name}` |" in text and description in text
