"""Golden reports of the seed corpus; regenerate with ``scripts/regen_golden.py`` and review the diff."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DIR = ROOT / "tests" / "golden"


def _regen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("regen_golden", ROOT / "scripts" / "regen_golden.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("regen_golden", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def reports() -> dict[str, str]:
    regen = _regen()
    missing = [n for n in regen.GOLDEN_FORMATS.values() if not (GOLDEN_DIR / n).exists()]
    if missing:
        pytest.skip(
            f"golden files absent ({', '.join(missing)}): run `.venv/bin/python scripts/regen_golden.py`, "
            "review and commit tests/golden/"
        )
    try:
        result = regen.seed_audit()
    except NotImplementedError:
        pytest.skip("claimcheck.pipeline.run_audit is not implemented yet")
    produced: dict[str, str] = regen.golden_reports(result)
    return produced


@pytest.mark.parametrize("name", ["seeds.json", "seeds.md", "seeds.csv", "seeds.sarif"])
def test_matches_golden(reports: dict[str, str], name: str) -> None:
    expected = (GOLDEN_DIR / name).read_bytes().decode("utf-8")  # bytes: CSV keeps its CRLF
    assert reports[name] == expected, (
        f"tests/golden/{name} differs from what claimcheck now produces; if the change is intended, "
        "run `.venv/bin/python scripts/regen_golden.py` and review the diff"
    )
