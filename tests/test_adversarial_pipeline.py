"""The whole extractor stays roughly linear on hostile 100 KB texts (not just quantity recognition).

Each input runs through ``extract_claims`` in a forked child with a watchdog, so a quadratic case
fails in seconds instead of hanging the suite. The bound (4 s per 100 KB) is generous: most linear inputs
take a fraction of it. ``benchmarks/adversarial_bench.py`` prints the timings at 100 and 200 KB.
"""

from __future__ import annotations

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

SIZE = 100_000
LIMIT_S = 4.0  # per 100 KB; the slowest linear inputs take about 2 s on a loaded 2-CPU machine



def _child(text: str, conn: multiprocessing.connection.Connection) -> None:
    start = time.perf_counter()
    claims = extract_claims(Article(id="adv", path="adv.txt", format="txt", text=text), AliasTable(None))
    bad = [c for c in claims if text[c.start : c.end] != c.quote]
    conn.send((time.perf_counter() - start, len(claims), len(bad)))


def _timed(text: str, limit: float) -> tuple[float, int, int] | None:
    """(seconds, claims, claims with a wrong span), or None when the child outlived ``limit``."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(text, send), daemon=True)
    child.start()
    send.close()
    ready = receive.poll(limit)
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
    text = INPUTS[name](SIZE)
    assert len(text) == SIZE
    got = _timed(text, LIMIT_S)
    assert got is not None, f"{name}: extract_claims did not finish within {LIMIT_S:.0f}s for 100 KB"
    seconds, _, bad = got
    assert bad == 0, f"{name}: {bad} claims whose quote is not the text at their span"
    assert seconds < LIMIT_S, f"{name}: {seconds:.2f}s for 100 KB (limit {LIMIT_S}s)"


def test_inputs_cover_the_brief() -> None:
    wanted = {"digits", "comma-ones", "whitespace", "punctuation", "one-word", "capitalised-run", "all-of",
              "dollar-ones", "long-line", "table-pipes"}
    assert wanted <= set(INPUTS)
