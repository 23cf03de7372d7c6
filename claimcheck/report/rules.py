"""The rule registry as text: docs/rules.md (``scripts/gen_rules_doc.py`` writes it; a test keeps it
current) and the ``claimcheck rules`` listing as a table or JSON."""

from __future__ import annotations

import io
import json

from rich.console import Console
from rich.table import Table

from claimcheck.decide.rules import Rule, registry

RULES_SCHEMA = "claimcheck.rules/1"

HEADER = """# Rules

Generated from claimcheck's rule registry by `python scripts/gen_rules_doc.py`; do not edit by hand.
`claimcheck rules` lists the same rules (`--format json` for machines), and `tests/rules/<code>.yaml`
holds each rule's pass and fail cases.

Every finding names the rule that raised it by code and name. Severity follows from the distance
between the values and from modality (a plan or forecast weighs less than two confirmed figures);
`claimcheck check --fail-on` sets the least severity that fails.

| code | name | kind | claim kinds | what it finds |
|---|---|---|---|---|
"""


def rule_record(rule: Rule) -> dict[str, object]:
    """One rule as plain values, in the order the listing shows them."""
    return {
        "code": rule.code, "name": rule.name, "kind": rule.kind,
        "claim_kinds": [kind.value for kind in rule.claim_kinds], "description": rule.description,
    }


def rules_markdown() -> str:
    rows = [f"| {r.code} | `{r.name}` | {r.kind} | {', '.join(k.value for k in r.claim_kinds)} | {r.description} |"
            for r in registry()]
    return HEADER + "\n".join(rows) + "\n"


def render_rules_json() -> str:
    payload = {"schema": RULES_SCHEMA, "rules": [rule_record(r) for r in registry()]}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def render_rules_table(*, width: int | None = 160, color: bool = False) -> str:
    """The listing as a table; ``width`` None takes the terminal's."""
    console = Console(file=io.StringIO(), width=width or Console().width, highlight=False,
                      force_terminal=color, no_color=not color)
    table = Table(expand=False)
    for column, style in (("code", "bold"), ("name", "cyan"), ("kind", ""), ("claim kinds", "dim"),
                          ("description", "")):
        table.add_column(column, style=style, overflow="fold")
    for rule in registry():
        table.add_row(rule.code, rule.name, rule.kind, ", ".join(k.value for k in rule.claim_kinds),
                      rule.description)
    console.print(table)
    return str(console.file.getvalue())  # type: ignore[attr-defined]
