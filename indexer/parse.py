"""Minutes text -> ``Meeting`` and its ``Passage`` records. Pure functions, no I/O.

The steps: furniture out and hyphens joined (``furniture``, ``text``), agenda items
(``layout.agenda``), the header before them (``layout.header``), sections by role
(``layout.sections``), passages (``chunking``). Text outside the items (front page,
notice, a table of contents, or a whole document without items) is kept as passages of
the meeting itself, item 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from indexer.chunking import split_text
from indexer.dates import danish_date, with_times
from indexer.furniture import find_furniture
from indexer.layout.agenda import ItemSpan, find_agenda
from indexer.layout.attendance import OFFICER_ITEMS, with_attendee_items
from indexer.layout.header import Header, canonical_body, parse_header
from indexer.layout.sections import find_sections
from indexer.records import AgendaItem, Meeting, Passage, Section, stable_id
from indexer.source import SourceText
from indexer.text import CleanText, normalize

DEFAULT_MAX_CHARS = 1000
MEETING_INFO = "Mødeoplysninger"
NO_AGENDA = "Referat"  # the title of a document's text when it has no agenda items
# Without agenda items, the header is read from the document's opening lines.
_HEADER_CHARS_WITHOUT_ITEMS = 1500


@dataclass(frozen=True)
class ParsedDocument:
    meeting: Meeting
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class _Piece:
    section: str | None
    role: str | None
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


def meeting_info_text(meeting: Meeting) -> str:
    """The header fields as readable lines: who took part, who was absent, when and where."""
    when = with_times(danish_date(meeting.date) if meeting.date else "", meeting.start_time, meeting.end_time)
    rows = [
        ("Organisation", meeting.organisation),
        ("Møde", meeting.committee),
        ("Tid", when),
        ("Sted", meeting.place),
        ("Deltagere", ", ".join(meeting.participants)),
        ("Afbud", ", ".join(meeting.absent)),
        # An office noted beside an attendee's name (»Henrik Faurby (referent)«) is not said twice.
        *((label, name) for label, name in meeting.roles if not _noted_beside(label, name, meeting.participants)),
        ("Sagsnr./Dok.nr.", meeting.case_numbers),
    ]
    return "\n".join(f"{label}: {value}" for label, value in rows if value)


def _noted_beside(office: str, name: str, participants: tuple[str, ...]) -> bool:
    bare = name.split(" (")[0]
    return any(p.startswith(bare) and office.casefold() in p.casefold() for p in participants)


def display_committee(committee: str | None, body: str | None, organisation: str | None) -> str:
    """ "SOCDIR (Socialdirektørkredsen)", "Skolebestyrelse, Skovboskolen", or "Ukendt udvalg"."""
    name = committee or organisation or "Ukendt udvalg"
    if committee and body and body.casefold() != committee.casefold():
        name = f"{name} ({body})"
    if committee and organisation and organisation.casefold() not in committee.casefold():
        name = f"{name}, {organisation}"
    return name


def context_header(meeting: Meeting, number: int, title: str, section: str | None) -> str:
    """The line put in front of a passage for embedding and BM25 (never shown as its text)."""
    committee = display_committee(meeting.committee, meeting.body, meeting.organisation)
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

    def section(self, name: str | None, role: str | None, start: int, end: int) -> tuple[Section, list[_Piece]]:
        text = self.text
        start, end = _trimmed(text, start, end)
        span = self.clean.source_span(start, end)
        pieces = []
        for a, b in split_text(text[start:end], self.max_chars):
            pa, pb = _trimmed(text, start + a, start + b)
            if pb > pa:
                pieces.append(_Piece(name, role, text[pa:pb], self.clean.source_span(pa, pb)))
        return Section(name, text[start:end], span, _pages(self.src, span), role), pieces

    def item(self, found: ItemSpan) -> tuple[AgendaItem, list[_Piece]]:
        sections, pieces = [], []
        for sec in find_sections(self.text, found.body_start, found.end):
            section, section_pieces = self.section(sec.name, sec.role, sec.start, sec.end)
            if section.text or section.name:
                sections.append(section)
                pieces.extend(section_pieces)
        start, end = _trimmed(self.text, found.start, found.end)
        span = self.clean.source_span(start, end)
        if not pieces:
            # An item that is only a title ("8. Næste møde 3. juni kl. 10.00") is still content.
            pieces.append(_Piece(None, None, self.text[start:end], span))
        return AgendaItem(found.number, found.title, tuple(sections), span), pieces

    def outside(self, start: int, end: int) -> list[_Piece]:
        """Text outside the agenda items, as passages of the meeting."""
        return self.section(None, None, start, end)[1]

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
            ocr=self.src.page_at(piece.span[0]) in self.src.ocr_pages,
            ordinal=ordinal if isinstance(ordinal, int) else 0,
            organisation=meeting.organisation,
            role=piece.role,
        )


def _meeting(src: SourceText, header: Header, items: list[AgendaItem], notes: list[str]) -> Meeting:
    return Meeting(
        source=src.source,
        committee=header.committee,
        body=canonical_body(header.committee, src.text),
        date=header.date,
        organisation=header.organisation,
        start_time=header.start_time,
        end_time=header.end_time,
        place=header.place,
        participants=header.participants,
        absent=header.absent,
        case_numbers=header.case_numbers,
        roles=header.roles,
        items=tuple(items),
        kind=src.kind,
        notes=tuple(notes),
    )


def parse_document(src: SourceText, max_chars: int = DEFAULT_MAX_CHARS) -> ParsedDocument:
    """Read header fields, agenda items, sections and passages from a file's text."""
    b = _Builder(src, max_chars)
    agenda = find_agenda(b.text)
    header_end = agenda.items[0].start if agenda.items else min(len(b.text), _HEADER_CHARS_WITHOUT_ITEMS)
    header = parse_header(b.text[:header_end], furniture=b.furniture.lines, file_name=src.source, document=b.text)
    bodies = [b.text[item.body_start : item.end] for item in agenda.items[:OFFICER_ITEMS]]
    closing = b.text[agenda.items[-1].body_start : agenda.items[-1].end] if len(agenda.items) > 1 else ""
    header = with_attendee_items(header, [item.title for item in agenda.items], bodies, closing)
    notes = [*src.notes, *header.notes, *agenda.notes]
    items = [b.item(it) for it in agenda.items]
    if not items:
        notes.append("no agenda items recognised: the text is indexed as passages of the meeting (item 0)")
    meeting = _meeting(src, header, [item for item, _ in items], notes)
    passages = []
    if meeting.participants or meeting.absent or meeting.place or meeting.roles:
        # The header fields, laid out, so that "who attended" can be found.
        span = b.clean.source_span(*_trimmed(b.text, 0, header_end))
        info = _Piece(None, "info", meeting_info_text(meeting), span)
        passages.append(b.passage(meeting, 0, MEETING_INFO, info, "info"))
    outside_end = agenda.items[0].start if agenda.items else len(b.text)
    outside_title = MEETING_INFO if agenda.items else NO_AGENDA
    passages.extend(
        b.passage(meeting, 0, outside_title, piece, f"outside{i}") for i, piece in enumerate(b.outside(0, outside_end))
    )
    for item, pieces in items:
        passages.extend(b.passage(meeting, item.number, item.title, piece, i) for i, piece in enumerate(pieces))
    return ParsedDocument(meeting, tuple(passages))
