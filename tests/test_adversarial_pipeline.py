"""The whole extractor stays roughly linear on hostile texts (not just quantity recognition).

Each input runs through ``extract_claims`` at two sizes, four times apart, in a forked child with a
watchdog (so a quadratic case fails instead of hanging the suite). The test asserts how the time
grows, never a wall-clock limit: linear work takes about 4 times as long at 4 times the size,
quadratic work 16 times, whatever the machine's speed or load. ``benchmarks/adversarial_bench.py``
prints the timings at 100 and 200 KB.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
import time
from pathlib import Path

import pytest

from claimcheck.extract.entities import AliasTable
from claimcheck.extract.extractor import extract_claims
from claimcheck.models import Article

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from adversarial_bench import INPUTS

SMALL, LARGE = 12_500, 50_000
MAX_GROWTH = 9.0  # linear is about 4, quadratic about 16
FLOOR_S = 0.01  # below this a timing is noise: the small run counts as at least this long
HANG_S = 300.0  # the watchdog: only a run that never ends hits it


def _best_of(text: str, runs: int) -> tuple[float, int]:
    """The least time of ``runs`` extractions, and the number of claims with a wrong span."""
    best, bad = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        claims = extract_claims(Article(id="adv", path="adv.txt", format="txt", text=text), AliasTable(None))
        best = min(best, time.perf_counter() - start)
        bad = sum(text[c.start : c.end] != c.quote for c in claims)
    return best, bad


def _child(name: str, conn: multiprocessing.connection.Connection) -> None:
    # the fork inherits every object the test session made: without this, a collection that scans
    # them lands in whichever run triggers it, and the timing measures the session, not the extractor
    gc.freeze()
    small, _ = _best_of(INPUTS[name](SMALL), 2)
    large, bad = _best_of(INPUTS[name](LARGE), 2)
    conn.send((small, large, bad))


def _timed(name: str) -> tuple[float, float, int] | None:
    """(seconds at SMALL, seconds at LARGE, claims with a wrong span), or None when the child hung."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(name, send), daemon=True)
    child.start()
    send.close()
    ready = receive.poll(HANG_S)
    result = receive.recv() if ready else None
    if child.is_alive():
        child.kill()
    child.join(5)
    return result


def _cases() -> list[object]:
    cases: list[object] = []
    for name in INPUTS:
        cases.append(pytest.param(name, id=name))
    return cases


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs fork for the watchdog")
@pytest.mark.parametrize("name", _cases())
def test_extractor_is_linear_enough(name: str) -> None:
    assert len(INPUTS[name](LARGE)) == LARGE
    got = _timed(name)
    assert got is not None, f"{name}: extract_claims did not finish within {HANG_S:.0f}s"
    small, large, bad = got
    assert bad == 0, f"{name}: {bad} claims whose quote is not the text at their span"
    growth = large / max(small, FLOOR_S)
    assert growth < MAX_GROWTH, f"{name}: {small:.3f}s at {SMALL:,} chars, {large:.3f}s at {LARGE:,} ({growth:.1f}x)"


def test_inputs_cover_the_brief() -> None:
    wanted = {"digits", "comma-ones", "whitespace", "punctuation", "one-word", "capitalised-run", "all-of",
              "dollar-ones", "long-line", "table-pipes"}
    assert wanted <= set(INPUTS)
