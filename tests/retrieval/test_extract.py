"""The answer in words: verbatim sentences from the minutes, on the real index with the real model."""

from __future__ import annotations

import json

import pytest

from indexer.records import Passage
from indexer.settings import Settings
from retrieval.answer import item_passages, respond
from retrieval.extract import cheap_features, labelled_as_asked
from retrieval.fields import opening_label
from retrieval.kinds import has_kind
from retrieval.meetings import asks_when_or_where_held, other_meeting
from retrieval.overlap import echoes, lexical_overlap
from retrieval.query import analyze
from retrieval.quoting import quote
from retrieval.search import Retriever
from retrieval.sentences import Sentence, sentences_of
from retrieval.units import field_units
from tests.conftest import DATA
from tests.retrieval.pools import item_sentences


@pytest.fixture(scope="module")
def retriever(real_index: Settings) -> Retriever:
    return Retriever.open(real_index)


def squash(text: str) -> str:
    return " ".join(text.split()).lower()


HELDOUT = {json.loads(line)["id"]: json.loads(line) for line in (DATA / "questions_heldout.jsonl").open()}


@pytest.mark.parametrize("qid", ["h01", "h02", "h06", "h08", "h10", "h16", "h22", "h23"])
def test_answer_quotes_the_minutes_verbatim(retriever: Retriever, qid: str) -> None:
    q = HELDOUT[qid]
    response = respond(retriever.search(q["q"]), retriever)
    answer = response.answer
    assert answer is not None
    assert any(squash(phrase) in squash(answer.text) for phrase in q["answer"][0]), answer.text
    # Quoted, not written: each piece of the quote (sentences apart are joined by " … ") is in
    # its item's passages (a sentence may run into the next passage).
    item = " ".join(
        p.text for p in item_passages(retriever.passages, answer.passage.source, answer.passage.item_number)
    )
    assert all(squash(piece) in squash(item) for piece in answer.text.split(" … "))
    # The answer's passage leads the hits, and its citation is that passage's.
    assert response.result.hits[0].passage == answer.passage and answer.hit_rank == 1
    assert answer.citation == response.result.hits[0].citation
    assert [h.rank for h in response.result.hits] == list(range(1, len(response.result.hits) + 1))


def test_outcome_answers_say_so(retriever: Retriever) -> None:
    answer = respond(retriever.search("What was decided about the crisis centre rate?"), retriever).answer
    assert answer is not None and answer.is_outcome and answer.text == "DAS godkendte takststigningen"
    danish = respond(retriever.search("Hvad blev besluttet om takststigningen på krisecentret?"), retriever).answer
    assert danish is not None and danish.is_outcome and danish.text == "DAS godkendte takststigningen"
    count = respond(retriever.search("Hvor mange tilsynsbesøg aflagde Socialtilsyn Nord i 2019?"), retriever).answer
    assert count is not None and "2.085 tilsynsbesøg" in count.text and not count.is_outcome


def test_a_short_amount_question_gets_the_amount(retriever: Retriever) -> None:
    # The issue's own example: "steg" (past of "stige") meets "stige" in the answer's sentence.
    answer = respond(retriever.search("Hvor meget steg døgntaksten?"), retriever).answer
    assert answer is not None and not answer.is_outcome
    # The quote opens with the sentences that state the rise, not with the table beside them.
    assert "206 kr" in answer.text.split(" … ")[0] and answer.text.startswith("Med ansættelse af en pædagog")


def test_a_yes_no_question_is_answered_by_the_decision_that_restates_it(retriever: Retriever) -> None:
    # "DAS godkendte takststigningen" holds only the question's own words, yet it is the answer.
    answer = respond(retriever.search("Godkendte DAS takststigningen for krisecentret i Aalborg?"), retriever).answer
    assert answer is not None and answer.is_outcome and answer.text == "DAS godkendte takststigningen"


def test_an_english_question_is_answered_by_the_sentence_its_translations_match(retriever: Retriever) -> None:
    # The Beslutning beside it is what the meeting decided, not who chairs the working group.
    question = "Who chairs the economic working group that took part in the discussion of the 2016 steering agreement?"
    answer = respond(retriever.search(question), retriever).answer
    assert answer is not None and answer.text.startswith("Formand for den økonomiske arbejdsgruppe")


def test_what_a_committee_named_by_its_acronym_said_is_in_its_referat(retriever: Retriever) -> None:
    # »DAS« is the Den Administrative Styregruppe whose minutes these are: its input is what it
    # said (the Referat), not the background of what KL asked for.
    question = "Hvilke input gav DAS til KL's dialog med regeringen om evaluering af handicapområdet?"
    answer = respond(retriever.search(question), retriever).answer
    assert answer is not None and answer.text.startswith("DAS bemærkede følgende til oplægget: - ")
    assert not answer.is_outcome  # what DAS remarked, not what it decided: not labelled »Besluttet«
    # Named as the meeting (»DAS-mødet«), it is when, not who: the header's Afbud line answers.
    absent = respond(retriever.search("Hvem havde meldt afbud til DAS-mødet?"), retriever).answer
    assert absent is not None and absent.text.startswith("Afbud")


def test_a_why_question_gets_the_sentence_that_gives_the_cause(retriever: Retriever) -> None:
    answer = respond(retriever.search("Hvorfor havde sekretariatet et merforbrug i 2012?"), retriever).answer
    assert answer is not None and "skyldes evalueringen af sekretariat for rammeaftaler" in answer.text


def test_a_header_field_named_by_the_question_is_the_answer(retriever: Retriever) -> None:
    # The search ranks the items that mention the committee first; the header's "Afbud" line,
    # named by the question, is still the answer, quoted alone (not run on into the agenda).
    question = "Hvem meldte afbud til mødet i Den Administrative Styregruppe i maj 2020?"
    answer = respond(retriever.search(question), retriever).answer
    assert answer is not None and answer.passage.item_number == 0
    assert answer.text.startswith("Afbud") and "Anne Krøjer" in answer.text and "Tue Von Pålman" in answer.text
    assert "Velkomst" not in answer.text and "Deltagere" not in answer.text


