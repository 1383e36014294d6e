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
from dataclasses import dataclass

from indexer.dates import find_dates
from indexer.layout.labels import LABELS
from indexer.layout.lines import Line, next_filled, unmarked
from indexer.layout.sections import heading_of, role_of

MAX_TITLE = 250
# Style -> pattern for the number and what follows it on the line.
_NUMBERED = {
    "label": re.compile(
        r"^(?:(?:punkt|pkt|dagsordenspunkt)\.?\s*(?:nr\.?\s*)?|ad\.?\s*(?:(?:pkt|punkt)\.?\s*)?)"
        r"(?P<n>\d{1,3})(?![\d,])\s*[.:)]?(?P<rest>.*)$",
        re.IGNORECASE,
    ),
    "para": re.compile(r"^§\s*(?P<n>\d{1,3})(?![\d,])\s*[.:]?(?P<rest>.*)$"),
    "case": re.compile(r"^(?:PS|RS|FS|DS|Sak|Saksnr\.?|Sag|Sagsnr\.?)\s*(?P<n>\d{1,4})\s*/\s*\d{2,4}\b(?P<rest>.*)$"),
    "dot": re.compile(r"^(?P<n>\d{1,4})\.(?!\d)(?P<rest>.*)$"),
    "paren": re.compile(r"^(?P<n>\d{1,3})\)(?P<rest>.*)$"),
    # A number alone on its line, the title on the next (web exports): see ``_alone_heads_an_item``.
    "alone": re.compile(r"^(?P<n>\d{1,3})(?P<rest>)$"),
    "bare": re.compile(r"^(?P<n>\d{1,3})[ \t]+(?P<rest>[A-ZÆØÅÄÖÜ].*)$"),
    # Roman numerals: "I. Godkendelse af referat", "IV. Eventuelt" (capitals, up to 49).
    "roman": re.compile(r"^(?P<n>(?=[IVXL])(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3}))\.(?![\d.])(?P<rest>.*)$"),
}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _number(n: str) -> int:
    """A head's number, written in digits or in Roman numerals."""
    if n.isdigit():
        return int(n)
    values = [_ROMAN[c] for c in n]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
# A word glued in front of the number by a web export: "Indholdsfortegnelse1. Fraværende".
_GLUED = re.compile(r"^(?P<glue>[^\W\d_]{4,})(?=\d{1,3}[.)]\s+[A-ZÆØÅ])")
_TIME_SLOT = re.compile(
    r"^(?:kl\.?\s*)?\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}\b\s*(?:[-–:]\s*)?(?P<rest>.*)$", re.IGNORECASE
)
_STARTS_TITLE = re.compile(r"^[\"'“”«(]?[A-ZÆØÅÄÖÜÉ]")
_STARTS_ANY = re.compile(r"^[\"'“”«(]?[^\W\d_]")
# A sentence end inside a title line: "Valg til bestyrelsen.På valg er …", "Indkomne forslag. Bestyrelsen …".
_SENTENCE_END = re.compile(r"(?<=[a-zæøå)\d]{2})[.!?](?=\s*[A-ZÆØÅ])")
_ABBREVIATION = re.compile(r"\b(?:evt|pkt|nr|vedr|jf|ca|bl\.a|kl|stk|inkl|mht|ift|pr|dvs|div|st|mm|osv|afd)\.$", re.I)
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


@dataclass(frozen=True)
class Head:
    """A line that may head an agenda item."""

    line: int  # index of the head's first line
    style: str  # "label", "para", "case", "dot", "paren", "bare" | "time", "colon", "md<level>"
    number: int | None
    title: str
    start: int  # offset where the head begins
    last_line: int  # index of the title's last line
    body_start: int  # offset where the item's own text begins (may be inside the head line)
    title_only: bool  # the head line holds nothing but the title
    text_start: int | None = None  # where the text after the number begins (a numbered list entry's own words)


