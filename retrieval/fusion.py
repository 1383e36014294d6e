"""Combining rankings. Small pure functions over (row, score) lists."""

from __future__ import annotations

from collections.abc import Sequence

Ranking = Sequence[tuple[int, float]]


def rrf(rankings: Sequence[Ranking], weights: Sequence[float], k: int = 60) -> dict[int, float]:
    """Weighted reciprocal-rank fusion: sum of ``w / (k + rank)`` with ranks from 1.

    Only the order of each ranking matters, so dense cosines and BM25 scores, which live
    on unrelated scales, can be combined without calibration.
    """
    if len(rankings) != len(weights):
        raise ValueError("one weight per ranking")
    fused: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, (row, _score) in enumerate(ranking, start=1):
            fused[row] = fused.get(row, 0.0) + weight / (k + rank)
    return fused


def minmax(ranking: Ranking) -> dict[int, float]:
    """Scores rescaled to [0, 1] within the ranking (all 1.0 if they are equal)."""
    if not ranking:
        return {}
    scores = [s for _, s in ranking]
    lo, hi = min(scores), max(scores)
    if hi == lo:
        return {row: 1.0 for row, _ in ranking}
    return {row: (s - lo) / (hi - lo) for row, s in ranking}


def linear(rankings: Sequence[Ranking], weights: Sequence[float]) -> dict[int, float]:
    """Weighted sum of min-max-normalised scores (a row missing from a ranking gets 0 there)."""
    if len(rankings) != len(weights):
        raise ValueError("one weight per ranking")
    fused: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for row, score in minmax(ranking).items():
            fused[row] = fused.get(row, 0.0) + weight * score
    return fused


def ordered(scores: dict[int, float]) -> list[tuple[int, float]]:
    """Best first; ties broken by row number so results are deterministic."""
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
