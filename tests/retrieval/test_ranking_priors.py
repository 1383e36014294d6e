"""Stubs and the meeting's own passages in the ranking: small rules, on hand-made passages."""

from __future__ import annotations

from dataclasses import replace

from indexer.records import Passage
from retrieval.query import analyze
from retrieval.ranking import STUB_PRIOR, arrange, passage_prior


def p(text: str, role: str | None = None, item: int = 1) -> Passage:
    return Passage("id", "f.txt", "C", "C", "2020-01-01", item, "t", None, text, "h", (0, 1), role=role)


def test_a_stub_is_worth_less_unless_it_is_an_outcome() -> None:
    plan = analyze("Hvem var fraværende?")
    assert passage_prior(p("BY", role="background"), plan) == STUB_PRIOR
    assert passage_prior(p("Godkendt", role="outcome"), plan) == 1.0
    assert passage_prior(p("Der er afbud fra Martin Bech og Niels Salling."), plan) == 1.0


def test_the_meeting_itself_gets_no_supporting_passage() -> None:
    fused = {0: 1.0, 1: 0.9, 2: 0.5, 3: 0.4}
    item = {0: ("f", 0), 1: ("f", 0), 2: ("f", 1), 3: ("f", 2)}
    in_order = lambda rows: sorted(rows)  # noqa: E731
    # Item 0 (the meeting's header, laid out and as written) dominates, but its second passage
    # repeats the first: the next agenda item comes second, not the repeat.
    shown = arrange(fused, item.__getitem__, in_order, 3, may_support=lambda key: key[1] != 0)
    assert [row for row, _ in shown] == [0, 2, 3]
    # An agenda item that dominates does get its supporting passage.
    assert [row for row, _ in arrange(fused, item.__getitem__, in_order, 3)] == [0, 1, 2]


def test_after_an_answer_from_the_header_the_agenda_items_come_first() -> None:
    from retrieval.answer import answer_first
    from retrieval.hits import Hit
    from retrieval.search import SearchResult

    laid_out, as_written = (
        p("Møde: Byrådet Tid: 29. januar 2020", item=0),
        p("Byrådet - Referat Dato: 29. januar 2020", item=0),
    )
    laid_out = Passage(**{**laid_out.__dict__, "id": "a"})
    as_written = Passage(**{**as_written.__dict__, "id": "b"})
    absent = Passage(**{**p("Der er afbud fra Martin Bech.", item=1).__dict__, "id": "c"})
    result = SearchResult("q", (Hit(1, 1.0, laid_out), Hit(2, 0.9, as_written), Hit(3, 0.8, absent)), 1.0, analyze("q"))
    shown = answer_first(result, (as_written,), top_k=3)
    assert [h.passage.id for h in shown.hits] == ["b", "c", "a"]
    assert [h.rank for h in shown.hits] == [1, 2, 3]
    # From an agenda item, the item's other passages keep their place (its support).
    item = answer_first(replace(result, hits=(Hit(1, 1.0, absent), Hit(2, 0.9, laid_out))), (absent,), top_k=3)
    assert [h.passage.id for h in item.hits] == ["c", "a"]
    # A quote drawn from two passages shows both first, the one it opens in leading.
    both = answer_first(result, (absent, as_written), top_k=3)
    assert [h.passage.id for h in both.hits] == ["c", "b", "a"]


def test_the_places_of_the_answers_item_hold_its_passages_in_the_models_order() -> None:
    from retrieval.answer import answer_first
    from retrieval.hits import Hit
    from retrieval.search import SearchResult

    def passage(pid: str, item: int) -> Passage:
        return Passage(**{**p(f"Tekst {pid}.", item=item).__dict__, "id": pid})

    lead, background, decision, elsewhere = passage("a", 1), passage("b", 1), passage("c", 1), passage("d", 2)
    # The search: the item's lead, one more of its passages (it dominated), then another item.
    hits = (Hit(1, 1.0, lead), Hit(2, 0.9, background), Hit(3, 0.8, elsewhere))
    result = SearchResult("q", hits, 1.0, analyze("q"))
    # The answer is quoted from the lead; the model likes the decision next, which the search did
    # not list: it takes the item's second place, and the other item keeps its own.
    shown = answer_first(result, (lead,), top_k=3, item_order=(decision, background))
    assert [h.passage.id for h in shown.hits] == ["a", "c", "d"]


def test_the_answers_item_shows_its_next_best_passage_third_at_the_latest() -> None:
    from retrieval.answer import answer_first
    from retrieval.hits import Hit
    from retrieval.search import SearchResult

    def passage(pid: str, item: int) -> Passage:
        return Passage(**{**p(f"Tekst {pid}.", item=item).__dict__, "id": pid})

    lead, runner, other, third = passage("a", 1), passage("b", 1), passage("d", 2), passage("e", 3)
    # The search listed the answer's item once; two other items follow.
    result = SearchResult("q", (Hit(1, 1.0, lead), Hit(2, 0.9, other), Hit(3, 0.8, third)), 1.0, analyze("q"))
    shown = answer_first(result, (lead,), top_k=4, item_order=(runner,))
    assert [h.passage.id for h in shown.hits] == ["a", "d", "b", "e"]
    # Listed second already, it stays there.
    result = SearchResult("q", (Hit(1, 1.0, lead), Hit(2, 0.9, runner), Hit(3, 0.8, other)), 1.0, analyze("q"))
    assert [h.passage.id for h in answer_first(result, (lead,), top_k=3, item_order=(runner,)).hits] == ["a", "b", "d"]
