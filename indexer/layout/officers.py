"""The meeting's officers: the offices an attendee list notes beside a name (»Henrik Faurby
(referent)«), and those an item or the front matter says were elected (»Ove Madsen blev valgt som
dirigent«, »Kerstin valdes till ordförande«, »1. Valg af ordstyrer« over »Anna«)."""

from __future__ import annotations

import re
from collections.abc import Sequence

# Offices of the meeting or the body that an attendee list may note beside a name (»Henrik Faurby
# (referent)«, »Cllr Vaughan (Chair)«): its officers, not its members.
_OFFICER = re.compile(
    r"\((?:[^()]*,\s*)?(?P<role>formand|referent|ordstyrer|dirigent|mødeleder|kasserer|sekretær|chair|chairman"
    r"|secretary|treasurer|ordförande|sekreterare|kassör|styreleder)\s*(?:,[^()]*)?\)$",
    re.IGNORECASE,
)


def noted_offices(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(office, name) for each name an attendee list notes an office beside, first of each office."""
    found: dict[str, str] = {}
    for name in names:
        m = _OFFICER.search(name)
        if m:
            # The party or organisation noted with the office stays (»Erik Nielsen (A)«).
            others = [
                p.strip() for p in name[m.start() + 1 : -1].split(",") if p.strip().casefold() != m["role"].casefold()
            ]
            bare = name[: m.start()].rstrip(" ,")
            found.setdefault(m["role"].casefold().capitalize(), f"{bare} ({', '.join(others)})" if others else bare)
    return tuple(found.items())


# The meeting's own officers elected in its first item (a general meeting's »Valg af dirigent«):
# »Ove Madsen, F5 blev valgt som dirigent«, »Som dirigent blev valgt Jens Rosenquist, som …«,
# »Årsmötet beslutade att välja Carl Tönsgård till ordförande och Ingrid Tönsgård till sekreterare«.
_OFFICE_WORDS = "dirigent|referent|ordstyrer|mødeleder|møteleder|protokolfører|ordförande|sekreterare"
_OFFICE = rf"(?P<role>{_OFFICE_WORDS})"
# An item title that names one of those offices (»1. Valg af dirigent«, »§3 Val av ordförande …«).
NAMES_AN_OFFICE = re.compile(rf"\b(?i:{_OFFICE_WORDS})")
_PERSON = r"(?P<name>[A-ZÆØÅ][\wæøåäöü-]+(?:[ \t]+[A-ZÆØÅ][\wæøåäöü-]+){0,3})"  # on one line
_ELECTED = (
    re.compile(rf"{_PERSON}(?:,[^,;:\n]{{1,30}}?,?)?\s+(?:blev\s+|ble\s+)?(?:gen)?valgt\s+(?:som|til)\s+{_OFFICE}\b"),
    re.compile(rf"\b(?i:som|til|till)\s+{_OFFICE}\s+(?:blev|ble)\s+(?:gen)?valgt\s+{_PERSON}"),
    re.compile(rf"{_PERSON}\s+(?:valdes\s+)?till\s+{_OFFICE}\b"),
)


def _known(name: str, attendees: Sequence[str]) -> bool:
    """A full name, or a first name alone that an attendee's entry opens with (»Kerstin« for
    »Kerstin- internetansvarig«): not a word that opens a sentence (»Formanden«, »Han«)."""
    return len(name.split()) >= 2 or any(a.split()[0].rstrip("-–,") == name for a in attendees if a.split())


def elected_roles(text: str, attendees: Sequence[str] = ()) -> tuple[tuple[str, str], ...]:
    """(office, name) for each officer of the meeting that ``text`` says was elected, first
    mention of each office kept; () for a text that elects none."""
    found: dict[str, str] = {}
    for pattern in _ELECTED:
        for m in pattern.finditer(text):
            if _known(m["name"], attendees):
                found.setdefault(m["role"].casefold().capitalize(), m["name"])
    return tuple(found.items())


# The text of an item titled by an office that is one name alone (»1. Valg af ordstyrer« / »Anna«).
_NAME_ALONE = re.compile(r"^\s*(?P<name>[A-ZÆØÅ][\wæøåäöü-]+(?:\s+[A-ZÆØÅ][\wæøåäöü-]+){0,3})\.?\s*$")


def named_to_office(title: str, text: str, attendees: Sequence[str] = ()) -> tuple[tuple[str, str], ...]:
    """(office, name) where an item's title names one office and its text is only a name."""
    offices = {m.casefold() for m in NAMES_AN_OFFICE.findall(title)}
    alone = _NAME_ALONE.match(text)
    if len(offices) != 1 or alone is None or not _known(alone["name"], attendees):
        return ()
    return ((offices.pop().capitalize(), alone["name"]),)


def first_of_each_office(*groups: Sequence[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """(office, name) from ``groups`` in order, the first of each office (a labelled role before one
    noted beside a name, before one said elected)."""
    found: dict[str, tuple[str, str]] = {}
    for office, name in (role for group in groups for role in group):
        found.setdefault(office.casefold(), (office, name))
    return tuple(found.values())
