"""One index generation with what is derived from it, swapped as a whole when a new one goes
live: each agenda item's rows, and words and phrases of passages, items and sources, filled as
questions need them."""

from __future__ import annotations

from dataclasses import dataclass, field

from indexer.records import Passage
from indexer.store import PassageIndex
from retrieval.filters import FilterTable
from retrieval.names import item_words, listed_people, lower_case_words
from retrieval.phrases import question_phrases


@dataclass(frozen=True)
class Loaded:
    """One index generation with what is derived from it: swapped as a whole."""

    index: PassageIndex
    table: FilterTable
    marker: str | None
    items: dict[tuple[str, int], list[int]]
    # The sources read into agenda items (not one run of the meeting's text).
    with_items: frozenset[str]
    # Each source's words written in lower case, filled as questions need them.
    lower_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # Each passage's runs of stems (``retrieval.phrases``), filled as questions need them.
    phrases: dict[int, frozenset[tuple[str, ...]]] = field(default_factory=dict)
    # The words of the names the meeting summaries list (``retrieval.names.listed_people``).
    people: frozenset[str] = frozenset()
    # Each agenda item's words, filled as questions that name people need them.
    words_by_item: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    # The files' names, casefolded (»…hadstenskole_skolebestyrelse…«): a name a question gives
    # may be the organisation's, which its file names though its text may not.
    file_names: tuple[str, ...] = ()


def _item_rows(passages: list[Passage]) -> dict[tuple[str, int], list[int]]:
    """Rows of every agenda item's passages, in document order (the answer reads whole items)."""
    items: dict[tuple[str, int], list[int]] = {}
    for row in sorted(range(len(passages)), key=lambda r: passages[r].span[0]):
        items.setdefault((passages[row].source, passages[row].item_number), []).append(row)
    return items


def load(index: PassageIndex, marker: str | None) -> Loaded:
    """A generation read into what questions need first; the rest is filled as they need it."""
    items = _item_rows(index.passages)
    with_items = frozenset(source for source, number in items if number != 0)
    people = listed_people(index.passages)
    file_names = tuple(sorted({p.source.casefold() for p in index.passages}))
    return Loaded(index, FilterTable(index.passages), marker, items, with_items, people=people, file_names=file_names)


# How file names write the Nordic letters: »Borrehøj« - borrehoej, »Holbæk« - holbaek, or with
# the accent dropped: »Långasands« - langasands.
_ASCII = (
    str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue", "é": "e"}),
    str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ü": "u", "é": "e"}),
)


def _spellings(word: str) -> set[str]:
    """``word`` casefolded, and its stem without a genitive s, as written and in ASCII letters;
    three letters at least."""
    forms = {word.casefold(), word.casefold().removesuffix("s")}
    forms |= {f.translate(table) for f in forms for table in _ASCII}
    return {f for f in forms if len(f) >= 3}


def in_file_names(loaded: Loaded, word: str) -> bool:
    """Whether a file's name holds ``word`` (or its stem without a genitive s), as written or
    in ASCII letters, inside a longer word too (»Hadsten« - hadstenskole)."""
    return any(f in name for f in _spellings(word) for name in loaded.file_names)


def names_its_minutes(word: str, passage: Passage) -> bool:
    """Whether ``word`` names the body whose minutes hold ``passage``: its committee,
    organisation or file name (»Haderslev Byråd« - 212_haderslev_byraadet_2008-03-27.txt)."""
    names = " ".join(n for n in (passage.committee, passage.organisation, passage.body, passage.source) if n).casefold()
    return any(f in names for f in _spellings(word))


def words_of_item(loaded: Loaded, key: tuple[str, int]) -> frozenset[str]:
    found = loaded.words_by_item.get(key)
    if found is None:
        passages = loaded.index.passages
        found = loaded.words_by_item[key] = item_words(passages[r].text for r in loaded.items.get(key, []))
    return found


def phrases_of(loaded: Loaded, row: int) -> frozenset[tuple[str, ...]]:
    found = loaded.phrases.get(row)
    if found is None:
        found = loaded.phrases[row] = question_phrases(loaded.index.bm25.analyzer(loaded.index.passages[row].text))
    return found


def source_words(loaded: Loaded, source: str) -> frozenset[str]:
    """The words ``source`` writes in lower case somewhere (computed once per generation)."""
    words = loaded.lower_words.get(source)
    if words is None:
        words = lower_case_words(p.text for p in loaded.index.passages if p.source == source)
        loaded.lower_words[source] = words
    return words
