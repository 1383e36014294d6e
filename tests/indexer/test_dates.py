"""Danish dates and meeting times, hand-checked."""

from __future__ import annotations

from datetime import date

import pytest

from indexer.dates import danish_date, find_dates, parse_date, parse_times


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24. maj 2012", date(2012, 5, 24)),
        ("16. august 2012, kl. 10.00", date(2012, 8, 16)),
        ("18. marts 2013, kl. 10-00-12.00", date(2013, 3, 18)),
        ("2015-05-20 09:00", date(2015, 5, 20)),
        ("Udgivet 26.05.2015", date(2015, 5, 26)),
        ("den 1. sept. 2014", date(2014, 9, 1)),
        ("May 24, 2012", date(2012, 5, 24)),
        ("24 May 2012", date(2012, 5, 24)),
        ("31. februar 2012", None),  # no such day
        ("den 1. juni og", None),  # no year: not a full date
        ("2. mio. kr.", None),
        ("§§ 109 og 110", None),
        ("Referat af møde 3/3-2025 kl. 18.30", date(2025, 3, 3)),
        ("mødet d. 31/10-2016", date(2016, 10, 31)),
        ("side 3/4-5", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_find_dates_in_order_with_spans() -> None:
    text = "Mødet den 9. marts 2020 og igen 2020-08-17."
    found = find_dates(text)
    assert [d for d, _ in found] == [date(2020, 3, 9), date(2020, 8, 17)]
    assert [text[a:b] for _, (a, b) in found] == ["9. marts 2020", "2020-08-17"]


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("24. maj 2012, kl. 10.00-12.00", ("10:00", "12:00")),
        ("Kl.: 19.00", ("19:00", None)),
        ("18. marts 2013, kl. 10-00-12.00", ("10:00", "12:00")),
        ("25. maj 2020, kl. 9.00-12.00", ("09:00", "12:00")),
        ("16. august 2012, kl. 10.00", ("10:00", None)),
        ("2015-05-20 09:00", ("09:00", None)),
        ("ingen tid", (None, None)),
    ],
)
def test_parse_times(text: str, times: tuple[str | None, str | None]) -> None:
    assert parse_times(text) == times


def test_danish_date() -> None:
    assert danish_date("2012-05-24") == "24. maj 2012"
    assert danish_date(None) == "ukendt dato"


def test_a_two_digit_year_with_the_same_separator_twice() -> None:
    assert [d.isoformat() for d, _ in find_dates("BESTYRELSESMØDE 05.03.24")] == ["2024-03-05"]
    assert [d.isoformat() for d, _ in find_dates("mødet 5/3/24 kl. 19.30")] == ["2024-03-05"]
    assert [d.isoformat() for d, _ in find_dates("den 31-12-98")] == ["1998-12-31"]
    # Not a time, an amount, a section number or mixed separators.
    for text in ("kl. 19.30", "kr. 12.500.000", "afsnit 3.1.2", "5.3/24", "Lønomkostninger 1.287.300"):
        assert find_dates(text) == [], text


def test_a_range_of_days_starts_on_the_first() -> None:
    # A meeting over two days is dated by its first; the last day is a date of its own too.
    assert [d.isoformat() for d, _ in find_dates("Möte med sektionens styrelse den 26-27 januari 2002")] == [
        "2002-01-26",
        "2002-01-27",
    ]
    assert [d.isoformat() for d, _ in find_dates("Døgnseminar 22.-23. oktober 2015")] == ["2015-10-22", "2015-10-23"]
    assert [d.isoformat() for d, _ in find_dates("mødet 24. maj 2012")] == ["2012-05-24"]


def test_english_ordinal_dates() -> None:
    assert [d for d, _ in find_dates("Minutes of the meeting held on 22nd March 2021 at 7.30pm")] == [date(2021, 3, 22)]
    assert [d for d, _ in find_dates("the 1st of April 2020")] == [date(2020, 4, 1)]
