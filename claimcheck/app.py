"""The application object: runs one command from its typed request and decides the exit code.

As flake8's ``Application``: the command line builds a request, calls ``run`` with the command,
and exits with what ``exit_code()`` says. Errors the user can fix (a missing path, an invalid
ledger, options that do not fit together) end as one ``error:`` line on stderr and exit 2.
Reports and annotations go to stdout; the text for people goes to stderr whenever stdout carries
something a machine reads, so the two never mix on one stream.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from claimcheck.atomic import write_atomic
from claimcheck.engine import EngineError
from claimcheck.enums import ExitCode, ListFormat, OutputFormat
from claimcheck.gate import Decision, decide
from claimcheck.language.pipeline import PipelineError
from claimcheck.ledger import Ledger, LedgerError, find_default_ledger, load_ledger
from claimcheck.ledger.review import ReviewError, ReviewRequest, plan_review
from claimcheck.ledger.starter import EditError
from claimcheck.models import AuditResult
from claimcheck.options import (
    AcceptRequest,
    AuditRequest,
    CheckRequest,
    ClaimsRequest,
    EvalRequest,
    FiguresRequest,
    InitRequest,
    OutputSpec,
    RulesRequest,
    RunOptions,
    UsageError,
)
from claimcheck.scope import InputError, audit_paths, check_scope

if TYPE_CHECKING:
    from claimcheck.pipeline import AuditOptions
    from claimcheck.report import ReportOptions

R = TypeVar("R")
_USER_ERRORS = (InputError, UsageError, LedgerError, ReviewError, EditError, EngineError, PipelineError)


class Application:
    def __init__(self, out: TextIO | None = None, err: TextIO | None = None,
                 environ: Mapping[str, str] | None = None, today: dt.date | None = None) -> None:
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.annotate = (os.environ if environ is None else environ).get("GITHUB_ACTIONS") == "true"
        self.today = today or dt.date.today()
        self.decision: Decision | None = None
        self.below_floor = False  # eval: a score under --min-recall / --min-precision
        self.error: str | None = None

    def run(self, command: Callable[[R], None], request: R) -> ExitCode:
        try:
            command(request)
        except _USER_ERRORS as exc:
            self.error = str(exc)
            self.err.write(f"error: {exc}\n")
        return self.exit_code()

    def exit_code(self) -> ExitCode:
        if self.error is not None:
            return ExitCode.ERROR
        if (self.decision is not None and self.decision.fails) or self.below_floor:
            return ExitCode.FINDINGS
        return ExitCode.OK

    # ------------------------------------------------------------------ commands

    def audit(self, request: AuditRequest) -> None:
        from claimcheck.report import ReportOptions, want_color

        ledger = self._ledger(request.ledger)
        result = self._audit(audit_paths(request.paths), ledger, request)
        self.decision = decide(result, fail_on=request.fail_on)
        outputs = request.outputs or (OutputSpec(format=OutputFormat.TABLE),)
        for spec in outputs:
            color = spec.path is None and spec.format is OutputFormat.TABLE and want_color(self.out)
            options = ReportOptions(min_severity=request.min_severity, color=color,
                                    show_acknowledged=request.show_acknowledged)
            self._emit(spec, result, options)
        table_on_stdout = any(s.path is None and s.format is OutputFormat.TABLE for s in outputs)
        for skipped in result.skipped:
            # the table lists skipped files itself; an article in a language claimcheck does not read
            # is said on stderr too, so it is never silent whatever the output
            if not table_on_stdout or skipped.language:
                self.err.write(f"skipped {skipped.path}: {skipped.reason}\n")

    def check(self, request: CheckRequest) -> None:
        from claimcheck.report import ReportOptions, build_records
        from claimcheck.report.check_text import check_text

        ledger = self._ledger(request.ledger)
        scope = check_scope(request.paths, against=request.against, since=request.changed_since,
                            follow_symlinks=request.follow_symlinks)
        if scope.notice:
            self.err.write(f"notice: {scope.notice}\n")
        result = self._audit(scope.audit_paths, ledger, request)
        self.decision = decide(result, fail_on=request.fail_on, scope=scope.changed)
        for spec in request.outputs:
            self._emit(spec, result, ReportOptions())
        stdout_taken = any(spec.path is None for spec in request.outputs)
        if self.annotate and not stdout_taken:
            self._emit(OutputSpec(format=OutputFormat.GITHUB), result, ReportOptions())
        text = check_text(build_records(result, ReportOptions(), self.decision), self.decision)
        (self.err if stdout_taken or self.annotate else self.out).write(text)

    def claims(self, request: ClaimsRequest) -> None:
        from claimcheck.claims_view import render_claims_json, render_claims_table
        from claimcheck.report import want_color

        result = self._audit(audit_paths(request.paths), self._ledger(request.ledger), request)
        if request.format is ListFormat.JSON:
            text = render_claims_json(result)
        else:
            terminal = request.output is None and self.out.isatty()
            color = terminal and want_color(self.out)
            text = render_claims_table(result, width=None if terminal else 160, color=color)
        self._write(request.output, text, f"{len(result.claims)} claims")

    def figures(self, request: FiguresRequest) -> None:
        from claimcheck.report.figures_table import render_figures, terminal_options

        result = self._audit(audit_paths(request.paths), self._ledger(request.ledger), request)
        self.out.write(render_figures(result, terminal_options(self.out)))

    def rules(self, request: RulesRequest) -> None:
        from claimcheck.report import want_color
        from claimcheck.report.rules import render_rules_json, render_rules_table

        if request.format is ListFormat.JSON:
            self.out.write(render_rules_json())
            return
        terminal = self.out.isatty()
        self.out.write(render_rules_table(width=None if terminal else 160, color=terminal and want_color(self.out)))

    def accept(self, request: AcceptRequest) -> None:
        from claimcheck.ledger.edit import write_review

        path = request.ledger or find_default_ledger() or Path("claims.yaml")
        ledger = load_ledger(path) if path.exists() else None
        result = self._audit(audit_paths(request.paths), ledger, request)
        review = plan_review(ReviewRequest(ids=request.ids, status=request.status, note=request.note,
                                           expires=request.expires, keep=request.keep),
                             result.contradictions, ledger)
        changed = write_review(path, review)
        ids = ", ".join(ack.id for ack in review.acknowledgements)
        stale = sum(len(ack.stale) for ack in review.acknowledgements)
        if not changed:
            self.out.write(f"already recorded, {path} unchanged: {ids}\n")
            return
        kept = f"; {len(review.facts)} accepted fact(s), {stale} claim(s) recorded as stale"
        self.out.write(f"recorded {request.status} for {ids} in {path}{kept if request.keep else ''}\n")

    def init(self, request: InitRequest) -> None:
        from claimcheck.extract.entities import candidate_entities
        from claimcheck.ledger.starter import starter_text, write_starter

        if request.target.exists() and not request.force:
            raise UsageError(f"{request.target} already exists (use --force to replace it)")
        articles = self._audit(audit_paths(request.paths), None, request).articles
        entities = candidate_entities([a.text for a in articles])
        write_starter(request.target, starter_text(articles, entities), force=request.force)
        self.out.write(f"wrote {request.target}: {len(articles)} article(s), {len(entities)} candidate "
                       "entities; review it\n")

    def evaluate(self, request: EvalRequest) -> None:
        from claimcheck.evaluate.gold import TIER_CHOICES
        from claimcheck.evaluate.run import Bars, EvalInputError, run_eval, stderr_progress
        from claimcheck.evaluate.run import EvalRequest as Evaluation

        if request.tier not in TIER_CHOICES:
            raise InputError(f"--tier required, bonus or all (got {request.tier!r})")
        bars = Bars(min_recall=request.min_recall, min_precision=request.min_precision,
                    min_coverage=request.min_coverage, min_balanced_accuracy=request.min_balanced_accuracy)
        evaluation = Evaluation(
            corpus=request.corpus, gold=request.gold, pairs=request.pairs, report=request.report,
            tier=request.tier, format="json" if request.format is ListFormat.JSON else "table",
            verbose=request.verbose, bars=bars, ledger=self._ledger(request.ledger), jobs=request.jobs)
        try:
            outcome = run_eval(evaluation, progress=stderr_progress())
        except EvalInputError as exc:
            raise InputError(str(exc)) from None
        self.out.write(outcome.text if outcome.text.endswith("\n") else outcome.text + "\n")
        for line in outcome.missed:
            self.err.write(f"eval: {line}\n")
        self.below_floor = bool(outcome.missed)

    # ------------------------------------------------------------------ shared steps

    def _ledger(self, path: Path | None) -> Ledger | None:
        found = path if path is not None else find_default_ledger()
        return load_ledger(found) if found is not None else None

    def _audit(self, paths: tuple[str, ...], ledger: Ledger | None, run: RunOptions,
               *, apply: bool = True) -> AuditResult:
        from claimcheck.cache import user_cache_dir
        from claimcheck.ledger.verdicts import apply_ledger
        from claimcheck.pipeline import AuditOptions

        cache_dir = (run.cache_dir or user_cache_dir()) if run.cache else None
        options = AuditOptions(paths=paths, ledger=ledger, as_of=run.as_of, jobs=max(1, run.jobs),
                               engine=run.engine, scheduler=run.scheduler, group_on=run.group_on,
                               cache_dir=cache_dir, follow_symlinks=run.follow_symlinks)
        result = _run_with_progress(options)
        if not result.articles:
            reasons = "; ".join(f"{s.path}: {s.reason}" for s in result.skipped[:5])
            reasons = reasons or "the folder holds no articles"
            raise InputError(f"no readable articles ({reasons})")
        return apply_ledger(result, ledger, self.today) if apply else result

    def _emit(self, spec: OutputSpec, result: AuditResult, options: ReportOptions) -> None:
        from claimcheck.report import render

        text = render(result, spec.format, options=options, decision=self.decision)
        self._write(spec.path, text, f"{spec.format} report")

    def _write(self, path: Path | None, text: str, what: str) -> None:
        if path is None:
            self.out.write(text)
            return
        try:
            write_atomic(path, text)
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
        self.err.write(f"wrote {what} to {path}\n")


def _run_with_progress(options: AuditOptions) -> AuditResult:
    """The pipeline, with a progress bar on stderr for long runs on a terminal."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from claimcheck.pipeline import run_audit

    if not sys.stderr.isatty():
        return run_audit(options)
    with Progress(TextColumn("extracting claims"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("extract", total=None, visible=False)

        def tick(done: int, total: int) -> None:
            if total >= 20:
                bar.update(task, completed=done, total=total, visible=True)

        return run_audit(options, progress=tick)
