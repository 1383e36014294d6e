"""How a passage's text is cut into candidate units for the answer: sentences, list lines,
labelled lines (a header's fields) and table rows, and which units are headings.

Pure functions of the text; ``retrieval.sentences`` makes candidates of the units.
"""

from __future__ import annotations

import itertools
import re

from indexer.chunking import units
from indexer.layout.labels import LABEL_ALTERNATION, LABELS

# A line that starts with a short label ("Sted: ...", "Tid: ...", "Fraværende: ...").
_LABEL_LINE = re.compile(r"\n(?=[ \t]*[A-ZÆØÅ][\w .()/-]{0,30}:[ \t]+\S)")
# A header table's row: a label the header step knows, a tab, the value ("Sted\tSkype").
_TABBED_LABEL_LINE = re.compile(rf"\n(?=[ \t]*(?:{LABEL_ALTERNATION})\t+\S)", re.IGNORECASE)
# In a meeting's front matter, a header row copied out of a PDF: the label the header step
# knows, a space, the value (»Sted Læsø⏎Deltagere Jan Nielsen, …«). Only there: in an item, a
# line opening with such a word (»Deltagere på mødet var …«) may go on with the line before.
_SPACED_LABEL_LINE = re.compile(rf"\n(?=[ \t]*(?=(?-i:[A-ZÆØÅ]))(?:{LABEL_ALTERNATION})[ \t]+\S)", re.IGNORECASE)
# A known label's line that no full stop ends, before a capitalised line: the field ends with
# its line (»Referent: Anne Mikkelsen⏎Kontoret sørger for …«), not in the next sentence.
# Only fields of one value: a list of names wraps onto lines that open with a capital too.
_ONE_VALUE = "|".join(
    re.escape(k) for k, f in sorted(LABELS.items(), key=lambda kv: -len(kv[0])) if f in ("role", "place", "time", "end")
)
_FIELD_LINE_END = re.compile(
    rf"^[ \t]*(?:{_ONE_VALUE})[ \t]*:[ \t]+[^\n]*[^\s.!?:;,&/-](?<!\bog)(?<!\band)(?<!\bsamt)\n"
    r"(?=[ \t]*(?-i:[A-ZÆØÅ]))",
    re.IGNORECASE | re.MULTILINE,
)
# A list line's end before a capitalised line that is no list line: the list has ended
# (»• Mulighed for benchmarking⏎Døgnseminaret afholdes på Hotel Sixtus.«), unless the list
# line breaks off mid-phrase (a comma, a hyphen, »og«) and the next line goes on with it.
_LIST_END = re.compile(
    r"^[ \t]*[-•▪●◦·*–][ \t][^\n]*[^\s,;–-](?<!\bog)(?<!\beller)(?<!\bsamt)(?<!\bi)(?<!\bfor)(?<!\btil)"
    r"(?<!\bmed)(?<!\bom)(?<!\bpå)(?<!\baf)[ \t]*\n(?=[ \t]*[A-ZÆØÅ])",
    re.MULTILINE,
)
# Also a list line's date or number before its colon: »- 17. August: Rapporterne forelægges DAS«.
_LABEL_START = re.compile(r"[ \t]*(?:[-•–*][ \t]+)?[A-ZÆØÅ0-9][\w .()/-]{0,30}:[ \t]*$")
# A label the header step knows, inside a line: "... Byrådssalen Starttidspunkt: Kl. 17:00".
_INLINE_LABEL = re.compile(rf"(?<=\s)(?:{LABEL_ALTERNATION})[ \t]*:", re.IGNORECASE)
# A Markdown table's row is a line of its own (»| Afbud | Jan Nielsen, Flemming Hansen |«): a
# header written as a table is a field per row, not one run of every field.
_TABLE_ROW_LINE = re.compile(r"\n(?=[ \t]*\|)")
# A number alone on its line opens a list entry or a footnote (»7« / »Beløbene er beregnet …«):
# what stood before it has ended, with or without a full stop.
_NUMBER_LINE = re.compile(r"\n(?=[ \t]*\d{1,2}[ \t]*\n)")
# A table row on one line ends with its figures (two or more): the next capitalised line is the
# next row (»Inventar og IT udgifter 49.100 30.000 -19.100⏎Evaluering Rammesekretariatet …«).
_ROW_END = re.compile(r"[ \t][-−+]?\d[\d.,]*[ \t]+[-−+]?\d[\d.,]*[ \t]*\n(?=[ \t]*[A-ZÆØÅ])")
# A table's row as text copied out of a PDF leaves it: the label cell, then its figures on lines
# of their own (»Resultat (p.t. udlæg Aalborg⏎kommune)⏎⏎-164.000«). The figures alone answer
# nothing; with their label they are a fact.
_FIGURES = re.compile(r"\s*(?:[-−+]?\d[\d.,]*(?:\s*(?:kr\.?|%))?\s+)*[-−+]?\d[\d.,]*(?:\s*(?:kr\.?|%))?\s*")
_ROW_LABEL = re.compile(r"\s*[^\W\d_][^\n!?:;]*(?:\n[^\n!?:;]+)?[^.!?:;\s]\s*")
ROW_LABEL_WORDS = 12
# A table row as one unit: its label, then two or more figures or one of at least three digits.
_FIGURE = r"[-−+]?\d(?:[\d.,]*\d)?"
_ROW = re.compile(rf"(?P<label>[^\W\d_][^\n!?:;]*?)\s+(?P<figures>{_FIGURE}(?:\s+{_FIGURE})*)\s*")


