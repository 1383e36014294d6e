"""From search results to an answer a reader can use: the answer in words and the hits it leads.

``retrieval.browse`` has the rest the app shows: an item in full, a topic's history.

No language model is involved: the answer is sentences of the minutes quoted verbatim, chosen by
``retrieval.extract``, with the citation of the passage they open in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from indexer.records import Passage
from indexer.settings import Settings
from retrieval.extract import WEIGHTS, Weights, rank_sentences
from retrieval.fields import holds_a_field, opening_label
from retrieval.hits import Hit, citation, lead_passages, level_with_lead
from retrieval.names import NAME, common_words, unknown_places
from retrieval.offices import (
    names_an_office,
    names_the_office_asked,
    notes_the_office_asked,
    office_entries,
    offices_asked,
)
from retrieval.quoting import Quote, quote
from retrieval.ranking import states_outcome
from retrieval.search import Retriever, SearchResult
from retrieval.sentences import build_pool

# How far under the cosine floor an English question may be when its translations match.
TRANSLATED_MARGIN = 0.02
# How far over the floor a question none of whose topic words the minutes hold must be.
OFF_TOPIC_MARGIN = 0.01


def _cosine_floor(result: SearchResult, settings: Settings) -> float:
    """The calibrated cosine below which a passage is not close in meaning to the question."""
    return settings.min_cosine_en if result.plan.language == "en" else settings.min_cosine


def is_relevant(result: SearchResult, settings: Settings) -> bool:
    """Whether anything in the results deserves to be shown as an answer.

    Yes if the best passage is close in meaning (a calibrated cosine), or its words match
    strongly, or every word of the question occurs in the minutes and the best passage
    matches them well on average; not when none of the question's topic words occurs in the
    minutes and the closeness is only at the floor.
    """
    if not result.hits:
        return False
    floor = _cosine_floor(result, settings)
    if result.topic_coverage == 0.0 and result.best_cosine < floor + OFF_TOPIC_MARGIN:
        # None of the question's topic words occurs in the minutes (»cykelstier«): closeness in
        # meaning at the floor is chance then. (No question of the question sets has none.)
        return False
    every_word = result.coverage == 1.0 and result.best_bm25 >= settings.min_bm25_per_word * result.query_words
    lexical = result.best_bm25 >= settings.min_bm25 or every_word
    # An English question's Danish translations matching the first hit's item as strongly as a
    # Danish question's words must: evidence too, though weaker (every sense is searched), so
    # only beside a closeness in meaning just under the floor. Off-topic English questions
    # (»how do vaccines work«) reach at most 2.6 there; answerable ones below the floor 2.9-4.7.
    translated = result.translated_bm25 >= settings.min_bm25 and result.best_cosine >= floor - TRANSLATED_MARGIN
    # The people a question names, all in the best passage: evidence too, beside a closeness in
    # meaning just under the floor (»Hvem afløser Jan Nielsen …?«, »What concern did Leif and Jes
    # raise …?«).
    near = result.best_cosine >= floor - TRANSLATED_MARGIN
    named = names_in_best_hit(result) and near
    # The office asked, noted beside a name in the attendee list of the committee the question
    # names: evidence too, however the question words it (»Who chairs the steering group?«).
    noted = notes_the_office_asked(result.plan, result.hits[0].passage) and near
    return result.best_cosine >= floor or lexical or translated or named or noted


def names_in_best_hit(result: SearchResult) -> bool:
    """Whether the question names people, and the best passage holds every one of them
    (»What concern did Leif and Jes raise …?« - »… udtrykte Leif og Jes en bekymring …«):
    evidence that the minutes speak of what is asked, however loosely the rest is worded."""
    names = {n.casefold() for n in NAME.findall(result.plan.question)}
    if not names or not result.hits:
        return False
    words = set(re.findall(r"\w+", result.hits[0].passage.text.casefold()))
    return names <= words


def shown_hits(result: SearchResult, settings: Settings) -> list[Hit]:
    """The hits worth a card: the best, and any other whose own words or meaning match.

    The list is cut where relevance ends rather than always filled to the requested number.
    """
    # A little below the answer's threshold: a passage supporting a relevant answer may be weaker.
    floor = _cosine_floor(result, settings) - 0.02
    return [
        h for i, h in enumerate(result.hits) if i == 0 or h.lexical > 0 or (h.cosine is not None and h.cosine >= floor)
    ]


def item_passages(passages: list[Passage], source: str, item_number: int) -> list[Passage]:
    """All passages of one agenda item, in document order."""
    return sorted((p for p in passages if p.source == source and p.item_number == item_number), key=lambda p: p.span)


def outcome_passage(item: list[Passage]) -> Passage | None:
    """The passage that says what came of an item: its first substantial Beslutning/Referat passage."""
    outcomes = [p for p in item if p.is_outcome]
    substantial = [p for p in outcomes if states_outcome(p)]
    return (substantial or outcomes or [None])[0]


@dataclass(frozen=True)
class Answer:
    """The answer in words: sentences quoted verbatim, and the hit they are quoted from."""

    text: str
    passage: Passage
    kind: str | None
    is_outcome: bool
    hit_rank: int

    @property
    def citation(self) -> str:
        return citation(self.passage)

    def to_json(self) -> dict[str, Any]:
        p = self.passage
        return {
            "text": self.text,
            "citation": self.citation,
            "source": p.source,
            "page": p.page,
            "item_number": p.item_number,
            "section": p.section,
            "hit_rank": self.hit_rank,
        }


@dataclass(frozen=True)
class Response:
    """A search result with its answer; the hits start with the answer's passage."""

    result: SearchResult
    answer: Answer | None
    relevant: bool

    def to_json(self) -> dict[str, Any]:
        return {**self.result.to_json(), "answer": self.answer.to_json() if self.answer else None}


