"""What every reporter shares: the options model and the Reporter base class."""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, ClassVar, TextIO

from pydantic import Field

from claimcheck.models import Frozen, Severity

if TYPE_CHECKING:
    from claimcheck.report.records import Report


class ReportOptions(Frozen):
    """How a report is rendered; the CLI fills it from its options.

    ``min_severity`` drops contradictions below that level from every format.
    Acknowledged contradictions are listed by the human formats (table,
    markdown, html) and annotated by ``github`` only when ``show_acknowledged``;
    the machine formats (json, csv, sarif) always carry them with their status
    (SARIF marks them as suppressed) so that tools can tell them apart.
    """

    min_severity: Severity = Severity.LOW
    show_acknowledged: bool = False
    title: str = "claimcheck report"
    color: bool = False
    width: int = Field(default=100, ge=40, le=400)


def want_color(stream: TextIO) -> bool:
    """Colour for a terminal, never when NO_COLOR is set (https://no-color.org) or TERM=dumb."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Reporter(ABC):
    """One output format. Reporters only lay out the records; they never sort or filter again."""

    name: ClassVar[str]
    extension: ClassVar[str]
    media_type: ClassVar[str] = "text/plain"

    @abstractmethod
    def render(self, records: Report) -> str:
        """The whole document as text (ending with a newline)."""
