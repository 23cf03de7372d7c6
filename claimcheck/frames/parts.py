"""Figures that one sentence gives as parts of one count.

Two readings, both within a sentence and one measure:
- a list: "1,000 are housed and another 2,000 are waiting": the second figure adds to the first, so
  both are parts and the sentence also states their sum, which another article may give as a total;
- a fraction of a figure just given: "2,000 needed shelter, half of whom ...": the fraction is a
  part, counted in the figure's own unit (1,000), not a count of 0.5.
"""

from __future__ import annotations

import hashlib

from claimcheck.extract import display
from claimcheck.models import Claim, Value

_COUNT = "number"


def _count(claim: Claim) -> bool:
    v = claim.value
    return v.dimension == _COUNT and v.low is not None and v.high is not None and claim.polarity


def _unit_word(claim: Claim) -> str:
    tail = claim.value.display.rsplit(" ", 1)
    return tail[-1] if len(tail) == 2 and tail[-1].isalpha() else ""


def _scaled(part: Claim, whole: Claim) -> Claim:
    share, total = part.value, whole.value
    assert share.low is not None and share.high is not None and total.low is not None and total.high is not None
    low, high = share.low * total.low, share.high * total.high
    nominal = (share.nominal or (share.low + share.high) / 2) * (total.nominal or (total.low + total.high) / 2)
    exact = share.qualifier == "exact" and total.qualifier == "exact"
    value = Value(low=low, high=high, nominal=nominal, unit=total.unit, dimension=_COUNT,
                  qualifier="exact" if exact else "approx", text=share.text,
                  display=display.interval(low, high, _unit_word(whole)))
    return part.model_copy(update={"value": value, "scope": "part"})


def _listed(first: Claim, second: Claim, text: str) -> bool:
    """ "A and another B": the second figure adds to the first (same measure, joined by "and")."""
    if not (second.other_event and not first.other_event and first.measure == second.measure):
        return False
    between = text[first.end : second.start]
    return first.end <= second.start and " and " in f" {between.lower()} " and not any(p in between for p in ";.")


def _sum(first: Claim, second: Claim, text: str) -> Claim:
    a, b = first.value, second.value
    assert a.low is not None and a.high is not None and b.low is not None and b.high is not None
    low, high = a.low + b.low, a.high + b.high
    nominal = (a.nominal or (a.low + a.high) / 2) + (b.nominal or (b.low + b.high) / 2)
    exact = a.qualifier == "exact" and b.qualifier == "exact"
    value = Value(low=low, high=high, nominal=nominal, unit=a.unit, dimension=_COUNT,
                  qualifier="exact" if exact else "approx", text=f"{a.text} + {b.text}",
                  display=display.interval(low, high, _unit_word(first)))
    start, end = first.start, second.end
    digest = hashlib.sha1(f"{first.article}\0{start}\0{end}\0sum\0{first.measure}".encode()).hexdigest()[:12]
    return first.model_copy(update={"id": digest, "end": end, "quote": text[start:end], "value": value,
                                    "scope": "total"})


def read_parts(claims: list[Claim], text: str) -> list[Claim]:
    """The claims of one sentence, with listed parts marked, their sum added, and fractions of a
    figure just given counted in its unit."""
    out = list(claims)
    for i, claim in enumerate(out):
        if claim.value.dimension != _COUNT or claim.value.high is None or not 0 < claim.value.high < 1:
            continue
        whole = next((c for c in reversed(out[:i]) if c.measure == claim.measure and _count(c)
                      and c.value.high is not None and c.value.high >= 1), None)
        if whole is not None and claim.scope == "part":
            out[i] = _scaled(claim, whole)
    sums: list[Claim] = []
    for i, second in enumerate(out):
        if not _count(second) or not second.other_event:
            continue
        first = next((c for c in reversed(out[:i]) if _count(c) and _listed(c, second, text)), None)
        if first is None:
            continue
        j = out.index(first)
        out[j] = first.model_copy(update={"scope": "part"})
        out[i] = second.model_copy(update={"scope": "part", "other_event": False})
        sums.append(_sum(out[j], out[i], text))
    return out + sums