def test_when_or_where_the_dated_meeting_was_held_comes_from_its_header(retriever: Retriever) -> None:
    # Not from the item »Næste møde«, which dates another meeting...
    held = respond(retriever.search("Hvor blev mødet den 25. maj 2020 holdt?"), retriever).answer
    # The place line alone, as written (the date picks the meeting; every header line repeats it).
    assert held is not None and held.passage.item_number == 0 and held.text == "Sted Skype - Link i kalenderbooking"
    # Who attended a dated meeting: its header's attendee list, not an item that mentions DAS meetings.
    came = respond(retriever.search("Hvem var til stede på DAS-mødet den 25. maj 2020?"), retriever).answer
    assert came is not None and came.passage.item_number == 0 and came.text.startswith("Deltagere")
    # A keyword query for the place of a dated meeting: its header's place line.
    place = respond(retriever.search("mødested 16. august 2012"), retriever).answer
    assert place is not None and place.passage.item_number == 0 and place.text == "Sted Læsø"
    # How it was held: its header too, though the items speak of »DAS møder« and of letters sent »til« a body.
    how = respond(retriever.search("Hvordan blev DAS-mødet den 25. maj 2020 afholdt?"), retriever).answer
    assert how is not None and how.passage.item_number == 0 and how.text == "Sted Skype - Link i kalenderbooking"
    # ... which is the answer when the question asks for the next one.
    after = respond(retriever.search("Hvornår er næste DAS-møde efter maj 2020?"), retriever).answer
    assert after is not None and "17. august 2020" in after.text


def test_where_a_body_met_undated_comes_from_the_header_of_its_meeting(retriever: Retriever) -> None:
    # No date: the verb says a body met, so the best item's meeting header answers (seed 002),
    # not the item about Syddanmark that shares the question's words.
    met = respond(retriever.search("Hvor mødtes Socialdirektørforum i Syddanmark?"), retriever).answer
    assert met is not None and met.passage.item_number == 0 and "Mosegårdsvej 2, 7000 Fredericia" in met.text
    assert asks_when_or_where_held(analyze("Hvilket lokale var kredsen samlet i?"))
    # Where something else is held, or the next meeting, is no question about a header.
    assert not asks_when_or_where_held(analyze("Hvor skal døgnseminaret holdes?"))
    assert not asks_when_or_where_held(analyze("Hvor mødes kredsen næste gang?"))


def test_a_verb_and_its_particle_meet_the_compound_the_minutes_write(retriever: Retriever) -> None:
    # »sparet op« - »de opsparede midler« (seed 002 item 5), not the item on the secretariat's
    # financing that shares »sekretariatet« and »penge«.
    hits = respond(
        retriever.search("Hvad bruges de penge, som sekretariatet har sparet op, til?"), retriever
    ).result.hits
    assert hits[0].passage.source.startswith("002") and hits[0].passage.item_number == 5


@pytest.mark.parametrize("nonsense", ["Hvad er vejret i morgen?", "opskrift på æblekage", "who won the world cup"])
def test_no_answer_when_the_minutes_do_not_answer(retriever: Retriever, nonsense: str) -> None:
    response = respond(retriever.search(nonsense), retriever)
    assert response.answer is None and not response.relevant
    assert response.result.hits  # the closest items, shown as related
    assert response.to_json()["answer"] is None


def test_expected_kinds_from_question_words() -> None:
    kinds = {
        "Hvor meget stiger taksten?": "money",
        "Hvor mange deltog?": "count",
        "Hvornår afholdes mødet?": "time",
        "Hvem blev valgt som formand?": "person",
        "Hvor skal seminaret holdes?": "place",
        "Hvad var adressen for mødet?": "place",
        "Hvilken kommunaldirektør præsenterede processen?": "person",
        "Which municipality will present?": "person",
        "Fik klubben lokaletilskud? Blev det godkendt?": "outcome",
        # An amount named as the topic of a decision question: the decision answers.
        "Hvad blev besluttet om takststigningen?": "outcome",
        "Hvor stor en takststigning blev godkendt?": "money",
        "aftagerbestyrelser på de regionale tilbud": None,
        "Hvorfor kom sekretariatet over budgettet i 2012?": "reason",
        "Why was the meeting moved?": "reason",
        # »Hvordan skal …« asks how a matter is to be handled: what was decided for it.
        "Hvordan skal merforbruget dækkes?": "outcome",
        "Hvordan bliver pjecen sendt ud?": "outcome",
        "Hvad er fristen for ansøgninger?": "deadline",
        "Senest hvornår skal budgettet indsendes?": "deadline",
        "By when must the plan be ready?": "deadline",
        # A sum named by what it is, unless a question word asks for something else.
        "Hvad var sekretariatets samlede udgifter i 2012?": "money",
        # Who pays is who finances it: a body, not a name.
        "Hvem betaler udgifterne?": "payer",
        "Hvorfor steg udgifterne?": "reason",
        "Hvad blev besluttet om huslejen?": "outcome",
        # Norwegian: »Når« opening a question, »hvor mye«.
        "Når blir årsmøtet i 2010?": "time",
        "Hvor mye koster kontingentet?": "money",
        "Hvad sker der, når puljen er brugt?": None,
        # How a meeting was held asks for its place or medium; how a matter went, its outcome.
        "Hvordan blev DAS-mødet den 25. maj 2020 afholdt?": "place",
        "How was the meeting in May held?": "place",
        "Hvordan blev forslaget modtaget?": "outcome",
        # The cue inside a compound: »svarfristen«, »billetprisen«, »mødedatoen«, »mødeadressen«.
        "Hvad er svarfristen, hvis man vil med til mødet?": "deadline",
        "Hvad er billetprisen?": "money",
        "Hvad er mødedatoen?": "time",
        "Hvad var mødeadressen?": "place",
        "What did the enterprise decide?": "outcome",
        # A keyword query naming the meeting's place: »mødested 16. august 2012«.
        "mødested 16. august 2012": "place",
        "Hvad er mødelokalet?": "place",
        # A yes/no question about what happened asks for the outcome.
        "Blev Udviklingsstrategigruppen lukket?": "outcome",
        "Did the board close the working group?": "outcome",
        # A yes/no question about who came asks for the person (the attendee lists), not an
        # outcome; not Danish »rent« (purely).
        "Was Jan Nielsen present?": "person",
        "Hvad skete der rent praktisk med projektet?": "outcome",
        "What is the rent per square metre?": "money",
        # The result of accounts is a sum; the result of a discussion its outcome.
        "Hvad blev resultatet af sekretariatets regnskab for 2012?": "money",
        "Hvad blev resultatet af drøftelsen?": "outcome",
        # What came out of a discussion is its outcome.
        "hvad kom der ud af snakken om strategisk samarbejde": "outcome",
    }
    assert {q: analyze(q).expects for q in kinds} == kinds


