"""Lines that may head an agenda item, in every common form.

Numbered: "1.", "1)", "01.", "1 Titel", "IV.", "Punkt 1", "Pkt. 1", "Pkt.12", "Ad 1", "Ad pkt. 2",
"§ 1", "§1", "PS 23/22", "Sag 12/2025", a number alone on its line with the title on the next, running
case numbers ("715."). Unnumbered: heading lines ending in a colon ("Cykeloprydning og
-parkering:"), time slots ("19.45-20.00 - Drøftelse"), Markdown headings ("## Budget"), short
lines in capitals ("LEGEPLADSEN").
Whether a head is an agenda item is decided later (``agenda``), from all heads together.
"""

from __future__ import annotations

import re

from indexer.dates import find_dates
from indexer.layout.head import Head, clean_title, head_number, split_inline
from indexer.layout.inline_heads import FLATTENED, contents_region, inline_in_contents, inline_labelled
from indexer.layout.labels import LABELS
from indexer.layout.lines import Line, blank_after, blank_before, next_filled, unmarked
from indexer.layout.sections import TOPIC_NAMES, heading_of, role_of

MAX_TITLE = 250
# Style -> pattern for the number and what follows it on the line.
_NUMBERED = {
    "label": re.compile(
        # »Sak 1:« (Norwegian, Danish »Sag 1.«), not a case number »Sak 10/15« (style "case").
        r"^(?:(?:punkt|pkt|dagsordenspunkt)\.?\s*(?:nr\.?\s*)?|ad\.?\s*(?:(?:pkt|punkt)\.?\s*)?"
        r"|(?:sak|sag)\s+(?=\d{1,3}\s*[:.](?!\d)))"
        r"(?P<n>\d{1,3})(?![\d,])\s*[.:)]?(?P<rest>.*)$",
        re.IGNORECASE,
    ),
    "para": re.compile(r"^§\s*(?P<n>\d{1,3})(?![\d,])\s*[.:]?(?P<rest>.*)$"),
    # "PS 23/22", "Sag 12/2025", "Sak nr. 2.2010" (the case's number, then its year).
    "case": re.compile(
        r"^(?:PS|RS|FS|DS|OS|Sak|Saksnr\.?|Sag|Sagsnr\.?)\s*(?:nr\.?\s*)?(?P<n>\d{1,4})"
        r"\s*(?:/\s*\d{2,4}|\.(?:19|20)\d\d)\b(?![./]\d)(?P<rest>.*)$"
    ),
    "dot": re.compile(r"^(?P<n>\d{1,4})\.(?!\d)(?P<rest>.*)$"),
    "paren": re.compile(r"^(?P<n>\d{1,3})\)(?P<rest>.*)$"),
    # "1: Godkendelse af referatet" (not a time, "10:00").
    "numcolon": re.compile(r"^(?P<n>\d{1,3}):(?!\d)\s*(?P<rest>[A-ZÆØÅÄÖÜ].*)$"),
    # A number alone on its line, the title on the next (web exports): see ``_alone_heads_an_item``.
    "alone": re.compile(r"^(?P<n>\d{1,3})(?P<rest>)$"),
    "bare": re.compile(r"^(?P<n>\d{1,3})[ \t]+(?P<rest>[A-ZÆØÅÄÖÜ].*)$"),
    # Roman numerals: "I. Godkendelse af referat", "IV. Eventuelt" (capitals, up to 49).
    "roman": re.compile(r"^(?P<n>(?=[IVXL])(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3}))\.(?![\d.])(?P<rest>.*)$"),
}
# A word glued in front of the number by a web export: "Indholdsfortegnelse1. Fraværende".
_GLUED = re.compile(r"^(?P<glue>[^\W\d_]{4,})(?=\d{1,3}[.)]\s+[A-ZÆØÅ])")
# A minute's reference before the agenda number (»C048/23      1.   APOLOGIES FOR ABSENCE.«):
# the number after it is the item's.
_REFERENCE = re.compile(r"^[A-ZÆØÅ]{0,4}\d{1,4}/\d{2,4}\s+(?=\d{1,3}[.)]\s+[A-ZÆØÅ])")
# A bullet before the number, a web page's list that prints both (»• 1 Mötet öppnas«).
_BULLET = re.compile(r"^[•▪◦]\s*(?=\d{1,3}[.)]?\s+[A-ZÆØÅÄÖÜ])")
_TIME_SLOT = re.compile(
    r"^(?:kl\.?\s*)?\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}\b\s*(?:[-–:]\s*)?(?P<rest>.*)$", re.IGNORECASE
)
_STARTS_TITLE = re.compile(r"^[\"'“”«(]?[A-ZÆØÅÄÖÜÉ]")
_STARTS_ANY = re.compile(r"^[\"'“”«(]?[^\W\d_]")
# Words that end a title line that continues on the next: "… boligområde ved" / "Søgårdvej".
_CONTINUES = re.compile(r"(?:\b(?:og|eller|af|for|til|i|på|ved|med|om|fra|samt|under|mellem|vedr\.)|[-–,&/])$")
# A line with a verb is a sentence introducing a list ("Følgende blev aftalt:"), not a heading.
_CLAUSE = re.compile(
    r"\b(?:blev|bliver|er|var|skal|vil|har|havde|kan|kunne|følgende|bl\.a|fx|eksempelvis|således)\b", re.IGNORECASE
)
# Header labels are not headings: "Deltagere:", "Afbud:", "Dato:" …
_LABELS = re.compile(
    r"^(?:dato|tid|tidspunkt|sted|mødested|deltagere|til ?stede|fraværende|afbud|referent|ordstyrer|dirigent"
    r"|mødeleder|sekretær|formand|kopi|emne|mødedeltagere|medlemmer|fremmødte|forfall|närvarande|gæster"
    r"|gæst|[a-zæøå]*repræsentant(?:er)?|forældrevalgte|medarbejdervalgte|indkaldt|dagsorden|referat|to do"
    r"|mødekalender|underskrift\w*|skoleledelse|ledelse|justeras|vid protokollet)$",
    re.IGNORECASE,
)


