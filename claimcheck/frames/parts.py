"""Figures that one sentence gives as parts of one count.

Three readings, each within a sentence:
- a list: "1,000 are housed and another 2,000 are waiting": the second figure adds to the first, so
  both are parts and the sentence also states their sum, which another article may give as a total;
- a fraction of a figure just given: "2,000 needed shelter, half of whom ...": the fraction is a
  part, counted in the figure's own unit (1,000), not a count of 0.5;
- a breakdown: "Of the 520 people in shelters, 340 were at the school and 180 at the hall": the
  figures after the comma are the parts of the first, which they must add up to.
"""

from __future__ import annotations

import hashlib
import re

from claimcheck.extract import display
from claimcheck.language.lexicon import load_lexicon, load_quantity_lexicon
from claimcheck.language.patterns import spaced_alternation
from claimcheck.models import Claim, Value

_COUNT = "number"
_LEX = load_lexicon("en")
# "Of the 520 ...": a breakdown follows
_OF_THE = re.compile(rf"(?i)^\W*(?:{spaced_alternation(_LEX.breakdown_openers)})\s*$")
_DIGITS = re.compile(r"\d[\d,.]*")
_ORDINALS = load_quantity_lexicon("en").ordinals
# "... and another three were taken to B. A sixth patient was taken to C": the list goes on
_ONE_MORE = re.compile(rf"(?i)[.!?]\s+(?:{spaced_alternation(_LEX.list_continuers)})\s+(?P<nth>[a-z]+)\b")


def _count(claim: Claim) -> bool:
    v = claim.value
    return v.dimension == _COUNT and v.low is not None and v.high is not None and claim.polarity


def _unit_word(claim: Claim) -> str:
    tail = claim.value.display.rsplit(" ", 1)
    return tail[-1] if len(tail) == 2 and tail[-1].isalpha() else ""


def _middle(value: Value) -> float:
    assert value.low is not None and value.high is not None
    return value.nominal or (value.low + value.high) / 2


def _count_value(low: float, high: float, nominal: float, of: tuple[Value, Value], text: str, like: Claim) -> Value:
    """A count made from two stated values: exact only when both are, in the unit of ``like``."""
    exact = all(v.qualifier == "exact" for v in of)
    return Value(low=low, high=high, nominal=nominal, unit=like.value.unit, dimension=_COUNT,
                 qualifier="exact" if exact else "approx", text=text,
                 display=display.interval(low, high, _unit_word(like)))


def _scaled(part: Claim, whole: Claim) -> Claim:
    share, total = part.value, whole.value
    assert share.low is not None and share.high is not None and total.low is not None and total.high is not None
    value = _count_value(share.low * total.low, share.high * total.high, _middle(share) * _middle(total),
                         (share, total), share.text, whole)
    return part.model_copy(update={"value": value, "scope": "part", "measure": whole.measure})


def _listed(first: Claim, second: Claim, text: str) -> bool:
    """ "A and another B": the second figure adds to the first (same measure, joined by "and")."""
    # "another 250 are waiting": no noun of its own, so it counts what the first counts
    same_thing = first.measure == second.measure or not second.counted or second.counted == first.counted
    if not (second.other_event and not first.other_event and same_thing):
        return False
    between = text[first.end : second.start]
    joined = any(f" {word} " in f" {between.lower()} " for word in _LEX.list_joiners)
    return first.end <= second.start and joined and not any(p in between for p in ";.")


def _sum(first: Claim, second: Claim, text: str) -> Claim:
    a, b = first.value, second.value
    assert a.low is not None and a.high is not None and b.low is not None and b.high is not None
    value = _count_value(a.low + b.low, a.high + b.high, _middle(a) + _middle(b), (a, b), f"{a.text} + {b.text}",
                         first)
    start, end = first.start, second.end
    digest = hashlib.sha1(f"{first.article}\0{start}\0{end}\0sum\0{first.measure}".encode()).hexdigest()[:12]
    return first.model_copy(update={"id": digest, "end": end, "quote": text[start:end], "value": value,
                                    "scope": "total"})


