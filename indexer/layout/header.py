"""The meeting header: committee, organisation, date, time, place, attendees, absent.

The header is the text before the first agenda item (the first lines, when there are no
items). The meeting date is the one the document is about: a labelled date first
("Dato:", "Tid", "Mødedato", "STARTTIDSPUNKT"), then the first date in the title lines
that is not a publication stamp or another meeting's, then the running page header, then
a day and month without a year ("torsdag den 28. februar") dated by the file name or by
the years the document mentions, and last the file name. Every guess is a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from indexer.dates import find_dates, find_partial_dates, infer_year, parse_times
from indexer.layout.bodies import expand_acronym, find_committee, find_organisation, is_acronym
from indexer.layout.labels import read_fields
from indexer.layout.officers import elected_roles, first_of_each_office, noted_offices
from indexer.layout.people import by_status, split_names
from indexer.layout.venue import find_place

# A date right after these words is not the meeting's ("Udgivet 26.05.2015", "næste møde 3. juni 2013").
_NOT_MEETING_DATE = re.compile(
    r"\b(udgivet|publiceret|offentliggjort|opdateret|printet|udskrevet|dannet|godkendt|næste|forrige|sidste|"
    r"frist|senest|deadline)\W+(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
_DOCUMENT_WORDS = re.compile(r"^(referat|dagsorden|protokol|protokoll|beslutningsprotokol|møde|mødet)$", re.I)
_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_]?(\d\d)[-_]?(\d\d)(?!\d)")
_YEAR = re.compile(r"(?<![\d.,-])((?:19|20)\d\d)(?![\d.,])")


@dataclass(frozen=True)
class Header:
    committee: str | None = None
    organisation: str | None = None
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    case_numbers: str | None = None
    roles: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = field(default=())


def _meeting_committee(value: str) -> str | None:
    """ "Møde i Socialdirektørforum den 20. maj 2015" -> "Socialdirektørforum"."""
    value = re.sub(r"^\s*(?:møde\s+)?i\s+", "", value, flags=re.I)
    value = re.split(r"\s+(?:den|d\.)\s+\d|\s+\d", value)[0].strip(" ,.")
    return None if not value or _DOCUMENT_WORDS.match(value) else value


def file_date(name: str) -> date | None:
    """A date in the file name ("…_2019-02-28.pdf", "referat-20190228.txt")."""
    for m in _FILE_DATE.finditer(name):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
    return None


# A contents heading: opening its line, or before a colon, the line's end or the first number
# (»… Dagsorden 1. Godkendelse …«); not a word of a title (»Sbsys dagsorden preview«).
_CONTENTS_WORDS = r"(?:indholdsfortegnelse|indhold|innhold|dagsorden|punkter|saksliste)\b"
_CONTENTS_START = re.compile(rf"^\s*{_CONTENTS_WORDS}|\b{_CONTENTS_WORDS}(?=\s*(?::|$|\d{{1,3}}\s*[.)]))", re.I)


def _title_lines(text: str, limit: int = 8) -> list[str]:
    """The first lines, each cut short, up to a table of contents (whose titles name other things)."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        contents = _CONTENTS_START.search(line)
        if contents:
            if contents.start() > 0:
                out.append(line[: contents.start()])
            break
        out.append(line[:160])
    return out[:limit]


def _meeting_date(text: str) -> tuple[date, int] | None:
    """The first date in ``text`` that is not a publication stamp or another meeting's, with its offset."""
    for d, (start, _end) in find_dates(text):
        if not _NOT_MEETING_DATE.search(text[max(0, start - 40) : start]):
            return d, start
    return None


def _choose_date(when: str, header: str, furniture: str, document: str, name: str) -> tuple[date | None, list[str]]:
    notes: list[str] = []
    named = file_date(name)
    labelled = _meeting_date(when)
    titled = _meeting_date("\n".join(_title_lines(header, 4)))
    found = labelled or _meeting_date(header[:3000]) or _meeting_date(furniture)
    chosen: date | None = found[0] if found else None
    stamped = None if labelled else _page_stamp(chosen, _title_lines(header, 4), document or header)
    if stamped:
        notes.append(f"the first date, {chosen.isoformat()}, is the page's: its year is nowhere else in the text")
        chosen = stamped
    if labelled and titled and titled[0] != labelled[0]:
        notes.append(f"the title says {titled[0].isoformat()}, the header {labelled[0].isoformat()}: the header wins")
    if chosen is None:
        partial = find_partial_dates(when) or find_partial_dates(header[:1500])
        if partial:
            p = partial[0]
            if named and (named.month, named.day) == (p.month, p.day):
                chosen = named
                notes.append("the meeting date has no year: the year is taken from the file name")
            else:
                years = [int(y) for y in _YEAR.findall(document)] + ([named.year] if named else [])
                chosen = infer_year(p, years)
                if chosen:
                    notes.append(
                        f"the meeting date has no year: {chosen.year} inferred from the years the text mentions"
                    )
    if chosen is None and named:
        chosen = named
        notes.append("no meeting date in the text: the date is taken from the file name")
    if chosen is None:
        notes.append("no meeting date found")
    elif named and named != chosen:
        notes.append(f"the file name says {named.isoformat()}, the minutes say {chosen.isoformat()}: the minutes win")
    return chosen, notes


