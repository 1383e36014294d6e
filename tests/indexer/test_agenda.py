"""Agenda items and sections on small hand-made minutes: the traps, one at a time."""

from __future__ import annotations

from indexer.layout.agenda import find_items
from indexer.layout.sections import find_sections


def titles(text: str) -> list[tuple[int, str]]:
    return [(i.number, i.title) for i in find_items(text)]


def test_table_of_contents_then_body() -> None:
    text = (
        "PUNKTER\n\n1. Godkendelse\n\n2. Budget\n\n3. Eventuelt\n\n\n"
        "1. Godkendelse\n\nBeslutning\nGodkendt.\n\n2. Budget\n\nBaggrund\nTal.\n\n3. Eventuelt\n\nIntet.\n"
    )
    items = find_items(text)
    assert [(i.number, i.title) for i in items] == [(1, "Godkendelse"), (2, "Budget"), (3, "Eventuelt")]
    assert text[items[0].start :].startswith("1. Godkendelse\n\nBeslutning")


def test_numbered_list_inside_an_item() -> None:
    text = (
        "1. Godkendelse\n\nGodkendt.\n\n2. Årsrapport\n\nBeslutning\nFire fokusområder:\n"
        "1. Omsætning af mål\n2. Magtanvendelse\n3. Særlige forhold\n4. Juridisk grundlag\n\n"
        "3. Rammeaftale\n\nBaggrund\nTekst.\n\n4. Eventuelt\n\nIntet.\n"
    )
    assert titles(text) == [(1, "Godkendelse"), (2, "Årsrapport"), (3, "Rammeaftale"), (4, "Eventuelt")]


def test_references_to_another_agenda_and_dates_are_not_items() -> None:
    text = (
        "1. Godkendelse\n\nGodkendt\n\n2. Dagsorden til DAS\n\nReferat\n"
        "Pkt. 4: Styringsaftale drøftet.\n\nPkt. 5: Udviklingsstrategi.\n\n21. 03. 2013, Hans.\n\n"
        "3. Evt.\n\nIntet\n"
    )
    assert titles(text) == [(1, "Godkendelse"), (2, "Dagsorden til DAS"), (3, "Evt.")]


def test_title_wrapped_over_lines() -> None:
    text = "1. Tilbagemelding fra forum vedr. de lands- og\nlandsdelsdækkende tilbud\nherunder sikrede institutioner.\nKoordineringsforum holdt møde.\n\n2. Evt.\n"
    assert titles(text)[0] == (
        1,
        "Tilbagemelding fra forum vedr. de lands- og landsdelsdækkende tilbud herunder sikrede institutioner.",
    )


def test_lower_case_lines_are_not_items_and_no_agenda_gives_nothing() -> None:
    assert titles("1. november 2014 udmeldte Socialstyrelsen temaer.\n2. mio. kr. returneres.\n") == []
    assert titles("Et notat uden dagsorden.\n") == []


def test_punkt_style_agenda() -> None:
    text = "Punkt 1: Velkomst\n\nTekst.\n\nPunkt 2: Budget\n\nBeslutning: Vedtaget.\n"
    assert titles(text) == [(1, "Velkomst"), (2, "Budget")]


def test_sections_split_at_headings_with_lead_in() -> None:
    text = "Indledende tekst.\n\nIndstilling\nAt godkende.\n\nBeslutning: Godkendt.\n\nBilag\n\nNotat\n"
    sections = find_sections(text, 0, len(text))
    assert [s.name for s in sections] == [None, "Indstilling", "Beslutning", "Bilag"]
    assert [text[s.start : s.end].strip() for s in sections] == [
        "Indledende tekst.",
        "At godkende.",
        "Godkendt.",
        "Notat",
    ]


def test_markdown_headings_and_bold_items() -> None:
    text = "# Referat\n\n## 1. Godkendelse af dagsorden\n\nGodkendt.\n\n**2. Budget 2016**\n\n### Beslutning\n\nVedtaget.\n"
    items = find_items(text)
    assert [(i.number, i.title) for i in items] == [(1, "Godkendelse af dagsorden"), (2, "Budget 2016")]
    sections = find_sections(text, items[1].body_start, items[1].end)
    assert [(s.name, text[s.start : s.end].strip()) for s in sections] == [("Beslutning", "Vedtaget.")]


def test_numbers_that_wrap_around_give_one_rising_agenda() -> None:
    # Thousands of numbered lines (a hostile or odd file): the chain still rises 1..999.
    text = "\n".join(f"{i % 999 + 1}. Titel {i}\n\nTekst.\n" for i in range(20000))
    items = find_items(text)
    assert [i.number for i in items] == list(range(1, 1000))
