"""The conflict score: a logistic model over general pair features, with weights read from data."""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

import yaml

from claimcheck.frames.mentions import name_key
from claimcheck.language.lexicon import load_lexicon
from claimcheck.models import PLANNED, Claim

FEATURES = (
    "both_in_lead",
    "unnamed_subject",
    "counted_noun_agrees",
    "counted_noun_differs",
    "predicate_differs",
    "restricted_differs",
    "subject_named",
    "source_shared",
    "same_day",
    "log_time_gap",
    "soft_modality",
    "modality_mismatch",
    "both_exact",
    "log_gap",
    "gap_over_precision",
    "place_differs",
    "stated_times_differ",
    "fixed_property",
)


@lru_cache(maxsize=1)
def load_weights() -> tuple[float, dict[str, float]]:
    raw = yaml.safe_load((resources.files("claimcheck.decide") / "weights.yaml").read_text(encoding="utf-8"))
    weights = {name: float(raw["weights"].get(name, 0.0)) for name in FEATURES}
    return float(raw["bias"]), weights


def _bounds(claim: Claim) -> tuple[float, float]:
    low = claim.value.low if claim.value.low is not None else float("-inf")
    high = claim.value.high if claim.value.high is not None else float("inf")
    return low, high


def separation(a: Claim, b: Claim) -> float:
    """How many times apart two intervals are: 1.0 when they overlap (exact figures: their ratio)."""
    if _exact_pair(a, b):
        na, nb = sorted((abs(a.value.nominal or 0.0), abs(b.value.nominal or 0.0)))
        return nb / na if na > 0 else 1e6
    (a_low, a_high), (b_low, b_high) = _bounds(a), _bounds(b)
    small, large = (a_high, b_low) if a_high < b_low else ((b_high, a_low) if b_high < a_low else (1.0, 1.0))
    if small <= 0:
        return 1e6
    return large / small


def disjoint(a: Claim, b: Claim, tolerance: float = 0.005) -> bool:
    """The two values cannot both hold.

    Figures stated alike are compared as stated: two exact figures differ when neither lies inside
    the other's rounding interval ("$5.52" and "$5.53" only touch at its edge); two ranges differ
    when an end differs ("$1.30 to $1.40" and "$1.30 to $1.45"); two precise estimates
    ("approximately $7.50" and "approximately $7.60") and two bounds of one kind for a figure that
    does not run ("at least $5" and "at least $6") differ when their figures do. Anything else
    needs a gap between the intervals beyond a small slack for unit conversions."""
    (a_low, a_high), (b_low, b_high) = _bounds(a), _bounds(b)
    if _exact_pair(a, b):
        na, nb = a.value.nominal, b.value.nominal
        assert na is not None and nb is not None
        return na != nb and not (b_low < na < b_high) and not (a_low < nb < a_high)
    if _stated_alike(a, b):
        # figures written in different units ("120 mph", "193 km/h") were rounded when converted
        slack = 1e-9 if _surface_unit(a.value.text) == _surface_unit(b.value.text) else 0.01
        if a.value.qualifier == "range":
            return not (math.isclose(a_low, b_low, rel_tol=slack) and math.isclose(a_high, b_high, rel_tol=slack))
        return not math.isclose(a.value.nominal or 0.0, b.value.nominal or 0.0, rel_tol=slack)
    return a_high * (1 + tolerance) < b_low or b_high * (1 + tolerance) < a_low


def _exact_pair(a: Claim, b: Claim) -> bool:
    return (a.value.qualifier == "exact" and b.value.qualifier == "exact" and a.value.unit == b.value.unit
            and a.value.nominal is not None and b.value.nominal is not None)


BOUND_QUALIFIERS = frozenset({"over", "at_least", "under", "at_most", "up_to"})  # a bound, not a stated value


def _stated_alike(a: Claim, b: Claim) -> bool:
    qualifier = a.value.qualifier
    if qualifier != b.value.qualifier or a.value.unit != b.value.unit or a.value.nominal is None \
            or b.value.nominal is None:
        return False
    if qualifier == "range":
        return True
    if qualifier in ("approx", "nearly"):
        return significant_digits(a.value.text) >= 3 and significant_digits(b.value.text) >= 3
    # a running count's bounds move as the story does: "at least 3" at noon, "at least 10" at night
    return qualifier in BOUND_QUALIFIERS and not (a.time_varying or b.time_varying)


def _surface_unit(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalpha() or ch in "$€£%")


