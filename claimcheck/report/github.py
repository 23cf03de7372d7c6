"""GitHub Actions workflow-command annotations: one per offending line, then one summary notice.

Every article line a finding cites gets one annotation, whatever the number of findings citing
it. Its level says what the line does to the check: ``::error`` when a failing finding cites it
in an article under check, ``::warning`` when only new findings that do not fail cite it (below
``--fail-on``, or out of the change scope), ``::notice`` for acknowledged findings (listed only
with ``show_acknowledged``). Lines of the articles under check come first (errors, then warnings,
then notices, by path and line), the rest after them, so the code host's per-step limit cuts the
least useful ones. Accepted facts are cited in the messages, not annotated in claims.yaml.

Escaping follows the runner's rules: in the message ``%`` → ``%25``, CR → ``%0D``, LF → ``%0A``;
in properties also ``:`` → ``%3A`` and ``,`` → ``%2C``.
"""

from __future__ import annotations

from typing import ClassVar

from claimcheck.enums import Status
from claimcheck.report.base import Reporter
from claimcheck.report.records import SEVERITIES, ClaimRecord, ContradictionRecord, Report

LEVELS = ("error", "warning", "notice")  # most to least urgent
TITLE_MAX = 200


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _level(c: ContradictionRecord, k: ClaimRecord) -> str:
    if c.fails and k.in_scope:
        return "error"
    return "notice" if c.acknowledged else "warning"


def _headline(c: ContradictionRecord) -> str:
    return f"{c.rule} {c.rule_name} ({c.severity}): {c.topic}"


def _about(c: ContradictionRecord, k: ClaimRecord) -> list[str]:
    state = "fails the check" if c.fails else ("acknowledged" if c.acknowledged else "new")
    lines = [f"{_headline(c)} [{state}]", c.explanation, f"This line: “{k.quote}” = {k.value.label}"]
    for other in c.claims:
        if other is not k:
            where = f"{other.location} (accepted fact)" if other.is_fact else other.location
            lines.append(f"{where}: “{other.quote}” = {other.value.label}")
    if c.note:
        lines.append(f"Ledger: {c.note}")
    lines.append(f"claimcheck id: {c.id}")
    return lines


def annotation(level: str, path: str, line: int, cited: list[tuple[ContradictionRecord, ClaimRecord]]) -> str:
    if len(cited) == 1:
        title = _headline(cited[0][0])
    else:
        title = f"{len(cited)} findings: " + "; ".join(f"{c.rule} {c.topic}" for c, _ in cited)
    title = title if len(title) <= TITLE_MAX else title[: TITLE_MAX - 1] + "…"
    message = "\n\n".join("\n".join(_about(c, k)) for c, k in cited)
    props = f"file={escape_property(path)},line={line},title={escape_property(title)}"
    return f"::{level} {props}::{escape_data(message)}"


def annotation_lines(records: Report) -> list[str]:
    """The annotation lines, ordered, without the summary notice."""
    spots: dict[tuple[str, int], list[tuple[ContradictionRecord, ClaimRecord]]] = {}
    for c in records.shown:
        for k in c.claims:
            if not k.is_fact and all(other.id != c.id for other, _ in spots.get((k.path, k.line), [])):
                spots.setdefault((k.path, k.line), []).append((c, k))
    ordered = []
    for (path, line), cited in spots.items():
        level = min((_level(c, k) for c, k in cited), key=LEVELS.index)
        in_scope = any(k.in_scope for _, k in cited)
        cited.sort(key=lambda ck: (not ck[0].fails, SEVERITIES.index(ck[0].severity), ck[0].id))
        key = (not in_scope, LEVELS.index(level), path, line)
        ordered.append((key, annotation(level, path, line, cited)))
    return [text for _, text in sorted(ordered)]


def summary(records: Report, annotated: int) -> str:
    s = records.summary
    decision = s.decision
    parts: list[str] = []
    if decision is not None and decision.fail_on is not None:
        failing = [c for c in records.contradictions if c.fails]
        by = ", ".join(f"{n} {sev}" for sev in SEVERITIES if (n := sum(c.severity == sev for c in failing)))
        parts.append(f"{len(failing)} failing at or above {decision.fail_on}" + (f" ({by})" if by else ""))
    new = s.by_status.get(Status.NEW, 0) - s.failing
    parts.append(f"{new} new not failing" if decision is not None and decision.fail_on else f"{new} new")
    parts.append(f"{s.by_status.get(Status.ACKNOWLEDGED, 0)} acknowledged")
    return (f"claimcheck: {'; '.join(parts)}; {annotated} annotated line(s) "
            f"in {s.articles} articles ({s.claims} claims)")


class GithubReporter(Reporter):
    name: ClassVar[str] = "github"
    extension: ClassVar[str] = ".txt"

    def render(self, records: Report) -> str:
        lines = annotation_lines(records)
        lines.append(f"::notice title=claimcheck::{escape_data(summary(records, len(lines)))}")
        return "\n".join(lines) + "\n"
