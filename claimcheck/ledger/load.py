"""Load and validate claims.yaml: safe YAML only, every error names its line and field.

Parsing composes YAML nodes with PyYAML's SafeLoader (nothing is ever
constructed from a tag outside the YAML core schema), records the line of each
key and value, rejects duplicate keys, and maps pydantic's error locations back
to those lines, so a reviewer reads ``claims.yaml:14: acknowledged[2].status:
must be one of accepted, false-positive (got 'ok')`` rather than a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from claimcheck.ledger.schema import LEDGER_VERSION, Acknowledgement, ArticleMeta, EntitySpec, Fact, Ledger

MAX_LEDGER_BYTES = 10 * 1024 * 1024
MAX_NODES = 200_000  # after alias expansion: a "billion laughs" file stops here
DEFAULT_LEDGER_NAME = "claims.yaml"

Loc = tuple[str | int, ...]

_CORE = "tag:yaml.org,2002:"
_SAFE_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge")}


class LedgerError(Exception):
    """An unusable ledger: where (file, 1-based line or None), which field, and what is wrong."""

    def __init__(self, path: Path | str, line: int | None, field: str | None, message: str) -> None:
        super().__init__(message)
        self.path = str(path)
        self.line = line
        self.field = field
        self.message = message

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


def find_default_ledger(cwd: Path | None = None) -> Path | None:
    """./claims.yaml when it exists."""
    candidate = (cwd if cwd is not None else Path()) / DEFAULT_LEDGER_NAME  # relative stays relative
    return candidate if candidate.is_file() else None


def load_ledger(path: Path) -> Ledger:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LedgerError(path, None, None, f"cannot read the ledger: {exc.strerror or exc}") from None
    if size > MAX_LEDGER_BYTES:
        limit = f"{MAX_LEDGER_BYTES:,}"
        raise LedgerError(path, None, None, f"file is {size:,} bytes; a ledger may be at most {limit}")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LedgerError(path, None, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise LedgerError(path, None, None, f"cannot read the ledger: {exc.strerror or exc}") from None
    return parse_ledger(text, path)


def parse_ledger(text: str, path: Path | str = DEFAULT_LEDGER_NAME) -> Ledger:
    """Validate ledger text; ``path`` is only used in messages and kept on the result."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_LEDGER_BYTES:
        raise LedgerError(path, None, None, f"text is larger than {MAX_LEDGER_BYTES:,} bytes")
    data, lines = _compose(text, path)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise LedgerError(path, lines.get((), 1), None, f"top level must be a mapping (got {_kind(data)})")
    version = data.get("version", LEDGER_VERSION)
    if version != LEDGER_VERSION or isinstance(version, bool):
        raise LedgerError(
            path, lines.get(("version",)), "version",
            f"unsupported ledger version {version!r} (this claimcheck reads version {LEDGER_VERSION})",
        )
    try:
        ledger = Ledger.model_validate(data)
    except ValidationError as exc:
        raise _first_error(exc, path, lines) from None
    _check_unique_acks(ledger, path, lines)
    ledger = ledger.model_copy(update={"path": str(path)})
    ledger._lines = dict(lines)
    return ledger


# --------------------------------------------------------------------------- YAML


