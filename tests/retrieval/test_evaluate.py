"""The evaluation metrics against hand-computed values."""

from __future__ import annotations

import math

import pytest

from retrieval.evaluate import ShownHit, answer_shown, distinct_items, item_key, score_question, summarize


def h(item: int, text: str = "", source: str = "003_19692c500b0e1c7c.txt") -> ShownHit:
    return ShownHit(source, item, text)


def test_item_key() -> None:
    assert item_key("003_19692c500b0e1c7c.txt", 6) == "003#6"
    assert item_key("sub/004_x.pdf", 13) == "004#13"


def test_scores_hand_computed() -> None:
    hits = [h(4, "intet"), h(4, "mere"), h(6, "en pixi ud-\ngave"), h(3), h(5), h(7)]
    assert distinct_items(hits) == ["003#4", "003#6", "003#3", "003#5", "003#7"]
    gold = {"003#6": 2, "003#3": 1}
    s = score_question(hits, gold, [["pixi udgave"]])
    assert s["hit@5"] == 1.0
    assert s["MRR@10"] == 0.5
    dcg = 2 / math.log2(3) + 1 / math.log2(4)
    idcg = 2 / math.log2(2) + 1 / math.log2(3)
    assert s["nDCG@10"] == pytest.approx(dcg / idcg)
    assert s["ans@1"] == 0.0
    assert s["ans@3"] == 1.0  # hyphenation joined, whitespace collapsed


def test_every_answer_group_must_be_shown() -> None:
    hits = [h(1, "Mødet er 28. juni"), h(2, "og igen 6. september 2012")]
    assert answer_shown(hits, [["28. juni"], ["6. september 2012"]], 2)
    assert not answer_shown(hits, [["28. juni"], ["6. september 2012"]], 1)
    assert answer_shown(hits, [["28. juni", "6. september 2012"]], 1)


def test_summary_groups() -> None:
    rows = [
        {"kind": "fact", "lang": "da", "scores": {"hit@5": 1, "MRR@10": 1, "nDCG@10": 1, "ans@1": 1, "ans@3": 1}},
        {"kind": "topic", "lang": "en", "scores": {"hit@5": 0, "MRR@10": 0, "nDCG@10": 0, "ans@1": 0, "ans@3": 1}},
    ]
    summary = summarize(rows)
    assert next(iter(summary)) == "all"
    assert summary["all"]["hit@5"] == 0.5 and summary["all"]["ans@3"] == 1.0
    assert summary["lang=en"]["n"] == 1 and summary["kind=fact"]["ans@1"] == 1.0
