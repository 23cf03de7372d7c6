"""The command line: options in, pipeline call, reporter out, exit code. Nothing else lives here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimcheck import __version__
from claimcheck.engine import EngineError, EngineKind
from claimcheck.ledger_schema import Ledger
from claimcheck.models import AuditResult, Contradiction

if TYPE_CHECKING:
    from claimcheck.pipeline import AuditOptions

app = typer.Typer(
    name="claimcheck",
    help=(
        "Fact-check a folder of news articles against each other.\n\n"
        "claimcheck reads every article, extracts sourced factual claims (counts, money, "
        "percentages, specs, dates, who said what), groups equivalent claims across articles "
        "and reports the ones that cannot all be true, with file:line evidence."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_LEDGER_REWRITTEN = 0, 1, 2, 3


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """claimcheck: where do your sources disagree?"""


PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Article files or folders (searched recursively). Default: sources/",
                   show_default=False),
]
AsOfOpt = Annotated[
    dt.datetime | None,
    typer.Option("--as-of", formats=["%Y-%m-%d"],
                 help="Treat every article as published on this date (YYYY-MM-DD)."),
]
LedgerOpt = Annotated[
    Path | None,
    typer.Option("--ledger", help="The reviewed ledger. Default: ./claims.yaml when it exists."),
]


FormatOpt = Annotated[
    list[str] | None,
    typer.Option("--format", "-f", help="Output format: table, json, markdown, html, csv, sarif, github. "
                 "Repeat together with -o to write several reports in one run."),
]
OutputOpt = Annotated[
    list[Path] | None,
    typer.Option("--output", "-o", help="Write the report to this file (atomically) instead of stdout; "
                 "the format is taken from --format or the file extension."),
]
SEVERITIES = ("low", "medium", "high")


def _pair_outputs(formats: list[str], outputs: list[Path]) -> list[tuple[str, Path | None]]:
    """--format/-o pairs: zipped in order; a lone -o takes its format from the extension."""
    from claimcheck.report import FORMAT_CHOICES, format_for_path

    pairs: list[tuple[str, Path | None]] = []
    if outputs and len(formats) > len(outputs) + 1:
        raise _fail("give one --output per --format (at most one format may go to stdout)")
    for index, path in enumerate(outputs):
        fmt = formats[index] if index < len(formats) else format_for_path(path)
        if fmt is None:
            raise _fail(f"cannot tell the format of {path} from its extension; add --format")
        pairs.append((fmt, path))
    for fmt in formats[len(outputs):]:
        pairs.append((fmt, None))
    if not pairs:
        pairs.append(("table", None))
    for fmt, _ in pairs:
        if fmt not in FORMAT_CHOICES:
            raise _fail(f"unknown format {fmt!r}; choose one of: {', '.join(FORMAT_CHOICES)}")
    return pairs


def _run_with_progress(options: AuditOptions) -> AuditResult:
    """The pipeline, with a progress bar on stderr for long runs on a terminal."""
    import sys

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from claimcheck.pipeline import run_audit

    if not sys.stderr.isatty():
        return run_audit(options)
    console = Console(stderr=True)
    with Progress(TextColumn("extracting claims"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task("extract", total=None, visible=False)

        def tick(done: int, total: int) -> None:
            if total >= 20:
                bar.update(task, completed=done, total=total, visible=True)

        return run_audit(options, progress=tick)


def _collect(paths: list[Path] | None, ledger: Path | None, as_of: dt.datetime | None, jobs: int,
             cache: bool, follow_symlinks: bool, engine: EngineKind = EngineKind.LOCAL,
             scheduler: str | None = None) -> tuple[Ledger | None, AuditResult]:
    from claimcheck.pipeline import AuditOptions

    given = [str(p) for p in paths] if paths else ["sources"]
    missing = [p for p in given if not Path(p).exists() and not Path(p).is_symlink()]
    if missing and len(missing) == len(given):
        hint = " (run from the folder that holds sources/, or name the articles)" if not paths else ""
        raise _fail(f"no such file or folder: {', '.join(missing)}" + hint)
    _, ledger_model = _load_ledger_opt(ledger)
    options = AuditOptions(
        paths=tuple(given), ledger=ledger_model, as_of=as_of.date() if as_of else None, jobs=max(1, jobs),
        cache_dir=Path(".claimcheck") if cache else None, follow_symlinks=follow_symlinks,
        engine=engine, scheduler=scheduler,
    )
    try:
        result = _run_with_progress(options)
    except KeyboardInterrupt:
        raise _fail("interrupted; nothing was written", 130) from None
    except EngineError as exc:
        raise _fail(str(exc)) from None
    if not result.articles:
        reasons = ("; ".join(f"{s.path}: {s.reason}" for s in result.skipped[:5])
                   or "the folder holds no articles")
        raise _fail(f"no readable articles ({reasons})")
    return ledger_model, result


JobsOpt = Annotated[int, typer.Option("--jobs", "-j", help="Worker processes for claim extraction.")]
CacheOpt = Annotated[bool, typer.Option("--cache/--no-cache",
                                        help="Reuse extracted claims from .claimcheck/ for unchanged files.")]
FollowOpt = Annotated[bool, typer.Option("--follow-symlinks",
                                         help="Follow symlinks that leave the given folder.")]
EngineOpt = Annotated[EngineKind, typer.Option(
    "--engine", case_sensitive=False,
    help="Where reading and extraction run: local (this machine, --jobs processes) or dask "
    "(a Dask cluster: --scheduler ADDRESS, or a local cluster of --jobs workers; needs the dask extra).")]
SchedulerOpt = Annotated[str | None, typer.Option(
    "--scheduler", metavar="ADDRESS", help="The Dask scheduler for --engine dask, e.g. tcp://10.0.0.5:8786.")]


@app.command("audit")
def audit_command(
    paths: PathsArg = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    min_severity: Annotated[str, typer.Option("--min-severity",
                                              help="Hide contradictions below: low, medium, high.")] = "low",
    fail_on: Annotated[str | None, typer.Option("--fail-on",
                                                help="Exit 1 when a new contradiction at or above "
                                                "this severity exists (default: never fail).")] = None,
    as_of: AsOfOpt = None,
    ledger: LedgerOpt = None,
    show_acknowledged: Annotated[bool, typer.Option("--show-acknowledged",
                                                    help="List contradictions the ledger "
                                                    "acknowledges too.")] = False,
    jobs: JobsOpt = 1,
    cache: CacheOpt = True,
    follow_symlinks: FollowOpt = False,
    engine: EngineOpt = EngineKind.LOCAL,
    scheduler: SchedulerOpt = None,
) -> None:
    """Read every article, extract claims, and show the contradictions with file:line evidence.

    Examples:

      claimcheck audit sources/

      claimcheck audit sources/ --format json -o report.json --format html -o report.html

      claimcheck audit sources/ --min-severity medium --fail-on high
    """
    import sys

    from claimcheck.atomic import write_atomic
    from claimcheck.policy import apply_ledger, decide
    from claimcheck.report import ReportOptions, render, want_color

    for name, level in (("--min-severity", min_severity), ("--fail-on", fail_on)):
        if level is not None and level not in SEVERITIES:
            raise _fail(f"{name} must be one of {', '.join(SEVERITIES)} (got {level!r})")
    pairs = _pair_outputs(list(fmt or []), list(output or []))
    ledger_model, result = _collect(paths, ledger, as_of, jobs, cache, follow_symlinks, engine, scheduler)
    result = apply_ledger(result, ledger_model, dt.date.today())
    for kind, path in pairs:
        options = ReportOptions(
            min_severity=min_severity, show_acknowledged=show_acknowledged,
            color=path is None and kind == "table" and want_color(sys.stdout),
        )
        text = render(result, kind, options=options)
        if path is None:
            sys.stdout.write(text)
        else:
            try:
                write_atomic(path, text)
            except OSError as exc:
                raise _fail(f"cannot write {path}: {exc.strerror or exc}") from None
            typer.echo(f"wrote {kind} report to {path}", err=True)
    for skipped in result.skipped:
        if not any(p is None and k == "table" for k, p in pairs):
            typer.echo(f"skipped {skipped.path}: {skipped.reason}", err=True)
    if fail_on is None:
        raise typer.Exit(EXIT_OK)
    decision = decide(result, fail_on=fail_on, changed=None, new_only=True)  # type: ignore[arg-type]
    raise typer.Exit(decision.exit_code)


@app.command("claims", help="List every extracted claim with its normalised value and source: "
             "why something was or was not flagged.")
def claims_command(
    paths: PathsArg = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    as_of: AsOfOpt = None,
    ledger: LedgerOpt = None,
    jobs: JobsOpt = 1,
    cache: CacheOpt = True,
    follow_symlinks: FollowOpt = False,
) -> None:
    import io

    from rich.console import Console

    from claimcheck.atomic import write_atomic
    from claimcheck.claims_view import print_claims_table, render_claims_json

    if fmt not in ("table", "json"):
        raise _fail(f"--format must be table or json (got {fmt!r})")
    _, result = _collect(paths, ledger, as_of, jobs, cache, follow_symlinks)
    if fmt == "json":
        text = render_claims_json(result)
    else:
        buffer = io.StringIO()
        print_claims_table(result, Console(file=buffer, width=160, no_color=True, highlight=False))
        text = buffer.getvalue()
    if output is None:
        if fmt == "table":
            import sys

            # piped or redirected, rich would squeeze the table to 80 columns: give it room instead
            print_claims_table(result, Console(highlight=False, width=None if sys.stdout.isatty() else 160))
        else:
            typer.echo(text, nl=False)
    else:
        write_atomic(output, text)
        typer.echo(f"wrote {len(result.claims)} claims to {output}", err=True)

@app.command("eval")
def eval_command(
    corpus: Annotated[Path, typer.Argument(help="The corpus folder the gold file annotates.")],
    gold: Annotated[Path, typer.Option("--gold", help="Gold YAML: contradictions and look-alikes.")],
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    report: Annotated[
        Path | None,
        typer.Option("--report", help="Score this saved JSON report instead of running the audit."),
    ] = None,
    min_recall: Annotated[float | None, typer.Option("--min-recall", help="Exit 1 below this.")] = None,
    min_precision: Annotated[
        float | None, typer.Option("--min-precision", help="Exit 1 below this precision.")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes for the audit.")] = 1,
    ledger: LedgerOpt = None,
) -> None:
    """Score an audit of CORPUS against a gold file: recall, precision, look-alike false positives."""
    import json

    from claimcheck import evaluate

    if fmt not in ("table", "json"):
        typer.echo(f"error: --format must be table or json, not {fmt!r}", err=True)
        raise typer.Exit(EXIT_ERROR)
    try:
        gold_data = evaluate.load_gold(gold, corpus)
    except evaluate.GoldError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    if report is not None:
        try:
            predictions = evaluate.predictions_from_report(json.loads(report.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            typer.echo(f"error: cannot read report {report}: {exc}", err=True)
            raise typer.Exit(EXIT_ERROR) from None
    else:
        from claimcheck.pipeline import AuditOptions, run_audit

        try:
            _, ledger_model = _load_ledger_opt(ledger)
            result = run_audit(AuditOptions(paths=(str(corpus),), jobs=jobs, ledger=ledger_model))
        except NotImplementedError:
            typer.echo("error: the audit pipeline is not implemented yet", err=True)
            raise typer.Exit(EXIT_ERROR) from None
        predictions = evaluate.predictions_from_result(result)
    scored = evaluate.score(predictions, gold_data)
    typer.echo(scored.model_dump_json(indent=2) if fmt == "json" else evaluate.format_table(scored))
    failed = (min_recall is not None and scored.recall < min_recall) or (
        min_precision is not None and scored.precision < min_precision
    )
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


# --------------------------------------------------------------------------- check / ledger (the CI gate)

FAIL_LEVELS = ("high", "medium", "low")
ledger_app = typer.Typer(
    help="Review the ledger (claims.yaml): acknowledge contradictions, write a starter ledger.",
    no_args_is_help=True,
)
app.add_typer(ledger_app, name="ledger")


def _fail(message: str, code: int = EXIT_ERROR) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _load_ledger_opt(ledger: Path | None) -> tuple[Path | None, Ledger | None]:
    from claimcheck.ledger import LedgerError, find_default_ledger, load_ledger

    path = ledger if ledger is not None else find_default_ledger()
    if path is None:
        return None, None
    try:
        return path, load_ledger(path)
    except LedgerError as exc:
        raise _fail(str(exc)) from None


def _audit(paths: list[str], ledger: Ledger | None, as_of: dt.datetime | None, jobs: int = 1) -> AuditResult:
    try:
        from claimcheck.pipeline import AuditOptions, run_audit
    except ImportError as exc:
        raise _fail(f"the audit pipeline is not available: {exc}") from None

    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise _fail(f"no such file or folder: {', '.join(missing)}")
    day = as_of.date() if as_of else None
    options = AuditOptions(paths=tuple(paths), ledger=ledger, as_of=day, jobs=jobs)
    try:
        return run_audit(options)
    except NotImplementedError:
        raise _fail("the audit pipeline is not implemented yet") from None
    except Exception as exc:  # the gate must answer with exit 2 and a message, never a traceback
        raise _fail(f"the audit failed: {type(exc).__name__}: {exc}") from None


def _render(result: AuditResult, fmt: str) -> str:
    try:
        from claimcheck.report import render
        from claimcheck.report.base import ReportOptions
    except ImportError:
        if fmt == "github":
            from claimcheck.policy import github_annotations

            new = [c for c in result.contradictions if c.status == "new"]
            return "".join(line + "\n" for line in github_annotations(new))
        raise _fail(f"report format {fmt!r} is not available") from None
    try:
        return str(render(result, fmt, options=ReportOptions(show_acknowledged=fmt != "github")))
    except (KeyError, ValueError) as exc:
        raise _fail(f"report format {fmt!r}: {exc}") from None


@app.command("check")
def check_command(
    paths: PathsArg = None,
    ledger: LedgerOpt = None,
    fail_on: Annotated[
        str, typer.Option("--fail-on", help="Least severity that fails: high, medium or low.")
    ] = "medium",
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since", help="Only contradictions involving articles changed since this git ref fail."
        ),
    ] = None,
    against: Annotated[
        Path | None,
        typer.Option("--against", help="Audit PATHS together with this corpus folder; only PATHS can fail."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="Also write a report: json, markdown, csv, sarif, github."),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here.")] = None,
    as_of: AsOfOpt = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes for the audit.")] = 1,
) -> None:
    """CI mode: exit 1 when an unacknowledged contradiction at or above --fail-on exists, else 0.

    Exit 2 on bad input or an invalid ledger.
    """
    import os
    import sys

    from claimcheck.gitscope import GitScopeError
    from claimcheck.gitscope import changed_since as git_changed
    from claimcheck.policy import apply_ledger, decide, github_annotations, summary_lines

    if fail_on not in FAIL_LEVELS:
        raise _fail(f"--fail-on must be one of {', '.join(FAIL_LEVELS)} (got {fail_on!r})")
    if output is not None and fmt is None:
        suffix = output.suffix.lstrip(".").lower()
        fmt = {"md": "markdown", "htm": "html", "": None}.get(suffix, suffix)
    _, ledger_model = _load_ledger_opt(ledger)
    given = [str(p) for p in paths] if paths else ["sources"]
    scope: set[str] | None = None
    audit_paths = given
    if against is not None:
        files = [f for p in map(Path, given) for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file()]
        scope = {os.path.realpath(f) for f in files}
        inside = [p for p in given if Path(p).resolve().is_relative_to(against.resolve())]
        audit_paths = [str(against), *(p for p in given if p not in inside)]
    if changed_since is not None:
        try:
            changed = git_changed(changed_since, [Path(p) for p in given])
            scope = changed if scope is None else scope & changed
        except GitScopeError as exc:
            typer.echo(f"notice: --changed-since ignored, checking every article: {exc}", err=True)
    result = apply_ledger(_audit(audit_paths, ledger_model, as_of, jobs), ledger_model, dt.date.today())
    decision = decide(result, fail_on=fail_on, changed=scope, new_only=True)  # type: ignore[arg-type]

    report_to_stdout = fmt is not None and output is None
    if fmt is not None:
        text = _render(result, fmt)
        if output is None:
            typer.echo(text, nl=False)
        else:
            from claimcheck.atomic import write_atomic

            write_atomic(output, text)
    if os.environ.get("GITHUB_ACTIONS") == "true" and fmt != "github":
        failing_only = result.model_copy(update={"contradictions": decision.failing})
        try:
            annotations = _render(failing_only, "github")
        except typer.Exit:
            annotations = "".join(line + "\n" for line in github_annotations(decision.failing))
        sys.stdout.write(annotations)
    typer.echo("\n".join(summary_lines(decision)), err=report_to_stdout)
    raise typer.Exit(decision.exit_code)


@ledger_app.command("accept")
def ledger_accept_command(
    fingerprint: Annotated[
        str, typer.Argument(metavar="ID", help="Contradiction id, or a unique prefix of it.")
    ],
    paths: PathsArg = None,
    status: Annotated[
        str,
        typer.Option("--status", help="accepted (both can stand) or false-positive (not a contradiction)."),
    ] = "accepted",
    note: Annotated[
        str, typer.Option("--note", help="Why; shown next to the contradiction in reports.")
    ] = "",
    expires: Annotated[
        dt.datetime | None,
        typer.Option("--expires", formats=["%Y-%m-%d"], help="The acknowledgement lapses after this day."),
    ] = None,
    ledger: LedgerOpt = None,
) -> None:
    """Acknowledge contradiction ID in the ledger (exit 3: file changed; 0: it already said so)."""
    from claimcheck.ledger import LedgerError
    from claimcheck.ledger_edit import EditError, accept

    if status not in ("accepted", "false-positive"):
        raise _fail(f"--status must be accepted or false-positive (got {status!r})")
    if not note.strip():
        raise _fail("--note is required: say why this contradiction is acceptable")
    ledger_model: Ledger | None = None
    if ledger is not None and not ledger.exists():
        path = ledger  # accepting into a new ledger creates it
    else:
        found, ledger_model = _load_ledger_opt(ledger)
        path = found or Path("claims.yaml")
    given = [str(p) for p in paths] if paths else ["sources"]
    known: tuple[Contradiction, ...] = ()
    if all(Path(p).exists() for p in given):
        known = _audit(given, ledger_model, None).contradictions
    try:
        full, changed = accept(
            path, fingerprint, status=status, note=note.strip(),  # type: ignore[arg-type]
            expires=expires.date() if expires else None, known=known,
        )
    except (LedgerError, EditError) as exc:
        raise _fail(str(exc)) from None
    verb = "acknowledged" if changed else "already acknowledged, unchanged:"
    typer.echo(f"{verb} {full} ({status}) in {path}")
    raise typer.Exit(EXIT_LEDGER_REWRITTEN if changed else EXIT_OK)


@ledger_app.command("init")
def ledger_init_command(
    paths: PathsArg = None,
    ledger: Annotated[Path, typer.Option("--ledger", help="Where to write it.")] = Path("claims.yaml"),
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing ledger (kept as .bak).")
    ] = False,
) -> None:
    """Write a starter ledger from the corpus: dates, candidate entities, commented examples (exit 3)."""
    from claimcheck.ledger_edit import EditError, starter_text, write_starter

    if ledger.exists() and not force:
        raise _fail(f"{ledger} already exists (use --force to replace it; the old one is kept as .bak)")
    articles = _audit([str(p) for p in paths] if paths else ["sources"], None, None).articles
    try:
        from claimcheck.extract.entities import candidate_entities

        entities = candidate_entities([a.text for a in articles])
    except ImportError:
        entities = []
    try:
        write_starter(ledger, starter_text(articles, entities), force=force)
    except EditError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"wrote {ledger}: {len(articles)} article(s), {len(entities)} candidate entities; review it")
    raise typer.Exit(EXIT_LEDGER_REWRITTEN)


def main() -> None:
    """The console entry point: the app, plus clean answers to signals and to bugs.

    SIGINT and SIGTERM stop the run with one line on stderr and exit 128+signal; reports are
    written atomically, so an interrupted run leaves any earlier report as it was. An unexpected
    exception is one line and exit 2 (the traceback with CLAIMCHECK_DEBUG=1).
    """
    import contextlib
    import os
    import signal
    import sys

    class Interrupted(BaseException):  # not KeyboardInterrupt: typer would turn that into a silent exit
        def __init__(self, signum: int) -> None:
            super().__init__(signum)
            self.signum = signum

    def on_signal(signum: int, _frame: object) -> None:
        raise Interrupted(signum)

    previous: dict[signal.Signals, object] = {}
    for caught in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(ValueError, OSError):  # not the main thread: leave signals alone
            if signal.getsignal(caught) is not signal.SIG_IGN:  # keep "ignore" (nohup, background jobs)
                previous[caught] = signal.signal(caught, on_signal)
    try:
        app()
    except Interrupted as stop:
        for caught in previous:
            signal.signal(caught, signal.SIG_IGN)  # a second Ctrl-C must not interrupt the message
        print("claimcheck: interrupted; nothing was written", file=sys.stderr)
        sys.exit(128 + stop.signum)
    except KeyboardInterrupt:
        print("claimcheck: interrupted; nothing was written", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("CLAIMCHECK_DEBUG") == "1":
            raise
        message = " ".join(str(exc).split())
        print(f"claimcheck: internal error: {type(exc).__name__}: {message} "
              "(please report; run with CLAIMCHECK_DEBUG=1 for the traceback)", file=sys.stderr)
        sys.exit(EXIT_ERROR)
    finally:
        for caught, handler in previous.items():
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(caught, handler)  # type: ignore[arg-type]