def field_units(text: str, front_matter: bool = False) -> list[tuple[int, int]]:
    """Sentence spans (``indexer.chunking.units``) that keep a labelled line whole.

    In a header or field block ("Møde: Byrådet\nTid: 29. januar 2020\nSted: Rådhuset") a
    colon is not a sentence end and every line is a fact of its own: "Tid: 29. januar 2020",
    not "Byrådet Tid:". A span is cut before a labelled line, and a label is joined to the
    value that follows it on its line. A header flattened onto one line ("Mødested: Byrådssalen
    Starttidspunkt: Kl. 17:00 Sluttidspunkt: Kl. 19:25") is cut before each label the header
    step knows, so that each field is a fact of its own there too. In ``front_matter`` (a
    meeting's header as written) a line that opens with such a label and a space is one too.
    """
    inline = {m.start() for m in _INLINE_LABEL.finditer(text) if text[m.start()].isupper()}
    line_ends = (_LABEL_LINE, _TABBED_LABEL_LINE, _NUMBER_LINE, _FIELD_LINE_END, _ROW_END, _LIST_END, _TABLE_ROW_LINE)
    line_ends += (_SPACED_LABEL_LINE,) if front_matter else ()
    lines = {m.end() for pattern in line_ends for m in pattern.finditer(text)}
    cuts = {0, len(text)} | {a for a, _ in units(text)} | lines | inline
    edges = sorted(cuts)
    for a, b in itertools.pairwise(edges):
        starts_field = a == 0 or text[a - 1] == "\n" or a in inline
        label_only = _LABEL_START.fullmatch(text, a, b) is not None and starts_field
        if label_only and b < len(text) and not text[a:b].endswith("\n") and b not in inline:
            cuts.discard(b)
    spans = [(a, b) for a, b in itertools.pairwise(sorted(cuts)) if text[a:b].strip()]
    return _rows_joined(text, spans)


def _rows_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each run of figures alone joined to the table row's label just above it."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and _is_figures(text[a:b]) and _is_row_label(text, *out[-1]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def row_label(text: str) -> str | None:
    """The label of a table row (»Samlede udgifter i alt« of »Samlede udgifter i alt 1.715.000
    1.510.000 -205.000«), or None for anything else."""
    # Cheap checks first: this runs on every candidate of every question.
    if not text.rstrip()[-1:].isdigit() or len(text.split()) > 2 * ROW_LABEL_WORDS:
        return None
    m = _ROW.fullmatch(text)
    if m is None or sum(c.isdigit() for c in m["figures"]) < 3 or len(m["label"].split()) > ROW_LABEL_WORDS:
        return None
    # Years alone head the columns (»Antal borgere … 2017 2018 2019«): no row of figures.
    years = all(re.fullmatch(r"(?:19|20)\d\d", f) for f in m["figures"].split())
    return None if years else m["label"]


def _is_figures(part: str) -> bool:
    return _FIGURES.fullmatch(part) is not None and sum(c.isdigit() for c in part) >= 3


def _char_before(text: str, a: int) -> str:
    """The last character before ``a`` that is not a space or tab ("" at the start)."""
    i = a - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return text[i] if i >= 0 else ""


def _char_after(text: str, b: int) -> str:
    """The first character from ``b`` on that is not a space or tab ("" at the end)."""
    i = b
    while i < len(text) and text[i] in " \t":
        i += 1
    return text[i] if i < len(text) else ""


def _is_row_label(text: str, a: int, b: int) -> bool:
    part = text[a:b]
    # A sentence may not end right before it: then it is that sentence's last words.
    after_sentence_end = _char_before(text, a) in tuple(".!?:")
    return (
        not after_sentence_end
        and _ROW_LABEL.fullmatch(part) is not None
        and len(part.split()) <= ROW_LABEL_WORDS
        and not _is_figures(part)
    )


# A heading or label: no sentence end and few words ("Ændring af takst på Svenstrupgård",
# "Antal borgere", "STARTTIDSPUNKT"). It names what follows rather than saying anything.
HEADING_WORDS = 12
LIST_MARK = re.compile(r"^\s*(?:[-•–*]|\d{1,2}[.)]|[a-zæøå][.)])\s")


def is_heading(text: str) -> bool:
    """A heading or label; a list line is content however short ("- Per Olsen"), and so is a
    table row with its figures; a line ending with ":" counts as the sentence that introduces
    what it announces."""
    stripped = text.rstrip()
    return (
        not stripped.endswith((".", "!", "?", ";", ":"))
        and len(stripped.split()) <= HEADING_WORDS
        and not LIST_MARK.match(stripped)
        and row_label(stripped) is None
    )


# A numbered point of an item's text (»Pkt. 5: Udviklingsstrategi – orientering vedr. …«,
# »Ad 2)«): on a line of its own it heads what follows, whatever its punctuation.
_SUB_POINT = re.compile(r"(?:pkt\.?|punkt|ad)\s*\d{1,2}\b", re.IGNORECASE)
_SUB_POINT_WORDS = 15


def is_sub_heading(text: str, a: int, b: int) -> bool:
    """A heading on a line of its own that names what follows: not a labelled field (»Sted:
    Læsø«) nor a table row (»Samlede udgifter i alt 1.715.000 …«); or a numbered point's line."""
    part = text[a:b].strip()
    start, end = a + len(text[a:b]) - len(text[a:b].lstrip()), a + len(text[a:b].rstrip())
    own_line = _char_before(text, start) in ("\n", "") and _char_after(text, end) in ("\n", "")
    if own_line and _SUB_POINT.match(part) and len(part.split()) <= _SUB_POINT_WORDS:
        return True
    return own_line and is_heading(part) and ":" not in part and sum(c.isdigit() for c in part) < 3
