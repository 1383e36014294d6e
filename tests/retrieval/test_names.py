"""People named in questions, and the items where they spoke: on the real index with the real model."""

from __future__ import annotations

import pytest

from indexer.settings import Settings
from retrieval.answer import respond
from retrieval.names import favour_named, item_words, question_people
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


def test_the_item_where_the_person_named_spoke_is_favoured(retriever: Retriever) -> None:
    # Seed 000 item 6 minutes Leif's request to strike the passage on the paying municipality's
    # bill; seed 001 item 2 is the same passage at the next meeting, without Leif. Both answer
    # (the request was granted, and the passage taken out); Leif's item gains by his name.
    question = "Blev Leifs ønske om at få sætningen om regningen fjernet imødekommet?"
    result = retriever.search(question)
    passages, _, _ = retriever.snapshot()
    rows = {h.passage.id: row for row, p in enumerate(passages) for h in result.hits if p.id == h.passage.id}
    fused = {rows[h.passage.id]: 1.0 for h in result.hits}
    favoured = favour_named(
        fused,
        question_people(question, PEOPLE),
        lambda r: (passages[r].source, passages[r].item_number),
        lambda key: item_words(
            passages[r].text for r in rows.values() if (passages[r].source, passages[r].item_number) == key
        ),
    )
    boosted = {(passages[r].source[:3], passages[r].item_number) for r, v in favoured.items() if v > 1.0}
    assert ("000", 6) in boosted and ("001", 2) not in boosted
    response = respond(result, retriever)
    assert response.answer is not None
    key = (response.answer.passage.source[:3], response.answer.passage.item_number)
    assert key in {("000", 6), ("001", 2)}
    assert "tiltrådt" in response.answer.text or "passus taget ud" in response.answer.text


def test_an_organisation_named_in_every_header_favours_no_item(retriever: Retriever) -> None:
    # The front matter names everyone present: it says nothing of where they spoke.
    result = retriever.search("Hvornår mødes Socialdirektørforum næste gang efter maj 2015?")
    assert (result.hits[0].passage.source[:3], result.hits[0].passage.item_number) == ("002", 12)
