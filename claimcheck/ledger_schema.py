"""The ledger schema now lives in ``claimcheck.ledger.schema``; this name is kept for the modules
being rebuilt in parallel (extract/, resolve.py) until they import it from there."""

from claimcheck.ledger.schema import ArticleMeta, EntitySpec, Fact, Ledger

__all__ = ["ArticleMeta", "EntitySpec", "Fact", "Ledger"]
