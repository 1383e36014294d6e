"""Dates and language in questions, hand-checked."""

from __future__ import annotations

import pytest

from retrieval.fields import asked_terms
from retrieval.meetings import asks_next_meeting, asks_when_or_where_held
from retrieval.query import analyze, asked_up_front, detect_language, strip_period


def test_meeting_period_versus_topic_period() -> None:
    assert analyze("Hvad blev drøftet om Taleinstituttet på mødet i marts 2013?").names_meeting
    assert analyze("Og hvad blev der sagt i marts 2013?").names_meeting
    # A compound names the meeting too; "imødekommet" (granted) does not.
    assert analyze("Hvem meldte afbud til socialdirektørmødet i maj 2012?").names_meeting
    assert not analyze("Blev ønsket imødekommet i maj 2012?").names_meeting
    # A general assembly, a Norwegian møte, a Swedish årsmöte or stämma are meetings too.
    assert analyze("Hvor holdt foreningen generalforsamling i februar 2019?").names_meeting
    assert analyze("Hva ble vedtatt på kommunestyrets møte i juni 2022?").names_meeting
    assert analyze("Var hölls årsmötet i juli 2023?").names_meeting
    topic = analyze("Hvor mange tilsynsbesøg aflagde Socialtilsyn Nord i 2019?")
    assert topic.date_range is not None and not topic.names_meeting


def test_language_and_question_type() -> None:
    assert detect_language("What was decided about the future NOPII collaboration?") == "en"
    assert detect_language("Hvad blev besluttet om Taleinstituttet?") == "da"
    assert detect_language("NOPII") == "da"
    assert analyze("What was decided about NOPII?").asks_outcome
    assert analyze("Skal udviklingsstrategigruppen nedlægges?").asks_outcome
    assert not analyze("Hvem er formand for forretningsudvalget?").asks_outcome
    # A cue word inside a name is the name: "Godkendelse og Tilsynsafdeling" is an office.
    assert not analyze("inddragelse af Godkendelse og Tilsynsafdeling i mødet").asks_outcome
    assert analyze("Godkendelse af regnskabet?").asks_outcome
    assert analyze("Hvor meget stiger taksten?").answer_type == "money"
    assert analyze("Hvor mange børn blev indskrevet?").answer_type == "count"
    assert analyze("Hvornår mødes direktørerne?").answer_type == "date"
    assert analyze("Hvad tid holdt klubben bestyrelsesmøde den 16. august?").expects == "time"
    assert analyze("Hvor lang tid tager en overtagelse?").expects == "duration"
    assert analyze("How long did the preparation take?").expects == "duration"
    assert analyze("Hvor langt er der til Aalborg?").expects != "duration"


def test_strip_period() -> None:
    plan = analyze("Hvad skete der i marts 2013 med takster?")
    assert strip_period(plan.question, plan) == "Hvad skete der i med takster?"


@pytest.mark.parametrize(
    ("question", "meeting"),
    [
        ("Hvad blev besluttet på bestyrelsesmødet i 2019?", True),  # a meeting word
        ("Hvad drøftede udvalget om skolerne i marts 2019?", True),  # a verb and a month
        ("Hvilke takster blev vedtaget i 2019?", True),  # a year right after the verb
        ("Hvad besluttede byrådet i 2019?", True),  # or after its subject
        ("Hvad blev der sagt om budgettet for skolerne i 2020?", False),  # the budget's year
        ("What was decided about the plan for the harbour in 2021?", False),
    ],
)
def test_whose_date_a_year_is(question: str, meeting: bool) -> None:
    assert analyze(question).names_meeting is meeting


def test_reasons_meetings_and_meeting_again() -> None:
    # A reason asked by a compound noun or another noun for it.
    assert analyze("Hvad var hovedårsagen til merforbruget?").expects == "reason"
    assert analyze("Hvad er grunden til, at punktet blev udsat?").expects == "reason"
    # The verb's past names a meeting: the date is that meeting's.
    assert analyze("Hvor mødtes udvalget den 16. august 2012?").names_meeting
    # Meeting again is the next meeting, not the one the question dates.
    again = analyze("Hvornår skulle forummet mødes igen efter mødet i maj 2015?")
    assert asks_next_meeting(again) and not asks_when_or_where_held(again)


