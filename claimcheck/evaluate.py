"""Score an audit against a hand-written gold file: recall, precision, look-alike false positives.

Gold format (YAML)::

    contradictions:
      - id: slug
        kind: numeric|temporal|proportion|arithmetic|categorical
        claims: [{file: a.txt, quote: "exact text in the file"}, ...]
    consistent:            # look alike, must not be flagged
      - id: slug
        claims: [{file: ..., quote: ...}, ...]

A predicted contradiction matches a gold one when it covers two distinct claims of the gold item
that are not both inside one ``consistent`` item (a gold ``arithmetic`` item is only matched by an
``arithmetic`` prediction: citing a total and one of its parts as a plain numeric conflict is the
wrong reason). A predicted claim covers a gold claim when it is
in the same file and its quote overlaps the gold quote's span in the stored file (or, when the
predicted quote cannot be found verbatim, it sits on the same line and shares a significant word).
Everything here is a pure function over values; no printing.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimcheck.models import AuditResult

KINDS = ("numeric", "temporal", "proportion", "arithmetic", "categorical")


class GoldError(ValueError):
    """The gold file is invalid: a clear message naming the item, never a traceback."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GoldClaim(_Strict):
    file: str
    quote: str = Field(min_length=1)
    line: int | None = None  # disambiguates a quote that occurs more than once


class GoldItem(_Strict):
    id: str
    kind: str | None = None
    note: str | None = None
    claims: tuple[GoldClaim, ...]


class GoldFile(_Strict):
    contradictions: tuple[GoldItem, ...] = ()
    consistent: tuple[GoldItem, ...] = ()


class Span(_Strict):
    start: int
    end: int
    line_start: int
    line_end: int


class LocatedClaim(_Strict):
    file: str  # path relative to the corpus, "/" separated
    quote: str
    spans: tuple[Span, ...]


class LocatedItem(_Strict):
    id: str
    kind: str | None
    claims: tuple[LocatedClaim, ...]


class Gold(_Strict):
    corpus: str
    texts: dict[str, str]  # relative path -> file text as stored
    contradictions: tuple[LocatedItem, ...]
    consistent: tuple[LocatedItem, ...]


class PredClaim(_Strict):
    path: str
    line: int
    quote: str
    sentence: str = ""


class Prediction(_Strict):
    id: str
    kind: str
    explanation: str = ""
    claims: tuple[PredClaim, ...]


# --------------------------------------------------------------------------- gold loading


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _find_spans(text: str, needle: str) -> list[Span]:
    spans: list[Span] = []
    start = text.find(needle)
    while start >= 0:
        end = start + len(needle)
        line_start, line_end = _line_of(text, start), _line_of(text, end)
        spans.append(Span(start=start, end=end, line_start=line_start, line_end=line_end))
        start = text.find(needle, start + 1)
    return spans


def _resolve_file(corpus: Path, name: str, files: list[str]) -> str | None:
    if (corpus / name).is_file():
        return Path(name).as_posix()
    hits = [f for f in files if f == name or f.endswith("/" + name)]
    return hits[0] if len(hits) == 1 else None


def _locate(
    item: GoldItem, section: str, corpus: Path, files: list[str], texts: dict[str, str]
) -> LocatedItem:
    if section == "contradictions" and item.kind not in KINDS:
        raise GoldError(f"{section}/{item.id}: kind must be one of {', '.join(KINDS)}, not {item.kind!r}")
    if len(item.claims) < 2:
        raise GoldError(f"{section}/{item.id}: needs at least two claims")
    located = []
    for claim in item.claims:
        rel = _resolve_file(corpus, claim.file, files)
        if rel is None:
            raise GoldError(f"{section}/{item.id}: file {claim.file!r} not found (once) under {corpus}")
        if rel not in texts:
            texts[rel] = (corpus / rel).read_text(encoding="utf-8", errors="replace")
        spans = _find_spans(texts[rel], claim.quote)
        if claim.line is not None:
            spans = [s for s in spans if s.line_start <= claim.line <= s.line_end]
        if not spans:
            where = f" on line {claim.line}" if claim.line is not None else ""
            raise GoldError(f"{section}/{item.id}: quote {claim.quote!r} not found verbatim in {rel}{where}")
        located.append(LocatedClaim(file=rel, quote=claim.quote, spans=tuple(spans)))
    return LocatedItem(id=item.id, kind=item.kind, claims=tuple(located))


def parse_gold(data: Any, corpus: Path) -> Gold:
    """Validate gold data (already parsed YAML) against the files under ``corpus``."""
    try:
        gold = GoldFile.model_validate(data or {})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = "/".join(str(p) for p in first["loc"])
        raise GoldError(f"invalid gold file at {where}: {first['msg']}") from None
    files = sorted(p.relative_to(corpus).as_posix() for p in corpus.rglob("*") if p.is_file())
    texts: dict[str, str] = {}
    seen: set[str] = set()
    for section, items in (("contradictions", gold.contradictions), ("consistent", gold.consistent)):
        for item in items:
            if item.id in seen:
                raise GoldError(f"{section}/{item.id}: duplicate id")
            seen.add(item.id)
    return Gold(
        corpus=str(corpus),
        texts=texts,
        contradictions=tuple(_locate(i, "contradictions", corpus, files, texts) for i in gold.contradictions),
        consistent=tuple(_locate(i, "consistent", corpus, files, texts) for i in gold.consistent),
    )


