"""Re-derive the answer model's weights: ``python -m retrieval.tune_extract SET.jsonl=INDEX ...``.

Each question is searched once and its candidate sentences, features and sentence vectors
are computed once; then ``--draws`` weight vectors drawn from a grid are scored on the
*tuned* half only (``retrieval.evaluate.split_of``), maximising answer + (ans@1 + the
answer's item is gold) / 2, and the best is printed with its figures on both halves.
Prints, asserts nothing; the weights in ``retrieval.extract.WEIGHTS`` came from this, run on
five sets (indexes built with ``python -m indexer DIR --index INDEX``)::

    python -m retrieval.tune_extract ../shared/eval/questions_dev.jsonl=CORPUS_INDEX \
        tests/data/questions_heldout.jsonl=CORPUS_INDEX tests/data/questions_seed_more.jsonl=CORPUS_INDEX \
        ../shared/realdev/questions.jsonl=REALDEV_INDEX tests/data/questions_realdev_more.jsonl=REALDEV_INDEX
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np

from retrieval import extract, names, quoting, sentences
from retrieval.evaluate import contains_answer, gold_key, item_key, split_of
from retrieval.hits import lead_passages, level_with_lead

GRID: dict[str, tuple[float, ...]] = {
    "lexical": (0, 0.5, 1, 1.5, 2, 3),
    "minuted": (0, 0.2, 0.4, 0.6),
    "label": (0, 0.2, 0.4, 0.6),
    "other_meeting": (0, -0.25, -0.5, -1.0),
    "passage_dense": (0, 2, 4, 6, 8, 12),
    "sentence_dense": (0, 2, 4, 6, 8, 12, 16),
    "kind": (0, 0.2, 0.4, 0.8, 1.2),
    "kind_asked": (0, 0.2, 0.4, 0.8),
    "change": (0, 0.2, 0.4, 0.8),
    "outcome_section": (0, 0.4, 0.8, 1.5),
    "header": (0, 0.2, 0.4, 0.8),
    "item_rank": (0, -0.1, -0.25, -0.5, -1.0),
    "shown": (0, 0.2, 0.4),
    "lead": (0, 0.2, 0.4, 0.8),
    "echo": (0, -0.25, -0.5),
    "stub": (0, -0.3, -0.6),
    "attachment": (0, -0.5, -1.0),
    "long": (0, -0.4, -0.8, -1.6),
}


@dataclass(frozen=True)
class Case:
    """One question with everything the weights act on, computed once."""

    question: dict[str, Any]
    split: str
    pool: list[sentences.Sentence]
    features: dict[str, np.ndarray]
    sentence_cosine: np.ndarray
    kind: str | None


def prepare(questions: list[dict[str, Any]], index_dir: Path) -> list[Case]:
    from retrieval.answer import is_relevant
    from retrieval.search import open_retriever

    r = open_retriever(index_dir)
    cases = []
    for q in questions:
        result = r.search(q["q"], top_k=30)
        found = [h.passage for h in result.hits]
        pool = sentences.build_pool(result.plan, found, r.item_rows, r.passages, lead_passages(result.hits))
        if not is_relevant(result, r.settings) or not pool or result.query_vector is None:
            pool = []
        common = names.common_words(result.plan, pool, r.lower_case_words)
        features = extract.cheap_features(result.plan, pool, common, level_with_lead(result.hits)) if pool else {}
        cosine = np.zeros(0)
        if pool:
            rows = np.array([s.row for s in pool])
            features["passage_dense"] = extract._relative(r.index.vectors[rows] @ result.query_vector)
            cosine = r.embed_texts([s.text[: extract.EMBED_CHARS] for s in pool]) @ result.query_vector
        cases.append(Case(q, split_of(q.get("id")), pool, features, cosine, result.plan.expects))
    return cases


def outcome(case: Case, w: extract.Weights) -> tuple[float, float, float]:
    """(answer, ans@1, answer's item is gold) for one question under weights ``w``."""
    if not case.pool:
        return 0.0, 0.0, 0.0
    first = extract.score(case.features, w)
    order, shortlist = extract.shortlist_of(first, w)
    if len(shortlist) > 1:
        ranked = extract.combine(first, order, shortlist, extract._relative(case.sentence_cosine[shortlist]), w)
    else:
        ranked = [(i, float(first[i])) for i in order]
    found = quoting.quote(case.pool, ranked, case.kind, case.question["q"])
    if found is None:
        return 0.0, 0.0, 0.0
    groups, gold = case.question.get("answer", []), case.question.get("gold", {})
    key = gold_key(gold, item_key(found.passage.source, found.passage.item_number))
    return (
        float(contains_answer(found.text, groups)),
        float(contains_answer(found.passage.text, groups)),
        float(key is not None and gold[key] == 2),
    )


def figures(cases: list[Case], w: extract.Weights) -> dict[str, tuple[float, ...]]:
    by_split: dict[str, list[tuple[float, float, float]]] = {}
    for case in cases:
        by_split.setdefault(case.split, []).append(outcome(case, w))
    return {s: tuple(round(float(np.mean(col)), 3) for col in zip(*rows, strict=True)) for s, rows in by_split.items()}


def objective(cases: list[Case], w: extract.Weights) -> float:
    rows = [outcome(c, w) for c in cases if c.split == "tuned"]
    return float(np.mean([a + (a1 + g) / 2 for a, a1, g in rows])) if rows else 0.0


def main(argv: list[str] | None = None) -> int:
    import json

    p = argparse.ArgumentParser(prog="python -m retrieval.tune_extract", description=__doc__.splitlines()[0])
    p.add_argument("sets", nargs="+", help="QUESTIONS.jsonl=INDEX_DIR")
    p.add_argument("--draws", type=int, default=600)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    cases: list[Case] = []
    for pair in args.sets:
        path, _, index = pair.partition("=")
        questions = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
        cases.extend(prepare(questions, Path(index)))
    rng = random.Random(args.seed)
    names = [f.name for f in fields(extract.Weights)]
    draws = [extract.WEIGHTS] + [extract.Weights(**{n: rng.choice(GRID[n]) for n in names}) for _ in range(args.draws)]
    best = max(draws, key=lambda w: objective(cases, w))
    print(f"current {extract.WEIGHTS}\n  (answer, ans@1, gold item) {figures(cases, extract.WEIGHTS)}")
    print(f"best    {best}\n  (answer, ans@1, gold item) {figures(cases, best)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
