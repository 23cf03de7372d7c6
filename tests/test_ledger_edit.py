"""Rewriting claims.yaml: acknowledgements added and updated with comments kept; starter ledgers."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from claimcheck.ledger import load_ledger, parse_ledger
from claimcheck.ledger_edit import EditError, accept, resolve_id, starter_text, write_starter
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


def _contradiction(cid: str) -> Contradiction:
    claim = Claim(
        id="c1", article="a", path="sources/a.txt", line=3, start=0, end=5, sentence="s", quote="q",
        kind=ClaimKind.NUMERIC, subject="Widget", measure="unit deployed", value=Value(low=1, high=2),
    )
    return Contradiction(
        id=cid, rule="CC101", rule_name="numeric-interval-conflict", kind="numeric", severity="high",
        subject="Widget", measure="unit deployed", explanation="1 vs 2", claims=(claim, claim),
    )


@pytest.fixture
def ledger_file(tmp_path: Path) -> Path:
    path = tmp_path / "claims.yaml"
    shutil.copy(DATA / "valid.yaml", path)
    return path


def test_accept_appends_keeping_comments_order_and_indent(ledger_file: Path) -> None:
    before = ledger_file.read_text()
    full, changed = accept(ledger_file, "eeee5555", status="accepted", note="checked: both stand",
                           known=[_contradiction("eeee5555ffff6666")])
    assert (full, changed) == ("eeee5555ffff6666", True)
    after = ledger_file.read_text()
    assert after.startswith(before.rstrip("\n"))  # everything the human wrote, byte for byte
    assert after[len(before):] == (
        "  - id: eeee5555ffff6666\n"
        "    status: accepted\n"
        "    note: 'checked: both stand'\n"
        "    rule: CC101\n"
        "    subject: Widget\n"
        "    measure: unit deployed\n"
    )
    assert (ledger_file.parent / "claims.yaml.bak").read_text() == before
    assert load_ledger(ledger_file).acknowledgement("eeee5555ffff6666") is not None


def test_accept_keeps_a_wide_indent_style(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    shutil.copy(DATA / "wide_indent.yaml", path)
    before = path.read_text()
    accept(path, "bb", status="false-positive", note="no", known=[_contradiction("bb77")])
    assert path.read_text() == before + (
        "    -   id: bb77\n"
        "        status: false-positive\n"
        "        note: 'no'\n"
        "        rule: CC101\n"
        "        subject: Widget\n"
        "        measure: unit deployed\n"
    )


def test_accept_same_again_changes_nothing(ledger_file: Path) -> None:
    known = [_contradiction("eeee5555ffff6666")]
    accept(ledger_file, "eeee5555ffff6666", status="accepted", note="fine", known=known)
    text = ledger_file.read_text()
    again = accept(ledger_file, "eeee", status="accepted", note="fine", known=known)
    assert again == ("eeee5555ffff6666", False)
    assert ledger_file.read_text() == text


def test_accept_updates_in_place_and_drops_expiry(ledger_file: Path) -> None:
    full, changed = accept(ledger_file, "cccc", status="accepted", note="re-reviewed")
    assert changed and full == "cccc3333dddd4444"
    text = ledger_file.read_text()
    assert "# both figures are right for their dates" in text
    assert "expires" not in text
    ack = load_ledger(ledger_file).acknowledgement(full)
    assert ack is not None and ack.status == "accepted" and ack.note == "re-reviewed"
    assert text.count("id: cccc3333dddd4444") == 1


def test_accept_with_expiry(ledger_file: Path) -> None:
    accept(ledger_file, "aaaa", status="false-positive", note="n", expires=dt.date(2030, 6, 30))
    ack = load_ledger(ledger_file).acknowledgement("aaaa1111bbbb2222")
    assert ack is not None and ack.expires == dt.date(2030, 6, 30) and ack.status == "false-positive"
    assert "expires: 2030-06-30" in ledger_file.read_text()


def test_accept_creates_a_missing_ledger(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    got = accept(path, "ab", status="accepted", note="x", known=[_contradiction("abcdef")])
    assert got == ("abcdef", True)
    assert load_ledger(path).acknowledged[0].id == "abcdef"
    assert not (tmp_path / "claims.yaml.bak").exists()


def test_accept_into_empty_flow_list(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text("version: 1  # keep me\nacknowledged: []\n")
    accept(path, "abcdef", status="accepted", note="x", known=[_contradiction("abcdef")])
    text = path.read_text()
    assert text.startswith("version: 1  # keep me\nacknowledged:\n- id: abcdef\n")


def test_accept_refuses_invalid_ledger_and_unknown_ids(tmp_path: Path, ledger_file: Path) -> None:
    from claimcheck.ledger import LedgerError

    bad = tmp_path / "bad.yaml"
    shutil.copy(DATA / "bad_status.yaml", bad)
    with pytest.raises(LedgerError):
        accept(bad, "a1", status="accepted", note="x")
    with pytest.raises(EditError, match="no contradiction"):
        accept(ledger_file, "zzzz", status="accepted", note="x")


def test_resolve_id() -> None:
    assert resolve_id("abc", ["abc", "abcd"]) == "abc"
    assert resolve_id("abcd", ["abc", "abcde"]) == "abcde"
    with pytest.raises(EditError, match="ambiguous"):
        resolve_id("ab", ["abc", "abd"])
    with pytest.raises(EditError):
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
    assert (tmp_path / "claims.yaml.bak").read_text() == text
    assert parse_ledger(path.read_text()).articles == {}
