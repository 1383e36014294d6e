"""People named in questions, and the items where they spoke: on the real index with the real model."""

from __future__ import annotations

import pytest

from indexer.settings import Settings
from retrieval.answer import respond
from retrieval.names import question_people
from retrieval.search import Retriever

PEOPLE = frozenset({"leif", "serup", "jan", "nielsen", "hosbond"})


def test_the_people_a_question_names_are_those_the_minutes_list() -> None:
    # The genitive too; not a committee's name, a capitalised topic, nor a word after a preposition.
    assert question_people("Blev Leifs ønske om at stryke passussen imødekommet?", PEOPLE) == {"leif"}
    assert question_people("Hvad sagde Jan Nielsen om taksterne?", PEOPLE) == {"jan", "nielsen"}
    assert not question_people("Hvornår skulle Socialdirektørforum mødes igen?", PEOPLE)
    assert not question_people("Hvad blev sagt om Leif?", PEOPLE)


@pytest.fixture(scope="module")
def retriever(real_index: Settings) -> Retriever:
    return Retriever.open(real_index)


def test_the_item_where_the_person_named_spoke_comes_first(retriever: Retriever) -> None:
    # Seed 000 item 6 minutes Leif's request to strike the passage on the paying municipality's
    # bill; seed 001 item 2 is the same passage at the next meeting, without Leif.
    response = respond(
        retriever.search("Blev Leifs ønske om at få sætningen om regningen fjernet imødekommet?"), retriever
    )
    assert response.answer is not None
    assert (response.answer.passage.source[:3], response.answer.passage.item_number) == ("000", 6)


def test_an_organisation_named_in_every_header_favours_no_item(retriever: Retriever) -> None:
    # The front matter names everyone present: it says nothing of where they spoke.
    result = retriever.search("Hvornår mødes Socialdirektørforum næste gang efter maj 2015?")
    assert (result.hits[0].passage.source[:3], result.hits[0].passage.item_number) == ("002", 12)
