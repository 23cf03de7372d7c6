"""Accepted facts as claims, and the one comparison of an article's claims with a fact.

Each fact becomes one Claim from the pseudo-article ``ledger``: path is the ledger file, line is
the fact's line in it, the subject is canonicalised through the ledger's entities and aliases.
A fact written by ``ledger accept --keep`` carries its normalised value; one written by hand has
its value read from the first quantity in the text (a year becomes a temporal claim over that
year, a percentage a proportion, a multiplier a ratio; text with no number is categorical).

``compare_with_fact`` is the only place a claim meets a fact. Today it asks the pairwise rules of
``reconcile``; the decision stage can take its place without anything else changing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import cast

from claimcheck import reconcile
from claimcheck.enums import Severity
from claimcheck.ledger.schema import LEDGER_ARTICLE, Fact, FactValue, Ledger, SourceRef
from claimcheck.match import block_key
from claimcheck.models import Claim, ClaimKind, Contradiction, DateSpan, Quantity, Value
from claimcheck.resolve import EntityGraph

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


def compare_with_fact(claims: Sequence[Claim], fact: Claim, graph: EntityGraph) -> list[Contradiction]:
    """The findings between one article's claims and one accepted fact (none when they agree)."""
    found = [f for claim in claims for f in reconcile.pair_findings([claim, fact], graph)]
    return reconcile.bucket(found)


def fact_findings(claims: Sequence[Claim], facts: Sequence[Claim], graph: EntityGraph) -> list[Contradiction]:
    """Every article claim against the facts it could speak of (same block: subject family, kind, unit)."""
    by_block: dict[tuple[str, str, str, str], list[Claim]] = defaultdict(list)
    for fact in facts:
        by_block[block_key(fact, graph)].append(fact)
    pairs: dict[tuple[str, str], list[Claim]] = defaultdict(list)  # (fact id, article) -> claims
    facts_by_id = {fact.id: fact for fact in facts}
    for claim in claims:
        if not claim.subject or claim.kind == ClaimKind.RATIO:
            continue
        for fact in by_block.get(block_key(claim, graph), ()):
            pairs[(fact.id, claim.article)].append(claim)
    found: dict[str, list[Contradiction]] = defaultdict(list)
    for (fact_id, _), group in sorted(pairs.items()):
        for item in compare_with_fact(group, facts_by_id[fact_id], graph):
            found[item.id].append(item)
    return [_merge(items) for _, items in sorted(found.items())]


def _merge(items: list[Contradiction]) -> Contradiction:
    """One finding per id: the article against every fact it contradicts, led by the most severe."""
    lead = max(items, key=lambda item: Severity(item.severity).rank)
    claims = {claim.id: claim for item in [lead, *items] for claim in item.claims}
    return lead.model_copy(update={"claims": tuple(claims.values())})


def _default_finder() -> QuantityFinder:
    module = importlib.import_module("claimcheck.extract.quantities")  # the extractor's; imported late
    return cast(QuantityFinder, module.find_quantities)


def _claim(index: int, fact: Fact, ledger: Ledger, finder: QuantityFinder) -> Claim:
    if isinstance(fact.value, FactValue):
        value, kind = _typed_value(fact.value), fact.kind or _kind_of(fact.value)
    else:
        value, kind = _text_value(fact.value.strip(), finder)
        kind = fact.kind or kind
    subject = canonical_subject(fact.subject, ledger)
    measure = " ".join(fact.measure.split()).lower()
    time = fact.time or (DateSpan(start=fact.as_of, end=fact.as_of) if fact.as_of else None)
    source = fact.source if isinstance(fact.source, SourceRef) else None
    quote = source.quote if source and source.quote else value.text
    digest = hashlib.sha256(f"{subject}\0{measure}\0{value.text}\0{value.display}".encode()).hexdigest()[:12]
    where = f" (accepted from {source.path})" if source else ""
    return Claim(
        id=f"{LEDGER_ARTICLE}:{index}:{digest}",
        article=LEDGER_ARTICLE,
        path=ledger.path or "claims.yaml",
        line=ledger.line_of("facts", index) or 1,
        start=0,
        end=len(quote),
        sentence=f"accepted fact: {fact.subject} {fact.measure} = {value.text or value.display}{where}",
        quote=quote,
        kind=kind,
        subject=subject,
        subject_text=fact.subject,
        owner=fact.owner,
        scope=fact.scope,
        measure=measure,
        measure_terms=tuple(measure.split()),
        value=value,
        modality="confirmed",
        attribution=fact.source if isinstance(fact.source, str) else None,
        time=time,
        time_source=f"ledger fact {time.label()}" if time else "",
        entities=(subject,),
        time_varying=fact.time_varying,
    )


def _kind_of(value: FactValue) -> ClaimKind:
    return ClaimKind.TEMPORAL if value.dimension == "time" else ClaimKind.NUMERIC


def _bound(bound: float | dt.date | None) -> float | None:
    if isinstance(bound, dt.date):
        return float(bound.toordinal())  # times are ordinal days inside claimcheck
    return bound


def _typed_value(value: FactValue) -> Value:
    low, high = _bound(value.low), _bound(value.high)
    nominal = (low + high) / 2 if low is not None and high is not None else (low if low is not None else high)
    return Value(low=low, high=high, nominal=nominal, unit=value.unit, dimension=value.dimension,
                 qualifier=value.qualifier, text=value.text, display=value.display)


def _text_value(text: str, finder: QuantityFinder) -> tuple[Value, ClaimKind]:
    quantities = finder(text)
    quantity = quantities[0] if quantities else None
    if quantity is None:
        category = Value(low=None, high=None, text=text, display=text, dimension="category")
        return category, ClaimKind.CATEGORICAL
    kind = _KIND.get(quantity.kind, ClaimKind.NUMERIC)
    if kind is ClaimKind.TEMPORAL:
        year = int(quantity.nominal)
        low = float(dt.date(year, 1, 1).toordinal())
        high = float(dt.date(year, 12, 31).toordinal())
        value = Value(low=low, high=high, nominal=low, unit="day", dimension="time",
                      qualifier=quantity.qualifier, text=text, display=str(year))
        return value, kind
    unit = f" {quantity.noun}" if quantity.noun and not quantity.unit else f" {quantity.unit}".rstrip()
    value = Value(low=quantity.low, high=quantity.high, nominal=quantity.nominal, unit=quantity.unit,
                  dimension=quantity.dimension, qualifier=quantity.qualifier, text=text,
                  display=f"{_range(quantity)}{unit}")
    return value, kind


def _range(quantity: Quantity) -> str:
    low, high = quantity.low, quantity.high
    if low is not None and high is not None and low != high:
        return f"{_fmt(low)}–{_fmt(high)}"
    return _fmt(quantity.nominal)


def _fmt(number: float) -> str:
    if float(number).is_integer():
        return f"{int(number):,}"
    return f"{number:,.4f}".rstrip("0").rstrip(".")
