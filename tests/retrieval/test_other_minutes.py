"""Answers on other organisations' minutes, with the real model: a grundejerforening's general
assembly (tests/data/realdev 215, a PDF), a sports club's board (210), three school boards (202, 206, 214), two
town councils (203, and 212: its table of contents), a region's committee, a housing department's
board and an English parish council (tests/data/web 404, 406, 410)."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from indexer.build import build_index
from indexer.settings import Settings
from retrieval.answer import respond
from retrieval.kinds import has_kind
from retrieval.names import unknown_places
from retrieval.search import Retriever
from retrieval.snapshot import in_file_names

REALDEV = Path(__file__).resolve().parents[1] / "data" / "realdev"
WEB = REALDEV.parent / "web"


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    corpus = tmp_path_factory.mktemp("other") / "corpus"
    corpus.mkdir()
    files = (
        (REALDEV, "202_"),
        (REALDEV, "203_"),
        (REALDEV, "206_"),
        (REALDEV, "210_"),
        (REALDEV, "212_"),
        (REALDEV, "214_"),
        (REALDEV, "215_"),
    )
    for folder, prefix in (*files, (WEB, "404_"), (WEB, "406_"), (WEB, "410_")):
        for path in folder.glob(f"{prefix}*"):
            shutil.copy(path, corpus / path.name)
    settings = Settings(corpus_dir=corpus, index_dir=corpus.parent / "index")
    build_index(settings, progress=False)
    return Retriever.open(settings)


@pytest.mark.parametrize(
    "question", ["Who was elected to chair the Borrehøj general assembly?", "Hvem blev valgt som dirigent i Borrehøj?"]
)
def test_the_sentence_naming_the_office_elected_answers_not_its_neighbour(retriever: Retriever, question: str) -> None:
    # Both sentences of item 1 »Valg af dirigent« name someone elected; the item's title names the
    # chair of proceedings for both, but only one sentence names it itself.
    answer = respond(retriever.search(question), retriever).answer
    assert answer is not None and answer.text.startswith("Ove Madsen, F5 blev valgt som dirigent")


def test_a_code_after_letters_is_no_count() -> None:
    # »A25« is a plot's number beside a name, not how many.
    assert has_kind("Jane Kusk Pedersen, A25 blev valgt som referent", "count") == 0.0
    assert has_kind("11 deltagere, heraf de 5 fra bestyrelsen", "count") == 1.0


def test_a_town_the_folder_holds_no_minutes_of_gets_no_answer(retriever: Retriever) -> None:
    # The chair of a general assembly is in these minutes, but not of one in Rødovre: the closest
    # items are shown as related, never Borrehøj's dirigent as the answer.
    response = respond(retriever.search("Hvem blev valgt som dirigent på generalforsamlingen i Rødovre?"), retriever)
    assert response.answer is None and response.relevant and response.result.hits
    answer = respond(retriever.search("Hvem blev valgt som dirigent på generalforsamlingen i Borrehøj?"), retriever)
    assert answer.answer is not None and "Ove Madsen" in answer.answer.text


def test_places_a_question_names_and_whether_the_minutes_know_them() -> None:
    known = {"borrehøj", "aalborg"}.__contains__
    assert unknown_places("Hvem var formand for mødet i Rødovre?", lambda w: known(w.casefold())) == ("Rødovre",)
    assert unknown_places("Hvad besluttede Gentofte Kommune?", lambda w: known(w.casefold())) == ("Gentofte",)
    assert unknown_places("Hvem var dirigent i Aalborg?", lambda w: known(w.casefold())) == ()
    # Where an attendee comes from, and an English question's plain words, are no place asked about.
    assert unknown_places("Hvem fra Venstre deltog?", lambda w: False) == ()
    assert unknown_places("Who took the minutes in May 2020?", lambda w: False) == ()


def test_a_file_name_knows_the_organisation_in_ascii_letters_inside_a_longer_word() -> None:
    loaded = SimpleNamespace(file_names=("205_hadstenskole_skolebestyrelse_2022-05-25.txt", "215_borrehoej-x.pdf"))
    assert in_file_names(loaded, "Hadsten") and in_file_names(loaded, "Borrehøjs")  # type: ignore[arg-type]
    assert not in_file_names(loaded, "Rødovre")  # type: ignore[arg-type]


def test_an_english_office_asked_by_its_verb_is_named_by_the_minutes_own_word(retriever: Retriever) -> None:
    # »chaired« asks for the chair, which the council's attendee list notes as »(Chair)«.
    answer = respond(
        retriever.search("Who chaired the Choppington Parish Council meeting in November 2023?"), retriever
    )
    assert answer.answer is not None and "Cllr Vaughan (Chair)" in answer.answer.text


def test_a_label_that_announces_its_names_is_quoted_with_them(retriever: Retriever) -> None:
    # »Tilstede fra bestyrelsen var:« alone says nothing; the names on the next line answer.
    answer = respond(
        retriever.search("Hvem fra afdelingsbestyrelsen i Skovbakken var til stede i januar 2016?"), retriever
    )
    assert answer.answer is not None
    assert answer.answer.text.startswith("Tilstede fra bestyrelsen var: Inge, Lene, Marianne, Merete, Qasam")


def test_the_referent_is_quoted_from_the_line_naming_it_not_the_minutes_title(retriever: Retriever) -> None:
    # The title line »Referat af ekstraordinært Skolebestyrelsesmøde Skovboskolen …« shares most
    # of the question's words, but »Referat« names the minutes, not their writer.
    question = "Hvem var referent på det ekstraordinære skolebestyrelsesmøde på Skovboskolen?"
    answer = respond(retriever.search(question), retriever).answer
    assert answer is not None and answer.text == "Referent: Erling Grøn-Jensen"


def test_when_and_where_its_meeting_was_held_come_from_its_header_fields(retriever: Retriever) -> None:
    # »Hvad tid« asks for a time; where the council met is its »Mødested« field, not a line of
    # its table of contents that names the town the council is named after (»… i Haderslev«).
    answer = respond(retriever.search("Hvad tid holdt Det Kolde Gys bestyrelsesmøde den 16. august 2012?"), retriever)
    assert answer.answer is not None and "Kl. 18.00 – 20.30" in answer.answer.text
    answer = respond(retriever.search("Hvor holdt Haderslev Byråd møde den 27. marts 2008?"), retriever)
    assert answer.answer is not None and answer.answer.text in ("Mødested: Byrådssalen", "Sted: Byrådssalen")


def test_asked_why_the_item_that_gives_a_cause_answers(retriever: Retriever) -> None:
    # The first item (»Godkendelse af fravær«) names the absence but gives no cause; the item
    # calling in the substitute does.
    answer = respond(retriever.search("Hvorfor havde Martin Bech meldt afbud til byrådsmødet?"), retriever)
    assert answer.answer is not None and "afbud fra Martin Bech pga. ferie" in answer.answer.text


def test_each_election_in_a_run_is_an_outcome(retriever: Retriever) -> None:
    # »Per Harbo Sørensen, A15 genvalgt« as auditor is as much the item's outcome as the
    # substitute's re-election after it.
    answer = respond(
        retriever.search("Who was re-elected as auditor of Grundejerforeningen Borrehøj in 2023?"), retriever
    )
    assert answer.answer is not None and "Per Harbo Sørensen" in answer.answer.text


def test_the_school_a_question_names_is_the_one_whose_minutes_answer(retriever: Retriever) -> None:
    # »Hvem deltog« names the attendee list of any meeting; the other school's (202) would
    # answer, were Mejrup Skole's minutes not favoured for naming the school.
    question = "Hvem deltog i mødet med Børne- og Familieudvalget efter den dårlige presse om Mejrup Skole?"
    answer = respond(retriever.search(question), retriever).answer
    assert answer is not None and answer.passage.source.startswith("206_")
    assert answer.text.startswith("Lars, Ole og Tom har deltaget i et fællesmøde")


def test_a_name_signing_the_minutes_is_their_referent(retriever: Retriever) -> None:
    # Skovboskolen 2004 closes with »Referat« over »Jan Mindegaard«: the writer, not the minutes' title.
    answer = respond(retriever.search("Hvem skrev referatet fra skolebestyrelsesmødet 7. september 2004?"), retriever)
    assert answer.answer is not None and answer.answer.text.startswith("Referat Jan Mindegaard")


def test_an_absentee_is_quoted_from_the_list_under_its_label_not_the_members_list(retriever: Retriever) -> None:
    # The region's web export lists the members, Morten Weiss-Pedersen among them, and then
    # »• Afbud« over »• Morten Weiss-Pedersen, C«: the same line twice, under two labels.
    question = "Hvem havde meldt afbud til regionens udvalg for uddannelse og arbejdskraft den 7. marts 2019?"
    answer = respond(retriever.search(question), retriever).answer
    assert answer is not None and answer.text == "• Afbud • Morten Weiss-Pedersen, C"
