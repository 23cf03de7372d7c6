"""The one sorted, plain record form of an AuditResult that every reporter lays out.

All ordering and filtering happens here, once: contradictions by severity
(high first), kind, subject, measure and id; each contradiction's claims by
(path, line, start); articles and skipped files by path. Reporters never sort
on their own, so every format lists the same things in the same order.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import get_args

from claimcheck.enums import Severity, Status
from claimcheck.figures import FigureGroup, build_figures
from claimcheck.gate import Decision
from claimcheck.ledger.schema import LEDGER_ARTICLE
from claimcheck.models import AuditResult, Claim, Contradiction, ContradictionKind
from claimcheck.report.base import ReportOptions

SEVERITIES: tuple[str, ...] = tuple(Severity.descending())
KINDS: tuple[str, ...] = get_args(ContradictionKind)
STATUSES: tuple[str, ...] = tuple(Status)


@dataclass(frozen=True)
class ValueRecord:
    low: float | int | None
    high: float | int | None
    nominal: float | int | None
    unit: str
    dimension: str
    qualifier: str
    text: str
    display: str

    @property
    def label(self) -> str:
        """What people read: the figure as written and, when it adds something, the normalised interval."""
        if self.display and self.text and self.display != self.text:
            return f"{self.text} ({self.display})"
        return self.display or self.text


@dataclass(frozen=True)
class Highlight:
    """A sentence cut around its quote, and the quote cut around the conflicting figure."""

    before: str
    quote_before: str
    figure: str
    quote_after: str
    after: str

    @property
    def quote_parts(self) -> tuple[str, str, str]:
        return (self.quote_before, self.figure, self.quote_after)


@dataclass(frozen=True)
class ClaimRecord:
    id: str
    article: str
    article_anchor: str
    path: str
    line: int
    start: int
    end: int
    quote: str
    sentence: str
    value: ValueRecord
    highlight: Highlight
    in_scope: bool = True  # the article is among those the check is about (every one without a scope)

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def is_fact(self) -> bool:
        """An accepted fact from the ledger rather than an article's claim."""
        return self.article == LEDGER_ARTICLE


@dataclass(frozen=True)
class ContradictionRecord:
    id: str
    rule: str
    rule_name: str
    kind: str
    severity: str
    status: str
    subject: str
    measure: str
    explanation: str
    note: str | None
    claims: tuple[ClaimRecord, ...]
    event: str = ""
    confidence: float = 1.0
    features: tuple[tuple[str, float], ...] = ()
    values: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (display, article paths), majority first
    majority: str | None = None
    outliers: tuple[str, ...] = ()
    fails: bool = False  # the check fails because of it

    @property
    def acknowledged(self) -> bool:
        return self.status == Status.ACKNOWLEDGED

    @property
    def topic(self) -> str:
        return " — ".join(part for part in (self.subject, self.measure) if part) or "(no subject)"


@dataclass(frozen=True)
class LineRecord:
    number: int
    text: str
    claim_ids: tuple[str, ...]
    figures: tuple[str, ...]


@dataclass(frozen=True)
class ArticleRecord:
    id: str
    anchor: str
    path: str
    title: str | None
    published: str | None
    published_origin: str | None
    published_reason: str | None
    claims: int
    lines: tuple[LineRecord, ...]


@dataclass(frozen=True)
class SkippedRecord:
    path: str
    reason: str


@dataclass(frozen=True)
class Summary:
    articles: int
    claims: int
    skipped: int
    contradictions: int  # reported (at or above min_severity), acknowledged included
    shown: int  # what the human formats list
    hidden_acknowledged: int
    below_min_severity: int
    by_severity: dict[str, int]
    by_kind: dict[str, int]
    by_status: dict[str, int]
    failing: int = 0
    decision: Decision | None = None


@dataclass(frozen=True)
class RuleRecord:
    id: str
    name: str


