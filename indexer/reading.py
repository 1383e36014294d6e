"""From a file on disk to its text: format checks, decoding, PDF extraction.

Every way a file can fail becomes an ``UnreadableFileError`` that names the file and
says why in plain words; nothing here decides what happens to the rest of the corpus.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass
from pathlib import Path

from indexer.errors import UnreadableFileError
from indexer.pdf import PdfProblem, extract_pages_guarded, strip_running_lines

TEXT_SUFFIXES = frozenset({".txt", ".md"})
PDF_SUFFIXES = frozenset({".pdf"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES

_OTHER_FORMATS = (
    (b"PK\x03\x04", "a ZIP or Office document (such as Word .docx)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (such as Word .doc)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"<!DOCTYPE html", "an HTML page"),
    (b"<html", "an HTML page"),
)


@dataclass(frozen=True)
class SourceText:
    """A file's text as read: ``text`` is what source spans point into.

    For a PDF, ``text`` is the pages' extracted text joined by newlines and
    ``page_starts[i]`` is where page i+1 begins.
    """

    source: str
    text: str
    kind: str = "text"
    page_starts: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()

    def page_at(self, offset: int) -> int | None:
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > max(2, len(sample) // 100)


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


def _describe_other(data: bytes) -> str | None:
    head = data[:64].lstrip()
    for magic, what in _OTHER_FORMATS:
        if head[: len(magic)].lower() == magic.lower():
            return what
    return None


def read_bytes(
    data: bytes,
    source: str,
    *,
    pdf_timeout_s: float = 30.0,
    pdf_memory_mb: int = 1024,
) -> SourceText:
    """Turn a file's bytes into ``SourceText``; ``source`` names it in errors."""
    suffix = Path(source).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "(no extension)"
        raise UnreadableFileError(source, f"unsupported file type {shown}: Referat reads .txt, .md and .pdf")
    if not data.strip():
        raise UnreadableFileError(source, "empty file")
    if suffix in PDF_SUFFIXES:
        return _read_pdf(data, source, pdf_timeout_s, pdf_memory_mb)
    if _looks_binary(data):
        other = _describe_other(data)
        what = f"{other}, not text" if other else "binary data, not text"
        raise UnreadableFileError(source, f"{what}: save it as plain text (.txt) or PDF")
    text, notes = decode_text(data, source)
    if not text.strip():
        raise UnreadableFileError(source, "no text in the file")
    return SourceText(source, text, "text", (), notes)


def _read_pdf(data: bytes, source: str, timeout_s: float, memory_mb: int) -> SourceText:
    if b"%PDF-" not in data[:1024]:
        other = _describe_other(data)
        what = f"{other} named .pdf" if other else "no PDF header (not a PDF, or badly damaged)"
        raise UnreadableFileError(source, f"not a PDF: {what}")
    try:
        pages = extract_pages_guarded(data, timeout_s, memory_mb)
    except PdfProblem as exc:
        raise UnreadableFileError(source, str(exc)) from exc
    pages = strip_running_lines(pages)
    notes = []
    empty = [str(i) for i, p in enumerate(pages, start=1) if not p.strip()]
    if empty:
        notes.append(f"no text layer on page(s) {', '.join(empty)}: those pages need OCR")
    starts, pos = [], 0
    for page in pages:
        starts.append(pos)
        pos += len(page) + 1
    return SourceText(source, "\n".join(pages), "pdf", tuple(starts), tuple(notes))


def read_limited(path: Path, source: str, max_bytes: int) -> bytes:
    """The file's bytes, unless it is over the size limit or cannot be opened."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableFileError(
                source,
                f"file is {size / 1e6:.1f} MB, above the {max_bytes / 1e6:g} MB limit "
                "(raise it with --max-file-mb or REFERAT_MAX_FILE_MB)",
            )
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(source, f"cannot open the file ({exc.strerror or exc})") from exc


def read_file(path: Path, source: str, *, max_bytes: int, pdf_timeout_s: float, pdf_memory_mb: int) -> SourceText:
    """Read ``path`` (shown to the user as ``source``) within the size limit."""
    data = read_limited(path, source, max_bytes)
    return read_bytes(data, source, pdf_timeout_s=pdf_timeout_s, pdf_memory_mb=pdf_memory_mb)
