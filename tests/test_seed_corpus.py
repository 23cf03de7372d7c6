"""Acceptance on the seed corpus: the contradictions a careful fact-checker flags, and the look-alikes
that must stay quiet (issue: "The audit pipeline", Done when)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from claimcheck.ledger import load_ledger
from claimcheck.models import AuditResult, Contradiction
from claimcheck.pipeline import AuditOptions, run_audit

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def result() -> AuditResult:
    ledger = load_ledger(ROOT / "claims.yaml")
    return run_audit(AuditOptions(paths=(str(ROOT / "sources"),), ledger=ledger))


def _involves(item: Contradiction, first: tuple[str, str], second: tuple[str, str]) -> bool:
    """True when the contradiction holds a claim from file prefix first[0] quoting first[1], and one for
    second."""
    def hit(spec: tuple[str, str]) -> list[str]:
        prefix, text = spec
        return [c.id for c in item.claims if Path(c.path).name.startswith(prefix) and text in c.quote]

    a, b = hit(first), hit(second)
    return any(x != y for x, y in itertools.product(a, b))


def _find(
    result: AuditResult, rule: str | None, first: tuple[str, str], second: tuple[str, str]
) -> list[Contradiction]:
    return [c for c in result.contradictions
            if (rule is None or c.rule == rule) and _involves(c, first, second)]


def test_chip_total_conflict_002_vs_004(result: AuditResult) -> None:
    found = _find(result, "CC101", ("002", "10,000"), ("004", "1.4 million"))
    assert found, "over 10,000 deployed vs 1.4 million rolled out must be flagged"
    assert found[0].severity == "high"
    assert found[0].kind == "numeric"


def test_one_customer_exceeds_total(result: AuditResult) -> None:
    assert _find(result, "CC102", ("002", "10,000"), ("004", "1 million")) or _find(
        result, "CC102", ("002", "10,000"), ("004", "one million")
    ), "over 1 million Trainium2 for one customer vs 10,000 in total must be flagged"


def test_trainium3_timing(result: AuditResult) -> None:
    found = _find(result, "CC201", ("002", "2027"), ("004", "urrent generation")) or _find(
        result, "CC201", ("002", "2027"), ("004", "Shipping Now")
    )
    assert found, "Trainium3 in 2027 vs current generation shipping now must be flagged"
    assert found[0].subject == "Trainium3"


def test_quantifier_vs_percentage(result: AuditResult) -> None:
    found = [c for c in result.contradictions
             if c.rule == "CC301" and any("85%" in q.quote for q in c.claims)]
    assert found, "'all of ... models are trained on Trainium' vs '85% of ... training' must be flagged"
    assert any(q.value.low == 100.0 for q in found[0].claims)


def test_internal_ratio(result: AuditResult) -> None:
    found = [c for c in result.contradictions
             if c.rule == "CC401" and any("4.4x" in q.quote for q in c.claims)]
    assert found, "4.4x over Trainium2 while 2,520 / 667 is about 3.8x must be flagged"
    assert found[0].kind == "arithmetic"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("004", "2.52 PFLOPS"), ("004", "2,520 TFLOP/s")),
        (("004", "$138B"), ("004", "$138 billion")),
        (("004", "over 1 million"), ("004", "more than one million")),
        (("004", "1.4 million Trainium"), ("004", "more than 1.4 million")),
        (("003", "$4 billion"), ("003", "$8 billion")),
        (("000", "$4 billion"), ("003", "$8 billion")),
        (("004", "30-40%"), ("002", "30%")),
        (("002", "35%"), ("002", "30%")),
        (("004", "4.9 TB/s"), ("004", "4.9 TB/s")),
        (("004", "144 GB"), ("004", "144 GB")),
        (("004", "1 million"), ("004", "1.4 million")),
        (("004", "1.3 gigawatts"), ("004", "2 gigawatts")),
        (("002", "$50 billion"), ("004", "$50B")),
    ],
)
def test_look_alikes_are_not_contradictions(
    result: AuditResult, first: tuple[str, str], second: tuple[str, str]
) -> None:
    """No contradiction sets these two against each other (they may stand together on one side of
    another)."""
    def matches(claim_path: str, quote: str, spec: tuple[str, str]) -> bool:
        return Path(claim_path).name.startswith(spec[0]) and spec[1] in quote

    for item in _find(result, None, first, second):
        assert not all(
            matches(c.path, c.quote, first) or matches(c.path, c.quote, second) for c in item.claims
        ), item


def test_every_contradiction_is_evidenced(result: AuditResult) -> None:
    for item in result.contradictions:
        assert len({c.article for c in item.claims}) >= 1 and len(item.claims) >= 2
        assert item.explanation and item.id and item.rule.startswith("CC")
        for claim in item.claims:
            article = next(a for a in result.articles if a.id == claim.article)
            assert claim.quote == article.text[claim.start : claim.end] and claim.quote in claim.sentence
            assert claim.line == article.line_at(claim.start) >= 1
            # the quote's words stand on that line of the stored file (markup aside)
            stored = Path(claim.path).read_text(encoding="utf-8").splitlines()[claim.line - 1]
            assert all(word in stored for word in claim.quote.split() if word.isalnum())


def test_no_false_alarm_flood(result: AuditResult) -> None:
    # Five articles, a handful of real disagreements: a long list means look-alikes are being flagged.
    assert 5 <= len(result.contradictions) <= 12
