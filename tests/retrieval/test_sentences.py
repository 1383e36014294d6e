"""Candidate sentences: table rows, sub-headings and questions about the next meeting."""

from __future__ import annotations

from dataclasses import replace

import pytest

from indexer.records import Passage
from indexer.settings import Settings
from retrieval.answer import respond
from retrieval.extract import cheap_features
from retrieval.fields import asked_terms, line_field, line_label
from retrieval.meetings import asks_next_meeting, states_next_meeting
from retrieval.names import common_words
from retrieval.offices import asked_stems, asks_an_office, asks_who_was_elected, names_its_meeting, office_asked
from retrieval.query import analyze
from retrieval.quoting import quote
from retrieval.search import Retriever
from retrieval.sentences import build_pool, sentences_of
from retrieval.units import field_units, is_heading
from tests.retrieval.pools import item_sentences


@pytest.fixture(scope="module")
def retriever(real_index: Settings) -> Retriever:
    return Retriever.open(real_index)


def test_a_table_row_keeps_its_figures_with_its_label(retriever: Retriever) -> None:
    # Seed 003's accounts: each label cell, then its figures on lines of their own.
    texts = [s.text for s in item_sentences(retriever, "003_", 4)]
    assert "Resultat (p.t. udlæg Aalborg kommune) -164.000" in texts
    assert "Økonomiopfølgning og ledelse 57.000 57.000 0" in texts
    assert "-164.000" not in texts


def test_figures_join_only_a_label_not_a_sentence_or_a_list_number() -> None:
    text = "Det blev godkendt.\n\n2.085\n\nIndtægter i alt\n\n1.551.000 41.000\n\nPunkter:\n\n7\n\nAntal besøg\n12\n"
    units = [" ".join(text[a:b].split()) for a, b in field_units(text)]
    assert units[:3] == ["Det blev godkendt.", "2.085", "Indtægter i alt 1.551.000 41.000"]
    assert "Antal besøg 12" not in units  # two digits are a list or footnote number, not figures


def test_a_sentence_knows_the_sub_heading_it_stands_under(retriever: Retriever) -> None:
    # Seed 004, item 4: »Fokusområde 3« heads the paragraph that never names it again.
    pool = [s for s in item_sentences(retriever, "004_", 4) if s.passage.section == "Referat"]
    said = next(s for s in pool if s.text.startswith("DAS vurderede ikke, at overskriften"))
    assert said.heading == "Fokusområde 3"
    # A labelled field or a sentence is no heading: the first sentence of a passage has none.
    assert pool[0].heading == ""
    assert not any(s.heading.endswith(".") for s in pool)


def test_a_numbered_point_of_the_minutes_heads_the_paragraphs_below_it(retriever: Retriever) -> None:
    # Seed 003, item 6: »Pkt. 5: Udviklingsstrategi – orientering vedr. Taleinstituttet …« opens
    # its passage (not ends the one before) and is what the next sentences are about.
    pool = item_sentences(retriever, "003_", 6)
    pixi = next(s for s in pool if "pixi udgave" in s.text)
    assert pixi.heading.startswith("Pkt. 5: Udviklingsstrategi – orientering vedr. Taleinstituttet")
    assert pixi.passage.text.startswith("Pkt. 5: Udviklingsstrategi")


def test_the_sub_heading_brings_the_answer_that_does_not_repeat_it(retriever: Retriever) -> None:
    # A keyword question: the Referat's answer under »Fokusområde 3« never names it, and shares
    # the question's words through its heading, as much as the proposal's line that names it.
    pool = item_sentences(retriever, "004_", 4)
    lexical = cheap_features(analyze("overskriften på fokusområde 3"), pool)["lexical"]
    said = next(i for i, s in enumerate(pool) if "Kvalitetsindsatser for færre ressourcer" in s.text)
    named = next(i for i, s in enumerate(pool) if s.text.startswith("Fokusområde 3: Effektive"))
    assert pool[said].heading == "Fokusområde 3" and "fokusområde" not in pool[said].text.casefold()
    assert lexical[said] >= lexical[named] > 0


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Hvornår holder bestyrelsen næste møde?", True),
        ("Hvornår er næste generalforsamling?", True),
        ("När är nästa årsmöte?", True),
        ("When is the next meeting?", True),
        ("Hvornår skal kommunen imødekomme næste ansøgning?", False),
        ("Hvornår blev regnskabet godkendt?", False),
    ],
)
def test_which_questions_ask_for_the_next_meeting(question: str, expected: bool) -> None:
    assert asks_next_meeting(analyze(question)) is expected


