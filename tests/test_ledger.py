"""Loading claims.yaml: the happy path, and every error naming its line and field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.ledger import MAX_LEDGER_BYTES, LedgerError, find_default_ledger, load_ledger, parse_ledger
from claimcheck.ledger.facts import canonical_subject, fact_claims
from claimcheck.models import ClaimKind, Quantity

DATA = Path(__file__).parent / "data" / "ledger"


def test_valid_ledger_loads_with_lines() -> None:
    ledger = load_ledger(DATA / "valid.yaml")
    assert ledger.version == 1
    assert ledger.path == str(DATA / "valid.yaml")
    assert ledger.articles["002_61433f79298d028a"].published == dt.date(2026, 1, 15)
    assert ledger.entities["Trainium2"].parent == "Trainium"
    assert ledger.facts[1].value == "2027"  # a bare number reads as text
    assert ledger.acknowledged[1].expires == dt.date(2000, 1, 31)
    assert ledger.line_of("facts", 0) == 21
    assert ledger.line_of("facts", 1) == 26
    assert ledger.line_of("acknowledged", 1, "status") == 36
    assert ledger.acknowledgement("aaaa1111bbbb2222") is not None
    assert ledger.acknowledgement("nope") is None


@pytest.mark.parametrize(
    ("name", "line", "expected"),
    [
        ("bad_status.yaml", 7, "acknowledged[1].status: must be one of accepted, false-positive (got 'ok')"),
        ("duplicate_key.yaml", 5, "entities.Foo: duplicate key 'Foo' (first on line 3)"),
        ("not_yaml.yaml", 4, "not valid YAML"),
        ("top_list.yaml", 1, "top level must be a mapping (got a list)"),
        ("bad_date.yaml", 4, "articles.a.published: not a valid date, expected YYYY-MM-DD"),
        ("unknown_field.yaml", 6, "facts[0].sauce: unknown field (known fields: subject, measure, kind, event, time"),
        ("version2.yaml", 1, "version: unsupported ledger version 2"),
        ("python_tag.yaml", 2, "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
    ],
)
def test_errors_name_file_line_and_field(name: str, line: int, expected: str) -> None:
    with pytest.raises(LedgerError) as info:
        load_ledger(DATA / name)
    assert info.value.line == line
    assert str(info.value).startswith(f"{DATA / name}:{line}: ")
    assert expected in str(info.value)


def test_python_tag_executes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(LedgerError):
        load_ledger(DATA / "python_tag.yaml")
    assert not (tmp_path / "PWNED").exists()


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("entities: 5", "claims.yaml:1: entities: must be a mapping (got 5)"),
        ("entities:\n  X:\n    aliases: 5", "claims.yaml:3: entities.X.aliases: must be a list (got 5)"),
        ("facts:\n - subject: x\n   measure: y", "claims.yaml:2: facts[0].value: required field is missing"),
        ("acknowledged:\n - id: a\n   status: accepted\n - id: a\n   status: accepted", "acknowledged twice"),
        ("a: !!set {x}", "YAML tag"),
        ("---\na: 1\n---\nb: 2", "single document"),
        ("articles:\n  a:\n    published: yesterday", "not a valid date"),
    ],
)
def test_more_shapes(text: str, fragment: str) -> None:
    with pytest.raises(LedgerError) as info:
        parse_ledger(text)
    assert fragment in str(info.value)


def test_alias_bomb_is_refused() -> None:
    rows = ["a: &a [1,1,1,1,1,1,1,1,1,1]"]
    for prev, name in zip("abcdef", "bcdefg", strict=True):
        rows.append(f"{name}: &{name} [{', '.join(['*' + prev] * 10)}]")
    with pytest.raises(LedgerError, match="more than"):
        parse_ledger("\n".join(rows))


def test_huge_file_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_LEDGER_BYTES + 1)
    with pytest.raises(LedgerError, match=f"{MAX_LEDGER_BYTES + 1:,} bytes"):
        load_ledger(path)


def test_empty_and_blank_sections_are_empty() -> None:
    assert parse_ledger("").acknowledged == ()
    ledger = parse_ledger("version: 1\nacknowledged:\nentities:\n  Foo:\n")
    assert ledger.acknowledged == () and ledger.entities["Foo"].aliases == ()


def test_missing_file_is_a_ledger_error(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match="cannot read"):
        load_ledger(tmp_path / "nope.yaml")


def test_find_default_ledger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert find_default_ledger(tmp_path) is None
    (tmp_path / "claims.yaml").write_text("version: 1\n")
    assert find_default_ledger(tmp_path) == tmp_path / "claims.yaml"
    monkeypatch.chdir(tmp_path)
    assert find_default_ledger() == Path("claims.yaml")


# --------------------------------------------------------------------------- facts


def _stub_quantities(text: str) -> list[Quantity]:
    """Stands in for claimcheck.extract.quantities.find_quantities in these tests."""
    if text == "2027":
        return [Quantity(start=0, end=4, text="2027", kind="year", nominal=2027, low=2027, high=2027,
                         unit="", dimension="time")]
    if text.startswith("1.4 million"):
        return [Quantity(start=0, end=11, text="1.4 million", kind="number", nominal=1.4e6, low=1.35e6,
                         high=1.45e6, unit="", dimension="number", noun="chip")]
    return []


def test_fact_claims() -> None:
    ledger = load_ledger(DATA / "valid.yaml")
    chips, year = fact_claims(ledger, _stub_quantities)
    assert chips.article == "ledger" and chips.path == str(DATA / "valid.yaml")
    assert chips.line == 21 and year.line == 26
    assert chips.subject == "Trainium2"  # the alias Trn2, canonicalised
    assert chips.measure == "chip deployed"
    assert chips.quote == "1.4 million chips"
    assert chips.kind is ClaimKind.NUMERIC
    assert (chips.value.low, chips.value.high) == (1.35e6, 1.45e6)
    assert chips.value.display == "1,350,000–1,450,000 chip"
    assert chips.time is not None and chips.time.start == dt.date(2025, 10, 30)
    assert chips.attribution == "company statement"
    assert year.kind is ClaimKind.TEMPORAL
    assert year.value.low == dt.date(2027, 1, 1).toordinal()
    assert year.value.high == dt.date(2027, 12, 31).toordinal()
    assert chips.id != year.id and chips.id == fact_claims(ledger, _stub_quantities)[0].id


def test_fact_without_a_number_is_categorical() -> None:
    ledger = parse_ledger("facts:\n  - subject: Foo\n    measure: ceo\n    value: Jane Doe\n")
    (claim,) = fact_claims(ledger, _stub_quantities)
    assert claim.kind is ClaimKind.CATEGORICAL and claim.value.low is None and claim.line == 2


def test_canonical_subject_is_case_insensitive() -> None:
    ledger = load_ledger(DATA / "valid.yaml")
    assert canonical_subject("trn", ledger) == "Trainium"
    assert canonical_subject("trainium chips", ledger) == "Trainium"
    assert canonical_subject(" Unknown Co ", ledger) == "Unknown Co"
