"""Labelled pair sets: each pair is a two-article corpus (a.txt, b.txt); flagged when a finding cites b.txt.

File format: JSON lines with ``a`` and ``b`` (texts), ``label`` (contradiction or
no_contradiction) and optional ``id``, ``domain`` and ``subtype``. Each pair is audited in
process, in a temporary folder of its own (never in the user's folders), with the same loaded
extractor for every pair.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from claimcheck.evaluate.access import findings_of
from claimcheck.evaluate.models import CitedClaim, PairGroup
from claimcheck.models import AuditResult, Frozen

A_NAME, B_NAME = "a.txt", "b.txt"
PairLabel = Literal["contradiction", "no_contradiction"]
CONTRADICTION: PairLabel = "contradiction"
UNSPECIFIED = "unspecified"
Auditor = Callable[[Path], AuditResult]  # audits one folder
PairProgress = Callable[[int, int], None]  # (done, total) pairs


class PairError(ValueError):
    """The pair file is invalid: a clear message naming the line, never a traceback."""


class Pair(Frozen):
    id: str
    a: str
    b: str
    label: PairLabel
    domain: str = UNSPECIFIED
    subtype: str = UNSPECIFIED


class PairOutcome(Frozen):
    id: str
    label: PairLabel
    domain: str
    subtype: str
    flagged: bool
    findings: tuple[tuple[CitedClaim, ...], ...]  # the claims of each finding that cites b.txt


def load_pairs(path: Path) -> list[Pair]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise PairError(f"cannot read pair file {path}: {exc.strerror or exc}") from None
    pairs: list[Pair] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            if not isinstance(raw, dict):
                raise ValueError("not a JSON object")
            raw.setdefault("id", f"line-{number}")
            for key in ("domain", "subtype"):
                raw[key] = raw.get(key) or UNSPECIFIED
            pairs.append(Pair.model_validate(raw))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = "/".join(str(p) for p in first["loc"])
            raise PairError(f"{path}:{number}: {where}: {first['msg']}") from None
        except ValueError as exc:
            raise PairError(f"{path}:{number}: invalid JSON: {exc}") from None
    if not pairs:
        raise PairError(f"{path}: no pairs")
    return pairs


def pipeline_auditor() -> Auditor:
    """The in-process pipeline, without cache or ledger."""
    from claimcheck.pipeline import AuditOptions, run_audit

    return lambda folder: run_audit(AuditOptions(paths=(str(folder),)))


def _citing_b(result: AuditResult) -> tuple[tuple[CitedClaim, ...], ...]:
    return tuple(
        tuple(CitedClaim(path=Path(c.path).name, line=c.line, quote=c.quote) for c in finding.claims)
        for finding in findings_of(result)
        if any(Path(c.path).name == B_NAME for c in finding.claims)
    )


def run_pairs(pairs: Iterable[Pair], auditor: Auditor | None = None,
              progress: PairProgress | None = None) -> list[PairOutcome]:
    """Audit every pair as a folder of a.txt and b.txt in a temporary folder."""
    audit = auditor or pipeline_auditor()
    todo = list(pairs)
    outcomes: list[PairOutcome] = []
    with tempfile.TemporaryDirectory(prefix="claimcheck-pairs-") as tmp:
        for number, pair in enumerate(todo, 1):
            folder = Path(tmp) / f"pair-{number}"
            folder.mkdir()
            (folder / A_NAME).write_text(pair.a, encoding="utf-8")
            (folder / B_NAME).write_text(pair.b, encoding="utf-8")
            cited = _citing_b(audit(folder))
            shutil.rmtree(folder, ignore_errors=True)
            outcomes.append(PairOutcome(
                id=pair.id, label=pair.label, domain=pair.domain, subtype=pair.subtype, flagged=bool(cited),
                findings=cited,
            ))
            if progress:
                progress(number, len(todo))
    return outcomes


class PairReport(Frozen):
    source: str
    overall: PairGroup
    by_domain: tuple[PairGroup, ...]
    by_subtype: tuple[PairGroup, ...]
    outcomes: tuple[PairOutcome, ...]


def _group(name: str, outcomes: list[PairOutcome]) -> PairGroup:
    positives = [o for o in outcomes if o.label == CONTRADICTION]
    negatives = [o for o in outcomes if o.label != CONTRADICTION]
    hits = sum(o.flagged for o in positives)
    alarms = sum(o.flagged for o in negatives)
    recall = hits / len(positives) if positives else None
    far = alarms / len(negatives) if negatives else None
    balanced = (recall + 1 - far) / 2 if recall is not None and far is not None else None
    return PairGroup(
        name=name, pairs=len(outcomes), contradictions=len(positives), flagged_contradictions=hits,
        consistent=len(negatives), flagged_consistent=alarms, recall=_round(recall),
        false_alarm_rate=_round(far), balanced_accuracy=_round(balanced),
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def score_pairs(outcomes: list[PairOutcome], source: str = "") -> PairReport:
    """Recall on contradictions, false-alarm rate on the rest, balanced accuracy; per domain and subtype."""

    def split(field: Callable[[PairOutcome], str]) -> tuple[PairGroup, ...]:
        names = sorted({field(o) for o in outcomes})
        return tuple(_group(n, [o for o in outcomes if field(o) == n]) for n in names)

    return PairReport(
        source=source,
        overall=_group("all", outcomes),
        by_domain=split(lambda o: o.domain),
        by_subtype=split(lambda o: o.subtype),
        outcomes=tuple(outcomes),
    )
