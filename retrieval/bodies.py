"""Questions that name the body whose minutes they ask about (»… om Mejrup Skole?«, »… of
Grundejerforeningen Borrehøj …«): the minutes of that body are favoured, as a period named is."""

from __future__ import annotations

import re

from indexer.records import Passage
from retrieval.snapshot import names_its_minutes

# Minutes of a body the question names by a name of its own are favoured this much, as a
# committee named by its acronym is (``search.COMMITTEE_BOOST``).
BODY_BOOST = 1.3
# A capitalised word of four letters or more, not the question's first (»Hvem«, »Who«); not an
# acronym, which names a committee (``search._favour_committee`` favours its meetings).
_NAME = re.compile(r"(?<!^)(?<![.?!]\s)\b[A-ZÆØÅ][a-zæøåäöüé][\w-]{2,}")


def favour_body(fused: dict[int, float], question: str, passages: list[Passage]) -> dict[int, float]:
    """The fused scores with the passages of minutes favoured whose committee, organisation or
    file name holds every capitalised word of the question that names some minutes but not all
    (»Mejrup« and »Skole« of »Mejrup Skole«: 206_mejrupskole_…, not 202_skovboskolen_…). A word
    every minutes hold, or none, says nothing of which body is asked about."""
    words = {m.group(0) for m in _NAME.finditer(question.strip())}
    if not words or not fused:
        return fused
    sources = {passages[r].source: passages[r] for r in fused}
    naming = {w: {s for s, p in sources.items() if names_its_minutes(w, p)} for w in words}
    telling = [found for found in naming.values() if found and len(found) < len(sources)]
    if not telling:
        return fused
    named = set.intersection(*telling)
    if not named:
        return fused
    return {r: v * (BODY_BOOST if passages[r].source in named else 1.0) for r, v in fused.items()}
