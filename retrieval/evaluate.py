"""Retrieval quality on a question set: ``python -m retrieval.evaluate QUESTIONS.jsonl``.

Metrics as defined in the evaluation README, at agenda-item level after de-duplicating
hits by item: hit@5, MRR@10, nDCG@10 (linear gains 0/1/2), ans@1 / ans@3 on the text
of the first passages shown, and answer on the answer in words (lower-cased, whitespace
collapsed, hyphenation joined). Gold keys: ``NNN#K`` (item K; 0 = outside any item) and
``NNN#*`` (any passage of file NNN).

Every question belongs to a fixed split, so that figures tuned on one half can be checked
on the other: ids numbered by file (``d203b``: three digits) are *tuned* for files up to 209,
*held out* above; other ids (``q17``) are tuned when their number halved is even.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indexer.errors import ReferatError
from indexer.text import collapse_whitespace, dehyphenate

METRICS = ("hit@5", "MRR@10", "nDCG@10", "ans@1", "ans@3", "answer")
SPLITS = ("tuned", "heldout")
# The last file of the tuned half of a set whose ids name files (realdev: 201-209 tuned).
LAST_TUNED_FILE = 209


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


def split_of(question_id: str | None) -> str:
    """ "tuned" or "heldout", by the fixed rule in the module docstring."""
    m = re.search(r"\d+", question_id or "")
    if not m:
        return "tuned"
    n = int(m.group(0))
    if len(m.group(0)) == 3:
        return "tuned" if n <= LAST_TUNED_FILE else "heldout"
    return "tuned" if (n // 2) % 2 == 0 else "heldout"


def printed_key(key: str) -> str:
    """A gold key as the index numbers items: "310#04" -> "310#4", "308#25/22" (PS 25/22) -> "308#25"."""
    file, _, item = key.partition("#")
    m = re.fullmatch(r"0*(\d+)(?:/\d+)?", item)
    return f"{file}#{int(m.group(1))}" if m else key


def gold_key(gold: dict[str, int], key: str) -> str | None:
    """The gold key an item matches: itself, or its file's ``NNN#*``."""
    if key in gold:
        return key
    whole = key.split("#", 1)[0] + "#*"
    return whole if whole in gold else None


def distinct_items(hits: Sequence[ShownHit]) -> list[str]:
    seen: list[str] = []
    for h in hits:
        key = item_key(h.source, h.item_number)
        if key not in seen:
            seen.append(key)
    return seen


def _norm(text: str) -> str:
    return collapse_whitespace(dehyphenate(text).lower())


def contains_answer(text: str, groups: Sequence[Sequence[str]]) -> bool:
    """Every answer group has a phrase in ``text`` (both normalised)."""
    shown = _norm(text)
    return all(any(_norm(phrase) in shown for phrase in group) for group in groups)


def answer_shown(hits: Sequence[ShownHit], groups: Sequence[Sequence[str]], n: int) -> bool:
    """Every answer group has a phrase in the text of the first ``n`` passages."""
    return contains_answer(" \n ".join(h.text for h in hits[:n]), groups)


def graded(items: Sequence[str], gold: dict[str, int]) -> list[int]:
    """The gain of each item; a gold key (``NNN#*`` too) earns it once, at its first item."""
    used: set[str] = set()
    gains = []
    for key in items:
        match = gold_key(gold, key)
        gains.append(gold[match] if match is not None and match not in used else 0)
        if match is not None:
            used.add(match)
    return gains


def score_question(
    hits: Sequence[ShownHit], gold: dict[str, int], answer: Sequence[Sequence[str]], answer_text: str | None = None
) -> dict[str, float]:
    gold = {printed_key(k): v for k, v in gold.items()}
    items = distinct_items(hits)
    gains = graded(items, gold)
    relevant = [i for i, g in enumerate(gains[:10]) if g == 2]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains[:10]))
    ideal = sorted(gold.values(), reverse=True)[:10]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return {
        "hit@5": float(any(g == 2 for g in gains[:5])),
        "MRR@10": 1.0 / (relevant[0] + 1) if relevant else 0.0,
        "nDCG@10": dcg / idcg if idcg else 0.0,
        "ans@1": float(answer_shown(hits, answer, 1)),
        "ans@3": float(answer_shown(hits, answer, 3)),
        "answer": float(answer_text is not None and contains_answer(answer_text, answer)),
    }


def summarize(rows: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Mean of each metric overall, per kind and per language."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups["all"].append(row)
        groups[f"kind={row['kind']}"].append(row)
        groups[f"lang={row['lang']}"].append(row)
        groups[f"split={row.get('split', split_of(row.get('id')))}"].append(row)
    return {
        name: {"n": len(members), **{m: sum(r["scores"][m] for r in members) / len(members) for m in METRICS}}
        for name, members in sorted(groups.items(), key=lambda kv: (kv[0] != "all", kv[0]))
    }


def evaluate(retriever: Any, questions: list[dict[str, Any]], depth: int = 30) -> list[dict[str, Any]]:
    """Each question asked as the CLI asks it: search, then the answer (its passage first)."""
    from retrieval.answer import respond

    rows = []
    for q in questions:
        response = respond(retriever.search(q["q"], top_k=depth), retriever, depth)
        hits = [ShownHit(h.passage.source, h.passage.item_number, h.passage.text) for h in response.result.hits]
        text = response.answer.text if response.answer else None
        rows.append(
            {
                "id": q.get("id"),
                "q": q["q"],
                "kind": q.get("kind", "?"),
                "lang": q.get("lang", "?"),
                "split": split_of(q.get("id")),
                "scores": score_question(hits, q.get("gold", {}), q.get("answer", []), text),
                "top": distinct_items(hits)[:5],
                "answer": text,
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
    p.add_argument("--misses", action="store_true", help="list questions that miss ans@1, hit@5 or answer")
    p.add_argument("--split", choices=SPLITS, help="only the tuned or the held-out half (default: both, apart)")
    args = p.parse_args(argv)
    try:
        questions = [
            json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
        if args.split:
            questions = [q for q in questions if split_of(q.get("id")) == args.split]
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
            if min(r["scores"]["ans@1"], r["scores"]["hit@5"], r["scores"]["answer"]) < 1:
                scores = " ".join(f"{m}={v:.2f}" for m, v in r["scores"].items())
                print(f"{r['id']} {scores} top={r['top']} :: {r['q']}\n    answer: {r['answer']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