def _compose(text: str, path: Path | str) -> tuple[Any, dict[Loc, int]]:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        lines: dict[Loc, int] = {}
        _walk(node, (), lines, path, [0], loader)
        return loader.construct_document(node), lines
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        last = max(text.count("\n", 0, len(text.rstrip())) + 1, 1)  # "end of stream" is the last line
        line = min(mark.line + 1, last) if mark is not None else None
        problem = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
        raise LedgerError(path, line, None, f"not valid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise LedgerError(path, None, None, f"not valid YAML: {exc}") from None
    except (ValueError, OverflowError) as exc:  # e.g. a timestamp like 2024-13-45 that the resolver accepted
        raise LedgerError(path, None, None, f"not valid YAML: {exc}") from None
    finally:
        loader.dispose()


def _walk(
    node: yaml.Node, loc: Loc, lines: dict[Loc, int], path: Path | str, budget: list[int],
    loader: yaml.SafeLoader,
) -> None:
    budget[0] += 1
    if budget[0] > MAX_NODES:
        raise LedgerError(path, node.start_mark.line + 1, None, f"more than {MAX_NODES:,} values (aliases?)")
    line = node.start_mark.line + 1
    lines.setdefault(loc, line)
    if node.tag not in _SAFE_TAGS:
        raise LedgerError(
            path, line, _field(loc) or None,
            f"YAML tag {node.tag!r} is not allowed (a ledger holds plain data only; nothing was executed)",
        )
    if node.tag == _CORE + "timestamp" and isinstance(node, yaml.ScalarNode):
        try:
            loader.construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            raise LedgerError(path, line, _field(loc) or None,
                              f"not a valid date, expected YYYY-MM-DD (got {node.value!r}: {exc})") from None
    if isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*loc, index), lines, path, budget, loader)
    elif isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag not in _SAFE_TAGS:
                raise LedgerError(path, key_node.start_mark.line + 1, _field(loc) or None,
                                  f"YAML tag {key_node.tag!r} is not allowed")
            if not isinstance(key_node, yaml.ScalarNode):
                raise LedgerError(path, key_node.start_mark.line + 1, _field(loc) or None,
                                  "keys must be plain scalars")
            key = str(key_node.value)
            key_line = key_node.start_mark.line + 1
            if key_node.tag == _CORE + "merge":
                _walk(value_node, loc, lines, path, budget, loader)
                continue
            if key in seen:
                raise LedgerError(path, key_line, _field((*loc, key)),
                                  f"duplicate key {key!r} (first on line {seen[key]})")
            seen[key] = key_line
            lines[(*loc, key)] = key_line
            _walk(value_node, (*loc, key), lines, path, budget, loader)


# --------------------------------------------------------------------------- errors


def _field(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _kind(value: object) -> str:
    names = {dict: "a mapping", list: "a list", str: "text", int: "a number", float: "a number",
             bool: "true/false"}
    return names.get(type(value), type(value).__name__)


def _first_error(exc: ValidationError, path: Path | str, lines: dict[Loc, int]) -> LedgerError:
    errors = sorted(exc.errors(), key=lambda e: _line_for(tuple(e["loc"]), lines) or 0)
    error = errors[0]
    loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and "[" in part))
    message = _message(error)
    if error["type"] == "extra_forbidden":
        message += f" (known fields: {', '.join(_known_fields(loc))})"
    return LedgerError(path, _line_for(loc, lines), _field(loc) or None, message)


def _known_fields(loc: Loc) -> list[str]:
    models: dict[str, type[BaseModel]] = {
        "articles": ArticleMeta, "entities": EntitySpec, "facts": Fact, "acknowledged": Acknowledgement,
    }
    model = models.get(str(loc[0]), Ledger) if len(loc) == 3 else Ledger
    return [name for name in model.model_fields if name != "path"]


def _line_for(loc: Loc, lines: dict[Loc, int]) -> int | None:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _message(error: ErrorDetails) -> str:
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    got = f" (got {value!r})" if not isinstance(value, dict | list) else f" (got {_kind(value)})"
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"must be one of {expected}{got}"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "required field is missing"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"not a valid date, expected YYYY-MM-DD{got}"
    if kind in ("dict_type", "model_type"):
        return f"must be a mapping{got}"
    if kind in ("tuple_type", "list_type"):
        return f"must be a list{got}"
    if kind == "string_type":
        hint = "; put it in quotes" if isinstance(value, bool | int | float) or value is None else ""
        return f"must be text{got}{hint}"
    return f"{error['msg'][:1].lower()}{error['msg'][1:]}{got}"


def _check_unique_acks(ledger: Ledger, path: Path | str, lines: dict[Loc, int]) -> None:
    seen: dict[str, int] = {}
    for index, ack in enumerate(ledger.acknowledged):
        if ack.id in seen:
            raise LedgerError(path, lines.get(("acknowledged", index)), f"acknowledged[{index}].id",
                              f"{ack.id!r} is acknowledged twice (first as acknowledged[{seen[ack.id]}])")
        seen[ack.id] = index
