"""Find the agenda items and their sections in the body of the minutes.

A numbered line is not always an agenda item: tables of contents list the items before
the body, items contain numbered lists of their own, and "Pkt. 4:" lines may refer to
another meeting's agenda. So every numbered line is a *candidate*, weighted by how much
it looks like a heading, and the agenda is the best-scoring chain of candidates with
rising numbers in one numbering style (dynamic programming over the candidates).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

SECTION_NAMES = (
    "Resumé", "Resume", "Baggrund", "Sagsfremstilling", "Sagsbeskrivelse", "Indstilling",
    "Indstillinger", "Beslutning", "Beslutninger", "Referat", "Bilag", "Orientering",
    "Efterskrift", "Økonomi", "Økonomiske konsekvenser", "Tidsplan", "Lovgrundlag",
    "Høring", "Konklusion", "Opfølgning", "Forslag til beslutning",
)  # fmt: skip
_SECTION_ALT = "|".join(re.escape(n) for n in sorted(SECTION_NAMES, key=len, reverse=True))
_HEADING = re.compile(
    rf"^[ \t]*(?:#{{1,6}}[ \t]*)?(?:\*\*)?(?P<name>{_SECTION_ALT})(?:\*\*)?[ \t]*:?[ \t]*(?:\*\*)?"
    rf"(?:[ \t]*$|:[ \t]*(?P<inline>\S.*)$)",
    re.IGNORECASE,
)
_ITEM = {
    "number": re.compile(r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?(?P<n>\d{1,3})\.[ \t]+(?P<title>\S.*?)(?:\*\*)?[ \t]*$"),
    "punkt": re.compile(
        r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?(?:Punkt|Pkt\.?)[ \t]*(?P<n>\d{1,3})[.:)]?[ \t]+"
        r"(?P<title>\S.*?)(?:\*\*)?[ \t]*$",
        re.IGNORECASE,
    ),
}
_DATE_LIKE = re.compile(r"^\d{1,2}\.\s*\d{1,4}\b")  # "21. 03. 2013" is a date, not item 21
_TITLE_START = re.compile(r"^[\"'“”«(]?[A-ZÆØÅÄÖÜÉ0-9]")
_MAX_TITLE = 250
_GAP_PENALTY = 1.0


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class ItemSpan:
    """An agenda item found in the text: number, title, and where its body lies."""

    number: int
    title: str
    start: int  # start of the item's numbered line
    body_start: int  # first character after the title lines
    end: int


@dataclass(frozen=True)
class _Candidate:
    line_index: int
    number: int
    title: str
    style: str
    last_title_line: int


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


def heading_of(line: str) -> tuple[str, str | None] | None:
    """(section name as written, inline text after "Name:") if the line is a section heading."""
    m = _HEADING.match(line)
    if not m:
        return None
    return m["name"], m["inline"]


def _title_lines(lines: list[Line], i: int, title: str) -> tuple[str, int]:
    """Join wrapped title lines: lower-case continuations of an unfinished title."""
    j = i
    while (
        j + 1 < len(lines)
        and not lines[j + 1].blank
        and re.match(r"^[ \t]*[a-zæøå]", lines[j + 1].text)
        and not re.search(r"[.:?!]$", title)
        and heading_of(lines[j + 1].text) is None
        and len(title) + len(lines[j + 1].text) <= _MAX_TITLE
    ):
        j += 1
        title = f"{title} {lines[j].text.strip()}"
    return title, j


def _candidates(lines: list[Line]) -> list[_Candidate]:
    found = []
    for i, line in enumerate(lines):
        for style, pattern in _ITEM.items():
            m = pattern.match(line.text)
            if not m:
                continue
            title = m["title"].strip()
            if not _TITLE_START.match(title) or len(title) > _MAX_TITLE:
                continue
            if style == "number" and _DATE_LIKE.match(line.text.strip()):
                continue
            if heading_of(title) is not None and heading_of(line.text) is not None:
                continue
            full, last = _title_lines(lines, i, title)
            found.append(_Candidate(i, int(m["n"]), full, style, last))
    return found


def _weights(lines: list[Line], cands: list[_Candidate]) -> list[float]:
    """How much each candidate looks like an item heading rather than a list entry."""
    weights = []
    for k, c in enumerate(cands):
        nxt = cands[k + 1].line_index if k + 1 < len(cands) else len(lines)
        prv = cands[k - 1].last_title_line if k > 0 else -1
        between_after = lines[c.last_title_line + 1 : nxt]
        between_before = lines[prv + 1 : c.line_index]
        # A run of numbered lines with nothing but blank lines between them is a list
        # or a table of contents, not a sequence of items with bodies.
        tight_after = (
            k + 1 < len(cands) and cands[k + 1].number == c.number + 1 and all(ln.blank for ln in between_after)
        )
        tight_before = k > 0 and cands[k - 1].number == c.number - 1 and all(ln.blank for ln in between_before)
        if tight_after or tight_before:
            weights.append(0.2)
            continue
        w = 1.0
        w += 0.5 * (c.line_index == 0 or lines[c.line_index - 1].blank)
        w += 0.5 * (c.last_title_line + 1 < len(lines) and lines[c.last_title_line + 1].blank)
        w += 0.5 * any(heading_of(ln.text) for ln in between_after)
        weights.append(w)
    return weights


class _PrefixMax:
    """Fenwick tree: best (value, candidate) among item numbers below n, in O(log n)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.tree: list[tuple[float, int]] = [(-math.inf, -1)] * (size + 1)

    def update(self, number: int, value: float, candidate: int) -> None:
        i = number + 1
        while i <= self.size:
            if value > self.tree[i][0]:
                self.tree[i] = (value, candidate)
            i += i & -i

    def below(self, number: int) -> tuple[float, int]:
        best, i = (-math.inf, -1), number
        while i > 0:
            if self.tree[i][0] > best[0]:
                best = self.tree[i]
            i -= i & -i
        return best


