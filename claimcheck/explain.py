"""Plain-language explanations a reader understands without the tool, and stable fingerprints."""

from __future__ import annotations

import hashlib
import posixpath

from claimcheck.extract import display
from claimcheck.models import Claim


def label(claim: Claim) -> str:
    """How an explanation names a source: the file name (the ledger is named as such)."""
    if claim.article == "ledger":
        return "the ledger"
    return posixpath.basename(claim.path.replace("\\", "/"))


def fingerprint(rule: str, subject: str, claims: list[Claim], measure: str) -> str:
    """Identity of a contradiction: rule, subject, measure, articles. Never lines, offsets or values."""
    articles = sorted({c.article for c in claims})
    raw = "\0".join([rule, subject, measure, "|".join(articles)])
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def _value(claim: Claim) -> str:
    return f'"{claim.value.text}" ({display.interval(claim.value.low, claim.value.high, claim.value.unit)})'


def _when(claim: Claim) -> str:
    return claim.time.label() if claim.time else "an unknown date"


def _times(factor: float) -> str:
    if factor == float("inf"):
        return "incompatible"
    if factor >= 1.95:
        return f"{factor:,.0f} times apart" if factor >= 10 else f"{factor:.1f} times apart"
    return f"{(factor - 1) * 100:.0f}% apart"


def _modal(claim: Claim) -> str:
    return {"plan": " (a plan)", "forecast": " (a forecast)", "hedged": " (reported, unconfirmed)"}.get(
        claim.modality, ""
    )


def _more(small: Claim, large: Claim, factor: float) -> str:
    if small.value.nominal and large.value.nominal and small.value.nominal > 0:
        ratio = large.value.nominal / small.value.nominal
        if ratio >= 1.95:
            return f"{ratio:,.0f} times more" if ratio >= 10 else f"{ratio:.1f} times more"
        return f"{(ratio - 1) * 100:.0f}% more"
    return _times(factor)


def numeric(a: Claim, b: Claim, factor: float) -> str:
    first, second = sorted((a, b), key=lambda c: (c.value.nominal or 0.0))
    text = (
        f"{label(first)} says {first.subject} {first.measure}: {_value(first)}{_modal(first)}; "
        f"{label(second)} says {_value(second)}{_modal(second)} — {_more(first, second, factor)}. "
    )
    if first.time and second.time and first.time.overlaps(second.time) and first.time_varying:
        text += f"Both speak of {_when(first)}, so this is not an update over time."
    else:
        text += "The ranges do not overlap, so both cannot be true."
    return text


def part_exceeds(whole: Claim, part: Claim, factor: float) -> str:
    who = f"{part.owner}'s " if part.owner else ""
    scope = f"{part.subject} ({who}share)" if who else part.subject
    return (
        f"{label(part)} says {scope} alone is {_value(part)}, but {label(whole)} gives the whole of "
        f"{whole.subject} as {_value(whole)}. A part cannot exceed its total "
        f"({_times(factor)})."
    )


def cumulative(earlier: Claim, later: Claim) -> str:
    return (
        f"{label(later)} ({_when(later)}) reports {_value(later)} for {later.subject} {later.measure}, "
        f"fewer than the {_value(earlier)} that {label(earlier)} reported for {_when(earlier)}; "
        "a running total cannot fall."
    )


def temporal(a: Claim, b: Claim) -> str:
    def says(claim: Claim) -> str:
        window = display.days(claim.value.low, claim.value.high)
        return f'{label(claim)} says "{claim.value.text}"{_modal(claim)} — available {window}'

    return f"{a.subject}: {says(a)}; {says(b)}. These windows do not overlap."


def proportion(a: Claim, b: Claim, points: float) -> str:
    def says(claim: Claim) -> str:
        shown = display.interval(claim.value.low, claim.value.high, "%")
        return f'{label(claim)} says "{claim.value.text}" ({shown})'

    return (
        f"Share of {a.subject} {a.measure.replace('share ', '')}: {says(a)}; {says(b)} — at least "
        f"{points:.0f} percentage points apart."
    )


def ratio(claim: Claim, numerator: Claim, denominator: Claim, computed: tuple[float, float]) -> str:
    low, high = computed
    shown = f"{low:.2f}x" if abs(high - low) < 0.01 else f"{low:.2f}x–{high:.2f}x"
    return (
        f'{label(claim)} says {claim.subject} is "{claim.value.text}" {claim.base} ({numerator.measure}), '
        f"but the stated figures give {shown}: "
        f"{numerator.subject} {_value(numerator)} ({label(numerator)}:{numerator.line}) "
        f"vs {denominator.subject} {_value(denominator)} ({label(denominator)}:{denominator.line})."
    )


def aggregate(total: Claim, count: Claim, unit: Claim, computed: tuple[float, float]) -> str:
    return (
        f"{label(total)} states an aggregate of {_value(total)}, but {count.value.text} × {unit.value.text} "
        f"gives {display.interval(computed[0], computed[1], total.value.unit)}."
    )


def parts(total: Claim, items: list[Claim], computed: tuple[float, float]) -> str:
    listed = " + ".join(p.value.text for p in items)
    return (
        f"{label(total)} gives a total of {_value(total)} and lists its parts as {listed} = "
        f"{display.interval(computed[0], computed[1], total.value.unit)}; "
        "the parts do not add up to the total."
    )


def change(pct: Claim, new: Claim, old: Claim, computed: tuple[float, float]) -> str:
    return (
        f'{label(pct)} says "{pct.value.text}" from {old.value.text} to {new.value.text}, '
        f"but those figures give a change of {computed[0]:.1f}%–{computed[1]:.1f}%."
    )


def sentence_ratio(ratio: Claim, top: Claim, bottom: Claim, computed: tuple[float, float]) -> str:
    return (
        f'{label(ratio)} says {top.value.text} is "{ratio.value.text}" {bottom.value.text}, but '
        f"{top.value.text} / {bottom.value.text} = {computed[0]:.2f}–{computed[1]:.2f}."
    )
