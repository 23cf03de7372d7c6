"""Bytes to text: BOMs, UTF-8, legacy encodings, invalid bytes, binary and empty files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from claimcheck.decode import MAX_BYTES, Decoded, NotText, decode_bytes, read_text

SAMPLE = "Prices rose 4% to €12 — “a record”, the café said.\nNaïve résumé: façade.\n"


def test_plain_utf8() -> None:
    decoded = decode_bytes(SAMPLE.encode("utf-8"))
    assert decoded == Decoded(text=SAMPLE, encoding="utf-8")


def test_utf8_bom_is_stripped() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + SAMPLE.encode("utf-8"))
    assert decoded.text == SAMPLE
    assert decoded.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(codec: str) -> None:
    data = SAMPLE.encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):
        data = (codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE) + data
    decoded = decode_bytes(data)
    assert decoded.text == SAMPLE
    assert decoded.encoding.startswith(codec[:6])


def test_utf16_without_bom_is_recognised() -> None:
    decoded = decode_bytes("Plain English text, line one.\nLine two.\n".encode("utf-16-le"))
    assert decoded.text.startswith("Plain English text")
    assert decoded.encoding == "utf-16-le"


def test_windows_1252_curly_quotes_and_euro() -> None:
    text = (
        "He said \u201chello\u201d and paid \u20ac5 \u2014 it\u2019s fine.\n"
        "Second line with na\u00efve r\u00e9sum\u00e9.\n"
    )
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"


def test_latin1_text() -> None:
    text = "Café crème brûlée, naïve façade, Müller straße, ¿qué tal? señor.\n"
    decoded = decode_bytes(text.encode("latin-1"))
    assert decoded.text == text


def test_invalid_utf8_bytes_are_replaced_and_counted() -> None:
    data = "Hello wörld — fine\n".encode() + b"bad \xff\xfe here \xc3 x\n"
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8 (3 invalid bytes replaced)"
    assert decoded.text == "Hello wörld — fine\nbad \ufffd\ufffd here \ufffd x\n"


def test_crlf_and_cr_are_normalised() -> None:
    assert decode_bytes(b"one\r\ntwo\rthree\n").text == "one\ntwo\nthree\n"


def test_png_bytes_are_binary() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
    with pytest.raises(NotText, match="binary file"):
        decode_bytes(png * 20)


def test_control_characters_are_binary() -> None:
    with pytest.raises(NotText, match="binary file"):
        decode_bytes(bytes(range(1, 9)) * 50 + b"some text")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8 + b"\n\n"])
def test_empty_and_whitespace(data: bytes) -> None:
    with pytest.raises(NotText, match="empty file"):
        decode_bytes(data)


def test_read_text_reports_reasons(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"")
    assert read_text(str(path)) == "empty file"
    assert str(read_text(str(tmp_path / "missing.txt"))).startswith("cannot read file")
    assert read_text(str(tmp_path)) == "not a regular file"


def test_read_text_refuses_huge_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import claimcheck.decode as decode

    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    monkeypatch.setattr(decode, "MAX_BYTES", 1024)
    reason = decode.read_text(str(path))
    assert isinstance(reason, str) and reason.startswith("file too large")
    assert MAX_BYTES == 200 * 1024 * 1024


def test_read_text_permission_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("text")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    assert read_text(str(path)) == "cannot read file: Permission denied"
