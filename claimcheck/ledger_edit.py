"""Rewrite claims.yaml: acknowledge a contradiction, or write a starter ledger.

Edits go through ruamel.yaml's round-trip mode, so the reviewer's comments,
key order and quoting stay as they were; the result is validated before it
is written, the previous file is kept as ``claims.yaml.bak``, and the write
is atomic (temp file in the same folder, fsync, rename).
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import re
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import SingleQuotedScalarString
from yaml import safe_load as yaml_safe_load

from claimcheck.atomic import write_atomic
from claimcheck.ledger import LedgerError, load_ledger, parse_ledger
from claimcheck.ledger_schema import LEDGER_VERSION, AckStatus
from claimcheck.models import Article, Contradiction

_ACK_KEYS = ("id", "status", "note", "expires", "rule", "subject", "measure")
_HEADER = (
    "# claims.yaml: the reviewed ledger for claimcheck.\n"
    "# Acknowledge a contradiction with:\n"
    '#   claimcheck ledger accept ID --status accepted --note "why it is fine"\n'
)


class EditError(Exception):
    """A rewrite that cannot be done as asked (unknown or ambiguous id, file exists)."""


def resolve_id(wanted: str, candidates: Sequence[str]) -> str:
    """The one candidate equal to ``wanted``, or the one starting with it."""
    wanted = wanted.strip()
    if wanted in candidates:
        return wanted
    matches = sorted({c for c in candidates if wanted and c.startswith(wanted)})
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise EditError(f"id prefix {wanted!r} is ambiguous: {', '.join(matches[:8])}")
    raise EditError(f"no contradiction with id {wanted!r} in the current audit or the ledger")


def accept(
    path: Path,
    wanted: str,
    *,
    status: AckStatus,
    note: str,
    expires: dt.date | None = None,
    known: Sequence[Contradiction] = (),
) -> tuple[str, bool]:
    """Add or update the acknowledgement for ``wanted`` (an id or unique prefix).

    Returns (the full id, whether the file changed). ``known`` is the current
    audit's contradictions: their rule, subject and measure are copied in for
    the reader. Raises LedgerError for an invalid ledger, EditError otherwise.
    """
    exists = path.exists()
    ledger = load_ledger(path) if exists else None
    candidates = [c.id for c in known] + ([a.id for a in ledger.acknowledged] if ledger else [])
    fingerprint = resolve_id(wanted, candidates)
    about = next((c for c in known if c.id == fingerprint), None)

    original = path.read_text(encoding="utf-8-sig") if exists else _HEADER + f"version: {LEDGER_VERSION}\n"
    yaml = _round_trip(original)
    data = yaml.load(original)
    if data is None:
        data = CommentedMap(version=LEDGER_VERSION)
    acks = data.get("acknowledged")
    if not isinstance(acks, CommentedSeq):
        acks = CommentedSeq()
        data["acknowledged"] = acks
    if not acks:
        acks.fa.set_block_style()

    fields: dict[str, Any] = {"id": fingerprint, "status": status, "note": note, "expires": expires}
    if about is not None:
        fields.update(rule=about.rule, subject=about.subject, measure=about.measure)
    entry = next((e for e in acks if isinstance(e, CommentedMap) and e.get("id") == fingerprint), None)
    if entry is None:
        entry = CommentedMap()
        acks.append(entry)
    _update(entry, fields)

    text = _dump(yaml, data)
    if exists and text == original:
        return fingerprint, False
    parse_ledger(text, path)  # never write a ledger that would not load
    _write_with_backup(path, text, backup=exists)
    return fingerprint, True


def _update(entry: CommentedMap, fields: dict[str, Any]) -> None:
    for key in _ACK_KEYS:
        value = fields.get(key)
        if value is None or value == "":
            if key == "expires" and key in entry:
                del entry[key]  # accepting again without --expires makes it permanent
            continue
        if entry.get(key) != value:
            entry[key] = _scalar(value)


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


def _write_with_backup(path: Path, text: str, *, backup: bool) -> None:
    if backup:
        shutil.copy2(path, path.with_name(path.name + ".bak"))
    write_atomic(path, text)


# --------------------------------------------------------------------------- init

EntityFinder = Callable[[Sequence[Any]], list[tuple[str, list[str]]]]


def write_starter(path: Path, text: str, *, force: bool) -> None:
    """Write a starter ledger; refuses to replace an existing file unless ``force``."""
    if path.exists() and not force:
        raise EditError(f"{path} already exists (use --force to replace it; the old one is kept as .bak)")
    try:
        parse_ledger(text, path)
    except LedgerError as exc:  # a bug in the template, not the user's fault
        raise EditError(f"internal error: the starter ledger does not load: {exc}") from None
    _write_with_backup(path, text, backup=path.exists())


def starter_text(articles: Sequence[Article], entities: Sequence[tuple[str, Sequence[str]]]) -> str:
    """A starter ledger: the dates the loader found (and how), candidate entities, commented examples."""
    out = [
        _HEADER,
        f"# Written by `claimcheck ledger init` from {len(articles)} article(s). Review every entry:\n"
        "# whatever is here is treated as reviewed.\n",
        f"version: {LEDGER_VERSION}\n\n",
        "# Publication dates, keyed by article id. claimcheck resolves \"shipping now\" or\n"
        "# \"next year\" against them; a date here overrides what the article says.\n",
    ]
    dated = [(a, a.published) for a in sorted(articles, key=lambda a: a.id)]
    out.append("articles:\n" if articles else "articles: {}\n")
    for article, published in dated:
        how = f"{published.origin}: {published.reason}" if published else "no date found"
        out.append(f"  {_q(article.id)}:  # {_comment(article.path)}\n")
        if published and published.span.start == published.span.end:
            out.append(f"    published: {published.span.start.isoformat()}  # {_comment(how)}\n")
        else:
            label = f" (only {published.span.label()} is known)" if published else ""
            out.append(f"    published:  # YYYY-MM-DD{label}; {_comment(how)}\n")
    out.append(
        "\n# Entities: the canonical name, the other names articles use for it, and its\n"
        "# parent (is-a: a count of the child is part of a count of the parent).\n"
    )
    out.append("entities:\n" if entities else "entities: {}\n")
    for name, aliases in entities:
        out.append(f"  {_q(name)}:\n")
        if aliases:
            out.append(f"    aliases: [{', '.join(_q(a) for a in aliases)}]\n")
        out.append("    # parent: ...\n")
    out.append(
        "\n# Measure synonyms: canonical wording -> other wordings.\n"
        "# measures:\n#   units deployed: [units rolled out, units in service]\n"
        "measures: {}\n"
        "\n# Accepted facts: new articles are checked against them as against an article.\n"
        "# facts:\n#   - subject: ExampleCo\n#     measure: employees\n#     value: about 12,000 people\n"
        "#     as_of: 2025-01-31\n#     source: ExampleCo annual report\n"
        "#     note: confirmed with the company\n"
        "facts: []\n"
        "\n# Acknowledged contradictions, by id. Add them with `claimcheck ledger accept`:\n"
        "#   - id: 3f9c2a...\n#     status: accepted        # or false-positive\n"
        "#     note: the two figures count different things\n#     expires: 2026-06-30     # optional\n"
        "acknowledged: []\n"
    )
    return "".join(out)


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(text.split())