def test_the_words_a_source_writes_in_lower_case_are_read_once(retriever: Retriever) -> None:
    source = next(p.source for p in retriever.passages if p.source.startswith("004_"))
    words = retriever.lower_case_words(source)
    # Seed 004 opens a sentence with »Grundet Corona …« but writes »grundet« in lower case too.
    assert "grundet" in words and "corona" not in words
    assert retriever.lower_case_words(source) is words
    pool = item_sentences(retriever, "004_", 10)
    assert common_words(analyze("Hvem drøftede værnemidler?"), pool, retriever.lower_case_words) == words
    # Asked for a figure they are read too (a table row's first word); for a time they are not.
    assert common_words(analyze("Hvad koster værnemidler?"), pool, retriever.lower_case_words) == words
    assert common_words(analyze("Hvornår blev værnemidler drøftet?"), pool, retriever.lower_case_words) == frozenset()


def test_an_office_noted_beside_a_name_answers_who_holds_it(retriever: Retriever) -> None:
    # Seed 004's attendee list: »Henrik Aarup-Kristensen (formand, Brønderslev Kommune)«.
    response = respond(retriever.search("Hvem var formand ved DAS-mødet den 25. maj 2020?"), retriever)
    assert response.answer is not None
    assert "Henrik Aarup-Kristensen (formand" in response.answer.text
    assert response.answer.passage.item_number == 0


def test_an_office_counts_only_beside_a_name_and_for_this_meeting() -> None:
    asked = asked_stems(analyze("Hvem er formand?"))
    assert office_asked("Henrik Aarup-Kristensen (formand, Brønderslev Kommune)", asked)
    assert office_asked("Carl Tönsgård, formand", asked)
    assert not office_asked("Formanden forklarede, at brevet er sendt.", asked)
    assert not office_asked("Henrik Aarup-Kristensen (Brønderslev Kommune)", asked)
    assert not office_asked("byrådet, formanden og direktionen", asked)  # no name before it
    das = Passage("p", "004_x.txt", "DAS", "Den Administrative Styregruppe", "2020-05-25", 0, "", None, "", "", (0, 1))
    assert names_its_meeting(analyze("Hvem er formand for DAS?"), das)
    assert names_its_meeting(analyze("Hvem ledede mødet?"), das)
    assert not names_its_meeting(analyze("Hvem leder den økonomiske arbejdsgruppe?"), das)


def test_a_committee_after_a_preposition_is_not_the_one_acting(retriever: Retriever) -> None:
    # »formand i DAS«: DAS's Referat does not count twice, so the attendee list's note answers.
    response = respond(retriever.search("Hvem er formand i DAS?"), retriever)
    assert response.answer is not None and "Henrik Aarup-Kristensen (formand" in response.answer.text
    # »Hvilke input gav DAS …«: DAS acted, its Referat answers (test_extract pins that case).


def test_a_field_ends_with_its_line_before_a_capitalised_one() -> None:
    # Realdev 202's front matter: the referent's line, then a remark with no label.
    text = "Dirigent: Peter Knappmann\nReferent: Erling Grøn-Jensen\nKontoret sørger for kaffe.\n"
    assert [" ".join(text[a:b].split()) for a, b in field_units(text)] == [
        "Dirigent: Peter Knappmann",
        "Referent: Erling Grøn-Jensen",
        "Kontoret sørger for kaffe.",
    ]
    # A list of names wraps onto a capitalised line: the field goes on (only fields of one value
    # end with their line).
    text = "Afbud: Anne Hansen, Per Olsen og\nJens Jensen.\nDeltagere: Kurt\nHans Berg.\n"
    assert [" ".join(text[a:b].split()) for a, b in field_units(text)] == [
        "Afbud: Anne Hansen, Per Olsen og Jens Jensen.",
        "Deltagere: Kurt Hans Berg.",
    ]
    # A value that runs on in lower case is one field; an unknown label is not cut this way.
    text = "Beslutning: Godkendt med\nfølgende ændringer.\nBilleder: se nedenfor\nDe kommer."
    assert [" ".join(text[a:b].split()) for a, b in field_units(text)] == [
        "Beslutning: Godkendt med følgende ændringer.",
        "Billeder: se nedenfor De kommer.",
    ]


def test_two_fields_the_question_names_are_quoted_together() -> None:
    text = "Dirigent: Peter Knappmann\nReferent: Erling Grøn-Jensen\n\nTil stede:\nForældrevalgte: Peter Knappmann."
    header = Passage("h", "f.txt", "C", "C", "2008-04-16", 0, "", None, text, "h", (0, len(text)))
    pool = sentences_of(header, 0, 0, True)
    asked = "Hvem var dirigent og referent på mødet?"
    best = next(i for i, s in enumerate(pool) if s.text.startswith("Dirigent"))
    found = quote(pool, [(best, 1.0)], "person", asked)
    assert found is not None and found.text == "Dirigent: Peter Knappmann Referent: Erling Grøn-Jensen"
    # Asked for one field, only that one.
    found = quote(pool, [(best, 1.0)], "person", "Hvem var dirigent?")
    assert found is not None and found.text == "Dirigent: Peter Knappmann"


