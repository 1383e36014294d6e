"""Header fields from each layout the minutes use."""

from __future__ import annotations

from indexer.layout.bodies import abbreviates
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


def test_a_full_stop_between_two_names_and_a_hyphenated_body() -> None:
    assert split_names("Martin Bak, Morten H. Legarth. Henrik Faurby (referent)") == (
        "Martin Bak",
        "Morten H. Legarth",
        "Henrik Faurby (referent)",
    )
    assert split_names("Hans Chr. Mariegaard og Ann K. Liljenberg.") == ("Hans Chr. Mariegaard", "Ann K. Liljenberg")
    header = parse_header("Referat af møde i Sædding-Fovrfeld Lokalråd, tirsdag den 7. november 2011\n")
    assert header.committee == "Sædding-Fovrfeld Lokalråd"


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


def test_offices_noted_beside_names_are_the_meetings_roles() -> None:
    header = parse_header(
        "Deltagere: Anna Hallgren #72 Formand\n Niels Jacob Hansen #17 Næstformand\n"
        " Preben Skovbjerg (referent) #1 Suppleant\n Bilag 1: Notat udarbejdet af Anna Hallgren, formand.\n"
    )
    assert header.participants == (
        "Anna Hallgren (formand)",
        "Niels Jacob Hansen (næstformand)",
        "Preben Skovbjerg (referent, suppleant)",
    )
    assert header.roles == (("Formand", "Anna Hallgren"), ("Referent", "Preben Skovbjerg (suppleant)"))
    # A labelled role wins over the note; the office is the one the note names, not a former one.
    labelled = parse_header(
        "Deltagere: Ole Dam (formand, Aalborg Kommune), Bo Holm (tidligere formand)\nReferent: Bo Holm\n"
    )
    assert labelled.roles == (("Referent", "Bo Holm"), ("Formand", "Ole Dam (Aalborg Kommune)"))
    # An office before the name where the name opens a line; in a list run together it may be the name before's.
    members = parse_header("Medlemmer\n\nFormand Erik Nielsen (A)\nMichel Berg (A)\nLene Due (A)\n")
    assert members.participants[0] == "Erik Nielsen (A, formand)"
    run_together = parse_header("Til stede: Bent Haupt Jensen, Formand Jørn Nielsen, Næstformand\n")
    assert not run_together.roles
    dashed = parse_header("Närvarande: Kerstin- internetansvarig, Sten – ekonomiansvarig, Anne-Marie Holm\n")
    assert dashed.participants == ("Kerstin (internetansvarig)", "Sten (ekonomiansvarig)", "Anne-Marie Holm")


def test_members_who_sent_word_are_not_attendees() -> None:
    header = parse_header(
        "Medlemmer\n\nErik Nielsen (A)\nBritt Jensen (A)\nLene Due (A)\n\nFraværende\n\nBritt Jensen (A), sag 129-138\n"
    )
    assert header.participants == ("Erik Nielsen (A)", "Lene Due (A)")
    assert header.absent == ("Britt Jensen (A)",)


def test_a_list_of_members_each_with_what_they_did() -> None:
    header = parse_header(
        "Udvalg Ikon\nRegionsrådet\nDato: 22-03-2022\n\nMedlemmer\n\n • Lars Gaardhøj: Deltog\n"
        " • Sofie Olsen: Afbud (Stedfortræder Jarl Feyling)\n • Leila Lindén: Deltog\n • Kim Rockhill: Deltog\n"
    )
    assert header.committee == "Regionsrådet"  # the page's icon is no part of the name
    assert header.participants == ("Lars Gaardhøj", "Leila Lindén", "Kim Rockhill")
    assert header.absent == ("Sofie Olsen",)


def test_one_name_a_line_set_apart_by_blank_lines_and_a_double_label() -> None:
    english = parse_header(
        "THOSE ATTENDING:\n\nCllr K Burn\n\nCllr G Huntley\n\nCllr Vaughan (Chair)\n\nIN ATTENDANCE:\n"
    )
    assert english.participants == ("Cllr K Burn", "Cllr G Huntley", "Cllr Vaughan (Chair)")
    assert english.roles == (("Chair", "Cllr Vaughan"),)
    # A blank line still ends a list before the text goes on.
    assert parse_header("Deltagere:\n\nJens Holm\n\nGodkendelse af referat fra sidste møde\n").participants == (
        "Jens Holm",
    )
    double = parse_header(
        "Dato: 7. juni 2017\n\nIndkaldt/tilstedeværende:\n\nJulie Tofte Johnsen\nSune Cording\nAnders Sindal\n"
    )
    assert double.participants == ("Julie Tofte Johnsen", "Sune Cording", "Anders Sindal")


