"""``claimcheck ledger``: record reviewers' verdicts, or write a starter ledger."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.app import Application
from claimcheck.cli_options import LedgerPath, Paths, parse_day, run
from claimcheck.enums import ReviewStatus
from claimcheck.options import AcceptRequest, InitRequest

ledger_app = typer.Typer(help="Review findings in the ledger (claims.yaml), or write a starter ledger.",
                         no_args_is_help=True, rich_markup_mode=None)


@ledger_app.command("accept")
def ledger_accept_command(
    ids: Annotated[list[str], typer.Argument(metavar="ID", help="Finding ids or unique prefixes.")],
    note: Annotated[str, typer.Option("--note", help="Why; shown next to the finding in reports.")],
    keep: Annotated[list[str] | None, typer.Option("--keep", metavar="FILE", help="The claims of FILE in "
                                                   "these findings hold (they become accepted facts, the "
                                                   "other claims stale). Repeatable.")] = None,
    status: Annotated[ReviewStatus, typer.Option("--status", help="accepted: reviewed as it stands; "
                                                 "false-positive: not a contradiction.")]
    = ReviewStatus.ACCEPTED,
    expires: Annotated[dt.date | None, typer.Option("--expires", parser=parse_day, metavar="YYYY-MM-DD",
                                                    help="The verdict lapses after this day.")] = None,
    paths: Annotated[list[str] | None, typer.Option("--sources", metavar="PATH", help="The articles to audit "
                                                    "for the ids; default: sources/. Repeatable.")] = None,
    ledger: LedgerPath = None,
) -> None:
    """Record reviewed verdicts on findings ID... in the ledger (exit 0 when recorded or already there)."""
    request = AcceptRequest(ids=tuple(ids), note=note.strip(), keep=tuple(keep or ()), status=status,
                            expires=expires, paths=tuple(paths or ()), ledger=ledger)
    run(Application.accept, request)


@ledger_app.command("init")
def ledger_init_command(
    paths: Paths = None,
    ledger: Annotated[Path, typer.Option("--ledger", help="Where to write it.")] = Path("claims.yaml"),
    force: Annotated[bool, typer.Option("--force", help="Replace an existing ledger.")] = False,
) -> None:
    """Write a starter ledger from the corpus: dates, candidate entities, commented examples."""
    run(Application.init, InitRequest(paths=tuple(paths or ()), target=ledger, force=force, cache=False))
