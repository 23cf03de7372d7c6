"""Claim-level behaviour on sentences written for these tests (never from the seed corpus):
what a claim is about, what it measures, its scope, time and modality."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.extract.entities import AliasTable
from claimcheck.extract.extractor import extract_claims
from claimcheck.models import Article, ArticleDate, Claim, DateSpan
from claimcheck.pipeline import audit_articles

DAY = DateSpan(start=dt.date(2025, 3, 4), end=dt.date(2025, 3, 4))


def article(text: str, ident: str = "a", day: DateSpan = DAY) -> Article:
    return Article(id=ident, path=f"{ident}.txt", format="txt", text=text,
                   published=ArticleDate(span=day, origin="dateline", reason="test"))


def claims(text: str) -> list[Claim]:
    return extract_claims(article(text), AliasTable(None))


def only(text: str) -> Claim:
    found = [c for c in claims(text) if c.kind.value != "temporal"]
    assert len(found) == 1, [(c.quote, c.measure) for c in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "subject", "measure", "scope"),
    [
        ("Orbis Rail carried more than 120,000 riders in its first week.", "Orbis Rail",
         "rider carried in its first week", "unspecified"),
        ("Velta Motors has sold 40,000 cars worldwide, the company said.", "Velta Motors", "car sold", "total"),
        ("Storm Ilsa killed 41 people, officials said.", "Storm Ilsa", "people killed", "unspecified"),
        ("Shares of Nordwerk fell. Nordwerk eliminated nearly 900 corporate jobs in the quarter.", "Nordwerk",
         "job cut", "unspecified"),
        ("Kestrel Bank reported quarterly revenue of $4.8 billion.", "Kestrel Bank", "revenue", "unspecified"),
        ("Kestrel Bank said online sales of $1.3 billion rose.", "Kestrel Bank", "online revenue", "unspecified"),
        ("Pavo Labs has repurchased $1.1 billion of stock since the program began in 2023.", "Pavo Labs",
         "buyback", "total"),
    ],
)
def test_subject_measure_and_scope(text: str, subject: str, measure: str, scope: str) -> None:
    claim = only(text)
    assert (claim.subject, claim.measure, claim.scope) == (subject, measure, scope)


def test_a_place_alone_is_a_part_even_unnamed() -> None:
    claim = only("In the downtown district alone, Orbis Rail operates 55 stations.")
    assert (claim.scope, claim.owner) == ("part", "downtown district")


def test_a_year_earlier_moves_only_the_figure_it_follows() -> None:
    found = claims("Kestrel Bank revenue of $4.8 billion was up 12% from $4.1 billion a year earlier.")
    times = {c.value.text: c.time.label() if c.time else None for c in found}
    assert times["$4.1 billion"] == "2024" and times["$4.8 billion"] == "2025-03-04"


def test_hedges_and_plans_set_modality() -> None:
    assert only("Velta Motors reportedly sold 40,000 cars worldwide.").modality == "hedged"
    assert only("Velta Motors plans to hire up to 5,000 workers.").modality == "plan"


def test_negated_figures_are_marked() -> None:
    assert not only("Velta Motors has not sold 40,000 cars worldwide.").polarity


def test_unnamed_groups_make_proportions() -> None:
    found = [c for c in claims("All of the city's public schools were closed on Monday.") if c.kind.value == "proportion"]
    assert [(c.subject, c.measure, c.value.low) for c in found] == [("city public school", "share closed", 100.0)]


def test_status_with_a_stated_month_and_relative_year() -> None:
    found = claims("Its Lisbon flagship, which opened in March, drew crowds.")
    assert [(c.subject, c.value.display) for c in found if c.kind.value == "temporal"] == [
        ("Lisbon", "available 2025-03-01 .. 2025-03-31")
    ]


def test_a_part_exceeding_a_total_is_flagged_and_a_growing_total_is_not() -> None:
    march = article("Orbis Rail operates 42 stations across the region.", "wire")
    later = DateSpan(start=dt.date(2025, 6, 1), end=dt.date(2025, 6, 1))
    same_day = article("In Port Vela alone, Orbis Rail operates 55 stations.", "gazette")
    grown = article("Orbis Rail operates 60 stations across the region.", "later", later)
    batches = [extract_claims(a, AliasTable(None)) for a in (march, same_day, grown)]
    _, _, found = audit_articles([march, same_day, grown], None, batches)
    assert [(c.rule, sorted({k.article for k in c.claims})) for c in found] == [("CC102", ["gazette", "wire"])]


def test_a_label_before_a_colon_sets_modality() -> None:
    assert only("Shares of Orbis rose. Prediction: Orbis will have sold 15,000 cars worldwide by Christmas.").modality == "forecast"


def test_a_deadline_is_not_an_owner() -> None:
    claim = only("Shares of Orbis rose. Orbis expects to have sold 15,000 cars by Christmas.")
    assert claim.owner is None and claim.scope != "part"


def test_goals_scored_are_a_running_total_and_forecasts_do_not_fall() -> None:
    early = DateSpan(start=dt.date(2025, 7, 18), end=dt.date(2025, 7, 18))
    late = DateSpan(start=dt.date(2026, 4, 20), end=dt.date(2026, 4, 20))
    guess = article("Fans love Ruiz. Prediction: Ruiz scored 15 league goals this season.", "fan", early)
    fact = article("Fans love Ruiz. Ruiz has scored 12 league goals.", "paper", late)
    batches = [extract_claims(a, AliasTable(None)) for a in (guess, fact)]
    assert [c.time_varying for c in batches[1] if "scored" in c.measure] == [True]
    _, _, found = audit_articles([guess, fact], None, batches)
    assert found == []