def test_answer_kinds_in_sentences() -> None:
    assert has_kind("en takststigning på 206 kr. pr døgn", "money") and has_kind("kr. 1.933", "money")
    assert not has_kind("taksten stiger", "money")
    # An amount may be asked for and given in per cent.
    assert has_kind("att höja årsavgifterna med 8 procent", "money") and has_kind("faldet med 0,6 %", "money")
    # A count is not a year, also where the year ends a sentence ("i 2019.").
    assert has_kind("Analysen har resulteret i 19 anbefalinger.", "count")
    assert not has_kind("Årsrapporten beskriver kvaliteten i 2019.", "count")
    assert has_kind("Mødet holdes 28. juni kl. 10", "time") and not has_kind("Mødet holdes snart", "time")
    # Any date may answer "by when", one set as a limit surely does.
    assert has_kind("Tilmelding sker til sekretariatet inden den 21. juni.", "deadline") == 1.0
    assert has_kind("Senest 1. december fremsendes rapporterne.", "deadline") == 1.0
    assert has_kind("Rapporterne fremlægges på mødet den 17. august.", "deadline") == 0.5
    assert has_kind("Rapporterne sendes snarest.", "deadline") == 0.0
    assert has_kind("Som formand valgtes Henrik Madsen.", "person") and not has_kind("Ingen bemærkninger.", "person")
    assert has_kind("Seminaret holdes på Hotel Sixtus.", "place") == 1.0
    # Where something is held, an address or a postcode is surely a place; a capitalised word
    # after »i« may be the region or body the topic names.
    assert (
        has_kind("Mødet finder sted i Vejle.", "place") == 1.0 and has_kind("Nørregade 4, 7100 Vejle", "place") == 1.0
    )
    assert has_kind("Formålet er, at vi i Syddanmark viser det.", "place") == 0.5
    # A header's place label says where, whatever the place is called; "i det" is not a place.
    assert has_kind("Sted: Søhusskolens kantine", "place") and has_kind("Plats: Föreningslokalen", "place")
    assert not has_kind("Det blev holdt i det fri.", "place")
    # A header's place label before its value without a colon; an acronym after »til« is no place.
    assert has_kind("Sted Læsø", "place") and not has_kind("Dette videresendes til FU.", "place")
    assert has_kind("Indstillingen blev godkendt.", "outcome")
    # Minutes record decisions as assessments and support too.
    assert has_kind("DAS vurderede, at der ikke skal igangsættes yderligere tiltag.", "outcome")
    assert has_kind("SOCDIR tilsluttede sig denne model.", "outcome")
    assert has_kind("Arbejdet sættes i gang på baggrund af bred opbakning.", "outcome")
    assert not has_kind("Referat fra dagen bliver lagt på hjemmesiden.", "outcome")
    assert has_kind("Merforbruget skyldes evalueringen.", "reason") and not has_kind(
        "Regnskabet er godkendt.", "reason"
    )
    # Waiting is a decision too (»… men vil afvente yderligere afklaring«).
    assert has_kind("Udvalget vil afvente en nærmere afklaring.", "outcome")


def test_a_cue_pointing_back_states_no_cause_itself() -> None:
    assert not has_kind("På baggrund af ovenstående ønsker bestyrelsen at ansætte en pædagog.", "reason")
    assert not has_kind("Derfor udsættes mødet til efteråret.", "reason")
    assert not has_kind("På den baggrund indstilles det, at gruppen nedlægges.", "reason")
    # A cause that is named, also by a cue of its own kind.
    assert has_kind("På baggrund af flere indskrevne børn ønsker bestyrelsen at ansætte en pædagog.", "reason")
    assert has_kind("Mødet udsættes derfor, fordi der er mange punkter.", "reason")
    assert has_kind("Punktet udgår, eftersom sagen er afsluttet.", "reason")


def test_why_favours_the_sentence_naming_the_cause_over_one_pointing_back(retriever: Retriever) -> None:
    # The crisis centre's item says why twice: »Grundet en stigning i antallet af … børn …« names
    # the cause, »På baggrund af ovenstående ønsker Aalborg Kommune …« only points back to it.
    pool = item_sentences(retriever, "004", 7)
    features = cheap_features(analyze("Hvorfor vil Aalborg have en højere takst på krisecentret?"), pool)
    kind = {s.text[:25]: features["kind"][i] for i, s in enumerate(pool)}
    assert kind["Grundet en stigning i ant"] == 1.0 and kind["På baggrund af ovenståend"] == 0.0


def test_dates_times_and_references_are_not_counts() -> None:
    assert has_kind("11 deltagere, heraf de 5 fra bestyrelsen", "count")
    assert has_kind("Fremmødte 20 + 4 (24 incl.", "count")
    for not_a_count in (
        "Referat ordinær generalforsamling tirsdag den 28. marts 2023 kl. 19.00",
        "Dato: 29. januar 2020",
        "Mødet sluttede 21.30",
        "Punkt 3 blev godkendt",
        "Jf. § 12, stk. 2",
        "1. Valg af dirigent",
        "Tid: 04.12.2012",
    ):
        assert not has_kind(not_a_count, "count"), not_a_count


def test_a_common_word_opening_a_sentence_is_not_a_first_name() -> None:
    # »grundet« is written in lower case elsewhere in the minutes: »Grundet Corona« is no name.
    assert has_kind("Grundet Corona aflyses mødet.", "person") == 1.0
    assert has_kind("Grundet Corona aflyses mødet.", "person", frozenset({"grundet"})) == 0.5
    assert has_kind("Henrik Aarup-Kristensen redegjorde.", "person", frozenset({"grundet"})) == 1.0


def test_a_full_name_is_surer_than_one_capitalised_word() -> None:
    assert has_kind("Referat Jan Mindegaard", "person") == 1.0
    assert has_kind("Fremover vil referatet til Kontakten blive skrevet", "person") == 0.5
    assert has_kind("ingen bemærkninger", "person") == 0.0


