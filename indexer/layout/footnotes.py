"""Footnotes at the foot of a PDF page, found where the text copy puts them.

Text taken out of a PDF keeps a page's footnotes where the page ends: in the middle of
whatever section runs on to the next page, often right after a »Referat«. Left there, a
footnote to a table (»6 Beløbet indeholder udgifter vedr. inventar …«) reads as part of
what the meeting recorded. A block of footnotes is recognised by its shape, not by a
layout: two or more entries numbered one after another, each opening with its number
(on a line of its own or before the text), every number cited before the block as a
superscript glued to a word (»Inventar og IT udgifter6«, »(overhead)7«). Numbered lists
inside an item have no such citations, so they are left alone.
"""

from __future__ import annotations

import re

# "5" alone on a line, or "5 Beløbet indeholder …" (number, then text).
_ENTRY = re.compile(r"[ \t]*(\d{1,2})(?:[ \t]*$|[ \t]+(?=[^\W\d_]))")
# Lines a footnote's text may take (it wraps), before the next entry.
_MAX_TEXT_LINES = 3


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for raw in text[start:end].split("\n"):
        spans.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    return spans


def _cited(text: str, number: int, before: int) -> bool:
    """Whether ``number`` stands glued to a word or a closing parenthesis before ``before``."""
    return re.compile(rf"(?:(?<=[^\W\d_])|(?<=\))){number}(?!\d)").search(text, 0, before) is not None


def _entry(text: str, span: tuple[int, int]) -> tuple[int, bool] | None:
    """(number, whether its text follows on the same line) if the line opens a footnote."""
    m = _ENTRY.match(text, span[0], span[1])
    if m is None or m.end() > span[1]:
        return None
    return int(m[1]), m.end() < span[1] and bool(text[m.end() : span[1]].strip())


def _block_end(text: str, lines: list[tuple[int, int]], i: int, inline: bool) -> int:
    """Where the last footnote (opening on line ``i``) ends: its first line of text, and any
    line after it that opens in lower case (the text wrapped: »deltagerbeta-« / »ling …«)."""
    j = i if inline else i + 1
    while j < len(lines) and not text[lines[j][0] : lines[j][1]].strip():
        j += 1
    if j >= len(lines):
        return lines[i][1]
    end = j
    while end + 1 < len(lines) and end - j < _MAX_TEXT_LINES:
        nxt = text[lines[end + 1][0] : lines[end + 1][1]].lstrip()
        if not nxt or not nxt[0].islower():
            break
        end += 1
    return lines[end][1]


def footnote_blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` that are blocks of page footnotes."""
    lines = _lines(text, start, end)
    blocks: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        first = _entry(text, lines[i])
        if first is None or not _cited(text, first[0], lines[i][0]):
            i += 1
            continue
        number, inline, last = first[0], first[1], i
        j = i + 1
        # The next entry (number + 1) within a footnote's text of the last one.
        while j < len(lines) and j - last <= _MAX_TEXT_LINES + 1:
            nxt = _entry(text, lines[j])
            if nxt is not None and nxt[0] == number + 1 and j > last + (0 if inline else 1):
                if not _cited(text, nxt[0], lines[i][0]):
                    break
                number, inline, last = nxt[0], nxt[1], j
            j += 1
        if last > i:
            blocks.append((lines[i][0], _block_end(text, lines, last, inline)))
            i = next(k for k, span in enumerate(lines) if span[1] >= blocks[-1][1]) + 1
        else:
            i += 1
    return blocks
