"""A line that may head an agenda item (``Head``), and what readers of heads share: its number
(digits or Roman numerals), its cleaned title, and where a title that runs on into text ends."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def head_number(n: str) -> int:
    """A head's number, written in digits or in Roman numerals."""
    if n.isdigit():
        return int(n)
    values = [_ROMAN[c] for c in n]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


# A sentence end inside a title line: "Valg til bestyrelsen.På valg er …", "Indkomne forslag. Bestyrelsen …".
_SENTENCE_END = re.compile(r"(?<=[a-zæøå)\d]{2})[.!?](?=\s*[A-ZÆØÅ])")
_ABBREVIATION = re.compile(r"\b(?:evt|pkt|nr|vedr|jf|ca|bl\.a|kl|stk|inkl|mht|ift|pr|dvs|div|st|mm|osv|afd)\.$", re.I)


@dataclass(frozen=True)
class Head:
    """A line that may head an agenda item."""

    line: int  # index of the head's first line
    # Numbered: "label", "para", "case", "dot", "paren", "bare", "roman", "alone";
    # unnumbered: "time", "colon", "md<level>", "caps".
    style: str
    number: int | None
    title: str
    start: int  # offset where the head begins
    last_line: int  # index of the title's last line
    body_start: int  # offset where the item's own text begins (may be inside the head line)
    title_only: bool  # the head line holds nothing but the title
    text_start: int | None = None  # where the text after the number begins (a numbered list entry's own words)


# A web export's fold-out control repeats the title after its own words: »Godkendelse af
# dagsordenKlik her for at folde ud og læse mere om Godkendelse af dagsorden«.
_REPEATED = re.compile(
    r"(?P<title>\S.{5,}?)\s*(?P<control>(?i:klik|tryk|fold|vis|læs|read|show|click|expand)[^.!?]{0,60}?)\s+(?P=title)\s*"
)


# A table of contents' dot leader and page number after a title: »Godkendelse af referat ....... 2«.
_LEADER = re.compile(r"\s*(?:\.\s?){4,}\s*\d{0,3}\s*$|\s*…{2,}\s*\d{0,3}\s*$")


def clean_title(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip().strip("*").strip()
    title = _LEADER.sub("", title)
    title = re.sub(r"^[-–:]\s*", "", title)
    repeated = _REPEATED.fullmatch(title)
    if repeated:
        title = repeated["title"]
    return title[:-1].rstrip() if title.endswith(":") else title


def split_inline(rest: str) -> int | None:
    """Where a title that runs on into text ends ("Valg til bestyrelsen.På valg er …"), if it does."""
    for m in _SENTENCE_END.finditer(rest):
        if not _ABBREVIATION.search(rest[: m.end()]) and m.start() >= 3:
            return m.end()
    return None


# Item 1 glued to the end of a line of the header in a web export: »… dagsordenen?). 1. Godkendelse
# af referat:⏎Referatet godkendt.«
_GLUED_FIRST = re.compile(r"(?<=[.!?)])[ \t]+1\.[ \t]+(?P<title>[A-ZÆØÅ][^\n:.]{2,80}):?[ \t]*$", re.MULTILINE)


def glued_first(text: str, before: int) -> tuple[str, int, int] | None:
    """(title, start, body start) of item 1 glued to the end of a line before ``before``, or None."""
    found = list(_GLUED_FIRST.finditer(text, 0, before))
    if not found:
        return None
    m = found[-1]
    return m["title"].strip(), m.start() + len(m.group()) - len(m.group().lstrip()), m.end()
