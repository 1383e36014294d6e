"""Split a section's text into passage-sized pieces along sentences and list lines.

The pieces cover the text exactly (no overlap, nothing dropped), so passages reassemble
into their section, and their sizes are balanced: a 1,300-character section becomes two
pieces of ~650, not one of 1,000 and a stub of 300.
"""

from __future__ import annotations

import itertools
import math
import re

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """
    kr mio mia bl.a f.eks jf pkt nr ca evt vedr inkl ift mht dvs hhv kl stk m.fl o.l p.t pr
    ang tlf mv m.m osv etc jan feb mar apr jun jul aug sep sept okt nov dec gl ekskl bla fx
    dr mr mrs st skt div min max ref bilag afd adm incl excl iflg jvf pga iht
    chr joh vilh rep lok
    """.split()
)
# Units written after an amount: there a full stop before a capitalised word ends the sentence
# (»kr. 1.933« puts it before the figure, and no capital follows).
_UNITS_AFTER_AMOUNTS = frozenset({"kr", "mio", "mia"})
# A new line that opens a list line or a table row ends what stood before it.
_LINE_OPENS = r"(?=[ \t]*(?:[-•–*]|\d{1,2}[.)]|[a-zæøå][.)])[ \t])|(?=[^\n]*\t)"
_BOUNDARY = re.compile(
    r"(?<=[.!?:;])[\"”»)]?\s+(?=[\"“«(]?[A-ZÆØÅÄÖÜÉ0-9•–-])"  # sentence end
    r"|\n[ \t]*\n\s*"  # blank line: paragraph end
    rf"|\n(?:{_LINE_OPENS})"  # before a list line or a table row
)
_PARAGRAPH_OR_LINE = re.compile(rf"[\"”»)]?[ \t]*\n(?:[ \t]*\n|{_LINE_OPENS})")
_WORD_BEFORE = re.compile(r"([\w.]+)[.:;!?][\"”»)]?\s*$")