def test_officers_elected_before_the_agenda() -> None:
    header = parse_header(
        "SG Minnesanteckningar 2015-04-27\n\nNärvarande: Kerstin- internetansvarig, Tiina- sekreterare\n"
        "Ej närvarande: Angelica mailansvarig\nKerstin valdes till ordförande\nDagordning:\n"
    )
    assert header.absent == ("Angelica mailansvarig",)
    assert ("Ordförande", "Kerstin") in header.roles
    # A first name alone counts only when an attendee has it: »Formanden« opens a sentence.
    assert not parse_header("Deltagere: Jens Holm\nFormanden blev valgt som dirigent.\n").roles


def test_label_cells_glued_to_their_values_and_a_sentence_after_the_names() -> None:
    header = parse_header(
        "Referat af skolebestyrelsesmøde 04.12.2023\n\nMødeSkolebestyrelsesmøde\nStedSkolen\n"
        "DeltagereSine Kamstrup, Ea Schou Petersen, Preben Krogsgaard\nAfbudClaus Kroman Sørensen\n"
        "MødelederLouise Christiansen\n"
    )
    assert (header.place, header.absent) == ("Skolen", ("Claus Kroman Sørensen",))
    assert header.participants == ("Sine Kamstrup", "Ea Schou Petersen", "Preben Krogsgaard")
    assert header.roles == (("Mødeleder", "Louise Christiansen"),)
    # A word that only begins like a label is none (»Stedfortræder«: no capital after »Sted«).
    assert parse_header("Stedfortræder for formanden: Bo Holm\n").place is None
    one_line = parse_header(
        "Tilstede var: Vivi Nobel (VN), Ib H. Sørensen (IH) Afbud: Michael Burgess Mødet blev gennemført i "
        "henhold til endelig dagsorden af 29. december 2018\n"
    )
    assert one_line.absent == ("Michael Burgess",)
    # A verb in a name's note is no sentence after the list.
    noted = parse_header(
        "Deltagere: Anne Bak, Ole Dam,\nJens Hansen (var fraværende under budgettet)\nBo Lund valdes.\n"
    )
    assert noted.participants == ("Anne Bak", "Ole Dam", "Jens Hansen (var fraværende under budgettet)")
    nynorsk = parse_header(
        "Til stades:\n\nRagnar Bakken - Tone Oliv Misund – Caroline Vestre (vara) - Ireen Sjøholt\n\nMøteleiar: Ragnar Bakken.\n"
    )
    assert nynorsk.participants == ("Ragnar Bakken", "Tone Oliv Misund", "Caroline Vestre (vara)", "Ireen Sjøholt")
    assert nynorsk.roles == (("Møteleiar", "Ragnar Bakken"),)
    said = parse_header("Deltagere: Finn Sørensen og Ellis Juul\nFraværende med afbud: Grethe Østergård\n")
    assert said.absent == ("Grethe Østergård",)


def test_a_web_pages_own_date_over_the_meetings() -> None:
    minutes = (
        "Mandag, 09 december 2019\n14. august 2012 (ekstraordinær)\n\nREFERAT\n\nDeltagere: Finn Sørensen\n\n"
        "1. Orienteringsmødet d. 18. september 2012.\n"
    )
    header = parse_header(minutes.split("1. Orient")[0], document=minutes)
    assert header.date == "2012-08-14"
    assert any("is the page's" in n for n in header.notes)
    # The next meeting's date is never taken for the meeting's, and a year said again keeps the first date.
    nxt = "Mandag, 09 december 2019\nNæste møde 5. januar 2020\n\n1. Budget 2020\n"
    assert parse_header(nxt, document=nxt).date == "2019-12-09"
    again = "Mandag, 09 december 2019\n14. august 2012\n\n1. Budget 2019 og 2012\n"
    assert parse_header(again, document=again).date == "2019-12-09"
