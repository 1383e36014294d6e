"""Questions that ask for a value (an amount, a count, a date, a deadline), who pays or why: whether
the question asks for it outright, which items state one, and whether a sentence states the
change a question asks about. Features of the answer model (``retrieval.extract``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from retrieval.query import QueryPlan, asked_up_front
from retrieval.sentences import Sentence

# Kinds of answer that a sentence restating the question can still add (a date or place
# pattern is too loose: "Møde i Byrådet den 20. maj" restates the question's own date).
FIGURE_KINDS = frozenset({"money", "count"})
# Kinds of answer that are a value (an amount, a count, a date): an item that states none is
# passed over in the items' ranks (``rank_among_holders``). Not names, places or outcomes:
# nearly every item holds a capitalised word or a decision.
VALUE_KINDS = FIGURE_KINDS | {"time", "deadline", "duration"}
# Kinds whose answer has a shape of its own (a value, who finances it, a cause: »fordi«, »på
# baggrund af«): asked for by the question's first words, a sentence without it cannot answer
# (``kind_asked``).
SHAPED_KINDS = VALUE_KINDS | {"payer", "reason"}


def asks_for_its_kind(plan: QueryPlan) -> bool:
    """Whether the question asks outright for a kind with a shape of its own (``SHAPED_KINDS``)."""
    # A deadline is asked for wherever its word stands (»frist tilbagemelding LOS-møde«).
    return plan.expects == "deadline" or (plan.expects in SHAPED_KINDS and asked_up_front(plan.question, plan.expects))


# A change asked for (»Hvor meget stiger taksten?«, »How much did the rate go up?«) and a
# change stated (»… lade taksten stige med 206 kr.«, »en takststigning på 206 kr.«): the answer is
# the change, not a table of the levels before and after it.
_CHANGE = re.compile(
    r"\b(?:\w*(?:stigning|forhøjelse|nedsættelse|reduktion|vækst|increase|decrease)\w*|stig\w*|steg|øge[ts]?|øget|"
    r"forhøj\w*|hæve[ts]?|hævet|falde[rt]?|faldt|sænke[ts]?|sænket|nedsæt\w*|reducer\w*|nedjuster\w*|opjuster\w*|"
    r"vokse[rt]?|vokset|rise[sn]?|rose|went up|go(?:es)? up|gone up|went down|go(?:es)? down|grow[sn]?|grew)\b",
    re.IGNORECASE,
)


# A Danish particle verb parted by its subject: »Hvor meget går taksten op?«.
_PARTED_CHANGE = re.compile(r"\b(?:går|gik|gå|sættes|blev sat)\b[^?]*\b(?:op|ned)\b", re.IGNORECASE)


# A change that only dates what is asked (»Hvad bliver taksten efter stigningen?« asks for the
# level after it, not the change).
_AROUND_CHANGE = re.compile(r"\b(?:efter|før|inden|after|before)\s+(?:den|det|the)?\s*\w+", re.IGNORECASE)


def states_change(plan: QueryPlan, pool: Sequence[Sentence], holds: np.ndarray) -> np.ndarray:
    """1 for a sentence stating a value and a change when the question asks how much something changed."""
    asked = _AROUND_CHANGE.sub(" ", plan.question)
    if not (_CHANGE.search(asked) or _PARTED_CHANGE.search(asked)):
        return np.zeros(len(pool))
    return np.array(
        [h >= 1.0 and _CHANGE.search(s.text) is not None for s, h in zip(pool, holds, strict=True)], dtype=float
    )


def rank_among_holders(pool: Sequence[Sentence], holds: np.ndarray) -> np.ndarray:
    """Each sentence's item rank, counting only the better items that hold a value of the kind
    asked for: an item with no date at all does not stand before the one that states the
    deadline asked for (»… sendes til sekretariatet inden den 21. juni«)."""
    held: dict[int, bool] = {}
    for s, value in zip(pool, holds, strict=True):
        held[s.item_rank] = held.get(s.item_rank, False) or value >= 1.0
    rank = {r: sum(1 for better in held if better < r and held[better]) for r in held}
    return np.array([rank[s.item_rank] for s in pool], dtype=float)
