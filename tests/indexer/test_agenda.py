"""Agenda items and sections on small hand-made minutes: the traps, one at a time."""

from __future__ import annotations

from indexer.layout.agenda import find_agenda, find_items
from indexer.layout.head import clean_title
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


def test_roman_numerals_number_items() -> None:
    text = (
        "Ældrerådet\nReferat af møde den 12.02.2025\n\nI. Godkendelse af referat\nGodkendt.\n\n"
        "II. Budget 2026\nRådet anbefaler 250.000 kr. til klippekort.\n\nIII. Høring om madservice\nSvar afgivet.\n\n"
        "IV. Eventuelt\nIntet.\n"
    )
    assert titles(text) == [
        (1, "Godkendelse af referat"),
        (2, "Budget 2026"),
        (3, "Høring om madservice"),
        (4, "Eventuelt"),
    ]
    # Initials at a line's start are no agenda.
    assert titles("Referat\n\nVi talte om sæsonen.\nV. Hansen og I. Poulsen deltog ikke.\nNæste møde i april.\n") == []


def test_unnumbered_headings_in_capitals_are_items() -> None:
    text = (
        "Forældrerådet, Børnehuset Solstrålen\nReferat\nDeltagere: Anne, Bo\n\nLEGEPLADSEN\n"
        "Sandkassen skal renoveres.\n\nSOMMERFEST\nFesten holdes 14. juni.\n\nEVENTUELT\nIntet.\n"
    )
    assert titles(text) == [(1, "Legepladsen"), (2, "Sommerfest"), (3, "Eventuelt")]
    # A numbered agenda keeps its numbers; capitals inside it are not items.
    numbered = "1. Budget\nBESLUTNING\nGodkendt.\n\n2. Eventuelt\nINTET AT BEMÆRKE\nIntet.\n"
    assert titles(numbered) == [(1, "Budget"), (2, "Eventuelt")]


def test_danish_case_numbers_head_items() -> None:
    text = (
        "Teknik- og Miljøudvalget\nBeslutningsprotokol\n\nSag 12/2025 Vejplan 2025\nSagsfremstilling\nEn plan.\n"
        "Beslutning\nGodkendt.\n\nSag 13/2025 Cykelsti langs Åvej\nSagsfremstilling\n2,4 mio. kr.\nBeslutning\nUdsat.\n"
    )
    assert titles(text) == [(12, "Vejplan 2025"), (13, "Cykelsti langs Åvej")]


def test_a_second_series_of_case_numbers_after_the_first() -> None:
    # A Norwegian møtebok: political cases (PS), then the reports (RS), each series numbered on its own.
    body = (
        "\nPS 5/24 Budsjett 2025\nInnstilling:\nGodkjennes.\nVedtak:\nSom innstilling.\n"
        "\nPS 6/24 Regnskap 2023\nInnstilling:\nGodkjennes.\nVedtak:\nSom innstilling.\n"
        "\nRS {rs}/24 Referatsaker\nBrev fra Statsforvalteren ble tatt til orientering.\n"
    )
    contents = "Saksliste\nPS 5/24 Budsjett 2025\nPS 6/24 Regnskap 2023\nRS {rs}/24 Referatsaker\n"
    text = "Møtebok Formannskapet\n\n" + contents.format(rs=2) + body.format(rs=2)
    assert titles(text) == [(5, "Budsjett 2025"), (6, "Regnskap 2023"), (2, "Referatsaker")]
    assert not find_agenda(text).notes  # a new series is no gap in the numbers
    # Items are cited by their numbers: a second series that prints one of the first's is left out.
    text = "Møtebok Formannskapet\n\n" + contents.format(rs=5) + body.format(rs=5)
    assert titles(text) == [(5, "Budsjett 2025"), (6, "Regnskap 2023")]


