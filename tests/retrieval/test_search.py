"""The search's own favours: the meetings of a committee the question names."""

from __future__ import annotations

from indexer.records import Passage
from indexer.settings import Settings
from retrieval.answer import respond
from retrieval.query import analyze
from retrieval.search import COMMITTEE_BOOST, Retriever, _favour_committee


def passage(committee: str, body: str) -> Passage:
    return Passage("p", "f.txt", committee, body, "2020-01-01", 1, "Punkt", None, "tekst", "h", (0, 5))


def test_the_committee_a_question_names_is_favoured() -> None:
    passages = [passage("SOCDIR", "Socialdirektørkredsen"), passage("Den Administrative Styregruppe", "DAS")]
    fused = {0: 1.0, 1: 0.9}
    favoured = _favour_committee(fused, analyze("Hvem deltog for Læsø Kommune i DAS-mødet?"), passages)
    assert favoured == {0: 1.0, 1: 0.9 * COMMITTEE_BOOST}
    # No committee named, or every one: the ranking is left as it is.
    assert _favour_committee(fused, analyze("Hvem deltog for Læsø Kommune?"), passages) == fused
    # A word of a committee's name is no acronym: »the local council« is not the parish »Council«.
    councils = [passage("Lokalrådet", "Lokalrådet"), passage("Council", "Council")]
    assert _favour_committee(fused, analyze("What did the local council decide?"), councils) == fused


def test_the_named_committees_meeting_answers_in_the_real_index(real_index: Settings) -> None:
    # Another body's minutes hold »Gennemgang af dagsorden til DAS«; the attendees are in DAS's own.
    retriever = Retriever.open(real_index)
    response = respond(retriever.search("Hvem deltog for Læsø Kommune i DAS-mødet?"), retriever)
    assert response.answer is not None and response.answer.passage.body == "Den Administrative Styregruppe"
    assert "Læsø" in response.answer.text
