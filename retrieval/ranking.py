"""From fused passage scores to the list a reader sees. Pure functions.

Two questions are answered separately:
1. Which agenda items answer the question? Items are ranked by their best passage's
   fused (dense + BM25) score, where the shared context header (committee, date, item
   title) helps.
2. Which passage of an item should lead? Within an item the header is the same for every
   passage, so a short passage ("Godkendt") can look as relevant as the whole item; the
   lead is chosen by vector similarity fused with BM25 over the passage's own text, and by
   what the question asks for (an outcome, an amount, a date).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable

import numpy as np

from indexer.dates import DAY_MONTH, DateRange
from indexer.records import Passage
from retrieval.fusion import ordered
from retrieval.query import QueryPlan

# Rank constant of the fusion that picks an item's lead (the usual RRF constant).
LEAD_RRF_K = 60
# Weight of a passage that has the kind of answer the question expects ("hvor meget" -> an amount).
ANSWER_TYPE_PRIOR = 1.3
# Weight of a Bilag passage: a list of attachments names documents the index does not hold;
# and of a page's footnotes: detail to a table or a sentence, which leads only when it alone matches.
ATTACHMENT_PRIOR = NOTES_PRIOR = 0.5
# Weight of a passage of a few characters that is not an outcome ("BY", "Ingen bemærkninger").
STUB_CHARS, STUB_PRIOR = 25, 0.5

ANSWER_SHAPES = {
    # "206 kr.", "kr. 1.933", "3,45 mio.", and bare Danish thousands ("121.800") in tables.
    "money": re.compile(
        r"\d[\d.,]*\s*(?:kr\b|kroner|mio\b|mia\b|mill\b)|kr\.\s*\d|(?<![\d.])\d{1,3}(?:\.\d{3})+(?![\d.])",
        re.IGNORECASE,
    ),
    # A number that is not a bare year ("19 anbefalinger", "2.085", but not "2019").
    "count": re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d(?!\d|[.,]\d))\d[\d.,]*"),
    "date": DAY_MONTH,
}


_NOTED_ONLY = re.compile(r"(?:tages?|taget)\s+til\s+efterretning|til\s+orientering", re.IGNORECASE)


def states_outcome(passage: Passage) -> bool:
    """An outcome section that says more than "the briefing was noted".

    "Orienteringen blev taget til efterretning" records that nothing was decided; for an
    item like that the outcome is in the briefing itself, not in its Referat.
    """
    if not passage.is_outcome:
        return False
    return not (len(passage.text) < 120 and _NOTED_ONLY.search(passage.text))


def passage_prior(passage: Passage, plan: QueryPlan) -> float:
    """How much a passage is worth as its item's answer before its words are compared."""
    prior = 1.0
    shape = ANSWER_SHAPES.get(plan.answer_type or "")
    if shape is not None and shape.search(passage.text):
        prior *= ANSWER_TYPE_PRIOR
    if passage.role == "attachments" or (passage.section or "").casefold() == "bilag":
        prior *= ATTACHMENT_PRIOR
    if passage.role == "notes":
        prior *= NOTES_PRIOR
    stub = len(passage.text.strip()) < STUB_CHARS and not re.search(r"\d", passage.text)
    if stub and passage.role != "outcome":
        # "Sagsforløb: BY" says nothing; its closeness comes from the shared context header.
        # (An outcome stub, "Godkendt", and a table row, "Evaluering 121.800", do answer.)
        prior *= STUB_PRIOR
    return prior


def mentions_period(passage: Passage, period: DateRange) -> bool:
    """Whether the passage talks about the period's year ("temadag 2013" at a 2012 meeting)."""
    if period.start.year != period.end.year:
        return False
    return re.search(rf"(?<!\d){period.start.year}(?!\d)", passage.indexed_text) is not None


def lead_order(
    rows: list[int],
    cosine: dict[int, float],
    text_scores: np.ndarray,
    priors: dict[int, float],
    first: frozenset[int] = frozenset(),
) -> list[int]:
    """The passages of one item, best answer first.

    Ranks by vector similarity and by BM25 over the passage text alone, fused with
    reciprocal ranks (constant ``LEAD_RRF_K``), times each passage's prior. Rows in
    ``first`` (the outcome sections, for a question about an outcome) come before all others.
    """
    by_cosine = sorted(rows, key=lambda r: (-cosine.get(r, -1.0), r))
    matching = sorted((r for r in rows if text_scores[r] > 0), key=lambda r: (-text_scores[r], r))
    score = {r: 1.0 / (LEAD_RRF_K + i) for i, r in enumerate(by_cosine, start=1)}
    for i, r in enumerate(matching, start=1):
        score[r] += 1.0 / (LEAD_RRF_K + i)
    return sorted(rows, key=lambda r: (r not in first, -score[r] * priors.get(r, 1.0), r))


def arrange(
    fused: dict[int, float],
    item_of: Callable[[int], Hashable],
    order_item: Callable[[list[int]], list[int]],
    top_k: int,
    may_support: Callable[[Hashable], bool] = lambda item: True,
) -> list[tuple[int, float]]:
    """Agenda items in order of their best fused score, each led by ``order_item``'s first.

    The reader sees different agenda items first. One exception: when the best item
    dominates (its second-best passage outscores every other item) and ``may_support``
    allows it, its next passage follows its lead as supporting text before the other items.
    """
    items: dict[Hashable, list[int]] = {}
    for row, _ in ordered(fused):
        items.setdefault(item_of(row), []).append(row)
    groups = [order_item(rows) for rows in items.values()]
    leads = [rows[0] for rows in groups]
    rest = [row for rows in groups for row in rows[1:]]
    if len(groups) > 1 and len(groups[0]) > 1 and may_support(item_of(groups[0][0])):
        runner_up = max(fused[r] for r in groups[0][1:])
        if runner_up > fused[groups[1][0]]:
            leads.insert(1, groups[0][1])
            rest.remove(groups[0][1])
    return [(row, fused[row]) for row in (leads + rest)[:top_k]]
