"""Lexicons are data files, one set per language: each file has the shape its loader expects, and a language
is added by writing files beside en.yaml, without touching code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from claimcheck.language import lexicon as lexicon_module
from claimcheck.language.lexicon import (
    LEXICON_PARTS,
    Lexicon,
    QuantityLexicon,
    available_languages,
    lexicon_folder,
    load_lexicon,
    load_quantity_lexicon,
)

FILES = sorted(p.name for p in lexicon_folder().iterdir() if p.name.endswith(".yaml"))


def test_the_package_ships_english_and_its_quantity_words() -> None:
    assert "en.yaml" in FILES and "en.quantities.yaml" in FILES


@pytest.mark.parametrize("name", FILES)
def test_every_lexicon_file_has_the_shape_of_its_model(name: str) -> None:
    language, *part = name.removesuffix(".yaml").split(".")
    assert len(part) <= 1, f"{name}: a lexicon file is <language>.yaml or <language>.<part>.yaml"
    model = LEXICON_PARTS[part[0]] if part else Lexicon
    data = yaml.safe_load((lexicon_folder() / name).read_text(encoding="utf-8"))
    loaded = model.model_validate(data)  # raises on a missing, unknown or mistyped entry
    assert loaded.model_dump()["language"] == language
    assert f"{language}.yaml" in FILES, f"{name} belongs to a language without {language}.yaml"


@pytest.mark.parametrize("language", available_languages())
def test_every_language_has_its_quantity_words(language: str) -> None:
    words = load_quantity_lexicon(language)
    assert isinstance(words, QuantityLexicon) and words.language == language
    assert words.ones and words.scales and words.units and words.qualifiers and words.months
    assert all(1 <= month <= 12 for month in words.months.values())
    assert {e.dim for e in words.units if e.unit} >= {"percent", "length", "mass", "time", "currency"}


def test_a_malformed_unit_entry_is_refused() -> None:
    data = yaml.safe_load((lexicon_folder() / "en.quantities.yaml").read_text(encoding="utf-8"))
    data["units"].append({"unit": "m", "words": ["rod"]})  # no dimension
    with pytest.raises(ValueError, match="dimension"):
        QuantityLexicon.model_validate(data)
    data["units"][-1] = {"unit": "m", "dim": "length", "kind": "length"}  # no such kind
    with pytest.raises(ValueError):
        QuantityLexicon.model_validate(data)


def test_a_second_language_beside_en_is_listed_and_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "lexicons"
    shutil.copytree(Path(str(lexicon_folder())), folder)
    for name in ("en.yaml", "en.quantities.yaml"):
        text = (folder / name).read_text(encoding="utf-8").replace("\nlanguage: en\n", "\nlanguage: xx\n")
        (folder / name.replace("en", "xx", 1)).write_text(text, encoding="utf-8")
    monkeypatch.setattr(lexicon_module, "lexicon_folder", lambda: folder)

    assert available_languages() == ("en", "xx")  # a part ("xx.quantities.yaml") is not a language
    # The uncached loaders: the process-wide caches must not keep a language that is not in the package.
    assert load_lexicon.__wrapped__("xx").language == "xx"
    assert load_quantity_lexicon.__wrapped__("xx").language == "xx"
