"""Page furniture and web-page chrome: text that is on the page but not in the minutes.

Three kinds, found by general rules rather than by knowing a layout:

* running headers and footers: lines at the top or bottom of a page (digits ignored,
  so "Side 3" and "Side 4" are the same line) that repeat on most pages;
* page numbers: "Side 3", "3 af 5", "Page 1 of 5", "- 3 -", "2 (3)", on a page's edge or,
  in text copied out of a PDF, on a line of their own, together with the short lines
  around them that repeat wherever a page number is ("Åbent referat", "Dato: 04.12.2012");
* web chrome: cookie banners, "Til toppen", "Hent som PDF", "Kopier link", menus, and
  "Sidst opdateret den …" stamps, which web exports glue onto the last line.

The result is a list of source spans to leave out. The dropped lines are kept as well:
a running header often names the organisation and the meeting date, and the header
reader may look there when the minutes themselves do not say.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from indexer.source import SourceText

PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:side|page|s\.|sida)\s*\d{1,4}(?:\s*(?:af|/|of|av|\()\s*\d{1,4}\)?)?"
    r"|\d{1,4}\s*(?:af|of|av|/)\s*\d{1,4}|\d{1,4}\s*\(\d{1,4}\)|[-–]\s*\d{1,4}\s*[-–]|\d{1,4})\s*$",
    re.IGNORECASE,
)
# Whole lines that belong to the web page around the minutes, not to the minutes.
_CHROME_LINE = re.compile(
    r"^\s*(?:til\s+toppen|tilbage\s+til\s+(?:toppen|forsiden|oversigten)|til\s+top|gå\s+til\s+(?:hoved)?indhold\w*"
    r"|spring\s+til\s+(?:hoved)?indhold\w*|skip\s+to\s+(?:main\s+)?content|back\s+to\s+top"
    r"|hent\s+(?:som\s+)?pdf|download\s+(?:som\s+)?pdf|kopier\s+link|del\s+(?:på|siden)\b.*|print|udskriv"
    r"|menu|søg|luk|log\s+ind|forside|transkript|størrelse:\s*\w*|start\w*\s+visningen\s+fra\s+side:?"
    r"|\w+_close\s+layer\s+\d+|se\s+vores\s+.{0,30}cookie.{0,30})\s*$",
    re.IGNORECASE,
)
_COOKIE = re.compile(r"\bcookie", re.IGNORECASE)
_CONSENT = re.compile(r"\b(accepter\w*|samtykke\w*|statisti\w*|politik\w*|consent|privacy|nej tak)\b", re.IGNORECASE)
# "Sidst opdateret den 7. maj 2008" at the end of a line (web exports glue it on).
_UPDATED = re.compile(
    r"(?:sidst|senest)\s+(?:opdateret|redigeret|ændret)(?:\s+den)?\s*:?\s*[\d./ -]*(?:\w+\.?\s+\d{4})?[\s\d:.]*$",
    re.IGNORECASE,
)
# A "Download "title"" line of a document viewer names the document, not its text.
_DOWNLOAD = re.compile(r"^\s*(?:download|hent)\s+[\"“”].*[\"“”]\s*$", re.IGNORECASE)
_EDGE_LINES = 5
_MAX_FURNITURE_CHARS = 120


@dataclass(frozen=True)
class Furniture:
    """Source spans to leave out, and the text of the lines they cover (for the header reader)."""

    spans: tuple[tuple[int, int], ...]
    lines: tuple[str, ...]


def _line_key(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line.strip().casefold()))


def _lines(text: str, offset: int) -> list[tuple[int, int, str]]:
    out, pos = [], offset
    for raw in text.split("\n"):
        out.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _running_lines(pages: list[list[tuple[int, int, str]]]) -> set[int]:
    """Start offsets of lines that repeat at the same edge place on most pages."""

    def edges(lines: list[tuple[int, int, str]]) -> dict[int, tuple[int, str]]:
        filled = [ln for ln in lines if ln[2].strip()]
        top = list(enumerate(filled[:_EDGE_LINES]))
        bottom = [(-1 - k, ln) for k, ln in enumerate(reversed(filled[-_EDGE_LINES:]))]
        return {ln[0]: (place, _line_key(ln[2])) for place, ln in top + bottom}

    seen: Counter[tuple[int, str]] = Counter()
    page_edges = [edges(lines) for lines in pages]
    for e in page_edges:
        seen.update(set(e.values()))
    need = max(2, math.ceil(0.6 * len(pages)))
    found = set()
    for e in page_edges:
        for start, key in e.items():
            # A bare number repeats on every page, but is furniture only as the page's own number.
            if seen[key] >= need and len(key[1]) <= _MAX_FURNITURE_CHARS and key[1] != "#":
                found.add(start)
    return found


def _page_number_lines(pages: list[list[tuple[int, int, str]]]) -> set[int]:
    """Page numbers at a page's edge (on one-page documents too); a bare number only if it is the page's."""
    found = set()
    for number, lines in enumerate(pages, start=1):
        filled = [ln for ln in lines if ln[2].strip()]
        for ln in filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]:
            bare = ln[2].strip().isdigit()
            if bare and ln not in filled[:2] + filled[-2:]:
                continue
            if PAGE_NUMBER.match(ln[2]) and (not bare or int(ln[2]) == number):
                found.add(ln[0])
    return found


_TRAILING_PAGE = re.compile(r"^\s*\S.*\s(?:side|page|sida)\s*\d{1,4}\s*(?:af|of|av|/)\s*\d{1,4}\s*$", re.IGNORECASE)


def _inline_page_breaks(lines: list[tuple[int, int, str]]) -> set[int]:
    """In text without pages: "Side 3" lines, and short lines repeating around them; and a running
    header that ends in its page number ("Referat – Bestyrelsesmøde 12.03.2025    Side 2 af 4"),
    where it repeats (digits aside)."""
    trailing = [i for i, ln in enumerate(lines) if _TRAILING_PAGE.match(ln[2])]
    repeats = Counter(_line_key(lines[i][2]) for i in trailing)
    running = {lines[i][0] for i in trailing if repeats[_line_key(lines[i][2])] >= 2}
    marks = [i for i, ln in enumerate(lines) if PAGE_NUMBER.match(ln[2]) and re.search(r"[^\W\d_]", ln[2])]
    if len(marks) < 2:
        return running
    near: Counter[str] = Counter()
    for i in marks:
        for j in range(max(0, i - 3), min(len(lines), i + 4)):
            if j != i and lines[j][2].strip() and len(lines[j][2].strip()) <= _MAX_FURNITURE_CHARS:
                near[_line_key(lines[j][2])] += 1
    found = running | {lines[i][0] for i in marks}
    for i in marks:
        for j in range(max(0, i - 3), min(len(lines), i + 4)):
            if j != i and near.get(_line_key(lines[j][2]), 0) >= 2:
                found.add(lines[j][0])
    return found


def is_chrome(line: str) -> bool:
    """Whether a whole line is part of the web page around the minutes."""
    if _CHROME_LINE.match(line) or _DOWNLOAD.match(line):
        return True
    return bool(_COOKIE.search(line) and _CONSENT.search(line) and len(line) < 600)


def find_furniture(src: SourceText) -> Furniture:
    """What to leave out of ``src.text``: running lines, page numbers and web chrome."""
    pages = [_lines(text, start) for text, start in zip(src.pages(), src.page_starts or (0,), strict=True)]
    all_lines = [ln for page in pages for ln in page]
    drop = set()
    if len(pages) > 1:
        drop |= _running_lines(pages)
    if src.page_starts:
        drop |= _page_number_lines(pages)
    else:
        drop |= _inline_page_breaks(all_lines)
    spans, texts = [], []
    kept = False
    for start, end, raw in all_lines:
        if start in drop or (raw.strip() and is_chrome(raw)):
            spans.append((start, min(end + 1, len(src.text))))
            # A running header laid out in columns ("Vågå kommune      Møtebok …      Side 2 av 4")
            # is read by the header reader column by column.
            texts.extend(col for col in re.split(r"\s{3,}|\t", raw.strip()) if col)
            continue
        m = _UPDATED.search(raw)
        if m and m.start() > 0 and re.search(r"\d", m.group(0)):
            spans.append((start + m.start(), end))
            texts.append(m.group(0).strip())
        elif m and m.start() == 0:
            spans.append((start, min(end + 1, len(src.text))))
            texts.append(raw.strip())
        else:
            kept = kept or bool(raw.strip())
    # A file that is nothing but what looks like furniture (»BACK TO TOP«) keeps its text: it
    # is read as it stands rather than left with no passage at all.
    return Furniture(tuple(spans), tuple(texts)) if kept else Furniture((), ())
