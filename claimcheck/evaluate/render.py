"""Eval figures as terminal tables (Rich, plain when piped) and as JSON."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table

from claimcheck.evaluate.models import CorpusEval, CoverageShare, EvalReport, PairGroup
from claimcheck.evaluate.pairs import CONTRADICTION, PairReport

SCHEMA = "claimcheck.eval/1"
WIDTH = 120


def as_text(*parts: object, width: int = WIDTH) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, no_color=True, highlight=False, markup=False, emoji=False)
    for number, part in enumerate(parts):
        if number:
            console.file.write("\n")
        if isinstance(part, str):  # plain lines go out as they are: long quotes are not wrapped
            console.file.write(part.rstrip("\n") + "\n")
        else:
            console.print(part)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def make_table(*columns: str, title: str | None = None) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left", pad_edge=False, show_edge=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _share(share: CoverageShare | None) -> str:
    return "-" if share is None else f"{share.share:.2f} ({share.covered}/{share.claims})"


def summary_table(ev: CorpusEval) -> Table:
    s = ev.score
    table = make_table("figure", "value", "counts")
    for tier in s.per_tier:
        mark = " (--tier)" if tier.tier == s.tier else ""
        table.add_row(f"recall, {tier.tier}{mark}", _figure(tier.recall),
                      f"{tier.found}/{tier.items} gold contradictions found")
    table.add_row("precision", _figure(s.precision),
                  f"{s.correct}/{s.predicted} findings match a gold contradiction (the rest count as wrong)")
    table.add_row("look-alikes flagged", str(s.look_alikes),
                  f"of {s.consistent_items} consistent items; {s.unjudged} other findings unjudged")
    if ev.coverage is not None:
        kinds = ", ".join(ev.coverage.kinds)
        table.add_row("coverage", _share(ev.coverage.contradictions),
                      f"gold claims of {kinds} contradictions with an extracted claim on their span")
        table.add_row("coverage, look-alikes", _share(ev.coverage.consistent),
                      "gold claims of consistent items")
    else:
        table.add_row("coverage", "-", "not measured: a saved report lists no claims")
    if s.borderline_items:
        table.add_row("borderline", str(s.borderline_items), "items not scored")
    return table


def items_table(s: EvalReport) -> Table:
    table = make_table("result", "gold contradiction", "kind", "tier", "severity", "found by")
    for item in s.items:
        table.add_row("HIT" if item.hit else "MISS", item.id, item.kind, item.tier, item.severity or "-",
                      ", ".join(item.predictions) or "-")
    return table


def kinds_table(s: EvalReport) -> Table:
    table = make_table("kind", "gold", "found", "recall", "findings", "correct", "precision")
    for name, k in sorted(s.per_kind.items()):
        table.add_row(name, str(k.gold), str(k.found), _figure(k.recall) if k.gold else "-",
                      str(k.predicted), str(k.correct), _figure(k.precision) if k.predicted else "-")
    return table


def _false_alarm_lines(s: EvalReport) -> list[str]:
    lines = [f"False alarms ({len(s.false_alarms)}):"]
    for alarm in s.false_alarms:
        tag = f"look-alike ({', '.join(alarm.consistent)})" if alarm.look_alike else "unjudged"
        lines.append(f"  [{alarm.kind}] {tag}: {alarm.explanation}")
        lines += [f"      {c.path}:{c.line}: {c.quote}" for c in alarm.claims]
    return lines


def _uncovered_lines(ev: CorpusEval) -> list[str]:
    if ev.coverage is None:
        return []
    lines = []
    shares = (("contradictions", ev.coverage.contradictions), ("look-alikes", ev.coverage.consistent))
    for title, share in shares:
        lines.append(f"Gold claims without an extracted claim, {title} ({len(share.uncovered)}):")
        lines += [f"  {c.file}:{c.line}: {c.quote}  [{', '.join(c.items)}]" for c in share.uncovered]
    return lines


def render_corpus(ev: CorpusEval, verbose: bool = False) -> str:
    head = f"{ev.corpus} ({ev.articles} articles) against {ev.gold}"
    parts: list[object] = [head, summary_table(ev), items_table(ev.score), kinds_table(ev.score)]
    if verbose:
        parts.append("\n".join(_false_alarm_lines(ev.score) + _uncovered_lines(ev)))
    else:
        uncovered = len(ev.coverage.contradictions.uncovered) if ev.coverage else 0
        parts.append(f"{len(ev.score.false_alarms)} false alarms, {uncovered} uncovered gold claims "
                     "(-v lists them)\n")
    return as_text(*parts)


def pair_groups_table(groups: Sequence[PairGroup], title: str | None = None) -> Table:
    table = make_table("group", "pairs", "contradictions flagged", "consistent flagged", "recall",
                   "false-alarm rate", "balanced accuracy", title=title)
    for g in groups:
        table.add_row(g.name, str(g.pairs), f"{g.flagged_contradictions}/{g.contradictions}",
                      f"{g.flagged_consistent}/{g.consistent}", _figure(g.recall),
                      _figure(g.false_alarm_rate), _figure(g.balanced_accuracy))
    return table


def render_pairs(report: PairReport, verbose: bool = False) -> str:
    parts: list[object] = [
        f"pairs {report.source}: {report.overall.pairs} (flagged when a finding cites b.txt)",
        pair_groups_table([report.overall]),
        pair_groups_table(report.by_domain, "by domain"),
        pair_groups_table(report.by_subtype, "by subtype"),
    ]
    if verbose:
        lines = []
        for o in report.outcomes:
            wrong = o.flagged != (o.label == CONTRADICTION)
            if wrong:
                lines.append(f"{'FALSE ALARM' if o.flagged else 'MISS'} {o.id} ({o.domain}, {o.subtype})")
                for finding in o.findings:
                    lines.append("    " + " | ".join(f"{c.path}:{c.line}: {c.quote}" for c in finding))
        parts.append("\n".join(lines) or "no misses and no false alarms")
    return as_text(*parts)


def render_json(corpus: CorpusEval | None, pairs: PairReport | None, missed: Sequence[str]) -> str:
    payload = {
        "schema": SCHEMA,
        "corpus": corpus.model_dump(mode="json") if corpus else None,
        "pairs": pairs.model_dump(mode="json") if pairs else None,
        "missed_bars": list(missed),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
