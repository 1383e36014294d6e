"""Kinds of question the answer model reads by their first words (whether someone came, who is to
do a task, why) and restatements of the question: on the real index with the real model."""

from __future__ import annotations

import pytest

from indexer.settings import Settings
from retrieval.answer import respond
from retrieval.kinds import has_kind
from retrieval.meetings import asks_when_or_where_held
from retrieval.query import analyze
from retrieval.search import Retriever
from retrieval.translate import word_groups


@pytest.fixture(scope="module")
def retriever(real_index: Settings) -> Retriever:
    return Retriever.open(real_index)


def answer_of(retriever: Retriever, question: str) -> tuple[str, str, int]:
    answer = respond(retriever.search(question), retriever).answer
    assert answer is not None, question
    return " ".join(answer.text.split()), answer.passage.source[:3], answer.passage.item_number


@pytest.mark.parametrize(
    "question",
    [
        "Deltog Hans Ole Steffensen i mødet i marts 2013?",
        "Was Hans Ole Steffensen present at the meeting in March 2013?",
    ],
)
def test_whether_someone_came_is_answered_by_the_list_that_names_them(retriever: Retriever, question: str) -> None:
    # Seed 003's header: »Afbud Hans Ole Steffensen, Henrik Leth«; before, »Godkendt« (the agenda
    # approved) or the list of those present, where he is not.
    text, source, item = answer_of(retriever, question)
    assert (source, item) == ("003", 0)
    assert text.startswith("Afbud Hans Ole Steffensen")


def test_who_is_to_do_a_task_is_the_sentence_that_gives_it(retriever: Retriever) -> None:
    # Seed 001 item 5: »… således at GOT udarbejder et oplæg til mødet«; before, the item's first
    # sentence, which names the body but gives no task.
    text, source, item = answer_of(retriever, "Hvem skal stå for oplægget på det kommende LOS-møde?")
    assert (source, item) == ("001", 5)
    assert "GOT udarbejder et oplæg" in text


def test_a_why_question_opening_with_its_question_word_gets_the_cause(retriever: Retriever) -> None:
    text, _, _ = answer_of(retriever, "Hvorfor blev mødet med LOS skubbet?")
    assert text.startswith("På baggrund af de mange punkter fra LOS")


def test_the_minutes_title_only_restates_the_meeting_asked_about(retriever: Retriever) -> None:
    # »Møde i Socialdirektørforum den 20. maj 2015« restates »the meeting in May 2015«: the place
    # is the answer.
    text, source, item = answer_of(retriever, "Where did Socialdirektørforum meet in May 2015?")
    assert (source, item) == ("002", 0)
    assert "Mosegårdsvej 2" in text


def test_a_line_announcing_what_follows_is_no_echo(retriever: Retriever) -> None:
    # »Rammeaftalen for 2016 anbefales til videre godkendelse med følgende justering:« restates the
    # question's words in translation, and announces the answer.
    text, _, _ = answer_of(
        retriever,
        "What adjustment was attached when the framework agreement for 2016 was recommended for further approval?",
    )
    assert "nedre grænse" in text


def test_a_task_given_is_the_kind_who_is_to_do_it_asks_for() -> None:
    assert has_kind("Sekretariatet er ansvarligt for udarbejdelsen.", "actor") == 1.0
    assert has_kind("GOT udarbejder et oplæg til mødet.", "actor") == 1.0
    assert has_kind("Jan Nielsen og Jes Lunde deltog.", "actor") == 0.5
    assert has_kind("Taksten stiger med 206 kr.", "actor") == 0.0


def test_a_unit_with_its_power_is_one_token_in_an_english_question() -> None:
    groups = word_groups("What rent per m2 does the secretariat pay?")
    assert ("m2",) in groups and ("2",) not in groups and all(group[0] != "m" for group in groups)


def test_regrets_in_a_month_are_read_from_that_meeting(retriever: Retriever) -> None:
    # Seed 000 (24 May 2012) and 001 (16 August 2012) both list regrets; the month picks the meeting.
    text, source, item = answer_of(retriever, "Hvem sendte afbud til socialdirektørkredsen i maj 2012?")
    assert (source, item) == ("000", 0)
    assert "Flemming Hansen" in text


def test_a_place_asked_for_opens_the_quote(retriever: Retriever) -> None:
    # Seed 002 item 6: the proposal about the seminar's theme scores best, the decision only
    # names a region (»… i Syddanmark«); the venue stands in the background.
    text, source, item = answer_of(retriever, "Hvor skal døgnseminaret i Socialdirektørforum være?")
    assert (source, item) == ("002", 6)
    assert text.startswith("Døgnseminaret afholdes på Hotel Sixtus")


def test_where_a_body_s_own_meeting_was_held_undated_comes_from_its_header(retriever: Retriever) -> None:
    # Named by its topic, not its date: the meeting is the one whose minutes speak of the topic.
    text, source, item = answer_of(
        retriever, "Hvor blev Socialdirektørforums møde om årsrapporten fra Socialtilsyn afholdt?"
    )
    assert (source, item) == ("002", 0)
    assert "Mosegårdsvej 2" in text


def test_a_meeting_the_minutes_report_on_is_no_question_for_their_header() -> None:
    assert asks_when_or_where_held(analyze("Hvor blev bestyrelsens møde om budgettet afholdt?"))
    assert asks_when_or_where_held(analyze("Where was the Board's meeting on the budget held?"))
    assert not asks_when_or_where_held(analyze("Hvornår blev mødet om Taleinstituttets fremtid holdt?"))
    assert not asks_when_or_where_held(analyze("Hvor blev det politiske dialogmøde holdt?"))
