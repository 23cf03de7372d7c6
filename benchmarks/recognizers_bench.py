"""Quantity recognition on the Recognizers-Text English specs: claimcheck vs quantulum3.

    .venv/bin/python benchmarks/recognizers_bench.py [--spec-dir DIR] [--only-claimcheck]

Scores at the level of resolved values: a prediction matches an annotated
result when the values agree within 1e-6 relative (both ends for ranges) and,
where the spec names a unit, the unit family agrees. Number_NumberModel counts
every number a tool returns (claimcheck's ordinals excepted: the spec's number
model does not annotate ordinals), physical quantities by their value as
written; the typed files count precision only over what each tool labels as
that type. Time spans are left out of the dimension file for both tools: the
spec's DimensionModel does not annotate them (Recognizers-Text reads them in
its DateTime model). Cases whose NotSupported names python are
skipped; annotated results without a value (a bare "dollar") are not scored.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claimcheck.extract.quantities import find_quantities  # noqa: E402
from claimcheck.extract.units import SYMBOLS, WORDS  # noqa: E402
from claimcheck.models import Quantity  # noqa: E402

DEFAULT_SPEC_DIR = ROOT.parent / "shared" / "bench" / "recognizers-text"
FILES = (
    "Number_NumberModel", "Number_PercentModel", "Number_NumberRangeModel", "NumberWithUnit_CurrencyModel",
    "NumberWithUnit_DimensionModel",
)

# Spec unit name -> (claimcheck dimension, factor to claimcheck's canonical unit).
DIMENSIONS: dict[str, tuple[str, float]] = {
    "Acre": ("area", 4046.8564224), "Square meter": ("area", 1.0), "Square kilometer": ("area", 1e6),
    "Barrel": ("volume", 158.987294928), "Cubic foot": ("volume", 28.316846592),
    "Gallon": ("volume", 3.785411784), "Milliliter": ("volume", 1e-3), "Bit": ("data", 0.125),
    "Megabit": ("data", 1.25e5), "Megabyte": ("data", 1e6), "Decimeter": ("length", 0.1),
    "Foot": ("length", 0.3048), "Inch": ("length", 0.0254), "Kilometer": ("length", 1e3),
    "Meter": ("length", 1.0), "Mile": ("length", 1609.344), "Millimeter": ("length", 1e-3),
    "Picometer": ("length", 1e-12), "Gram": ("mass", 1.0), "Kilogram": ("mass", 1e3),
    "Metric ton": ("mass", 1e6), "Microgram": ("mass", 1e-6), "Ounce": ("mass", 28.349523125),
    "Pound": ("mass", 453.59237), "Ton": ("mass", 907184.74), "Kilometer per hour": ("speed", 1 / 3.6),
    "Mile per hour": ("speed", 0.44704),
}
# Spec currency name (when it gives no ISO code) -> acceptable codes and factor to the main unit.
CURRENCIES: dict[str, tuple[set[str], float]] = {
    "Dollar": ({"USD"}, 1.0), "Cent": ({"USD"}, 0.01), "Pound": ({"GBP"}, 1.0), "Pence": ({"GBP"}, 0.01),
    "Penny": ({"GBP"}, 0.01), "Franc": ({"CHF", "FRF"}, 1.0), "Peseta": ({"ESP"}, 1.0),
    "Finnish markka": ({"FIM"}, 1.0), "Netherlands guilder": ({"NLG"}, 1.0), "Rupee": ({"INR"}, 1.0),
    "Sen": ({"MYR"}, 0.01),
}
# quantulum3 entity name -> claimcheck dimension, for the unit family check.
Q3_DIMENSIONS = {
    "length": "length", "mass": "mass", "volume": "volume", "area": "area", "speed": "speed",
    "data storage": "data", "information": "data", "velocity": "speed",
}

Item = tuple[float | None, float | None, Any]  # low, high, family (None: any)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    cases: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.cases += other.cases
        self.seconds += other.seconds

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def ms(self) -> float:
        return 1000 * self.seconds / self.cases if self.cases else 0.0


def _num(s: str) -> float | None:
    s = s.strip().rstrip("%")
    return float(s) if s else None


def _range_value(v: str) -> tuple[float | None, float | None]:
    lo, hi = v.strip()[1:-1].split(",")
    return _num(lo), _num(hi)


def gold_items(name: str, results: list[dict[str, Any]]) -> list[Item]:
    out: list[Item] = []
    for r in results:
        res = r.get("Resolution") or {}
        value = res.get("value")
        if value is None:
            continue
        if name == "Number_NumberRangeModel":
            lo, hi = _range_value(value)
            out.append((lo, hi, None))
        elif name == "NumberWithUnit_CurrencyModel":
            iso = res.get("isoCurrency")
            codes, factor = ({iso}, 1.0) if iso else CURRENCIES.get(res.get("unit", ""), (None, 1.0))
            v = float(value) * factor
            out.append((v, v, codes))
        elif name == "NumberWithUnit_DimensionModel":
            dim, factor = DIMENSIONS.get(res.get("unit", ""), ("?", math.nan))
            v = float(value)
            out.append((v * factor, v * factor, (dim, v)))
        else:
            n = _num(value)
            out.append((n, n, None))
    return out


def _stated(q: Quantity, value: float | None) -> float | None:
    """A physical quantity's value in the unit as written ("3 years" -> 3), for the plain-number spec."""
    if q.kind != "unit" or value is None or not q.surface_unit:
        return value
    unit = SYMBOLS.get(q.surface_unit) or WORDS.get(q.surface_unit.lower().replace("-", " "))
    return value / unit.factor if unit is not None and not unit.offset else value


