"""Time `claimcheck audit` on synthetic corpora of growing size.

    python benchmarks/scale_bench.py [--sizes 100 1000 10000] [--with-100k] [--jobs 2] [--score]

For each size: generate a corpus with benchmarks/synth.py (cached between runs in --workdir),
run the audit in a fresh process (cold cache), add one article and run again (warm cache), and
record wall time and peak RSS (the largest single process, from getrusage in a wrapper process).
Prints a table, the scaling exponent (slope of log time against log n) and how it compares with
n log n. Options the CLI does not offer (yet) are left out, so the script works as the CLI grows.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth
from benchlib import ENV, ROOT, timed


def audit_command(corpus: Path, output: Path, jobs: int, cache_dir: Path) -> list[str]:
    """The audit command line, using only the options the installed CLI accepts."""
    help_text = subprocess.run(
        [sys.executable, "-m", "claimcheck", "audit", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=ENV,
    ).stdout
    cmd = [sys.executable, "-m", "claimcheck", "audit", str(corpus)]
    if "--format" in help_text:
        cmd += ["--format", "json"]
    if "--output" in help_text or " -o" in help_text:
        cmd += ["-o", str(output)]
    if "--jobs" in help_text:
        cmd += ["--jobs", str(jobs)]
    if "--cache-dir" in help_text:
        cmd += ["--cache-dir", str(cache_dir)]
    return cmd


def corpus_for(workdir: Path, n: int, seed: int) -> tuple[Path, float]:
    corpus = workdir / f"synth-{n}-{seed}"
    marker = corpus / ".complete"
    if marker.exists():
        return corpus, 0.0
    shutil.rmtree(corpus, ignore_errors=True)
    start = time.perf_counter()
    synth.generate(corpus, n, seed)
    marker.write_text("ok")
    return corpus, time.perf_counter() - start


def add_one_article(corpus: Path, seed: int) -> None:
    extra = corpus.parent / f"extra-{seed}"
    synth.generate(extra, 1, seed + 10_000)
    shutil.copy(next(extra.glob("*.txt")), corpus / "zz_added.txt")
    shutil.rmtree(extra)


def exponent(points: list[tuple[int, float]]) -> float:
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(t, 1e-6)) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else float("nan")


def score_run(output: Path, corpus: Path) -> str:
    if not output.exists() or output.stat().st_size == 0:
        return "-"
    sys.path.insert(0, str(ROOT))
    from claimcheck.evaluate import load_gold, predictions_from_report, score

    report = score(
        predictions_from_report(json.loads(output.read_text())), load_gold(corpus / "gold.yaml", corpus)
    )
    return f"R {report.recall:.2f} P {report.precision:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--with-100k", action="store_true", help="also run 100,000 articles")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "claimcheck-bench")
    parser.add_argument("--score", action="store_true", help="score each run against the synthetic gold")
    parser.add_argument("--json", type=Path, help="write the measurements here")
    args = parser.parse_args()
    sizes = sorted(set(args.sizes + ([100_000] if args.with_100k else [])))
    args.workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    print(
        f"{'articles':>9} {'gen s':>7} {'cold s':>8} {'art/s':>8} {'RSS MB':>8} {'+1 warm s':>10} "
        f"{'RSS MB':>8} {'exit':>5}  accuracy",
        flush=True,
    )
    for n in sizes:
        corpus, gen = corpus_for(args.workdir, n, args.seed)
        (corpus / "zz_added.txt").unlink(missing_ok=True)
        run_dir = args.workdir / f"run-{n}"
        shutil.rmtree(run_dir, ignore_errors=True)
        run_dir.mkdir()
        output = run_dir / "report.json"
        cmd = audit_command(corpus, output, args.jobs, run_dir / ".claimcheck")
        first = timed(cmd, run_dir)
        rc, cold, rss = first.exit_code, first.seconds, first.peak_mb
        if rc == 1 and "-o" in cmd and not output.exists():
            rc = 99  # a crash (traceback) also exits 1; no report means it did not finish
        accuracy = score_run(output, corpus) if args.score and rc in (0, 1) else ""
        add_one_article(corpus, args.seed)
        second = timed(cmd, run_dir)
        rc2, warm, rss2 = second.exit_code, second.seconds, second.peak_mb
        row = {
            "n": n,
            "generate_s": round(gen, 2),
            "cold_s": round(cold, 2),
            "cold_rss_mb": round(rss),
            "warm_s": round(warm, 2),
            "warm_rss_mb": round(rss2),
            "exit": rc,
            "exit_warm": rc2,
            "accuracy": accuracy,
        }
        rows.append(row)
        print(
            f"{n:>9,} {gen:>7.1f} {cold:>8.2f} {n / cold:>8.0f} {rss:>8.0f} {warm:>10.2f} {rss2:>8.0f} "
            f"{rc:>5}  {accuracy}",
            flush=True,
        )
    ok = [(r["n"], r["cold_s"]) for r in rows if r["exit"] in (0, 1)]
    if len(ok) >= 2:
        slope = exponent(ok)
        lo, hi = ok[0][0], ok[-1][0]
        nlogn = 1 + math.log(math.log(hi) / math.log(lo)) / math.log(hi / lo)
        verdict = "within" if slope <= nlogn + 0.05 else "ABOVE"
        print(f"\nscaling exponent {slope:.2f} (n log n over {lo:,}..{hi:,} is {nlogn:.2f}: {verdict})")
    if any(r["exit"] not in (0, 1) for r in rows):
        print("note: some runs failed (exit 2+, or 99: no report written); their times are not meaningful")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