def _wrapped(lines: list[Line], i: int, title: str) -> tuple[str, int]:
    """Join wrapped title lines: lower-case continuations, or any line after a dangling "og", "ved", "–"."""
    j = i
    while j + 1 < len(lines) and len(title) < MAX_TITLE:
        nxt = j + 1
        if lines[nxt].blank and _CONTINUES.search(title) and nxt + 1 < len(lines):
            nxt += 1  # "Eventuelt –" / "" / "Valg"
        text = lines[nxt].text.strip()
        if not text or re.search(r"[.:?!]$", title) or heading_of(text) is not None:
            break
        # A short last line right before a section heading ends a title the page width cut.
        before_heading = nxt + 1 < len(lines) and heading_of(lines[nxt + 1].text) is not None
        cut_by_width = len(title) >= 40 and len(text) <= 60 and before_heading and not text.endswith(".")
        if re.match(r"^(?:[a-zæøå][.)]|[-•–*])\s", text):
            break  # "a) Bane 3 …": the item's first sub-point, not the rest of its title
        if not (re.match(r"^[a-zæøå]", text) or _CONTINUES.search(title) or cut_by_width):
            break
        if len(title) + len(text) > MAX_TITLE:
            break
        if any(p.match(text) for p in _NUMBERED.values()) or _TIME_SLOT.match(text):
            break
        j = nxt
        title = f"{title} {text}"
    return title, j