def claimcheck_items(name: str, text: str) -> list[Item]:
    out: list[Item] = []
    for q in find_quantities(text):
        ends = [(q.low, q.low), (q.high, q.high)] if q.qualifier == "range" else [(q.nominal, q.nominal)]
        if name == "Number_NumberModel":
            if q.kind != "ordinal":
                out.extend((_stated(q, lo), _stated(q, hi), None) for lo, hi in ends)
        elif name == "Number_PercentModel":
            if q.kind == "percent":
                out.extend((lo, hi, None) for lo, hi in ends)
        elif name == "Number_NumberRangeModel":
            if q.qualifier in ("over", "at_least"):
                out.append((q.nominal, None, None))
            elif q.qualifier in ("under", "at_most", "up_to"):
                out.append((None, q.nominal, None))
            elif q.qualifier == "range":
                out.append((q.low, q.high, None))
        elif name == "NumberWithUnit_CurrencyModel":
            if q.kind == "currency":
                out.extend((lo, hi, q.unit) for lo, hi in ends)
        elif q.kind == "unit" and q.dimension != "time":
            out.extend((lo, hi, q.dimension) for lo, hi in ends)
    return out


def quantulum_items(parse: Callable[[str], Any]) -> Callable[[str, str], list[Item]]:
    def items(name: str, text: str) -> list[Item]:
        out: list[Item] = []
        for q in parse(text):
            unit, entity = q.unit.name, q.unit.entity.name
            v = float(q.value)
            if name in ("Number_NumberModel", "Number_NumberRangeModel"):
                out.append((v, v, None))
            elif name == "Number_PercentModel":
                if unit == "percentage":
                    out.append((v, v, None))
            elif name == "NumberWithUnit_CurrencyModel":
                if entity == "currency":
                    small = any(w in unit for w in ("cent", "penny", "pence"))
                    code = getattr(q.unit, "currency_code", None) or ("GBP" if "pen" in unit else "USD")
                    out.append((v * 0.01 if small else v, v * 0.01 if small else v, code))
            elif entity in Q3_DIMENSIONS:
                out.append((v, v, (Q3_DIMENSIONS[entity], None)))
        return out

    return items


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)


def _matches(gold: Item, pred: Item, stated: bool) -> bool:
    g_lo, g_hi, g_fam = gold
    p_lo, p_hi, p_fam = pred
    if isinstance(g_fam, tuple):  # dimension: (family, value as stated)
        if p_fam is None:
            return False
        fam = p_fam[0] if isinstance(p_fam, tuple) else p_fam
        if fam != g_fam[0]:
            return False
        if stated:  # quantulum3 keeps the value in the stated unit
            return _close(p_lo, g_fam[1])
    elif isinstance(g_fam, set) and p_fam not in g_fam:
        return False
    return _close(g_lo, p_lo) and _close(g_hi, p_hi)


