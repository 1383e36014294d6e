"""Value questions: asked outright, the items that state one, a change stated."""

from __future__ import annotations

from indexer.records import Passage
from retrieval.kinds import has_kind
from retrieval.query import analyze
from retrieval.sentences import Sentence, sentences_of
from retrieval.values import asks_for_its_kind, rank_among_holders, states_change


def pool_of(*items: str) -> list[Sentence]:
    out: list[Sentence] = []
    for rank, text in enumerate(items):
        passage = Passage(f"p{rank}", "f.txt", "C", "C", "2020-05-25", rank + 1, "t", None, text, "h", (0, 1))
        out += sentences_of(passage, rank, rank, True)
    return out


def test_a_value_or_who_pays_asked_outright() -> None:
    assert asks_for_its_kind(analyze("Hvad er fristen for tilbagemeldinger?"))
    assert asks_for_its_kind(analyze("frist tilbagemelding LOS-møde"))  # a deadline wherever its word stands
    assert asks_for_its_kind(analyze("Hvem betaler for værnemidlerne?"))
    assert not asks_for_its_kind(analyze("anden takstindberetning flyttes"))
    assert not asks_for_its_kind(analyze("Hvem deltog i mødet?"))


def test_items_stating_no_value_are_passed_over_in_the_ranks() -> None:
    pool = pool_of("Mødet blev udsat til efteråret.", "Tilbagemeldinger sendes inden den 21. juni.")
    holds = [has_kind(s.text, "deadline") for s in pool]
    assert list(rank_among_holders(pool, holds)) == [0.0, 0.0]
    pool = pool_of("Svar inden den 1. juni.", "Tilbagemeldinger sendes inden den 21. juni.")
    assert list(rank_among_holders(pool, [has_kind(s.text, "deadline") for s in pool])) == [0.0, 1.0]


def test_a_change_stated_for_a_change_asked() -> None:
    pool = pool_of("Aalborg Krisecenter 7 1.933", "FU godkendte at lade taksten stige med 206 kr.")
    holds = [has_kind(s.text, "money") for s in pool]
    assert list(states_change(analyze("Hvor meget stiger døgntaksten?"), pool, holds)) == [0.0, 1.0]
    assert list(states_change(analyze("Hvor meget går taksten op?"), pool, holds)) == [0.0, 1.0]
    assert list(states_change(analyze("Hvad er døgntaksten?"), pool, holds)) == [0.0, 0.0]
    # The change only dates the level asked for: after it, not by how much.
    assert list(states_change(analyze("Hvad bliver døgntaksten efter stigningen?"), pool, holds)) == [0.0, 0.0]
    # »Krisecenter« holds »rise« only inside a word.
    assert not states_change(analyze("How much did the rate rise?"), pool[:1], holds[:1]).any()
