"""The header fields and table rows a question names."""

from __future__ import annotations

from retrieval.fields import asked_terms, holds_a_field, label_asked, opening_label, row_asked
from retrieval.units import field_units, row_label


def test_a_table_row_whose_label_the_question_names() -> None:
    assert row_label("Samlede udgifter i alt 1.715.000 1.510.000 -205.000") == "Samlede udgifter i alt"
    # Years alone head the columns; a sentence with a figure is no row.
    assert row_label("Antal borgere i Nordjylland vedr. målgruppen 2017 2018 2019") is None
    assert row_label("Det blev godkendt med 5 stemmer.") is None
    asked = asked_terms("Hvad var sekretariatets samlede udgifter i regnskabet for 2012?")
    assert row_asked("Samlede udgifter i alt 1.715.000 1.510.000 -205.000", asked) == 1.0
    assert row_asked("Samlede indtægter i alt 1.551.000 1.510.000 41.000", asked) == 0.5
    # The remark in brackets aside: »Resultat« is the whole label.
    asked = asked_terms("Hvad blev resultatet af sekretariatets regnskab for 2012?")
    assert row_asked("Resultat (p.t. udlæg Aalborg kommune) -164.000", asked) == 1.0
    # A row naming another place than the question's is another row of its table.
    asked = asked_terms("Hvad er døgntaksten på Aalborg Krisecenter?")
    assert row_asked("Hobro Krisecenter 4 1.943", asked) == 0.0
    assert row_asked("Aalborg Krisecenter 7 1.933", asked) == 1.0
    # A label's first word is capitalised anyway: one the minutes write small is no name.
    asked = asked_terms("Hvad endte udgifterne på i 2012?")
    assert row_asked("Samlede udgifter i alt 1.715.000 1.510.000 -205.000", asked) == 0.0
    assert row_asked("Samlede udgifter i alt 1.715.000 1.510.000 -205.000", asked, frozenset({"samlede"})) == 0.5
    assert row_asked("Hobro Krisecenter 4 1.943", asked, frozenset({"samlede"})) == 0.0


def test_a_question_naming_a_field_asks_for_its_other_labels_too() -> None:
    # »fraværende« and »Afbud« label one field; a referent is still no dirigent.
    asked = asked_terms("Hvem var fraværende ved mødet?")
    assert label_asked("Afbud: Kirsten Larsen, Silja Kjærbo", asked)
    assert not label_asked("Deltagere: Anne, Aud", asked)
    assert label_asked("Deltagere: Anne, Aud", asked_terms("Hvem var til stede på mødet?"))
    # Everyday words name no field: »medlemmer«, »deltog«.
    assert not label_asked("Deltagere: Anne, Aud", asked_terms("Hvor mange medlemmer har foreningen?"))
    assert not label_asked("Dirigent: Peter Knappmann", asked_terms("Hvem var referent?"))


def test_a_header_field_is_found_inside_a_line_too() -> None:
    # A header written on one line: a title, then its labelled fields.
    assert holds_a_field("Afdelingsbestyrelsesmøde afdeling 27 – Lillesøvej Dato: 20. september 2023 Deltagere: Jan")
    assert holds_a_field("Sted: Byrådssalen") and holds_a_field("Afbud Anne Krøjer")
    # A sentence of minutes, even one naming a date or the attendees, is no field.
    assert not holds_a_field("Spørgsmål fra forældre til børn på Parkskolen blev besvaret.")
    assert not holds_a_field("Deltagerne drøftede tidsplanen for 2020.")


def test_a_table_row_opens_with_its_label_cell() -> None:
    assert opening_label("| Afbud | Jan Nielsen, Flemming Hansen |") == "afbud"
    assert opening_label("| Sted | Boulevarden 13, repræsentationslokale 1 |") == "sted"
    assert opening_label("|------------------------|--|") is None
    assert opening_label("| Budget | 1.200.000 |") is None
    # Its rows are units of their own, not one run of the whole table.
    table = "| | |\n|---|--|\n| Møde | SOCDIR |\n| Afbud | Jan Nielsen, Flemming Hansen |\n"
    assert [table[a:b].strip() for a, b in field_units(table, True)][-2:] == [
        "| Møde | SOCDIR |",
        "| Afbud | Jan Nielsen, Flemming Hansen |",
    ]


def test_entries_of_a_list_that_note_the_office_asked() -> None:
    from retrieval.offices import office_entries

    text = "Deltagere Jan Nielsen (Aalborg), Henrik Hansen (formand, Brønderslev Kommune), Leif Serup (Hjørring)"
    assert (
        office_entries(text, "deltagere", {"formand"}) == "Deltagere … Henrik Hansen (formand, Brønderslev Kommune) …"
    )
    assert office_entries(text, "deltagere", {"kasser"}) is None  # no entry notes it
    assert office_entries("Deltagere Henrik Hansen (formand)", "deltagere", {"formand"}) is None  # every entry