def test_a_month_without_a_day_is_a_time() -> None:
    assert has_kind("Fællesmøde planlægges afholdt primo december.", "time")
    assert has_kind("Sagen behandles igen i foråret.", "time")
    assert has_kind("Vi mødes i maj", "time") and not has_kind("You may come", "time")


def test_a_sentence_that_adds_a_fact_does_not_echo() -> None:
    title = "Sekretariatets regnskab 2012"
    # A heading that restates the title echoes; a bare figure or a one-word decision adds a fact.
    flags = echoes("Hvor stort var underskuddet?", title, ["Sekretariatets regnskab for 2012", "-164.000"])
    assert list(flags) == [1.0, 0.0]
    assert list(echoes("Hvordan gik det med regnskabet?", title, ["Godkendt", "Regnskab"])) == [0.0, 1.0]


def test_every_passage_of_the_best_item_counts_as_shown() -> None:
    first, later = p("Fællesmødet blev drøftet."), p("Fællesmøde planlægges afholdt primo december.", "Referat")
    other = Passage("id3", "g.txt", "C", "C", "2020-01-01", 5, "Andet", None, "Intet nyt her.", "h", (0, 14))
    pool = [Sentence(0, first, 0, first.text, 0, True, True), Sentence(1, later, 0, later.text, 0, False, False)]
    pool.append(Sentence(2, other, 0, other.text, 1, False, False))
    features = cheap_features(analyze("Hvornår holdes fællesmødet?"), pool)
    assert list(features["shown"]) == [1.0, 1.0, 0.0] and list(features["lead"]) == [1.0, 0.0, 0.0]


def test_a_sentence_that_dates_another_meeting() -> None:
    pool = pool_of(p("Næste møde afholdes den 17. august 2020."), p("Mødet blev holdt den 25. maj 2020 på Skype."))
    assert list(other_meeting(analyze("Hvor blev mødet den 25. maj 2020 holdt?"), pool)) == [1.0, 0.0]
    # Not for the next meeting, nor for a question that is not about when or where.
    assert list(other_meeting(analyze("Hvornår er næste møde efter mødet i maj 2020?"), pool)) == [0.0, 0.0]
    assert list(other_meeting(analyze("Hvad blev besluttet på mødet i maj 2020?"), pool)) == [0.0, 0.0]
    # Asked for the next meeting, the minutes' own date is the meeting that is over.
    held = pool_of(p("Tid: 1. januar 2020, kl. 19"), p("Næste møde 12. februar 2020 kl. 20 hos Camilla."))
    assert list(other_meeting(analyze("Hvornår holder bestyrelsen næste møde?"), held)) == [1.0, 0.0]


def test_a_time_still_ahead_is_not_answered_by_a_date_before_the_minutes() -> None:
    # The minutes are of 1 January 2020: »Hvornår skal …?« asks for what was still to come.
    pool = pool_of(
        p("På mødet den 14. juni 2019 blev et fællesmøde foreslået."), p("Fællesmødet holdes 3. marts 2020.")
    )
    assert list(other_meeting(analyze("Hvornår skal fællesmødet holdes?"), pool)) == [1.0, 0.0]
    assert list(other_meeting(analyze("Hvornår blev fællesmødet foreslået?"), pool)) == [0.0, 0.0]


def test_when_a_planned_meeting_is_held_is_answered_by_its_plan(retriever: Retriever) -> None:
    # Not the sentence about the KKR meeting in June that raised the need for it.
    question = "When will the joint meeting of KKR, KDK and the social directors take place?"
    answer = respond(retriever.search(question), retriever).answer
    assert answer is not None and answer.text.startswith("Fællesmøde planlægges afholdt primo december"), answer.text


def test_a_run_on_table_of_contents_counts_as_long() -> None:
    contents = " ".join(f"{n} Lånoptagelse og huslejeforhøjelse i afdeling {n}" for n in range(340, 362))
    pool = pool_of(p("Sluttidspunkt: Kl. 19:25"), p(contents))
    long = cheap_features(analyze("Hvornår sluttede mødet?"), pool)["long"]
    assert long[0] == 0.0 and long[1] == 1.0


def test_labelled_lines_the_question_names() -> None:
    pool = pool_of(
        item_passage("h", "Sted: Rådhuset\nAfbud: Anne Krøjer, Tue Von Pålman\nDagsorden: se bilag", None, None, 0)
    )
    assert [s.text for s in pool] == ["Sted: Rådhuset", "Afbud: Anne Krøjer, Tue Von Pålman", "Dagsorden: se bilag"]
    assert list(labelled_as_asked("Hvem havde meldt afbud?", pool)) == [0.0, 1.0, 0.0]
    # A place question is asked by its kind, not its words: the place field answers it.
    assert list(labelled_as_asked("Hvor blev det holdt?", pool, "place")) == [1.0, 0.0, 0.0]
    assert (
        opening_label("Afbud Anne Krøjer (Vesthimmerland)") == "afbud" and opening_label("Dagsorden: se bilag") is None
    )


def test_a_verb_and_its_particle_overlap_the_compound_the_minutes_write() -> None:
    scores = lexical_overlap("penge sparet op", ["De opsparede penge.", "Pengene er brugt."])
    assert scores[0] == 1.0 and scores[1] < 1.0
    # The verb alone still counts.
    assert lexical_overlap("penge sparet op", ["Der blev sparet penge."])[0] == 1.0


def test_a_stem_cut_short_meets_the_longer_stems_of_its_inflections() -> None:
    # Snowball stems »proces« to proc and »processen« to proces; »kurs« (kur) stays apart from
    # »kursus« (kursus): a stem under four letters meets nothing longer.
    assert lexical_overlap("proces", ["Processen bliver at …", "Noget andet."]).tolist() == [1.0, 0.0]
    assert lexical_overlap("processen", ["Den videre proces.", "Noget andet."]).tolist() == [1.0, 0.0]
    assert lexical_overlap("kurs", ["Et kursus i Aalborg."]).tolist() == [0.0]


def test_a_compound_meets_its_two_words_written_apart() -> None:
    # »døgntaksten« is written »døgn taksten« in seed 004; parts under four letters (»til|bud«) or
    # stop words never count.
    assert lexical_overlap(
        "døgntaksten", ["Med den nuværende bemanding er døgn taksten 1933 kr.", "Noget andet."]
    ).tolist() == [1.0, 0.0]
    assert lexical_overlap("tilbud", ["til et bud"]).tolist() == [0.0]


