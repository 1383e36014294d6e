"""Header fields from each layout the minutes use."""

from __future__ import annotations

from indexer.layout.header import canonical_body, parse_header, split_names


def test_label_above_value_layout_ignores_publication_date() -> None:
    header = parse_header(
        "Møde i Socialdirektørforum den 20. maj 2015\n\nUdgivet 26.05.2015\n\nUDVALG\n\nSocialdirektørforum\n\n"
        "STED\n\nHR Fredericia\n\nSTARTTIDSPUNKT\n\n2015-05-20 09:00\n\nSLUTTIDSPUNKT\n\n2015-05-20 12:00\n"
    )
    assert header.committee == "Socialdirektørforum"
    assert header.date == "2015-05-20"
    assert (header.start_time, header.end_time) == ("09:00", "12:00")
    assert header.place == "HR Fredericia"


def test_markdown_table_and_tabs() -> None:
    md = parse_header("| | |\n|---|--|\n| Møde | SOCDIR |\n| Tid | 24. maj 2012, kl. 10.00-12.00 |\n| Afbud | A, B |\n")
    assert (md.committee, md.date, md.absent) == ("SOCDIR", "2012-05-24", ("A", "B"))
    tabs = parse_header("Møde\tDen Administrative Styregruppe\nTid\t25. maj 2020, kl. 9.00-12.00\nSted\tSkype\n")
    assert (tabs.committee, tabs.date, tabs.place) == ("Den Administrative Styregruppe", "2020-05-25", "Skype")


def test_wrapped_values_and_date_from_title_when_unlabelled() -> None:
    header = parse_header(
        "Møde Socialdirektørkredsen\n\nDeltagere Jan Nielsen, Benjamin\nHolst og Hilde/ref\n\nAfbud Jes Lunde,\n"
    )
    assert header.participants == ("Jan Nielsen", "Benjamin Holst", "Hilde")
    assert header.absent == ("Jes Lunde",)
    assert header.date is None and header.notes == ("no meeting date found",)
    assert parse_header("Referat fra mødet 3. juni 2013\n").date == "2013-06-03"


def test_split_names_respects_parentheses() -> None:
    assert split_names("A (formand, X Kommune), , B og C (begge sekretariat/ref.)") == (
        "A (formand, X Kommune)",
        "B",
        "C (begge sekretariat/ref.)",
    )


def test_abbreviations_map_to_one_body() -> None:
    assert canonical_body("SOCDIR") == canonical_body("Socialdirektørkredsen") == "Socialdirektørkredsen"
    assert canonical_body("DAS") == "Den Administrative Styregruppe"
    assert canonical_body("Den Administrative Styregruppe på socialområdet") == "Den Administrative Styregruppe"
    assert canonical_body("Socialdirektørforum") == "Socialdirektørforum"
    assert canonical_body(None) is None
