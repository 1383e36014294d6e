"""Heads inside running text: a labelled »Punkt 3« in a one-paragraph referat, and »N. Title«
in text flattened to one line per page, where the title is in the table of contents."""

from __future__ import annotations

import re

from indexer.layout.head import Head, clean_title, head_number, split_inline
from indexer.layout.lines import Line

# "… Dagsorden: - Punkt 1. – Opfølgning efter afdelingsmøde. Bestyrelsen …": a whole referat in one paragraph.
_INLINE_LABEL = re.compile(r"(?<=\s)(?:[-–•]\s+)?(?:Punkt|Pkt\.?)\s*(?P<n>\d{1,3})\b\s*[.:)]?\s*[-–:]?\s*(?=\S)")
_CAPITAL_WORD = re.compile(r"\s(?=[A-ZÆØÅ][a-zæøå])")


def inline_labelled(lines: list[Line], i: int) -> list[Head]:
    """Labelled heads inside a line of running text; the title ends at the first sentence end."""
    line, found = lines[i], []
    for m in _INLINE_LABEL.finditer(line.text):
        rest = line.text[m.end() :]
        cut = split_inline(rest)
        if cut is None or cut > 100:
            word = _CAPITAL_WORD.search(rest, 1)  # "Diverse Afdelingsbestyrelsen vil …": no full stop
            cut = word.start() if word and word.start() <= 100 else min(len(rest), 100)
        body = m.end() + cut
        while body < len(line.text) and line.text[body].isspace():
            body += 1
        found.append(
            Head(
                i,
                "label",
                head_number(m["n"]),
                clean_title(rest[:cut]),
                line.start + m.start(),
                i,
                line.start + body,
                False,
            )
        )
    return found


# Text flattened to one line per page (a PDF copied by a document viewer) runs items into the line:
# "… 2 1. Meddelelser a) Der afholdes …". Such an inline "N. Title" is a head only when its title
# is in the table of contents.
FLATTENED = 300
_CONTENTS = re.compile(r"\b(?:indholdsfortegnelse|indhold|innholdsfortegnelse|innehåll)\b", re.IGNORECASE)
_INLINE_NUMBER = re.compile(r"(?<=\s)(?<!nr\.\s)(?<!pkt\.\s)(?P<n>\d{1,3})\.\s+(?=[A-ZÆØÅ])")


def contents_region(lines: list[Line]) -> tuple[int, int, str] | None:
    """Where a table of contents is (its marker to the end of its line, or its next 40 lines), and its text."""
    for i, line in enumerate(lines):
        m = _CONTENTS.search(line.text)
        if m:
            last = i if len(line.text) > FLATTENED else min(len(lines) - 1, i + 40)
            start = line.start + m.start()
            text = " ".join(ln.text for ln in lines[i : last + 1])[m.start() :]
            return start, lines[last].end, " ".join(text.split()).casefold()
    return None


def inline_in_contents(lines: list[Line], i: int, contents: tuple[int, int, str]) -> list[Head]:
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
        found.append(Head(i, "dot", head_number(m["n"]), title, line.start + m.start(), i, line.start + body, False))
    return found
