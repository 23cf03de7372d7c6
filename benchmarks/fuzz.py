"""Fuzz the loader, extractor and reconciler with generated files (not part of the default tests).

    python benchmarks/fuzz.py                      # 100,000 inputs, one worker
    python benchmarks/fuzz.py --examples 20000 --workers 2 --seed 7

Each input is a small corpus of 1-3 generated files (random bytes, random Unicode, or news-like
text built from numbers, units, qualifiers, dates, names and markup, in a random encoding and
file type: .txt .md .html .json .jsonl). The files are written to a temporary folder, read with
``load_articles`` (decoding, front matter, HTML, JSON), every article goes through
``extract_claims`` and the corpus through ``audit_articles`` (resolve, group, reconcile).

A crash is any exception out of those three stages, or a claim whose quote is not the text at its
span. Hypothesis drives generation; each worker has its own seed and runs until its share of the
examples is done or it finds a crash (then Hypothesis shrinks it and the minimal input is printed).
Prints the count of inputs, the wall time and every crash; exits 1 when something crashed.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from claimcheck.extract.entities import AliasTable
from claimcheck.extract.extractor import extract_claims
from claimcheck.loader import load_articles
from claimcheck.pipeline import audit_articles

EXTENSIONS = (".txt", ".md", ".html", ".json", ".jsonl", ".htm", ".markdown")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1", "cp1252", "shift_jis", "gb18030")

# Fragments of news prose, numbers and markup; none is taken from a real article.
WORDS = st.sampled_from([
    "Acme", "Globex Corp", "Initech", "the company", "officials", "analysts", "said", "says", "reported",
    "according to", "people familiar with the matter", "plans to", "expected to", "is shipping",
    "current generation", "in 2027", "by late 2026", "early 2025", "last year", "on March 3, 2024",
    "deployed", "chips", "employees", "stores", "revenue", "of", "all of", "most of", "none of",
    "more than", "over", "nearly", "about", "up to", "at least", "between", "and", "or", "times",
    "faster than", "compared with", "per cent", "percent", "%", "million", "billion", "thousand",
    "bn", "m", "k", "$", "€", "£", "¥", "USD", "TB/s", "GB", "PFLOPS", "TFLOP/s", "MW", "km", "x",
    "3.2x", "2,700,000", "2 700 000", "2\u00a0700\u00a0000", "2\u202f700", "20–25%", "20—25", "−5",
    "１２３", "10²", "½", "3/4", "3.17", "0.5", "-", "–", "(", ")", "[", "]", "\"", "“", "”", "'",
    ".", ",", ";", ":", "!", "?", "\n", "\n\n", "\t", "|", "*", "#", "> ", "- ", "1.", "<p>", "</p>",
    "<b>", "</b>", "<script>", "&amp;", "&#x31;", "---\n", "title: X\n", "date: 2024-02-30\n",
    "\u200b", "\u00ad", "\ufeff", "\u202e", "\x00", "e\u0301", "🙂", "Ω", "ß", "İ",
])
NEWSY = st.lists(WORDS, max_size=60).map(lambda parts: " ".join(parts))
TEXT = st.one_of(NEWSY, st.text(max_size=400), st.text(alphabet=st.characters(codec="utf-8"), max_size=200))


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, bytes]:
    ext = draw(st.sampled_from(EXTENSIONS))
    kind = draw(st.sampled_from(["bytes", "text", "text", "structured"]))
    if kind == "bytes":
        return ext, draw(st.binary(max_size=600))
    body = draw(TEXT)
    if kind == "structured":
        title = draw(TEXT)
        date = draw(st.sampled_from(["2024-05-01", "May 1, 2024", "yesterday", "", "9999"]))
        if ext in (".json", ".jsonl"):
            record = {"title": title, "published": date, "text": body, "url": draw(st.text(max_size=20))}
            body = json.dumps(record) if ext == ".json" else "\n".join(json.dumps(record) for _ in range(2))
        elif ext in (".html", ".htm"):
            body = (f"<html><head><title>{title}</title></head>"
                    f"<body><article><p>{body}</p></article></body></html>")
        else:
            body = f"---\ntitle: {title}\ndate: {date}\n---\n# {title}\n\n{body}\n"
    encoding = draw(st.sampled_from(ENCODINGS))
    return ext, body.encode(encoding, errors="replace")


CORPORA = st.lists(documents(), min_size=1, max_size=3)


class Counter:
    count = 0


def check_corpus(files: list[tuple[str, bytes]]) -> None:
    Counter.count += 1
    with tempfile.TemporaryDirectory(prefix="ccfuzz-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for index, (ext, data) in enumerate(files):
            (folder / f"a{index}{ext}").write_bytes(data)
        articles, _ = load_articles([str(folder)])
        per_article = []
        for article in articles:
            claims = extract_claims(article, AliasTable(None))
            for claim in claims:
                assert article.text[claim.start:claim.end] == claim.quote, (
                    claim.start, claim.end, claim.quote
                )
            per_article.append(claims)
        audit_articles(articles, None, per_article)


def worker(args: tuple[int, int]) -> tuple[int, float, str | None]:
    worker_seed, examples = args
    Counter.count = 0
    start = time.perf_counter()

    @seed(worker_seed)
    @settings(max_examples=examples, deadline=None, database=None, derandomize=False,
              phases=(Phase.generate, Phase.shrink), suppress_health_check=list(HealthCheck))
    @given(CORPORA)
    def run(files: list[tuple[str, bytes]]) -> None:
        check_corpus(files)

    crash: str | None = None
    try:
        run()
    except Exception:
        crash = traceback.format_exc()
    return Counter.count, time.perf_counter() - start, crash


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--examples", type=int, default=100_000, help="total generated corpora")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=20250101)
    args = parser.parse_args()
    share = -(-args.examples // args.workers)
    jobs = [(args.seed + i, share) for i in range(args.workers)]
    start = time.perf_counter()
    if args.workers == 1:
        results = [worker(jobs[0])]
    else:
        with multiprocessing.get_context("spawn").Pool(args.workers) as pool:
            results = pool.map(worker, jobs)
    elapsed = time.perf_counter() - start
    total = sum(count for count, _, _ in results)
    crashes = [crash for _, _, crash in results if crash]
    print(f"fuzz: {total} inputs (corpora of 1-3 files) in {elapsed:.1f}s "
          f"({total / max(elapsed, 1e-9):.0f}/s) with {args.workers} worker(s), seed {args.seed}, "
          f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    for crash in crashes:
        print("CRASH:\n" + crash)
    print(f"crashes: {len(crashes)}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