def run_file(path: Path, tool: Callable[[str, str], list[Item]], stated: bool) -> Score:
    name = path.stem
    score = Score()
    for case in json.loads(path.read_text(encoding="utf-8")):
        if "python" in (case.get("NotSupported") or "").lower():
            continue
        gold = gold_items(name, case.get("Results") or [])
        t0 = time.perf_counter()
        pred = tool(name, case["Input"])
        score.seconds += time.perf_counter() - t0
        score.cases += 1
        used = [False] * len(pred)
        tp = 0
        for g in gold:
            for k, p in enumerate(pred):
                if not used[k] and _matches(g, p, stated):
                    used[k] = True
                    tp += 1
                    break
        score.tp += tp
        score.fp += len(pred) - tp
        score.fn += len(gold) - tp
        if tp < len(gold) or tp < len(pred):
            score.errors.append(f"{case['Input'][:90]!r} gold={gold} pred={pred}")
    return score


def evaluate(
    spec_dir: Path, tool: Callable[[str, str], list[Item]], stated: bool = False
) -> dict[str, Score]:
    scores = {name: run_file(spec_dir / f"{name}.json", tool, stated) for name in FILES}
    total = Score()
    for s in scores.values():
        total.add(s)
    scores["overall"] = total
    return scores


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    return f"{cpu}, nproc {os.cpu_count()}, Python {platform.python_version()}"


def table(results: dict[str, dict[str, Score]]) -> str:
    lines = ["| file | tool | P | R | F1 | ms/case |", "|---|---|---|---|---|---|"]
    for name in (*FILES, "overall"):
        for tool, scores in results.items():
            p, r, f = scores[name].prf()
            lines.append(f"| {name} | {tool} | {p:.3f} | {r:.3f} | {f:.3f} | {scores[name].ms():.3f} |")
    return "\n".join(lines)


def adversarial_timings() -> list[tuple[str, float]]:
    """Seconds per 100 KB of pathological input: the recognizer must stay linear."""
    size = 100_000
    inputs = {
        "100,000 digits": "7" * size,
        '"1,1,1,..."': ("1," * size)[:size],
        '"1 1 1 ..."': ("1 " * size)[:size],
        "spaces": " " * size,
        "punctuation": ("-.,;:/%$" * size)[:size],
        "one 100 KB word": "a" * size,
        '"one hundred and ..."': ("one hundred and " * size)[:size],
        '"5 kmh ..." (dense units)': ("5 kmh " * size)[:size],
    }
    out = []
    for label, text in inputs.items():
        t0 = time.perf_counter()
        find_quantities(text)
        out.append((label, time.perf_counter() - t0))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spec-dir", type=Path, default=DEFAULT_SPEC_DIR)
    ap.add_argument("--only-claimcheck", action="store_true")
    ap.add_argument("--errors", action="store_true", help="print claimcheck's misses")
    args = ap.parse_args()
    find_quantities("warm up 2.7 million units")
    results = {"claimcheck": evaluate(args.spec_dir, claimcheck_items)}
    if not args.only_claimcheck:
        warnings.filterwarnings("ignore")
        from quantulum3 import parser as q3

        q3.parse("warm up 5 km")
        results["quantulum3"] = evaluate(args.spec_dir, quantulum_items(q3.parse), stated=True)
    print(f"machine: {machine()}")
    print(table(results))
    if "quantulum3" in results:
        speed = results["quantulum3"]["overall"].ms() / max(results["claimcheck"]["overall"].ms(), 1e-9)
        print(f"claimcheck is {speed:.0f}x faster per case than quantulum3")
    print("adversarial input, 100 KB each: " + ", ".join(f"{k} {v:.3f}s" for k, v in adversarial_timings()))
    if args.errors:
        for name in FILES:
            for e in results["claimcheck"][name].errors:
                print(name, e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