@dataclass(frozen=True)
class Report:
    options: ReportOptions
    articles: tuple[ArticleRecord, ...]
    skipped: tuple[SkippedRecord, ...]
    contradictions: tuple[ContradictionRecord, ...]  # for machine formats: every status
    shown: tuple[ContradictionRecord, ...]  # for people: acknowledged only when asked
    rules: tuple[RuleRecord, ...]
    summary: Summary
    figures: tuple[FigureGroup, ...] = ()  # citing only the contradictions reported

    @property
    def title(self) -> str:
        return self.options.title


def build_records(
    result: AuditResult, options: ReportOptions | None = None, decision: Decision | None = None
) -> Report:
    """Turn an AuditResult into the sorted records every reporter uses; ``decision`` marks what fails."""
    options = options or ReportOptions()
    anchors = _anchors(a.id for a in result.articles)
    failing = set(decision.failing) if decision else set()
    reported = [c for c in result.contradictions
                if Severity(c.severity).at_least(options.min_severity) or c.id in failing]
    contradictions = tuple(
        _contradiction(c, anchors, decision, c.id in failing)
        for c in sorted(reported, key=_contradiction_key)
    )
    shown = tuple(c for c in contradictions if options.show_acknowledged or not c.acknowledged)
    claims_by_line = _claims_by_line(contradictions)
    summaries = {s.id: s for s in result.summaries()}
    articles = tuple(
        ArticleRecord(
            id=a.id,
            anchor=anchors[a.id],
            path=a.path,
            title=a.title,
            published=summaries[a.id].published,
            published_origin=summaries[a.id].published_origin,
            published_reason=summaries[a.id].published_reason,
            claims=summaries[a.id].claims,
            # only articles a contradiction cites are linked to; the rest would only bloat the report
            lines=_lines(a.text, a.line_at, claims_by_line[a.id]) if a.id in claims_by_line else (),
        )
        for a in sorted(result.articles, key=lambda a: (a.path, a.id))
    )
    skipped = tuple(
        SkippedRecord(s.path, s.reason) for s in sorted(result.skipped, key=lambda s: (s.path, s.reason))
    )
    rules: dict[str, str] = {}
    for c in sorted(contradictions, key=lambda c: (c.rule, c.rule_name)):
        rules.setdefault(c.rule, c.rule_name)
    summary = Summary(
        articles=len(result.articles),
        claims=len(result.claims),
        skipped=len(result.skipped),
        contradictions=len(contradictions),
        shown=len(shown),
        hidden_acknowledged=len(contradictions) - len(shown),
        below_min_severity=len(result.contradictions) - len(reported),
        by_severity=_count(SEVERITIES, (c.severity for c in contradictions)),
        by_kind=_count(KINDS, (c.kind for c in contradictions)),
        by_status=_count(STATUSES, (c.status for c in contradictions)),
        failing=sum(c.fails for c in contradictions),
        decision=decision,
    )
    return Report(
        options=options,
        articles=articles,
        skipped=skipped,
        contradictions=contradictions,
        shown=shown,
        rules=tuple(RuleRecord(code, name) for code, name in sorted(rules.items())),
        summary=summary,
        figures=build_figures(result.model_copy(update={"contradictions": tuple(reported)})),
    )


def _contradiction_key(c: Contradiction) -> tuple[int, str, str, str, str]:
    return (-Severity(c.severity).rank, c.kind, c.subject, c.measure, c.id)


def _contradiction(
    c: Contradiction, anchors: dict[str, str], decision: Decision | None, fails: bool
) -> ContradictionRecord:
    claims = sorted(c.claims, key=lambda k: (k.path, k.line, k.start, k.id))
    return ContradictionRecord(
        id=c.id,
        rule=c.rule,
        rule_name=c.rule_name,
        kind=c.kind,
        severity=str(c.severity),
        status=str(c.status),
        subject=c.subject,
        measure=c.measure,
        explanation=c.explanation,
        note=c.note,
        event=c.event,
        confidence=c.confidence,
        features=c.features,
        values=tuple((v.display, v.articles) for v in c.values),
        majority=c.majority,
        outliers=c.outliers,
        claims=tuple(_claim(k, anchors, decision) for k in claims),
        fails=fails,
    )