def test_the_room_and_an_online_meeting_are_places_and_cited_minutes_are_no_meeting_asked_about() -> None:
    assert analyze("I hvilket lokale var mødet den 18. marts 2013?").expects == "place"
    assert analyze("Var mødet den 25. maj 2020 et fysisk møde, eller foregik det online?").expects == "place"
    assert analyze("Hvad koster et online kursus?").expects == "money"
    held = analyze("Hvor blev mødet den 25. maj 2020 holdt?")
    assert asks_when_or_where_held(held)
    # The minutes cited as the source: the date asked for is one they report.
    assert not asks_when_or_where_held(analyze("Hvornår skal rammeaftalen behandles i KKR, jf. mødet i maj 2015?"))
    assert not asks_when_or_where_held(
        analyze("Hvilken dato blev det nye møde planlagt til ifølge referatet fra august 2012?")
    )


def test_how_a_matter_was_handled_is_its_outcome_and_a_rate_is_a_sum() -> None:
    assert analyze("Hvordan blev sekretariatets merforbrug i 2012 dækket?").expects == "outcome"
    assert analyze("Hvordan blev mødet afholdt?").expects == "place"
    assert analyze("What is the current daily rate at the crisis centre?").expects == "money"


def test_a_question_opening_with_its_verb_asks_yes_or_no() -> None:
    # Verb first, then its subject: a yes/no question about what was done.
    assert analyze("Starter man et partnerskab med LSI, eller venter man?").expects == "outcome"
    assert analyze("Får gruppen flere medlemmer?").asks_outcome
    assert analyze("Kan udgifterne lægges ind i taksten?").expects == "outcome"
    # »Er der …?« asks whether something exists, a fact; a keyword query with a relative clause
    # and a question about who came are no yes/no questions about an outcome.
    assert not analyze("Er der en kommune, der laver et botilbud?").asks_outcome
    assert not analyze("kommuner der meldte tilbage om mødet").asks_outcome
    assert not analyze("Var Jan til stede?").asks_outcome


def test_what_a_body_thought_is_its_outcome() -> None:
    assert analyze("Hvad syntes styregruppen om overskriften?").expects == "outcome"
    assert analyze("What did the board think of the proposal?").expects == "outcome"
    # Capitalised inside the question it is part of a name, as the other cues are.
    assert not analyze("Hvem sidder i Holdningsudvalget?").asks_outcome


def test_words_of_the_new_kinds_in_other_senses() -> None:
    # A plot of land, a topic that is a payment, someone paid, a rate that is no sum, a by-law,
    # meetings as a topic, and English »meet« as »reach«: none is what the new rules ask for.
    assert analyze("Hvad koster grunden til den nye hal?").expects == "money"
    assert analyze("Hvem deltog i mødet om betalingsparkering?").expects == "person"
    assert analyze("Who was paid for the work?").expects == "person"
    assert analyze("What was the unemployment rate?").expects is None
    assert analyze("Which by-laws were changed?").expects is None
    assert analyze("Hvad besluttede bestyrelsen om virtuelle møder?").expects == "outcome"
    assert not analyze("Did the budget meet the target in March 2019?").names_meeting
    assert analyze("Where did the board meet in March 2019?").names_meeting
    # Holding the meeting itself, with the minutes cited: still when or where it was held.
    assert asks_when_or_where_held(analyze("Hvor blev mødet holdt ifølge referatet fra 3. maj 2020?"))


def test_a_question_word_naming_a_unit_of_time_asks_for_a_time() -> None:
    # »takst« names the topic; »hvilken uge« what is asked.
    assert analyze("Hvilken uge flyttes anden takstindberetning til?").expects == "time"
    assert analyze("Which week was the tariff reporting moved to?").expects == "time"
    assert analyze("Hvilket år steg taksten?").expects == "time"
    assert analyze("Hvor meget steg taksten?").expects == "money"


