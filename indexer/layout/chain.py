"""The best chain of candidate heads: a highest-scoring subsequence with rising numbers."""

from __future__ import annotations

import math

_GAP_PENALTY = 1.0
_START_PENALTY = 1.5  # a chain that starts above 1: running case numbers, or an agenda cut at the front


class _PrefixMax:
    """Fenwick tree: best (value, candidate) among item numbers below n, in O(log n)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.tree: list[tuple[float, int]] = [(-math.inf, -1)] * (size + 1)

    def update(self, number: int, value: float, candidate: int) -> None:
        i = number + 1
        while i <= self.size:
            if value > self.tree[i][0]:
                self.tree[i] = (value, candidate)
            i += i & -i

    def below(self, number: int) -> tuple[float, int]:
        best, i = (-math.inf, -1), number
        while i > 0:
            if self.tree[i][0] > best[0]:
                best = self.tree[i]
            i -= i & -i
        return best


def best_chain(numbers: list[int], weights: list[float]) -> tuple[float, list[int]]:
    """Highest-scoring subsequence with strictly rising numbers (gaps cost a little).

    A chain scores its weights, minus ``_GAP_PENALTY`` per skipped number and a start
    penalty when it does not start at 1. Written as best_j + GAP * n_j over earlier
    candidates with smaller numbers, the best predecessor is a prefix maximum: O(n log n).
    """
    if not numbers:
        return 0.0, []
    prefix = _PrefixMax(max(numbers) + 1)
    best, back = [0.0] * len(numbers), [-1] * len(numbers)
    for i, n in enumerate(numbers):
        best[i] = weights[i] - min(_GAP_PENALTY * (n - 1), _START_PENALTY)
        value, j = prefix.below(n)
        via = weights[i] - _GAP_PENALTY * (n - 1) + value
        if j >= 0 and via > best[i]:
            best[i], back[i] = via, j
        prefix.update(n, best[i] + _GAP_PENALTY * n, i)
    end = max(range(len(numbers)), key=lambda i: best[i])
    chain = []
    while end != -1:
        chain.append(end)
        end = back[end]
    return max(best), chain[::-1]
