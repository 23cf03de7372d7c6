from __future__ import annotations

from claimcheck.extract.entities import (
    AliasTable,
    capitalised_mid_sentence,
    find_mentions,
    generation_parent,
    looks_like_product,
)
from claimcheck.ledger.schema import EntitySpec, Ledger
from claimcheck.resolve import EntityGraph


def names(text: str, ledger: Ledger | None = None, heading: bool = False) -> list[str]:
    known = capitalised_mid_sentence(text)
    return [m.name for m in find_mentions(text, 0, len(text), AliasTable(ledger), known, heading)]


def test_possessives_split_names_and_titles_are_dropped() -> None:
    text = "Acme CEO Jane Roe said Acme's Zorblax3 beats Vantor's rival, and Zorblax3 ships."
    assert names(text) == ["Acme", "Jane Roe", "Acme", "Zorblax3", "Vantor", "Zorblax3"]


def test_sentence_initial_words_need_evidence() -> None:
    text = "However, sales rose. Meanwhile the Orbis fleet grew. Orbis is large."
    assert names(text) == ["Orbis", "Orbis"]


def test_title_case_headings_keep_only_trusted_names() -> None:
    text = "How Helix Powers The Region\nthe Helix plant"
    known = capitalised_mid_sentence(text)
    found = find_mentions(text, 0, 27, AliasTable(None), known, heading=True)
    assert [m.name for m in found] == ["Helix"]


def test_versioned_names_and_generation_parents() -> None:
    assert names("Users moved from Nimbus 2.5 Pro to Nimbus 3 Lite last year.") == [
        "Nimbus 2.5 Pro", "Nimbus 3 Lite"
    ]
    assert generation_parent("Zorblax3") == "Zorblax"
    assert generation_parent("Nimbus 2.5 Pro") == "Nimbus"
    assert generation_parent("GX200") is None  # an all-caps stem is a model code, not a family
    assert looks_like_product("Zorblax3") and not looks_like_product("Vantor")


def test_ledger_aliases_win_and_are_longest_first() -> None:
    ledger = Ledger(entities={"Zorblax": EntitySpec(aliases=("Acme Zorblax", "ZBX"))})
    assert names("The Acme Zorblax and the ZBX unit sold well.", ledger) == ["Zorblax", "Zorblax"]


def test_graph_learns_defined_acronyms_and_generations_but_nothing_from_longer_names() -> None:
    from claimcheck.models import Article

    article = Article(id="a", path="a.txt", format="txt", text="Northwind Logistics (NL) said so.")
    names_seen = {"Northwind Logistics", "NL", "Acme", "Zorblax", "Acme Zorblax", "Zorblax3", "Hollin Island"}
    graph = EntityGraph(None, names_seen, [article])
    assert graph.canonical("Northwind Logistics") == "NL"
    # "Acme Zorblax" in one article does not make "Zorblax" a product of Acme everywhere, nor does a
    # place's long name make its last word a name of its own
    assert graph.canonical("Acme Zorblax") == "Acme Zorblax"
    assert graph.canonical("Hollin Island") == "Hollin Island"
    assert "Acme" not in graph.makers("Zorblax3")
    assert graph.within("Zorblax3", "Zorblax") and not graph.within("Zorblax", "Zorblax3")
