"""Which gold claims a finding's claim stands for, and which gold claims extraction covers.

A predicted claim can be read as any gold claim whose quote it overlaps in the same article's
text: by its [start, end) span when the audit ran in memory, else by finding its quote near its
line (a saved report). Gold quotes rarely overlap, and when they do it is one figure quoted at two
lengths, or a claim whose quote runs over a whole clause ("rose 25% to X, from Y"); the reference
scorer picks one of them by fuzzy score and file order, which can hide a correct finding. A quote
that cannot be found falls back to the gold claims on its line that share the most numbers and
words of four letters or more with it.

Claim coverage is the share of gold claims that have an extracted claim on their span: a gold
claim is covered when an extracted claim of the same article has a [start, end) span that
overlaps the gold quote's span in the article text the extractor read. Counted once per gold claim
(a quote listed by several items counts once), separately for the claims of contradictions of the
figure kinds (numeric, temporal, proportion, arithmetic) and for the claims of consistent items.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence

from claimcheck.evaluate.access import ClaimLike, PredClaim
from claimcheck.evaluate.gold import COVERAGE_KINDS, Gold, LocatedClaim, LocatedItem, relative_path
from claimcheck.evaluate.locate import Folded
from claimcheck.evaluate.models import Coverage, CoverageShare, UncoveredClaim
from claimcheck.models import Article

LINE_SLACK = 2  # a saved report's line may differ from where its quote starts by this much
_TOKEN = re.compile(r"[\w$€£%.,/-]+")


def significant(text: str) -> set[str]:
    words = (t.strip(".,-/").lower() for t in _TOKEN.findall(text))
    return {w for w in words if w and (any(ch.isdigit() for ch in w) or len(w) >= 4)}


def gold_claims(gold: Gold) -> list[LocatedClaim]:
    """Every gold claim once, in the order of the gold file (contradictions, then look-alikes)."""
    seen: dict[LocatedClaim, None] = {}
    for item in (*gold.contradictions, *gold.consistent):
        for claim in item.claims:
            seen.setdefault(claim, None)
    return list(seen)


def same_file(pred_path: str, rel: str) -> bool:
    pred = os.path.normpath(pred_path.replace("\\", "/")).replace(os.sep, "/")
    return pred == rel or pred.endswith("/" + rel) or rel.endswith("/" + pred.lstrip("./"))


class ClaimMatcher:
    """Reads predicted claims as gold claims (indices into :func:`gold_claims`); memoised."""

    def __init__(self, gold: Gold) -> None:
        self.claims = gold_claims(gold)
        self.articles = {a.id: a for a in gold.articles}
        self.rel = {a.id: relative_path(a.path, gold.corpus) for a in gold.articles}
        self.spans: dict[str, list[tuple[int, int, int]]] = {}  # article id -> (start, end, claim index)
        for index, claim in enumerate(self.claims):
            for span in claim.spans:
                self.spans.setdefault(span.article, []).append((span.start, span.end, index))
        self._texts: dict[str, Folded] = {}
        self._memo: dict[PredClaim, frozenset[int]] = {}

    def articles_for(self, pred: PredClaim) -> list[Article]:
        if pred.article in self.articles and same_file(pred.path, self.rel[pred.article]):
            return [self.articles[pred.article]]
        return [a for a in self.articles.values() if same_file(pred.path, self.rel[a.id])]

    def match(self, pred: PredClaim) -> frozenset[int]:
        """The gold claims (indices into ``claims``) this predicted claim can be read as."""
        if pred not in self._memo:
            self._memo[pred] = self._match(pred)
        return self._memo[pred]

    def _pred_spans(self, pred: PredClaim, article: Article) -> list[tuple[int, int]]:
        if pred.start is not None and pred.end is not None:
            return [(pred.start, pred.end)]
        if not pred.quote:
            return []
        folded = self._texts.setdefault(article.id, Folded(article.text))
        near = [
            (f.start, f.end) for f in folded.find_all(pred.quote)
            if article.line_at(f.start) - LINE_SLACK <= pred.line <= article.line_at(f.end) + LINE_SLACK
        ]
        if len(near) > 1 and pred.sentence:
            sentences = folded.find_all(pred.sentence)
            inside = [s for s in near if any(x.start <= s[0] and s[1] <= x.end for x in sentences)]
            near = inside or near
        return near

    def _match(self, pred: PredClaim) -> frozenset[int]:
        found: set[int] = set()
        located = False
        articles = self.articles_for(pred)
        for article in articles:
            for p_start, p_end in self._pred_spans(pred, article):
                located = True
                found.update(
                    index for g_start, g_end, index in self.spans.get(article.id, [])
                    if p_start < g_end and g_start < p_end
                )
        if located:
            return frozenset(found)
        return self._by_line(pred, {a.id for a in articles})

    def _by_line(self, pred: PredClaim, article_ids: set[str]) -> frozenset[int]:
        words = significant(pred.quote or pred.sentence)
        best: tuple[int, int, int] | None = None  # (-shared words, quote length, index)
        for index, claim in enumerate(self.claims):
            spans = (s for s in claim.spans if s.article in article_ids)
            if not any(s.line_start <= pred.line <= s.line_end for s in spans):
                continue
            shared = len(words & significant(claim.quote))
            if shared:
                rank = (-shared, len(claim.quote), index)
                best = rank if best is None or rank < best else best
        return frozenset() if best is None else frozenset({best[2]})


# --------------------------------------------------------------------------- coverage


def _claim_spans(gold: Gold, claims: Sequence[ClaimLike]) -> dict[str, list[tuple[int, int]]]:
    """Extracted claim spans per gold article id."""
    rel = {a.id: relative_path(a.path, gold.corpus) for a in gold.articles}
    by_path: dict[str, list[str]] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for claim in claims:
        article = getattr(claim, "article", None)
        if article in rel and same_file(claim.path, rel[article]):
            targets = [article]
        else:
            if claim.path not in by_path:
                by_path[claim.path] = [a for a, r in rel.items() if same_file(claim.path, r)]
            targets = by_path[claim.path]
        for target in targets:
            spans.setdefault(target, []).append((claim.start, claim.end))
    return spans


def _share(claims: Iterable[LocatedClaim], spans: dict[str, list[tuple[int, int]]],
           items_of: dict[LocatedClaim, list[str]]) -> CoverageShare:
    unique = list(dict.fromkeys(claims))
    uncovered = [
        claim for claim in unique
        if not any(
            start < span.end and span.start < end
            for span in claim.spans for start, end in spans.get(span.article, [])
        )
    ]
    count = len(unique)
    return CoverageShare(
        claims=count,
        covered=count - len(uncovered),
        share=round((count - len(uncovered)) / count, 4) if count else 1.0,
        uncovered=tuple(
            UncoveredClaim(file=c.file, line=c.spans[0].line_start, quote=c.quote, items=tuple(items_of[c]))
            for c in uncovered
        ),
    )


def coverage(gold: Gold, claims: Sequence[ClaimLike], kinds: tuple[str, ...] = COVERAGE_KINDS) -> Coverage:
    """Coverage of the gold claims by the extracted ``claims`` of an audit of the same corpus."""
    spans = _claim_spans(gold, claims)
    items_of: dict[LocatedClaim, list[str]] = {}
    items: tuple[LocatedItem, ...] = (*gold.contradictions, *gold.consistent)
    for item in items:
        for claim in item.claims:
            quoted_by = items_of.setdefault(claim, [])
            if item.id not in quoted_by:
                quoted_by.append(item.id)
    figures = (c for item in gold.contradictions if item.kind in kinds for c in item.claims)
    return Coverage(
        kinds=kinds,
        contradictions=_share(figures, spans, items_of),
        consistent=_share((c for item in gold.consistent for c in item.claims), spans, items_of),
    )
