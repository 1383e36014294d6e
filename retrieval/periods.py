"""The period a question names: a day (»den 24. maj 2012«), a month (»i marts 2013«), a year
(»i 2019«), or a span open at one end (»siden 2015«, »før 2020«)."""

from __future__ import annotations

import re
from datetime import date

from indexer.dates import MONTHS, DateRange, find_dates, month_range, year_range

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH_ALT})\.?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_YEAR = re.compile(
    r"\b(?P<prep>i|in|år|året|i året|during|siden|since|efter|after|fra|from|før|inden|before|indtil|until)"
    r"\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_EARLIEST, _LATEST = date(1900, 1, 1), date(2999, 12, 31)


def _open_range(prep: str, year: int, text: str) -> DateRange:
    prep = prep.lower()
    if prep in ("siden", "since", "fra", "from"):
        return DateRange(date(year, 1, 1), _LATEST, text)
    if prep in ("efter", "after"):
        return DateRange(date(year + 1, 1, 1), _LATEST, text)
    if prep in ("før", "inden", "before"):
        return DateRange(_EARLIEST, date(year - 1, 12, 31), text)
    if prep in ("indtil", "until"):
        return DateRange(_EARLIEST, date(year, 12, 31), text)
    return year_range(year, text)


def extract_date_range(question: str) -> DateRange | None:
    """The most specific period the question names: a day, a month or a year."""
    found = find_dates(question)
    if found:
        d, (a, b) = found[0]
        return DateRange(d, d, question[a:b])
    m = _MONTH_YEAR.search(question)
    if m:
        return month_range(int(m["year"]), MONTHS[m["month"].lower()], m.group(0))
    m = _YEAR.search(question)
    if m:
        return _open_range(m["prep"], int(m["year"]), m.group(0))
    return None


def is_a_year(text: str) -> bool:
    """Whether ``text`` is a year with its preposition (»i 2012«), no month or day."""
    return _YEAR.fullmatch(text) is not None
