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


def question_phrases(stems: Sequence[str]) -> frozenset[tuple[str, ...]]:
    """Every run of ``PHRASE_STEMS`` consecutive stems of the question."""
    return frozenset(tuple(stems[i : i + PHRASE_STEMS]) for i in range(len(stems) - PHRASE_STEMS + 1))


def writes_a_phrase(stems: Sequence[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    """Whether the stems of a passage hold one of the ``phrases`` in a row."""
    return any(tuple(stems[i : i + PHRASE_STEMS]) in phrases for i in range(len(stems) - PHRASE_STEMS + 1))


def with_phrase_bonus(
    fused: dict[int, float], phrases: frozenset[tuple[str, ...]], stems_of: Callable[[int], Sequence[str]]
) -> dict[int, float]:
    """``fused`` with ``PHRASE_BONUS`` added for each passage that writes one of the question's phrases."""
    if not phrases:
        return fused
    return {row: score + PHRASE_BONUS * writes_a_phrase(stems_of(row), phrases) for row, score in fused.items()}