def load_gold(path: Path, corpus: Path) -> Gold:
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # C loader: much faster on big gold files
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError(f"cannot read gold file {path}: {exc}") from None
    if not corpus.is_dir():
        raise GoldError(f"corpus folder {corpus} not found")
    return parse_gold(data, corpus)


# --------------------------------------------------------------------------- predictions


def predictions_from_result(result: AuditResult) -> list[Prediction]:
    return [
        Prediction(
            id=c.id,
            kind=c.kind,
            explanation=c.explanation,
            claims=tuple(
                PredClaim(path=x.path, line=x.line, quote=x.quote, sentence=x.sentence) for x in c.claims
            ),
        )
        for c in result.contradictions
    ]


def predictions_from_report(report: dict[str, Any]) -> list[Prediction]:
    """Read the ``contradictions`` of a JSON report (schema claimcheck.report/1)."""
    out = []
    for c in report.get("contradictions", []):
        claims = tuple(
            PredClaim(
                path=x["path"], line=int(x["line"]), quote=x.get("quote", ""), sentence=x.get("sentence", "")
            )
            for x in c.get("claims", [])
        )
        out.append(
            Prediction(
                id=str(c.get("id", "")),
                kind=str(c.get("kind", "")),
                explanation=str(c.get("explanation", "")),
                claims=claims,
            )
        )
    return out


# --------------------------------------------------------------------------- scoring

_TOKEN = re.compile(r"[\w$€£%.,/-]+")


def _significant(text: str) -> set[str]:
    words = (t.strip(".,-/").lower() for t in _TOKEN.findall(text))
    return {w for w in words if w and (any(ch.isdigit() for ch in w) or len(w) >= 4)}


def _same_file(pred_path: str, rel: str) -> bool:
    pred = pred_path.replace("\\", "/")
    return pred == rel or pred.endswith("/" + rel) or rel.endswith("/" + pred.lstrip("./"))


def _pred_spans(pred: PredClaim, text: str) -> list[Span]:
    """Where the predicted quote sits in the stored file, near its reported line."""
    if not pred.quote:
        return []
    near = [s for s in _find_spans(text, pred.quote) if s.line_start - 2 <= pred.line <= s.line_end + 2]
    if len(near) > 1 and pred.sentence:
        inside = [
            s
            for s in near
            for sent in _find_spans(text, pred.sentence)
            if sent.start <= s.start and s.end <= sent.end
        ]
        near = inside or near
    return near


def covers(
    pred: PredClaim,
    gold: LocatedClaim,
    texts: dict[str, str],
    memo: dict[tuple[str, PredClaim], list[Span]] | None = None,
) -> bool:
    """Does one predicted claim point at the same place as one gold claim?"""
    if not _same_file(pred.path, gold.file):
        return False
    if memo is None:
        spans = _pred_spans(pred, texts[gold.file])
    elif (gold.file, pred) in memo:
        spans = memo[(gold.file, pred)]
    else:
        spans = memo[(gold.file, pred)] = _pred_spans(pred, texts[gold.file])
    if spans:
        return any(p.start < g.end and g.start < p.end for p in spans for g in gold.spans)
    on_line = any(g.line_start <= pred.line <= g.line_end for g in gold.spans)
    return on_line and bool(_significant(pred.quote or pred.sentence) & _significant(gold.quote))


def _by_file(items: tuple[LocatedItem, ...]) -> dict[str, list[LocatedItem]]:
    index: dict[str, list[LocatedItem]] = {}
    for item in items:
        for name in {c.file for c in item.claims}:
            index.setdefault(name.rsplit("/", 1)[-1], []).append(item)
    return index


def _candidates(pred: Prediction, index: dict[str, list[LocatedItem]]) -> list[LocatedItem]:
    seen: dict[str, LocatedItem] = {}
    for claim in pred.claims:
        for item in index.get(claim.path.replace("\\", "/").rsplit("/", 1)[-1], []):
            seen.setdefault(item.id, item)
    return list(seen.values())


def _same_claim(a: LocatedClaim, b: LocatedClaim) -> bool:
    return a.file == b.file and any(x.start < y.end and y.start < x.end for x in a.spans for y in b.spans)


class KindScore(BaseModel):
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    recall: float = 1.0
    precision: float = 1.0


class Miss(BaseModel):
    id: str
    kind: str | None
    quotes: list[str]


class FalseAlarm(BaseModel):
    id: str
    kind: str
    explanation: str
    quotes: list[str]
    consistent: list[str]  # look-alike items it flagged


