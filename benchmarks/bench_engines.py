"""Time the local engine and the dask engine with one and two workers on one corpus.

    python benchmarks/bench_engines.py [--articles 6000] [--copies-of FOLDER] [--repeat 2]

The corpus, in a temporary folder: --articles synthetic articles (benchmarks/synth.py, seed 1: stories
of 4-6 articles, so findings grow with the corpus, not with copies), or with --copies-of FOLDER
(say ../shared/realnews) that folder copied until it holds --articles files, a distinct last line
per copy (repeated stories: the grouping stage, on the client, then grows with the square of the
number of copies). Each configuration runs the CLI cold (--no-cache) in a
fresh process; the best of --repeat runs counts. The fixed cost (interpreter, imports, starting a
local cluster) is measured on a one-article corpus and subtracted to give the work time. The
reports of all configurations must be byte-identical; the script says so. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import tempfile
from pathlib import Path

import synth
from benchlib import (
    Corpus,
    audit_cmd,
    copy_corpus,
    markdown_table,
    parallel_headroom,
    source_articles,
    timed,
)

CONFIGS = {
    "local, 1 process": ["--jobs", "1"],
    "local, 2 processes": ["--jobs", "2"],
    "dask, 1 worker": ["--engine", "dask", "--jobs", "1"],
    "dask, 2 workers": ["--engine", "dask", "--jobs", "2"],
}


def best(corpus: Path, options: list[str], work: Path, repeat: int) -> tuple[float, float, bytes]:
    """(best seconds, peak MB of that run, report bytes) over ``repeat`` cold runs."""
    runs = []
    report = work / "report.json"
    for _ in range(repeat):
        run = timed(audit_cmd(corpus, report, "--no-cache", *options), work)
        if run.exit_code not in (0, 1):
            raise SystemExit(f"audit {' '.join(options)} failed with exit {run.exit_code}")
        runs.append(run)
    fastest = min(runs, key=lambda r: r.seconds)
    return fastest.seconds, fastest.peak_mb, report.read_bytes()


def synthetic(n_articles: int, dest: Path) -> Corpus:
    synth.generate(dest, n_articles, 1)
    (dest / "gold.yaml").unlink(missing_ok=True)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in dest.iterdir())
    return Corpus(dest, n_articles, words)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=6000)
    parser.add_argument("--copies-of", type=Path, help="copy this folder instead of generating articles")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimcheck-engines-") as tmp:
        base = Path(tmp)
        if args.copies_of:
            sources = source_articles(args.copies_of)
            corpus = copy_corpus(sources, args.articles, base / "corpus")
            single = copy_corpus(sources, 1, base / "single")
        else:
            corpus = synthetic(args.articles, base / "corpus")
            single = synthetic(1, base / "single")
        work = base / "work"
        work.mkdir()
        origin = args.copies_of or "benchmarks/synth.py, seed 1"
        print(f"{corpus.articles:,} articles, {corpus.words:,} words ({origin}); "
              f"{os.cpu_count()} CPUs, Python {platform.python_version()}\n", flush=True)
        print(f"parallel headroom: {parallel_headroom():.2f} of 2 busy processes run at once", flush=True)
        rows, digests, times = [], set(), {}
        for name, options in CONFIGS.items():
            fixed, _, _ = best(single.path, options, work, args.repeat)
            wall, peak, report = best(corpus.path, options, work, args.repeat)
            digests.add(hashlib.sha256(report).hexdigest())
            times[name] = (wall, wall - fixed)
            rows.append([name, f"{wall:.2f}", f"{fixed:.2f}", f"{wall - fixed:.2f}",
                         f"{corpus.words / max(wall - fixed, 1e-9):,.0f}", f"{peak:.0f}"])
            print(f"  {name}: {wall:.2f} s", flush=True)
    print()
    print(markdown_table(["engine", "wall s", "fixed s (1 article)", "work s", "words/s (work)",
                          "peak MB (client)"], rows))
    one, two = times["dask, 1 worker"], times["dask, 2 workers"]
    print(f"\ndask speed-up from 1 to 2 workers: {one[0] / two[0]:.2f}x wall, {one[1] / two[1]:.2f}x work")
    local1, local2 = times["local, 1 process"], times["local, 2 processes"]
    print(f"local speed-up from 1 to 2 processes: {local1[0] / local2[0]:.2f}x wall, "
          f"{local1[1] / local2[1]:.2f}x work")
    print("reports byte-identical across engines: " + ("yes" if len(digests) == 1 else "NO"))
    print(f"parallel headroom after the runs: {parallel_headroom():.2f} of 2 busy processes ran at once")


if __name__ == "__main__":
    main()