def _numbered(lines: list[Line], i: int) -> list[Head]:
    line = lines[i]
    body, offset, _level = unmarked(line.text)
    lead = len(body) - len(body.lstrip())
    body = body.strip()
    glued = _GLUED.match(body) or _REFERENCE.match(body) or _BULLET.match(body)
    if glued:
        lead += glued.end()
        body = body[glued.end() :]
    found = []
    for style, pattern in _NUMBERED.items():
        m = pattern.match(body)
        if not m or (style == "dot" and find_dates(body[:16]) and find_dates(body[:16])[0][1][0] == 0):
            continue
        if style in ("dot", "bare") and re.match(r"^\d{1,2}\.\s*(?:[a-zæøå]+\.?\s+)?\d", body):
            continue  # "21. 03. 2013", "24. maj 2012"
        rest = m["rest"]
        head_start = line.start + offset + lead
        rest_start = head_start + m.start("rest") + (len(rest) - len(rest.lstrip(" \t-–:")))
        if offset and not glued:
            head_start = line.start  # »### AD 2: …«: the heading's markup belongs to its item
        rest = rest.strip(" \t").lstrip("-–: \t").rstrip()
        explicit = style in ("label", "para", "case")
        if not rest or re.fullmatch(r"\(.*\)", rest):
            head = _title_below(lines, i, style, head_number(m["n"]), head_start)
            if head is None and explicit and not rest:
                # »Punkt 8:« over a list of points: an item that has no title of its own.
                body_start = min(line.end + 1, lines[-1].end)
                head = Head(i, style, head_number(m["n"]), "", head_start, i, body_start, True, rest_start)
            if head is not None and (style != "alone" or _alone_heads_an_item(lines, head)):
                found.append(head)
            continue
        if not (_STARTS_ANY if explicit else _STARTS_TITLE).match(rest):
            continue
        cut = split_inline(rest)
        if len(rest) > 600 and (cut is None or cut > MAX_TITLE):
            continue  # a paragraph that opens with a number, not a title that runs on into its text
        if cut is not None and (cut <= MAX_TITLE):
            title = clean_title(rest[:cut])
            body_start = rest_start + cut
            while body_start < line.end and lines[i].text[body_start - line.start].isspace():
                body_start += 1
            found.append(Head(i, style, head_number(m["n"]), title, head_start, i, body_start, False, rest_start))
            continue
        if len(rest) > MAX_TITLE:
            continue
        title, last = _wrapped(lines, i, rest)
        body_start = min(lines[last].end + 1, lines[-1].end)
        found.append(
            Head(i, style, head_number(m["n"]), clean_title(title), head_start, last, body_start, True, rest_start)
        )
    return found


# What follows an item's title in a case-management export: its case number or first section.
_CASE_LINE = re.compile(r"^\s*(?:sagsnr|sags nr|sag nr|journalnr|j\.\s?nr|dok\.?\s?nr|sagsid)\b", re.IGNORECASE)


def _alone_heads_an_item(lines: list[Line], head: Head) -> bool:
    """A bare number alone on its line is an item's number only when the lines after its title
    read like an item (a case number, a section heading): else it is a page number or a figure."""
    after = [ln.text for ln in lines[head.last_line + 1 : head.last_line + 6] if not ln.blank][:3]
    return any(_CASE_LINE.match(text) or heading_of(text.strip()) is not None for text in after)


# The item's number on the line under its title (»Spørgetid« / »Sag nr. 129«): a municipality's
# web export of its minutes.
_NUMBER_UNDER_TITLE = re.compile(r"^(?:sag|sak|punkt|pkt\.?)\s*nr\.?\s*(?P<n>\d{1,4})\s*$", re.IGNORECASE)


def _title_above(lines: list[Line], i: int) -> Head | None:
    """ "Sag nr. 129" under a title line, text or a blank line after it: the item is headed by the title."""
    m = _NUMBER_UNDER_TITLE.match(lines[i].text.strip())
    if m is None or blank_before(lines, i) or not blank_after(lines, i):
        return None
    title = lines[i - 1].text.strip()
    if not _STARTS_TITLE.match(title) or len(title) > MAX_TITLE or title.endswith((".", ":")):
        return None
    if heading_of(title) is not None or any(p.match(title) for p in _NUMBERED.values()):
        return None
    body_start = min(lines[i].end + 1, lines[-1].end)
    return Head(i - 1, "above", int(m["n"]), clean_title(title), lines[i - 1].start, i, body_start, True)


def _title_below(lines: list[Line], i: int, style: str, number: int, start: int) -> Head | None:
    """ "1." or "Pkt. 3 (Malou)" alone on its line: the title is the next line."""
    j = next_filled(lines, i, limit=3)
    if j is None:
        return None
    text = unmarked(lines[j].text)[0].strip()
    if not _STARTS_TITLE.match(text) or len(text) > 200 or any(p.match(text) for p in _NUMBERED.values()):
        return None
    title, last = _wrapped(lines, j, text)
    return Head(i, style, number, clean_title(title), start, last, min(lines[last].end + 1, lines[-1].end), True)


def _is_label(name: str) -> bool:
    """A header label (»DELTAGERE«, »Sted«), not a heading."""
    return _LABELS.match(name) is not None or name.casefold() in LABELS


