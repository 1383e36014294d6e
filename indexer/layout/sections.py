"""Section headings inside an agenda item, and the role each section plays.

Roles: "outcome" (what was decided or recorded: Beslutning, Referat, Afgørelse, Vedtak,
Beslut …), "proposal" (Indstilling, Forslag til beslutning, Innstilling), "attachments"
(Bilag), "background" (everything else that is headed), "notes" (a page's footnotes,
``indexer.layout.footnotes``). A heading may carry more words
("Beslutning i Udvalget for Ældre og Sundhed den 04-06-2020", "Udvalgets beslutning"):
its role comes from its head word. An item without headings whose text states an outcome
("godkendt", "tiltrådt", "blev valgt", "besluttede") gets that paragraph marked as outcome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.chunking import ends_sentence
from indexer.layout.footnotes import footnote_blocks

_ROLES: dict[str, str] = {
    # what was decided or recorded
    "beslutning": "outcome", "beslutninger": "outcome", "afgørelse": "outcome", "referat": "outcome",
    "protokol": "outcome", "protokoltilførsel": "outcome", "konklusion": "outcome", "udvalgets beslutning": "outcome",
    "vedtak": "outcome", "beslut": "outcome", "beslutning og referat": "outcome", "protokoll": "outcome",
    "møtebehandling": "outcome", "behandling": "outcome", "referat og beslutning": "outcome",
    # what was proposed
    "indstilling": "proposal", "indstillinger": "proposal", "forslag til beslutning": "proposal",
    "innstilling": "proposal", "forslag til vedtak": "proposal", "beslutningsforslag": "proposal",
    "administrationens indstilling": "proposal", "forvaltningens indstilling": "proposal",
    "direktionens indstilling": "proposal", "rådmandens indstilling": "proposal", "förslag till beslut": "proposal",
    # attachments
    "bilag": "attachments", "bilagsfortegnelse": "attachments", "vedlegg": "attachments", "bilagor": "attachments",
    # background
    "resumé": "background", "resume": "background", "baggrund": "background", "sagsfremstilling": "background",
    "sagsbeskrivelse": "background", "beskrivelse af sagen": "background", "sagsforløb": "background",
    "sagsgang og sagstype": "background", "beslutningstema": "background", "orientering": "background",
    "efterskrift": "background", "økonomi": "background", "økonomiske konsekvenser": "background",
    "tidsplan": "background", "lovgrundlag": "background", "retsgrundlag": "background", "høring": "background",
    "opfølgning": "background", "personale": "background", "kommunikation": "background",
    "supplerende sagsfremstilling": "background", "sammenfatning": "background", "saksopplysninger": "background",
    "sammendrag": "background", "vurdering": "background", "ärendebeskrivning": "background",
    "konsekvenser": "background", "miljø": "background", "handicappolitik": "background",
}  # fmt: skip
# Section names that are agenda topics in their own right: a line in capitals naming one alone
# (»ØKONOMI«) is an item where the items are such lines, not a section of the item before it.
TOPIC_NAMES = frozenset(
    {"økonomi", "orientering", "personale", "kommunikation", "tidsplan", "høring", "opfølgning", "miljø"}
)
_NAME_ALT = "|".join(re.escape(n) for n in sorted(_ROLES, key=len, reverse=True))
# "Beslutning i Udvalget for Ældre og Sundhed den 04-06-2020", "Indstilling fra direktionen".
_QUALIFIED = r"(?:\s+(?:i|fra|af|for|den|d\.)\s+[^:\n]{1,90}?)?"
# A sentence that opens with a section's name (»Referat fra dagen bliver lagt på sekretariatets
# hjemmeside.«): more words than a heading has, and a full stop after a word.
_SENTENCE = re.compile(r"[^\W\d_][.!?]$")
SENTENCE_WORDS = 6
_HEADING = re.compile(
    rf"^[ \t]*(?:#{{1,6}}[ \t]*)?(?:\*\*)?(?P<name>(?:{_NAME_ALT}){_QUALIFIED})(?:\*\*)?[ \t]*:?[ \t]*(?:\*\*)?"
    rf"(?:[ \t]*$|:[ \t]*(?:\*\*)?[ \t]*(?P<inline>\S.*)$)",
    re.IGNORECASE,
)
# Words that say an item's text records an outcome, when it has no section headings.
OUTCOME_WORDS = re.compile(
    r"\b(godkend(?:t|te|es)|tiltr(?:ådt|ådte|æder)|taget til efterretning|tog\w* .{0,40}til efterretning"
    r"|blev (?:valgt|genvalgt|vedtaget|besluttet|enige)|besluttede|besluttet|vedtaget|vedtog|genvalgt|nyvalgt"
    r"|enighed om|udsættes|udsat|bevilget|afvist|beslutade|godkänd\w*|fastställ\w*|vedtatt|vedtok)\b",
    re.IGNORECASE,
)


def role_of(name: str | None) -> str | None:
    """The role of a section heading as written, or None for text before any heading."""
    if name is None:
        return None
    key = re.sub(r"\s+", " ", name).strip().casefold()
    if key in _ROLES:
        return _ROLES[key]
    for known in sorted(_ROLES, key=len, reverse=True):
        if key.startswith(known + " "):
            return _ROLES[known]
    return "background"


def heading_of(line: str) -> tuple[str, str | None] | None:
    """(section name as written, inline text after "Name:") if the line is a section heading."""
    m = _HEADING.match(line)
    if not m:
        return None
    name = m["name"].strip()
    if _SENTENCE.search(name) and len(name.split()) > SENTENCE_WORDS:
        return None
    return name, m["inline"]


@dataclass(frozen=True)
class SectionSpan:
    name: str | None
    start: int
    end: int
    role: str | None = None


def find_sections(text: str, start: int, end: int) -> list[SectionSpan]:
    """Split ``text[start:end]`` at section headings; text before the first is its own section.

    Spans cover the section's content (headings excluded); an empty lead-in is dropped.
    Without any heading, a paragraph that states an outcome becomes an outcome section.
    """
    sections: list[SectionSpan] = []
    name: str | None = None
    content_start = start
    pos = start
    for raw in text[start:end].split("\n"):
        heading = heading_of(raw)
        if heading is not None:
            sections.append(SectionSpan(name, content_start, pos, role_of(name)))
            name, inline = heading
            content_start = pos + raw.index(inline) if inline else min(pos + len(raw) + 1, end)
        pos += len(raw) + 1
    sections.append(SectionSpan(name, content_start, end, role_of(name)))
    sections = [s for s in sections if s.name is not None or text[s.start : s.end].strip()]
    if len(sections) == 1 and sections[0].name is None:
        sections = _outcome_paragraph(text, sections[0])
    return [part for section in sections for part in _without_footnotes(text, section)]


# The section a page's footnotes are moved into (they are not part of the text around them).
FOOTNOTES = "Fodnoter"


def _without_footnotes(text: str, section: SectionSpan) -> list[SectionSpan]:
    """``section`` with each block of page footnotes in it made a section of its own; the
    text after a block continues the section (it is the next page's)."""
    parts, pos = [], section.start
    for a, b in footnote_blocks(text, section.start, section.end):
        parts += [SectionSpan(section.name, pos, a, section.role), SectionSpan(FOOTNOTES, a, b, "notes")]
        pos = b
    parts.append(SectionSpan(section.name, pos, section.end, section.role))
    return [p for p in parts if p.start == section.start or text[p.start : p.end].strip()]


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Blank-line separated paragraphs; lines, when the text has no blank lines."""
    chunk = text[start:end]
    splitter = r"\n[ \t]*\n" if re.search(r"\n[ \t]*\n", chunk.strip()) else r"\n"
    spans, pos = [], 0
    for m in re.finditer(splitter, chunk):
        spans.append((start + pos, start + m.start()))
        pos = m.end()
    spans.append((start + pos, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


# Lines joined at most on either side to complete the outcome's sentence.
_WRAPPED_LINES = 4


def _whole_sentences(text: str, paragraphs: list[tuple[int, int]], i: int) -> tuple[int, int]:
    """Paragraph ``i`` widened to its whole sentence. Where the paragraphs are a PDF's wrapped
    lines, the line stating the outcome may end a sentence begun above ("Kontingent incl." |
    "Snerydning (uden saltning) er" | "vedtaget."): a line that opens in lower case continues
    the one before, and so does any line after one that ends in an abbreviation. Lines of a
    list (each opening in upper case, without full stops) stay apart."""

    def joined(a: int, b: int) -> bool:
        line = text[paragraphs[a][0] : paragraphs[a][1]].rstrip()
        nxt = text[paragraphs[b][0] : paragraphs[b][1]].lstrip()
        ends = ends_sentence(line)
        return bool(nxt) and ((nxt[0].islower() and not ends) or (line.endswith(".") and not ends))

    first = last = i
    while first > 0 and i - first < _WRAPPED_LINES and joined(first - 1, first):
        first -= 1
    while last + 1 < len(paragraphs) and last - i < _WRAPPED_LINES and joined(last, last + 1):
        last += 1
    return paragraphs[first][0], paragraphs[last][1]


# A line between two that state outcomes, which names the next election or vote (»b.
# Revisorsuppleant på valg var :«): the outcomes around it are one run.
_BETWEEN_WORDS = 8
# An outcome before the last joins its run when it is as short as a line of a list of votes
# (»Per Harbo Sørensen, A15 genvalgt«); a paragraph telling what happened before the meeting
# (»DAS godkendte udkast til Styringsaftale ved møde den 24. maj 2012. …«) is background.
_RUN_WORDS = 20
# An outcome of a few words, opening with its word (»Godkendt«, »Taget til efterretning«): no
# subject of its own (»Kontingentet blev vedtaget«).
_BARE_WORDS = 3


def _links_outcomes(line: str) -> bool:
    return line.rstrip().endswith(":") or len(line.split()) <= _BETWEEN_WORDS


def _outcome_paragraph(text: str, section: SectionSpan) -> list[SectionSpan]:
    """An unheaded item: the last run of paragraphs stating an outcome is marked as the outcome.
    A run is one paragraph, or several short ones apart by at most one short line (»a. Revisor på valg var :«
    | »Per Harbo Sørensen, A15 genvalgt« | »b. Revisorsuppleant på valg var :« | »Thomas Andersen,
    F18 genvalgt«), and it takes in the line announcing it: each election there is an outcome."""
    paragraphs = _paragraphs(text, section.start, section.end)
    stating = [i for i, p in enumerate(paragraphs) if OUTCOME_WORDS.search(text[p[0] : p[1]])]
    if not stating:
        return [section]
    first = last = stating[-1]
    for i in reversed(stating[:-1]):
        gap = first - i - 1
        if gap > 1 or (gap == 1 and not _links_outcomes(text[paragraphs[i + 1][0] : paragraphs[i + 1][1]])):
            break
        if len(text[paragraphs[i][0] : paragraphs[i][1]].split()) > _RUN_WORDS:
            break
        first = i
    if first < last and first > 0 and text[paragraphs[first - 1][0] : paragraphs[first - 1][1]].rstrip().endswith(":"):
        first -= 1
    # A bare approval closing the item (»Godkendt«) approves what the item says before it.
    closing = text[paragraphs[last][0] : paragraphs[last][1]].strip()
    if last == len(paragraphs) - 1 and len(closing.split()) <= _BARE_WORDS and OUTCOME_WORDS.match(closing):
        first = 0
    a = _whole_sentences(text, paragraphs, first)[0]
    b = _whole_sentences(text, paragraphs, last)[1]
    parts = [
        SectionSpan(None, section.start, a, "background"),
        SectionSpan(None, a, b, "outcome"),
        SectionSpan(None, b, section.end, "background"),
    ]
    return [p for p in parts if text[p.start : p.end].strip()]
