"""PDF text extraction with pypdf, fenced off from the indexer.

A hostile or broken PDF can make a parser loop or allocate without bound, so each PDF
is parsed in a forked child with a time limit and an address-space limit; the parent
only ever receives plain strings.
"""

from __future__ import annotations

import io
import multiprocessing as mp
import resource

from indexer.errors import UnreadableFileError
from indexer.formats.plain import describe_other
from indexer.source import SourceText, join_pages


class PdfProblem(Exception):
    """Why a PDF gave no text, in words for the user."""


def extract_pages(data: bytes) -> list[str]:
    """Text of each page. Raises PdfProblem for encrypted, damaged or image-only PDFs."""
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PdfProblem("password-protected PDF: save an unprotected copy to index it")
        pages = [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError as exc:
        raise PdfProblem("password-protected PDF: save an unprotected copy to index it") from exc
    except PdfReadError as exc:
        raise PdfProblem(f"damaged or truncated PDF ({exc})") from exc
    if not pages:
        raise PdfProblem("PDF has no pages")
    if not any(p.strip() for p in pages):
        raise PdfProblem("no text layer: needs OCR (a scanned PDF)")
    return pages


def _child(conn: mp.connection.Connection, data: bytes, memory_bytes: int) -> None:
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        conn.send(("ok", extract_pages(data)))
    except PdfProblem as exc:
        conn.send(("error", str(exc)))
    except MemoryError:
        conn.send(("error", "PDF needs too much memory to parse (damaged or hostile file)"))
    except RecursionError:
        conn.send(("error", "damaged PDF (structure nested too deeply)"))
    except Exception as exc:
        conn.send(("error", f"damaged PDF ({type(exc).__name__}: {exc})"))
    finally:
        conn.close()


def _current_address_space() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * resource.getpagesize()
    except OSError:
        return 0


def extract_pages_guarded(data: bytes, timeout_s: float, memory_mb: int) -> list[str]:
    """``extract_pages`` in a child process that is killed after ``timeout_s`` seconds."""
    ctx = mp.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    limit = _current_address_space() + memory_mb * 1024 * 1024
    proc = ctx.Process(target=_child, args=(sender, data, limit), daemon=True)
    proc.start()
    sender.close()
    try:
        if not receiver.poll(timeout_s):
            raise PdfProblem(f"PDF parsing took longer than {timeout_s:g} s (damaged or hostile file)")
        status, payload = receiver.recv()
    except EOFError as exc:
        raise PdfProblem("the PDF parser crashed on this file (damaged or hostile file)") from exc
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        receiver.close()
    if status != "ok":
        raise PdfProblem(payload)
    return payload


def read_pdf(data: bytes, source: str, timeout_s: float, memory_mb: int) -> SourceText:
    """The PDF's pages as text (page furniture is removed later, with every format's)."""
    if b"%PDF-" not in data[:1024]:
        other = describe_other(data)
        what = f"{other} named .pdf" if other else "no PDF header (not a PDF, or badly damaged)"
        raise UnreadableFileError(source, f"not a PDF: {what}")
    try:
        pages = extract_pages_guarded(data, timeout_s, memory_mb)
    except PdfProblem as exc:
        raise UnreadableFileError(source, str(exc)) from exc
    notes = []
    empty = [str(i) for i, p in enumerate(pages, start=1) if not p.strip()]
    if empty:
        notes.append(f"no text layer on page(s) {', '.join(empty)}: those pages need OCR")
    return join_pages(source, pages, "pdf", tuple(notes))
