"""The periods questions name, hand-checked."""

from __future__ import annotations

from datetime import date

import pytest

from retrieval.periods import extract_date_range, is_a_year


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("Hvad blev drøftet om Taleinstituttet på mødet i marts 2013?", date(2013, 3, 1), date(2013, 3, 31)),
        ("Hvilke ændringer blev drøftet i 2012?", date(2012, 1, 1), date(2012, 12, 31)),
        ("budgettet maj 2015", date(2015, 5, 1), date(2015, 5, 31)),
        ("mødet den 24. maj 2012", date(2012, 5, 24), date(2012, 5, 24)),
        ("What was decided in March 2013?", date(2013, 3, 1), date(2013, 3, 31)),
        ("Hvad er sket siden 2015?", date(2015, 1, 1), date(2999, 12, 31)),
        ("beslutninger før 2013", date(1900, 1, 1), date(2012, 12, 31)),
        ("i februar 2024", date(2024, 2, 1), date(2024, 2, 29)),
    ],
)
def test_periods(question: str, start: date, end: date) -> None:
    period = extract_date_range(question)
    assert period is not None
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    "question", ["budget 2016 for sekretariatet", "Nordjysk Socialaftale 2021-2022", "§§ 109 og 110"]
)
def test_years_in_names_are_not_periods(question: str) -> None:
    assert extract_date_range(question) is None


def test_a_year_alone_is_told_from_a_month_or_a_day() -> None:
    assert is_a_year("i 2012")
    assert not is_a_year("marts 2013")
    assert not is_a_year("den 24. maj 2012")
