"""Rewriting claims.yaml: acknowledgements added and updated with comments kept; starter ledgers."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from claimcheck.enums import ReviewStatus
from claimcheck.ledger import LedgerError, load_ledger, parse_ledger
from claimcheck.ledger.edit import write_review
from claimcheck.ledger.review import ReviewError, ReviewRequest, plan_review, resolve_id
from claimcheck.ledger.starter import EditError, starter_text, write_starter
from claimcheck.models import (
    Article,
    ArticleDate,
    Claim,
    ClaimKind,
    Contradiction,
    DateSpan,
    Value,
)

DATA = Path(__file__).parent / "data" / "ledger"


def _claim(path: str, text: str, low: float, high: float, line: int = 3) -> Claim:
    return Claim(
        id=f"{path}:{line}", article=Path(path).stem, path=path, line=line, start=0, end=5, sentence="s",
        quote=f"deployed {text} widgets", kind=ClaimKind.NUMERIC, subject="Widget", measure="unit deployed",
        value=Value(low=low, high=high, text=text, display=f"{low:,.0f}–{high:,.0f} unit"),
    )


OLD = _claim("sources/a.txt", "10,000", 9_950, 10_050)
NEW = _claim("sources/b.txt", "1.4 million", 1.35e6, 1.45e6, line=6)


def _contradiction(cid: str, *claims: Claim) -> Contradiction:
    return Contradiction(
        id=cid, rule="CC101", rule_name="numeric-interval-conflict", kind="numeric", severity="high",
        subject="Widget", measure="unit deployed", explanation="1 vs 2", claims=claims or (OLD, OLD),
    )


def accept(path: Path, *ids: str, note: str, status: ReviewStatus = ReviewStatus.ACCEPTED,
           expires: dt.date | None = None, keep: tuple[str, ...] = (),
           known: tuple[Contradiction, ...] = ()) -> bool:
    """What `claimcheck ledger accept` does once the audit is done."""
    ledger = load_ledger(path) if path.exists() else None
    request = ReviewRequest(ids=ids, status=status, note=note, expires=expires, keep=keep)
    return write_review(path, plan_review(request, known, ledger))


@pytest.fixture
def ledger_file(tmp_path: Path) -> Path:
    path = tmp_path / "claims.yaml"
    shutil.copy(DATA / "valid.yaml", path)
    return path


def test_accept_appends_keeping_comments_order_and_indent(ledger_file: Path) -> None:
    before = ledger_file.read_text()
    assert accept(ledger_file, "eeee5555", note="checked: both stand", known=(_contradiction("eeee5555ffff6666"),))
    after = ledger_file.read_text()
    assert after.startswith(before.rstrip("\n"))  # everything the human wrote, byte for byte
    assert after[len(before):] == (
        "  - id: eeee5555ffff6666\n"
        "    status: accepted\n"
        "    note: 'checked: both stand'\n"
        "    rule: CC101\n"
        "    subject: Widget\n"
        "    measure: unit deployed\n"
        "    seen:\n"
        "      - {path: sources/a.txt, value: '10,000'}\n"
    )
    assert not (ledger_file.parent / "claims.yaml.bak").exists()  # the write is atomic: no backup left
    assert load_ledger(ledger_file).acknowledgement("eeee5555ffff6666") is not None


def test_accept_keep_records_facts_and_stale_claims(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text("version: 1  # reviewed by the desk\nfacts: []\nacknowledged: []\n")
    known = (_contradiction("abcd1234", OLD, NEW), _contradiction("ef567890", OLD, NEW))
    assert accept(path, "abcd", "ef56", note="the 10,000 figure is stale", keep=("sources/b.txt",), known=known)
    assert path.read_text() == (
        "version: 1  # reviewed by the desk\n"
        "facts:\n"
        "- subject: Widget\n"
        "  measure: unit deployed\n"
        "  kind: numeric\n"
        "  value:\n"
        "    low: 1350000\n"
        "    high: 1450000\n"
        "    dimension: number\n"
        "    text: 1.4 million\n"
        "    display: 1,350,000–1,450,000 unit\n"
        "  source: {path: sources/b.txt, quote: deployed 1.4 million widgets}\n"
        "  finding: abcd1234\n"
        "  note: the 10,000 figure is stale\n"
        "acknowledged:\n"
        "- id: abcd1234\n"
        "  status: accepted\n"
        "  note: the 10,000 figure is stale\n"
        "  rule: CC101\n"
        "  subject: Widget\n"
        "  measure: unit deployed\n"
        "  keep:\n"
        "  - sources/b.txt\n"
        "  seen:\n"
        "  - {path: sources/a.txt, value: '10,000'}\n"
        "  - {path: sources/b.txt, value: 1.4 million}\n"
        "  stale:\n"
        "  - {path: sources/a.txt, value: '10,000', subject: Widget, measure: unit deployed, quote: 'deployed 10,000 widgets'}\n"
        "- id: ef567890\n"
        "  status: accepted\n"
        "  note: the 10,000 figure is stale\n"
        "  rule: CC101\n"
        "  subject: Widget\n"
        "  measure: unit deployed\n"
        "  keep:\n"
        "  - sources/b.txt\n"
        "  seen:\n"
        "  - {path: sources/a.txt, value: '10,000'}\n"
        "  - {path: sources/b.txt, value: 1.4 million}\n"
        "  stale:\n"
        "  - {path: sources/a.txt, value: '10,000', subject: Widget, measure: unit deployed, quote: 'deployed 10,000 widgets'}\n"
    )
    ledger = load_ledger(path)
    assert len(ledger.facts) == 1 and ledger.facts[0].source is not None  # one fact, not one per finding
    assert not accept(path, "abcd", "ef56", note="the 10,000 figure is stale", keep=("sources/b.txt",), known=known)


def test_keep_must_name_a_side_of_every_finding(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    known = (_contradiction("abcd1234", OLD, NEW), _contradiction("ef567890", OLD, OLD))
    with pytest.raises(ReviewError, match="none of the --keep files gives a claim in ef567890"):
        accept(path, "abcd", "ef56", note="n", keep=("sources/b.txt",), known=known)
    with pytest.raises(ReviewError, match="a false positive has no side"):
        accept(path, "abcd", note="n", keep=("sources/b.txt",), known=known, status=ReviewStatus.FALSE_POSITIVE)
    with pytest.raises(ReviewError, match="--note is required"):
        accept(path, "abcd", note=" ", known=known)
    fact = OLD.model_copy(update={"article": "ledger", "path": "claims.yaml"})
    with pytest.raises(ReviewError, match="disagrees with an accepted fact"):
        accept(path, "f00d", note="n", keep=("sources/b.txt",), known=(_contradiction("f00d", fact, NEW),))
    assert not path.exists()  # nothing written when the review cannot be recorded


def test_accept_keeps_a_wide_indent_style(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    shutil.copy(DATA / "wide_indent.yaml", path)
    before = path.read_text()
    accept(path, "bb", status=ReviewStatus.FALSE_POSITIVE, note="no", known=(_contradiction("bb77"),))
    assert path.read_text() == before + (
        "    -   id: bb77\n"
        "        status: false-positive\n"
        "        note: 'no'\n"
        "        rule: CC101\n"
        "        subject: Widget\n"
        "        measure: unit deployed\n"
        "        seen:\n"
        "            -   {path: sources/a.txt, value: '10,000'}\n"
    )


def test_accept_same_again_changes_nothing(ledger_file: Path) -> None:
    known = (_contradiction("eeee5555ffff6666"),)
    accept(ledger_file, "eeee5555ffff6666", note="fine", known=known)
    text = ledger_file.read_text()
    assert not accept(ledger_file, "eeee", note="fine", known=known)
    assert ledger_file.read_text() == text


def test_accept_updates_in_place_and_drops_expiry(ledger_file: Path) -> None:
    assert accept(ledger_file, "cccc", note="re-reviewed")
    text = ledger_file.read_text()
    assert "# both figures are right for their dates" in text
    assert "expires" not in text
    ack = load_ledger(ledger_file).acknowledgement("cccc3333dddd4444")
    assert ack is not None and ack.status == "accepted" and ack.note == "re-reviewed"
    assert text.count("id: cccc3333dddd4444") == 1


def test_accept_with_expiry(ledger_file: Path) -> None:
    accept(ledger_file, "aaaa", status=ReviewStatus.FALSE_POSITIVE, note="n", expires=dt.date(2030, 6, 30))
    ack = load_ledger(ledger_file).acknowledgement("aaaa1111bbbb2222")
    assert ack is not None and ack.expires == dt.date(2030, 6, 30) and ack.status == "false-positive"
    assert "expires: 2030-06-30" in ledger_file.read_text()


def test_accept_creates_a_missing_ledger(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    assert accept(path, "ab", note="x", known=(_contradiction("abcdef"),))
    assert load_ledger(path).acknowledged[0].id == "abcdef"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.yaml"]


def test_accept_into_empty_flow_list(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text("version: 1  # keep me\nacknowledged: []\n")
    accept(path, "abcdef", note="x", known=(_contradiction("abcdef"),))
    assert path.read_text().startswith("version: 1  # keep me\nacknowledged:\n- id: abcdef\n")


def test_accept_refuses_invalid_ledger_and_unknown_ids(tmp_path: Path, ledger_file: Path) -> None:
    bad = tmp_path / "bad.yaml"
    shutil.copy(DATA / "bad_status.yaml", bad)
    with pytest.raises(LedgerError):
        accept(bad, "a1", note="x")
    with pytest.raises(ReviewError, match="no finding"):
        accept(ledger_file, "zzzz", note="x")


def test_resolve_id() -> None:
    assert resolve_id("abc", ["abc", "abcd"]) == "abc"
    assert resolve_id("abcd", ["abc", "abcde"]) == "abcde"
    with pytest.raises(ReviewError, match="ambiguous"):
        resolve_id("ab", ["abc", "abd"])
    with pytest.raises(ReviewError):
        resolve_id("", ["abc"])


def _article(aid: str, published: ArticleDate | None) -> Article:
    return Article(id=aid, path=f"sources/{aid}.txt", format="txt", text="x", published=published)


def test_starter_text_loads_and_says_how_dates_were_found(tmp_path: Path) -> None:
    day = ArticleDate(span=DateSpan(start=dt.date(2025, 3, 4), end=dt.date(2025, 3, 4)),
                      origin="front-matter", reason="front matter 'date'")
    year = ArticleDate(span=DateSpan(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31)),
                       origin="inferred", reason='"this year" on line 3')
    articles = [_article("b", year), _article("a", day), _article("c", None)]
    text = starter_text(articles, [("Widget Co", ["Widget", "WCo"]), ("Gizmo: \"X\"", [])])
    ledger = parse_ledger(text)
    assert ledger.version == 1
    assert ledger.articles["a"].published == dt.date(2025, 3, 4)
    assert ledger.articles["b"].published is None and ledger.articles["c"].published is None
    assert "published: 2025-03-04  # front-matter: front matter 'date'" in text
    assert "(only 2025 is known); inferred" in text and "no date found" in text
    assert ledger.entities["Widget Co"].aliases == ("Widget", "WCo")
    assert 'Gizmo: "X"' in ledger.entities
    assert "# facts:" in text and "#   - id:" in text
    path = tmp_path / "claims.yaml"
    write_starter(path, text, force=False)
    with pytest.raises(EditError, match="already exists"):
        write_starter(path, text, force=False)
    write_starter(path, starter_text([], []), force=True)
    assert not (tmp_path / "claims.yaml.bak").exists()
    assert parse_ledger(path.read_text()).articles == {}
