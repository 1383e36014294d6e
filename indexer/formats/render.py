"""Scanned PDF pages as images for OCR, rendered by pdfium in a forked child process.

pdfium is C code fed with an untrusted file, so it never runs in the indexer's own
process: the child has an address-space limit and each page its own time limit.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
from collections.abc import Iterator
from pathlib import Path

# Tesseract's recommended resolution. On the seed minutes 200-300 dpi cost the same CPU time
# per page (~3.4 s) and read the same words; 300 leaves room for smaller print than theirs.
DPI = 300
# A page declared huge (hostile or a poster) is rendered at a lower resolution instead.
MAX_PIXELS = 40_000_000


def _render_child(conn: mp.connection.Connection, data: bytes, pages: list[int], folder: str, limit: int) -> None:
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(data)
        for k in pages:
            conn.recv()  # the parent asks for each page when Tesseract is ready for it
            page = doc[k - 1]
            width, height = page.get_size()  # in points, 1/72 inch
            scale = min(DPI / 72, (MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
            image = page.render(scale=scale, grayscale=True).to_pil()
            lo, hi = image.getextrema()
            if lo == hi:  # a blank page: nothing for Tesseract to read
                conn.send((k, None, None))
                continue
            path = os.path.join(folder, f"page-{k}.pgm")  # uncompressed: fastest to write and read
            image.save(path)
            conn.send((k, path, None))
    except MemoryError:
        conn.send((None, None, "the page needs too much memory to render (damaged or hostile file)"))
    except Exception as exc:
        conn.send((None, None, f"the page could not be rendered ({type(exc).__name__}: {exc})"))
    finally:
        conn.close()


def rendered_pages(
    data: bytes, pages: list[int], folder: Path, timeout_s: float, memory_mb: int
) -> Iterator[tuple[int, Path | None, str | None]]:
    """(page, image file or None, error) per page as the child renders them, each within ``timeout_s``."""
    from indexer.formats.pdf import _current_address_space

    ctx = mp.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=True)
    limit = _current_address_space() + memory_mb * 1024 * 1024
    proc = ctx.Process(target=_render_child, args=(sender, data, pages, str(folder), limit), daemon=True)
    proc.start()
    sender.close()
    remaining = list(pages)
    try:
        while remaining:
            error = f"rendering the page took longer than {timeout_s:g} s (damaged or hostile file)"
            try:
                receiver.send(None)
                if not receiver.poll(timeout_s):
                    break
                k, path, error = receiver.recv()
            except (EOFError, BrokenPipeError):
                error = "the renderer crashed on this page (damaged or hostile file)"
                break
            if k is None:
                break
            remaining.remove(k)
            yield k, (Path(path) if path else None), error
        for k in remaining:  # the child stopped: the pages it did not render are failures
            yield k, None, error
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        receiver.close()