def _goes_on(second: Claim, text: str) -> bool:
    """The next sentence adds an n-th member beyond the two listed ("A sixth patient ...")."""
    paragraph_end = text.find("\n\n", second.end)
    window = text[second.end : min(second.end + 240, paragraph_end if paragraph_end >= 0 else len(text))]
    return any(_ORDINALS.get(m.group("nth").lower(), 0) > 2 for m in _ONE_MORE.finditer(window))


def _figure_at(claim: Claim, text: str) -> int:
    """Where the figure itself is written (a quote may start before it)."""
    found = text.find(claim.value.text, claim.start, claim.end) if claim.value.text else -1
    return found if found >= 0 else claim.start


def _breakdown(claims: list[Claim], text: str, sentence_start: int) -> list[Claim]:
    """ "Of the 520 people in shelters, 340 were at A, 110 at B and 45 at C": the figures after the
    comma are parts of the first. Only when every figure written there was read, so that a sum is
    never made of some of the parts."""
    counts = [c for c in claims if _count(c)]
    if len(counts) < 3 or not _OF_THE.match(text[sentence_start : counts[0].start]):
        return claims
    total = counts[0]
    figure = text.find(total.value.text, total.start)
    comma = text.find(",", figure + len(total.value.text)) if figure >= 0 else -1
    parts = [c for c in counts[1:] if _figure_at(c, text) > comma >= 0]
    if comma < 0 or len(parts) < 2:
        return claims
    end = max(c.end for c in claims)
    stop = min((i for i in (text.find(".", end), text.find("\n", end)) if i >= 0), default=len(text))
    words = set(re.findall(r"[a-z]+", text[comma:stop].lower()))
    if words & _LEX.remainder_cues:
        return claims  # an open list: its parts need not make the total
    spans = [(at, at + len(c.value.text)) for c in parts for at in (_figure_at(c, text),)]
    for found in _DIGITS.finditer(text, comma, end):
        if not any(a <= found.start() < b for a, b in spans):
            return claims  # a figure of the list that was not read: no sum from the rest
    ids = {c.id for c in parts}
    classes = _LEX.measure_classes  # a part keeps a measure of its own ("220 are missing"), else takes the total's
    return [c.model_copy(update={"scope": "part", "part_of": total.id,
                                 "measure": c.measure if c.measure in classes else total.measure}) if c.id in ids
            else c.model_copy(update={"scope": "total"}) if c.id == total.id else c for c in claims]


def read_parts(claims: list[Claim], text: str, sentence_start: int) -> list[Claim]:
    """The claims of one sentence, with listed parts marked, their sum added, fractions of a figure
    just given counted in its unit, and the parts of a breakdown tied to its total."""
    out = _breakdown(list(claims), text, sentence_start)
    for i, claim in enumerate(out):
        if claim.value.dimension != _COUNT or claim.value.high is None or not 0 < claim.value.high < 1:
            continue
        # "600 needed shelter, half of whom ...": the nearest count before it is the whole
        whole = next((c for c in reversed(out[:i]) if _count(c) and (c.value.high or 0.0) >= 1), None)
        if whole is not None and claim.scope == "part":
            out[i] = _scaled(claim, whole)
    sums: list[Claim] = []
    for i, second in enumerate(out):
        if not _count(second) or not second.other_event:
            continue
        j = next((k for k in range(i - 1, -1, -1) if _count(out[k]) and _listed(out[k], second, text)), None)
        if j is None:
            continue
        out[j] = out[j].model_copy(update={"scope": "part"})
        out[i] = second.model_copy(update={"scope": "part", "other_event": False})
        if not _goes_on(second, text):
            sums.append(_sum(out[j], out[i], text))
    return out + sums
