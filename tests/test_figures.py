"""build_figures: values side by side, majority and outliers, timelines, findings, order."""

from __future__ import annotations

import datetime as dt
import types

from figures_fixtures import make_figures_result

from claimcheck.figures import build_figures, confidence_of, findings_of, number_of
from claimcheck.models import (
    Article,
    AuditResult,
    Claim,
    ClaimGroup,
    ClaimKind,
    Contradiction,
    DateSpan,
    Qualifier,
    Scope,
    Value,
)
from claimcheck.report import ReportOptions, build_records


def _article(name: str) -> Article:
    return Article(id=name, path=f"f/{name}.txt", format="txt", text=f"{name} text\n")


def _claim(
    article: str,
    n: int,
    low: float | None,
    high: float | None,
    nominal: float | None = None,
    *,
    scope: Scope = "unspecified",
    day: int | None = None,
    kind: ClaimKind = ClaimKind.NUMERIC,
    qualifier: Qualifier = "exact",
) -> Claim:
    time = DateSpan(start=dt.date(2024, 6, day), end=dt.date(2024, 6, day)) if day else None
    return Claim(
        id=f"{article}#{n}", article=article, path=f"f/{article}.txt", line=n, start=n, end=n + 1,
        sentence="s", quote="q", kind=kind, subject="Ostra", measure="unit sold", scope=scope,
        value=Value(low=low, high=high, nominal=nominal, text=f"t{n}", display=f"{low}-{high}",
                    qualifier=qualifier),
        time=time, time_varying=day is not None,
    )


def _result(*claims: Claim, timeline: bool = False, findings: tuple[Contradiction, ...] = ()) -> AuditResult:
    articles = sorted({c.article for c in claims})
    group = ClaimGroup(key="g1", subject="Ostra", measure="unit sold",
                       claim_ids=tuple(c.id for c in claims), timeline=timeline)
    return AuditResult(articles=tuple(map(_article, articles)), claims=claims, groups=(group,),
                       contradictions=findings)


def _standings(result: AuditResult) -> list[tuple[str, str, list[str]]]:
    (group,) = build_figures(result)
    return [(v.display, v.standing, [k.id for k in v.claims]) for v in group.values]


def test_fixture_groups_in_order_with_standings() -> None:
    groups = build_figures(make_figures_result())
    assert [(g.topic, g.timeline, g.disagrees, [f.id for f in g.findings]) for g in groups] == [
        ("Lowmarsh — people died", True, True, ["cc-toll-fall-7e21"]),
        ("Lowmarsh — volume", False, True, []),
        ("Kell bridge — length", False, False, []),
    ]
    toll, volume, bridge = groups
    assert toll.event == "Lowmarsh flood, May 2024"
    assert [(v.display, v.standing, v.time.label() if v.time else None) for v in toll.values] == [
        ("12", "first", "2024-05-02"), ("31", "update", "2024-05-03"), ("27", "conflict", "2024-05-04"),
    ]
    assert [(v.display, v.standing, v.articles, [k.path for k in v.claims]) for v in volume.values] == [
        ("4.2 million m³", "majority", 2, ["wires/north.txt", "wires/west.txt"]),
        ("42 million m³", "outlier", 1, ["wires/south.txt"]),
    ]
    assert volume.majority is not None and volume.majority.display == "4.2 million m³"
    assert [v.display for v in volume.outliers] == ["42 million m³"]
    first = toll.values[0].claims[0]
    assert (first.text, first.published, first.attribution, first.modality) == (
        "Twelve", "2024-05-02", "police", "confirmed"
    )
    assert bridge.values[0].standing == "majority" and (bridge.articles, bridge.claims) == (2, 2)


def test_same_figures_whatever_the_input_order() -> None:
    assert build_figures(make_figures_result()) == build_figures(make_figures_result(-1))


def test_compatible_values_back_each_other_and_a_tie_is_split() -> None:
    result = _result(
        _claim("a", 1, 1.35e6, 1.45e6, 1.4e6), _claim("a", 2, 1.4e6, 1.4e7, 1.4e6, qualifier="over"),
        _claim("b", 3, 1e4, 1e5, 1e4)
    )
    assert [s for _, s, _ in _standings(result)] == ["split", "split", "split"]


def test_majority_agrees_and_outlier() -> None:
    result = _result(
        _claim("a", 1, 100, 100, 100), _claim("b", 2, 100, 100, 100), _claim("c", 3, 90, 110, 100.0001),
        _claim("d", 4, 500, 500, 500),
    )
    assert _standings(result) == [
        ("100-100", "majority", ["a#1", "b#2"]),
        ("90-110", "agrees", ["c#3"]),
        ("500-500", "outlier", ["d#4"]),
    ]
    assert build_figures(result)[0].disagrees


def test_an_aggregate_is_weighed_apart_from_the_figure_per_unit() -> None:
    result = _result(_claim("a", 1, 143.5, 144.5, 144, scope="per_unit"),
                     _claim("a", 2, 20650, 20750, 20700, scope="aggregate"))
    assert [s for _, s, _ in _standings(result)] == ["majority", "majority"]
    assert not build_figures(result)[0].disagrees


