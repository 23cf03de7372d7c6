"""Regression floor: claimcheck alone on the Recognizers-Text English specs (no quantulum3)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC_DIR = ROOT.parent / "shared" / "bench" / "recognizers-text"


def _bench() -> object:
    spec = importlib.util.spec_from_file_location(
        "recognizers_bench", ROOT / "benchmarks" / "recognizers_bench.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SPEC_DIR.is_dir(), reason=f"Recognizers-Text specs not found at {SPEC_DIR}")
def test_overall_f1_floor() -> None:
    bench = _bench()
    scores = bench.evaluate(SPEC_DIR, bench.claimcheck_items)  # type: ignore[attr-defined]
    p, r, f1 = scores["overall"].prf()
    assert f1 >= 0.88, f"overall P {p:.3f} R {r:.3f} F1 {f1:.3f}"
