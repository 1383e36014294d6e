"""From a file on disk to its text: one reader per format, chosen by the file's extension.

Every way a file can fail becomes an ``UnreadableFileError`` that names the file and
says why in plain words; nothing here decides what happens to the rest of the corpus.
"""

from __future__ import annotations

from pathlib import Path

from indexer.errors import UnreadableFileError
from indexer.formats.docx import read_docx
from indexer.formats.html import read_html
from indexer.formats.pdf import read_pdf
from indexer.formats.plain import read_plain
from indexer.source import SourceText

TEXT_SUFFIXES = frozenset({".txt", ".md"})
PDF_SUFFIXES = frozenset({".pdf"})
HTML_SUFFIXES = frozenset({".htm", ".html"})
DOCX_SUFFIXES = frozenset({".docx"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES
_SUPPORTED_NAMES = ".txt, .md, .pdf, .html, .htm and .docx"


def read_bytes(
    data: bytes,
    source: str,
    *,
    pdf_timeout_s: float = 30.0,
    pdf_memory_mb: int = 1024,
    ocr_cache: Path | None = None,
    progress: bool = False,
) -> SourceText:
    """Turn a file's bytes into ``SourceText``; ``source`` names it in errors.

    ``ocr_cache`` is the folder that keeps OCR results of scanned PDFs (None: OCR every time);
    ``progress`` draws a bar on stderr while pages are OCR'd.
    """
    suffix = Path(source).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "(no extension)"
        raise UnreadableFileError(source, f"unsupported file type {shown}: Referat reads {_SUPPORTED_NAMES}")
    if not data.strip():
        raise UnreadableFileError(source, "empty file")
    if suffix in PDF_SUFFIXES:
        return read_pdf(data, source, pdf_timeout_s, pdf_memory_mb, ocr_cache=ocr_cache, progress=progress)
    if suffix in HTML_SUFFIXES:
        return read_html(data, source)
    if suffix in DOCX_SUFFIXES:
        return read_docx(data, source)
    return read_plain(data, source)


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


def read_file(
    path: Path,
    source: str,
    *,
    max_bytes: int,
    pdf_timeout_s: float,
    pdf_memory_mb: int,
    ocr_cache: Path | None = None,
    progress: bool = False,
) -> SourceText:
    """Read ``path`` (shown to the user as ``source``) within the size limit."""
    data = read_limited(path, source, max_bytes)
    return read_bytes(
        data, source, pdf_timeout_s=pdf_timeout_s, pdf_memory_mb=pdf_memory_mb, ocr_cache=ocr_cache, progress=progress
    )