def _clean_title(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip().strip("*").strip()
    title = re.sub(r"^[-–:]\s*", "", title)
    return title[:-1].rstrip() if title.endswith(":") else title


def _split_inline(rest: str) -> int | None:
    """Where a title that runs on into text ends ("Valg til bestyrelsen.På valg er …"), if it does."""
    for m in _SENTENCE_END.finditer(rest):
        if not _ABBREVIATION.search(rest[: m.end()]) and m.start() >= 3:
            return m.end()
    return None


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
    glued = _GLUED.match(body)
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
        rest = rest.strip(" \t").lstrip("-–: \t").rstrip()
        explicit = style in ("label", "para", "case")
        if not rest or re.fullmatch(r"\(.*\)", rest):
            head = _title_below(lines, i, style, _number(m["n"]), head_start)
            if head is not None and (style != "alone" or _alone_heads_an_item(lines, head)):
                found.append(head)
            continue
        if not (_STARTS_ANY if explicit else _STARTS_TITLE).match(rest) or len(rest) > 600:
            continue
        cut = _split_inline(rest)
        if cut is not None and (cut <= MAX_TITLE):
            title = _clean_title(rest[:cut])
            body_start = rest_start + cut
            while body_start < line.end and lines[i].text[body_start - line.start].isspace():
                body_start += 1
            found.append(Head(i, style, _number(m["n"]), title, head_start, i, body_start, False, rest_start))
            continue
        if len(rest) > MAX_TITLE:
            continue
        title, last = _wrapped(lines, i, rest)
        body_start = min(lines[last].end + 1, lines[-1].end)
        found.append(Head(i, style, _number(m["n"]), _clean_title(title), head_start, last, body_start, True, rest_start))
    return found


# What follows an item's title in a case-management export: its case number or first section.
_CASE_LINE = re.compile(r"^\s*(?:sagsnr|sags nr|sag nr|journalnr|j\.\s?nr|dok\.?\s?nr|sagsid)\b", re.IGNORECASE)


def _alone_heads_an_item(lines: list[Line], head: Head) -> bool:
    """A bare number alone on its line is an item's number only when the lines after its title
    read like an item (a case number, a section heading): else it is a page number or a figure."""
    after = [ln.text for ln in lines[head.last_line + 1 : head.last_line + 6] if not ln.blank][:3]
    return any(_CASE_LINE.match(text) or heading_of(text.strip()) is not None for text in after)


def _title_below(lines: list[Line], i: int, style: str, number: int, start: int) -> Head | None:
    """ "1." or "Pkt. 3 (Malou)" alone on its line: the title is the next line."""
    j = next_filled(lines, i, limit=3)
    if j is None:
        return None
    text = unmarked(lines[j].text)[0].strip()
    if not _STARTS_TITLE.match(text) or len(text) > 200 or any(p.match(text) for p in _NUMBERED.values()):
        return None
    title, last = _wrapped(lines, j, text)
    return Head(i, style, number, _clean_title(title), start, last, min(lines[last].end + 1, lines[-1].end), True)


def _is_caps_heading(text: str) -> bool:
    """A short line in capitals ("ØKONOMI", "LEGEPLADSEN"): a heading, unless it is a header
    label ("DELTAGERE", "STED"), a section heading ("BESLUTNING") or a document's title ("REFERAT")."""
    name = text.rstrip(":").strip()
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 3 or any(c.islower() for c in letters) or len(name) > 60 or len(name.split()) > 6:
        return False
    if re.search(r"\d", name) or not _STARTS_TITLE.match(name):
        return False
    return not (_LABELS.match(name) or name.casefold() in LABELS or heading_of(name) is not None)


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
        return Head(i, "time", None, _clean_title(title), start, i, end, True)
    if level and _STARTS_TITLE.match(text) and heading_of(text) is None:
        return Head(i, f"md{level}", None, _clean_title(text), start, i, end, True)
    if _is_caps_heading(text):
        return Head(i, "caps", None, _clean_title(text.capitalize()), start, i, end, True)
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
    return Head(i, "colon", None, _clean_title(name), start, i, body_start, not inline)


# "… Dagsorden: - Punkt 1. – Opfølgning efter afdelingsmøde. Bestyrelsen …": a whole referat in one paragraph.
_INLINE_LABEL = re.compile(r"(?<=\s)(?:[-–•]\s+)?(?:Punkt|Pkt\.?)\s*(?P<n>\d{1,3})\b\s*[.:)]?\s*[-–:]?\s*(?=\S)")
_CAPITAL_WORD = re.compile(r"\s(?=[A-ZÆØÅ][a-zæøå])")


def _inline_labelled(lines: list[Line], i: int) -> list[Head]:
    """Labelled heads inside a line of running text; the title ends at the first sentence end."""
    line, found = lines[i], []
    for m in _INLINE_LABEL.finditer(line.text):
        rest = line.text[m.end() :]
        cut = _split_inline(rest)
        if cut is None or cut > 100:
            word = _CAPITAL_WORD.search(rest, 1)  # "Diverse Afdelingsbestyrelsen vil …": no full stop
            cut = word.start() if word and word.start() <= 100 else min(len(rest), 100)
        body = m.end() + cut
        while body < len(line.text) and line.text[body].isspace():
            body += 1
        found.append(
            Head(i, "label", _number(m["n"]), _clean_title(rest[:cut]), line.start + m.start(), i, line.start + body, False)
        )
    return found


# Text flattened to one line per page (a PDF copied by a document viewer) runs items into the line:
# "… 2 1. Meddelelser a) Der afholdes …". Such an inline "N. Title" is a head only when its title
# is in the table of contents.
_FLATTENED = 300
_CONTENTS = re.compile(r"\b(?:indholdsfortegnelse|indhold|innholdsfortegnelse|innehåll)\b", re.IGNORECASE)
_INLINE_NUMBER = re.compile(r"(?<=\s)(?<!nr\.\s)(?<!pkt\.\s)(?P<n>\d{1,3})\.\s+(?=[A-ZÆØÅ])")


def _contents_region(lines: list[Line]) -> tuple[int, int, str] | None:
    """Where a table of contents is (its marker to the end of its line, or its next 40 lines), and its text."""
    for i, line in enumerate(lines):
        m = _CONTENTS.search(line.text)
        if m:
            last = i if len(line.text) > _FLATTENED else min(len(lines) - 1, i + 40)
            start = line.start + m.start()
            text = " ".join(ln.text for ln in lines[i : last + 1])[m.start() :]
            return start, lines[last].end, " ".join(text.split()).casefold()
    return None


def _inline_in_contents(lines: list[Line], i: int, contents: tuple[int, int, str]) -> list[Head]:
    line, found = lines[i], []
    start, end, toc = contents
    for m in _INLINE_NUMBER.finditer(line.text):
        if start <= line.start + m.start() < end:
            continue  # the table of contents itself
        words = line.text[m.end() :].split()
        title = ""
        for k in range(1, min(len(words), 12) + 1):
            if " ".join(words[:k]).casefold() in toc:
                title = " ".join(words[:k])
        if not title:
            continue
        body = line.text.index(title, m.end()) + len(title)
        found.append(Head(i, "dot", _number(m["n"]), title, line.start + m.start(), i, line.start + body, False))
    return found


def find_heads(lines: list[Line]) -> list[Head]:
    """Every line that may head an agenda item, numbered or not, in document order."""
    heads = []
    contents = _contents_region(lines)
    for i, line in enumerate(lines):
        if line.blank:
            continue
        numbered = _numbered(lines, i)
        heads.extend(numbered)
        heads.extend(_inline_labelled(lines, i))
        if contents and len(line.text) > _FLATTENED:
            heads.extend(_inline_in_contents(lines, i, contents))
        if not numbered:
            head = _unnumbered(lines, i)
            if head is not None:
                heads.append(head)
    return heads
