"""Case numbers in several series: a Norwegian møtebok numbers its political cases, its reports
and its orientations each on its own (»PS 23/22« … »PS 27/22«, then »RS 4/22«)."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from indexer.layout.chain import best_chain
from indexer.layout.heads import Head
from indexer.layout.lines import Line

# Case numbers run in series of their own: a Norwegian møtebok lists its political cases (»PS
# 23/22« … »PS 27/22«) and then its reports (»RS 4/22 Referatsaker«), orientations (»OS«) or
# delegated decisions (»DS«), each series numbered on its own.
_SERIES = re.compile(r"^\s*(PS|RS|FS|DS|OS)\b")


def series_of(lines: list[Line], h: Head) -> str:
    found = _SERIES.match(lines[h.line].text)
    return found[1] if found else ""


def series_chain(lines: list[Line], group: list[Head], weights: list[float]) -> tuple[float, list[int]]:
    """The best chain of rising numbers; for case numbers of several series, the best chain of each
    series, joined where one series follows another in the text and no number is printed twice
    (the items are cited by their numbers)."""
    series: dict[str, list[int]] = {}
    for i, h in enumerate(group):
        series.setdefault(series_of(lines, h), []).append(i)
    if len(series) < 2:
        return best_chain([h.number or 0 for h in group], weights)
    chains = []
    for members in series.values():
        score, chain = best_chain([group[i].number or 0 for i in members], [weights[i] for i in members])
        chains.append((score, [members[k] for k in chain]))
    chains.sort(key=lambda sc: -sc[0])
    total, joined = chains[0]
    for score, chain in chains[1:]:
        lines_of = [group[i].line for i in joined]
        apart = all(group[i].line > max(lines_of) for i in chain) or all(group[i].line < min(lines_of) for i in chain)
        printed_twice = {group[i].number for i in chain} & {group[i].number for i in joined}
        if score > 0.5 and apart and not printed_twice:
            total, joined = total + score, sorted([*joined, *chain])
    return total, joined


def _indent(lines: list[Line], h: Head) -> str:
    text = lines[h.line].text
    return text[: len(text) - len(text.lstrip())]


def restarted(lines: list[Line], group: list[Head], picked: list[int]) -> list[Head]:
    """The heads after the chain ``picked`` (items 1 … k of ``group``) that number a list from 1
    again at the chain's own indentation, each over its own text, renumbered k+1, k+2, …; [] when
    none do. An agenda cut into several lists (a web page's ordered list broken by a paragraph)
    numbers each part from 1; a list inside an item is indented deeper, or has no text between
    its lines."""
    chain = [group[i] for i in picked]
    if len(chain) < 2 or [h.number for h in chain] != list(range(1, len(chain) + 1)):
        return []
    indent = {_indent(lines, h) for h in chain}
    if len(indent) != 1:
        return []
    after = [i for i, h in enumerate(group) if h.line > chain[-1].last_line and _indent(lines, h) in indent]
    numbers = [group[i].number for i in after]
    if len(after) < 2 or numbers != list(range(1, len(after) + 1)):
        return []
    heads = [group[i] for i in after]
    apart = all(any(not ln.blank for ln in lines[a.last_line + 1 : b.line]) for a, b in itertools.pairwise(heads))
    if not apart or not all(h.title_only for h in heads):
        return []
    return [replace(group[i], number=len(chain) + k + 1) for k, i in enumerate(after)]
