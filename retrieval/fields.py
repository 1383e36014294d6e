"""Header fields and table rows a question names: »Hvem meldte afbud?« asks for the line
»Afbud: …«, »Hvor blev mødet holdt?« for »Sted: …«, »Hvad blev underskuddet?« for the row
»Resultat … -164.000«. Text tests used by the answer model and the quote."""

from __future__ import annotations

import re

from indexer.layout.labels import LABEL_ALTERNATION, LABELS, label_at_start
from indexer.text import dehyphenate
from retrieval.overlap import danish_analyzer
from retrieval.query import MEETING_WORD, asks_attendance
from retrieval.units import row_label

# The header fields whose label names a fact a question may ask for ("Afbud", "Sted", "Referent").
FACT_FIELDS = frozenset({"time", "end", "place", "participants", "absent", "role"})


def label_asked(text: str, asked: set[str]) -> bool:
    """Whether ``text`` opens with a label among the question's stems ``asked`` ("Afbud: ..." for
    "Hvem meldte afbud?"), or with a label of a field the question names (``asked_terms``)."""
    label = opening_label(text)
    if label is None:
        return False
    return bool(set(danish_analyzer()(label)) & asked) or f"field:{LABELS[label]}" in asked


# Fields whose labels stand for one another: »Hvem var fraværende?« asks for »Afbud: …«, and
# »Hvem var til stede?« for »Deltagere: …«. (Not the roles: a referent is no dirigent.)
# Only words that name the field and nothing else (not »medlemmer«, »deltog«, »present«).
_FIELD_WORDS = {
    "absent": (
        "afbud",
        "fraværende",
        "forfall",
        "frånvarande",
        "apologies",
        "absent",
        "regrets",
        "meldt fra",
        "meldte fra",
        "melder fra",
        "melde fra",
    ),
    "participants": ("deltagere", "til stede", "tilstede", "fremmødte", "mødte op", "närvarande", "attendees"),
}
_FIELD_NAMED = {
    field: re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)
    for field, words in _FIELD_WORDS.items()
}


# Accounts name a deficit or a surplus by the row that states it: »Resultat … -164.000«.
_ROW_NAMES = {"underskud": "resultat", "overskud": "resultat", "deficit": "resultat", "surplus": "resultat"}


_WHO_CAME = re.compile(
    rf"^\W*(?:hvem|who|vem)\b.*\b(?:deltog|deltager|deltaget|var med|attended|attends|deltok|deltar)\b"
    rf".*\b(?:{MEETING_WORD})\b",
    re.IGNORECASE,
)


def asked_terms(question: str) -> set[str]:
    """The question's stems, the row name of a figure it asks for (»underskuddet« - Resultat),
    and ``field:…`` for each field it names by one of its labels."""
    named = {f"field:{field}" for field, pattern in _FIELD_NAMED.items() if pattern.search(question)}
    # Whether someone came (»Deltog Hans …?«) is answered by whichever list names them.
    if asks_attendance(question):
        named |= {f"field:{field}" for field in _FIELD_WORDS}
    # Who came to a meeting (»Hvem deltog i DAS-mødet i maj 2020?«, »Who attended the meeting?«):
    # its attendee list. (»deltog« alone names no field: »Henrik deltog i KDK's møde«.)
    if _WHO_CAME.search(question):
        named.add("field:participants")
    stems = set(danish_analyzer()(question))
    rows = {row for word, row in _ROW_NAMES.items() if any(stem.startswith(word) for stem in stems)}
    return stems | named | rows


# The header fields that answer a question of a kind by themselves: a place. (Not a time:
# »Dato«, the start and the end are three fields, and the next one is often the one asked for.)
_FIELDS_OF_KIND = {"place": ("place",)}


def field_answers(text: str, kind: str | None) -> bool:
    """Whether ``text`` opens with the label of a field that answers ``kind`` ("Sted Læsø" a place)."""
    return opening_field(text) in _FIELDS_OF_KIND.get(kind or "", ())


# Any header label with its colon, inside a line too (»Afdelingsbestyrelsesmøde … Dato: …«).
_ANY_FIELD = re.compile(rf"(?i)(?<!\w)(?:{LABEL_ALTERNATION})\s*:")


def holds_a_field(text: str) -> bool:
    """Whether ``text`` is or holds a header field: it opens with a label, or a label and its colon
    stand in it (a header written on one line)."""
    return opening_label(text) is not None or _ANY_FIELD.search(text) is not None


def opening_label(text: str) -> str | None:
    """The label a header line opens with ("Afbud: ...", "Afbud Anne ...", a table's row »| Afbud |
    Jan Nielsen |«), if the header step knows it."""
    row = _TABLE_ROW.match(text)
    label = label_at_start(f"{row['label']}: {row['value']}" if row else text)
    return label if LABELS.get(label or "") in FACT_FIELDS else None


def opening_field(text: str) -> str | None:
    """The header field a line's label names (»Afbud« and »Fraværende«: absent), if any."""
    label = opening_label(text)
    return LABELS[label] if label else None


# A list mark before a label on a line of its own (»• Afbud« over »• Morten Weiss-Pedersen, C«).
_LIST_MARK = re.compile(r"^\s*[•▪◦*–-]\s+")


def without_list_mark(text: str) -> str:
    return _LIST_MARK.sub("", text)


def line_label(text: str) -> str | None:
    """A line's label (``opening_label``), a list mark before it aside."""
    return opening_label(without_list_mark(text))


def line_field(text: str) -> str | None:
    """The header field a line's label names, a list mark before it aside."""
    label = line_label(text)
    return LABELS[label] if label else None


# A Markdown table's row of two cells: »| Afbud | Jan Nielsen, Flemming Hansen |«.
_TABLE_ROW = re.compile(r"^\s*\|\s*(?P<label>[^|\n]+?)\s*\|\s*(?P<value>[^|\n]*?)\s*\|?\s*$")


def row_asked(text: str, asked: set[str], common: frozenset[str] = frozenset()) -> float:
    """For a table row, the share of its label's words that the question names, the remark in
    brackets aside (»Hvad blev resultatet …?« - »Resultat (p.t. udlæg Aalborg kommune) -164.000«);
    0 for anything else. ``common``: words the minutes write in lower case (the label's first
    word is capitalised anyway: »Samlede udgifter i alt« names no other row)."""
    label = row_label(dehyphenate(text))
    label = re.sub(r"\(.*?\)", " ", label) if label else ""
    stems = set(danish_analyzer()(label))
    share = len(stems & asked) / len(stems) if stems else 0.0
    # A name the question lacks makes it another row of the table (»Hobro Krisecenter 4 1.943«
    # for »… Aalborg Krisecenter?«).
    words = label.split()
    if words and words[0].casefold() in common:
        words = words[1:]
    other = any(w[:1].isupper() and not set(danish_analyzer()(w)) & asked for w in words)
    return 0.0 if share < 1 and other else share
