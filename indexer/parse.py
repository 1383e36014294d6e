"""Minutes text -> ``Meeting`` and its ``Passage`` records. Pure functions, no I/O."""

from __future__ import annotations

from dataclasses import dataclass

from indexer.chunking import split_text
from indexer.dates import danish_date, with_times
from indexer.furniture import find_furniture
from indexer.layout.agenda import ItemSpan, find_items, find_sections
from indexer.layout.header import canonical_body, parse_header
from indexer.records import AgendaItem, Meeting, Passage, Section, stable_id
from indexer.source import SourceText
from indexer.text import CleanText, normalize

DEFAULT_MAX_CHARS = 1000


@dataclass(frozen=True)
class ParsedDocument:
    meeting: Meeting
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class _Piece:
    section: str | None
    text: str
    span: tuple[int, int]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` to exclude surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pages(src: SourceText, span: tuple[int, int]) -> tuple[int, ...]:
    if not src.page_starts:
        return ()
    first = src.page_at(span[0]) or 1
    last = src.page_at(max(span[0], span[1] - 1)) or first
    return tuple(range(first, last + 1))


MEETING_INFO = "Mødeoplysninger"


def meeting_info_text(meeting: Meeting) -> str:
    """The header fields as readable lines: who took part, who was absent, when and where."""
    when = with_times(danish_date(meeting.date) if meeting.date else "", meeting.start_time, meeting.end_time)
    rows = [
        ("Møde", meeting.committee),
        ("Tid", when),
        ("Sted", meeting.place),
        ("Deltagere", ", ".join(meeting.participants)),
        ("Afbud", ", ".join(meeting.absent)),
        ("Sagsnr./Dok.nr.", meeting.case_numbers),
    ]
    return "\n".join(f"{label}: {value}" for label, value in rows if value)


def context_header(meeting: Meeting, number: int, title: str, section: str | None) -> str:
    """The line put in front of a passage for embedding and BM25 (never shown as its text)."""
    committee = meeting.committee or "Ukendt udvalg"
    if meeting.body and meeting.body.casefold() != committee.casefold():
        committee = f"{committee} ({meeting.body})"
    parts = [committee, danish_date(meeting.date), f"punkt {number}: {title}" if number else title]
    if section:
        parts.append(section)
    return " · ".join(parts)


class _Builder:
    """Walks one document, producing sections and their passage pieces together."""

    def __init__(self, src: SourceText, max_chars: int) -> None:
        self.src = src
        self.furniture = find_furniture(src)
        self.clean: CleanText = normalize(src.text, self.furniture.spans)
        self.text = self.clean.text
        self.max_chars = max_chars

    def section(self, name: str | None, start: int, end: int) -> tuple[Section, list[_Piece]]:
        text = self.text
        start, end = _trimmed(text, start, end)
        span = self.clean.source_span(start, end)
        pieces = []
        for a, b in split_text(text[start:end], self.max_chars):
            pa, pb = _trimmed(text, start + a, start + b)
            if pb > pa:
                pieces.append(_Piece(name, text[pa:pb], self.clean.source_span(pa, pb)))
        return Section(name, text[start:end], span, _pages(self.src, span)), pieces

    def item(self, found: ItemSpan) -> tuple[AgendaItem, list[_Piece]]:
        sections, pieces = [], []
        for sec in find_sections(self.text, found.body_start, found.end):
            section, section_pieces = self.section(sec.name, sec.start, sec.end)
            if section.text or section.name:
                sections.append(section)
                pieces.extend(section_pieces)
        start, end = _trimmed(self.text, found.start, found.end)
        span = self.clean.source_span(start, end)
        if not pieces:
            # An item that is only a title ("8. Næste møde 3. juni kl. 10.00") is still content.
            pieces.append(_Piece(None, self.text[start:end], span))
        return AgendaItem(found.number, found.title, tuple(sections), span), pieces

    def whole_text_item(self, body_start: int) -> tuple[AgendaItem, list[_Piece]]:
        """Minutes without a recognisable agenda: one item, so that the file is never dropped."""
        start, end = _trimmed(self.text, body_start, len(self.text))
        if start == end:
            start, end = _trimmed(self.text, 0, len(self.text))
        title = self.text[start:end].split("\n", 1)[0].strip()[:120] or self.src.source
        section, pieces = self.section(None, start, end)
        return AgendaItem(1, title, (section,), section.span), pieces

    def passage(self, meeting: Meeting, number: int, title: str, piece: _Piece, ordinal: int | str) -> Passage:
        return Passage(
            id=stable_id(self.src.source, piece.span[0], piece.span[1], ordinal),
            source=self.src.source,
            committee=meeting.committee,
            body=meeting.body,
            meeting_date=meeting.date,
            item_number=number,
            item_title=title,
            section=piece.section,
            text=piece.text,
            header=context_header(meeting, number, title, piece.section),
            span=piece.span,
            page=self.src.page_at(piece.span[0]),
            ordinal=ordinal if isinstance(ordinal, int) else 0,
        )


def parse_document(src: SourceText, max_chars: int = DEFAULT_MAX_CHARS) -> ParsedDocument:
    """Read header fields, agenda items, sections and passages from a file's text."""
    b = _Builder(src, max_chars)
    found = find_items(b.text)
    header_end = found[0].start if found else len(b.text)
    header = parse_header(b.text[:header_end])
    notes = [*src.notes, *header.notes]
    items = [b.item(it) for it in found]
    if not items:
        notes.append("no agenda items recognised: indexed as a single item")
        items = [b.whole_text_item(header_end if (header.committee or header.date) else 0)]
    meeting = Meeting(
        source=src.source,
        committee=header.committee,
        body=canonical_body(header.committee),
        date=header.date,
        start_time=header.start_time,
        end_time=header.end_time,
        place=header.place,
        participants=header.participants,
        absent=header.absent,
        case_numbers=header.case_numbers,
        items=tuple(item for item, _ in items),
        kind=src.kind,
        notes=tuple(notes),
    )
    passages = []
    if meeting.participants or meeting.absent or meeting.place:
        # The header as item 0, so that "who attended" can be found.
        info = _Piece(None, meeting_info_text(meeting), b.clean.source_span(*_trimmed(b.text, 0, header_end)))
        passages.append(b.passage(meeting, 0, MEETING_INFO, info, "info"))
    for item, pieces in items:
        passages.extend(b.passage(meeting, item.number, item.title, piece, i) for i, piece in enumerate(pieces))
    return ParsedDocument(meeting, tuple(passages))