def choose_quote(result: SearchResult, retriever: Retriever, weights: Weights = WEIGHTS) -> Quote | None:
    """The best sentence(s) of the best items for the question, by the extractive model."""
    passages, vectors, item_rows = retriever.snapshot()
    pool = build_pool(result.plan, [h.passage for h in result.hits], item_rows, passages, lead_passages(result.hits))
    if not pool:
        return None
    if result.query_vector is not None:
        rows = np.array([s.row for s in pool])
        passage_cosine = vectors[rows] @ result.query_vector
    else:
        passage_cosine = np.zeros(len(pool))
    common = common_words(result.plan, pool, retriever.lower_case_words)
    level = level_with_lead(result.hits)
    ranked = rank_sentences(
        result.plan, pool, passage_cosine, retriever.embed_texts, result.query_vector, weights, common, level
    )
    # Who holds an office is answered only by a sentence naming it (»Sekretariatets nye leder
    # Dorthe …« for »Hvem er den nye leder …?«): the best of those leads, where any does (the
    # others stay to be quoted beside it: the place a two-part question asks too).
    # A sentence naming it itself before one whose item's title names it (»Ove Madsen blev valgt
    # som dirigent« before »Jane Kusk Pedersen blev valgt som referent« under »Valg af dirigent«).
    offices = offices_asked(result.plan)
    if offices:
        naming = {i: _naming_rank(pool[i].text, pool[i].passage.item_title, offices) for i, _ in ranked}
        ranked = sorted(ranked, key=lambda r: naming[r[0]])  # stable: each part keeps its order
    # The question with its words' translations: an English question names labels in Danish too.
    found = quote(pool, ranked, result.plan.expects, result.plan.lexical_query)
    if found is None or not offices or found.passage.item_number != 0:
        return found
    # From a long attendee list, the entries that note the office asked: one line that answers.
    label = opening_label(found.text)
    short = office_entries(found.text, label, offices) if label else None
    return replace(found, text=short) if short else found


