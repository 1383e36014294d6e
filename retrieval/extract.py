"""The answer model: which sentence of the best agenda items answers the question.

No language model writes anything: the candidate sentences (``retrieval.sentences``) are
scored by a small linear model and the best is quoted (``retrieval.quoting``). Features: the
question's stems found in the sentence (idf-weighted over the candidates; for an English
question its Danish translations too), closeness in meaning of its passage (and, when weighted,
of the sentence itself) to the question, whether it holds the kind of token the question asks
for (an amount, a count, a time, a name, a place, a cause, an outcome), its section's role
(outcome, minuted, attachments), whether it is a labelled line the question names, whether its
passage is the search's lead or shown at all, its item's rank, and whether it is a stub or only
echoes the question or item title.

Two stages keep it fast: the cheap features rank every sentence; only the best few that the
sentence embedding could still reorder are embedded (one batch, ~25 ms per sentence on 2
cores), and none while its weight is 0 (the tuned weights). See README, Measured.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from indexer.dates import find_dates
from retrieval.fields import asked_terms, field_answers, label_asked, row_asked
from retrieval.kinds import has_kind
from retrieval.meetings import asks_next_meeting, next_stated, other_meeting
from retrieval.names import attendee_words
from retrieval.offices import committee_acting, offices_noted
from retrieval.overlap import echoes
from retrieval.query import QueryPlan
from retrieval.ranking import states_outcome
from retrieval.sentences import HEADER_KINDS, Sentence
from retrieval.topic_overlap import about_its_meeting, lexical, with_context
from retrieval.values import FIGURE_KINDS, VALUE_KINDS, asks_for_its_kind, rank_among_holders, states_change

# Sentences embedded per question (the slow step), chosen by the cheap features.
SHORTLIST = 4
# A sentence further behind the best than sentence_dense x DENSE_REACH is not embedded: it is
# rarely overtaken. Measured: the same answers on all three question sets for 0.05 to 0.15, with
# 0.4 sentences embedded per question on average at 0.05 (1.2 at 0.15).
DENSE_REACH = 0.05
# Words from which a "sentence" counts as run-on (a table of contents, a table's rows).
LONG_WORDS = 70
# An English question meets the Danish minutes only through its words' translations, so the same
# match overlaps less (a phrase found as one word, a sense missed): its overlap counts 1.5 times,
# as its BM25 does in the search (``retrieval.search.ENGLISH_BM25_FACTOR``). Measured on the
# English questions of the seven question sets: 3 more answers, no fewer (2.0: 2 fewer again).
ENGLISH_LEXICAL = 1.5
# Characters of a sentence that are embedded: the start carries its meaning.
EMBED_CHARS = 120


@dataclass(frozen=True)
class Weights:
    """The linear model: each feature's weight (features are 0/1, shares, ranks or cosine gaps).

    Set by random search (600 draws from a grid, ``python -m retrieval.tune_extract``) on the
    tuned halves of five question sets (development, the tests' seed questions and more seed
    questions, realdev and more realdev questions: 122 questions), maximising answer + (ans@1 +
    answer item is gold) / 2; checked on the held-out halves (112 questions, within 2 points).
    The sentence's own embedding got weight 0 there (the passage's closeness in meaning does
    the work): no sentence is embedded at query time. Attachments got 0 as well; both stay
    for retuning.

    Features were added by hand afterwards, each at the smallest weight of the grid that
    changed anything, and kept because no question set lost by them (figures in the README):
    ``minuted``, a sentence of the item's Referat or Beslutning (what the meeting said, beside
    the background written before it; twice when the question names the committee by its
    acronym as the one that acted: »Hvilke input gav DAS …«), and ``label``, a labelled line
    whose label the question names ("Hvem meldte afbud?" - "Afbud: ..."); and later
    ``other_meeting``, a sentence that dates another meeting than the one whose time or place
    the question asks for (»Næste møde afholdes den 17. august« for »Hvor blev mødet den 25. maj
    holdt?«, and the minutes' own date for »Hvornår er næste møde?«); and ``long``, a
    "sentence" past 70 words, growing to full at 140: a run-on table of contents or table
    that no full stop ends holds many words and dates by its length alone, not as an answer;
    and ``kind_asked``, ``kind`` once more where the question's first words ask for a value (an
    amount, a count, a date or a deadline), who pays or why (``query.asked_up_front``): a sentence
    without one cannot answer »Hvad er fristen …?« however many of the question's words it
    shares (for a person or a place it lost more than it won: a capitalised word is no surer
    sign of either); and ``change``, a sentence stating a value and a change (»… lade taksten stige med 206 kr.«) where
    the question asks how much something changed (»Hvor meget stiger døgntaksten?«), not a table
    of the levels.
    Retuning every weight with them did not hold up on the held-out halves.
    """

    lexical: float = 0.5
    minuted: float = 0.2
    other_meeting: float = -0.5
    label: float = 0.2
    passage_dense: float = 2.0
    sentence_dense: float = 0.0
    kind: float = 0.2
    kind_asked: float = 0.2
    change: float = 0.2
    outcome_section: float = 0.4
    header: float = 0.2
    item_rank: float = -1.0
    shown: float = 0.4
    lead: float = 0.2
    echo: float = -0.5
    stub: float = -0.3
    attachment: float = 0.0
    long: float = -0.8


WEIGHTS = Weights()


def cheap_features(
    plan: QueryPlan,
    pool: Sequence[Sentence],
    common: frozenset[str] = frozenset(),
    level: frozenset[tuple[str, int]] = frozenset(),
) -> dict[str, np.ndarray]:
    """Every feature but the sentence's own embedding, one array per feature. ``common``: words
    the minutes write in lower case (a capitalised one opening a sentence is not a name).
    ``level``: the items the search scored about as high as its lead passage
    (``retrieval.hits.level_with_lead``), which are not ranked below the first."""
    kind = plan.expects
    # Asked when the next meeting is, the pool ranks the statements by the committee named
    # (``sentences.build_pool``): no item is levelled with the first there.
    level = frozenset() if asks_next_meeting(plan) else level
    outcome = np.array(
        [kind == "outcome" and s.passage.is_outcome and states_outcome(s.passage) for s in pool], dtype=float
    )
    people = attendee_words(pool) if kind in ("person", "actor") else frozenset()
    holds = np.array([has_kind(s.text, kind, common, people) for s in pool], dtype=float)
    about = about_its_meeting(plan)
    kind_asked = asks_for_its_kind(plan)
    # Asked outright why or who pays, too, an item that gives no cause (no payer) is passed over.
    ranks = (
        rank_among_holders(pool, holds)
        if kind in VALUE_KINDS or kind_asked
        else np.array([s.item_rank for s in pool], dtype=float)
    )
    # A decision that restates a yes/no question ("Blev X godkendt?" - "X godkendt") answers it,
    # and so does a restatement that adds the figure asked for ("Der blev aflagt 2.085 besøg").
    states = outcome if kind not in FIGURE_KINDS else np.maximum(outcome, holds > 0)
    # An item titled by its answer (»5. Næste møde tirsdag den 29. august«) is not only an echo.
    stated_next = next_stated(plan, pool)
    # What an English question says is its Danish translations too.
    restated = [_undated(s.text, plan, s.passage.meeting_date) for s in pool]
    echo = np.array(
        [echoes(plan.lexical_query, s.passage.item_title, [text])[0] for s, text in zip(pool, restated, strict=True)]
    )
    # A line that announces what follows (»… anbefales med følgende justering:«) is quoted with it.
    echo *= (1 - states) * np.array([not s.text.rstrip().endswith(":") for s in pool])
    echo *= 1 - stated_next
    return {
        "lexical": with_context(lexical(plan, pool, about), holds, pool)
        * (ENGLISH_LEXICAL if plan.language == "en" else 1.0),
        # Twice, as ``header``, when the question is about its meeting itself: a header's field
        # labelled as asked (»Mødested: Byrådssalen«) states it, a line of its contents does not.
        "label": np.maximum.reduce(
            [labelled_as_asked(plan.lexical_query, pool, kind, common), _office_noted(plan, pool), stated_next]
        )
        * (1 + about),
        "minuted": np.array([s.passage.is_outcome for s in pool], dtype=float)
        * (1 + np.array(committee_acting(plan, pool), dtype=float)),
        "other_meeting": other_meeting(plan, pool),
        "kind": holds,
        "kind_asked": holds * kind_asked,
        "change": states_change(plan, pool, holds) if kind_asked else np.zeros(len(pool)),
        "outcome_section": outcome,
        # Twice when the question asks when or where the meeting it dates was held, or who came:
        # its header's fields are about that meeting itself, what the items say of meetings is
        # about others.
        "header": np.array([kind in HEADER_KINDS and s.passage.item_number == 0 for s in pool], dtype=float)
        * (1 + about),
        "item_rank": ranks * np.array([(s.passage.source, s.passage.item_number) not in level for s in pool]),
        # The best item is read whole (the answer may be in any of its passages, and the app
        # shows it in full): the search's ranking of its passages is left to ``lead``. Asked for
        # a value, that is the best item that states one.
        "shown": np.array(
            [s.shown or s.item_rank == 0 or (kind_asked and rank == 0) for s, rank in zip(pool, ranks, strict=True)],
            dtype=float,
        ),
        "lead": np.array([s.lead for s in pool], dtype=float),
        "echo": echo,
        "stub": np.array([len(s.text.split()) < 3 and not has_kind(s.text, kind) for s in pool], dtype=float),
        "attachment": np.array([(s.passage.section or "").casefold() == "bilag" for s in pool], dtype=float),
        "long": np.array([min(1.0, max(0.0, (len(s.text.split()) - LONG_WORDS) / LONG_WORDS)) for s in pool]),
    }


def _undated(text: str, plan: QueryPlan, meeting_date: str | None) -> str:
    """``text`` without the date of its own meeting where the question names that meeting by a
    period it falls in: »Møde i Socialdirektørforum den 20. maj 2015« only restates »… the
    meeting in May 2015«. (Any other date may be what is asked.)"""
    if plan.date_range is None or not plan.date_range.contains(meeting_date):
        return text
    for day, (start, end) in reversed(find_dates(text)):
        if day.isoformat() == meeting_date:
            text = text[:start] + " " + text[end:]
    return text


def _office_noted(plan: QueryPlan, pool: Sequence[Sentence]) -> np.ndarray:
    """1 for an attendee list that notes the office a question about a person names."""
    return np.array(offices_noted(plan, pool), dtype=float)


def labelled_as_asked(
    question: str, pool: Sequence[Sentence], kind: str | None = None, common: frozenset[str] = frozenset()
) -> np.ndarray:
    """1 for a labelled line whose label the question names ("Hvem meldte afbud?" - "Afbud: ..."),
    or whose field is what it asks for ("Hvor blev mødet holdt?" - "Sted: Rådhuset"); for a
    table row the share of its label named (``row_asked``), 2 when the whole label is named and
    an amount or count is asked."""
    asked = asked_terms(question)
    # A row whose whole label is asked for its figure is the answer by itself, as a header field
    # asked for is (not »Hobro Krisecenter …« for »… Aalborg Krisecenter?«).
    figure = kind in FIGURE_KINDS
    rows = [row_asked(s.text, asked, common) for s in pool]
    return np.array(
        [
            max(
                float(label_asked(s.text, asked) or field_answers(s.text, kind)),
                2 * row if figure and row == 1 else row,
            )
            for s, row in zip(pool, rows, strict=True)
        ]
    )


def score(features: dict[str, np.ndarray], weights: Weights) -> np.ndarray:
    total = np.zeros(len(next(iter(features.values()))))
    for name, values in features.items():
        total += getattr(weights, name) * values
    return total


def _relative(values: np.ndarray) -> np.ndarray:
    """Cosines relative to the best one: the model compares candidates, not absolute levels."""
    return values - values.max() if len(values) else values


def rank_sentences(
    plan: QueryPlan,
    pool: Sequence[Sentence],
    passage_cosine: np.ndarray,
    embed: Callable[[list[str]], np.ndarray],
    query_vector: np.ndarray | None,
    weights: Weights = WEIGHTS,
    common: frozenset[str] = frozenset(),
    level: frozenset[tuple[str, int]] = frozenset(),
) -> list[tuple[int, float]]:
    """(index into ``pool``, score) of every sentence, best first.

    Only the shortlist is embedded; the others keep their cheap score less the reach, as if
    their embedding were the shortlist's weakest (they were too far behind to be embedded).
    """
    features = cheap_features(plan, pool, common, level)
    features["passage_dense"] = _relative(passage_cosine)
    first = score(features, weights)
    order, shortlist = shortlist_of(first, weights)
    if query_vector is None or len(shortlist) < 2 or weights.sentence_dense == 0:
        return [(i, float(first[i])) for i in order]
    vectors = embed([pool[i].text[:EMBED_CHARS] for i in shortlist])
    return combine(first, order, shortlist, _relative(vectors @ query_vector), weights)


def shortlist_of(first: np.ndarray, weights: Weights) -> tuple[list[int], list[int]]:
    """Every sentence by its cheap score, and the few of them worth embedding."""
    order = [int(i) for i in np.argsort(-first, kind="stable")]
    shortlist = order[:SHORTLIST]
    # Only sentences the embedding could still lift above the best are embedded (the slow step).
    shortlist = [i for i in shortlist if first[i] >= first[shortlist[0]] - weights.sentence_dense * DENSE_REACH]
    return order, shortlist


def combine(
    first: np.ndarray, order: list[int], shortlist: list[int], dense: np.ndarray, weights: Weights
) -> list[tuple[int, float]]:
    """The final ranking: the shortlist with its sentences' closeness in meaning added."""
    final = {i: float(first[i] + weights.sentence_dense * d) for i, d in zip(shortlist, dense, strict=True)}
    rest = weights.sentence_dense * min(float(dense.min()), -DENSE_REACH)
    return sorted(((i, final.get(i, float(first[i]) + rest)) for i in order), key=lambda x: -x[1])
