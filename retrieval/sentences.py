"""Candidate sentences for the answer in words, and what each one holds.

The passages of the best few agenda items (and the meeting's header, for questions about
people, times and places) are split into sentences, list lines and labelled lines
(``retrieval.units``); for each the answer model (``retrieval.extract``) asks which of the
question's stems it holds (``lexical_overlap``), whether it holds the kind of token the
question asks for (``has_kind``) and whether it only restates the question (``echoes``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from indexer.dates import DAY_MONTH, MONTHS, find_dates
from indexer.layout.labels import LABELS, label_at_start
from indexer.records import Passage
from retrieval.fields import asked_terms, label_asked
from retrieval.meetings import asks_next_meeting, asks_when_or_where_held, states_next_meeting
from retrieval.names import CAPITALISED
from retrieval.offices import (
    asks_an_office,
    asks_who_was_elected,
    names_its_committee,
    names_its_meeting,
    offices_noted,
)
from retrieval.query import QueryPlan, names_a_meeting
from retrieval.ranking import ANSWER_SHAPES
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


_PROPER = re.compile(r"(?<![.:!?]\s)(?<!^)\b[A-ZÆØÅ][a-zæøåäöüé]+(?:[ -][A-ZÆØÅ][a-zæøåäöüé]+)*")
_TWO_NAMES = re.compile(r"\b[A-ZÆØÅ][a-zæøåäöüé]+(?:[ -][A-ZÆØÅ][a-zæøåäöüé]+)+")
# A month named without a day is a time too: "primo december", "i marts 2013" (not "may").
_MONTH_NAMES = "|".join(sorted((m for m in MONTHS if len(m) >= 4 and m != "may"), key=len, reverse=True))
_TIME = re.compile(
    r"\bkl\.?\s*\d|\b\d{1,2}[:.]\d\d\b|\b(?:man|tirs|ons|tors|fre|lør|søn)dag|\b(?:uge|week)\s*\d"
    rf"|\b(?:maj|{_MONTH_NAMES})\b|\b(?:primo|medio|ultimo)\s+\w|\b(?:forår|efterår|sommer|vinter)(?:et|en)\b",
    re.IGNORECASE,
)
# A place: "på Hotel Sixtus", a street ("Kanalstræde 2", "Tallvägen 14"), a postcode and town, or
# a header's place label, as the header step knows them ("Sted: ...", "Mødested:", "Plats:").
_PLACE_LABELS = "|".join(
    sorted((re.escape(label) for label, field in LABELS.items() if field == "place"), key=len, reverse=True)
)
_ADDRESS = (
    r"\w(?:vej|gade|allé|plads|torv|vägen|gatan|veien|stræde)\b|\b\d{4}\s+[A-ZÆØÅ]"
    rf"|(?i:\b(?:{_PLACE_LABELS})\s*:)"
)
_PLACE = re.compile(rf"\b(?:i|på|til|hos|in|at|ved)\s+[A-ZÆØÅ][a-zæøåäöü]|{_ADDRESS}")
# A place surely: an address, a postcode, a place label, or where something is held (»afholdes på
# Hotel Sixtus«); a capitalised word after »i« or »på« alone may be a region or body the topic names.
_VENUE = re.compile(
    rf"{_ADDRESS}"
    r"|\b(?:afhold\w*|holdes|mødes|samles|finder\s+sted|held|meets?)\s+(?:\w+\s+){0,3}?(?:i|på|hos|ved|in|at)\s+[A-ZÆØÅ]"
)
_PERCENT = re.compile(r"\d\s*(?:%|procent\b|prosent\b|pct\b)", re.IGNORECASE)
_DECISION = re.compile(
    r"\b(godkend\w*|beslut\w*|vedt\w*|tiltr\w*|udsat\w*|udsætte\w*|anbefal\w*|aftalt\w*|enig\w*|afvis\w*|"
    r"bevilg\w*|afvent\w*|valgt|genvalgt|nyvalgt|fastsat|taget til efterretning|vurder\w*|tilslut\w*|konklu\w*|"
    r"bakke\w* op|opbakning|igangsæt\w*|sættes i gang|approved|decided|agreed)\b",
    re.IGNORECASE,
)

# A cause given: "skyldes", "fordi", "på grund af", "idet", "derfor", "because", "due to".
_REASON = re.compile(
    r"\b(skyld(?:es|tes)|fordi|på grund af|grundet|pga\.?|idet|årsag\w*|baggrund\w*|derfor|hvorfor|"
    r"for at|med henblik på|eftersom|begrund\w*|som følge af|because|due to|since|in order to|owing to)\b",
    re.IGNORECASE,
)

# A cue whose cause is elsewhere, said before (»På baggrund af ovenstående ønsker …«, »Derfor
# …«): the sentence states no cause itself.
_POINTER = re.compile(
    r"\bpå\s+(?:den(?:ne)?\s+baggrund|baggrund\s+af\s+(?:ovenstående|ovennævnte|dette|det|disse))\b|^\W*derfor\b|"
    r"\bsom\s+følge\s+(?:heraf|af\s+(?:dette|ovenstående))|\bfor\s+this\s+reason\b|^\W*therefore\b",
    re.IGNORECASE,
)

# Who pays, stated: "finansieres af …", "betales af …", "dækkes af …", "for egen regning".
_PAYS = re.compile(
    r"\b(finansier\w*|betal\w*|dækk?es\s+af|dækket\s+af|bekost\w*|afholdes\s+af|egen\s+regning|"
    r"paid|funded|financed|pays)\b",
    re.IGNORECASE,
)

# A task given to someone: who prepares, is responsible for or follows up on something.
_TASK = re.compile(
    r"\b(ansvar\w*|tovholder\w*|står for|sørger for|varetag\w*|udarbejd\w*|forbered\w*|indkald\w*|"
    r"undersøg\w*|følge[rs]? op|vende[rs]? tilbage|arbejde[rs]? videre|koordiner\w*|"
    r"responsib\w*|in charge|prepar\w*|follows? up|report(?:s)? back)\b",
    re.IGNORECASE,
)

# A date set as a limit: "senest den 1. december", "inden den 21. juni", "fristen er ...".
_LIMIT = re.compile(r"\b(senest|inden|frist\w*|deadline\w*|no later than|before|by)\b", re.IGNORECASE)

# Numbers that count nothing: dates, clock times, paragraph, item and case numbers, the number of
# a list line, and a code's digits after its letters (»Jane Kusk Pedersen, A25«, »Covid-19«).
# Blanked before a count is looked for ("28. marts 2023 kl. 19.00").
_NOT_A_COUNT = re.compile(
    r"\bkl\.?\s*\d{1,2}(?:[:.]\d\d)?|\b\d{1,2}[:.]\d\d\b|§+\s*\d+|\b[^\W\d_]+-?\d+\b|"
    r"\b(?:pkt|punkt|item|nr|stk|sag|sagsnr|j\.?\s?nr)\.?\s*\d+|^\s*\d{1,2}[.)]\s",
    re.IGNORECASE,
)


def _blank_non_counts(text: str) -> str:
    spans = [span for _, span in find_dates(text)] + [m.span() for m in DAY_MONTH.finditer(text)]
    spans += [m.span() for m in _NOT_A_COUNT.finditer(text)]
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


# A span of time (»ca. 8 måneder«, »to uger«, »3-4 years«): what »Hvor lang tid …?« asks for.
_DURATION = re.compile(
    r"\b(?:\d[\d.,]*(?:\s*-\s*\d+)?|et|en|to|tre|fire|fem|seks|syv|otte|ni|ti|tolv|halvt?|one|two|three|four|"
    r"five|six|ten|twelve|a)\s+(?:år(?:et)?|måned\w*|uge[rn]?|dage?|døgn|time[rn]?|minutter|years?|months?|weeks?|"
    r"days?|hours?|minutes?)\b",
    re.IGNORECASE,
)


def has_kind(
    text: str, kind: str | None, common: frozenset[str] = frozenset(), people: frozenset[str] = frozenset()
) -> float:
    """How surely ``text`` holds the kind of token that answers (an amount, a name ...): 0 to 1.

    A count is a number that is not part of a date, a time or a reference; a full name
    ("Jan Mindegaard") is surer than one capitalised word ("Kontakten"). A sentence's first
    word is capitalised anyway: when it is among the ``common`` words (written in lower case
    elsewhere: »Grundet Corona …«), it is not the first of two names. A word of the ``people``
    (the names of the attendee fields) is a person's name wherever it stands.
    """
    if kind == "money":
        # »Hvor meget steg taksten?« may be answered in per cent (»med 8 procent«, »0,6 %«).
        return float(ANSWER_SHAPES[kind].search(text) is not None or _PERCENT.search(text) is not None)
    if kind == "count":
        return float(ANSWER_SHAPES[kind].search(_blank_non_counts(text)) is not None)
    if kind == "duration":
        return float(_DURATION.search(text) is not None)
    if kind in ("time", "deadline"):
        dated = bool(DAY_MONTH.search(text) or _TIME.search(text) or find_dates(text))
        if kind == "deadline" and dated:
            # Any date may answer "by when", a date set as a limit surely does.
            return 1.0 if _LIMIT.search(text) else 0.5
        return float(dated)
    if kind == "person":
        first = re.match(r"\s*([^\W\d_]+)\s+", text)
        if first is not None and first[1].casefold() in common:
            text = " " * first.end() + text[first.end() :]
        if people and any(w.casefold() in people for w in CAPITALISED.findall(text)):
            return 1.0  # a name the minutes list as an attendee's (»Jan var ordstyrer …«)
        return 1.0 if _TWO_NAMES.search(text) else 0.5 if _PROPER.search(text) else 0.0
    if kind == "place":
        # "Sted Læsø", "Mødested\tRådhuset": a header's place label before its value, no colon.
        if _VENUE.search(text) or LABELS.get(label_at_start(text) or "") == "place":
            return 1.0
        return 0.5 if _PLACE.search(text) else 0.0
    if kind == "outcome":
        return float(_DECISION.search(text) is not None)
    if kind == "reason":
        return float(_REASON.search(_POINTER.sub(" ", text)) is not None)
    if kind == "payer":
        return float(_PAYS.search(text) is not None)
    if kind == "actor":
        # A task given (»… således at GOT udarbejder et oplæg«), else any name, as for a person.
        return 1.0 if _TASK.search(text) else 0.5 * has_kind(text, "person", common, people)
    return 0.0


def sentences_of(passage: Passage, row: int, item_rank: int, shown: bool, lead: bool = False) -> list[Sentence]:
    out = []
    heading = ""
    front_matter = passage.item_number == 0 and passage.role is None
    for i, (a, b) in enumerate(field_units(passage.text, front_matter)):
        text = " ".join(passage.text[a:b].split())
        # Two letters make a candidate, and so do three digits: a line of figures alone (a
        # header's "04-06-2020 09:00:00", a table cell) can be the answer. A list number is not.
        if sum(c.isalpha() for c in text) >= 2 or sum(c.isdigit() for c in text) >= 3:
            out.append(Sentence(row, passage, i, text, item_rank, shown, lead, heading))
        if is_sub_heading(passage.text, a, b):
            heading = text
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
        for row in item_rows(source, number):
            p = passages[row]
            pool.extend(sentences_of(p, row, rank, p.id in shown, p.id in leads))
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