def _best_chain(cands: list[_Candidate], weights: list[float]) -> tuple[float, list[int]]:
    """Highest-scoring subsequence with strictly rising numbers (gaps cost a little).

    A chain ending at candidate i scores its weights minus ``_GAP_PENALTY`` per skipped
    number (also before the first). Rewritten as best_j + GAP * n_j over earlier candidates
    with smaller numbers, the best predecessor is a prefix maximum: O(n log n) overall.
    """
    if not cands:
        return 0.0, []
    prefix = _PrefixMax(max(c.number for c in cands) + 1)
    best, back = [0.0] * len(cands), [-1] * len(cands)
    for i, c in enumerate(cands):
        best[i] = weights[i] - _GAP_PENALTY * max(0, c.number - 1)
        value, j = prefix.below(c.number)
        via = weights[i] - _GAP_PENALTY * (c.number - 1) + value
        if j >= 0 and via > best[i]:
            best[i], back[i] = via, j
        prefix.update(c.number, best[i] + _GAP_PENALTY * c.number, i)
    end = max(range(len(cands)), key=lambda i: best[i])
    chain = []
    while end != -1:
        chain.append(end)
        end = back[end]
    return max(best), chain[::-1]


def find_items(text: str) -> list[ItemSpan]:
    """The agenda items of ``text`` in order; empty if no agenda can be recognised."""
    lines = split_lines(text)
    best: tuple[float, list[_Candidate]] = (0.0, [])
    for style in _ITEM:
        cands = [c for c in _candidates(lines) if c.style == style]
        score, chain = _best_chain(cands, _weights(lines, cands))
        if score > best[0]:
            best = (score, [cands[i] for i in chain])
    chosen = best[1]
    items = []
    for k, c in enumerate(chosen):
        end = lines[chosen[k + 1].line_index].start if k + 1 < len(chosen) else len(text)
        body_start = min(lines[c.last_title_line].end + 1, end)
        items.append(ItemSpan(c.number, c.title, lines[c.line_index].start, body_start, end))
    return items


@dataclass(frozen=True)
class SectionSpan:
    name: str | None
    start: int
    end: int


def find_sections(text: str, start: int, end: int) -> list[SectionSpan]:
    """Split ``text[start:end]`` at section headings; text before the first is its own section.

    Spans cover the section's content (headings excluded); an empty lead-in is dropped.
    """
    sections: list[SectionSpan] = []
    name: str | None = None
    content_start = start
    pos = start
    for raw in text[start:end].split("\n"):
        heading = heading_of(raw)
        if heading is not None:
            sections.append(SectionSpan(name, content_start, pos))
            name, inline = heading
            content_start = pos + raw.index(inline) if inline else min(pos + len(raw) + 1, end)
        pos += len(raw) + 1
    sections.append(SectionSpan(name, content_start, end))
    return [s for s in sections if s.name is not None or text[s.start : s.end].strip()]
