"""PDF text extraction with pypdf, fenced off from the indexer.

A hostile or broken PDF can make a parser loop or allocate without bound, so each PDF
is parsed in a forked child with a time limit and an address-space limit; the parent
only ever receives plain strings.
"""

from __future__ import annotations

import io
import math
import multiprocessing as mp
import re
import resource
from collections import Counter

_PAGE_NUMBER = re.compile(r"^(?:side|page|s\.)?\s*[-–]?\s*\d{1,4}\s*(?:(?:af|/|of)\s*\d{1,4})?\s*[-–]?$", re.I)


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


def _line_key(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().casefold())


def strip_running_lines(pages: list[str]) -> list[str]:
    """Drop headers and footers that repeat on most pages, and bare page numbers.

    Looks at the first and last two non-blank lines of each page; a line (digits ignored)
    found at the same place on at least 60% of the pages, and on three or more, is a
    running header or footer. A bare number is dropped only where it is the page's number.
    """
    split = [p.split("\n") for p in pages]

    def edges(lines: list[str]) -> dict[int, tuple[int, str]]:
        filled = [i for i, ln in enumerate(lines) if ln.strip()]
        places = list(enumerate(filled[:2])) + [(-1 - k, i) for k, i in enumerate(reversed(filled[-2:]))]
        return {i: (place, _line_key(lines[i])) for place, i in places}

    seen: Counter[tuple[int, str]] = Counter()
    for lines in split:
        seen.update(set(edges(lines).values()))
    need = max(3, math.ceil(0.6 * len(pages)))
    cleaned = []
    for number, lines in enumerate(split, start=1):
        at_edge = edges(lines)
        keep = [
            ln
            for i, ln in enumerate(lines)
            if i not in at_edge or (seen[at_edge[i]] < need and not _is_page_number(ln, number))
        ]
        cleaned.append("\n".join(keep))
    return cleaned


def _is_page_number(line: str, number: int) -> bool:
    if not _PAGE_NUMBER.match(line.strip()):
        return False
    digits = re.findall(r"\d+", line)
    return bool(digits) and int(digits[0]) == number
