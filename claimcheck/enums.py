"""The constants every part of claimcheck shares, each defined once: severities, statuses,
reviewer verdicts, output formats and exit codes.

They are string (or integer) enums, so they compare equal to the plain values that YAML, JSON and
the command line carry (``Severity.HIGH == "high"``) and print as those values.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Severity(StrEnum):
    """How bad a finding is. Declared from the least to the most severe: ``rank`` follows that order."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def at_least(self, floor: Severity | str) -> bool:
        return self.rank >= Severity(floor).rank

    @classmethod
    def descending(cls) -> tuple[Severity, ...]:
        """High first: the order reports and summaries list them in."""
        return tuple(reversed(cls))


_SEVERITY_RANK = {level: rank for rank, level in enumerate(Severity)}


class Status(StrEnum):
    """A finding after the ledger is applied: ``new`` can fail a check, ``acknowledged`` cannot."""

    NEW = "new"
    ACKNOWLEDGED = "acknowledged"


class ReviewStatus(StrEnum):
    """A reviewer's verdict on a finding in claims.yaml."""

    ACCEPTED = "accepted"  # the disagreement is real and reviewed (with --keep: one side holds)
    FALSE_POSITIVE = "false-positive"  # not a contradiction at all


class OutputFormat(StrEnum):
    """Report formats, for ``--format`` and the reporters."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    CSV = "csv"
    SARIF = "sarif"
    GITHUB = "github"


class ListFormat(StrEnum):
    """Formats of the listings that are not reports (``claims``, ``eval``)."""

    TABLE = "table"
    JSON = "json"


class ExitCode(IntEnum):
    """The process exit codes (README, "Exit codes")."""

    OK = 0  # nothing at the chosen level; a ledger edit that succeeded
    FINDINGS = 1  # findings at or above the failing level (in check: new ones)
    ERROR = 2  # usage, input or ledger error
    LEDGER_REWRITTEN = 3  # reserved: a check that rewrote the ledger by itself (the pre-commit convention)
