"""Bytes on disk to text: BOMs, strict UTF-8, detected legacy encodings, binary refusal.

Nothing here raises for a bad file: :func:`read_text` returns either the decoded
text or the reason the file cannot be read, phrased for the user.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass

MAX_BYTES = 200 * 1024 * 1024  # larger files are refused with their size
_SNIFF = 64 * 1024  # bytes inspected for binary content

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# The Western single-byte encodings preferred when charset-normalizer finds several equally clean ones.
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
# Control bytes that do not occur in text (tab, newlines, form feed and escape excluded).
_CONTROL = bytes([*range(0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])


_ESCAPED_RE = re.compile("[\udc80-\udcff]")  # bytes that are not UTF-8, after surrogateescape
_VALID_NON_ASCII_RE = re.compile("[^\x00-\x7f\udc80-\udcff]+")


class NotText(Exception):
    """The bytes are not a text article; ``str(exc)`` is the reason shown to the user."""


@dataclass(frozen=True)
class Decoded:
    text: str  # BOM stripped, line endings normalised to "\n"
    encoding: str  # e.g. "utf-8", "utf-8-sig", "cp1252", "utf-8 (3 invalid bytes replaced)"


def _normalise(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its zero bytes alternating on one side."""
    sample = data[:_SNIFF]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    pairs = len(sample) // 2
    if odd_zero > 0.4 * pairs and even_zero == 0:
        return "utf-16-le"
    if even_zero > 0.4 * pairs and odd_zero == 0:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SNIFF]
    if 0 in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > 0.1 * len(sample)


def _detect_legacy(data: bytes) -> str | None:
    """Ask charset-normalizer; among equally clean answers prefer the Western encodings."""
    from charset_normalizer import from_bytes

    results = [m for m in from_bytes(data) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if not results:
        return None
    cleanest = min(m.chaos for m in results)
    near = [m for m in results if m.chaos <= cleanest + 0.01]
    names = [name for m in near for name in (m.could_be_from_charset or [m.encoding])]
    for preferred in _WESTERN:
        if preferred in names:
            return preferred
    best = max(near, key=lambda m: (m.coherence, -m.chaos))
    return str(best.encoding)


def decode_bytes(data: bytes) -> Decoded:
    """Decode file bytes; raise :class:`NotText` for empty or binary content."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(name)
            except UnicodeDecodeError:
                text = data[len(bom) :].decode(name, errors="replace")
                name = f"{name} (invalid bytes replaced)"
            label = "utf-8-sig" if name == "utf-8" else name
            return _finish(text, label)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _finish(data.decode(utf16, errors="replace"), utf16)
    if _looks_binary(data):
        if not data.strip(b" \t\r\n\x00"):
            raise NotText("empty file")
        raise NotText("binary file (not text)")
    try:
        return _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    escaped = data.decode("utf-8", errors="surrogateescape")
    invalid = len(_ESCAPED_RE.findall(escaped))
    valid_bytes = len("".join(_VALID_NON_ASCII_RE.findall(escaped)).encode("utf-8"))
    if valid_bytes < invalid:  # mostly not UTF-8: a legacy single-byte encoding
        legacy = _detect_legacy(data)
        if legacy is not None:
            return _finish(data.decode(legacy, errors="replace"), legacy)
    text = _ESCAPED_RE.sub("\ufffd", escaped)
    plural = "byte" if invalid == 1 else "bytes"
    return _finish(text, f"utf-8 ({invalid} invalid {plural} replaced)")


def _finish(text: str, encoding: str) -> Decoded:
    text = _normalise(text)
    if not text.strip():
        raise NotText("empty file")
    return Decoded(text=text, encoding=encoding)


def _size_label(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def read_text(path: str) -> Decoded | str:
    """Read and decode ``path``; return the reason as a string when it cannot be used."""
    try:
        info = os.stat(path)
    except OSError as exc:
        return f"cannot read file: {exc.strerror or exc}"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if info.st_size > MAX_BYTES:
        return f"file too large ({_size_label(info.st_size)}; the limit is {_size_label(MAX_BYTES)})"
    if info.st_size == 0:
        return "empty file"
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return f"cannot read file: {exc.strerror or exc}"
    if len(data) > MAX_BYTES:
        return f"file too large (over {_size_label(MAX_BYTES)})"
    try:
        return decode_bytes(data)
    except NotText as exc:
        return str(exc)
