"""Blocks of text as the HTML and DOCX readers produce them, and how they become one text.

Both readers keep the block structure a reader sees: one block per line, headings as
Markdown ``#`` lines, list entries with the number shown, table rows with their cells
separated by tabs. Structure is recognised later, on the joined plain text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    """One block of text. Blocks of the same ``group`` (one list, one table) sit on consecutive
    lines; any other neighbours are a blank line apart. ``breaks``: page starts at this block."""

    text: str
    group: object | None = None
    breaks: int = 0


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\xad"))


def tidy(text: str) -> str:
    """Whitespace runs collapsed within each line; empty lines dropped (no-break spaces become spaces)."""
    lines = (" ".join(line.translate(_INVISIBLE).split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def join_blocks(blocks: list[Block]) -> tuple[str, list[int]]:
    """The blocks as one text, and the offset of every page start the blocks carry."""
    parts: list[str] = []
    starts: list[int] = []
    pos, prev = 0, None
    for block in blocks:
        if prev is not None:
            sep = "\n" if block.group is not None and block.group is prev.group else "\n\n"
            parts.append(sep)
            pos += len(sep)
        starts.extend([pos] * block.breaks)
        parts.append(block.text)
        pos += len(block.text)
        prev = block
    return "".join(parts), starts


def letters(n: int) -> str:
    """1 → a, 26 → z, 27 → aa: how browsers and Word count with letters."""
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out or str(n)
