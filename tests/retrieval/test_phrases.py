"""A run of the question's words written in a passage in the question's order."""

from __future__ import annotations

import pytest

from indexer.bm25 import DanishAnalyzer
from indexer.settings import Settings
from retrieval.answer import respond
from retrieval.phrases import PHRASE_BONUS, question_phrases, with_phrase_bonus
from retrieval.search import Retriever


def test_a_passage_writing_three_of_the_questions_stems_in_a_row() -> None:
    stems = DanishAnalyzer()
    phrases = question_phrases(stems("Hvem er formand for den økonomiske arbejdsgruppe?"))

    def writes_a_phrase(text: str) -> bool:
        return not phrases.isdisjoint(question_phrases(stems(text)))

    assert phrases == {("formand", "økonomisk", "arbejdsgrup")}
    # Stop words between them do not part them; another order, or two of three, is no phrase.
    assert writes_a_phrase("Formand for den økonomiske arbejdsgruppe, Torben Krone, deltager.")
    assert not writes_a_phrase("Den økonomiske arbejdsgruppe har en formand.")
    assert not writes_a_phrase("Formanden for arbejdsgruppen")
    assert question_phrases(stems("Hvem er formand?")) == frozenset()
    texts = {
        1: "Formand: Per",
        2: "Formand for den økonomiske arbejdsgruppe",
        3: "Formand, økonomisk, arbejdsgrupperne",
    }
    runs = {row: question_phrases(stems(text)) for row, text in texts.items()}
    fused = with_phrase_bonus({1: 0.9, 2: 0.5, 3: 0.1}, phrases, [3, 2, 1, 7], texts.__getitem__, runs.__getitem__)
    assert fused == {1: 0.9, 2: 0.5 + PHRASE_BONUS, 3: 0.1 + PHRASE_BONUS}


def test_the_item_that_writes_the_questions_words_in_a_row_comes_first(real_index: Settings) -> None:
    # Seed 003 item 3: »… Jens Nørgaard … indtræde som nyt medlem efter Jan Nielsen« in the
    # forretningsudvalg; without the phrase the attendee lists that name Jan Nielsen came first.
    retriever = Retriever.open(real_index)
    question = "Hvem blev udpeget til at afløse Jan Nielsen i forretningsudvalget?"
    hits = respond(retriever.search(question), retriever).result.hits
    assert hits[0].passage.source.startswith("003") and hits[0].passage.item_number == 3


@pytest.mark.parametrize("question", ["", "formand"])
def test_short_questions_have_no_phrase(question: str) -> None:
    assert question_phrases(DanishAnalyzer()(question)) == frozenset()
