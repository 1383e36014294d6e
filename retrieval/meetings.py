"""Questions about a meeting itself rather than its items: when or where the meeting a question
dates was held, and when the next one is; and the sentences that date the one or the other."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from indexer.dates import DAY_MONTH, find_dates
from retrieval.query import MEETING_WORD, QueryPlan, names_a_meeting

if TYPE_CHECKING:
    from retrieval.sentences import Sentence


# "Næste møde" is another meeting than the one a question dates: the next one, in an item of its own.
_NEXT = re.compile(
    r"\b(næste|kommende|neste|nästa|next|upcoming)\b"
    # Meeting again: »Hvornår skulle forummet mødes igen?«, »When will the board meet again?«.
    r"|\b(?:mødes|møtes|mötas|ses|meet)\s+(?:\w+\s+)?(?:igen|igjen|again)\b",
    re.IGNORECASE,
)


# The minutes a question cites as its source (»ifølge referatet fra august 2012«, »jf. mødet i maj
# 2015«): what it asks when or where about is something they report, not that meeting.
_CITED = re.compile(
    r"\b(?:ifølge|jf\.?|jævnfør|i henhold til|according to|as per|as of)\s+(?:det\s+|the\s+)?"
    r"(?:\w*referat\w*|\w*m[øo]de\w*|\w*protokol\w*|minutes|meeting)\b",
    re.IGNORECASE,
)


# Holding the meeting itself: »Hvor blev mødet holdt ifølge referatet?« still asks about it.
_HELD = re.compile(r"\b(?:holdt|afholdt|afviklet|mødtes|held|met)\b", re.IGNORECASE)


# A body meeting (»Hvor mødtes Socialdirektørforum …?«, »Hvilket lokale var kredsen samlet i?«):
# the verb says that what is asked about is a meeting of its subject, dated or not.
_MET = re.compile(r"\b(?:mødtes|samledes|samlet|met|gathered|convened)\b", re.IGNORECASE)
# A body's own meeting that was held, named by what it was about rather than by its date (»Hvor
# blev socialdirektørforums møde om rammeaftalen holdt?«, »DAS-mødet«, »the Board's meeting«): the
# minutes found are its own. Not »mødet om …«, »mødet med …« or »dialogmødet«, which may be a
# meeting the minutes report on, nor one still to be held (»Hvornår skal fællesmødet holdes?«).
_OWN_MEETING = (
    r"\w{3,}s\s+møde\w*|(?-i:[A-ZÆØÅ]{2,})[- ]møde\w*|\w*generalforsamling\w*|(?-i:[A-ZÆØÅ]\w*)'?s?\s+meeting"
)
_WAS_HELD = re.compile(
    rf"\b(?:blev|was|were)\b.*\b(?:{_OWN_MEETING})\b.*\b(?:holdt|afholdt|afviklet|held|conducted)\b",
    re.IGNORECASE,
)


def asks_when_or_where_held(plan: QueryPlan) -> bool:
    """When or where the meeting the question dates was held ("Hvor blev mødet den 25. maj 2020
    holdt?"), or where or when a body met (»Hvor mødtes forummet, da …?«), not the next one
    ("Hvornår er næste møde efter maj 2020?"), nor a date the minutes it cites report
    (»Hvornår behandles rammeaftalen i KKR, jf. mødet i maj 2015?«)."""
    if plan.expects not in ("time", "place") or _NEXT.search(plan.question):
        return False
    if plan.date_range is None or not plan.names_meeting:
        return _MET.search(plan.question) is not None or _WAS_HELD.search(plan.question) is not None
    return not (_CITED.search(plan.question) and not _HELD.search(plan.question))


# Characters from »næste« to the end of the date it gives (»næste Ældrerådsmøde den 12. april 2017«).
NEXT_TO_DATE = 50
_MEETING_NEXT = re.compile(rf"\s+(?:\w+\s+)?(?:{MEETING_WORD})\b", re.IGNORECASE)


def states_next_meeting(text: str) -> bool:
    """Whether ``text`` dates the next meeting (»Næste MR møde 19. november.«, »… indkaldte til
    næste Ældrerådsmøde den 12. april 2017«)."""
    for m in _NEXT.finditer(text):
        # The meeting right after »næste« (one word between at most: »Næste MR møde«; not »Næste
        # skridt er et møde …«), and the date closely after (not »Afdelingsmøde den 12. september.
        # Forslag på næste møde«).
        after = text[m.end() : m.end() + NEXT_TO_DATE]
        meeting = names_a_meeting(m.group(0)) or _MEETING_NEXT.match(after) is not None
        if meeting and (DAY_MONTH.search(after) or find_dates(after)):
            return True
    return False


def asks_next_meeting(plan: QueryPlan) -> bool:
    """When or where the next meeting is ("Hvornår holder bestyrelsen næste møde?")."""
    return plan.expects in ("time", "place") and bool(_NEXT.search(plan.question)) and names_a_meeting(plan.question)


def next_stated(plan: QueryPlan, pool: Sequence[Sentence]) -> np.ndarray:
    """1 for a sentence that dates the next meeting, when the question asks for it."""
    if not asks_next_meeting(plan):
        return np.zeros(len(pool))
    return np.array([states_next_meeting(s.text) for s in pool], dtype=float)


def other_meeting(plan: QueryPlan, pool: Sequence[Sentence]) -> np.ndarray:
    """1 for a sentence that dates something outside the meeting the question asks about, when
    it asks when or where that meeting was held ("Hvor blev mødet den 25. maj 2020 holdt?" -
    "Næste møde afholdes den 17. august 2020" speaks of another meeting)."""
    if asks_next_meeting(plan):
        # "Hvornår er næste møde?": the minutes' own date (its header, »Tid: 14. november«) is
        # the meeting that is over, not the next one.
        return np.array([_dates_only_its_meeting(s) for s in pool], dtype=float)
    period = plan.date_range
    if plan.expects == "time" and _AHEAD.search(plan.question) and not asks_when_or_where_held(plan):
        # »Hvornår skal fællesmødet holdes?« asks for a time still ahead when the minutes were
        # written: a sentence that dates only days before its own meeting tells what was.
        return np.array([_dates_only_before_its_meeting(s) for s in pool], dtype=float)
    if period is None or not asks_when_or_where_held(plan):
        return np.zeros(len(pool))
    out = []
    for s in pool:
        dates = [d for d, _ in find_dates(s.text)]
        out.append(float(bool(dates) and not any(period.start <= d <= period.end for d in dates)))
    return np.array(out)


# A question about what is still to come: »Hvornår skal …«, »… vil …«, »When will …«.
_AHEAD = re.compile(r"\b(?:skal|vil|will|shall|going to|planned|planlagt\w*)\b", re.IGNORECASE)


def _dates_only_before_its_meeting(s: Sentence) -> bool:
    dates = [d.isoformat() for d, _ in find_dates(s.text)]
    return bool(dates) and bool(s.passage.meeting_date) and all(d < s.passage.meeting_date for d in dates)


def _dates_only_its_meeting(s: Sentence) -> bool:
    dates = {d.isoformat() for d, _ in find_dates(s.text)}
    return bool(dates) and dates == {s.passage.meeting_date}
