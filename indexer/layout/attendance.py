"""What the agenda items say about attendance, where the front matter does not: attendees listed
in the first items (»1. Fraværende: …«) or at the end of the minutes, in the last item's text, and
the meeting's officers that an early item titled by the office elects (»1. Valg af dirigent«)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from indexer.layout.header import Header
from indexer.layout.labels import LABELS, read_fields
from indexer.layout.officers import NAMES_AN_OFFICE, elected_roles, first_of_each_office, named_to_office
from indexer.layout.people import absent_from, absent_named, by_status, names_ending, split_names

# Agenda items that are attendee fields: »1. Fraværende: Kirsten Larsen, Silja Kjærbo og …«.
ATTENDEE_ITEMS = 2
# Agenda items that may elect the meeting's own officers (their titles name the office).
OFFICER_ITEMS = 4
# Not the labels that may list a group's members in an item's text (»Medlemmer:«, »Deltager:«).
_NOT_ATTENDANCE = frozenset({"medlemmer", "deltager", "deltog", "mødt", "møtende medlemmer"})
_ATTENDANCE_LINE = re.compile(
    r"^\s*(?i:"
    + "|".join(re.escape(k) for k, v in LABELS.items() if v in ("participants", "absent") and k not in _NOT_ATTENDANCE)
    + r")\s*:"
)


_ROLE_LINE = re.compile(r"^\s*(?i:" + "|".join(re.escape(k) for k, v in LABELS.items() if v == "role") + r")\s*:\s*\S")
# The date a minute-taker signs with (»Ellen HF, 13.08.23«).
_DATE_AFTER = re.compile(r"[,\s]+\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?\s*$")


def with_attendee_items(header: Header, titles: Sequence[str], bodies: Sequence[str] = (), closing: str = "") -> Header:
    """The header with attendees that the first items list where the front matter lists none: in
    their titles (»1. Fraværende: …«, »1. Til stede: …«), on a line of their text that opens
    with the label (»Fraværende: Peter Muhl« under the first item's decision), under a title that
    is the label (»1. Fraværende«), or before the words that say they were not there (»Peter
    Andersen og Linda Peitersen deltog ikke på mødet.«); and those the last item's text
    (``closing``) lists at the end of the minutes, also as »Name: Deltog« lines. Also the meeting's
    officers that an early item titled by the office elects (»1. Valg af dirigent« - »Ove Madsen blev
    valgt …«, or the name alone) and a role signed at the end (»Referent: Ellen HF, 13.08.23«)."""
    participants, absent = header.participants, header.absent
    # Also the lines of the last item's text: some minutes list who came at their end.
    first = [ln for body in bodies[:ATTENDEE_ITEMS] for ln in body.splitlines()]
    ending = closing.splitlines()
    labelled = [ln for ln in [*first, *ending] if _ATTENDANCE_LINE.match(ln)]
    for title in [*titles[:ATTENDEE_ITEMS], *labelled]:
        # Each title alone (the next is no continuation), without its full stop (»APOLOGIES FOR ABSENCE.«).
        values, _roles = read_fields([title.rstrip(". ")])
        participants = participants or split_names(values.get("participants", ""))
        absent = absent or split_names(values.get("absent", ""))
    status = None if participants else by_status([*first, *ending])
    if status and status[0]:
        participants, absent = status[0], absent or status[1]
    for title, body in zip(titles[:ATTENDEE_ITEMS], bodies, strict=False):
        found = _listed_under(title, body)
        if found:
            field, names = found
            participants = participants or (names if field == "participants" else ())
            absent = absent or (names if field == "absent" else ())
    # »Peter Andersen … deltog ikke på mødet.« under the first item's decision.
    # At the end, also »Der var afbud fra …« (in an item's text it may be another meeting's).
    said_first = (names for line in first if (names := absent_named(line)))
    said_last = (names for line in ending if (names := absent_named(line) or absent_from(line)))
    said = itertools.chain(said_first, said_last)
    absent = absent or next(said, ())
    roles = first_of_each_office(header.roles, _officers(titles, bodies, ending, participants))
    if (participants, absent, roles) == (header.participants, header.absent, header.roles):
        return header
    notes = tuple(n for n in header.notes if not (participants and n == "no attendees listed"))
    return replace(header, participants=participants, absent=absent, roles=roles, notes=notes)


def _officers(
    titles: Sequence[str], bodies: Sequence[str], ending: list[str], participants: tuple[str, ...]
) -> list[tuple[str, str]]:
    """The meeting's officers that the items name: elected in an early item titled by the office, or
    signed at the end of the minutes."""
    # A general meeting elects its chair and its secretary first (»1. Valg af dirigent« - »Ove Madsen
    # blev valgt som dirigent«; »§3 Val av ordförande och sekreterare för årsmötet«); a later item
    # may elect the board's (»§14 Val av ordförande i styrelsen«).
    electing = [(t, b) for t, b in zip(titles[:OFFICER_ITEMS], bodies, strict=False) if NAMES_AN_OFFICE.search(t)]
    found: list[tuple[str, str]] = []
    for title, body in electing:
        # »Ove Madsen blev valgt som dirigent«, the name alone (»1. Valg af ordstyrer« / »Anna«), or
        # labelled (»Ordstyrer: Jens Jakob«).
        labelled = _role_lines(body.splitlines())
        said = [(label.capitalize(), value.strip(" .")) for label, value in labelled.items() if value.strip(" .")]
        found += elected_roles(body, participants) or named_to_office(title, body, participants) or said
    # »Referent: Ellen HF, 13.08.23« at the end of the minutes.
    signed = ((label, _DATE_AFTER.sub("", value).strip(" .,")) for label, value in _role_lines(ending).items())
    found += [(label.capitalize(), name) for label, name in signed if name]
    return found


def _role_lines(lines: list[str]) -> dict[str, str]:
    """Role label -> value, from the lines that open with a role's label (»Referent: …«)."""
    return read_fields([ln for ln in lines if _ROLE_LINE.match(ln)])[1]


def _listed_under(title: str, body: str) -> tuple[str, tuple[str, ...]] | None:
    """An item titled by an attendance label alone (»1. Fraværende«), and the names its text lists
    (»Der er afbud fra Martin Bech, … og Niels Vestergaard Salling.«): (field, names)."""
    label = title.strip().rstrip(":.").strip().casefold()
    field = LABELS.get(label)
    if field not in ("participants", "absent") or label in _NOT_ATTENDANCE:
        return None
    return next(((field, names) for line in body.splitlines() if (names := names_ending(line))), None)
