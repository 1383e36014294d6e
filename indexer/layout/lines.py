"""Lines of cleaned text with their offsets: what every layout rule looks at."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Markup that may wrap a line without being part of it: Markdown heading hashes and bold.
_MARKUP = re.compile(r"^[ \t]*(?P<hashes>#{1,6}[ \t]+)?(?:\*\*|__)?")


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" \t"))


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


def unmarked(line: str) -> tuple[str, int, int]:
    """The line without Markdown heading hashes and bold markers, where it starts, and its heading level."""
    m = _MARKUP.match(line)
    start = m.end() if m else 0
    level = len(m["hashes"].strip()) if m and m["hashes"] else 0
    body = line[start:].rstrip()
    if body.endswith(("**", "__")):
        body = body[:-2].rstrip()
    return body, start, level


def next_filled(lines: list[Line], i: int, limit: int = 3) -> int | None:
    """Index of the first non-blank line after ``i``, looking at most ``limit`` lines ahead."""
    for j in range(i + 1, min(len(lines), i + 1 + limit)):
        if not lines[j].blank:
            return j
    return None


def blank_before(lines: list[Line], i: int) -> bool:
    return i == 0 or lines[i - 1].blank


def blank_after(lines: list[Line], i: int) -> bool:
    return i + 1 >= len(lines) or lines[i + 1].blank


def title_key(title: str) -> str:
    """A title reduced for comparison: lower case, letters and digits, page numbers and dot leaders gone."""
    t = re.sub(r"[.…·_ ]{3,}\s*\d*\s*$", "", title.casefold())
    t = re.sub(r"\(side \d+\)|\s\d{1,3}\s*$", "", t)
    return " ".join(re.findall(r"[^\W_]+", t))