class EvalReport(BaseModel):
    gold: int
    found: int
    recall: float
    predicted: int
    correct: int
    precision: float
    consistent_items: int
    consistent_false_positives: int
    per_kind: dict[str, KindScore]
    misses: list[Miss]
    false_alarms: list[FalseAlarm]
    matches: dict[str, list[str]]  # gold id -> predicted ids


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 1.0


def score(predictions: list[Prediction], gold: Gold) -> EvalReport:
    """Recall over gold contradictions, precision over predictions (1.0 when the denominator is 0)."""

    memo: dict[tuple[str, PredClaim], list[Span]] = {}
    contra_index, cons_index = _by_file(gold.contradictions), _by_file(gold.consistent)

    def covered(pred: Prediction, item: LocatedItem) -> set[int]:
        return {
            i for i, g in enumerate(item.claims) if any(covers(p, g, gold.texts, memo) for p in pred.claims)
        }

    def blocked(item: LocatedItem, i: int, j: int) -> bool:
        a, b = item.claims[i], item.claims[j]
        return any(
            any(_same_claim(a, c) for c in cons.claims) and any(_same_claim(b, c) for c in cons.claims)
            for cons in cons_index.get(a.file.rsplit("/", 1)[-1], [])
        )

    matches: dict[str, list[str]] = {item.id: [] for item in gold.contradictions}
    per_kind = {k: KindScore() for k in KINDS}
    false_alarms: list[FalseAlarm] = []
    correct = 0
    for pred in predictions:
        hit = False
        for item in _candidates(pred, contra_index):
            if item.kind == "arithmetic" and pred.kind != "arithmetic":
                continue  # comparing a total with one of its parts is not finding the arithmetic error
            idx = sorted(covered(pred, item))
            pairs = [(i, j) for n, i in enumerate(idx) for j in idx[n + 1 :]]
            if any(not blocked(item, i, j) for i, j in pairs):
                matches[item.id].append(pred.id)
                hit = True
        kind = per_kind.setdefault(pred.kind, KindScore())
        kind.predicted += 1
        if hit:
            correct += 1
            kind.correct += 1
        else:
            looks = [c.id for c in _candidates(pred, cons_index) if len(covered(pred, c)) >= 2]
            false_alarms.append(
                FalseAlarm(
                    id=pred.id,
                    kind=pred.kind,
                    explanation=pred.explanation,
                    consistent=looks,
                    quotes=[f"{c.path}:{c.line}: {c.quote}" for c in pred.claims],
                )
            )
    misses = []
    for item in gold.contradictions:
        kind = per_kind.setdefault(item.kind or "", KindScore())
        kind.gold += 1
        if matches[item.id]:
            kind.found += 1
        else:
            quotes = [f"{c.file}: {c.quote}" for c in item.claims]
            misses.append(Miss(id=item.id, kind=item.kind, quotes=quotes))
    for k in per_kind.values():
        k.recall, k.precision = _ratio(k.found, k.gold), _ratio(k.correct, k.predicted)
    found = sum(1 for v in matches.values() if v)
    return EvalReport(
        gold=len(gold.contradictions),
        found=found,
        recall=_ratio(found, len(gold.contradictions)),
        predicted=len(predictions),
        correct=correct,
        precision=_ratio(correct, len(predictions)),
        consistent_items=len(gold.consistent),
        consistent_false_positives=sum(1 for f in false_alarms if f.consistent),
        per_kind={k: v for k, v in per_kind.items() if v.gold or v.predicted},
        misses=misses,
        false_alarms=false_alarms,
        matches=matches,
    )


def format_table(report: EvalReport) -> str:
    """A plain-text summary for the terminal."""
    lines = [
        f"recall     {report.recall:.3f}  ({report.found}/{report.gold} gold contradictions found)",
        f"precision  {report.precision:.3f}  ({report.correct}/{report.predicted} predictions correct)",
        f"look-alike false positives  {report.consistent_false_positives} "
        f"(over {report.consistent_items} consistent items)",
        "",
        f"{'kind':<12} {'gold':>5} {'found':>6} {'recall':>7} {'pred':>5} {'ok':>4} {'precision':>9}",
    ]
    for name, k in sorted(report.per_kind.items()):
        lines.append(
            f"{name:<12} {k.gold:>5} {k.found:>6} {k.recall:>7.3f} "
            f"{k.predicted:>5} {k.correct:>4} {k.precision:>9.3f}"
        )
    if report.misses:
        lines += ["", "Missed:"]
        for miss in report.misses:
            lines.append(f"  [{miss.kind}] {miss.id}")
            lines += [f"      {q}" for q in miss.quotes]
    if report.false_alarms:
        lines += ["", "False alarms:"]
        for fa in report.false_alarms:
            tag = f" (look-alike: {', '.join(fa.consistent)})" if fa.consistent else ""
            lines.append(f"  [{fa.kind}] {fa.id}{tag}: {fa.explanation}")
            lines += [f"      {q}" for q in fa.quotes]
    return "\n".join(lines)
