"""Time the whole extractor on hostile texts: seconds per 100 KB at 100 KB and 200 KB.

    python benchmarks/adversarial_bench.py            # every input, 100 KB and 200 KB
    python benchmarks/adversarial_bench.py --sizes 100000 200000 400000 --only digits

Each input runs through ``extract_claims`` (sentences, quantities, time expressions, entities,
claim assembly). Linear code shows about the same seconds per 100 KB at every size; a ratio
(200 KB time / 100 KB time) well above 2 points at super-linear work. The inputs are the same as
``tests/test_adversarial_pipeline.py`` uses.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from claimcheck.extract.entities import AliasTable
from claimcheck.extract.extractor import extract_claims
from claimcheck.models import Article


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


INPUTS: dict[str, Callable[[int], str]] = {
    "digits": _repeat("7"),
    "comma-ones": _repeat("1,"),
    "whitespace": _repeat(" \t \u00a0\n"),
    "spaces": _repeat(" "),
    "punctuation": _repeat("-.,;:/%$!?()[]"),
    "one-word": _repeat("a"),
    "capitalised-run": _repeat("Aaa Bbb Ccc "),
    "all-of": _repeat("all of "),
    "dollar-ones": _repeat("$1 "),
    "long-line": _repeat("the company said revenue rose 5% and "),
    "table-pipes": _repeat("| 12 | Acme | 3.4 million "),
    "pipes": _repeat("|"),
    "dots": _repeat("."),
    "newlines": _repeat("\n"),
    "quotes": _repeat("\"'“”"),
    "said-chain": _repeat("Acme said "),
    "dates": _repeat("in 2027 "),
    "percent-range": _repeat("20-25% "),
    "sentences": _repeat("Acme deployed 5,000 units in 2024. "),
}


def article(text: str) -> Article:
    return Article(id="adv", path="adv.txt", format="txt", text=text)


def time_extract(text: str) -> float:
    start = time.perf_counter()
    extract_claims(article(text), AliasTable(None))
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 200_000])
    parser.add_argument("--only", nargs="*", default=None, help="input names (default: all)")
    args = parser.parse_args()
    names = args.only or list(INPUTS)
    header = "".join(f"{size // 1000:>8} KB" for size in args.sizes)
    print(f"{'input':<16}{header}   (seconds per 100 KB)   ratio last/first")
    worst = 0.0
    for name in names:
        per = [time_extract(INPUTS[name](size)) / (size / 100_000) for size in args.sizes]
        ratio = per[-1] / per[0] if per[0] > 0 else 0.0
        worst = max(worst, ratio)
        cells = "".join(f"{value:>11.3f}" for value in per)
        print(f"{name:<16}{cells}   {ratio:>5.2f}", flush=True)
    print(f"worst ratio {worst:.2f} (about 1 is linear; 2 at a doubling means quadratic)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
