"""Runs the stages in order and returns an AuditResult. No printing, no globals.

    files -> loader -> Article -> extractor -> Claim -> resolve -> matcher -> ClaimGroup
          -> reconciler -> Contradiction -> AuditResult
    (then the ledger policy stage, claimcheck.ledger.verdicts, applies the reviewers' verdicts)
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

from claimcheck.decide.decision import decide, group_of, published_days
from claimcheck.engine import Engine, EngineKind, Extraction, GroupOn, groups_on_workers, open_engine
from claimcheck.extract.entities import AliasTable
from claimcheck.frames.reader import FRAMES_VERSION as EXTRACTOR_VERSION
from claimcheck.frames.reader import extract_claims
from claimcheck.language.detect import unreadable_language
from claimcheck.language.pipeline import load_pipeline
from claimcheck.ledger.schema import Ledger
from claimcheck.loader import load_articles
from claimcheck.models import Article, AuditResult, Claim, Frozen, SkippedFile
from claimcheck.resolve import EntityGraph, resolve_claims

ProgressCallback = Callable[[int, int], None]  # (done, total) articles


class AuditOptions(Frozen):
    paths: tuple[str, ...] = ("sources",)
    as_of: dt.date | None = None
    ledger: Ledger | None = None
    jobs: int = 1
    cache_dir: Path | None = None
    follow_symlinks: bool = False
    engine: EngineKind = EngineKind.LOCAL
    scheduler: str | None = None  # a Dask scheduler address (engine dask); None: a local cluster
    group_on: GroupOn = GroupOn.AUTO  # where grouping and the rules run (claimcheck.engine.groups_on_workers)


def _ledger_key(ledger: Ledger | None) -> str:
    if ledger is None:
        return "none"
    raw = ledger.model_dump_json(include={"entities", "measures"})
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


def _extract_one(args: tuple[Article, Ledger | None]) -> list[Claim]:
    article, ledger = args
    return extract_claims(article, AliasTable(ledger))


# What every engine maps over articles. A language layer adds its once-per-process loader here
# (warm_up=...), so each pool process or Dask worker loads its pipeline once.
EXTRACTION = Extraction(extract=_extract_one, warm_up=load_pipeline)


def _cache_key(article: Article, ledger_key: str) -> str:
    published = article.published.model_dump_json() if article.published else ""
    raw = (f"{article.content_hash}\0{article.id}\0{article.path}\0{published}\0{EXTRACTOR_VERSION}"
           f"\0{ledger_key}")
    return hashlib.sha1(raw.encode()).hexdigest()


def _extract_all(articles: list[Article], options: AuditOptions, progress: ProgressCallback | None,
                 engine: Engine, extraction: Extraction) -> Iterator[list[Claim]]:
    cache = None
    if options.cache_dir is not None:
        from claimcheck.cache import open_cache

        cache = open_cache(options.cache_dir, options.paths)  # never inside an audited folder
    ledger_key = _ledger_key(options.ledger)
    keys = [_cache_key(a, ledger_key) for a in articles]
    cached: dict[int, list[Claim]] = {}
    if cache is not None:
        for index, key in enumerate(keys):
            hit = cache.get(key)
            if hit is not None:
                cached[index] = hit
    todo = [i for i in range(len(articles)) if i not in cached]
    fresh: dict[int, list[Claim]] = {}
    work = [(articles[i], options.ledger) for i in todo]
    done = engine.map(extraction.extract, work, warm_up=extraction.warm_up)
    for index, claims in zip(todo, done, strict=True):
        fresh[index] = claims
        if progress:
            progress(len(cached) + len(fresh), len(articles))
    if cache is not None:
        cache.put_many([(keys[index], claims) for index, claims in sorted(fresh.items())])
        cache.close()
    for index in range(len(articles)):
        yield cached.get(index) or fresh.get(index) or []


def _readable(articles: list[Article]) -> tuple[list[Article], list[SkippedFile]]:
    """Articles in a language claimcheck has no lexicon for are reported as skipped, never read as
    English (their figures would pair with nothing, silently)."""
    kept: list[Article] = []
    skipped: list[SkippedFile] = []
    for article in articles:
        note = unreadable_language(article.text)
        if note is None:
            kept.append(article)
        else:
            skipped.append(SkippedFile(path=article.path, reason=note, language=True))
    return kept, skipped


def _dedupe(articles: list[Article]) -> tuple[list[Article], list[SkippedFile]]:
    """The same text under two names is one article: it must not contradict itself."""
    seen: dict[str, str] = {}
    kept: list[Article] = []
    skipped: list[SkippedFile] = []
    for article in articles:
        digest = article.content_hash or hashlib.sha256(article.text.encode()).hexdigest()
        if digest in seen:
            reason = f"same content as {seen[digest]} (audited once)"
            skipped.append(SkippedFile(path=article.path, reason=reason))
            continue
        seen[digest] = article.path
        kept.append(article)
    return kept, skipped


def audit_articles(articles: list[Article], ledger: Ledger | None, claims_per_article: list[list[Claim]],
                   extra_claims: list[Claim] | None = None, *, engine: Engine | None = None
                   ) -> tuple[list[Claim], list, list]:
    """The corpus-level stages: resolve names, group, reconcile. Pure; used by run_audit and tests.
    With ``engine``, grouping and the rules run on its workers, partitioned by measure
    (claimcheck.decide.partition), with the same groups and findings."""
    claims = [claim for batch in claims_per_article for claim in batch] + list(extra_claims or [])
    names = {name for claim in claims for name in (claim.subject, *claim.entities) if name}
    graph = EntityGraph(ledger, names, articles)
    claims = resolve_claims(claims, graph)
    if engine is not None:
        from claimcheck.decide.partition import decide_part, merge, plan

        work = plan(claims, graph, published_days(articles))
        groups, findings = merge(engine.map(decide_part, work))
        return claims, groups, findings
    events, findings = decide(claims, articles, graph)
    return claims, [group_of(e) for e in events], findings


def run_audit(options: AuditOptions, progress: ProgressCallback | None = None,
              extraction: Extraction = EXTRACTION) -> AuditResult:
    """Load, extract, match, reconcile. Acknowledgements are applied later by the policy stage.

    Reading and extraction run on ``options.engine``; the corpus-level stages run here, on the
    gathered claims, except grouping and the rules when ``options.group_on`` sends them to the
    workers. Raises EngineError when the engine cannot start or loses its workers. The
    claims cache is keyed on EXTRACTOR_VERSION, not on ``extraction``: run another extraction
    without a cache (cache_dir=None)."""
    groups_on_workers(options.group_on, options.engine, 0)  # an impossible choice fails before any work
    with open_engine(options.engine, jobs=options.jobs, scheduler=options.scheduler) as engine:
        engine.require_paths(options.paths)
        articles, skipped = load_articles(
            list(options.paths), follow_symlinks=options.follow_symlinks, ledger=options.ledger,
            as_of=options.as_of, map_files=engine.map,
        )
        articles, duplicates = _dedupe(articles)
        articles, foreign = _readable(articles)
        skipped = [*skipped, *duplicates, *foreign]
        extracted = list(_extract_all(articles, options, progress, engine, extraction))
        spread = groups_on_workers(options.group_on, options.engine, sum(map(len, extracted)))
        if spread:
            claims, groups, contradictions = audit_articles(articles, options.ledger, extracted, engine=engine)
    if not spread:  # on the client, after the workers are released: they would only sit idle
        claims, groups, contradictions = audit_articles(articles, options.ledger, extracted)
    # accepted facts are compared with the claims by the ledger policy stage (claimcheck.ledger.verdicts)
    claims.sort(key=lambda c: (c.path, c.start, c.id))
    return AuditResult(
        articles=tuple(sorted(articles, key=lambda a: a.path)),
        skipped=tuple(sorted(skipped, key=lambda s: s.path)),
        claims=tuple(claims),
        groups=tuple(groups),
        contradictions=tuple(contradictions),
    )
