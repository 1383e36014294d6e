"""Follow-up questions, without a language model.

The rule: a question continues the previous topic when it has no topic words of its own
once its date and question words are set aside ("Hvad blev der sagt i marts 2013?",
"Hvad med 2012?"), or when it opens with a joining word ("Og ...", "Men ...", "Også ...",
"And ...", "But ..."). Then the search is the previous topic plus the new question, so
its date or angle applies to the same topic. Any other question ("Hvad med Socialtilsyn?")
starts a new topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.bm25 import STOPWORDS
from retrieval.query import QueryPlan, analyze, strip_period

_JOINING = re.compile(r"^\s*(og|men|også|and|but|also)\b", re.IGNORECASE)
# Words that ask about a topic without naming one.
_GENERIC = frozenset(
    """
    besluttet beslutning beslutningen besluttede drøftet drøftede drøftelse sagt sagde skete sket
    vedtaget godkendt møde mødet møder referat referatet punkt punktet emne emnet nyt nye
    med så mere andet
    decided decision discussed said happened meeting minutes item topic new more else
    """.split()
)


@dataclass(frozen=True)
class Turn:
    """What to search for, and the topic the conversation is now about."""

    query: str
    topic: str
    follows_up: bool


def own_topic_words(question: str, plan: QueryPlan | None = None) -> list[str]:
    """The question's own topic words: not its date, question words or generic words. ``plan``:
    the question's analysis where the caller has it already."""
    plan = plan or analyze(question)
    words = re.findall(r"[^\W\d_]+", strip_period(question, plan).casefold())
    return [w for w in words if w not in STOPWORDS and w not in _GENERIC and len(w) > 1]


def next_turn(question: str, previous_topic: str | None) -> Turn:
    """Apply the follow-up rule to ``question`` given the topic so far."""
    question = question.strip()
    if previous_topic and (_JOINING.match(question) or not own_topic_words(question)):
        return Turn(f"{previous_topic} {question}", previous_topic, True)
    return Turn(question, strip_period(question, analyze(question)), False)


def topic_label(topic: str) -> str:
    """The topic's own words as written ("Hvad blev besluttet om Taleinstituttet?" -> "Taleinstituttet")."""
    own = set(own_topic_words(topic))
    words = [w for w in re.findall(r"[^\W\d_][\w-]*", strip_period(topic, analyze(topic))) if w.casefold() in own]
    return " ".join(words) or topic
