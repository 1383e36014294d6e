"""Retrieval quality on a question set: ``python -m retrieval.evaluate QUESTIONS.jsonl``.

Metrics as defined in the evaluation README, at agenda-item level after de-duplicating
hits by item: hit@5, MRR@10, nDCG@10 (linear gains 0/1/2), and ans@1 / ans@3 on the text
of the first passages shown (lower-cased, whitespace collapsed, hyphenation joined).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indexer.errors import ReferatError
from indexer.text import collapse_whitespace, dehyphenate

METRICS = ("hit@5", "MRR@10", "nDCG@10", "ans@1", "ans@3")


@dataclass(frozen=True)
class ShownHit:
    """What the metrics need of a hit: which agenda item, and the text shown."""

    source: str
    item_number: int
    text: str


def item_key(source: str, item_number: int) -> str:
    """ "003_19692c500b0e1c7c.txt", 6 -> "003#6" (the gold files name items this way)."""
    name = Path(source).name
    return f"{name.split('_', 1)[0]}#{item_number}"


def distinct_items(hits: Sequence[ShownHit]) -> list[str]:
    seen: list[str] = []
    for h in hits:
        key = item_key(h.source, h.item_number)
        if key not in seen:
            seen.append(key)
    return seen


def _norm(text: str) -> str:
    return collapse_whitespace(dehyphenate(text).lower())


def answer_shown(hits: Sequence[ShownHit], groups: Sequence[Sequence[str]], n: int) -> bool:
    """Every answer group has a phrase in the text of the first ``n`` passages."""
    shown = _norm(" \n ".join(h.text for h in hits[:n]))
    return all(any(_norm(phrase) in shown for phrase in group) for group in groups)


def score_question(hits: Sequence[ShownHit], gold: dict[str, int], answer: Sequence[Sequence[str]]) -> dict[str, float]:
    items = distinct_items(hits)
    relevant = [i for i, key in enumerate(items[:10]) if gold.get(key) == 2]
    dcg = sum(gold.get(key, 0) / math.log2(i + 2) for i, key in enumerate(items[:10]))
    ideal = sorted(gold.values(), reverse=True)[:10]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return {
        "hit@5": float(any(gold.get(key) == 2 for key in items[:5])),
        "MRR@10": 1.0 / (relevant[0] + 1) if relevant else 0.0,
        "nDCG@10": dcg / idcg if idcg else 0.0,
        "ans@1": float(answer_shown(hits, answer, 1)),
        "ans@3": float(answer_shown(hits, answer, 3)),
    }


def summarize(rows: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Mean of each metric overall, per kind and per language."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups["all"].append(row)
        groups[f"kind={row['kind']}"].append(row)
        groups[f"lang={row['lang']}"].append(row)
    return {
        name: {"n": len(members), **{m: sum(r["scores"][m] for r in members) / len(members) for m in METRICS}}
        for name, members in sorted(groups.items(), key=lambda kv: (kv[0] != "all", kv[0]))
    }


def evaluate(retriever: Any, questions: list[dict[str, Any]], depth: int = 30) -> list[dict[str, Any]]:
    rows = []
    for q in questions:
        result = retriever.search(q["q"], top_k=depth)
        hits = [ShownHit(h.passage.source, h.passage.item_number, h.passage.text) for h in result.hits]
        rows.append(
            {
                "id": q.get("id"),
                "q": q["q"],
                "kind": q.get("kind", "?"),
                "lang": q.get("lang", "?"),
                "scores": score_question(hits, q.get("gold", {}), q.get("answer", [])),
                "top": distinct_items(hits)[:5],
            }
        )
    return rows


def format_table(summary: dict[str, dict[str, float]]) -> str:
    lines = [f"{'':<20}{'n':>4}" + "".join(f"{m:>9}" for m in METRICS)]
    for name, values in summary.items():
        lines.append(f"{name:<20}{values['n']:>4}" + "".join(f"{values[m]:>9.3f}" for m in METRICS))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from retrieval.search import open_retriever

    p = argparse.ArgumentParser(prog="python -m retrieval.evaluate", description=__doc__.splitlines()[0])
    p.add_argument("questions", type=Path)
    p.add_argument("--index", dest="index_dir", type=Path)
    p.add_argument("--json", action="store_true", help="print per-question scores and the summary as JSON")
    p.add_argument("--misses", action="store_true", help="list questions that miss ans@1 or hit@5")
    args = p.parse_args(argv)
    try:
        questions = [
            json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
        retriever = open_retriever(args.index_dir)
    except (OSError, ValueError) as exc:
        print(f"error: cannot read {args.questions}: {exc}", file=sys.stderr)
        return 1
    except ReferatError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    rows = evaluate(retriever, questions)
    summary = summarize(rows)
    if args.json:
        print(json.dumps({"summary": summary, "questions": rows}, ensure_ascii=False))
        return 0
    print(format_table(summary))
    if args.misses:
        for r in rows:
            if r["scores"]["ans@1"] < 1 or r["scores"]["hit@5"] < 1:
                print(f"{r['id']} {r['scores']} top={r['top']} :: {r['q']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
