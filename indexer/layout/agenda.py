"""Which heads are the agenda items: the best-scoring chain of heads in one numbering style.

A numbered line is not always an agenda item: tables of contents list the items before
the body, items contain numbered lists of their own, and "Pkt. 4:" lines may refer to
another meeting's agenda. So every head (``heads``) is a *candidate*, weighted by how much
it looks like an item heading, and the agenda is the best chain of candidates with rising
numbers in one style (dynamic programming). Numbers need not start at 1 (running case
numbers "49.", "715."). A run of numbered lines repeated later is a table of contents (it
confirms the items; its lines are not items); a short list repeated later with other
text ("Dagsorden: 1. Regnskab …" then "Referat: 1. Bestyrelsen godkendte …") gives the
items their titles from the first and their text from the second. When every item prints
the same number, items are numbered by position; without numbers, heading lines, time
slots or Markdown headings are items numbered 1, 2, … in document order.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass

from indexer.layout.head import glued_first
from indexer.layout.heads import Head, find_heads
from indexer.layout.lines import Line, blank_after, blank_before, split_lines, title_key
from indexer.layout.sections import heading_of
from indexer.layout.series import restarted, series_chain, series_of

_UNNUMBERED_FACTOR = 0.8
# Share of a list's entries repeated later that makes it a table of contents, or the share of an
# agenda list that a minutes list must take up.
_MOST = 0.6
_PAGE_REF = re.compile(r"^\s*(?:side\s*)?\d{1,4}\s*$|^\s*[.…·_ ]{3,}\s*\d{0,4}\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class ItemSpan:
    """An agenda item found in the text: number, title, and where its body lies."""

    number: int
    title: str
    start: int  # start of the item's head
    body_start: int  # first character after the title
    end: int


@dataclass(frozen=True)
class Agenda:
    items: tuple[ItemSpan, ...]
    style: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Chain:
    score: float
    heads: tuple[Head, ...]
    style: str
    titles: tuple[str, ...] | None = None  # titles from an agenda list, when the items are a second list
    by_position: bool = False
    contents: dict[int, str] | None = None  # head line -> its title in the table of contents
    restarted: bool = False  # the printed numbers start again at 1 partway: numbered on


def _tight(lines: list[Line], a: Head, b: Head) -> bool:
    """Nothing but blank lines between two heads on different lines: a list, not items with text."""
    # A contents page's page numbers ("2" under "715. Kulturkommune 2017") are no text either.
    return b.line > a.last_line and all(ln.blank or _PAGE_REF.match(ln.text) for ln in lines[a.last_line + 1 : b.line])


def _runs(lines: list[Line], heads: list[Head]) -> list[list[Head]]:
    """Maximal runs of same-style heads numbered n, n+1, … with nothing between them (or the next
    series of case numbers: »PS 27/22« then »RS 4/22«)."""
    runs: list[list[Head]] = []
    for h in heads:
        last = runs[-1][-1] if runs else None
        # A series not yet in the run: the contents listing the next series after the first.
        series = series_of(lines, h)
        follows = last and (
            h.number == (last.number or 0) + 1 or series not in {"", *(series_of(lines, x) for x in runs[-1])}
        )
        if last and follows and last.style == h.style and _tight(lines, last, h):
            runs[-1].append(h)
        else:
            runs.append([h])
    return [r for r in runs if len(r) >= 2]


def _same_title(a: str, b: str) -> bool:
    ka, kb = title_key(a).split(), title_key(b).split()
    n = min(len(ka), len(kb), 4)
    return n > 0 and ka[:n] == kb[:n]


def _contents(lines: list[Line], heads: list[Head]) -> tuple[set[int], dict[int, str], _Chain | None]:
    """Tables of contents (their heads' lines), the heads they confirm (with the contents' title),
    and a list-merged chain if any."""
    toc: set[int] = set()
    confirmed: dict[int, str] = {}
    runs = _runs(lines, heads)
    in_runs = {h.line for run in runs for h in run}
    for h in heads:
        # A lone contents entry ("715. Kulturkommune 2017 …… 3") and, later, the item it lists.
        twin = next((t for t in heads if t.line > h.last_line + 1 and t.number == h.number), None)
        if h.line not in in_runs and twin and _same_title(twin.title, h.title) and not h.title_only:
            continue
        if h.line not in in_runs and twin and _same_title(twin.title, h.title) and _is_listing(lines, h, twin):
            toc.add(h.line)
            confirmed[twin.line] = h.title
    for run in runs:
        later = [h for h in heads if h.line > run[-1].last_line]
        twins = {}
        for h in run:
            same = [t for t in later if t.number == h.number and _same_title(t.title, h.title)]
            if same:
                twins[h.line] = same[0]
        # Also a list whose first entries alone come again, and nothing numbered after them: the
        # page is cut off inside the last (»1. Temadrøftelse …« under a list of eight).
        first = [h.line for h in run[: len(twins)]]
        others = [h for h in later if h.style == run[0].style and h not in twins.values()]
        cut_off = bool(twins) and sorted(twins) == first and not others
        if len(twins) >= max(2, math.ceil(_MOST * len(run))) or cut_off:
            toc |= {h.line for h in run}
            confirmed.update({t.line: h.title for h in run for line, t in twins.items() if line == h.line})
            continue
        numbers = [h.number for h in run]
        for second in [*_runs(lines, later), _named_entries(later, numbers)]:
            if not second:
                continue
            # The same numbering, or entries that name the agenda's (»Ad 1:«, »Punkt 1«), which
            # may leave out the last ones (»Ad 5. -«, nothing to say); not a list inside item 1.
            listed = [h.number for h in second]
            same = second[0].style == run[0].style and listed == numbers
            named = second[0].style == "label" and listed == numbers[: len(listed)]
            # Three entries naming the first three points are enough (a page cut off after them).
            if same or (named and len(listed) >= max(2, min(3, math.ceil(_MOST * len(run))))):
                titles = tuple(h.title for h in run[: len(second)])
                return toc, confirmed, _Chain(2.0 * len(second), tuple(second), second[0].style, titles)
    return toc, confirmed, None


def _named_entries(later: list[Head], numbers: list[int | None]) -> list[Head]:
    """The minutes' entries that name a list's items in its order (»Ad. 1« … »Ad. 4«, each over
    its text), the first of each number: they are not a run, text stands between them."""
    found: list[Head] = []
    for h in later:
        if h.style == "label" and len(found) < len(numbers) and h.number == numbers[len(found)]:
            found.append(h)
    return found if len(found) >= 2 else []


def _is_listing(lines: list[Line], entry: Head, item: Head) -> bool:
    """Whether ``entry`` lists ``item`` ahead of it: no text of its own before the next numbered line."""
    following = [ln for ln in lines[entry.last_line + 1 : item.line] if not ln.blank]
    return not following or len(following[0].text.strip()) <= 4 or following[0].text.strip()[:1].isdigit()


def _weight(lines: list[Line], h: Head, nxt: int, confirmed: bool) -> float:
    """How much a head looks like an item heading rather than a list entry or a sentence."""
    w = 1.0
    w += 0.5 * blank_before(lines, h.line)
    w += 0.5 * (h.title_only and blank_after(lines, h.last_line))
    headings = {heading_of(ln.text)[0].casefold() for ln in lines[h.last_line + 1 : nxt] if heading_of(ln.text)}
    w += 0.8 if len(headings) >= 2 else 0.5 * bool(headings)
    w += 1.0 * confirmed
    if h.title_only and len(h.title) <= 90 and not h.title.endswith("."):
        w += 0.3
    if len(h.title) > 100:
        w -= 0.5
    if h.style == "bare":
        w -= 0.3
    return w


def _weights(lines: list[Line], heads: list[Head], confirmed: set[int] | dict[int, str]) -> list[float]:
    out = []
    for k, h in enumerate(heads):
        nxt = heads[k + 1].line if k + 1 < len(heads) else len(lines)
        prev_tight = k > 0 and heads[k - 1].number == (h.number or 0) - 1 and _tight(lines, heads[k - 1], h)
        next_tight = (
            k + 1 < len(heads) and heads[k + 1].number == (h.number or 0) + 1 and _tight(lines, h, heads[k + 1])
        )
        if h.number is not None and (prev_tight or next_tight) and h.line not in confirmed:
            out.append(0.2)  # a run of numbered lines with no text between: a list
        else:
            out.append(_weight(lines, h, nxt, h.line in confirmed))
    return out


def _numbered_chains(lines: list[Line], heads: list[Head]) -> list[_Chain]:
    numbered = [h for h in heads if h.number is not None]
    toc, confirmed, merged = _contents(lines, numbered)
    chains = [merged] if merged else []
    for style in dict.fromkeys(h.style for h in numbered):
        group = [h for h in numbered if h.style == style and h.line not in toc]
        weights = _weights(lines, group, confirmed)
        score, chain = series_chain(lines, group, weights)
        picked = [group[i] for i in chain]
        if len(picked) == 1:
            # One numbered line is an item only when it clearly heads one: the contents list it, or
            # section headings follow it ("715. Kulturkommune 2017" / "Sagsfremstilling" / "Beslutning").
            only = picked[0]
            nxt = next((h.line for h in group if h.line > only.line), len(lines))
            structured = only.line in confirmed or any(heading_of(ln.text) for ln in lines[only.last_line + 1 : nxt])
            # "1. Godkendelse af referat" as a heading over its text is a one-item agenda, too.
            heading = only.number == 1 and only.title_only and not only.title.endswith(".")
            if weights[chain[0]] >= 2.0 and (structured or heading):
                chains.append(_Chain(weights[chain[0]], tuple(picked), style, contents=confirmed))
        elif picked and score > 0.5:
            again = restarted(lines, group, chain)
            chains.append(
                _Chain(score + len(again), (*picked, *again), style, contents=confirmed, restarted=bool(again))
            )
        printed = Counter(h.number for h in group)
        _number, repeats = printed.most_common(1)[0] if printed else (0, 0)
        if repeats >= 3 and repeats > len(picked):
            chains.append(_Chain(sum(weights) - repeats, tuple(group), style, by_position=True))
    return chains


def _unnumbered_chains(lines: list[Line], heads: list[Head]) -> list[_Chain]:
    chains = []
    for style in dict.fromkeys(h.style for h in heads if h.number is None):
        group = [h for h in heads if h.style == style]
        if len(group) >= (3 if style == "plain" else 2):
            score = _UNNUMBERED_FACTOR * sum(_weights(lines, group, set()))
            chains.append(_Chain(score, tuple(group), style))
    # Plain short lines head items only where nothing marks headings otherwise (capitals, a
    # colon, Markdown, time slots): elsewhere they are subheadings or lines of a list.
    marked = [c for c in chains if c.style != "plain"]
    return marked or chains


def find_agenda(text: str) -> Agenda:
    """The agenda items of ``text`` in order, how they were found, and notes on any guess."""
    lines = split_lines(text)
    heads = find_heads(lines)
    # Unnumbered headings are items only where no numbered agenda is found: a numbered agenda
    # often carries time slots or "Heading:" lines of its own.
    chains = _numbered_chains(lines, heads) or _unnumbered_chains(lines, heads)
    if not chains:
        return Agenda(())
    best = max(chains, key=lambda c: c.score)
    notes = []
    if best.by_position:
        notes.append("item numbers are printed wrongly (the same number on many items): numbered by position")
    elif best.restarted:
        notes.append("the printed item numbers start again at 1 partway (a list broken in two): numbered on")
    elif best.heads[0].number is None:
        notes.append(f"items have no numbers ({_describe(best.style)}): numbered 1, 2, … in document order")
    items = []
    for k, h in enumerate(best.heads):
        end = best.heads[k + 1].start if k + 1 < len(best.heads) else len(text)
        number = k + 1 if best.by_position or h.number is None else h.number
        title, body_start = _full_title(h.title, (best.contents or {}).get(h.line)), h.body_start
        if best.titles:
            # A minutes list under an agenda list: the entry's own words are the item's text.
            # An entry alone on its line (»Ad. 1«) over its text: the text starts on the next line.
            below = lines[h.line + 1].start if h.last_line > h.line else h.start
            title, body_start = best.titles[k], h.text_start if h.text_start is not None else below
        items.append(ItemSpan(number, title, h.start, min(max(body_start, h.start), end), end))
    glued = glued_first(text, items[0].start) if items and items[0].number == 2 and not best.by_position else None
    if items and items[0].number == 2 and glued is None:
        notes.append("the items start at 2: item 1 was not recognised and is in the text before item 2")
    # A new series (»RS 4/22« after »PS 27/22«) starts its own numbers: no gap.
    numbered = [(i.number, series_of(lines, h)) for i, h in zip(items, best.heads, strict=True)]
    gaps = [b for (a, sa), (b, sb) in itertools.pairwise(numbered) if b != a + 1 and sa == sb]
    if gaps and not best.by_position:
        notes.append(f"item numbers skip (before {', '.join(map(str, gaps[:5]))})")
    if glued is not None:
        items.insert(0, ItemSpan(1, *glued, items[0].start))  # 1 before 2: no gap to note
    return Agenda(tuple(items), best.style, tuple(notes))


def _full_title(title: str, listed: str | None) -> str:
    """The contents' title where it is the item's title unwrapped: a PDF line cut it, the contents did not."""
    if not listed:
        return title
    listed = re.sub(r"\s*(?:[.…·_ ]{3,}\s*\d*|\s\d{1,3}|\(side \d+\))\s*$", "", listed).strip()
    if listed.endswith(("...", "…")) or len(listed) <= len(title):
        return title
    return listed if title_key(listed).startswith(title_key(title)) else title


def _describe(style: str) -> str:
    if style == "time":
        return "time slots"
    if style == "colon":
        return "heading lines ending in a colon"
    if style == "caps":
        return "headings in capitals"
    if style == "plain":
        return "short lines over their paragraphs"
    return "headings"


def find_items(text: str) -> list[ItemSpan]:
    """The agenda items of ``text`` in order; empty if no agenda can be recognised."""
    return list(find_agenda(text).items)