def test_a_case_number_with_its_year_after_a_full_stop_heads_an_item() -> None:
    # A Norwegian board's minutes (»Sak nr. 2.2010 – Websidene«); a date after »Sak« is not one.
    text = (
        "Referat fra styremøte i Golia Vel\n\nDato: 27.01.2010\n\nSaker\n\n"
        "Sak nr. 1.2010 – Referat fra møte 19.10.2009\n\nReferatet er godkjent.\n\n"
        "Sak nr. 2.2010 – Websidene\n\nDet er mottatt en faktura.\n\nVedtak: Styret anbefaler forlengelse.\n\n"
        "Sak nr. 3.2010 – Årsmøte 2010\n\nÅrsmøte blir 18. mars 2010.\n"
    )
    assert titles(text) == [(1, "Referat fra møte 19.10.2009"), (2, "Websidene"), (3, "Årsmøte 2010")]
    assert titles("Sak 12.03.2010 blev drøftet.\n\nSak 13.03.2010 igen.\n\nSak 14.03.2010 og.\n") == []


def test_a_labelled_number_over_a_list_heads_an_item_without_a_title() -> None:
    # A housing board's minutes: »Punkt 8:« over the points raised, none of them a title.
    text = (
        "Punkt 1: valg af dirigent – Dorthe Støve\n"
        "Punkt 2: orientering om regnskab 2022\n"
        "Punkt 3: forslag til ændring af vaskepriser. Forslag vedtaget.\n"
        "Punkt 4:\n- Udskiftning af lamper på svalegang, 50000 kr.\n- Orden i haven\n"
    )
    assert [number for number, _ in titles(text)] == [1, 2, 3, 4]
    assert titles(text)[3] == (4, "")
    assert text[find_items(text)[3].start :].startswith("Punkt 4:")


def test_a_markdown_headings_hashes_belong_to_its_item() -> None:
    # »### AD 2: …«: the item begins at the hashes, so the item before does not end with them.
    text = "### AD 1: Formalia\nGodkendt.\n\n### AD 2: Budget\nVedtaget.\n\n### AD 3: Evt.\nIntet.\n"
    items = find_items(text)
    assert [(i.number, i.title) for i in items] == [(1, "Formalia"), (2, "Budget"), (3, "Evt.")]
    assert text[items[0].start : items[0].end].strip() == "### AD 1: Formalia\nGodkendt."
    assert text[items[1].start :].startswith("### AD 2: Budget")


def test_a_number_alone_on_its_line_heads_an_item_in_a_case_export() -> None:
    text = (
        "Børne- og Skoleudvalget\nReferat\nMødedato: 10-03-2025\n\n3\nSkolestruktur 2026\nSagsnr.: 25/1234\n"
        "Sagsfremstilling\nTo skoler samles.\nBeslutning\nAnbefalet.\n\n4\nMadordning i SFO\nSagsnr.: 25/2211\n"
        "Sagsfremstilling\n650 kr. pr. måned.\nBeslutning\nGodkendt.\n"
    )
    assert titles(text) == [(3, "Skolestruktur 2026"), (4, "Madordning i SFO")]
    # Page numbers above running text are not items.
    pages = "Referat\n\nVi talte om sæsonen.\n\n2\nTrænerne er på plads.\n\n3\nBanerne er kridtet op.\n"
    assert titles(pages) == []


def test_a_sub_point_is_not_the_rest_of_the_title() -> None:
    text = "1) Godkendelse af referat\nGodkendt.\n\n2) Baner\na) Bane 3 skal have nyt net.\nb) Grus.\n\n3) Eventuelt\nIntet.\n"
    assert titles(text) == [(1, "Godkendelse af referat"), (2, "Baner"), (3, "Eventuelt")]


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


def test_an_unheaded_outcome_is_its_whole_wrapped_sentence() -> None:
    # A PDF's wrapped lines: the line with the outcome word ends a sentence begun two lines up.
    text = "Afstemning blandt de fremmødte.\nKontingent incl.\nSnerydning (uden saltning) er\nvedtaget.\nTak."
    outcome = [text[s.start : s.end] for s in find_sections(text, 0, len(text)) if s.role == "outcome"]
    assert outcome == ["Kontingent incl.\nSnerydning (uden saltning) er\nvedtaget."]
    # Lines of a list, each a fact of its own, are not read as one wrapped sentence.
    text = "11 deltagere\nJane Pedersen blev valgt som referent\nMødet sluttede kl. 21"
    outcome = [text[s.start : s.end] for s in find_sections(text, 0, len(text)) if s.role == "outcome"]
    assert outcome == ["Jane Pedersen blev valgt som referent"]


def test_a_run_of_elections_is_one_outcome_with_the_line_announcing_it() -> None:
    # Each election is an outcome, the auditor's as much as the substitute's after it; a short
    # line naming the next vote does not break the run, and the line announcing it joins it.
    text = (
        "Kassereren fremlagde forslaget.\n\na. Revisor på valg var :\nPer Harbo Sørensen, A15 genvalgt\n"
        "b. Revisorsuppleant på valg var :\nThomas Andersen, F18 genvalgt"
    )
    sections = find_sections(text, 0, len(text))
    assert [(text[s.start : s.end].strip(), s.role) for s in sections] == [
        ("Kassereren fremlagde forslaget.", "background"),
        (text[text.index("a. Revisor") :], "outcome"),
    ]
    # A bare approval closing the item approves what the item says before it, told at length or not.
    text = "DAS godkendte udkast til Styringsaftale ved møde den 24. maj 2012. " * 3 + "\n\nGodkendt"
    assert [s.role for s in find_sections(text, 0, len(text))] == ["outcome"]
    # A long paragraph between two outcomes is not part of either: the last one is the outcome.
    long_text = "Budgettet blev godkendt.\n\n" + "Der var en lang drøftelse af vejene og stierne i området. " * 3
    text = long_text + "\n\nKontingentet blev vedtaget."
    outcome = [text[s.start : s.end] for s in find_sections(text, 0, len(text)) if s.role == "outcome"]
    assert outcome == ["Kontingentet blev vedtaget."]


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


def test_a_single_running_case_number_heads_an_item_when_sections_follow() -> None:
    body = (
        "715. Kulturkommune 2017\nSagsfremstilling\nKommunen søger.\nBeslutning i udvalget den 04-12-2012\nGodkendt.\n"
    )
    assert titles("Referat\nKultur- og Fritidsudvalget\n" + body) == [(715, "Kulturkommune 2017")]
    # ... but a lone numbered sentence in prose is not an agenda.
    assert titles("Et notat.\n\n3. Bestyrelsen godkendte budgettet.\n\nIntet andet.\n") == []


def test_running_case_numbers_confirmed_by_the_contents() -> None:
    text = (
        "PUNKTER\n49. Godkendelse af dagsorden\n50. Budget 2021\n\n"
        "49. Godkendelse af dagsorden\n\nIndstilling\n  1. dagsorden godkendes\n  2. Udvalget orienteres\n\n"
        "50. Budget 2021\n\nBeslutning\nGodkendt.\n"
    )
    items = find_items(text)
    assert [(i.number, i.title) for i in items] == [(49, "Godkendelse af dagsorden"), (50, "Budget 2021")]
    assert text[items[0].start :].startswith("49. Godkendelse af dagsorden\n\nIndstilling")


def test_number_alone_on_its_line_and_label_styles() -> None:
    assert titles("1.\nGodkendelse af dagsorden\nGodkendt.\n\n2.\nBudget\nVedtaget.\n") == [
        (1, "Godkendelse af dagsorden"),
        (2, "Budget"),
    ]
    assert titles("Pkt. 1\n\nVelkomst\n\nTekst.\n\nPkt.3 (Malou)\n\nElevrådet\n\nTekst.\n") == [
        (1, "Velkomst"),
        (3, "Elevrådet"),
    ]
    assert titles("§1 Mötet öppnas\nText.\n§2 Val av ordförande\nText.\n") == [
        (1, "Mötet öppnas"),
        (2, "Val av ordförande"),
    ]
    assert titles("1) Valg af dirigent\n   Hans.\n\n 2) Beretning\n   Godkendt.\n") == [
        (1, "Valg af dirigent"),
        (2, "Beretning"),
    ]
    assert titles("Ad 1. Regnskab\nGodkendt.\n\nAd pkt. 2 Kontingent\nUændret.\n") == [
        (1, "Regnskab"),
        (2, "Kontingent"),
    ]


def test_unnumbered_heading_lines_and_time_slots_are_numbered_in_order() -> None:
    text = (
        "Referat\n\nCykeloprydning og -parkering:\nDer er mange cykler.\nFølgende blev aftalt:\n- ryd op\n\n"
        "Vaskeriet:\nMaskinen er ny.\n\nNæste møde:\n3. maj.\n"
    )
    agenda = find_agenda(text)
    assert [(i.number, i.title) for i in agenda.items] == [
        (1, "Cykeloprydning og -parkering"),
        (2, "Vaskeriet"),
        (3, "Næste møde"),
    ]
    assert agenda.notes and "no numbers" in agenda.notes[0]
    slots = "19.00-19.15 - Drøftelse\nTekst.\n\n19.15-19.45 Budget for næste år\nTekst.\n"
    assert titles(slots) == [(1, "19.00-19.15 - Drøftelse"), (2, "Budget for næste år")]


def test_every_item_printed_one_is_numbered_by_position() -> None:
    text = " 1. Velkomst\n\nTekst.\n\n 1. Regnskab\n\nGodkendt.\n\n 1. Eventuelt\n\nIntet.\n"
    agenda = find_agenda(text)
    assert [(i.number, i.title) for i in agenda.items] == [(1, "Velkomst"), (2, "Regnskab"), (3, "Eventuelt")]
    assert "numbered by position" in agenda.notes[0]


def test_agenda_list_then_minutes_list() -> None:
    text = (
        "Dagsorden:\n  1. Regnskab\n  2. Eventuelt\n\nReferat:\n"
        "  1. Bestyrelsen godkendte regnskabet. Det sendes til revisor.\n  2. Intet.\n"
    )
    items = find_items(text)
    assert [(i.number, i.title) for i in items] == [(1, "Regnskab"), (2, "Eventuelt")]
    assert (
        text[items[0].body_start : items[0].end].strip() == "Bestyrelsen godkendte regnskabet. Det sendes til revisor."
    )


def test_items_inside_a_run_together_paragraph() -> None:
    text = "Møde Dato: 20. september 2023 Dagsorden: - Punkt 1. – Opfølgning. Vi var enige. - Punkt 2. Diverse Intet nyt.\n"
    assert titles(text) == [(1, "Opfølgning."), (2, "Diverse")]


def test_a_title_cut_by_the_page_width_is_joined() -> None:
    text = (
        "1. Godkendelse af dagsorden\nSagsfremstilling\nTekst.\n"
        "2. Forslag til lokalplan 1.123 for et nyt boligområde i den nordlige\nbydel Søgårdsparken\n"
        "Sagsfremstilling\nTekst.\n"
    )
    assert titles(text)[1] == (
        2,
        "Forslag til lokalplan 1.123 for et nyt boligområde i den nordlige bydel Søgårdsparken",
    )


def test_a_topic_in_capitals_is_an_item_where_items_are_lines_in_capitals() -> None:
    text = (
        "BESTYRELSESMØDE 05.03.24\n\nVELKOMST\nFormanden bød velkommen.\n\nØKONOMI\nKassereren gennemgik "
        "regnskabet.\n\nNYE MEDLEMMER\nTo nye medlemmer blev optaget.\n\nEVENTUELT\nIntet.\n"
    )
    assert titles(text) == [(1, "Velkomst"), (2, "Økonomi"), (3, "Nye medlemmer"), (4, "Eventuelt")]
    # Inside a numbered agenda, the same line in capitals is the item's section.
    numbered = "1. Budget\nØKONOMI\nDer er 5.000 kr. tilbage.\n\n2. Eventuelt\nIntet.\n"
    assert titles(numbered) == [(1, "Budget"), (2, "Eventuelt")]


def test_an_agenda_list_then_a_minutes_list_numbered_otherwise() -> None:
    # »1.« … in the agenda, »Ad 1:« … in the minutes, the last (nothing to say) left out.
    text = (
        "Referat fra bestyrelsesmøde 17. juni 2019\n\nDagsorden\n\n1. Budget 2020\n2. Mødedatoer\n3. Evt.\n\n"
        "Beslutningsreferat:\nAd 1: Budgettet blev godkendt.\nAd 2 Næste møde er 5. september.\n"
    )
    assert titles(text) == [(1, "Budget 2020"), (2, "Mødedatoer")]
    items = find_items(text)
    assert text[items[0].body_start : items[0].end].strip() == "Budgettet blev godkendt."


def test_items_numbered_with_a_colon() -> None:
    text = (
        "Referat fra Ældrerådets møde den 30. november 2015 kl. 10.00 – 12.00\n\n"
        "1: Godkendelse af referatet\nReferat\nGodkendt\n\n2: Ældreguide brochure\nReferat\nUddelt.\n\n"
        "3: Eventuelt\nReferat\nIntet. Mødet sluttede 12:00\n"
    )
    assert titles(text) == [(1, "Godkendelse af referatet"), (2, "Ældreguide brochure"), (3, "Eventuelt")]


def test_short_lines_over_their_paragraphs_are_items_where_nothing_else_marks_them() -> None:
    text = (
        "Referat fra styremøte 7. april 2014\nReferent: Svein\n\nTilstede:\nTone, Lars og Svein.\n\n"
        "Bygging av uthus\nVi har nå fått byggetillatelse og tar kontakt med byggmester.\n\n"
        "Skolen\nVi tar kontakt med Marite for å høre hva situasjonen er.\n\n"
        "Dugnad\nDugnadsplakat settes opp 2. mai. Ansvar: Svein\n\nAvtale om henger med Egil.\n"
    )
    assert titles(text) == [(1, "Bygging av uthus"), (2, "Skolen"), (3, "Dugnad")]
    # Two such lines are not yet an agenda, and capitals mark the items where they are used.
    assert titles(text.split("Dugnad")[0]) == []
    capitals = "VELKOMST\nFormanden bød velkommen.\n\nNyt tag\nTaget er utæt og skal skiftes.\n\nØKONOMI\n" + (
        "Kassen er god.\n\nEVENTUELT\nIntet.\n"
    )
    assert [t for _, t in titles(capitals)] == ["Velkomst", "Økonomi", "Eventuelt"]


def test_a_fold_out_control_that_repeats_the_title_is_cut() -> None:
    assert clean_title("Godkendelse af dagsordenKlik her for at folde ud og læse mere om Godkendelse af dagsorden") == (
        "Godkendelse af dagsorden"
    )
    assert clean_title("Budget 2013 og budget 2014") == "Budget 2013 og budget 2014"


def test_a_title_that_names_its_subject_twice_keeps_both() -> None:
    assert clean_title("Budget 2020 - drøftelse af Budget 2020") == "Budget 2020 - drøftelse af Budget 2020"


def test_entries_under_an_agenda_list_take_its_titles() -> None:
    # »Ad. 1« alone on its line over its text, text between the entries: the list's titles, and
    # each item's text starts below its entry.
    text = (
        "Referat af bestyrelsesmøde\n\nDagsorden:\n1) Vinterbelysning\n2) Budget\n3) Evt.\n\n"
        "Ad. 1\nLamperne på stien udskiftes i oktober. Formanden indhenter tilbud.\n\n"
        "Ad. 2\nBudgettet blev gennemgået og godkendt uden ændringer.\n\nAd. 3\nIntet.\n"
    )
    agenda = find_agenda(text)
    assert [(i.number, i.title) for i in agenda.items] == [(1, "Vinterbelysning"), (2, "Budget"), (3, "Evt.")]
    assert text[agenda.items[0].body_start : agenda.items[0].end].strip().startswith("Lamperne på stien")


def test_a_contents_dot_leader_and_page_number_are_not_the_title() -> None:
    assert clean_title("Godkendelse af referat ........................ 2") == "Godkendelse af referat"
    assert clean_title("Orientering fra formanden …… 3") == "Orientering fra formanden"
    assert clean_title("Budget 2025...") == "Budget 2025..."


def test_item_one_glued_to_the_end_of_a_header_line() -> None:
    # A web export glued »1. Godkendelse af referat:« to the last line of the header.
    text = (
        "Referat af skolebestyrelsesmøde\nFraværende: Eva Holm (syg). 1. Godkendelse af referat:\n  Godkendt.\n\n"
        " 2. Elevråd:\n  Eleverne deltog ikke.\n\n 3. Budget:\n  Budgettet blev gennemgået.\n"
    )
    agenda = find_agenda(text)
    assert [(i.number, i.title) for i in agenda.items] == [(1, "Godkendelse af referat"), (2, "Elevråd"), (3, "Budget")]
    assert text[agenda.items[0].body_start : agenda.items[0].end].strip() == "Godkendt."
    # Where item 1 is nowhere to be found, a note says the items start at 2.
    assert any("start at 2" in n for n in find_agenda(text.replace(" 1. Godkendelse af referat:", "")).notes)


def test_norwegian_sak_headings_and_a_long_item_line() -> None:
    text = (
        "Referat fra styremøte\nDeltakere: Elin, Hege\n\nSak 1: Gjennomgang av referat.\nKort gjennomgang.\n"
        "Oppfølgingssaker:\n• Innsamling: Elin deler ut poser.\n\nSak 2: Rapport fra gruppene\nHyttestyret: Vanskelig.\n\n"
        "Sak 3: Eventuelt.\nIngen saker.\n"
    )
    assert [(i.number, i.title) for i in find_agenda(text).items] == [
        (1, "Gjennomgang av referat."),
        (2, "Rapport fra gruppene"),
        (3, "Eventuelt."),
    ]
    # A case number is no »Sak 10:« heading; an item whose line runs on for a paragraph is an item.
    assert find_items("Sak 10/15 Årsberetning og regnskap\nTekst.\n\nSak 11/15 Eventuelt\nIntet.\n")[0].number == 10
    long = "1. Valg af referent: Per.\n2. Regnskab: Godkendt.\n3. Årsmøde: Fred rapporterer. " + "Godt møde. " * 70
    assert [i.number for i in find_items(long + "\n4. Eventuelt: Intet.\n")] == [1, 2, 3, 4]


def test_a_web_list_that_numbers_from_1_again_goes_on() -> None:
    # A web page's ordered list broken by a paragraph numbers the rest from 1 again; a list inside
    # an item is indented deeper and is no item.
    text = (
        "Til stede var Karen og Jørgen\n\n 1. Godkendelse af referat\n  Godkendt.\n\n 2. Regnskab\n"
        "Regnskabet revideres.\n\n 3. Beboermødet\n– Beretningen blev drøftet\n\n 1. Sommerfest\n  Se referatet.\n"
        " 2. Siden sidst\n  – Husk at søge fonde:\n\n  1. Fond A – senest 10. marts\n  2. Fond B – senest 15. maj\n"
        " 3. Eventuelt\n  Intet.\n"
    )
    agenda = find_agenda(text)
    assert [(i.number, i.title) for i in agenda.items] == [
        (1, "Godkendelse af referat"),
        (2, "Regnskab"),
        (3, "Beboermødet"),
        (4, "Sommerfest"),
        (5, "Siden sidst"),
        (6, "Eventuelt"),
    ]
    assert any("start again at 1" in n for n in agenda.notes)
    # A numbered list at the items' own indentation, its lines with no text between, stays in the last item.
    plain = "1. Budget\n\nTekst.\n\n2. Eventuelt\n\nHusk:\n1. Nøgler\n2. Kaffe\n"
    assert titles(plain) == [(1, "Budget"), (2, "Eventuelt")]


def test_a_minute_reference_before_the_agenda_number() -> None:
    text = (
        "THOSE ATTENDING:\n\nCllr K Burn\n\nAGENDA PART 1\n\n"
        "C048/23      1.         APOLOGIES FOR ABSENCE.\n\nCllr L Watson (leave).\n\n"
        "C049/23      2.         PUBLIC QUESTIONS.\n\nNo questions had been received\n\n"
        "C050/23      3.         MATTERS ARISING.\n\nNo matters arising.\n"
    )
    assert titles(text) == [(1, "APOLOGIES FOR ABSENCE."), (2, "PUBLIC QUESTIONS."), (3, "MATTERS ARISING.")]


def test_the_case_number_under_its_title() -> None:
    # A municipality's web export: the title, then »Sag nr. 129« under it, then the sections.
    text = (
        "Kommunalbestyrelsen\n\n24-09-2019\n\nSager 129 - 130\n\nFold alle ud\n\nSpørgetid\nSag nr. 129\n\n"
        "Beslutningskompetence: KB\n\nBeslutning\n\nTaget til efterretning.\n\n"
        "Tillæg 1 til Lokalplan 145 - endelig vedtagelse\nSag nr. 130\n\nIndstilling\n\nat tillægget vedtages.\n"
    )
    items = find_items(text)
    assert [(i.number, i.title) for i in items] == [
        (129, "Spørgetid"),
        (130, "Tillæg 1 til Lokalplan 145 - endelig vedtagelse"),
    ]
    assert text[items[0].start :].startswith("Spørgetid\nSag nr. 129")
    assert text[items[1].body_start :].lstrip().startswith("Indstilling")
    # »Sagsnr.« under a title is its journal number, not an item's.
    assert titles("Budget\nSagsnr. 2019-123\n\nTekst.\n\nRegnskab\nSagsnr. 2019-456\n\nTekst.\n") == []


def test_three_ad_entries_under_a_longer_agenda_list_take_its_titles() -> None:
    text = (
        "Dagsorden.\n1. Formanden.\n2. Kassereren.\n3. Nyt fra udvalgene.\n4. Jagtpost.\n5. Andre emner.\n"
        "6. Dato for næste møde.\n7. evt.\nTilstede var: Kaj Rasmussen og Poul Skov.\n"
        "Ad1. Der er rundsendt program for NFC.\nDer er kommet 5 udmeldelser.\n"
        "Ad2. Kenneth Andersen er godkendt som kasserer.\nAd3. Riffel: Der er en rimelig tilslutning."
    )
    items = find_items(text)
    assert [(i.number, i.title) for i in items] == [(1, "Formanden."), (2, "Kassereren."), (3, "Nyt fra udvalgene.")]
    assert text[items[1].body_start :].startswith("Kenneth Andersen er godkendt")


def test_a_bullet_before_each_items_number() -> None:
    text = (
        "Protokoll fört vid styrelsemöte söndagen den 20 mars\n\n  • 1 Mötet öppnas\n\nCarin hälsar alla välkomna.\n\n"
        "  • 2 Föregående protokoll\n\nGodkänns.\n\nSamfällighetens ärenden\n\n  • 3 Övriga frågor\n\nInga.\n"
    )
    assert titles(text) == [(1, "Mötet öppnas"), (2, "Föregående protokoll"), (3, "Övriga frågor")]
