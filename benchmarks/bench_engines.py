"""Time the local engine and the dask engine with one and two workers on one corpus.

    python benchmarks/bench_engines.py [--articles 6000] [--copies-of FOLDER] [--repeat 3] [--group-on]

The corpus, in a temporary folder: --articles synthetic articles (benchmarks/synth.py, seed 1: stories
of 4-6 articles, so findings grow with the corpus, not with copies), or with --copies-of FOLDER
(say ../shared/realnews) that folder copied until it holds --articles files, a distinct last line
per copy (repeated stories: the grouping stage, on the client, then grows with the square of the
number of copies). Each configuration runs the CLI cold (--no-cache) in a fresh process, in
--repeat rounds that take the configurations in turn (so a busy spell on a shared machine hits all
of them); the fastest run of each counts. The fixed cost (interpreter, imports, starting a local
cluster) is measured on a one-article corpus and subtracted to give the work time. CPU is the user
and system time of all the run's processes: what the run costs, whatever else shares the machine.
The client's own peak memory (the claimcheck process, without its
workers) is read from inside it. With --group-on the configurations are the dask engine with two
workers grouping on the client (the gathered claims) and on the workers (claims partitioned by
measure), beside the local engine. The reports of all configurations must be byte-identical; the
script says so. Prints a Markdown table, and the parallel headroom (how many of two busy processes
ran at once) before and after.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import sys
import tempfile
from pathlib import Path

import synth
from benchlib import (
    Corpus,
    Run,
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
GROUP_ON_CONFIGS = {
    "local, 1 process": ["--jobs", "1"],
    "dask, 2 workers, grouping on client": ["--engine", "dask", "--jobs", "2", "--group-on", "client"],
    "dask, 2 workers, grouping on workers": ["--engine", "dask", "--jobs", "2", "--group-on", "workers"],
}
# The claimcheck command run in-process, writing its own peak RSS (KiB, workers not included) to the
# file named by argv[1] at exit: the wrapper in benchlib sees only the largest of all processes.
_CLIENT = (
    "import atexit, resource, sys\n"
    "out = sys.argv.pop(1)\n"
    "atexit.register(lambda: open(out, 'w').write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))\n"
    "sys.argv[0] = 'claimcheck'\n"
    "from claimcheck.cli import main\n"
    "main()\n"
)


def synthetic(n_articles: int, dest: Path) -> Corpus:
    synth.generate(dest, n_articles, 1)
    (dest / "gold.yaml").unlink(missing_ok=True)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in dest.iterdir())
    return Corpus(dest, n_articles, words)


def run(corpus: Path, options: list[str], work: Path) -> tuple[Run, bytes, float]:
    """One cold audit: the run, its report, and the client's peak MB."""
    report, rss = work / "report.json", work / "client-rss"
    command = audit_cmd(corpus, report, "--no-cache", *options)
    result = timed([sys.executable, "-c", _CLIENT, str(rss), *command[3:]], work)
    if result.exit_code not in (0, 1):
        raise SystemExit(f"audit {' '.join(options)} failed (exit {result.exit_code}): {result.error}")
    return result, report.read_bytes(), int(rss.read_text()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=6000)
    parser.add_argument("--copies-of", type=Path, help="copy this folder instead of generating articles")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--group-on", action="store_true", help="compare grouping on the client and on the workers")
    args = parser.parse_args()
    configs = GROUP_ON_CONFIGS if args.group_on else CONFIGS
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
              f"{os.cpu_count()} CPUs, Python {platform.python_version()}", flush=True)
        headroom = parallel_headroom()
        print(f"parallel headroom before: {headroom:.2f} of 2 busy processes ran at once\n", flush=True)
        fixed: dict[str, list[Run]] = {name: [] for name in configs}
        full: dict[str, list[Run]] = {name: [] for name in configs}
        client_mb: dict[str, list[float]] = {name: [] for name in configs}
        digests = set()
        for round_ in range(args.repeat):
            for name, options in configs.items():
                fixed[name].append(run(single.path, options, work)[0])
                result, report, peak = run(corpus.path, options, work)
                full[name].append(result)
                client_mb[name].append(peak)
                digests.add(hashlib.sha256(report).hexdigest())
                print(f"  round {round_ + 1}, {name}: {result.seconds:.2f} s", flush=True)
    print(f"parallel headroom after: {parallel_headroom():.2f} of 2 busy processes ran at once\n")
    rows, work_s = [], {}
    for name in configs:
        best = min(full[name], key=lambda r: r.seconds)
        start = min(r.seconds for r in fixed[name])
        work_s[name] = best.seconds - start
        speed = f"{corpus.words / work_s[name]:,.0f}" if work_s[name] > 0 else "- (noise)"
        rows.append([name, f"{best.seconds:.2f}", f"{start:.2f}", f"{work_s[name]:.2f}", speed,
                     f"{best.cpu_s:.1f}", f"{best.peak_mb:.0f}", f"{max(client_mb[name]):.0f}"])
    print(markdown_table(["engine", "wall s (best)", "fixed s (1 article)", "work s", "words/s (work)",
                          "CPU s (all processes)", "peak MB (one process)", "client peak MB (max)"], rows))
    for kind, one, two in (("dask", "dask, 1 worker", "dask, 2 workers"),
                           ("local", "local, 1 process", "local, 2 processes")):
        if one in work_s and two in work_s and work_s[one] > 0 and work_s[two] > 0:
            print(f"\n{kind} speed-up from 1 to 2: {work_s[one] / work_s[two]:.2f}x work time")
    print("\nreports byte-identical across engines: " + ("yes" if len(digests) == 1 else "NO"))


if __name__ == "__main__":
    main()
