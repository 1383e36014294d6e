"""The question's words a candidate sentence holds: its own, part of its headings' (sub-heading,
item title) and, when it points back, the sentence before it's; without the words that only
name the meeting when the question is about that meeting itself."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from retrieval.meetings import asks_when_or_where_held
from retrieval.offices import asks_an_office
from retrieval.overlap import lexical_overlap
from retrieval.query import QueryPlan, strip_period
from retrieval.sentences import Sentence, names_a_field
from retrieval.snapshot import names_its_minutes

# How much of its headings' overlap (sub-heading, item title) a sentence gets on top of its own.
HEADING_SHARE = 0.5


def lexical(plan: QueryPlan, pool: Sequence[Sentence], about: bool) -> np.ndarray:
    """The question's words a sentence holds; those only its headings hold count in part: the
    sub-heading it stands under, and its item's title (»Sekretariatets regnskab for 2012« over
    »Samlede udgifter i alt 1.715.000«), which every sentence of the item is about. ``about``:
    whether the question is about its meeting itself (``about_its_meeting``)."""
    words = _topic_words(plan, about)
    if about and pool:
        # Nor the words naming the body that met (»Hvor holdt Haderslev Byråd møde …?«): a
        # table of contents' »… i Haderslev« is not where it met.
        words = " ".join(w for w in words.split() if not names_its_minutes(w.strip(".,;:?!»«\"'"), pool[0].passage))
    groups = plan.word_groups
    if about:
        groups = tuple(g for g in groups if not _MEETING_NAME.fullmatch(g[0]))
    own = lexical_overlap(words, [s.text for s in pool], groups)
    headed = lexical_overlap(words, [f"{s.passage.item_title or ''} {s.heading or ''} {s.text}" for s in pool], groups)
    return own + HEADING_SHARE * np.maximum(0.0, headed - own)


# How much of the sentence before's overlap a sentence that refers back to it gets.
CONTEXT_SHARE = 1.0
# Words that point back to what the sentence before named: »udgiften til dette«, »heraf«.
# A demonstrative as the object of a preposition, or a pronominal adverb: not »i dette år«.
_REFERS_BACK = re.compile(
    r"\b(?:(?:til|af|for|om|med)\s+(?:dette|disse)|her(?:af|til|for|om)|der(?:af|til)|thereof|(?:of|for|to)\s+(?:this|these))\b",
    re.IGNORECASE,
)
# A sentence that opens with a demonstrative (»Disse tilbagemeldinger …«, »Dette beløb …«) is
# about what the one before named, though less surely: the demonstrative may point further back.
OPENING_SHARE = 0.5
_OPENS_BACK = re.compile(r"^\W*(?:dette|denne|disse|this|these)\b", re.IGNORECASE)


def _opens_back(text: str) -> bool:
    return _OPENS_BACK.match(text) is not None


def with_context(lexical: np.ndarray, holds: np.ndarray, pool: Sequence[Sentence]) -> np.ndarray:
    """A sentence that holds the kind of answer asked for and points back (»dette«, »heraf«) to
    the one before it, which names the topic (»… fx værnemidler og ekstra rengøring. FU vurderer,
    at udgiften til dette … bør finansieres særskilt af den enkelte kommune.«), is about that
    topic too: it gets that overlap; one that opens with a demonstrative (»Disse tilbagemeldinger
    … sendes til sekretariatet inden den 21. juni«) half of it."""
    out = lexical.copy()
    for i in range(1, len(pool)):
        if holds[i] > 0 and pool[i].row == pool[i - 1].row and pool[i].unit == pool[i - 1].unit + 1:
            share = CONTEXT_SHARE if _REFERS_BACK.search(pool[i].text) else OPENING_SHARE * _opens_back(pool[i].text)
            out[i] = max(lexical[i], share * lexical[i - 1])
    return out


def about_its_meeting(plan: QueryPlan) -> bool:
    """Whether the question asks when or where the meeting it dates was held, or who attended,
    sent regrets or held an office there (»Hvem var til stede på DAS-mødet den 25. maj 2020?«,
    »Who took the minutes at the meeting in May 2020?«): its header answers."""
    if asks_when_or_where_held(plan):
        return True
    attendance = names_a_field(plan) or asks_an_office(plan)
    return plan.names_meeting and plan.date_range is not None and plan.expects == "person" and attendance


def _topic_words(plan: QueryPlan, about: bool) -> str:
    """The question's words to match: without the date that picks the meeting (»mødet den 25. maj
    2020«), which every line of that meeting's header repeats whatever it states."""
    words = strip_period(plan.lexical_query, plan) if plan.names_meeting else plan.lexical_query
    # Nor, asked about that meeting itself, the words naming it (»DAS-mødet«): a sentence that
    # mentions DAS meetings is about other ones.
    return _MEETING_NAME.sub(" ", words) if about else words


# »DAS-mødet«, »the DAS meeting«, »bestyrelsesmødet«.
_MEETING_NAME = re.compile(
    r"(?:(?-i:\b[A-ZÆØÅ]{2,})\s+)?(?:[\w-]*(?:møde|møte|möte)(?:t|r|rne|ts)?|\bmeetings?)\b", re.IGNORECASE
)
