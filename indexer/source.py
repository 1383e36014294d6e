"""What every format reader produces: a file's text, with where its pages begin.

Source spans of passages point into ``SourceText.text``. For a text file that is the
decoded file; for a PDF, the pages' extracted text joined by newlines; for HTML and DOCX,
the text of their blocks (headings, paragraphs, list entries, table rows) one per line.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class SourceText:
    """A file's text as read. ``page_starts[i]`` is where page i+1 begins (empty: no pages).

    ``kind`` names the format ("text", "pdf", "pdf+ocr", "html", "docx"); ``notes`` say what the
    reader had to guess or could not read (shown by ``inspect`` and the indexer's summary).
    ``ocr_pages`` are the (1-based) pages whose text came from OCR, so citations can say so.
    """

    source: str
    text: str
    kind: str = "text"
    page_starts: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()
    ocr_pages: tuple[int, ...] = ()

    def page_at(self, offset: int) -> int | None:
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))

    def pages(self) -> list[str]:
        """The text of each page (the whole text as one page when there are none)."""
        if not self.page_starts:
            return [self.text]
        ends = [*self.page_starts[1:], len(self.text) + 1]
        return [self.text[a : b - 1] if b - 1 >= a else "" for a, b in zip(self.page_starts, ends, strict=True)]


def join_pages(source: str, pages: list[str], kind: str, notes: tuple[str, ...] = ()) -> SourceText:
    """Pages joined by newlines, remembering where each begins."""
    starts, pos = [], 0
    for page in pages:
        starts.append(pos)
        pos += len(page) + 1
    return SourceText(source, "\n".join(pages), kind, tuple(starts), notes)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