def _is_sentence_end(text: str, pos: int) -> bool:
    """False where the full stop before ``pos`` belongs to an abbreviation or ordinal."""
    head = text[max(0, pos - 24) : pos]
    if not head.rstrip().endswith("."):
        return True
    m = _WORD_BEFORE.search(head)
    if not m:
        return True
    word = m.group(1).lower()
    if word.isdigit() and len(word) <= 2:
        return False  # "d. 28. Juni", ordinals
    if (
        word in _UNITS_AFTER_AMOUNTS
        and re.search(r"\d\s*(?:mi[oa]\.\s*)?\S+\s*$", head)
        and re.match(r"\s+(?!(?i:kr|kroner|pr|jf|mio|mia)\b)[A-ZÆØÅ][a-zæøå]", text[pos:])
    ):
        return True  # »… er taksten 1933 kr. Med ansættelse …«: the amount ends the sentence
    return word not in _ABBREVIATIONS and len(word) > 1


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence: with . ! ? : or ;, and not with an abbreviation ("incl.")."""
    stripped = text.rstrip()
    return stripped.endswith((".", "!", "?", ":", ";")) and _is_sentence_end(stripped + " ", len(stripped) + 1)


def units(text: str) -> list[tuple[int, int]]:
    """Sentence / paragraph / list-line spans covering ``text`` from 0 to len(text)."""
    cuts = [0]
    for m in _BOUNDARY.finditer(text):
        # A full stop before a line break is still an abbreviation's (»underskud på kr.⏎4.554«);
        # a blank line, a list line or a table row ends the sentence whatever stood before.
        ends = _PARAGRAPH_OR_LINE.match(text, m.start()) is not None or _is_sentence_end(text, m.start())
        if ends and m.end() > cuts[-1]:
            cuts.append(m.end())
    if cuts[-1] != len(text):
        cuts.append(len(text))
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def first_sentences(text: str, count: int, max_chars: int) -> str:
    """The first ``count`` sentences of ``text`` on one line, cut at a word if over ``max_chars``."""
    pieces = [" ".join(text[a:b].split()) for a, b in units(text)[:count]]
    short = " ".join(p for p in pieces if p)
    if len(short) > max_chars:
        short = short[:max_chars].rsplit(" ", 1)[0] + " …"
    return short


def _split_long(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut one over-long unit at whitespace into pieces of at most ``max_chars``."""
    pieces = []
    while end - start > max_chars:
        cut = text.rfind(" ", start + max_chars // 2, start + max_chars)
        if cut <= start:
            cut = start + max_chars
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


_HEADING_LIKE = re.compile(
    r"(?:pkt\.?|punkt|ad)\s*\d+|\d{1,2}[.)]\s+[A-ZÆØÅ]|[A-ZÆØÅ][^\n.,;]{0,70}[^.,;\s]$",
    re.IGNORECASE,
)


_PARAGRAPH_END = re.compile(r"\n[ \t]*\n\s*$")


def cut_quality(text: str, pos: int) -> int:
    """How natural a passage break at ``pos`` is: 0 mid-paragraph, 1 paragraph end, 2 before a sub-heading."""
    if not _PARAGRAPH_END.search(text, max(0, pos - 200), pos):
        return 0
    end = text.find("\n", pos, pos + 200)
    line = text[pos : end if end != -1 else pos + 200].strip()
    return 2 if line and _HEADING_LIKE.match(line) else 1


# Cost of cutting at a boundary of each quality (see ``cut_quality``), relative to the
# cost ((max - size) / max)² of a span that is not full.
_CUT_COST = (0.25, 0.1, 0.0)
# Cost of a cut that leaves a sub-heading at the end of its passage, cut off from what it
# names: far worse than cutting mid-paragraph, for the passage after loses what it is about.
_ORPHAN_COST = 1.0
_PARAGRAPH_START = re.compile(r"\n[ \t]*\n\s*")
# A sub-heading: one short line of its own, set apart by blank lines.
_SUB_HEADING_WORDS = 15


def orphans_heading(text: str, pos: int) -> bool:
    """Whether a cut at ``pos`` ends a passage with a sub-heading whose text comes after it
    (»Pkt. 5: Udviklingsstrategi – orientering vedr. Taleinstituttet …« above its body)."""
    if not _PARAGRAPH_END.search(text, max(0, pos - 200), pos):
        return False
    head = text[max(0, pos - 400) : pos].rstrip()
    starts = [m.end() for m in _PARAGRAPH_START.finditer(head)]
    last = head[starts[-1] if starts else 0 :].strip()
    one_short_line = bool(last) and "\n" not in last and len(last.split()) <= _SUB_HEADING_WORDS
    return one_short_line and _HEADING_LIKE.match(last) is not None


def split_text(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Spans of at most ``max_chars`` that cover ``text`` and end at sentence ends.

    Chooses cut points (dynamic programming over sentence, paragraph and list boundaries)
    that keep spans full rather than leaving stubs, and prefer paragraph ends and breaks
    before sub-headings ("Pkt. 5: ..."), so a passage starts with what it is about.
    """
    if len(text.strip()) <= max_chars:
        return [(0, len(text))] if text else []
    pieces: list[tuple[int, int]] = []
    for a, b in units(text):
        pieces.extend(_split_long(text, a, b, max_chars))
    cuts = [a for a, _ in pieces] + [len(text)]
    cut_cost = (
        [0.0] + [_CUT_COST[cut_quality(text, c)] + _ORPHAN_COST * orphans_heading(text, c) for c in cuts[1:-1]] + [0.0]
    )
    n = len(cuts)
    cost = [0.0] + [math.inf] * (n - 1)
    back = [0] * n
    for j in range(1, n):
        for i in range(j - 1, -1, -1):
            size = cuts[j] - cuts[i]
            if size > max_chars and i < j - 1:
                break
            c = cost[i] + ((max_chars - min(size, max_chars)) / max_chars) ** 2 + cut_cost[j]
            if c < cost[j]:
                cost[j], back[j] = c, i
    spans = []
    j = n - 1
    while j > 0:
        spans.append((cuts[back[j]], cuts[j]))
        j = back[j]
    return spans[::-1]
