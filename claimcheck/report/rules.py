"""docs/rules.md, generated from the rule registry (``scripts/gen_rules_doc.py`` writes it; a test
keeps it current)."""

from __future__ import annotations

from claimcheck.reconcile import RULES

HEADER = """# Rules

Generated from claimcheck's rule registry by `python scripts/gen_rules_doc.py`; do not edit by hand.

Every finding names the rule that raised it by code and name. Severity follows from the distance
between the values and from modality (a plan or forecast weighs less than two confirmed figures);
`claimcheck check --fail-on` sets the least severity that fails.

| code | name | kind | what it finds |
|---|---|---|---|
"""


def rules_markdown() -> str:
    rows = [f"| {code} | `{name}` | {kind} | {text} |" for code, (name, kind, text) in sorted(RULES.items())]
    return HEADER + "\n".join(rows) + "\n"