def _page_stamp(first: date | None, title_lines: list[str], document: str) -> date | None:
    """The meeting's date where the first date of the title lines is a web page's own (»Mandag, 09
    december 2019« over »14. august 2012 (ekstraordinær)«): a later title date whose year the text
    mentions again, the first's year being mentioned nowhere else; None otherwise."""
    if first is None or len(re.findall(rf"(?<!\d){first.year}(?!\d)", document)) > 1:
        return None
    text = "\n".join(title_lines)
    for d, (start, _end) in find_dates(text):
        later = d.year != first.year and not _NOT_MEETING_DATE.search(text[max(0, start - 40) : start])
        if later and len(re.findall(rf"(?<!\d){d.year}(?!\d)", document)) > 1:
            return d
    return None


# Abbreviated names a role's value may end with (»Hans Chr.«, »Jens Vald.«).
_NAME_ABBREVIATIONS = frozenset({"Chr", "Joh", "Jac", "Vald", "Chrs", "Fr", "Kr", "Th", "Wm"})


def _role_value(value: str) -> str:
    """»Karin Eis.« -> »Karin Eis«: the full stop ends the line, not an initial (»Hans Chr.«)."""
    value = re.sub(r"\s+", " ", value).strip()
    last = re.search(r"([^\W\d_]+)\.$", value)
    return value[:-1] if last and len(last[1]) >= 3 and last[1] not in _NAME_ABBREVIATIONS else value


def _place(values: dict[str, str], header: str) -> str | None:
    if values.get("place"):
        # »Øster Elkjær, Blå Stue kl. 09.30.«: the time said after the place is no part of it.
        place = re.sub(r"[\s,]+kl\.?\s*\d{1,2}(?:[.:]\d\d)?\S*\s*$", "", values["place"])
        return re.sub(r"\s+", " ", place).strip(" ,.") or None
    return find_place(_title_lines(header))


def parse_header(text: str, *, furniture: tuple[str, ...] = (), file_name: str = "", document: str = "") -> Header:
    """Read the header fields from the text before the first agenda item."""
    values, roles = read_fields(text.splitlines())
    notes: list[str] = []
    committee = values.get("committee") or None
    if committee:
        committee = re.sub(r"\s+", " ", committee).strip()
    if not committee and values.get("meeting"):
        committee = _meeting_committee(values["meeting"])
    titles = _title_lines(text) + [ln for ln in furniture[:4] if ln]
    if not committee:
        committee = find_committee(titles, document or text)
    if committee and committee[0].isdigit():
        committee = None  # »Møde 16. november 2022«: a date, not a body
    organisation = find_organisation(titles, committee)
    if not committee and not organisation:
        notes.append("no committee or organisation found")
    when = values.get("time", "")
    chosen, date_notes = _choose_date(when, text, "\n".join(furniture), document or text, file_name)
    notes += date_notes
    start_time, end_time = parse_times(when, bare=True)
    if not start_time:
        # The first "kl. 19" among the opening lines; a bare "18.30-20.30" only on a line with the date.
        for line in _title_lines(text, 12):
            start_time, end_time = parse_times(line, bare=bool(find_dates(line) or find_partial_dates(line)))
            if start_time:
                break
    if values.get("end"):
        end_time = parse_times(values["end"], bare=True)[0] or end_time
    participants = split_names(values.get("participants", ""))
    absent = split_names(values.get("absent", ""))
    status = by_status(text.splitlines())  # »Lars Gaardhøj: Deltog« / »Sofie Olsen: Afbud«
    if status and status[0]:
        participants, absent = status[0], status[1] or absent
    # A list of the members names the absent too (»Medlemmer: …« then »Fraværende: …«).
    participants = tuple(name for name in participants if name not in absent) or participants
    if not participants:
        notes.append("no attendees listed")
    labelled = [(label.capitalize(), _role_value(v)) for label, v in roles.items() if v.strip()]
    # Then offices noted beside a name, and officers elected before the agenda (»Kerstin valdes till ordförande«).
    officers = first_of_each_office(labelled, noted_offices(participants), elected_roles(text, participants))
    return Header(
        committee=committee,
        organisation=organisation,
        date=chosen.isoformat() if chosen else None,
        start_time=start_time,
        end_time=end_time,
        place=_place(values, text),
        participants=participants,
        absent=absent,
        case_numbers=values.get("case_numbers") or None,
        roles=officers,
        notes=tuple(notes),
    )


_QUALIFIED_NAME = re.compile(
    r"(?P<name>(?:[A-ZÆØÅ][\wæøå-]*\s+)+[A-ZÆØÅ][\wæøå-]*)\s+(?:på|for|i|under|inden for)\s+[a-zæøå][\wæøå\s-]*"
)


def canonical_body(name: str | None, document: str = "") -> str | None:
    """The body a committee name stands for: an acronym (»SOCDIR«) as ``document`` writes it out
    (»Socialdirektørkredsen«), so that its meetings and those under the full name are one body."""
    if not name:
        return None
    name = re.sub(r"\s+", " ", name).strip()
    if is_acronym(name):
        return expand_acronym(name, document) or name
    # »Den Administrative Styregruppe på socialområdet«: a name of capitalised words, then the
    # field it works in, in lower case; the name alone is the body where the minutes use it alone
    # (»Den Administrative Styregruppe drøfter …«), not where two groups share it (»… på
    # beskæftigelsesområdet«).
    named = _QUALIFIED_NAME.fullmatch(name)
    if named and document.count(named["name"]) > document.count(name):
        return named["name"]
    return name
