"""Dates and times as Danish minutes write them.

"24. maj 2012", "16. august 2012, kl. 10.00", "18. marts 2013, kl. 10-00-12.00",
"2015-05-20 09:00", "26.05.2015", "15-maj-2002", and the English forms a question may use.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTHS: dict[str, int] = {
    "januar": 1, "jan": 1, "january": 1, "januari": 1,
    "februar": 2, "feb": 2, "february": 2, "februari": 2,
    "marts": 3, "mar": 3, "march": 3, "mars": 3,
    "april": 4, "apr": 4,
    "maj": 5, "may": 5, "mai": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "august": 8, "aug": 8, "augusti": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12, "desember": 12,
}  # fmt: skip
# Swedish and Norwegian month names above: "25 juli 2023", "14. desember 2022".

DANISH_MONTH_NAMES = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_ISO = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)(?!\d)")
# »24. maj 2012«, and English »22nd March 2021«, »1st of April 2020«.
_DAY_MONTH_YEAR = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"(?!\d)", re.IGNORECASE
)
# »15-maj-2002«, »3-Mar-2021«: day, month name and year joined by dashes (a report generator's form).
_DASHED = re.compile(r"(?<![\d-])(?P<day>\d{1,2})-" + _MONTH + r"-" + _YEAR + r"(?![\d-])", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + r"(?!\d)",
    re.IGNORECASE,
)
# A day and month, year optional ("28. juni", "6. september 2012"): dates as answers.
DAY_MONTH = re.compile(
    r"(?<!\d)\d{1,2}\.\s*(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b"
    r"|(?<!\d)(?:19|20)\d\d-\d\d-\d\d",
    re.IGNORECASE,
)
# "26.05.2015", "27-03-2008", "31/10/2016", and "23/5 2016" (day/month, then the year after a space).
_NUMERIC = re.compile(
    r"(?<![\d.,/-])(?P<day>\d{1,2})\s?(?P<sep>[./-])\s?(?P<mon>\d{1,2})(?:\s?(?P=sep)\s?|(?<=\d)/?\s(?=\d{4}))"
    r"(?P<year>(?:19|20)\d\d)(?![\d-])"
)
# "3/3-2025", "31/10-2016": day/month, a dash, then the year.
_SLASH_DASH = re.compile(r"(?<![\d.,/-])(?P<day>\d{1,2})/(?P<mon>\d{1,2})-(?P<year>(?:19|20)\d\d)(?![\d-])")
# "05.03.24", "5/3/24": a two-digit year, with the same separator twice (not "kl. 19.30").
_SHORT_YEAR = re.compile(
    r"(?<![\w.,/:-])(?P<day>\d{1,2})(?P<sep>[./-])(?P<mon>\d{1,2})(?P=sep)(?P<year>\d\d)(?![\d/:-]|[.,]\d)"
)
# "kl. 10.00-12.00", "kl. 19", "Kl. 18.00 – 20.30", "Kl. 1330", and the seed's "kl. 10-00-12.00" typo
# (a dash stands for the minutes' point only when another time follows: "kl. 17-19" is 17 to 19).
_TIME_RANGE = re.compile(
    r"\bkl\.?:?\s*(?P<h1>[01]?\d|2[0-3])(?:[.:]?(?P<m1>[0-5]\d)|-(?P<m1b>[0-5]\d)(?=-\d))?(?![\d])"
    r"(?:\s*[-–]\s*(?:kl\.?\s*)?(?P<h2>[01]?\d|2[0-3])(?:[.:](?P<m2>[0-5]\d))?(?!\d))?",
    re.IGNORECASE,
)
# A time without "kl." ("Tidspunkt: 19:00", "18.30 - 20.30"): read only where a time is expected.
_BARE_TIME = re.compile(
    r"(?<![\d.,:])(?P<h1>[01]?\d|2[0-3])[.:](?P<m1>[0-5]\d)(?::\d\d)?(?![\d.,]\d)"
    r"(?:\s*[-–]\s*(?P<h2>[01]?\d|2[0-3])[.:](?P<m2>[0-5]\d)(?::\d\d)?(?![\d.,]\d))?"
)
_ISO_TIME = re.compile(r"(?:\d{4}-\d\d-\d\d|\d\d-\d\d-\d{4})[ T](?P<h>\d{1,2}):(?P<m>\d\d)")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# The first day of a range of days, right before the last day's date.
_DAY_BEFORE_RANGE = re.compile(r"(?<!\d)(?P<day>\d{1,2})\.?\s*[-–]\s*$")


def find_dates(text: str) -> list[tuple[date, tuple[int, int]]]:
    """Every full date in ``text`` with its span, in order of appearance."""
    found: list[tuple[date, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_ISO, _DAY_MONTH_YEAR, _DASHED, _MONTH_DAY_YEAR, _NUMERIC, _SLASH_DASH, _SHORT_YEAR):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            groups = m.groupdict()
            month = MONTHS[groups["month"].lower()] if groups.get("month") else int(groups["mon"])
            year = int(groups["year"])
            if year < 100:  # "24" is 2024, "98" 1998: minutes written on computers, 1970 on
                year += 2000 if year < 70 else 1900
            d = _safe_date(year, month, int(groups["day"]))
            if d is not None:
                found.append((d, m.span()))
                taken.append(m.span())
                # A meeting of days (»den 26-27 januari 2002«, »22.-23. oktober«) starts on the first.
                first = None
                if pattern is _DAY_MONTH_YEAR:
                    first = _DAY_BEFORE_RANGE.search(text, max(0, m.start() - 8), m.start())
                start = _safe_date(year, month, int(first["day"])) if first else None
                if start is not None and start < d:
                    found.append((start, (first.start(), first.end())))
    return sorted(found, key=lambda f: f[1][0])


def parse_date(text: str) -> date | None:
    """The first full date in ``text``, or None."""
    dates = find_dates(text)
    return dates[0][0] if dates else None


def _hhmm(hour: str, minute: str | None) -> str:
    return f"{int(hour):02d}:{minute or '00'}"


def parse_times(text: str, bare: bool = False) -> tuple[str | None, str | None]:
    """Start and end time ("HH:MM") from "kl. 10.00-12.00", "kl. 19", ISO times; with ``bare``
    also from times without "kl." (for a labelled time field or a title line)."""
    m = _TIME_RANGE.search(text)
    if m:
        end = _hhmm(m["h2"], m["m2"]) if m["h2"] else None
        return _hhmm(m["h1"], m["m1"] or m["m1b"]), end
    m = _ISO_TIME.search(text)
    if m:
        return _hhmm(m["h"], m["m"]), None
    if bare:
        m = _BARE_TIME.search(text)
        if m:
            return _hhmm(m["h1"], m["m1"]), _hhmm(m["h2"], m["m2"]) if m["h2"] else None
    return None, None


def danish_date(iso: str | None) -> str:
    """ "2012-05-24" -> "24. maj 2012" (the form the minutes and their readers use)."""
    if not iso:
        return "ukendt dato"
    d = date.fromisoformat(iso)
    return f"{d.day}. {DANISH_MONTH_NAMES[d.month - 1]} {d.year}"


def with_times(day: str, start: str | None, end: str | None) -> str:
    """ "24. maj 2012" -> "24. maj 2012, kl. 10:00-12:00" (as far as the times are known)."""
    if not start:
        return day
    return f"{day}, kl. {start}" + (f"-{end}" if end else "")


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of dates; ``text`` is the phrase it was read from."""

    start: date
    end: date
    text: str = ""

    def contains(self, iso: str | None) -> bool:
        return iso is not None and self.start.isoformat() <= iso <= self.end.isoformat()


