"""Accepted ledger facts as Claims, so new articles are checked against them like against an article.

Each fact becomes one Claim from the pseudo-article ``ledger``: path is the
ledger file, line is the fact's line in it, the quote is the value text, the
subject is canonicalised through the ledger's entities and aliases, and the
value comes from the first quantity found in the value text (a year becomes a
temporal claim over that year, a percentage a proportion, a multiplier a
ratio; text with no number is categorical).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
from collections.abc import Callable
from typing import cast

from claimcheck.ledger_schema import Fact, Ledger
from claimcheck.models import Claim, ClaimKind, DateSpan, Quantity, Value

LEDGER_ARTICLE = "ledger"

QuantityFinder = Callable[[str], list[Quantity]]

_KIND = {"year": ClaimKind.TEMPORAL, "percent": ClaimKind.PROPORTION, "multiplier": ClaimKind.RATIO}


def canonical_subject(name: str, ledger: Ledger) -> str:
    """The ledger's canonical entity for a name or alias (case-insensitive); the name itself otherwise."""
    wanted = name.strip().casefold()
    for canonical, spec in ledger.entities.items():
        if canonical.casefold() == wanted or any(alias.casefold() == wanted for alias in spec.aliases):
            return canonical
    return name.strip()


def fact_claims(ledger: Ledger, find_quantities: QuantityFinder | None = None) -> list[Claim]:
    """One Claim per accepted fact, in ledger order."""
    finder = find_quantities or _default_finder()
    return [_claim(index, fact, ledger, finder) for index, fact in enumerate(ledger.facts)]


def _default_finder() -> QuantityFinder:
    module = importlib.import_module("claimcheck.extract.quantities")  # the extractor's; imported late
    return cast(QuantityFinder, module.find_quantities)


def _claim(index: int, fact: Fact, ledger: Ledger, finder: QuantityFinder) -> Claim:
    text = fact.value.strip()
    quantities = finder(text)
    quantity = quantities[0] if quantities else None
    kind = _KIND.get(quantity.kind, ClaimKind.NUMERIC) if quantity else ClaimKind.CATEGORICAL
    subject = canonical_subject(fact.subject, ledger)
    measure = " ".join(fact.measure.split()).lower()
    time = DateSpan(start=fact.as_of, end=fact.as_of) if fact.as_of else None
    digest = hashlib.sha256(f"{subject}\0{measure}\0{text}".encode()).hexdigest()[:12]
    sentence = f"{fact.subject}: {fact.measure} = {text}"
    return Claim(
        id=f"{LEDGER_ARTICLE}:{index}:{digest}",
        article=LEDGER_ARTICLE,
        path=ledger.path or "claims.yaml",
        line=ledger.line_of("facts", index) or 1,
        start=0,
        end=len(text),
        sentence=sentence,
        quote=text,
        kind=kind,
        subject=subject,
        subject_text=fact.subject,
        measure=measure,
        measure_terms=tuple(measure.split()),
        value=_value(quantity, text, kind),
        modality="confirmed",
        attribution=fact.source,
        time=time,
        time_source=f"ledger as_of {fact.as_of}" if fact.as_of else "",
        entities=(subject,),
    )


def _value(quantity: Quantity | None, text: str, kind: ClaimKind) -> Value:
    if quantity is None:
        return Value(low=None, high=None, text=text, display=text, dimension="category")
    if kind is ClaimKind.TEMPORAL:
        year = int(quantity.nominal)
        low = float(dt.date(year, 1, 1).toordinal())
        high = float(dt.date(year, 12, 31).toordinal())
        return Value(
            low=low, high=high, nominal=low, unit="day", dimension="time",
            qualifier=quantity.qualifier, text=text, display=str(year),
        )
    unit = f" {quantity.noun}" if quantity.noun and not quantity.unit else f" {quantity.unit}".rstrip()
    return Value(
        low=quantity.low,
        high=quantity.high,
        nominal=quantity.nominal,
        unit=quantity.unit,
        dimension=quantity.dimension,
        qualifier=quantity.qualifier,
        text=text,
        display=f"{_range(quantity)}{unit}",
    )


def _range(quantity: Quantity) -> str:
    low, high = quantity.low, quantity.high
    if low is not None and high is not None and low != high:
        return f"{_fmt(low)}–{_fmt(high)}"
    return _fmt(quantity.nominal)


def _fmt(number: float) -> str:
    if float(number).is_integer():
        return f"{int(number):,}"
    return f"{number:,.4f}".rstrip("0").rstrip(".")
