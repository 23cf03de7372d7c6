"""The ledger policy stage: acknowledgements, expiry, values seen, stale claims, accepted facts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from claimcheck.enums import Status
from claimcheck.ledger import parse_ledger
from claimcheck.ledger.verdicts import apply_ledger
from claimcheck.models import Article, AuditResult, Claim, ClaimKind, Contradiction, Value

TODAY = dt.date(2026, 2, 1)


def _claim(path: str, line: int, text: str, low: float, high: float) -> Claim:
    return Claim(
        id=f"{path}:{line}", article=Path(path).stem, path=path, line=line, start=line, end=line + 3,
        sentence=f"Widget has {text} units.", quote=f"{text} units", kind=ClaimKind.NUMERIC, subject="Widget",
        measure="unit deployed", value=Value(low=low, high=high, text=text, display=text),
    )


A = _claim("src/a.txt", 3, "10,000", 9_950, 10_050)
B = _claim("src/b.txt", 5, "1.4 million", 1.35e6, 1.45e6)
B_EDITED = _claim("src/b.txt", 5, "9 million", 8.5e6, 9.5e6)
C = _claim("src/c.txt", 2, "1.4 million", 1.35e6, 1.45e6)


def _c(cid: str, *claims: Claim) -> Contradiction:
    return Contradiction(
        id=cid, rule="CC101", rule_name="numeric-interval-conflict", kind="numeric", severity="high",
        subject="Widget", measure="unit deployed", explanation="apart", claims=claims or (A, B),
    )


def _result(*items: Contradiction, claims: tuple[Claim, ...] = ()) -> AuditResult:
    articles = tuple(Article(id=p.stem, path=str(p), format="txt", text="x")
                     for p in map(Path, ("src/a.txt", "src/b.txt", "src/c.txt")))
    return AuditResult(articles=articles, claims=claims, contradictions=items)


LEDGER = parse_ledger(
    "acknowledged:\n"
    "  - {id: live, status: accepted, note: both stand}\n"
    "  - {id: fp, status: false-positive, note: different things}\n"
    "  - {id: old, status: accepted, note: was fine, expires: 2026-01-31}\n"
    "  - {id: lastday, status: accepted, note: still fine, expires: 2026-02-01}\n"
)


def test_acknowledgements_and_expiry() -> None:
    result = apply_ledger(_result(_c("live"), _c("fp"), _c("old"), _c("lastday"), _c("new")), LEDGER, TODAY)
    by_id = {c.id: c for c in result.contradictions}
    assert by_id["live"].status is Status.ACKNOWLEDGED and by_id["live"].note == "both stand"
    assert by_id["fp"].status is Status.ACKNOWLEDGED and by_id["fp"].note == "false positive: different things"
    assert by_id["old"].status is Status.NEW
    assert by_id["old"].note == "acknowledgement expired on 2026-01-31: was fine"
    assert by_id["lastday"].status is Status.ACKNOWLEDGED  # good through its expiry day
    assert by_id["new"].status is Status.NEW and by_id["new"].note is None


def test_idempotent_and_reset_without_a_ledger() -> None:
    once = apply_ledger(_result(_c("live")), LEDGER, TODAY)
    assert apply_ledger(once, LEDGER, TODAY) == once
    assert apply_ledger(once, None, TODAY).contradictions[0].status is Status.NEW


REVIEWED = parse_ledger(
    "acknowledged:\n"
    "  - id: ab\n"
    "    status: accepted\n"
    "    note: the 10,000 figure is stale\n"
    "    keep: [src/b.txt]\n"
    "    seen:\n"
    "      - {path: src/a.txt, value: '10,000'}\n"
    "      - {path: src/b.txt, value: 1.4 million}\n"
    "    stale:\n"
    "      - {path: src/a.txt, value: '10,000', subject: Widget, measure: unit deployed}\n"
)


def test_a_changed_value_reopens_the_finding() -> None:
    same = apply_ledger(_result(_c("ab", A, B)), REVIEWED, TODAY).contradictions[0]
    assert same.status is Status.ACKNOWLEDGED
    edited = apply_ledger(_result(_c("ab", A, B_EDITED)), REVIEWED, TODAY).contradictions[0]
    assert edited.status is Status.NEW
    assert edited.note == 'values changed since the review (src/b.txt now says "9 million")'


def test_stale_claims_raise_no_finding() -> None:
    # a new article agreeing with the side that holds disagrees only with the stale claim
    item = apply_ledger(_result(_c("ac", A, C)), REVIEWED, TODAY).contradictions[0]
    assert item.status is Status.ACKNOWLEDGED
    assert item.note == 'src/a.txt: "10,000" was reviewed as stale in ab (the 10,000 figure is stale)'
    # the stale claim edited to another value is a claim nobody reviewed
    edited_a = _claim("src/a.txt", 3, "12,000", 11_950, 12_050)
    assert apply_ledger(_result(_c("ac", edited_a, C)), REVIEWED, TODAY).contradictions[0].status is Status.NEW


_FACTS_TEXT = (
    "facts:\n"
    "  - subject: Widget\n"
    "    measure: unit deployed\n"
    "    kind: numeric\n"
    "    time: '2026'\n"
    "    value: {low: 1350000, high: 1450000, text: 1.4 million, display: 1.35 million – 1.45 million}\n"
    "    source: {path: src/b.txt, quote: 1.4 million units}\n"
)
FACTS = parse_ledger(_FACTS_TEXT, "claims.yaml")


def test_claims_are_checked_against_accepted_facts() -> None:
    agreeing = apply_ledger(_result(claims=(C,)), FACTS, TODAY)
    assert agreeing.contradictions == ()
    disagreeing = apply_ledger(_result(claims=(C, A)), FACTS, TODAY)
    (item,) = disagreeing.contradictions
    assert item.status is Status.NEW and item.rule == "CC101"
    assert [(k.path, k.line, k.quote) for k in item.claims] == [
        ("claims.yaml", 2, "1.4 million units"), ("src/a.txt", 3, "10,000 units"),
    ]
    assert item.explanation.startswith('a.txt says Widget unit deployed: "10,000" (9,950 – 10,050); the ledger '
                                       'says "1.4 million" (1.35 million – 1.45 million)')
    assert apply_ledger(disagreeing, FACTS, TODAY) == disagreeing  # fact findings are not added twice


def test_one_finding_per_article_against_several_facts() -> None:
    second = (
        "  - subject: Widget\n"
        "    measure: unit deployed\n"
        "    kind: numeric\n"
        "    value: {low: 1400000, high: 14000000, text: more than 1.4 million}\n"
    )
    ledger = parse_ledger(_FACTS_TEXT + second, "claims.yaml")
    (item,) = apply_ledger(_result(claims=(A,)), ledger, TODAY).contradictions
    assert [(k.path, k.line, k.value.text) for k in item.claims] == [
        ("claims.yaml", 2, "1.4 million"), ("src/a.txt", 3, "10,000"), ("claims.yaml", 8, "more than 1.4 million"),
    ]
