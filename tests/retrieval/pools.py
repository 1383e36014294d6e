"""Candidate sentences of one agenda item of the real index, for the answer tests."""

from __future__ import annotations

from retrieval.search import Retriever
from retrieval.sentences import Sentence
from retrieval.sentences import item_sentences as sentences_of_item


def item_sentences(retriever: Retriever, prefix: str, number: int) -> list[Sentence]:
    """Every candidate of item ``number`` of the minutes whose file name starts with ``prefix``."""
    passages, _, item_rows = retriever.snapshot()
    source = next(p.source for p in passages if p.source.startswith(prefix))
    every = {p.id for p in passages}
    return sentences_of_item(passages, item_rows(source, number), 0, every, frozenset())