def test_a_value_is_asked_up_front_by_a_question_word() -> None:
    assert asked_up_front("Hvad er fristen for at give sekretariatet besked?", "deadline")
    assert asked_up_front("Hvor stor en andel af et underskud må overføres?", "money")
    assert asked_up_front("What would the yearly flat fee be for joining?", "money")
    # A sum named deep in the question is its topic; words without a question word name one too.
    question = "Hvad kom der ud af ønsket om at fjerne passussen om at betale regningen uanset beløbet?"
    assert analyze(question).expects == "money" and not asked_up_front(question, "money")
    assert not asked_up_front("anden takstindberetning flyttes", "money")
    assert asked_up_front("Hvem skal betale for værnemidlerne?", "payer")


def test_whether_someone_came_asks_for_the_attendee_lists() -> None:
    # A yes/no question about who came is answered by the lists that name people, not by an
    # outcome; a proposal that someone take part in a meeting is still a question about its fate.
    for question in (
        "Deltog Jens Hansen i bestyrelsesmødet i juni 2019?",
        "var kassereren med til generalforsamlingen",
        "Was the mayor present at the meeting in May?",
        "Did Anna Berg attend?",
        "Var Skolen repræsenteret på forældremødet?",
    ):
        plan = analyze(question)
        assert plan.expects == "person" and not plan.asks_outcome, question
    assert "field:absent" in asked_terms("Deltog Jens Hansen i mødet?")
    assert "field:participants" in asked_terms("Havde Jens Hansen meldt afbud til mødet?")
    proposal = analyze("Blev forslaget om at lade kommunen deltage i mødet godkendt?")
    assert proposal.expects == "outcome"
    assert analyze("Er kommunerne med i projektet?").expects == "outcome"


def test_who_is_to_do_a_task_asks_for_the_sentence_that_gives_it() -> None:
    assert analyze("Hvem skal udarbejde budgettet for 2020?").expects == "actor"
    assert analyze("hvem står for indkaldelsen").expects == "actor"
    assert analyze("Who will prepare the report for the council?").expects == "actor"
    # A seat to fill, or what someone wants, is asked of people, not of a task.
    assert analyze("Hvem skal være formand for udvalget?").expects == "person"
    assert analyze("Hvem vil have en temadag?").expects == "person"
    assert analyze("Hvem deltog i mødet?").expects == "person"


def test_why_asks_for_a_cause_up_front() -> None:
    assert asked_up_front("hvorfor blev mødet udsat", "reason")
    assert asked_up_front("Why was the meeting postponed?", "reason")
    assert not asked_up_front("mødet udsat på grund af ferien", "reason")


def test_who_came_names_the_meeting_its_period_dates() -> None:
    # Sending regrets or attending happens at a meeting: its month is the meeting's, not a topic's.
    assert analyze("hvem havde meldt afbud til socialdirektørkredsen i maj 2012").names_meeting
    assert analyze("Who was absent from the board in March 2019?").names_meeting
    assert not analyze("Hvad koster taksten i 2013?").names_meeting


def test_a_question_word_asks_before_the_name_of_a_sum() -> None:
    # »Hvornår« asks for a time though the topic is a price; »hvem … betaler« for who pays.
    assert analyze("Hvornår skal kommunerne sende deres prisindmeldinger?").expects == "time"
    assert analyze("Hvornår skal kommunerne sende deres prisindmeldinger?").answer_type == "date"
    assert analyze("Hvem betaler, hvis taksten ikke dækker værnemidlerne?").expects == "payer"
    assert analyze("Hvem fastsætter taksten for Taleinstituttet?").expects == "person"
    # With no question word asking otherwise, the name of a sum asks for the sum.
    assert analyze("Hvad er den nye døgntakst på krisecentret?").expects == "money"
    assert analyze("Hvad er taksten på krisecentret?").answer_type == "money"
    assert analyze("Hvad er prisen for et ophold?").expects == "money"