def significant_digits(text: str) -> int:
    """Digits a figure is stated to: "7.50" has three, "200,000" one, "2.5 million" two."""
    number = next((part for part in text.replace(",", "").split() if any(ch.isdigit() for ch in part)), "")
    number = "".join(ch for ch in number if ch.isdigit() or ch == ".")
    digits = number.replace(".", "").lstrip("0")
    if "." not in number:
        digits = digits.rstrip("0")
    return len(digits)


def _precision_steps(a: Claim, b: Claim) -> float:
    (a_low, a_high), (b_low, b_high) = _bounds(a), _bounds(b)
    widths = [h - lo for lo, h in ((a_low, a_high), (b_low, b_high)) if math.isfinite(h - lo) and h > lo]
    gap = max(b_low - a_high, a_low - b_high, 0.0)
    if _exact_pair(a, b):
        gap = abs((a.value.nominal or 0.0) - (b.value.nominal or 0.0))  # in steps of the stated precision
    if not widths or not math.isfinite(gap):
        return 10.0
    return min(10.0, gap / max(min(widths), 1e-9))


_HEDGES = frozenset({"estimate", "ceiling", "bound", "hedged"})
_LIGHT_VERBS = load_lexicon("en").frames.light_verbs  # say nothing of the measure


def _predicate_class(claim: Claim) -> str:
    """The class of the verb a figure hangs on ("injure" and "wound" meet); "" for light verbs."""
    lexicon = load_lexicon("en")
    if not claim.predicate or claim.predicate in _LIGHT_VERBS or claim.predicate in lexicon.copulas:
        return ""
    head = claim.predicate.split()[0]
    return lexicon.measure_class(claim.predicate) or lexicon.measure_class(head) or claim.predicate


def pair_features(a: Claim, b: Claim) -> dict[str, float]:
    soft = sum(1 for c in (a, b) if c.modality in _HEDGES)
    planned = [c.modality in PLANNED for c in (a, b)]
    days = 0.0
    if a.time is not None and b.time is not None and not a.time.overlaps(b.time) and not (
            a.time_guessed or b.time_guessed):  # a date guessed from the years a text mentions is no distance
        # the days between the times they speak of: "2023" and "the third quarter" are not 270 days apart
        days = min(abs((a.time.start - b.time.end).days), abs((b.time.start - a.time.end).days))
    sources_a, sources_b = {name_key(s) for s in a.sources}, {name_key(s) for s in b.sources}
    places = (name_key(a.place or ""), name_key(b.place or ""))
    return {
        # neither names what it is about, and the measure is not the story's own toll
        "both_in_lead": float(a.in_lead and b.in_lead),
        "unnamed_subject": float(not a.subject and not b.subject
                                 and a.measure not in load_lexicon("en").event_measures),
        "counted_noun_agrees": float(bool(a.counted) and a.counted == b.counted),
        "counted_noun_differs": float(bool(a.counted) and bool(b.counted) and a.counted != b.counted),
        "predicate_differs": float(_predicate_class(a) != _predicate_class(b) and bool(_predicate_class(a))
                                   and bool(_predicate_class(b))),
        "restricted_differs": float(set(a.restrictors) != set(b.restrictors)),
        "subject_named": float(bool(a.subject) and name_key(a.subject) == name_key(b.subject)),
        "source_shared": float(bool(sources_a & sources_b)),
        "same_day": float(a.time is not None and b.time is not None and a.time.start == b.time.start),
        "log_time_gap": math.log1p(days),
        "soft_modality": float(soft),
        # a plan or forecast set against what was done: lower severity, never hidden
        "modality_mismatch": float(planned[0] != planned[1]),
        "both_exact": float(a.value.qualifier == "exact" and b.value.qualifier == "exact"),
        "log_gap": math.log(min(separation(a, b), 1e6)),
        "gap_over_precision": _precision_steps(a, b),
        "place_differs": float(all(places) and places[0] != places[1]),
        # a property that does not change (an age, a population, a distance) of one named thing
        "fixed_property": float(a.measure.split(" (", 1)[0] in load_lexicon("en").fixed_measures and bool(a.subject)
                                and name_key(a.subject) == name_key(b.subject)),
        "stated_times_differ": float(a.time_stated and b.time_stated and a.time is not None
                                     and b.time is not None and not a.time.overlaps(b.time)),
    }


def confidence(features: dict[str, float]) -> float:
    bias, weights = load_weights()
    z = bias + sum(weights[name] * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-z))
