"""A search result and its citation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from indexer.dates import danish_date
from indexer.parse import display_committee
from indexer.records import Passage


def citation(p: Passage) -> str:
    """One readable line: committee · date · punkt N: title · section · page · file."""
    # Item 0 is the meeting's header (Mødeoplysninger), not an agenda item.
    # An item may have no title of its own (»Punkt 8:« over a list of points).
    item = (
        (f"punkt {p.item_number}: {p.item_title}" if p.item_title else f"punkt {p.item_number}")
        if p.item_number
        else p.item_title
    )
    # "Bestyrelse, Det Kolde Gys": the committee as written, with its organisation.
    parts = [display_committee(p.committee, None, p.organisation), danish_date(p.meeting_date), item]
    if p.section:
        parts.append(p.section)
    if p.page is not None:
        # Text read by OCR may hold misread words: the reader should know to check the page itself.
        parts.append(f"s. {p.page} (OCR)" if p.ocr else f"s. {p.page}")
    parts.append(p.source)
    return " · ".join(parts)


@dataclass(frozen=True)
class Hit:
    """A passage in the result list. ``cosine`` and ``lexical`` (BM25 over the passage text
    alone) are the raw evidence behind ``score``; they are not part of the JSON contract."""

    rank: int
    score: float
    passage: Passage
    cosine: float | None = None
    lexical: float = 0.0

    @property
    def item_key(self) -> tuple[str, int]:
        return (self.passage.source, self.passage.item_number)

    @property
    def citation(self) -> str:
        return citation(self.passage)

    def to_json(self) -> dict[str, Any]:
        p = self.passage
        return {
            "rank": self.rank,
            "score": round(self.score, 6),
            "source": p.source,
            "page": p.page,
            "committee": p.committee,
            "organisation": p.organisation,
            "meeting_date": p.meeting_date,
            "item_number": p.item_number,
            "item_title": p.item_title,
            "section": p.section,
            "text": p.text,
            "citation": self.citation,
        }


# How far under the lead's fused score another passage of the best item may be and still count
# as a lead for the answer model: the search picks its item's lead among near-equals by a
# measure of its own (``retrieval.ranking.lead_order``), so a passage it scored as high is as
# likely to hold the answer. Measured on the blind seed sets, see README.
LEAD_MARGIN = 0.1


def lead_passages(hits: Sequence[Hit]) -> frozenset[str]:
    """The ids of the lead passage and of the best item's passages scored about as high."""
    near = _near_lead(hits)
    return frozenset(h.passage.id for h in hits if h.item_key == hits[0].item_key and h.score >= near)


def level_with_lead(hits: Sequence[Hit]) -> frozenset[tuple[str, int]]:
    """The items whose lead passage (the first of theirs listed) the search scored within
    ``LEAD_MARGIN`` of the first item's or above it: the answer model does not rank them below
    the first item."""
    near = _near_lead(hits)
    leads: dict[tuple[str, int], float] = {}
    for h in hits:
        leads.setdefault(h.item_key, h.score)
    return frozenset(key for key, score in leads.items() if score >= near)


def _near_lead(hits: Sequence[Hit]) -> float:
    """The lowest score still about as high as the lead's (none when there are no hits)."""
    return hits[0].score - LEAD_MARGIN if hits else float("inf")
