"""Committee and date filters, hand-checked on a few passages."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from indexer.dates import DateRange
from indexer.errors import ConfigError
from indexer.records import Passage
from retrieval.filters import Filters, FilterTable, committee_matches, parse_day


def passage(committee: str, body: str, day: str | None) -> Passage:
    return Passage("id", "f.txt", committee, body, day, 1, "t", None, "x", "h", (0, 1))


PASSAGES = [
    passage("SOCDIR", "Socialdirektørkredsen", "2012-05-24"),
    passage("Socialdirektørkredsen", "Socialdirektørkredsen", "2013-03-18"),
    passage("Den Administrative Styregruppe på socialområdet", "Den Administrative Styregruppe", "2020-05-25"),
    passage("Socialdirektørforum", "Socialdirektørforum", None),
]


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        # On its own an acronym matches every name it abbreviates; the table narrows it (below).
        ("SOCDIR", [True, True, False, True]),
        ("socialdirektørkredsen", [True, True, False, False]),
        ("DAS", [False, False, True, False]),
        ("Styregruppe", [False, False, True, False]),
        ("Socialdirektørforum", [False, False, False, True]),
        ("soc", [False, False, False, False]),  # too short to match as a fragment
    ],
)
def test_committee_filter(wanted: str, expected: list[bool]) -> None:
    assert [committee_matches(wanted, p.committee, p.body) for p in PASSAGES] == expected


def test_mask_combines_committee_dates_and_period() -> None:
    table = FilterTable(PASSAGES)
    assert table.mask(Filters()) is None
    # »SOCDIR« is the committee the first minutes print: it stands for the body they write out.
    assert table.mask(Filters(committee="SOCDIR")).tolist() == [True, True, False, False]
    assert table.mask(Filters(committee="DAS")).tolist() == [False, False, True, False]
    assert table.mask(Filters(since=date(2013, 1, 1))).tolist() == [False, True, True, False]
    assert table.mask(Filters(until=date(2013, 3, 18))).tolist() == [True, True, False, False]
    period = DateRange(date(2012, 1, 1), date(2012, 12, 31))
    assert table.mask(Filters(), period).tolist() == [True, False, False, False]
    both = table.mask(Filters(committee="SOCDIR", since=date(2013, 1, 1)), period)
    assert isinstance(both, np.ndarray) and not both.any()


def test_parse_day() -> None:
    assert parse_day("2013-03-18", "--since") == date(2013, 3, 18)
    assert parse_day(None, "--since") is None
    with pytest.raises(ConfigError, match=r"--until must be a date as YYYY-MM-DD, not '18/3/2013'"):
        parse_day("18/3/2013", "--until")
