"""Plain text and Markdown files: decoding, and telling text from other formats."""

from __future__ import annotations

from indexer.errors import UnreadableFileError
from indexer.source import SourceText
from indexer.text import has_visible_text

_OTHER_FORMATS = (
    (b"PK\x03\x04", "a ZIP or Office document (such as Word .docx)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (such as Word .doc)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF-", "a PDF document"),
    (b"<!DOCTYPE html", "an HTML page"),
    (b"<html", "an HTML page"),
)


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > max(2, len(sample) // 100)


def describe_other(data: bytes) -> str | None:
    """What a file with the wrong extension really is, if its first bytes tell."""
    head = data[:64].lstrip()
    for magic, what in _OTHER_FORMATS:
        if head[: len(magic)].lower() == magic.lower():
            return what
    return None


def decode_text(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """UTF-8 first (with or without BOM); otherwise Windows-1252, then Latin-1, with a note."""
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        try:
            return data.decode(encoding), (f"not UTF-8: decoded as {encoding}",)
        except UnicodeDecodeError:
            continue
    raise UnreadableFileError(source, "cannot decode the text")  # latin-1 never fails


def read_plain(data: bytes, source: str) -> SourceText:
    if looks_binary(data):
        other = describe_other(data)
        what = f"{other}, not text" if other else "binary data, not text"
        raise UnreadableFileError(source, f"{what}: save it as plain text (.txt) or PDF")
    text, notes = decode_text(data, source)
    if not has_visible_text(text):
        raise UnreadableFileError(source, "no text in the file")
    return SourceText(source, text, "text", (), notes)
