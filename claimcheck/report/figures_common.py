"""Words every figures view shares, so the terminal, Markdown and HTML say the same thing."""

from __future__ import annotations

from claimcheck.figures import FigureClaim, FigureFinding, FigureGroup, FigureValue
from claimcheck.figures_standing import Standing

STANDING_LABELS: dict[Standing, str] = {
    "majority": "majority",
    "agrees": "agrees",
    "outlier": "outlier",
    "split": "no majority",
    "first": "first",
    "same": "same",
    "update": "update",
    "conflict": "conflict",
    "undated": "undated",
}
SCOPE_LABELS = {"part": "part", "total": "total", "aggregate": "aggregate", "per_unit": "per unit"}


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def headline(groups: tuple[FigureGroup, ...]) -> str:
    """'15 figure groups: 4 where the sources disagree, 11 where they agree; 6 cited by a finding'."""
    disagree = sum(g.disagrees for g in groups)
    flagged = sum(bool(g.findings) for g in groups)
    return (
        f"{plural(len(groups), 'figure group')}: {disagree} where the sources disagree, "
        f"{len(groups) - disagree} where they agree; {flagged} cited by a finding"
    )


def verdict(g: FigureGroup) -> str:
    """Majority and outliers, or the steps of a timeline, in a few words."""
    if g.timeline:
        steps = " → ".join(f"{v.claims[0].text or v.display} ({_when(v)})" for v in g.values)
        return f"over time: {steps}"
    if len(g.values) == 1:
        return "all agree"
    majorities = [v for v in g.values if v.standing == "majority"]
    if not majorities:
        return "no majority"
    # aggregates are weighed apart from the other figures, so each side may have its own majority
    said = "; ".join(f"{v.display} ({_scope(v)})" if len(majorities) > 1 else v.display for v in majorities)
    outliers = "; ".join(v.display for v in g.outliers)
    return f"majority {said}" + (f" · outliers: {outliers}" if outliers else "")


def _scope(v: FigureValue) -> str:
    return "aggregate" if v.claims[0].scope == "aggregate" else "each"


def _when(v: FigureValue) -> str:
    when = v.time.label() if v.time else "undated"
    return when if v.standing in ("first", "same") else f"{when}, {STANDING_LABELS[v.standing]}"


def counts(g: FigureGroup) -> str:
    return f"{plural(len(g.values), 'value')} · {plural(g.claims, 'claim')} · {plural(g.articles, 'article')}"


def finding_label(f: FigureFinding) -> str:
    """'CC101 high 4250673014989ff3', with the confidence and acknowledgement when known."""
    extra = f" confidence {f.confidence:.2f}" if f.confidence is not None else ""
    extra += " acknowledged" if f.status == "acknowledged" else ""
    return f"{f.rule} {f.severity} {f.id}{extra}"


def qualities(k: FigureClaim) -> str:
    """Modality, and the scope when it says why two values may both hold."""
    scope = SCOPE_LABELS.get(k.scope)
    return f"{k.modality}, {scope}" if scope else k.modality


def time_label(k: FigureClaim) -> str:
    return k.time.label() if k.time else "—"
