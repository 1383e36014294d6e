"""Which words of the minutes are names: those a source writes only capitalised, and those its
meeting summary lists as attendees. Read by ``retrieval.sentences.has_kind`` for questions
about people."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from indexer.records import Passage
from retrieval.query import QueryPlan, detect_language
from retrieval.translate import translations

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
    return listed_people({s.passage.id: s.passage for s in pool}.values())


def listed_people(passages: Iterable[Passage]) -> frozenset[str]:
    """The words of the names that the meeting summaries among ``passages`` list (see
    ``attendee_words``)."""
    words: set[str] = set()
    for passage in passages:
        if passage.role != "info":
            continue
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


# A person in a question: a capitalised word after its first, not an acronym, nor a noun in the
# definite form (»Byrådet«), nor after a preposition, where it is a place or a topic (»i Aalborg«,
# »om Taleinstituttet«).
_PREPOSITIONS = "i på om for til fra ved med hos af efter under in at of about with from to on by".split()
NAME = re.compile("".join(rf"(?<!\b{p} )" for p in _PREPOSITIONS) + r"(?<=\s)[A-ZÆØÅ][a-zæøåäöü]{2,}(?<!et)\b")


def question_people(question: str, people: frozenset[str]) -> frozenset[str]:
    """The people a question names, casefolded (»Blev Leifs ønske …« - leif): its capitalised
    words (``NAME``) that are among ``people``, the names the minutes list as attendees (not a
    committee's name: »Hvornår skulle Socialdirektørforum mødes igen?«)."""
    found = set()
    for name in (n.casefold() for n in NAME.findall(question)):
        if name in people:
            found.add(name)
        elif name.endswith("s") and name[:-1] in people:  # the genitive
            found.add(name[:-1])
    return frozenset(found)


# How much the passages of an item that names the people a question names are favoured: as much
# as a period the question names without naming the meeting (``search.PERIOD_BOOST``).
NAME_BOOST = 1.15


def favour_named(
    fused: dict[int, float],
    names: frozenset[str],
    item_of: Callable[[int], tuple[str, int]],
    words_of: Callable[[tuple[str, int]], frozenset[str]],
) -> dict[int, float]:
    """The fused scores with the passages of items that name every person the question names
    (``question_people``) favoured: another meeting's item on the same topic, where they did not
    speak, is less likely what is asked (»Blev Leifs ønske om … imødekommet?«). ``item_of``: a
    row's item; ``words_of``: an item's words, casefolded. Not the front matter, which names
    everyone present and the organisation."""
    if not names:
        return fused
    named: dict[tuple[str, int], bool] = {}
    out = {}
    for row, value in fused.items():
        key = item_of(row)
        if key not in named:
            named[key] = key[1] != 0 and names <= words_of(key)
        out[row] = value * NAME_BOOST if named[key] else value
    return out


def item_words(texts: Iterable[str]) -> frozenset[str]:
    """The words of an item's passages, casefolded (for ``favour_named``)."""
    return frozenset(w for text in texts for w in re.findall(r"\w+", text.casefold()))


# A place or organisation a question names: after »i«, »på« or »hos« (»… mødet i Rødovre?«),
# or before the kind of body it is (»Gentofte Kommune«, »Hadsten Skole«). Not after »fra«, which
# names where an attendee comes from, nor any capitalised word: minutes write parties and people
# short (»(V)«, »HAK«), so a person or a party the text lacks may still be there.
_GIVEN_PLACE = re.compile(
    r"\b(?:i|på|hos|in|at)\s+(?P<after>[A-ZÆØÅ][a-zæøåäöüé]{2,})\b"
    r"|\b(?P<before>[A-ZÆØÅ][a-zæøåäöüé]{2,})(?=\s+(?i:kommunes?|regions?|amts?|skoles?|kirkes?|sogns?|"
    r"menighedsråd\w*|byråd\w*|grundejerforening\w*|boligforening\w*|boligselskab\w*|forening\w*|klub\w*)\b)"
)


def unknown_places(question: str, knows: Callable[[str], bool]) -> tuple[str, ...]:
    """The places and organisations ``question`` names that neither the minutes nor their files'
    names hold (``knows``): the folder holds no minutes of theirs, however close the rest of its
    words come (»Hvem var formand for mødet i Rødovre?« over minutes of other towns)."""
    named = (m["after"] or m["before"] for m in _GIVEN_PLACE.finditer(question))
    # An English question capitalises plain words too (»in May«, »in North Jutland«).
    english = detect_language(question) == "en"
    return tuple(w for w in named if not knows(w) and not (english and translations(w.casefold())))
