"""Helpers shared by the engine and scale-curve benchmarks: a corpus of copies, one timed run.

A corpus of copies repeats the articles of a folder (say ../shared/realnews) until it holds N
articles; each copy ends with a distinct line without digits, so no two files share content (the
audit would otherwise read duplicates once) and the line itself carries no claim. The corpus goes
to a temporary folder, never into the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALNEWS = ROOT.parent / "shared" / "realnews"
COPYABLE = (".txt", ".md", ".markdown", ".html", ".htm")  # formats a plain last line cannot break
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
_WRAPPER = (  # argv: memory cap in MB (0: none), then the command
    "import resource, subprocess, sys, time\n"
    "cap = int(sys.argv[1]) * 2**20\n"
    "limit = (lambda: resource.setrlimit(resource.RLIMIT_AS, (cap, cap))) if cap else None\n"
    "t = time.perf_counter()\n"
    "run = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,\n"
    "                     preexec_fn=limit)\n"
    "wall = time.perf_counter() - t\n"
    "last = (run.stderr.strip().splitlines() or [''])[-1] if run.returncode not in (0, 1) else ''\n"
    "use = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(run.returncode, wall, use.ru_maxrss, use.ru_utime + use.ru_stime, last)\n"
)


def source_articles(folder: Path) -> list[Path]:
    """The article files under ``folder`` (README files and gold files left out), sorted."""
    found = [p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in COPYABLE
             and not p.name.lower().startswith("readme")]
    if not found:
        raise SystemExit(f"no article files ({', '.join(COPYABLE)}) under {folder}")
    return sorted(found)


def letters(index: int) -> str:
    """0 -> "a", 25 -> "z", 26 -> "ba": a copy's tag, without digits."""
    tag = ""
    while True:
        tag = chr(ord("a") + index % 26) + tag
        index //= 26
        if not index:
            return tag


def copy_line(index: int) -> str:
    return f"\n\nArchive copy {letters(index)}.\n"


@dataclass(frozen=True)
class Corpus:
    path: Path
    articles: int
    words: int


def copy_corpus(sources: list[Path], n_articles: int, dest: Path) -> Corpus:
    """``n_articles`` files in ``dest``: the sources in turn, each copy with its distinct last line."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sources]
    words = 0
    for index in range(n_articles):
        copy, which = divmod(index, len(sources))
        source = sources[which]
        text = texts[which] + copy_line(copy)
        words += len(text.split())
        name = f"c{copy:05d}_{source.parent.name}_{source.name}"
        (dest / name).write_text(text, encoding="utf-8")
    return Corpus(dest, n_articles, words)


def add_article(corpus: Path, sources: list[Path]) -> Path:
    """One more article (a new copy of the first source) for a warm re-audit."""
    added = corpus / f"zz_added_{sources[0].name}"
    added.write_text(sources[0].read_text(encoding="utf-8", errors="replace") + copy_line(10**6),
                     encoding="utf-8")
    return added


def audit_cmd(corpus: Path, report: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "claimcheck", "audit", str(corpus), "--format", "json", "-o", str(report),
            *options]


@dataclass(frozen=True)
class Run:
    exit_code: int
    seconds: float
    peak_mb: float  # the largest single process (ru_maxrss of the waited children)
    cpu_s: float = 0.0  # user + system time of every process of the run
    error: str = ""  # the last line on stderr of a run that failed (exit 2 or more)


def timed(cmd: list[str], cwd: Path, timeout: float | None = None, max_mb: int = 0) -> Run:
    """Run ``cmd`` in a fresh wrapper process; the claims cache lives under ``cwd`` (the working
    folder, or XDG_CACHE_HOME for a per-user cache), so a fresh ``cwd`` is a cold run. ``max_mb``
    caps each process's address space (a run that needs more fails instead of swamping the machine)."""
    env = {**ENV, "XDG_CACHE_HOME": str(cwd / "xdg-cache")}
    try:
        out = subprocess.run([sys.executable, "-c", _WRAPPER, str(max_mb), *cmd], capture_output=True,
                             text=True, cwd=cwd, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return Run(124, float(timeout or 0), 0.0, 0.0, "timed out")
    rc, wall, rss_kb, cpu, *error = out.stdout.split(maxsplit=4)
    return Run(int(rc), float(wall), int(rss_kb) / 1024, float(cpu), error[0].strip() if error else "")


_BUSY = "sum(range(3 * 10**7))"


def parallel_headroom(jobs: int = 2) -> float:
    """How many of ``jobs`` CPU-bound processes this machine runs at once right now: ``jobs`` on an
    idle machine, less when other work shares the cores. Print it beside any speed-up."""
    def wall(n: int) -> float:
        start = time.perf_counter()
        running = [subprocess.Popen([sys.executable, "-c", _BUSY]) for _ in range(n)]
        for process in running:
            process.wait()
        return time.perf_counter() - start

    return jobs * wall(1) / wall(jobs)


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
