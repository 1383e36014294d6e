"""Which words of the minutes are names: those a source writes only capitalised, and those its
meeting summary lists as attendees. Read by ``retrieval.sentences.has_kind`` for questions
about people."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from retrieval.query import QueryPlan

if TYPE_CHECKING:
    from retrieval.sentences import Sentence

# The meeting summary's fields that list no people (``indexer.parse.meeting_info_text``).
_NOT_PEOPLE = re.compile(r"(?:Organisation|Møde|Tid|Sted|Sagsnr\./Dok\.nr\.):")
# A capitalised word (the names of an attendee field; read by ``sentences.has_kind`` too).
CAPITALISED = re.compile(r"\b[A-ZÆØÅ][a-zæøåäöü]+\b")


def attendee_words(pool: Sequence[Sentence]) -> frozenset[str]:
    """The words of the names that the meeting summaries among the candidates list as attendees,
    absent or office holders (»Deltagere: Jan Nielsen, …«), casefolded; not their organisations
    in parentheses (»Leif Serup (Hjørring Kommune)«)."""
    words: set[str] = set()
    for passage in {s.passage.id: s.passage for s in pool if s.passage.role == "info"}.values():
        for line in passage.text.splitlines():
            if not _NOT_PEOPLE.match(line):
                value = re.sub(r"\([^)]*\)", " ", line.partition(":")[2])
                words.update(w.casefold() for w in CAPITALISED.findall(value))
    return frozenset(words)


def lower_case_words(texts: Iterable[str]) -> frozenset[str]:
    """Words written in lower case somewhere, less those also capitalised inside a sentence: a
    name is (»Formanden for FU, Jan Nielsen«), even where its letters are also an abbreviation
    written small (»jan.«)."""
    lower: set[str] = set()
    named: set[str] = set()
    for text in texts:
        lower.update(re.findall(r"\b[a-zæøåäöü]+\b", text))
        named.update(w.casefold() for w in _INSIDE_CAPITALISED.findall(text))
    return frozenset(lower - named)


# A capitalised word after a lower-case word or a comma: inside a sentence, so a name.
_INSIDE_CAPITALISED = re.compile(r"(?<=[a-zæøå,] )[A-ZÆØÅ][a-zæøåäöü]+\b")


def common_words(
    plan: QueryPlan, pool: Sequence[Sentence], words_of: Callable[[str], frozenset[str]]
) -> frozenset[str]:
    """Words that the minutes the candidates come from write in lower case somewhere
    (``words_of(source)``): not names where they open a sentence (»Grundet Corona …«) or a
    table row's label (»Samlede udgifter i alt …«). Needed for questions about people and
    figures only."""
    if plan.expects not in ("person", "money", "count"):
        return frozenset()
    return frozenset().union(*(words_of(source) for source in {s.passage.source for s in pool}))
