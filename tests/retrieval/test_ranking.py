"""Choosing an item's lead passage and arranging items, on hand-made cases."""

from __future__ import annotations

import numpy as np

from indexer.records import Passage
from retrieval.query import analyze
from retrieval.ranking import LEAD_RRF_K, arrange, lead_order, passage_prior, states_outcome


def p(section: str | None, text: str, item: int = 1) -> Passage:
    role = "outcome" if section in ("Referat", "Beslutning") else None  # as the reader marks them
    return Passage("id", "f.txt", "C", "C", "2020-01-01", item, "t", section, text, "h", (0, 1), role=role)


def test_lead_order_fuses_similarity_and_own_text() -> None:
    rows = [0, 1, 2]
    cosine = {0: 0.9, 1: 0.8, 2: 0.7}  # row 0: a stub that looks relevant by its header alone
    text_scores = np.array([0.0, 5.0, 1.0])
    # row 0: 1/(K+1); row 1: 1/(K+2) + 1/(K+1); row 2: 1/(K+3) + 1/(K+2)
    assert lead_order(rows, cosine, text_scores, {}) == [1, 2, 0]
    k = LEAD_RRF_K
    assert 1 / (k + 2) + 1 / (k + 1) > 1 / (k + 3) + 1 / (k + 2) > 1 / (k + 1)


def test_lead_order_priors_and_outcomes_first() -> None:
    cosine = {0: 0.9, 1: 0.8}
    scores = np.zeros(2)
    assert lead_order([0, 1], cosine, scores, {0: 0.5}) == [1, 0]
    assert lead_order([0, 1], cosine, scores, {}, first=frozenset({1})) == [1, 0]


def test_passage_prior() -> None:
    money = analyze("Hvor meget kostede evalueringen?")
    assert passage_prior(p(None, "Evaluering 121.800"), money) == 1.3
    assert passage_prior(p(None, "Taksten stiger med 206 kr. pr. døgn"), money) == 1.3
    assert passage_prior(p(None, "Ingen beløb her, kun 2019"), money) == 1.0
    count = analyze("Hvor mange tilsynsbesøg blev aflagt?")
    assert passage_prior(p(None, "Der blev i 2019 aflagt tilsyn"), count) == 1.0
    assert passage_prior(p(None, "2.085 tilsynsbesøg"), count) == 1.3
    assert passage_prior(p("Bilag", "Årsrapport 2014"), analyze("årsrapport")) == 0.5


def test_noted_only_is_not_an_outcome() -> None:
    assert states_outcome(p("Referat", "DAS godkendte takststigningen"))
    assert not states_outcome(p("Referat", "Orienteringen blev taget til efterretning."))
    assert not states_outcome(p("Baggrund", "DAS godkendte"))


def test_arrange_items_first_with_one_supporting_passage_for_a_dominant_item() -> None:
    items = {0: "A", 1: "A", 2: "B", 3: "C", 4: "B"}
    fused = {0: 0.9, 1: 0.8, 2: 0.7, 3: 0.6, 4: 0.5}
    keep = list  # order within an item: as fused
    # A's second passage (0.8) beats B's best (0.7): it follows A's lead.
    assert [r for r, _ in arrange(fused, items.__getitem__, keep, 10)] == [0, 1, 2, 3, 4]
    fused[1] = 0.65
    assert [r for r, _ in arrange(fused, items.__getitem__, keep, 10)] == [0, 2, 3, 1, 4]
    assert [r for r, _ in arrange(fused, items.__getitem__, keep, 2)] == [0, 2]
    scores = dict(arrange(fused, items.__getitem__, keep, 10))
    assert scores == fused