def test_what_savings_are_used_for_is_quoted_from_the_sentence_that_says_so(retriever: Retriever) -> None:
    # »sparet op« - »de opsparede midler«: not the item's opening lines about its attachments.
    answer = respond(retriever.search("Hvad bruges de penge, som sekretariatet har sparet op, til?"), retriever).answer
    assert answer is not None and answer.text.startswith("Som konsekvens af, at sekretariatet"), answer.text


def test_lexical_overlap_weights_rare_stems() -> None:
    scores = lexical_overlap("takst for krisecentret", ["Krisecentrets takst stiger.", "Taksten er uændret.", "Intet."])
    assert scores[0] == pytest.approx(1.0) and 0 < scores[1] < scores[0] and scores[2] == 0


def p(text: str, section: str | None = "Beslutning") -> Passage:
    return Passage("id1", "f.txt", "C", "C", "2020-01-01", 3, "Valg", section, text, "h", (0, len(text)))


def test_quote_adds_what_the_best_sentence_announces() -> None:
    passage = p(
        "Som revisorer blev valgt:\n- Per Olsen\n- Britt Lago\n\nMødet sluttede kl. 21, og alle gik hjem glade."
    )
    pool = sentences_of(passage, 0, 0, True)
    assert [s.text for s in pool][:3] == ["Som revisorer blev valgt:", "- Per Olsen", "- Britt Lago"]
    found = quote(pool, [(0, 1.0), (3, -0.5)], "person")
    assert found is not None and found.text == "Som revisorer blev valgt: - Per Olsen - Britt Lago"


def test_an_announced_list_is_quoted_whole() -> None:
    passage = p(
        "Til de borgere anvender kommunerne følgende tilbud:\n- Hammer Bakker, Aalborg Kommune\n"
        "- Sødisebakke, Region Nordjylland\n- De to Gårde, Vejle Kommune\n\nDet vurderes at tilbuddene er "
        "højt specialiserede, og afklaringen er i gang. Mere følger senere i år."
    )
    pool = sentences_of(passage, 0, 0, True)
    found = quote(pool, [(0, 1.0)], None)
    assert found is not None and found.text.endswith("- De to Gårde, Vejle Kommune"), found
    # Also when the list runs past the length a quote is otherwise filled to.
    long_items = "".join(
        f"- Punkt {n}: {'en længere beskrivelse af hvad samarbejdet har givet ' * 2}\n" for n in range(4)
    )
    long_list = p("Samarbejdet har betydet:\n" + long_items + "\nDerefter noget andet.")
    found = quote(sentences_of(long_list, 0, 0, True), [(0, 1.0)], None)
    assert found is not None and found.text.count("- Punkt") == 4 and "Derefter" not in found.text
    # Three sentences of prose are still the most a quote holds.
    prose = p("Første sætning her. Anden sætning her. Tredje sætning her. Fjerde sætning her.")
    found = quote(sentences_of(prose, 0, 0, True), [(0, 1.0)], None)
    assert found is not None and found.text == "Første sætning her. Anden sætning her. Tredje sætning her."


def test_length_does_not_carry_a_quote_into_a_table() -> None:
    table = p(
        "Taksten vil blive øget med 206 kr. pr døgn.\n\nTabel 2. Krisecentre i regionen\n\n"
        "Pladser\tDøgntakst\nHjørring Krisecenter\t4\t2.719*\nHobro Krisecenter\t4\t1.943\n"
    )
    found = quote(sentences_of(table, 0, 0, True), [(0, 1.0)], "money")
    assert found is not None and found.text == "Taksten vil blive øget med 206 kr. pr døgn."
    # A heading over prose is still quoted with the sentence after it.
    prose = p("Målgruppen er gravide kvinder.\n\nAntal borgere\n\nKommunerne indmelder 0 kvinder i målgruppen.")
    found = quote(sentences_of(prose, 0, 0, True), [(0, 1.0)], None)
    assert found is not None and found.text.endswith("Kommunerne indmelder 0 kvinder i målgruppen.")


def test_a_sentence_that_nearly_ties_is_quoted_too() -> None:
    # The model cannot tell which of two sentences of the item answers: both are quoted, apart.
    passage = p(
        "Fællesmødet blev drøftet. "
        + "Ordet var frit og der blev talt længe om mange ting. " * 6
        + "Fællesmøde planlægges afholdt primo december."
    )
    pool = sentences_of(passage, 0, 0, True)
    last = len(pool) - 1
    found = quote(pool, [(0, 1.0), (last, 0.5)], "time")
    assert found is not None and found.text.endswith(" … Fællesmøde planlægges afholdt primo december.")
    assert found.text.startswith("Fællesmødet blev drøftet.") and found.passage == passage
    # The quote opens with the best sentence, where it is cited, also when the other comes first.
    found = quote(pool, [(last, 1.0), (0, 0.5)], "time")
    assert found is not None and found.text.startswith("Fællesmøde planlægges afholdt primo december. … Fælles")
    # One that scores well below is not.
    found = quote(pool, [(0, 1.0), (last, -0.5)], "time")
    assert found is not None and "primo december" not in found.text


def test_quote_stays_in_its_section() -> None:
    first = p("Godkendt. " + "Ordet var frit og der blev talt længe om mange ting. " * 3, "Beslutning")
    other = Passage("id2", "f.txt", "C", "C", "2020-01-01", 3, "Valg", "Bilag", "Bilag 1.", "h", (300, 308))
    pool = [*sentences_of(first, 0, 0, True)[:1], Sentence(1, other, 0, "Bilag 1.", 0, False, False)]
    found = quote(pool, [(0, 1.0), (1, 0.99)], "outcome")
    assert found is not None and found.text == "Godkendt." and found.is_outcome is False  # no role: not read as outcome


def item_passage(pid: str, text: str, section: str | None, role: str | None, number: int = 3) -> Passage:
    return Passage(pid, "f.txt", "C", "C", "2020-01-01", number, "T", section, text, "h", (0, len(text)), role=role)


def pool_of(*passages: Passage) -> list[Sentence]:
    return [s for row, passage in enumerate(passages) for s in sentences_of(passage, row, 0, True)]


