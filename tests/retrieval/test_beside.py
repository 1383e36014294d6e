"""What stands beside the best sentence in a quote, and how candidate units are cut, on the seed
minutes' real text."""

from __future__ import annotations

import pytest

from indexer.settings import Settings
from retrieval.answer import respond
from retrieval.fields import asked_terms
from retrieval.kinds import has_kind
from retrieval.names import attendee_words, lower_case_words
from retrieval.offices import committee_acting
from retrieval.query import analyze
from retrieval.quoting import quote
from retrieval.search import Retriever
from retrieval.units import field_units
from tests.retrieval.pools import item_sentences


@pytest.fixture(scope="module")
def retriever(real_index: Settings) -> Retriever:
    return Retriever.open(real_index)


def test_a_bare_decision_is_quoted_with_what_was_decided(retriever: Retriever) -> None:
    # Seed 001, item 2: its text tells what was changed in the Styringsaftale, its decision is
    # »Godkendt« alone. Ranked first, the bare word would answer nothing a reader asked.
    pool = item_sentences(retriever, "001_", 2)
    bare = next(i for i, s in enumerate(pool) if s.text == "Godkendt")
    said = next(i for i, s in enumerate(pool) if "præcisering" in s.text)
    others = [i for i in range(len(pool)) if i not in (bare, said)]
    ranked = [(bare, 2.0), (said, 0.5)] + [(i, 0.1) for i in others]
    found = quote(pool, ranked, "outcome", "Blev passussen om regningen fjernet?")
    assert found is not None
    assert found.text.startswith("Godkendt … ")
    assert "Styringsaftalen godkendes med den præcisering" in found.text
    assert "passus taget ud" in found.text  # the sentences after it in its passage, while they fit
    assert found.passage.is_outcome  # still cited at the decision


def test_a_decision_that_says_what_it_decided_stands_alone(retriever: Retriever) -> None:
    pool = item_sentences(retriever, "004_", 7)
    best = next(i for i, s in enumerate(pool) if s.text.startswith("DAS godkendte takststigningen"))
    ranked = [(best, 2.0)] + [(i, 0.1) for i in range(len(pool)) if i != best]
    found = quote(pool, ranked, "outcome", "Blev takststigningen godkendt?")
    assert found is not None and " … " not in found.text


def test_a_dated_list_line_is_one_unit() -> None:
    text = "- Primo juni: de sidste data er indhentet\n- 17. August: Rapporterne forelægges DAS\n- 14. september: KKR"
    units = [text[a:b].strip() for a, b in field_units(text)]
    assert "- 17. August: Rapporterne forelægges DAS" in units
    assert "- 14. september: KKR" in units


def test_a_committee_after_a_passive_verb_is_not_the_one_acting(retriever: Retriever) -> None:
    pool = item_sentences(retriever, "004_", 9)
    assert not any(committee_acting(analyze("Hvornår forelægges DAS rapporterne?"), pool))
    assert all(committee_acting(analyze("Hvad besluttede DAS om rapporterne?"), pool))


def test_a_name_written_inside_a_sentence_is_no_common_word() -> None:
    words = lower_case_words(["Formanden for FU, Jan Nielsen indleder.", "Møde 15. jan. 2013.", "Grundet corona"])
    assert "jan" not in words  # a name, though »jan.« is written small
    assert "corona" in words and "indleder" in words


def test_a_name_the_attendee_list_holds_is_a_person_wherever_it_stands(retriever: Retriever) -> None:
    people = attendee_words(item_sentences(retriever, "004_", 0))
    assert {"henrik", "aarup", "leif", "serup"} <= people
    assert not {"kommune", "hjørring", "skype", "formand"} & people  # organisations, places, offices
    # Seed 000: »Jan var ordstyrer …« opens with a first name only; listed as an attendee, it is one.
    assert has_kind("Jan var ordstyrer ved møde.", "person") == 0.0
    assert has_kind("Jan var ordstyrer ved møde.", "person", people=frozenset({"jan"})) == 1.0
    response = respond(retriever.search("Hvem var ordstyrer, da KKR holdt politisk dialogmøde?"), retriever)
    assert response.answer is not None and "Jan var ordstyrer" in response.answer.text


def test_who_sent_word_they_could_not_come_asks_for_the_absent(retriever: Retriever) -> None:
    assert "field:absent" in asked_terms("Hvem havde meldt fra til mødet?")
    response = respond(retriever.search("Hvem meldte fra til socialdirektørkredsens møde i marts 2013?"), retriever)
    assert response.answer is not None and response.answer.text.startswith("Afbud")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("det tager ca. 8 måneder at forberede", 1.0), ("i to uger", 1.0), ("3-4 years", 1.0), ("den 8. marts 2015", 0.0)],
)
def test_a_span_of_time_is_a_duration_and_a_date_is_not(text: str, expected: float) -> None:
    assert has_kind(text, "duration") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I høringsperioden er der indkommet to høringssvar.", 1.0),
        ("Socialstyrelsen har udsendt tre centrale udmeldinger.", 1.0),
        ("The council has three members.", 1.0),
        ("He went to the meeting.", 0.0),  # English »to« is no two
    ],
)
def test_a_count_written_as_a_word(text: str, expected: float) -> None:
    assert has_kind(text, "count") == expected
