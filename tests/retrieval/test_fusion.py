"""Fusion against hand-computed values."""

from __future__ import annotations

import pytest

from retrieval.fusion import linear, minmax, ordered, rrf


def test_rrf_hand_computed() -> None:
    dense = [(7, 0.9), (3, 0.8), (5, 0.1)]
    bm25 = [(3, 12.0), (9, 4.0)]
    fused = rrf([dense, bm25], [1.0, 0.5], k=60)
    assert fused[7] == pytest.approx(1 / 61)
    assert fused[3] == pytest.approx(1 / 62 + 0.5 / 61)
    assert fused[5] == pytest.approx(1 / 63)
    assert fused[9] == pytest.approx(0.5 / 62)
    assert [row for row, _ in ordered(fused)] == [3, 7, 5, 9]


def test_minmax_and_linear_hand_computed() -> None:
    assert minmax([(1, 2.0), (2, 4.0), (3, 3.0)]) == {1: 0.0, 2: 1.0, 3: 0.5}
    assert minmax([(1, 5.0), (2, 5.0)]) == {1: 1.0, 2: 1.0}
    assert minmax([]) == {}
    fused = linear([[(1, 0.9), (2, 0.7), (3, 0.5)], [(2, 10.0), (4, 2.0)]], [1.0, 0.5])
    assert fused == pytest.approx({1: 1.0, 2: 0.5 + 0.5, 3: 0.0, 4: 0.0})


def test_ties_break_by_row_and_weights_must_match() -> None:
    assert ordered({5: 1.0, 2: 1.0, 9: 2.0}) == [(9, 2.0), (2, 1.0), (5, 1.0)]
    with pytest.raises(ValueError, match="one weight per ranking"):
        rrf([[(1, 1.0)]], [1.0, 2.0])