def test_headings_do_not_count_towards_the_three_sentences() -> None:
    # The best "sentence" is the item's heading; the figure is the third sentence after it.
    passage = item_passage(
        "a",
        "Ændring af takst på Svenstrupgård\n\nAalborg Kommune ønsker at ombygge forsorgshjemmet, hvilket kræver "
        "en stigning i taksterne. Ombygningen begynder i foråret. Taksten vil blive hævet med 50 kr. pr. døgn.",
        None,
        None,
    )
    pool = pool_of(passage)
    assert pool[0].text == "Ændring af takst på Svenstrupgård" and len(pool) == 4
    found = quote(pool, [(0, 2.0)], "money")
    assert found is not None and found.text.endswith("Taksten vil blive hævet med 50 kr. pr. døgn.")
    # The line announcing the heading is quoted too, as context that takes no sentence's place.
    announced = item_passage(
        "b", "FU har siden sidste møde truffet beslutning om følgende:\n\n" + passage.text, None, None
    )
    pool = pool_of(announced)
    found = quote(pool, [(1, 2.0)], "money")
    assert found is not None and found.text.startswith("FU har siden sidste møde truffet beslutning om følgende:")
    assert found.text.endswith("Taksten vil blive hævet med 50 kr. pr. døgn.")


def test_quote_does_not_end_on_a_line_that_announces_more() -> None:
    passage = item_passage(
        "a",
        "På valg er Bo Jacobsen og Karl-Aage Nielsen. Der har ikke været kontakt med dem, så derfor er de ikke "
        "på valg. I stedet for er disse valgt:\nOle Larsen (Pomosavej 35) Tom Søby (Pomosavej 26)",
        None,
        None,
    )
    pool = pool_of(passage)
    assert pool[2].text == "I stedet for er disse valgt:"
    found = quote(pool, [(0, 2.0)], "person")
    assert found is not None and found.text.endswith(
        "I stedet for er disse valgt: Ole Larsen (Pomosavej 35) Tom Søby (Pomosavej 26)"
    )


def test_a_sentence_broken_at_a_section_boundary_is_quoted_whole() -> None:
    # The splitter took "vedtaget." for an outcome section of its own, and "incl." for a sentence end.
    before = item_passage(
        "a", "Afstemning blandt de fremmødte. Kontingent incl. Snerydning (uden saltning) er", None, "background"
    )
    after = item_passage("b", "vedtaget.", None, "outcome")
    pool = pool_of(before, after)
    found = quote(pool, [(len(pool) - 1, 1.0)], "outcome")
    assert found is not None and found.text == "Kontingent incl. Snerydning (uden saltning) er vedtaget."
    assert found.passage.id == "b"  # cited where the best sentence is
    # A capitalised sentence after a full stop is not a fragment: quoted alone.
    whole = item_passage("c", "Kontingentet er uændret.", None, "background")
    pool = pool_of(whole, item_passage("d", "Vedtaget.", None, "outcome"))
    found = quote(pool, [(1, 1.0)], "outcome")
    assert found is not None and found.text == "Vedtaget."


def test_the_raw_header_is_quoted_instead_of_the_composed_summary() -> None:
    info = item_passage(
        "i",
        "Møde: Udvalget for Ældre og Sundhed\nTid: 4. juni 2020, kl. 09:00-11:00\nSted: Kanalstræde 2, mødelokale 0.21",
        None,
        "info",
        0,
    )
    raw = item_passage(
        "r",
        # The room line comes first and shares the place and a figure; a room "0.21" is not a time.
        "UDVALG\n\nUdvalget for Ældre og Sundhed\n\nSTED\n\nKanalstræde 2, mødelokale 0.21\n\n"
        "STARTTIDSPUNKT\n\n04-06-2020 09:00:00\n\n"
        "SLUTTIDSPUNKT\n\n04-06-2020 11:00:00\n\nPUNKTER",
        None,
        None,
        0,
    )
    pool = pool_of(info, raw)
    assert "04-06-2020 09:00:00" in [s.text for s in pool]  # a line of figures alone is a candidate
    timed = next(i for i, s in enumerate(pool) if s.passage.id == "i" and "09:00" in s.text)
    found = quote(pool, [(timed, 1.0)], "time")
    assert found is not None and found.passage.id == "r"
    # The figures with their label, and what follows.
    assert found.text.startswith("STARTTIDSPUNKT 04-06-2020 09:00:00") and "04-06-2020 11:00:00" in found.text
    # Without raw front matter stating the same, the summary stays.
    found = quote(pool_of(info), [(timed, 1.0)], "time")
    assert found is not None and found.passage.id == "i"


def test_the_decision_supersedes_the_proposal() -> None:
    proposal = item_passage(
        "p", "Det indstilles, at klubben får et lokaletilskud på 20.000 kr.", "Indstilling", "proposal"
    )
    decision = item_passage("d", "Lokaletilskuddet forhøjes til 25.000 kr.", "Beslutning", "outcome")
    found = quote(pool_of(proposal, decision), [(0, 1.0)], "money")
    assert found is not None and found.text == "Lokaletilskuddet forhøjes til 25.000 kr." and found.passage.id == "d"
    # An outcome that does not speak of the same thing leaves the proposal quoted.
    bare = item_passage("d", "Godkendt.", "Beslutning", "outcome")
    found = quote(pool_of(proposal, bare), [(0, 1.0)], "money")
    assert found is not None and found.passage.id == "p"


def test_a_line_is_quoted_with_the_label_that_announces_it() -> None:
    raw = item_passage(
        "r",
        "Formanden havde indkaldt til bestyrelsesmøde mandag den 23/5 2016 kl 20.\n\n"
        "Tilstede var: Karin, Ditte, Lis og Jens.",
        None,
        None,
        0,
    )
    # A label and its value on one line are one fact.
    assert [s.text for s in pool_of(raw)][1:] == ["Tilstede var: Karin, Ditte, Lis og Jens."]
    # On two lines, the value is quoted with the label above it.
    raw = item_passage("r", raw.text.replace("var: ", "var:\n"), None, None, 0)
    pool = pool_of(raw)
    assert [s.text for s in pool][1:] == ["Tilstede var:", "Karin, Ditte, Lis og Jens."]
    found = quote(pool, [(2, 1.0)], "person")
    assert found is not None and found.text == "Tilstede var: Karin, Ditte, Lis og Jens."


def facts_of(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in field_units(text)]