def _naming_rank(text: str, title: str | None, offices: frozenset[str]) -> int:
    """0 where a sentence names an office asked, 1 where only its item's title does, else 2."""
    if names_an_office(text, offices):
        return 0
    return 1 if names_an_office(title or "", offices) else 2


def _answers_nothing(result: SearchResult, found: Quote, retriever: Retriever) -> bool:
    """Whether the best quote still cannot answer: a header field for a decision (of minutes read
    into items), or a quote naming no office for who holds one. The minutes then do not answer,
    and the closest items are shown as related."""
    header_field = _header_field_for_a_decision(result, found) and retriever.has_items(found.passage.source)
    return header_field or not names_the_office_asked(result.plan, f"{found.passage.item_title or ''} {found.text}")


def _header_field_for_a_decision(result: SearchResult, found: Quote) -> bool:
    """Whether a question about what was decided would be answered by a field of a meeting's front
    matter (»Sted: Byrådssalen« for »Hvad besluttede byrådet om budgettet?«). Where the minutes
    have agenda items, a header field decides nothing: no item spoke of it. (Front matter may hold
    more than fields: »Spørgsmål fra forældre … blev besvaret.«)"""
    return result.plan.expects == "outcome" and found.passage.item_number == 0 and holds_a_field(found.text)


def answer_first(
    result: SearchResult, evidence: tuple[Passage, ...], top_k: int, item_order: tuple[Passage, ...] = ()
) -> SearchResult:
    """The hits with the answer's passages first (the one it opens in, then the others it quotes;
    added if the search did not list them), ranks renumbered. Where the search listed more of the
    answer's item, those places hold its passages in ``item_order`` (the answer model's order):
    as many of them as before, so the other items keep their places."""
    ids = [p.id for p in evidence]
    found = {h.passage.id: h for h in result.hits}
    leads = [found.get(p.id) or Hit(0, 0.0, p) for p in evidence]
    rest = [h for h in result.hits if h.passage.id not in ids]
    places = [i for i, h in enumerate(rest) if h.item_key == leads[0].item_key]
    reordered = [found.get(p.id) or Hit(0, 0.0, p) for p in item_order][: len(places)]
    for i, hit in zip(places, reordered, strict=False):
        rest[i] = hit
    at = next((i for i, h in enumerate(rest) if item_order and h.passage.id == item_order[0].id), len(rest))
    if item_order and evidence[0].item_number != 0 and at > 1:
        # The answer item's next best passage right after the first other hit (third where the
        # quote has one passage): when the quote missed, the runner-up of its item often holds it.
        runner = rest[at] if at < len(rest) else Hit(0, 0.0, item_order[0])
        others = [h for h in rest if h.passage.id != runner.passage.id]
        rest = [*others[:1], runner, *others[1:]]
    if evidence[0].item_number == 0:
        # The meeting's own passages repeat one another (its header laid out, and as written):
        # after the answer from them, the agenda items come first.
        key = leads[0].item_key
        rest = [h for h in rest if h.item_key != key] + [h for h in rest if h.item_key == key]
    hits = [replace(h, rank=i) for i, h in enumerate([*leads, *rest][: max(top_k, 1)], start=1)]
    return replace(result, hits=tuple(hits))


def respond(result: SearchResult, retriever: Retriever, top_k: int | None = None) -> Response:
    """The answer in words for a search, or none when nothing in the minutes is relevant."""
    settings = retriever.settings
    if not is_relevant(result, settings):
        return Response(result, None, False)
    if unknown_places(result.plan.question, retriever.knows):
        # It asks about a place or body the minutes never name: the closest items are only related.
        return Response(result, None, True)
    found = choose_quote(result, retriever)
    if found is None or _answers_nothing(result, found, retriever):
        return Response(result, None, True)
    reordered = answer_first(result, found.sources or (found.passage,), top_k or len(result.hits), found.item_order)
    answer = Answer(found.text, found.passage, found.kind, found.is_outcome, 1)
    return Response(reordered, answer, True)
