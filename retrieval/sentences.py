"""Candidate sentences for the answer in words, and what each one holds.

The passages of the best few agenda items (and the meeting's header, for questions about
people, times and places) are split into sentences, list lines and labelled lines
(``retrieval.units``); for each the answer model (``retrieval.extract``) asks which of the
question's stems it holds (``lexical_overlap``), whether it holds the kind of token the
question asks for (``retrieval.kinds.has_kind``) and whether it only restates the question
(``echoes``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace

from indexer.records import Passage
from retrieval.fields import asked_terms, label_asked
from retrieval.meetings import asks_next_meeting, asks_when_or_where_held, states_next_meeting
from retrieval.offices import (
    asks_an_office,
    asks_who_was_elected,
    names_its_committee,
    names_its_meeting,
    offices_noted,
)
from retrieval.query import QueryPlan, names_a_meeting
from retrieval.units import field_units, is_sub_heading

# Items whose passages are read for the answer, in search order.
TOP_ITEMS = 3
# Kinds of question the meeting header (attendees, time, place) can answer.
HEADER_KINDS = frozenset({"person", "time", "place", "count"})


@dataclass(frozen=True)
class Sentence:
    """One candidate: a sentence or list line of a passage, and where it stands."""

    row: int
    passage: Passage
    unit: int
    text: str
    item_rank: int
    shown: bool
    lead: bool
    # The sub-heading it stands under in its passage (»Fokusområde 3« above »DAS vurderede ikke,
    # at overskriften …«): what the sentence is about, though it does not repeat it.
    heading: str = ""


def sentences_of(
    passage: Passage, row: int, item_rank: int, shown: bool, lead: bool = False, heading: str = ""
) -> list[Sentence]:
    """The candidates of one passage; ``heading``: the sub-heading its first sentence stands under."""
    return _sentences_and_heading(passage, row, item_rank, shown, lead, heading)[0]


def _sentences_and_heading(
    passage: Passage, row: int, item_rank: int, shown: bool, lead: bool, heading: str
) -> tuple[list[Sentence], str]:
    """The candidates of a passage, and the sub-heading the text after it stands under."""
    out = []
    front_matter = passage.item_number == 0 and passage.role is None
    for i, (a, b) in enumerate(field_units(passage.text, front_matter)):
        text = " ".join(passage.text[a:b].split())
        # Two letters make a candidate, and so do three digits: a line of figures alone (a
        # header's "04-06-2020 09:00:00", a table cell) can be the answer. A list number is not.
        if sum(c.isalpha() for c in text) >= 2 or sum(c.isdigit() for c in text) >= 3:
            out.append(Sentence(row, passage, i, text, item_rank, shown, lead, heading))
        if is_sub_heading(passage.text, a, b):
            heading = text
    return out, heading


# Before an item's first passage: no section yet, not even the lead-in's (None).
_NO_SECTION = object()


def item_sentences(
    passages: Sequence[Passage], rows: Sequence[int], item_rank: int, shown: Collection[str], leads: Collection[str]
) -> list[Sentence]:
    """The candidates of one item's passages (``rows``, in document order). A sub-heading holds
    over a passage break until its section ends (»Pkt. 5: …« above the paragraphs it heads)."""
    out: list[Sentence] = []
    heading, section = "", _NO_SECTION
    for row in rows:
        p = passages[row]
        carried = heading if p.section == section else ""
        found, heading = _sentences_and_heading(p, row, item_rank, p.id in shown, p.id in leads, carried)
        section = p.section
        out.extend(found)
    return out


def build_pool(
    plan: QueryPlan,
    hits: Sequence[Passage],
    item_rows: Callable[[str, int], list[int]],
    passages: Sequence[Passage],
    leads: frozenset[str] | None = None,
) -> list[Sentence]:
    """The sentences of the best ``TOP_ITEMS`` items (all their passages, in document order).

    ``hits`` are the passages found, in search order; ``leads`` the ids of those that count as
    the search's lead (``retrieval.hits.lead_passages``; the first alone by default). For a
    question about people, times or places the meeting header of the best item's minutes is read
    as well (attendees, start and end, venue), after the items.
    """
    if leads is None:
        leads = frozenset({hits[0].id}) if hits else frozenset()
    items: list[tuple[str, int]] = []
    for passage in hits:
        key = (passage.source, passage.item_number)
        if key not in items:
            items.append(key)
    elected, next_meeting = asks_who_was_elected(plan), asks_next_meeting(plan)
    if elected:
        items = [key for key in items if key[1] != 0]
    elif _office_elsewhere(plan, hits):
        # »Hvem er formand for den økonomiske arbejdsgruppe?«: the attendee list notes the offices
        # of the meeting's own committee, not of a group the question names.
        items = sorted(items, key=lambda key: key[1] == 0)
    elif plan.expects not in HEADER_KINDS and names_a_meeting(plan.question) and not names_a_field(plan):
        # A question that names the meeting (»på generalforsamlingen på Næsbyhovedskoven«) finds
        # its header by those words alone; asked for anything but who, when, where or how many,
        # the header comes after the items of minutes that have any (not where the whole text is
        # the meeting's). (Without a meeting named, item 0 may be a front page with content.)
        with_items = {source for source, number in items if number != 0}
        items = sorted(items, key=lambda key: key[1] == 0 and key[0] in with_items)
    items = items[:TOP_ITEMS]
    if items and plan.expects in HEADER_KINDS and not elected and (items[0][0], 0) not in items:
        items.append((items[0][0], 0))
    if items and next_meeting:
        # »Næste møde afholdes den 12. april« stands in the last item (Eventuelt) or one of its own:
        # a found passage of the best item's minutes that states the next meeting is read too.
        items += list(dict.fromkeys(
            (p.source, p.item_number) for p in hits
            if p.source == items[0][0] and (p.source, p.item_number) not in items and states_next_meeting(p.text)
        ))  # fmt: skip
    shown = {p.id for p in hits}
    pool: list[Sentence] = []
    for rank, (source, number) in enumerate(items):
        pool.extend(item_sentences(passages, item_rows(source, number), rank, shown, leads))
    if next_meeting:
        stated = [s for s in pool if states_next_meeting(s.text)]
        # »Hvornår er næste møde i DAS?«: the committee's own minutes, where the question names one.
        own = [s for s in stated if names_its_committee(plan, s.passage)]
        lifted = {id(s) for s in own or stated}
        pool = [replace(s, item_rank=0) if id(s) in lifted else s for s in pool]
    return _header_labelled(plan, pool)


def names_a_field(plan: QueryPlan) -> bool:
    """Whether the question names a header field by its label (»Afbud til SOCDIR-mødet …«)."""
    return any(term.startswith("field:") for term in asked_terms(plan.question))


def _office_elsewhere(plan: QueryPlan, hits: Sequence[Passage]) -> bool:
    """Whether a question about who holds an office names neither a meeting nor the committee
    of the best hit's minutes (»Hvem er formand for arbejdsgruppen?«)."""
    return bool(hits) and asks_an_office(plan) and not names_its_meeting(plan, hits[0])