def test_dates_and_shares_are_compared_without_slack() -> None:
    result = _result(_claim("a", 1, None, 739981, kind=ClaimKind.TEMPORAL),
                     _claim("b", 2, 739982, 740346, kind=ClaimKind.TEMPORAL))
    assert [s for _, s, _ in _standings(result)] == ["split", "split"]


def test_timeline_growth_is_an_update_and_a_fall_or_a_same_day_clash_a_conflict() -> None:
    grows = _result(_claim("a", 1, 10, 10, 10, day=1), _claim("b", 2, 10, 10, 10, day=2),
                    _claim("c", 3, 40, 40, 40, day=3), timeline=True)
    assert _standings(grows) == [
        ("10-10", "first", ["a#1"]), ("10-10", "same", ["b#2"]), ("40-40", "update", ["c#3"]),
    ]
    assert not build_figures(grows)[0].disagrees
    clash = _result(_claim("a", 1, 10, 10, 10, day=1), _claim("b", 2, 30, 30, 30, day=2),
                    _claim("c", 3, 50, 50, 50, day=2), _claim("d", 4, 5, 5, 5), timeline=True)
    assert [s for _, s, _ in _standings(clash)] == ["first", "conflict", "conflict", "undated"]


def test_time_varying_claims_at_several_times_make_a_timeline_even_unflagged() -> None:
    result = _result(_claim("a", 1, 10, 10, 10, day=1), _claim("b", 2, 5, 5, 5, day=2))
    (group,) = build_figures(result)
    assert group.timeline and [v.standing for v in group.values] == ["first", "conflict"]


def test_number_of_a_claim() -> None:
    assert number_of(_claim("a", 1, 1, 3, 2.52e15)) == 2.52e15
    assert number_of(_claim("a", 1, 10, 20)) == 15
    assert number_of(_claim("a", 1, None, 20)) == 20
    assert number_of(_claim("a", 1, None, None)) is None


def _finding(fid: str, severity: str, *claims: Claim) -> Contradiction:
    return Contradiction(id=fid, rule="CC101", rule_name="numeric-interval-conflict", kind="numeric",
                         severity=severity, subject="Ostra", measure="unit sold",  # type: ignore[arg-type]
                         explanation="x", claims=claims)


def test_findings_attach_by_their_claims_worst_first_and_follow_min_severity() -> None:
    a, b, other = _claim("a", 1, 1, 1, 1), _claim("b", 2, 9, 9, 9), _claim("c", 3, 7, 7, 7)
    low, high = _finding("f-low", "low", a, b), _finding("f-high", "high", b, other)
    result = _result(a, b, findings=(low, high, _finding("f-none", "high", other)))
    assert findings_of(result) == (low, high, result.contradictions[2])
    (group,) = build_figures(result)
    assert [(f.id, f.severity, f.confidence) for f in group.findings] == [
        ("f-high", "high", 1.0), ("f-low", "low", 1.0)
    ]
    (filtered,) = build_records(result, ReportOptions(min_severity="medium")).figures
    assert [f.id for f in filtered.findings] == ["f-high"]


def test_confidence_is_read_when_findings_carry_it() -> None:
    assert confidence_of(types.SimpleNamespace(confidence=0.75)) == 0.75  # type: ignore[arg-type]
    assert confidence_of(_finding("f", "low")) == 1.0  # a rule that does not score says it is sure


def test_no_groups_no_figures() -> None:
    assert build_figures(AuditResult(articles=(_article("a"),))) == ()


def test_the_sweep_finds_exactly_the_compatible_pairs() -> None:
    import random

    from claimcheck.figures_standing import _compatible, disjoint

    rng = random.Random(7)
    reps = []
    for n in range(300):
        low = rng.choice([None, rng.uniform(-50, 1000)])
        high = rng.choice([None, (low or 0) + rng.uniform(0, 30)])
        reps.append(_claim(f"a{n % 40}", n, low, high))
    friends = _compatible(reps)
    brute = [{j for j in range(len(reps)) if j != i and not disjoint(reps[i], reps[j])} for i in range(len(reps))]
    assert friends == brute


def test_a_compatible_reading_adds_no_support_from_the_same_article() -> None:
    result = _result(
        _claim("a", 1, 1.35e6, 1.45e6, 1.4e6), _claim("a", 2, 1.4e6, 1.4e7, 1.4e6, qualifier="over"),
        _claim("b", 3, 1.35e6, 1.45e6, 1.4e6), _claim("c", 4, 1e4, 1e5, 1e4),
    )
    assert _standings(result) == [
        ("1350000.0-1450000.0", "majority", ["a#1", "b#3"]),
        ("1400000.0-14000000.0", "agrees", ["a#2"]),
        ("10000.0-100000.0", "outlier", ["c#4"]),
    ]
