"""What the agenda items say about attendance: attendees in the first items or at the end of the
minutes, absence said in a sentence, and the officers an early item elects."""

from __future__ import annotations

from indexer.layout.attendance import with_attendee_items
from indexer.layout.header import parse_header


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


def test_attendees_listed_as_the_first_item() -> None:
    header = parse_header("Referat menighedsrådsmøde nr. 1 den 22.2.2022\n")
    titles = ["Fraværende: Kirsten Larsen, Silja Kjærbo og Thomas Neergaard", "Bemærkninger til dagsordenen"]
    found = with_attendee_items(header, titles)
    assert found.absent == ("Kirsten Larsen", "Silja Kjærbo", "Thomas Neergaard")
    assert with_attendee_items(header, ["Godkendelse af dagsorden", "Fraværende: Bo"]).absent == ("Bo",)
    # An item too late to be the header's.
    assert with_attendee_items(header, ["Budget", "Regnskab", "Fraværende: Bo"]) == header


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


def test_an_office_item_whose_text_is_a_name_and_the_signature_at_the_end() -> None:
    header = parse_header("Bestyrelsesmøde d. 26. september 2013\n\nTil stede: Allan, John, Anna og Lise\n")
    titles = ["Valg af ordstyrer", "Valg af referent", "Godkendelse af dagsorden", "Eventuelt"]
    bodies = ["     Anna\n", "     Lise\n", "     Godkendt\n"]
    found = with_attendee_items(header, titles, bodies)
    assert found.roles == (("Ordstyrer", "Anna"), ("Referent", "Lise"))
    # A first name no attendee has, or a title naming two offices, says nothing about who holds them.
    assert with_attendee_items(header, ["Valg af ordstyrer"], ["Godkendt\n"]) == header
    assert with_attendee_items(header, ["Valg af dirigent og referent"], ["Anna\n"]) == header
    closing = "Næste møde 21. august.\n\nReferent: Ellen HF, 13.08.23"
    signed = with_attendee_items(header, ["Innkommet sak", "Videre møter"], ["Tekst."], closing)
    assert signed.roles == (("Referent", "Ellen HF"),)


def test_a_members_list_with_what_each_did_after_the_agenda() -> None:
    header = parse_header("Møde i regionsrådet den 22. marts 2022\n\nPunkter på dagsordenen\n")
    closing = "Medlemmer\n\n • Lars Gaardhøj: Deltog\n • Sofie Olsen: Afbud\n • Leila Lindén: Deltog\n • Nicol"
    found = with_attendee_items(header, ["Godkendelse af dagsorden", "Underskriftsark"], ["", ""], closing)
    assert (found.participants, found.absent) == (("Lars Gaardhøj", "Leila Lindén"), ("Sofie Olsen",))
    assert "no attendees listed" not in found.notes


def test_officers_labelled_in_the_text_of_the_item_that_elects_them() -> None:
    header = parse_header("Møde 16. november 2022\n\nTilstede: Anne O, Helene, Katrine\nAfbud: Mikkel\n")
    assert header.committee is None  # »Møde 16. november«: a date, not a body
    found = with_attendee_items(
        header, ["Valg af ordstyrer og referent", "Økonomi"], ["Ordstyrer: Jens Jakob\nReferent: Anne O\n", ""]
    )
    assert found.roles == (("Ordstyrer", "Jens Jakob"), ("Referent", "Anne O"))
    # Names after a note and a full stop are two people.
    swedish = parse_header(
        "Närvarande styrelseledamöter:\nÅke Strandberg och Patrik Andersson (på plats). Kjell Högberg (via Teams)\n"
    )
    assert swedish.participants == ("Åke Strandberg", "Patrik Andersson (på plats)", "Kjell Högberg (via Teams)")