def _header_labelled(plan: QueryPlan, pool: list[Sentence]) -> list[Sentence]:
    """A header read after the items ranks with the first when one of its labelled lines names
    what the question asks about ("Hvem meldte afbud?" - "Afbud: ..."): the label is the topic;
    and when it notes beside a name the office that a question about this meeting or committee
    names (»Hvem er formand for DAS?« - »Henrik Aarup-Kristensen (formand, …)«). (Any of its
    values matching the question lost more questions than it won.)"""
    asked = asked_terms(plan.question)
    header = [s for s in pool if s.passage.item_number == 0 and s.item_rank > 0]
    labelled = any(label_asked(s.text, asked) for s in header)
    # "Hvor blev mødet den 25. maj 2020 holdt?": when or where the meeting it names (by a period
    # this header's date falls in; "næste møde efter maj 2020" names another) was held.
    period = plan.date_range if asks_when_or_where_held(plan) else None
    about_meeting = period is not None and any(period.contains(s.passage.meeting_date) for s in header)
    # Where or when a body met, undated (»Hvor mødtes forummet, da …?«): the best item's meeting.
    about_meeting = about_meeting or (plan.date_range is None and asks_when_or_where_held(plan))
    if not (labelled or about_meeting or any(offices_noted(plan, header))):
        return pool
    return [replace(s, item_rank=0) if s.passage.item_number == 0 and s.item_rank > 0 else s for s in pool]
