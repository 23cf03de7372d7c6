"""Grouping equivalent claims across articles.

Blocking first, by (subject family, kind, dimension), so the pairwise work
stays near-linear in the number of claims; inside a block, measures must agree
exactly or, for free-text measures (percent changes, proportions), be close
under rapidfuzz's token-set ratio.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from rapidfuzz import fuzz

from claimcheck.extract.lexicon import PRECISION_TAG
from claimcheck.models import Claim, ClaimKind
from claimcheck.resolve import EntityGraph

FUZZY_MEASURE_THRESHOLD = 85.0


def _split_tag(measure: str) -> tuple[str, str]:
    tag = PRECISION_TAG.search(measure)
    if not tag:
        return measure, ""
    return (measure[: tag.start()] + measure[tag.end() :]).strip(), tag.group(0)


def measures_match(a: Claim, b: Claim) -> bool:
    """Same measure: equal after removing precision tags that only one side states, or fuzzily close."""
    base_a, tag_a = _split_tag(a.measure)
    base_b, tag_b = _split_tag(b.measure)
    if tag_a and tag_b and tag_a != tag_b:
        return False
    if base_a == base_b:
        return True
    if a.kind == ClaimKind.PROPORTION:
        return bool(set(a.measure_terms) & set(b.measure_terms))
    if a.value.dimension == "percent" and a.kind == ClaimKind.NUMERIC:
        direction_a, direction_b = base_a.split(" ", 1)[0], base_b.split(" ", 1)[0]
        if direction_a in ("up", "down") and direction_b in ("up", "down") and direction_a != direction_b:
            return False
        score = fuzz.token_set_ratio(" ".join(a.measure_terms), " ".join(b.measure_terms))
        return score >= FUZZY_MEASURE_THRESHOLD
    return False


def block_key(claim: Claim, graph: EntityGraph) -> tuple[str, str, str, str]:
    unit = claim.value.unit if claim.value.dimension in ("currency", "number") else claim.value.dimension
    if claim.kind == ClaimKind.PROPORTION:
        # whose share, and of what: keyed by the object alone, shares "made in <city>" from every
        # company in a large corpus would meet in one block and be compared pairwise
        return (graph.family(claim.subject), claim.kind.value, graph.root(claim.base or ""), unit)
    return (graph.root(claim.subject), claim.kind.value, claim.value.dimension, unit)


def candidate_pairs(claims: list[Claim], graph: EntityGraph) -> Iterator[tuple[Claim, Claim]]:
    """Pairs of claims from one block whose measures match, in a deterministic order."""
    blocks: dict[tuple[str, str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.subject and claim.kind != ClaimKind.RATIO:
            blocks[block_key(claim, graph)].append(claim)
    for key in sorted(blocks):
        members = sorted(blocks[key], key=lambda c: (c.path, c.start, c.id))
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                if first.article == second.article and first.start == second.start:
                    continue
                if measures_match(first, second):
                    yield first, second
