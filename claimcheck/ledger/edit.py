"""Rewrite claims.yaml: record a review (``ledger accept``).

Edits go through ruamel.yaml's round-trip mode, so the reviewer's comments, key order and quoting
stay as they were; the result is validated before it is written, and the write is atomic (temp
file in the same folder, fsync, rename), so no backup copy is needed or left behind.
"""

from __future__ import annotations

import io
import itertools
import json
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import SingleQuotedScalarString
from yaml import safe_load as yaml_safe_load

from claimcheck.atomic import write_atomic
from claimcheck.ledger.load import LedgerError, parse_ledger
from claimcheck.ledger.review import Review
from claimcheck.ledger.schema import LEDGER_VERSION, Acknowledgement, ClaimRef, Fact, FactValue, SourceRef

_ACK_KEYS = ("id", "status", "note", "expires", "rule", "subject", "measure", "keep", "seen", "stale")
HEADER = (
    "# claims.yaml: the reviewed ledger for claimcheck.\n"
    "# Review findings with:\n"
    '#   claimcheck ledger accept ID [ID ...] --note "why" [--keep sources/the-right-article.txt]\n'
)


def write_review(path: Path, review: Review) -> bool:
    """Record ``review`` in the ledger at ``path`` (created when missing); whether the file changed.

    Raises LedgerError for an invalid ledger.
    """
    exists = path.exists()
    if exists:
        try:
            original = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise LedgerError(path, None, None, f"cannot read the ledger: {exc}") from None
        parse_ledger(original, path)  # refuse to edit a ledger that does not load
    else:
        original = HEADER + f"version: {LEDGER_VERSION}\n"
    yaml = _round_trip(original)
    data = yaml.load(original)
    if data is None:
        data = CommentedMap(version=LEDGER_VERSION)
    if review.facts:
        facts = _block_list(data, "facts")
        for fact in review.facts:
            facts.append(_fact_map(fact))
    acks = _block_list(data, "acknowledged")
    for ack in review.acknowledgements:
        entry = next((e for e in acks if isinstance(e, CommentedMap) and e.get("id") == ack.id), None)
        if entry is None:
            entry = CommentedMap()
            acks.append(entry)
        _update(entry, _ack_fields(ack))
    text = _dump(yaml, data)
    if exists and text == original:
        return False
    parse_ledger(text, path)  # never write a ledger that would not load
    write_atomic(path, text)
    return True


def _block_list(data: CommentedMap, key: str) -> CommentedSeq:
    items = data.get(key)
    if not isinstance(items, CommentedSeq):
        items = CommentedSeq()
        data[key] = items
    if not items:
        items.fa.set_block_style()
    return items


def _ack_fields(ack: Acknowledgement) -> dict[str, Any]:
    fields: dict[str, Any] = {key: getattr(ack, key) for key in _ACK_KEYS}
    fields["status"] = ack.status.value
    fields["keep"] = list(ack.keep) or None
    fields["seen"] = _refs(ack.seen)
    fields["stale"] = _refs(ack.stale)
    return fields


def _refs(refs: Sequence[ClaimRef]) -> CommentedSeq | None:
    if not refs:
        return None
    out = CommentedSeq()
    for ref in refs:
        item = CommentedMap((k, _scalar(v)) for k, v in ref.model_dump(exclude_none=True).items())
        item.fa.set_flow_style()
        out.append(item)
    return out


def _fact_map(fact: Fact) -> CommentedMap:
    out = CommentedMap()
    out["subject"] = _scalar(fact.subject)
    out["measure"] = _scalar(fact.measure)
    if fact.kind is not None:
        out["kind"] = fact.kind.value
    if fact.event:
        out["event"] = _scalar(fact.event)
    if fact.time is not None:
        out["time"] = SingleQuotedScalarString(fact.time.label())
    if isinstance(fact.value, FactValue):
        value = CommentedMap()
        for key, item in fact.value.model_dump().items():
            if item is not None and item != "" and not (key == "qualifier" and item == "exact"):
                value[key] = _number(item) if isinstance(item, float) else _scalar(item)
        out["value"] = value
    else:
        out["value"] = _scalar(fact.value)
    for key in ("owner", "scope", "time_varying"):
        item = getattr(fact, key)
        if item not in (None, False, "unspecified"):
            out[key] = _scalar(item)
    if isinstance(fact.source, SourceRef):
        source = CommentedMap(path=_scalar(fact.source.path), quote=_scalar(fact.source.quote))
        source.fa.set_flow_style()
        out["source"] = source
    elif fact.source:
        out["source"] = _scalar(fact.source)
    for key in ("finding", "note"):
        if getattr(fact, key):
            out[key] = _scalar(getattr(fact, key))
    return out


def _number(value: float) -> int | float:
    return int(value) if math.isfinite(value) and value.is_integer() and abs(value) < 2**53 else value


def _update(entry: CommentedMap, fields: dict[str, Any]) -> None:
    for key in _ACK_KEYS:
        value = fields.get(key)
        if value is None or value == "":
            if key in ("expires", "keep", "stale") and key in entry:
                del entry[key]  # accepting again without --expires makes it permanent
            continue
        if isinstance(value, CommentedSeq):
            if _plain(entry.get(key)) != _plain(value):
                entry[key] = value
        elif entry.get(key) != value:
            entry[key] = _scalar(value)


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str)) if value is not None else None


def _scalar(value: Any) -> Any:
    """Quote text that a YAML 1.1 reader (PyYAML) would read as something else: ``no``, ``1e3``, ``~``."""
    if not isinstance(value, str):
        return value
    try:
        plain = yaml_safe_load(value)
    except Exception:  # not a plain scalar at all; ruamel quotes what it must
        return value
    return value if plain == value else SingleQuotedScalarString(value)


def _round_trip(text: str) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a reviewer's long lines
    mapping, sequence, offset = _indentation(text)
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _indentation(text: str) -> tuple[int, int, int]:
    """Guess (mapping, sequence, offset) indents from the first nested block, as ruamel wants them."""
    mapping, offset = 2, 0
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for above, line in itertools.pairwise(lines):
        key = re.match(r"^( *)[^\s#-][^:]*:\s*$", above)
        if not key:
            continue
        parent = len(key.group(1))
        item = re.match(r"^( *)- +(?=\S)", line)
        child = re.match(r"^( *)\S", line)
        if item:
            offset = max(len(item.group(1)) - parent, 0)
            dash_to_text = len(item.group(0)) - len(item.group(1))
            return mapping, offset + dash_to_text, offset
        if child and len(child.group(1)) > parent:
            mapping = len(child.group(1)) - parent
    return mapping, mapping + offset, offset


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
