"""The `claims` listing: every extracted claim with its normalised value, so a user can see why
something was or was not flagged."""

from __future__ import annotations

import io
import json

from rich.console import Console
from rich.table import Table

from claimcheck.models import AuditResult, Claim


def claim_record(claim: Claim) -> dict[str, object]:
    return {
        "id": claim.id, "article": claim.article, "path": claim.path, "line": claim.line,
        "kind": claim.kind.value, "subject": claim.subject, "owner": claim.owner, "scope": claim.scope,
        "measure": claim.measure, "quote": claim.quote, "sentence": claim.sentence,
        "value": claim.value.model_dump(mode="json"), "modality": claim.modality, "polarity": claim.polarity,
        "attribution": claim.attribution, "time": claim.time.label() if claim.time else None,
        "time_source": claim.time_source, "base": claim.base, "time_varying": claim.time_varying,
    }


def render_claims_json(result: AuditResult) -> str:
    payload = {
        "schema": "claimcheck.claims/1",
        "articles": [s.model_dump(mode="json") for s in result.summaries()],
        "skipped": [s.model_dump(mode="json") for s in result.skipped],
        "claims": [claim_record(c) for c in result.claims],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def print_claims_table(result: AuditResult, console: Console) -> None:
    for summary in result.summaries():
        date = f"{summary.published} ({summary.published_origin})" if summary.published else "date unknown"
        console.print(f"[bold]{summary.path}[/bold] — {summary.claims} claims — published {date}")
        if summary.published_reason:
            console.print(f"  [dim]{summary.published_reason}[/dim]")
    table = Table(show_lines=False, expand=True)
    for column, style in (("where", "cyan"), ("kind", ""), ("subject", "bold"), ("measure", ""),
                          ("value", "green"), ("scope", "dim"), ("quote", "")):
        table.add_column(column, style=style, overflow="fold")
    for claim in result.claims:
        scope = claim.scope + (f" ({claim.owner})" if claim.owner else "")
        if claim.modality != "confirmed":
            scope += f", {claim.modality}"
        table.add_row(f"{claim.path}:{claim.line}", claim.kind.value, claim.subject, claim.measure,
                      claim.value.display, scope, claim.quote)
    console.print(table)
    for skipped in result.skipped:
        console.print(f"[yellow]skipped[/yellow] {skipped.path}: {skipped.reason}")


def render_claims_table(result: AuditResult, *, width: int | None = 160, color: bool = False) -> str:
    """The table as text; ``width`` None takes the terminal's (piped, rich would squeeze it to 80)."""
    console = Console(file=io.StringIO(), width=width or Console().width, highlight=False,
                      force_terminal=color, no_color=not color)
    print_claims_table(result, console)
    return str(console.file.getvalue())  # type: ignore[attr-defined]
