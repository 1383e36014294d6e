"""Filters the user sets (committee, date range), as pure functions over passages."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from indexer.dates import DateRange
from indexer.errors import ConfigError
from indexer.layout.bodies import abbreviates, is_acronym
from indexer.records import Passage


@dataclass(frozen=True)
class Filters:
    committee: str | None = None
    since: date | None = None
    until: date | None = None

    @property
    def active(self) -> bool:
        return bool(self.committee or self.since or self.until)

    def date_range(self) -> DateRange | None:
        if not (self.since or self.until):
            return None
        return DateRange(self.since or date(1900, 1, 1), self.until or date(2999, 12, 31))


def parse_day(value: str | None, flag: str) -> date | None:
    """ "2013-03-18" -> date; anything else is a ConfigError naming the flag."""
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{flag} must be a date as YYYY-MM-DD, not {value!r}") from None


def committee_matches(wanted: str, committee: str | None, body: str | None) -> bool:
    """Whether a committee filter ("SOCDIR", "socialdirektørkredsen", "Styregruppe") matches.

    An acronym matches the name it is short for (»DAS« - »Den Administrative Styregruppe«,
    ``indexer.layout.bodies.abbreviates``); a longer fragment also matches as part of the name.
    """
    wanted_key = wanted.strip().casefold()
    if not wanted_key:
        return True
    names = [n for n in (committee, body) if n]
    if wanted_key in (n.casefold() for n in names):
        return True
    if any(abbreviates(wanted, n) for n in names):
        return True
    if committee and body == committee and abbreviates(committee, wanted):
        return True  # minutes that print only an acronym, never spelled out
    return len(wanted_key) >= 4 and any(wanted_key in n.casefold() for n in names)


def acronyms_in(question: str) -> list[str]:
    """The words in capitals a question names a committee by (»DAS«, »SOCDIR«)."""
    return re.findall(r"\b[A-ZÆØÅ]{2,}\b", question)


def names_committee(named: Sequence[str], passage: Passage) -> bool:
    """Whether one of the names or acronyms ``named`` is the passage's committee."""
    return any(committee_matches(n, passage.committee, passage.body) for n in named)


class FilterTable:
    """Per-passage meeting day and committee as arrays, so a filter is a few vector ops."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        self.day = np.array(
            [date.fromisoformat(p.meeting_date).toordinal() if p.meeting_date else 0 for p in passages], dtype=np.int64
        )
        names: dict[tuple[str | None, str | None], int] = {}
        self.committee_code = np.array(
            [names.setdefault((p.committee, p.body), len(names)) for p in passages], dtype=np.int64
        )
        self.committees = list(names)

    def _codes(self, wanted: str) -> list[int]:
        """The committees a filter names. An acronym that some minutes print as their committee
        stands for the body those minutes write out (»SOCDIR« - Socialdirektørkredsen, not
        Socialdirektørforum, which it could abbreviate as well)."""
        key = wanted.strip().casefold()
        bodies = {b for c, b in self.committees if c and b and c.casefold() == key and b.casefold() != key}
        if is_acronym(wanted) and bodies:
            return [i for i, (c, b) in enumerate(self.committees) if (c and c.casefold() == key) or b in bodies]
        return [i for i, (c, b) in enumerate(self.committees) if committee_matches(wanted, c, b)]

    def in_period(self, period: DateRange) -> np.ndarray:
        return (self.day >= period.start.toordinal()) & (self.day <= period.end.toordinal())

    def mask(self, filters: Filters, period: DateRange | None = None) -> np.ndarray | None:
        """Passages that pass the filters and lie in ``period``; None means no restriction."""
        if not filters.active and period is None:
            return None
        mask = np.ones(len(self.day), dtype=bool)
        if filters.committee:
            mask &= np.isin(self.committee_code, self._codes(filters.committee))
        for r in (filters.date_range(), period):
            if r is not None:
                mask &= self.in_period(r)
        return mask
