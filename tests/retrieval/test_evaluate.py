"""The evaluation metrics against hand-computed values."""

from __future__ import annotations

import math

import pytest

from retrieval.evaluate import (
    ShownHit,
    answer_shown,
    distinct_items,
    item_key,
    score_question,
    split_of,
    summarize,
)


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


def test_answer_metric_reads_the_answer_text() -> None:
    hits = [h(6, "en pixi udgave og 28. juni")]
    groups = [["pixi udgave"], ["28. juni", "6. september"]]
    assert (
        score_question(hits, {"003#6": 2}, groups, "Der skal laves en Pixi ud-\ngave  til 28. juni.")["answer"] == 1.0
    )
    assert (
        score_question(hits, {"003#6": 2}, groups, "Der skal laves en pixi udgave.")["answer"] == 0.0
    )  # a group missing
    assert score_question(hits, {"003#6": 2}, groups, None)["answer"] == 0.0  # no answer: 0, whatever the hits say
    assert score_question(hits, {"003#6": 2}, groups)["ans@1"] == 1.0


def test_gold_keys_for_the_header_and_for_a_whole_file() -> None:
    header = [h(0, "Deltagere: Peter Knappmann", "202_skovboskolen.txt"), h(1, "", "202_skovboskolen.txt")]
    s = score_question(header, {"202#0": 2}, [["peter knappmann"]], "Deltagere: Peter Knappmann")
    assert (s["hit@5"], s["MRR@10"], s["nDCG@10"], s["answer"]) == (1.0, 1.0, 1.0, 1.0)
    # NNN#* : any item of file 208 counts, once (a second item of the same file earns nothing more).
    web = [h(3, "", "207_kirke.txt"), h(1, "", "208_kirke.txt"), h(2, "", "208_kirke.txt")]
    s = score_question(web, {"208#*": 2}, [["x"]])
    assert s["hit@5"] == 1.0 and s["MRR@10"] == 0.5
    assert s["nDCG@10"] == pytest.approx((2 / math.log2(3)) / 2)


def test_fixed_split() -> None:
    assert [split_of(i) for i in ("q01", "q03", "q05", "q07", "q60")] == [
        "tuned",
        "heldout",
        "tuned",
        "heldout",
        "tuned",
    ]
    assert [split_of(i) for i in ("d201a", "d209c", "d210a", "d217c")] == ["tuned", "tuned", "heldout", "heldout"]


def test_summary_groups() -> None:
    scores = {"hit@5": 1, "MRR@10": 1, "nDCG@10": 1, "ans@1": 1, "ans@3": 1, "answer": 1}
    rows = [
        {"id": "q01", "kind": "fact", "lang": "da", "scores": scores},
        {"id": "q03", "kind": "topic", "lang": "en", "scores": {**dict.fromkeys(scores, 0), "ans@3": 1}},
    ]
    summary = summarize(rows)
    assert next(iter(summary)) == "all"
    assert summary["all"]["hit@5"] == 0.5 and summary["all"]["ans@3"] == 1.0
    assert summary["lang=en"]["n"] == 1 and summary["kind=fact"]["ans@1"] == 1.0
    assert summary["split=tuned"]["answer"] == 1.0 and summary["split=heldout"]["answer"] == 0.0


def test_gold_keys_as_printed_match_the_item_numbers() -> None:
    from retrieval.evaluate import printed_key

    assert printed_key("310#04") == "310#4"
    assert printed_key("308#25/22") == "308#25"
    assert printed_key("208#*") == "208#*" and printed_key("201#0") == "201#0"
    hits = [ShownHit("310_fond.pdf", 4, "Bevilget 250.000 kr.")]
    assert score_question(hits, {"310#04": 2}, [["250.000"]])["hit@5"] == 1.0