def test_the_item_title_counts_as_context_of_its_sentences(retriever: Retriever) -> None:
    # Seed 001: »Sekretariatet er ansvarligt« answers under the item's title, »… Taleinstituttet«,
    # which the sentence itself does not repeat.
    response = respond(retriever.search("Hvem er ansvarlig for pixi-udgaven om Taleinstituttet?"), retriever)
    assert response.answer is not None
    assert "Sekretariatet er ansvarligt" in response.answer.text


def test_a_table_row_on_one_line_ends_with_its_figures() -> None:
    # Seed 003's accounts: one row on one line, the next row's label on the next.
    text = "Inventar og IT udgifter6 49.100 30.000 -19.100 \nEvaluering Rammesekreta-\nriatet \n\n121.800 0 -121.800 \n"
    assert [" ".join(text[a:b].split()) for a, b in field_units(text)] == [
        "Inventar og IT udgifter6 49.100 30.000 -19.100",
        "Evaluering Rammesekreta- riatet 121.800 0 -121.800",
    ]


def test_a_row_asked_for_its_figure_is_the_answer(retriever: Retriever) -> None:
    # Seed 003's accounts: the row, not the financing model quoted above the table.
    response = respond(retriever.search("Hvad var sekretariatets samlede udgifter i regnskabet for 2012?"), retriever)
    assert response.answer is not None
    assert response.answer.text.startswith("Samlede udgifter i alt 1.715.000")


def test_beside_a_decision_the_figure_it_lacks_is_quoted_too() -> None:
    # Seed 003: the Referat names the cause of the overspend, the accounts' row its amount.
    said = "Henrik redegjorde for merforbruget, som skyldes evalueringen af sekretariatet."
    row = "Evaluering Rammesekretariatet 121.800 0 -121.800"
    decision = Passage("d", "f.txt", "C", "C", "2013-03-18", 4, "Regnskab", "Referat", said, "h", (0, len(said)))
    table = Passage("t", "f.txt", "C", "C", "2013-03-18", 4, "Regnskab", None, row, "h", (0, len(row)))
    decision = replace(decision, role="outcome")
    pool = [*sentences_of(decision, 0, 0, True), *sentences_of(table, 1, 0, True)]
    assert not is_heading(row)  # a row with its figures is content, not a heading
    ranked = [(0, 1.0), (1, 0.9)]
    found = quote(pool, ranked, "money", "Hvad kostede evalueringen af sekretariatet?")
    # The figure opens the quote and is cited: it is what was asked for.
    assert found is not None and found.text == f"{row} … {said}" and found.passage.id == "t"
    # Asked for no figure, the decision stands alone.
    found = quote(pool, ranked, None, "Hvorfor var der et merforbrug?")
    assert found is not None and found.text == said


def test_a_deficit_asked_for_is_the_accounts_result_row(retriever: Retriever) -> None:
    # Seed 003: the accounts state the deficit in their »Resultat« row, not in words.
    assert "resultat" in asked_terms("Hvor stort var underskuddet i regnskabet?")
    response = respond(retriever.search("Hvor stort var underskuddet i sekretariatets regnskab for 2012?"), retriever)
    # The row answers by itself: nothing after it is quoted.
    assert response.answer is not None and response.answer.text == "Resultat (p.t. udlæg Aalborg kommune) -164.000"


def test_an_office_noted_beside_a_name_is_quoted_with_the_field_asked_too() -> None:
    # A club's minutes: the referent is noted in the attendee list, »(Ref)«, not under a label.
    text = "Til stede: Trine Birkmose, Paw Larsen og Arne Svendsen (Ref).\n\nAfbud fra Jannie Kildebo.\n"
    header = Passage("h", "f.txt", "C", "C", "2015-09-21", 0, "", None, text, "h", (0, len(text)))
    pool = sentences_of(header, 0, 0, True)
    best = next(i for i, s in enumerate(pool) if s.text.startswith("Afbud"))
    found = quote(pool, [(best, 1.0)], "person", "Hvem var referent, og hvem havde meldt afbud?")
    assert found is not None and "Arne Svendsen (Ref)" in found.text and found.text.startswith("Afbud fra")
    assert office_asked("Arne Svendsen (Ref).", asked_terms("Hvem var referent?"))
    assert not office_asked("Arne Svendsen (Ref).", asked_terms("Hvem var formand?"))


