"""Which passages count as the search's lead for the answer model."""

from __future__ import annotations

from indexer.records import Passage
from retrieval.hits import LEAD_MARGIN, Hit, lead_passages, level_with_lead


def _hit(rank: int, score: float, pid: str, item: int) -> Hit:
    passage = Passage(pid, "f.txt", "C", "C", "2020-01-01", item, "t", "Referat", "x", "h", (rank, rank + 1))
    return Hit(rank, score, passage)


def test_the_best_items_passages_scored_about_as_high_as_the_lead_count_as_leads() -> None:
    hits = [
        _hit(1, 1.20, "lead", 3),
        _hit(2, 1.20 - LEAD_MARGIN / 2, "other item", 4),  # as high, but another item
        _hit(3, 1.25, "higher", 3),  # the search led its item with another passage
        _hit(4, 1.20 - LEAD_MARGIN / 2, "close", 3),
        _hit(5, 1.20 - 2 * LEAD_MARGIN, "far", 3),
    ]
    assert lead_passages(hits) == {"lead", "higher", "close"}
    assert lead_passages(hits[:1]) == {"lead"} and lead_passages([]) == frozenset()


def test_items_whose_lead_the_search_scored_about_as_high_are_level_with_the_first() -> None:
    hits = [
        _hit(1, 1.20, "lead", 3),
        _hit(2, 1.20 - LEAD_MARGIN / 2, "second item's lead", 4),
        _hit(3, 1.20 - 2 * LEAD_MARGIN, "third item's lead", 5),
        _hit(4, 1.30, "third item's next passage", 5),  # not the item's lead: does not count
    ]
    assert level_with_lead(hits) == {("f.txt", 3), ("f.txt", 4)}
    assert level_with_lead([]) == frozenset()
