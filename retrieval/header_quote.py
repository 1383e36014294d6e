"""The meeting header quoted in its own words rather than as the indexer laid it out.

The laid-out summary (role "info": "Tid: 4. juni 2020, kl. 09:00-11:00") is composed from the
header fields, so it is not the minutes' wording; ``verbatim_header`` finds the raw front-matter
line that states the same facts ("STARTTIDSPUNKT 04-06-2020 09:00:00").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from indexer.dates import find_dates
from retrieval.fields import line_field, opening_field
from retrieval.kinds import has_kind
from retrieval.sentences import Sentence

# A clock time: "09:00", "09:00:00", or "kl. 19.00" (with a full stop only after "kl.": a
# room "0.21" or an amount "2.50" is not a time).
_CLOCK = re.compile(r"(?<![\d.:])(\d{1,2}):(\d\d)(?!\d)|\bkl\.?\s*(\d{1,2})[.:](\d\d)(?!\d)", re.IGNORECASE)
_CAPITALISED = re.compile(r"\b[A-ZÆØÅ][a-zæøåäöüé]{2,}\b(?!:)")


def facts(text: str) -> set[str]:
    """What a header line states, in a form that survives rewording: dates (ISO), clock times
    ("HH:MM") and capitalised words (names, places). "4. juni 2020, kl. 09:00" and
    "04-06-2020 09:00:00" share the date and the time; a label ("Sted:") is not a fact."""
    found = {d.isoformat() for d, _ in find_dates(text)}
    for m in _CLOCK.finditer(text):
        hour, minute = m.group(1) or m.group(3), m.group(2) or m.group(4)
        if int(hour) < 24 and int(minute) < 60:
            found.add(f"{int(hour):02d}:{minute}")
    found |= set(_CAPITALISED.findall(text))
    return found


def _enough(shared: set[str], quoted: set[str]) -> bool:
    """Whether a raw line sharing ``shared`` of the quoted line's facts ``quoted`` states it: a
    date or a time in common, or more than half of its names (»Cllr Mrs Prior« in the list of
    those present shares only the title of »Cllr Cannon«, who sent apologies). A quoted line
    with no names is matched on any fact in common, as before."""
    names = {f for f in quoted if f[0].isalpha()}
    return not names or any(not f[0].isalpha() for f in shared) or 2 * len(shared & names) > len(names)


def verbatim_header(pool: Sequence[Sentence], chosen: list[int], kind: str | None) -> int | None:
    """The raw front-matter line that states what a quote of the composed meeting summary states.

    The summary ("info": "Tid: 4. juni 2020, kl. 09:00-11:00") is written by the indexer from
    the minutes' header, so it is not the minutes' own words; the reader needs those
    ("STARTTIDSPUNKT 04-06-2020 09:00:00"). The line of the same minutes' raw front matter
    (item 0, no role) sharing most facts with the quote (a date or a time, or most of its names), and holding
    the kind of token asked for, is quoted instead. A field the indexer read from an item
    (»2. Apologies for Absence – Cllr Cannon«) is quoted from that item's line that states all
    its facts. None when no line does.
    """
    source = pool[chosen[0]].passage.source
    wanted = facts(" ".join(pool[i].text for i in chosen))
    first = facts(pool[chosen[0]].text)
    field = opening_field(pool[chosen[0]].text)
    best, best_shared = None, 0
    under: str | None = None
    for i, s in enumerate(pool):
        p = s.passage
        if p.source != source or p.item_number != 0 or p.role is not None:
            continue
        # The field a line stands under: its own label's, or the last label above it in its
        # passage (»• Afbud« over »• Morten Weiss-Pedersen, C«).
        if i == 0 or pool[i - 1].passage.id != p.id:
            under = None
        under = line_field(s.text) or under
        # Not a line of another field that shares the names (»Deltagere« lists the absent too).
        if field is not None and under not in (None, field):
            continue
        if kind is not None and not has_kind(s.text, kind):
            continue
        stated = facts(s.text)
        common = stated & wanted
        # Enough of the best line's own facts (the span may add whole lines of the summary).
        if len(common) > best_shared and _enough(stated & first, first):
            best, best_shared = i, len(common)
    if best is None and wanted:
        best = next((i for i, s in enumerate(pool) if s.passage.source == source and s.passage.role != "info"
                     and s.passage.item_number != 0 and wanted <= facts(s.text)), None)  # fmt: skip
    return best
