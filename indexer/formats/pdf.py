"""PDF text extraction with pypdf, fenced off from the indexer; scanned pages go to OCR.

A hostile or broken PDF can make a parser loop or allocate without bound, so each PDF
is parsed in a forked child with a time limit and an address-space limit; the parent
only ever receives plain strings. Pages without a text layer are OCR'd (``ocr.py``,
fenced off the same way) and keep their page number.
"""

from __future__ import annotations

import io
import multiprocessing as mp
import resource
from dataclasses import replace
from pathlib import Path

from indexer.errors import UnreadableFileError
from indexer.formats import ocr
from indexer.formats.plain import describe_other
from indexer.source import SourceText, join_pages


class PdfProblem(Exception):
    """Why a PDF gave no text, in words for the user."""


def extract_pages(data: bytes) -> list[str]:
    """Text of each page ("" for a scanned one). Raises PdfProblem for encrypted or damaged PDFs."""
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


def read_pdf(
    data: bytes,
    source: str,
    timeout_s: float,
    memory_mb: int,
    *,
    ocr_cache: Path | None = None,
    progress: bool = False,
) -> SourceText:
    """The PDF's pages as text, scanned pages OCR'd (page furniture is removed later, with every format's)."""
    if b"%PDF-" not in data[:1024]:
        other = describe_other(data)
        what = f"{other} named .pdf" if other else "no PDF header (not a PDF, or badly damaged)"
        raise UnreadableFileError(source, f"not a PDF: {what}")
    try:
        pages = extract_pages_guarded(data, timeout_s, memory_mb)
    except PdfProblem as exc:
        raise UnreadableFileError(source, str(exc)) from exc
    scanned = [k for k, p in enumerate(pages, start=1) if ocr.needs_ocr(p)]
    if not scanned:
        return join_pages(source, pages, "pdf")
    try:
        found = ocr.ocr_pages(
            data, scanned, timeout_s=timeout_s, memory_mb=memory_mb, cache_dir=ocr_cache, progress=progress
        )
    except ocr.OcrUnavailable as exc:
        return _without_ocr(source, pages, str(exc))
    return _with_ocr(source, pages, found)


def _without_ocr(source: str, pages: list[str], why: str) -> SourceText:
    """Text pages as they are; pages with no text at all are named, with how to install OCR."""
    empty = [k for k, p in enumerate(pages, start=1) if not p.strip()]
    reason = f"scanned pages need OCR, but {why}: {ocr.INSTALL_HINT}"
    if len(empty) == len(pages):
        raise UnreadableFileError(source, reason)
    notes = (f"{_pages(empty)} not read: {reason}",) if empty else ()
    return join_pages(source, pages, "pdf", notes)


def _with_ocr(source: str, pages: list[str], found: dict[int, ocr.OcrPage]) -> SourceText:
    pages, used, notes = list(pages), [], []
    for k, page in found.items():
        # A short text layer (a page number, a stamp) loses to OCR only when OCR reads more.
        if len("".join(page.text.split())) > len("".join(pages[k - 1].split())):
            pages[k - 1] = page.text
            used.append(k)
    failed = {k: p.error for k, p in found.items() if p.error and not pages[k - 1].strip()}
    if not any(p.strip() for p in pages):
        error = next(iter(failed.values()), None)
        why = f"OCR failed ({error})" if error else "OCR found no text (a blank or unreadable scan)"
        raise UnreadableFileError(source, f"no text layer, and {why}")
    if used:
        words = sum(found[k].words for k in used)
        mean = sum((found[k].confidence or 0.0) * found[k].words for k in used) / max(words, 1)
        notes.append(f"{_pages(used)} read by OCR (Tesseract, mean confidence {mean:.0f}%)")
    for k in used:
        conf = found[k].confidence
        if conf is not None and conf < ocr.LOW_CONFIDENCE:
            notes.append(
                f"page {k}: OCR confidence {conf:.0f}% is below {ocr.LOW_CONFIDENCE:.0f}%: the text may be garbled"
            )
    for k, error in failed.items():
        notes.append(f"page {k} not read: OCR failed ({error})")
    blank = [k for k in found if k not in failed and not pages[k - 1].strip()]
    if blank:
        notes.append(f"{_pages(blank)} blank: no text layer, and OCR found no text")
    src = join_pages(source, pages, "pdf+ocr" if used else "pdf", tuple(notes))
    return replace(src, ocr_pages=tuple(used))


def _pages(numbers: list[int]) -> str:
    """[1, 2, 3, 5] -> "pages 1-3, 5"; [4] -> "page 4"."""
    runs: list[list[int]] = []
    for k in sorted(numbers):
        if runs and k == runs[-1][-1] + 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    text = ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
    return f"page{'s' if len(numbers) > 1 else ''} {text}"