def month_range(year: int, month: int, text: str = "") -> DateRange:
    last = calendar.monthrange(year, month)[1]
    return DateRange(date(year, month, 1), date(year, month, last), text)


def year_range(year: int, text: str = "") -> DateRange:
    return DateRange(date(year, 1, 1), date(year, 12, 31), text)


WEEKDAYS: dict[str, int] = {
    "mandag": 0, "tirsdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lørdag": 5, "søndag": 6,
    "måndag": 0, "tisdag": 1, "tysdag": 1, "lördag": 5, "söndag": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_DAY_MONTH_ONLY = re.compile(
    r"(?:\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\b[\s,]*(?:den\s+|d\.\s*)?)?"
    r"(?<!\d)(?P<day>\d{1,2})\.?\s*" + _MONTH + r"(?!\s*,?\s*(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PartialDate:
    """A day and month without a year ("torsdag den 28. februar"), with its weekday if written."""

    day: int
    month: int
    weekday: int | None
    span: tuple[int, int]


def find_partial_dates(text: str) -> list[PartialDate]:
    """Days and months written without a year, in order of appearance."""
    found = []
    for m in _DAY_MONTH_ONLY.finditer(text):
        weekday = WEEKDAYS[m["weekday"].lower()] if m["weekday"] else None
        found.append(PartialDate(int(m["day"]), MONTHS[m["month"].lower()], weekday, m.span()))
    return found


def infer_year(partial: PartialDate, years: list[int]) -> date | None:
    """The date ``partial`` most likely means, given years the document or its file name mention.

    With a weekday, the year (among those mentioned and the years next to them) whose
    calendar puts that day on that weekday; without one, the most mentioned year.
    """
    if not years:
        return None
    ranked = sorted(set(years), key=lambda y: (-years.count(y), -y))
    if partial.weekday is not None:
        for year in [*ranked, *(y + d for y in ranked for d in (1, -1))]:
            d = _safe_date(year, partial.month, partial.day)
            if d is not None and d.weekday() == partial.weekday:
                return d
    return _safe_date(ranked[0], partial.month, partial.day)