def test_labelled_lines_of_a_field_block_are_facts_of_their_own() -> None:
    info = "Møde: Byrådet\nTid: 29. januar 2020, kl. 19:00\nSted: Byrådssalen, Brønderslev Rådhus"
    assert facts_of(info) == [
        "Møde: Byrådet",
        "Tid: 29. januar 2020, kl. 19:00",
        "Sted: Byrådssalen, Brønderslev Rådhus",
    ]
    # A header flattened onto one line: each field the header step knows is cut out on its own.
    flat = "REFERAT Byrådet Mødested: Byrådssalen Starttidspunkt: Kl. 17:00 Sluttidspunkt: Kl. 19:25 Afbud: Fraværende:"
    assert facts_of(flat) == [
        "REFERAT Byrådet",
        "Mødested: Byrådssalen",
        "Starttidspunkt: Kl. 17:00",
        "Sluttidspunkt: Kl. 19:25",
        "Afbud:",
        "Fraværende:",
    ]
    # A header table's rows (label, tab, value) are facts of their own too.
    table = "Tid\t25. maj 2020, kl. 9.00-12.00\nSted\tSkype\nDeltagere\tDorte Juul Hansen"
    assert facts_of(table) == [
        "Tid\t25. maj 2020, kl. 9.00-12.00",
        "Sted\tSkype",
        "Deltagere\tDorte Juul Hansen",
    ]
    # A header's rows copied out of a PDF (label, a space, the value) in a meeting's front
    # matter: each a fact of its own there (the PDF rendering of seed 001), not inside an item.
    pdf = (
        "Møde Socialdirektørkredsen\nTid 16. august 2012, kl. 10.00\nSted Læsø\nDeltagere Jan Nielsen,\nBenjamin\nHolst"
    )
    assert [pdf[a:b].strip() for a, b in field_units(pdf, front_matter=True)] == [
        "Møde Socialdirektørkredsen",
        "Tid 16. august 2012, kl. 10.00",
        "Sted Læsø",
        "Deltagere Jan Nielsen,\nBenjamin\nHolst",
    ]
    assert len(facts_of(pdf)) == 1
    # In running text a colon still ends what announces a list.
    text = "Som revisorer blev valgt:\n- Per Olsen\n- Britt Lago"
    assert facts_of(text) == [
        "Som revisorer blev valgt:",
        "- Per Olsen",
        "- Britt Lago",
    ]
    # A number alone on its line opens a footnote or a list entry: what came before has ended.
    notes = "6\n Merforbruget skyldes merudgift vedr. takst-\nanalyseprogram \n7\n Beløbene er beregnet"
    assert [" ".join(notes[a:b].split()) for a, b in field_units(notes)] == [
        "6 Merforbruget skyldes merudgift vedr. takst- analyseprogram",
        "7 Beløbene er beregnet",
    ]


def test_a_sentence_cut_after_initials_is_quoted_from_its_start() -> None:
    # "Den A.P." looked like a sentence end to the splitter; the quote starts where the sentence does.
    passage = item_passage(
        "a",
        "Aalborg Kommune ønsker sammen med Den A.P. Møllerske Støttefond at ombygge forsorgshjemmet. "
        "Taksten vil blive hævet med 50 kr. pr. døgn.",
        None,
        None,
    )
    pool = pool_of(passage)
    cut = next(i for i, s in enumerate(pool) if s.text.startswith("Møllerske"))
    found = quote(pool, [(cut, 1.0)], "money")
    assert found is not None and found.text.startswith("Aalborg Kommune ønsker sammen med Den A.P. Møllerske")


def test_the_tuner_has_a_grid_for_every_weight() -> None:
    from dataclasses import fields

    from retrieval import extract, tune_extract

    assert {f.name for f in fields(extract.Weights)} == set(tune_extract.GRID)
    assert all(getattr(extract.WEIGHTS, name) in values for name, values in tune_extract.GRID.items())


def test_a_field_read_from_an_item_is_quoted_from_that_item() -> None:
    # An English parish council: the apologies are item 2, so the composed summary's »Afbud«
    # line is quoted from it, not from the list of those present, which shares only »Cllr«.
    info = item_passage("i", "Deltagere: Cllr Mrs Prior, Mrs Bolton\nAfbud: Cllr Cannon", None, "info", 0)
    raw = item_passage("r", "Present: Chairman: Cllr Mrs Prior Councillors: Mrs Bolton", None, None, 0)
    item = item_passage("a", "2. Apologies for Absence – Cllr Cannon", None, None, 2)
    pool = pool_of(info, raw, item)
    absent = next(i for i, s in enumerate(pool) if s.text.startswith("Afbud"))
    found = quote(pool, [(absent, 1.0)], "person")
    assert found is not None and found.passage.id == "a" and "Cllr Cannon" in found.text


def test_who_pays_is_answered_by_who_finances_it_in_a_sentence_that_points_back(retriever: Retriever) -> None:
    assert analyze("Hvem skal betale for værnemidler?").expects == "payer"
    assert analyze("Who pays for the extra cleaning?").expects == "payer"
    assert has_kind("men bør finansieres særskilt af den enkelte kommune", "payer")
    # Seed 004 item 10: the topic is named in one sentence, who pays in the next (»… til dette …«).
    answer = respond(
        retriever.search("Hvem skal betale for mundbind og ekstra rengøring under coronaen?"), retriever
    ).answer
    assert answer is not None and "finansieres særskilt af den enkelte kommune" in answer.text


def test_an_item_stating_no_value_of_the_kind_asked_does_not_stand_before_one_that_does(
    retriever: Retriever,
) -> None:
    # Seed 001's item on the LOS meeting (it was put off, no date) is found first; seed 000's states
    # the deadline. Asked »by when«, the dated item counts as the first.
    question = "Hvornår skal tilbagemeldingerne om mødet med LOS senest sendes til sekretariatet?"
    response = respond(retriever.search(question), retriever)
    assert response.answer is not None
    assert "sendes til sekretariatet inden den 21. juni" in response.answer.text


def test_a_deadline_asked_is_quoted_from_the_item_that_states_it(retriever: Retriever) -> None:
    # Seed 001's item on the LOS meeting is found first and names dates, none of them a deadline;
    # seed 000's states it in its Referat, a passage the search did not list.
    answer = respond(retriever.search("Hvad var fristen for at melde tilbage om mødet med LOS?"), retriever).answer
    assert answer is not None and "inden den 21. juni" in answer.text