def test_an_office_last_in_a_parenthesis_and_asked_in_english(retriever: Retriever) -> None:
    asked = asked_stems(analyze("Who took the minutes at the meeting?"))
    assert office_asked("Charlotte S. Andersen og Morten Aggerholm (begge sekretariat for rammeaftaler/ref.)", asked)
    assert not office_asked("Morten Aggerholm (sekretariat for rammeaftaler)", asked)
    # Seed 004's attendee list notes the referents so; the question dates the meeting, so its
    # header answers, not an item that mentions »the DAS meeting«.
    response = respond(retriever.search("Who took the minutes at the DAS meeting in May 2020?"), retriever)
    assert response.answer is not None and response.answer.passage.item_number == 0
    assert "Morten Aggerholm" in response.answer.text


def test_the_next_meeting_is_the_sentence_that_dates_it() -> None:
    assert states_next_meeting("Vagn blev konstitueret og indkaldte til næste Ældrerådsmøde den 12. april 2017 kl. 10")
    assert states_next_meeting("Næste MR møde 19. november.")
    assert states_next_meeting("5. Næste møde tirsdag den 29. august kl. 18.30.")
    # A date of another meeting, far from »næste møde«, is not the next meeting's.
    assert not states_next_meeting("Afdelingsmøde den 12. september. Vi udarbejder forslag på næste møde")
    assert not states_next_meeting("Punktet udsættes til næste møde.")


def test_who_was_elected_is_no_question_for_the_attendee_list(retriever: Retriever) -> None:
    plan = analyze("Who were elected as auditors at the annual meeting?")
    assert asks_who_was_elected(plan) and not asks_an_office(plan)
    assert asks_who_was_elected(analyze("Vem valdes till ordförande?"))
    assert not asks_who_was_elected(analyze("Hvem var formand?"))
    passages = retriever.passages
    hits = [p for p in passages if p.source.startswith("004_") and p.item_number in (0, 5)]
    pool = build_pool(plan, hits, lambda source, n: [i for i, p in enumerate(passages)
                                                     if (p.source, p.item_number) == (source, n)], passages)  # fmt: skip
    assert pool and all(s.passage.item_number != 0 for s in pool)


def test_who_wrote_the_minutes_asks_for_the_referent() -> None:
    assert "referent" in asked_stems(analyze("Hvem skrev referatet fra mødet?"))
    assert "referent" in asked_stems(analyze("Hvem tog referat?"))
    assert "referent" not in asked_stems(analyze("Hvem godkendte referatet?"))


def test_the_header_of_a_meeting_named_comes_after_its_items_for_a_sum(retriever: Retriever) -> None:
    passages = retriever.passages

    def rows(source: str, n: int) -> list[int]:
        return [i for i, p in enumerate(passages) if (p.source, p.item_number) == (source, n)]

    header_first = [p for p in passages if p.source.startswith("004_") and p.item_number in (0, 7)]
    header_first.sort(key=lambda p: p.item_number)
    # A sum asked for at a meeting named: its header matched by the meeting's words is no answer.
    pool = build_pool(analyze("Hvor meget steg taksten på DAS-mødet?"), header_first, rows, passages)
    assert pool[0].passage.item_number == 7 and pool[0].item_rank == 0
    # Who came is the header's: it stays first.
    pool = build_pool(analyze("Hvem deltog i DAS-mødet?"), header_first, rows, passages)
    assert min(s.item_rank for s in pool if s.passage.item_number == 0) == 0


def test_an_office_inside_a_parenthesis_and_a_next_step_are_not_what_they_name() -> None:
    asked = asked_stems(analyze("Hvem er formand?"))
    assert not office_asked("Ole Hansen (tidligere formand for udvalget)", asked)
    assert "referent" not in asked_stems(analyze("Hvem tog referatet til efterretning?"))
    assert not states_next_meeting("Næste skridt er et møde med forvaltningen den 12. maj.")


def test_a_list_ends_before_a_capitalised_line_that_is_no_list_line() -> None:
    # Seed 002 item 6: the last bullet, then the place of the seminar on a line of its own.
    text = (
        "Fordelene ved at have fælles mål er:\n• Mere videndeling\n"
        "• Mulighed for benchmarking på tværs af kommunerne\nDøgnseminaret afholdes på Hotel Sixtus ved Middelfart."
    )
    assert [" ".join(text[a:b].split()) for a, b in field_units(text)][-2:] == [
        "• Mulighed for benchmarking på tværs af kommunerne",
        "Døgnseminaret afholdes på Hotel Sixtus ved Middelfart.",
    ]
    # A list line broken off mid-phrase goes on on the next line, capitalised or not.
    text = "• Møde med\nSocialstyrelsen om sagen\n• Orientering fra FU om\nKKR's beslutning"
    assert len(field_units(text)) == 2


def test_a_label_after_a_list_mark_is_a_label() -> None:
    assert line_label("• Afbud") == "afbud" and line_field("• Afbud") == "absent"
    assert line_field(" - Deltagere") == "participants" and line_field("Afbud: Jan") == "absent"
    assert line_label("• Morten Weiss-Pedersen, C") is None
