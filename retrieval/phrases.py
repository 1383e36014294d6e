"""A passage that writes a run of the question's words in the question's order (»Formand for den
økonomiske arbejdsgruppe, Torben Krone …« for »Hvem er formand for den økonomiske
arbejdsgruppe?«): the evidence Ctrl-F finds, which BM25 (a bag of words) and the embedding (the
gist of a passage) both weigh too little. Stems, without stop words: »formand økonomisk arbejdsgrup«.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

# Stems in a run: two are often a fixed term every item repeats (»Nordjysk Socialaftale«).
PHRASE_STEMS = 3
# Added to a passage's fused score (both rankings' best reaches 1.5). Measured on every question
# set: at 0.3 three questions gained and none lost; at 0.45 and 0.6 questions were lost.
PHRASE_BONUS = 0.3
# A passage holding three of the question's stems ranks high by BM25: only the first of the BM25
# ranking are read (reading every candidate added 20 ms to the p95 on 100,000 passages).
PHRASE_ROWS = 30


def question_phrases(stems: Sequence[str]) -> frozenset[tuple[str, ...]]:
    """Every run of ``PHRASE_STEMS`` consecutive stems (of the question, or of a passage)."""
    return frozenset(tuple(stems[i : i + PHRASE_STEMS]) for i in range(len(stems) - PHRASE_STEMS + 1))


def with_phrase_bonus(
    fused: dict[int, float],
    phrases: frozenset[tuple[str, ...]],
    rows: Sequence[int],
    text_of: Callable[[int], str],
    phrases_of: Callable[[int], frozenset[tuple[str, ...]]],
) -> dict[int, float]:
    """``fused`` with ``PHRASE_BONUS`` added for each of ``rows`` that writes one of the
    question's ``phrases``. ``text_of(row)``: the passage's text; ``phrases_of(row)``: its runs
    of stems (kept by the caller: the same passages come back question after question)."""
    if not phrases:
        return fused
    out = dict(fused)
    for row in rows[:PHRASE_ROWS]:
        if row not in out:
            continue
        # A stem is (nearly always) the start of the word it was cut from: only a passage whose
        # text holds every stem of a phrase is analysed.
        text = text_of(row).casefold()
        if any(all(stem in text for stem in phrase) for phrase in phrases) and not phrases.isdisjoint(phrases_of(row)):
            out[row] += PHRASE_BONUS
    return out