def _claim(k: Claim, anchors: dict[str, str], decision: Decision | None) -> ClaimRecord:
    v = k.value
    value = ValueRecord(
        low=plain_number(v.low),
        high=plain_number(v.high),
        nominal=plain_number(v.nominal),
        unit=v.unit,
        dimension=v.dimension,
        qualifier=v.qualifier,
        text=v.text,
        display=v.display,
    )
    return ClaimRecord(
        id=k.id,
        article=k.article,
        article_anchor=anchors.get(k.article) or anchor_for(k.article),
        path=k.path,
        line=k.line,
        start=k.start,
        end=k.end,
        quote=k.quote,
        sentence=k.sentence,
        value=value,
        highlight=highlight(k.sentence, k.quote, v.text),
        in_scope=k.article != LEDGER_ARTICLE and (decision is None or decision.in_scope(k.path)),
    )


def plain_number(x: float | None) -> float | int | None:
    """Integral floats as ints (10000, not 10000.0); non-finite values as None (an open bound)."""
    if x is None or not math.isfinite(x):
        return None
    if x.is_integer() and abs(x) < 2**53:
        return int(x)
    return x


def format_number(x: float | int | None) -> str:
    return "" if x is None else repr(x)


def highlight(sentence: str, quote: str, figure: str) -> Highlight:
    """Locate the quote in the sentence and the figure in the quote (exact, then case-insensitive)."""
    q_at = _find(sentence, quote) if quote else -1
    if q_at < 0:
        before, after, quote_text = "", "", quote or sentence
    else:
        before, quote_text, after = (
            sentence[:q_at],
            sentence[q_at : q_at + len(quote)],
            sentence[q_at + len(quote) :],
        )
    f_at = _find(quote_text, figure) if figure else -1
    if f_at < 0:
        return Highlight(before, quote_text, "", "", after)
    end = f_at + len(figure)
    return Highlight(before, quote_text[:f_at], quote_text[f_at:end], quote_text[end:], after)


def _find(haystack: str, needle: str) -> int:
    at = haystack.find(needle)
    if at >= 0:
        return at
    # lower() keeps lengths for the scripts news is written in, so offsets stay valid
    lowered, target = haystack.lower(), needle.lower()
    if len(lowered) != len(haystack) or len(target) != len(needle):
        return -1
    return lowered.find(target)


def _claims_by_line(
    contradictions: tuple[ContradictionRecord, ...],
) -> dict[str, dict[int, list[ClaimRecord]]]:
    out: dict[str, dict[int, list[ClaimRecord]]] = {}
    for c in contradictions:
        for k in c.claims:
            bucket = out.setdefault(k.article, {}).setdefault(k.line, [])
            if all(seen.id != k.id for seen in bucket):
                bucket.append(k)
    return out


def _lines(
    text: str, line_at: Callable[[int], int], claims: dict[int, list[ClaimRecord]]
) -> tuple[LineRecord, ...]:
    """The article's text as numbered lines of the stored file (through Article.line_at)."""
    records: list[LineRecord] = []
    offset = 0
    for raw in text.split("\n"):
        number = line_at(offset)
        here = claims.get(number, [])
        figures = tuple(dict.fromkeys(k.value.text for k in here if k.value.text and k.value.text in raw))
        records.append(LineRecord(number, raw.rstrip("\r"), tuple(k.id for k in here), figures))
        offset += len(raw) + 1
    while records and not records[-1].text and not records[-1].claim_ids:
        records.pop()
    return tuple(records)


def _anchors(ids: Iterable[str]) -> dict[str, str]:
    return {i: anchor_for(i) for i in ids}


def anchor_for(article_id: str) -> str:
    """A fragment-safe form of an article id; ids that needed changing get a short hash to stay unique."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "-", article_id)
    if safe == article_id and safe:
        return safe
    return f"{safe}-{hashlib.sha256(article_id.encode('utf-8')).hexdigest()[:8]}"


def _count(keys: tuple[str, ...], values: Iterable[str]) -> dict[str, int]:
    counts = dict.fromkeys(keys, 0)
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts
