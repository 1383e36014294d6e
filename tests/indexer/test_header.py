"""Header fields from each layout the minutes use."""

from __future__ import annotations

from indexer.layout.bodies import abbreviates
from indexer.layout.header import canonical_body, parse_header, split_names, with_attendee_items


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
    # Labels set in bold, the colon outside or inside (a Markdown template of minutes).
    bold = parse_header("**Tid**: 12.03.2024 kl. 10.00 - 12.00\n**Sted:** Virtuel\n")
    assert (bold.date, bold.place) == ("2024-03-12", "Virtuel")


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


def test_a_bulleted_list_of_names() -> None:
    assert split_names("- Anne Bak (formand)\n- Bo Nygaard\n• Carla Holt") == (
        "Anne Bak (formand)",
        "Bo Nygaard",
        "Carla Holt",
    )


def test_an_acronym_stands_for_the_body_the_minutes_write_out() -> None:
    minutes = "Møde: SOCDIR\n\n1. Orientering\nSocialdirektørkredsen bedes tage orienteringen til efterretning.\n"
    assert canonical_body("SOCDIR", minutes) == "Socialdirektørkredsen"
    assert canonical_body("DAS", "Den Administrative Styregruppe drøfter udkastet.") == "Den Administrative Styregruppe"
    # Not spelled out: the acronym itself; a name is the body as written.
    assert canonical_body("ØU", "Dagsorden: 1. Budget") == "ØU"
    # A capitalised name and the field it works in: the name is the body where it is used alone.
    qualified = "Den Administrative  Styregruppe på socialområdet"
    minutes = "Møde: Den Administrative Styregruppe på socialområdet\nDen Administrative Styregruppe drøfter …"
    assert canonical_body(qualified, minutes) == "Den Administrative Styregruppe"
    assert canonical_body(qualified, "Møde: Den Administrative Styregruppe på socialområdet\n") == (
        "Den Administrative Styregruppe på socialområdet"
    )
    assert canonical_body("Udvalget for Ældre og Sundhed") == "Udvalget for Ældre og Sundhed"
    assert canonical_body("Kultur- og Fritidsudvalget") == "Kultur- og Fritidsudvalget"
    assert canonical_body(None) is None


def test_which_names_an_acronym_abbreviates() -> None:
    assert abbreviates("DAS", "Den Administrative Styregruppe på socialområdet")
    assert abbreviates("SOCDIR", "Socialdirektørkredsen")
    assert abbreviates("ØU", "Økonomiudvalget")
    assert not abbreviates("DAS", "Dansk Sygeplejeråd")
    assert not abbreviates("FU", "Socialdirektørforum")
    assert not abbreviates("Styregruppe", "Den Administrative Styregruppe")


def test_the_labelled_date_wins_and_every_guess_is_a_note() -> None:
    header = parse_header("Referat 3. marts 2023\n\nDato: 10-10-2023\nDeltagere: Jens Ærø, Birthe Åkjær\n")
    assert header.date == "2023-10-10"
    assert header.notes == (
        "no committee or organisation found",
        "the title says 2023-03-03, the header 2023-10-10: the header wins",
    )
    named = parse_header(
        "Referat af generalforsamlingen torsdag den 28. februar kl. 19.30\n", file_name="x_2019-02-28.pdf"
    )
    assert named.date == "2019-02-28" and (named.start_time, named.end_time) == ("19:30", None)
    assert any("the year is taken from the file name" in n for n in named.notes)
    weekday = parse_header("Generalforsamling torsdag den 28. februar\n", document="Regnskab 2018 og budget 2019.")
    assert weekday.date == "2019-02-28"  # the 28th of February was a Thursday in 2019
    mismatch = parse_header("Dato: 4. juni 2020\nDeltagere: A\n", file_name="referat_2020-06-05.txt")
    assert "the file name says 2020-06-05, the minutes say 2020-06-04: the minutes win" in mismatch.notes
    assert parse_header("Udgivet 26.05.2015\nnæste møde 3. juni 2015\n").date is None


def test_labels_mid_line_and_above_their_values() -> None:
    inline = parse_header(
        "Afdelingsbestyrelsesmøde afdeling 27 Dato: 20. september 2023 Deltagere: Jan, Elsebeth og Jørgen Dagsorden:\n"
    )
    assert (inline.date, inline.participants) == ("2023-09-20", ("Jan", "Elsebeth", "Jørgen"))
    row = parse_header(
        "Mötesform\nÅrsmöte\nDatum Plats\n2023-07-25 kl 09.00 Kilagårds Gröna\nNärvarande\nCarl Tönsgård, ordförande\nYlva Rudling, kassör\n"
    )
    assert (row.committee, row.date, row.start_time, row.place) == ("Årsmöte", "2023-07-25", "09:00", "Kilagårds Gröna")
    assert row.participants == ("Carl Tönsgård (ordförande)", "Ylva Rudling (kassör)")
    grouped = parse_header(
        "Til stede:\nForældrevalgte: Peter Knappmann, Nette Schultz.\nElevrepræsentanter: Kaja Damgaard.\n\nFraværende:\nDorte Myhre\n"
    )
    assert grouped.participants == ("Peter Knappmann", "Nette Schultz", "Kaja Damgaard")
    assert grouped.absent == ("Dorte Myhre",)
    assert (
        parse_header("Udvalg for Regional Udvikling\nDato: 10-10-2023\n").committee == "Udvalg for Regional Udvikling"
    )


def test_attendance_fields_of_web_pages() -> None:
    # »Fraværende:« then »Ingen« is no one; a role's value on the line below its label.
    header = parse_header("Bestyrelsesmøde den 19.04.2016\n\nFraværende:\nIngen\n\nReferent:\nNina Holm\n")
    assert header.absent == () and header.roles == (("Referent", "Nina Holm"),)
    # A label glued to the line before it, one person a line with an organisation after a comma,
    # and the absence said after the last name.
    glued = parse_header(
        "Referat fra Handicaprådsmøde torsdag den 5. december 2013Deltagere:\nHenrik Lam, DH\n"
        "Jane Krog, Landsforeningen Bedre Psykiatri – Pårørende\nKaj Holm, Byrådet, Teknisk udvalg\n"
        "Mette Lund, direktørFraværende:\nHenrik Lam og Kaj Holm med afbud.\n"
    )
    assert glued.participants == (
        "Henrik Lam (DH)",
        "Jane Krog (Landsforeningen Bedre Psykiatri – Pårørende)",
        "Kaj Holm (Byrådet, Teknisk udvalg)",
        "Mette Lund (direktør)",
    )
    assert glued.absent == ("Henrik Lam", "Kaj Holm")


def test_a_dash_for_no_one_and_the_words_before_an_absent_name() -> None:
    header = parse_header(
        "Referat\nDeltagere:\nForældre: Per Holm, Eva Dam.\nElever:  - -\n\nFraværende:\nForældre: Afbud fra Ida Lund.\n"
    )
    assert (header.participants, header.absent) == (("Per Holm", "Eva Dam"), ("Ida Lund",))


def test_names_with_notes_initials_and_lists_over_blank_lines() -> None:
    # Two people a line each with a note; initials after a name; a list that breaks off at a comma
    # goes on after the blank line; initials alone on their line are the name before's.
    assert split_names("Charlotte (Lucas mor) Sarah (Jens Karls mor)\nNanna (Ankers mor)") == (
        "Charlotte (Lucas mor)",
        "Sarah (Jens Karls mor)",
        "Nanna (Ankers mor)",
    )
    assert split_names("Lars Køster Svendsen LK, Kim Andersen KA") == ("Lars Køster Svendsen (LK)", "Kim Andersen (KA)")
    assert split_names("Per Åstrand (PÅ).\nBengt Stenström, (BSt).\nRune Ek (RE)") == (
        "Per Åstrand (PÅ)",
        "Bengt Stenström (BSt)",
        "Rune Ek (RE)",
    )
    header = parse_header(
        "Referat\n\nMødested: Blå Stue kl. 09.30.\n\nOrdstyrer: Karin Eis.\n\n"
        "Deltagere: Aja Holm, Karin Eis,\n\nSteen Dam, Lis Bo.\n\nFraværende: Ingen.\n"
    )
    assert (header.place, header.roles) == ("Blå Stue", (("Ordstyrer", "Karin Eis"),))
    assert (header.participants, header.absent) == (("Aja Holm", "Karin Eis", "Steen Dam", "Lis Bo"), ())
    assert parse_header("Referat\nReferent: Hans Chr.\n").roles == (("Referent", "Hans Chr."),)


def test_attendees_at_the_end_and_absence_said_in_a_sentence() -> None:
    header = parse_header("Referat, 10. oktober 2017\n")
    closing = "Henvendelse følges op.\n\n Deltagere: Anne Bo, Per Lund og Jens Skovly. Der var afbud fra Eva Dam.\n"
    found = with_attendee_items(header, ["Godkendelse af referat", "Budget", "Eventuelt"], ["Godkendt.", ""], closing)
    assert (found.participants, found.absent) == (("Anne Bo", "Per Lund", "Jens Skovly"), ("Eva Dam",))
    # A water works' minutes: the agenda list, then the absent, then the minutes, all in the last
    # item's text. In the first items' text »afbud fra« may be another meeting's: not read there.
    last = with_attendee_items(
        header, ["Orientering", "Eventuelt."], [""], "\nAfbud fra Johannes Kristensen\n\nPkt 1: …\n"
    )
    assert last.absent == ("Johannes Kristensen",)
    assert with_attendee_items(header, ["Orientering", "Regnskab"], ["Afbud fra Johannes Kristensen\n"]) == header


def test_unlabelled_venue() -> None:
    # A room on a line of its own, a room inside the title line, an address where the time lost
    # its figures, a venue after »hos«; a word that only ends like a room is none (»forum«).
    assert parse_header("Referat af bestyrelsesmøde\nNørreskolen, mødelokale 3\n4. maj 2021\n").place == (
        "Nørreskolen, mødelokale 3"
    )
    title = "Møde i Byrådet tirsdag den 4. maj 2021, Kl i Byrådets mødesal REFERAT Spørgetid\n"
    assert parse_header(title).place == "Byrådets mødesal"
    address = "Referat bestyrelsesmøde onsdag den 5. maj 2021, kl Nørregade 7, 8000 Aarhus C Til stede: Ole\n"
    assert parse_header(address).place == "Nørregade 7, 8000 Aarhus C"
    assert (
        parse_header("Mødet holdtes den 6. maj 2021 kl. 10.00-12.00 hos Hansen Revision.\n").place == "Hansen Revision"
    )
    assert parse_header("Referat fra Socialdirektørforum\n7. maj 2021\n").place is None
    # Said in a sentence; after a Norwegian time; a line broken after »i«; »Hos …« on its own line.
    assert parse_header("Referat, 10. oktober 2017\n\nMødet foregik i klubhuset ved hallen.\n").place == (
        "klubhuset ved hallen"
    )
    assert parse_header("Protokoll fra styremøte 9. mars 2015 klokka 13 på Klosterøya\n").place == "Klosterøya"
    wrapped = parse_header(
        "Referat fra bestyrelsesmøde tirsdag d. 26.03.2002 kl. 17.30 i\nByens Hallen\n\nDagsorden:\n"
    )
    assert wrapped.place == "Byens Hallen"
    own_line = "Selskabet A\n\nselskab.dk\n\nSelskabet A\n\nBoligselskabet B\n\nReferat fra møde nr. 60\n\n"
    own_line += "18. september 2012 kl. 17.00\n\nHos Domea, Oldenburg Alle 3, 2630 Taastrup\n"
    assert parse_header(own_line).place == "Domea, Oldenburg Alle 3, 2630 Taastrup"


def test_english_labels() -> None:
    header = parse_header(
        "Minutes of the Board Meeting\nDate: 3 March 2025, 19:00-21:00\nPlace: Clubhouse, Strandvejen 2\n\n"
        "Present: Anna Berg (chair), Tom Lund, Eva Holm\nApologies: Jens Kofoed\n"
    )
    assert header.date == "2025-03-03" and header.place == "Clubhouse, Strandvejen 2"
    assert header.participants == ("Anna Berg (chair)", "Tom Lund", "Eva Holm")
    assert header.absent == ("Jens Kofoed",)


def test_a_case_number_is_one_line() -> None:
    header = parse_header(
        "Børne- og Skoleudvalget\nSagsnr.: 25/1234\nSagsfremstilling\nForvaltningen foreslår noget.\n"
    )
    assert header.case_numbers == "25/1234"


def test_norwegian_and_swedish_boards_and_their_organisations() -> None:
    styret = parse_header("Møtebok - Styret i Borettslaget Solsiden\nMøtedato: 03.02.2025\nTil stede: Kari Nordmann\n")
    assert (styret.committee, styret.organisation, styret.date) == ("Styret", "Borettslaget Solsiden", "2025-02-03")
    brf = parse_header("Protokoll fört vid föreningsstämma i Bostadsrättsföreningen Eken\nDatum: 2024-05-02\n")
    assert brf.organisation == "Bostadsrättsföreningen Eken"


def test_a_body_named_in_the_genitive_before_its_meeting() -> None:
    header = parse_header("Referat fra Ældrerådets møde den 30. november 2015 i St. Magleby Stuen\n")
    assert (header.committee, header.date) == ("Ældrerådet", "2015-11-30")


def test_attendees_listed_as_the_first_item() -> None:

    header = parse_header("Referat menighedsrådsmøde nr. 1 den 22.2.2022\n")
    titles = ["Fraværende: Kirsten Larsen, Silja Kjærbo og Thomas Neergaard", "Bemærkninger til dagsordenen"]
    found = with_attendee_items(header, titles)
    assert found.absent == ("Kirsten Larsen", "Silja Kjærbo", "Thomas Neergaard")
    assert with_attendee_items(header, ["Godkendelse af dagsorden", "Fraværende: Bo"]).absent == ("Bo",)
    assert (
        with_attendee_items(header, ["Budget", "Regnskab", "Fraværende: Bo"]) == header
    )  # too late to be the header's


def test_officers_elected_in_an_early_item() -> None:
    header = parse_header("Referat af ordinær generalforsamling\n12. marts 2024\n")
    titles = ["Valg af dirigent og referent", "Beretning"]
    bodies = [
        "Lise Holm, nr. 12, blev valgt som dirigent. Som referent blev valgt Per Dam.\n",
        "Ove Ryg blev valgt som dirigent",
    ]
    assert with_attendee_items(header, titles, bodies).roles == (("Dirigent", "Lise Holm"), ("Referent", "Per Dam"))
    swedish = ["Mötets öppnande", "Val av ordförande och sekreterare för mötet", "Val av styrelse"]
    said = [
        "",
        "Mötet valde Eva Berg till ordförande och Nils Ek till sekreterare.\n",
        "Ola Lund valdes till ordförande.\n",
    ]
    assert with_attendee_items(header, swedish, said).roles == (("Ordförande", "Eva Berg"), ("Sekreterare", "Nils Ek"))
    # Only an item whose title names an office elects one; a role the header names stays its own.
    assert with_attendee_items(header, ["Beretning"], ["Lise Holm blev valgt som dirigent."]) == header
    labelled = parse_header("Generalforsamling 12. marts 2024\nDirigent: Kaj Lund\n")
    assert with_attendee_items(labelled, titles, bodies).roles == (("Dirigent", "Kaj Lund"), ("Referent", "Per Dam"))


def test_a_full_stop_between_two_names_and_a_hyphenated_body() -> None:
    assert split_names("Martin Bak, Morten H. Legarth. Henrik Faurby (referent)") == (
        "Martin Bak",
        "Morten H. Legarth",
        "Henrik Faurby (referent)",
    )
    assert split_names("Hans Chr. Mariegaard og Ann K. Liljenberg.") == ("Hans Chr. Mariegaard", "Ann K. Liljenberg")
    header = parse_header("Referat af møde i Sædding-Fovrfeld Lokalråd, tirsdag den 7. november 2011\n")
    assert header.committee == "Sædding-Fovrfeld Lokalråd"


def test_a_web_export_title_line_with_the_word_dagsorden_and_attendance_under_the_first_item() -> None:
    # »Sbsys dagsorden preview« is a title line, not a table of contents: the line after it names
    # the body and the place; »mødet i« (definite) names the body as »møde i« does.
    header = parse_header(
        "Sbsys dagsorden preview\n\nReferat til mødet i Udvalget for Vej og Park den 3. marts 2021 "
        "kl. 16:00 i Nordby Rådhus, Torvet 2, Nordby - Mødelokale Fjorden\n\nÅbne dagsordenspunkter\n"
    )
    assert header.committee == "Udvalget for Vej og Park"
    assert header.place == "Nordby Rådhus, Torvet 2, Nordby - Mødelokale Fjorden"
    # The absent named on a line of the first item's decision fill the header.
    body = "\nBeslutning\n\nDagsorden blev godkendt.\n\nFraværende: Anna Holm (V)\n"
    found = with_attendee_items(header, ["Godkendelse af dagsorden"], [body])
    assert found.absent == ("Anna Holm (V)",)
    assert with_attendee_items(header, ["Budget", "Regnskab"], ["", "", "Fraværende: Bo"]) == header


def test_an_item_titled_by_an_attendance_label_lists_the_names_in_its_text() -> None:
    # A council's web export: »1. Fraværende« with the names in its case text and decision.
    header = parse_header("Byrådet - Referat\n\nDato: 29. januar 2020\n")
    body = "\nSagsfremstilling\n\nDer er afbud fra Martin Bech, Bettina Bøcker Kjeldsen og Niels Salling.\n"
    found = with_attendee_items(header, ["Fraværende", "Bemærkninger til dagsordenen"], [body, ""])
    assert found.absent == ("Martin Bech", "Bettina Bøcker Kjeldsen", "Niels Salling")
    assert with_attendee_items(header, ["Til stede:"], ["Anne Bak og Ole Dam\n"]).participants == (
        "Anne Bak",
        "Ole Dam",
    )
    # Nobody absent, a title that only starts with the label, or a later item: nothing is read.
    assert with_attendee_items(header, ["Fraværende"], ["\nBeslutning\n\nIngen.\n"]) == header
    assert with_attendee_items(header, ["Fraværende ved budgetmødet"], [body]) == header
    assert with_attendee_items(header, ["Budget", "Regnskab", "Afbud"], ["", "", body]) == header


def test_people_named_before_the_words_that_say_they_were_not_there() -> None:
    header = parse_header("Det fælles landdistriktsråd\nMødedato: 31. august 2023\n")
    body = (
        "\nBeslutning\nGodkendt\nPeter Andersen, Gert winther og Linda Peitersen deltog ikke på mødet.\n"
        "Kenneth Dahl og Morten Juhl deltog som suppleanter.\n"
    )
    found = with_attendee_items(header, ["Godkendelse af dagsorden", "Godkendelse af referat"], [body, ""])
    assert found.absent == ("Peter Andersen", "Gert winther", "Linda Peitersen")
    assert with_attendee_items(header, ["Budget"], ["Jens Hansen (V) havde meldt afbud.\n"]).absent == (
        "Jens Hansen (V)",
    )
    # A sentence, a role or a pronoun is no name; a later item is not the header's.
    for line in ("Dagsorden blev godkendt og Peter deltog ikke.", "Formanden var fraværende.", "Alle deltog ikke."):
        assert with_attendee_items(header, ["Budget"], [line]) == header, line
    assert with_attendee_items(header, ["Budget", "Regnskab", "Valg"], ["", "", body]) == header


def test_a_body_known_by_its_acronym_before_the_meeting_word() -> None:
    assert parse_header("Referat af MR møde trsdag d. 8. okt. 2019 Kl. 19.30 i Sognehuset.\n").committee == "MR"
    assert parse_header("Referat fra FU-mødet den 3. maj 2021\n").committee == "FU"
    # A title in capitals names no body by it.
    assert parse_header("REFERAT MØDE 3. maj 2021\n").committee != "REFERAT"


def test_a_body_in_the_genitive_before_a_meetings_own_name() -> None:
    header = parse_header(
        "---\ntitle: 'Hovedstyrets Pia-er-tilbake-møte'\ndate: 2015-09-08\n---\n\n**Møtetidspunkt:** 11.15\n"
    )
    assert (header.committee, header.date) == ("Hovedstyret", "2015-09-08")
    assert parse_header("Referat fra Bestyrelsens sommer-møde 3. juni 2020\n").committee == "Bestyrelsen"


def test_an_english_council_or_committee() -> None:
    assert parse_header("Extra-ordinary Full Council meeting, 20/08/2019 – minutes\n").committee == "Council"
    assert parse_header("Minutes of the Planning Committee, 3 May 2021\n").committee == "Committee"


def test_prose_after_a_closed_attendee_list_is_no_name() -> None:
    header = parse_header(
        "Referat af Seniorrådsmøde den 2. maj 2018 kl. 10.00 i mødelokale 3\n"
        "Fremmødt: Ole Berg, Lis Dam og Per Lund.\n"
        "Per Lund blev budt velkommen som nyt medlem af Seniorrådet.\n"
    )
    assert header.participants == ("Ole Berg", "Lis Dam", "Per Lund")
    # A list wrapped over lines, and offices in lower case, stay names.
    wrapped = parse_header("Møde i bestyrelsen den 1. juni 2020\nDeltagere: Ole Berg (formand for bestyrelsen og\n"
                           "kasserer), Lis Dam,\nPer Lund og\nHans Chr. Mikkelsen.\n")  # fmt: skip
    assert len(wrapped.participants) == 4 and wrapped.participants[-1] == "Hans Chr. Mikkelsen"