def test_a_sentence_opening_with_a_demonstrative_is_about_the_one_before() -> None:
    item = Passage("a", "f.txt", "C", "C", "2012-05-24", 3, "Møde med LOS", "Referat",
                   "Direktørerne vender tilbage om de ønsker at deltage i mødet. Disse tilbagemeldinger sendes "
                   "til sekretariatet inden den 21. juni. FU drøftede mødet den 25. april.", "h", (0, 1))  # fmt: skip
    pool = sentences_of(item, 0, 0, True)
    plan = analyze("Hvornår skulle direktørerne melde tilbage om deltagelse i mødet?")
    lexical = cheap_features(plan, pool)["lexical"]
    assert [s.text.split()[0] for s in pool] == ["Direktørerne", "Disse", "FU"]
    assert lexical[1] == pytest.approx(lexical[0] / 2) and lexical[1] > lexical[2]


@pytest.mark.parametrize(
    "question",
    [
        "Hvor meget hæves døgntaksten på Aalborg Krisecenter?",
        "Hvor meget går taksten på Aalborg Krisecenter op?",
        "How much will the daily rate at Aalborg Krisecenter go up?",
    ],
)
def test_a_change_asked_is_answered_by_the_change_not_the_table_of_levels(retriever: Retriever, question: str) -> None:
    # Seed 004 item 7: a table of the crisis centres' rates (»Aalborg Krisecenter 7 1.933«) and,
    # in another passage, the rise asked for (»… en takststigning på 206 kr. …«).
    answer = respond(retriever.search(question), retriever).answer
    assert answer is not None and "206 kr" in answer.text


def test_who_pays_asked_up_front_is_answered_by_who_finances_it(retriever: Retriever) -> None:
    # Seed 004 item 10: the sentence that names the topic (Corona) loses to the one saying who pays.
    question = "hvem skal betale for håndsprit og mundbind på bostederne under corona?"
    answer = respond(retriever.search(question), retriever).answer
    assert answer is not None and answer.text.startswith("FU vurderer, at udgiften til dette")


def test_a_yes_or_no_question_opening_with_its_verb_is_answered_by_the_decision(retriever: Retriever) -> None:
    # The item's background tells what the secretariat looked into; the minutes say DAS waits.
    question = "Starter de et projektsamarbejde med LSI med det samme, eller venter de?"
    answer = respond(retriever.search(question), retriever).answer
    assert answer is not None and "afvente yderligere afklaring" in answer.text, answer.text


def test_what_a_body_thought_is_answered_from_its_minutes(retriever: Retriever) -> None:
    # The background gives the secretariat's proposal; the minutes what the steering group thought.
    answer = respond(retriever.search("Hvad mener styregruppen om navnet på satsningsområde 3?"), retriever).answer
    assert answer is not None and "Kvalitetsindsatser for færre ressourcer" in answer.text, answer.text


def test_where_a_seminar_is_held_is_answered_by_the_sentence_that_holds_it_there(retriever: Retriever) -> None:
    # Not the sentence of its purpose that names the region (»… i Syddanmark …«).
    question = "Where will the overnight seminar on shared goals in Southern Denmark take place?"
    answer = respond(retriever.search(question), retriever).answer
    assert answer is not None and answer.text.startswith("Døgnseminaret afholdes på Hotel Sixtus"), answer.text


def test_the_chair_of_another_group_is_not_read_from_the_attendee_list(retriever: Retriever) -> None:
    # The header notes DAS's chair beside a name; the working group's chair is named in an item.
    answer = respond(retriever.search("Hvem er formanden for den økonomiske arbejdsgruppe"), retriever).answer
    assert answer is not None and "Torben Krone" in answer.text, answer.text
    # The committee named by a word of its name (not only its acronym) is the header's own.
    for question in ("Hvem er formand for Den Administrative Styregruppe?", "who chairs the steering group?"):
        own = respond(retriever.search(question), retriever).answer
        assert own is not None and "Henrik Aarup-Kristensen (formand" in own.text, (question, own.text)


def test_a_header_field_named_by_its_label_is_read_for_a_dated_meeting(retriever: Retriever) -> None:
    # No question word, so no kind of answer; the label names the field (not an item's »møde«).
    answer = respond(retriever.search("Afbud til mødet i socialdirektørkredsen i maj 2012"), retriever).answer
    assert answer is not None and "Jan Nielsen, Flemming Hansen" in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    ["Hvor mødtes Socialdirektørforum i Syddanmark?", "Hvor blev Socialdirektørforum holdt den 20. maj 2015?"],
)
def test_a_field_whose_label_stands_on_its_own_line_is_quoted_as_that_field(
    retriever: Retriever, question: str
) -> None:
    # The web export writes »STED« on one line and its value on the next; the start and end
    # times and the agenda after them are other fields, not the place.
    answer = respond(retriever.search(question), retriever).answer
    assert answer is not None and answer.text == "STED HR Fredericia: Mosegårdsvej 2, 7000 Fredericia", answer.text


@pytest.mark.parametrize(
    ("question", "date"),
    [
        ("Hvornår er næste møde i DAS?", "17. august 2020"),
        ("When is the next meeting of the steering group?", "17. august 2020"),
        ("Hvornår er næste møde i Socialdirektørforum?", "20. august 2015"),
    ],
)
def test_the_next_meeting_of_the_committee_named(retriever: Retriever, question: str, date: str) -> None:
    # Both minutes end with »Næste møde afholdes den …«: the committee named picks its own.
    answer = respond(retriever.search(question), retriever).answer
    assert answer is not None and f"Næste møde afholdes den {date}" in answer.text, answer.text


def test_an_item_level_with_the_lead_is_not_ranked_below_it(retriever: Retriever) -> None:
    from dataclasses import replace

    first = item_sentences(retriever, "004", 7)
    second = [replace(s, item_rank=1) for s in item_sentences(retriever, "004", 10)]
    plan = analyze("Hvad blev besluttet om takststigningen?")
    ranked_below = cheap_features(plan, first + second)["item_rank"]
    assert ranked_below[len(first) :].min() == 1.0
    level = frozenset({(second[0].passage.source, 10)})
    assert cheap_features(plan, first + second, level=level)["item_rank"].max() == 0.0
