"""claims.yaml, the reviewed ledger: its schema, loading, editing, facts and verdicts.

    schema.py    the shape of the file (pydantic, frozen)
    load.py      safe YAML in, a Ledger or a LedgerError naming the line and field
    review.py    what ``ledger accept`` records: verdicts, facts kept, claims gone stale
    edit.py      writing that into the file with the reviewer's comments kept (atomic)
    starter.py   a starter ledger from a corpus (``ledger init``)
    facts.py     accepted facts as claims, and the one comparison of a claim with a fact
    verdicts.py  the ledger policy stage: which findings the ledger acknowledges
"""

from claimcheck.ledger.load import (
    DEFAULT_LEDGER_NAME,
    MAX_LEDGER_BYTES,
    LedgerError,
    find_default_ledger,
    load_ledger,
    parse_ledger,
)
from claimcheck.ledger.schema import Ledger

__all__ = [
    "DEFAULT_LEDGER_NAME",
    "MAX_LEDGER_BYTES",
    "Ledger",
    "LedgerError",
    "find_default_ledger",
    "load_ledger",
    "parse_ledger",
]
