"""The records everything else passes around: small, frozen, JSON-friendly."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    """A headed part of an agenda item ("Indstilling", "Referat" ...).

    ``name`` is the heading as written, ``None`` for the text before the first heading.
    ``span`` is the character span in the source text; ``pages`` the PDF pages it touches.
    """

    name: str | None
    text: str
    span: tuple[int, int]
    pages: tuple[int, ...] = ()
    # "outcome", "proposal", "attachments", "background", "notes", or None (see indexer.layout.sections).
    role: str | None = None

    @property
    def is_outcome(self) -> bool:
        """True for the sections that say what happened (Beslutning, Referat, a stated decision ...)."""
        return self.role == "outcome"


@dataclass(frozen=True)
class AgendaItem:
    number: int
    title: str
    sections: tuple[Section, ...]
    span: tuple[int, int]

    @property
    def text(self) -> str:
        return "\n\n".join(s.text for s in self.sections if s.text)


@dataclass(frozen=True)
class Meeting:
    """One set of minutes: the header fields and the agenda items in order."""

    source: str
    committee: str | None
    body: str | None
    date: str | None
    organisation: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    case_numbers: str | None = None
    roles: tuple[tuple[str, str], ...] = ()  # ("Referent", "Jan Mindegaard"), ("Dirigent", …)
    items: tuple[AgendaItem, ...] = ()
    kind: str = "text"
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Passage:
    """The unit of retrieval: a piece of one section, with everything a citation needs.

    ``text`` is what the reader sees; ``header`` (committee, date, item, section) is added
    in front of it only for embedding and BM25.
    """

    id: str
    source: str
    committee: str | None
    body: str | None
    meeting_date: str | None
    item_number: int
    item_title: str
    section: str | None
    text: str
    header: str
    span: tuple[int, int]
    page: int | None = None
    ordinal: int = 0
    organisation: str | None = None
    role: str | None = None  # the section's role: "outcome", "proposal", "attachments", "background", "notes", "info"
    ocr: bool = False  # the passage's page was read by OCR (SourceText.ocr_pages)

    @property
    def indexed_text(self) -> str:
        return f"{self.header}\n{self.text}"

    @property
    def is_outcome(self) -> bool:
        return self.role == "outcome"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["span"] = list(self.span)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Passage:
        data = dict(data)
        data["span"] = tuple(data["span"])
        return cls(**data)


def stable_id(*parts: object) -> str:
    """A short hash of the parts: the same source and position give the same id."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]