def _is_caps_heading(text: str) -> bool:
    """A short line in capitals ("ØKONOMI", "LEGEPLADSEN"): a heading, unless it is a header
    label ("DELTAGERE", "STED"), a section heading ("BESLUTNING") or a document's title ("REFERAT")."""
    name = text.rstrip(":").strip()
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 3 or any(c.islower() for c in letters) or len(name) > 60 or len(name.split()) > 6:
        return False
    if re.search(r"\d", name) or not _STARTS_TITLE.match(name):
        return False
    section = heading_of(name) is not None and name.casefold() not in TOPIC_NAMES
    return not (_is_label(name) or section)


# A plain heading: a few words on a line of their own after a blank line, no sentence end; the
# line under it says something (a sentence end, or as many words as a heading may have).
PLAIN_HEADING_WORDS = 6
SAYING_WORDS = 6


def _is_plain_heading(lines: list[Line], i: int, text: str) -> bool:
    """A short line that heads the paragraph right under it (»Dugnad« / »Dugnadsplakat settes opp
    2. mai.«): web pages that lost their numbering. Not a label, a section name, a sentence or a
    line in capitals (those are read above)."""
    nxt = i + 1
    if not blank_before(lines, i) or nxt >= len(lines) or lines[nxt].blank:
        return False
    below = lines[nxt].text.strip()
    says = below.endswith((".", "!", "?")) or len(below.split()) >= SAYING_WORDS
    return (
        says
        and _STARTS_TITLE.match(text) is not None
        and len(text.split()) <= PLAIN_HEADING_WORDS
        and not re.search(r"[.:;,!?]$", text)
        and sum(c.isdigit() for c in text) <= 4
        and not _is_label(text)
        and heading_of(text) is None
        and not text.isupper()
    )


def _unnumbered(lines: list[Line], i: int) -> Head | None:
    line = lines[i]
    body, offset, level = unmarked(line.text)
    text = body.strip()
    start = line.start + offset + (len(body) - len(body.lstrip()))
    end = min(line.end + 1, lines[-1].end)
    if not text or len(text) > 120:
        return None
    m = _TIME_SLOT.match(text)
    if m:
        # "17.10-17.40 Trivselsmåling 2025" is titled by its words; "19.00-19.15 - Drøftelse" by its slot.
        title = m["rest"] if len(m["rest"].split()) >= 3 else text
        return Head(i, "time", None, clean_title(title), start, i, end, True)
    if level and _STARTS_TITLE.match(text) and heading_of(text) is None:
        return Head(i, f"md{level}", None, clean_title(text), start, i, end, True)
    if _is_caps_heading(text):
        return Head(i, "caps", None, clean_title(text.capitalize()), start, i, end, True)
    if _is_plain_heading(lines, i, text):
        return Head(i, "plain", None, clean_title(text), start, i, end, True)
    m = re.match(r"^(?P<title>[^:]{2,70}):(?:\*\*)?\s*(?P<inline>.*)$", text)
    if not m or not _STARTS_TITLE.match(text):
        return None
    name = m["title"].strip().strip("*").strip()
    if _LABELS.match(name) or (role_of(name) in ("outcome", "proposal", "attachments") and heading_of(name)):
        return None
    if len(name.split()) > 8 or re.search(r"\d{1,2}[.:]\d\d|\d{4}", name) or _CLAUSE.search(name):
        return None
    inline = m["inline"]
    if inline and (len(inline) < 40 or not re.search(r"[.!?]", inline)):
        return None  # "Tovholder: Jens" is a field, "Affald: Containeren tømmes … ." a heading with text
    body_start = line.start + line.text.index(inline) if inline else end
    return Head(i, "colon", None, clean_title(name), start, i, body_start, not inline)


def find_heads(lines: list[Line]) -> list[Head]:
    """Every line that may head an agenda item, numbered or not, in document order."""
    heads = []
    contents = contents_region(lines)
    for i, line in enumerate(lines):
        if line.blank:
            continue
        numbered = _numbered(lines, i)
        above = _title_above(lines, i)
        numbered += [above] if above else []
        heads.extend(numbered)
        heads.extend(inline_labelled(lines, i))
        if contents and len(line.text) > FLATTENED:
            heads.extend(inline_in_contents(lines, i, contents))
        if not numbered:
            head = _unnumbered(lines, i)
            if head is not None:
                heads.append(head)
    return heads
