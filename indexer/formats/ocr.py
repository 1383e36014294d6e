"""OCR of scanned PDF pages with Tesseract (Danish), cached by the file's content hash.

pdfium and Tesseract are C code fed with an untrusted file, so neither runs in the
indexer's own process: pages are rasterised in a forked child with an address-space
limit and each page gets its own time limit (``render.py``); Tesseract runs as a subprocess
per page with a timeout. OCR costs seconds per page, so results are kept as JSON in the index folder
(``ocr-cache/<sha256>.json``), outside the generation folders: an unchanged file is never
OCR'd twice, whatever else changes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from indexer.formats.render import DPI, rendered_pages
from indexer.source import content_hash

CACHE_DIR = "ocr-cache"
INSTALL_HINT = "run `make ocr-deps` or `apt-get install tesseract-ocr tesseract-ocr-dan`"
# A page with fewer visible characters than this has no real text layer (at most a page number).
MIN_TEXT_CHARS = 20
# Tesseract's mean word confidence below which a page's text is likely garbled.
LOW_CONFIDENCE = 60.0
# Bumped when the cached JSON changes shape; older entries are then OCR'd again.
CACHE_FORMAT = 1
_SHA = re.compile(r"[0-9a-f]{64}")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


@dataclass(frozen=True)
class OcrPage:
    """One page's OCR text; ``confidence`` is the mean word confidence (0-100), None without words."""

    text: str
    confidence: float | None = None
    words: int = 0
    error: str | None = None  # why this page could not be OCR'd (never cached)


class OcrUnavailable(Exception):
    """Tesseract or its Danish data is not installed; the message says which."""


def needs_ocr(page_text: str) -> bool:
    return len("".join(page_text.split())) < MIN_TEXT_CHARS


def tesseract_path() -> str:
    """The tesseract executable, or OcrUnavailable when it or its Danish data is missing."""
    path = shutil.which("tesseract")
    if path is None:
        raise OcrUnavailable("Tesseract is not installed")
    if "dan" not in _languages(path):
        raise OcrUnavailable("Tesseract has no Danish language data (tesseract-ocr-dan) installed")
    return path


@lru_cache(maxsize=4)
def _languages(path: str) -> frozenset[str]:
    try:
        out = subprocess.run([path, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in out.splitlines()[1:])


def ocr_pages(
    data: bytes,
    pages: list[int],
    *,
    timeout_s: float,
    memory_mb: int,
    cache_dir: Path | None = None,
    progress: bool = False,
) -> dict[int, OcrPage]:
    """OCR of the given 1-based pages, from the cache where this file was OCR'd before."""
    sha = content_hash(data)
    done = load_cache(cache_dir, sha) if cache_dir else {}
    todo = [k for k in pages if k not in done]
    if todo:
        fresh = run_ocr(data, todo, timeout_s=timeout_s, memory_mb=memory_mb, progress=progress)
        done.update(fresh)
        if cache_dir and any(page.error is None for page in fresh.values()):
            save_cache(cache_dir, sha, {k: p for k, p in done.items() if p.error is None})
    return {k: done[k] for k in pages}


def run_ocr(data: bytes, pages: list[int], *, timeout_s: float, memory_mb: int, progress: bool) -> dict[int, OcrPage]:
    """Rasterise and OCR ``pages``; Tesseract runs on one page per core while the next are rendered."""
    from tqdm import tqdm

    tesseract = tesseract_path()
    workers = max(1, min(len(pages), len(os.sched_getaffinity(0)), 8))
    results: dict[int, OcrPage] = {}
    with (
        tempfile.TemporaryDirectory(prefix="referat-ocr-") as tmp,
        ThreadPoolExecutor(workers) as pool,
        tqdm(total=len(pages), desc="OCR pages", unit="page", disable=not progress, file=sys.stderr) as bar,
    ):
        futures: dict[int, Future[OcrPage]] = {}
        # Rendering outpaces Tesseract 5:1; a page image is ~9 MB, so only a few wait on disk at a time.
        slots = threading.BoundedSemaphore(workers + 1)

        def finished(_: Future[OcrPage]) -> None:
            slots.release()
            bar.update(1)

        rendered = rendered_pages(data, pages, Path(tmp), timeout_s, memory_mb)
        while True:
            slots.acquire()
            page = next(rendered, None)
            if page is None:
                break
            k, image, error = page
            if image is None:
                results[k] = OcrPage("", error=error)
                slots.release()
                bar.update(1)
                continue
            futures[k] = pool.submit(_tesseract, tesseract, image, timeout_s)
            futures[k].add_done_callback(finished)
        for k, future in futures.items():
            results[k] = future.result()
    return {k: results[k] for k in pages}


def _tesseract(tesseract: str, image: Path, timeout_s: float) -> OcrPage:
    # One thread per Tesseract: pages already run in parallel, and its OpenMP threads on top of
    # that made a page several times slower on 2 cores (22 s instead of 3.5 s, measured).
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        out = subprocess.run(
            [tesseract, str(image), "stdout", "-l", "dan", "tsv"],
            capture_output=True,
            timeout=timeout_s,
            env=env,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return OcrPage("", error=f"Tesseract took longer than {timeout_s:g} s")
    except (OSError, subprocess.CalledProcessError) as exc:
        return OcrPage("", error=f"Tesseract failed ({exc})")
    finally:
        image.unlink(missing_ok=True)
    return parse_tsv(out.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> OcrPage:
    """Tesseract's TSV (one row per word) as text, one line per recognised line, and its mean confidence.

    A text layer marks paragraphs with empty lines, and the structure recognition reads them
    (an agenda item's heading follows one); Tesseract's own paragraphs split sentences, so an
    empty line goes where the vertical gap between two lines exceeds 0.8 of a line's height.
    """
    lines: dict[tuple[str, str, str], tuple[list[str], int, int]] = {}
    confidences: list[float] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip() or not _NUMBER.fullmatch(cols[10]):
            continue
        top, bottom = int(cols[7]), int(cols[7]) + int(cols[9])
        words, line_top, line_bottom = lines.setdefault((cols[2], cols[3], cols[4]), ([], top, bottom))
        words.append(cols[11].strip())
        lines[(cols[2], cols[3], cols[4])] = (words, min(top, line_top), max(bottom, line_bottom))
        confidences.append(float(cols[10]))
    heights = sorted(bottom - top for _, top, bottom in lines.values())
    gap = 0.8 * heights[len(heights) // 2] if heights else 0
    out: list[str] = []
    previous_bottom = None
    for words, top, bottom in lines.values():
        if previous_bottom is not None and top - previous_bottom > gap:
            out.append("")
        out.append(" ".join(words))
        previous_bottom = bottom
    mean = sum(confidences) / len(confidences) if confidences else None
    return OcrPage("\n".join(out), mean, len(confidences))


def load_cache(cache_dir: Path, sha: str) -> dict[int, OcrPage]:
    """The cached pages of the file with this hash; nothing if absent, unreadable or of another format."""
    try:
        stored = json.loads((cache_dir / f"{sha}.json").read_text(encoding="utf-8"))
        if stored.get("format") != CACHE_FORMAT or stored.get("sha256") != sha:
            return {}
        pages = stored["pages"].items()
        return {int(k): OcrPage(str(p["text"]), _number(p["confidence"]), int(p["words"])) for k, p in pages}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _number(value: float | str | None) -> float | None:
    return None if value is None else float(value)


def save_cache(cache_dir: Path, sha: str, pages: dict[int, OcrPage]) -> None:
    """Write atomically (temp file, then rename): a killed indexer never leaves half an entry."""
    entry = {
        "format": CACHE_FORMAT,
        "sha256": sha,
        "engine": f"tesseract -l dan, {DPI} dpi",
        "pages": {str(k): {key: v for key, v in asdict(p).items() if key != "error"} for k, p in sorted(pages.items())},
    }
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(entry, f, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, cache_dir / f"{sha}.json")
    except OSError:
        pass  # the cache only saves time: a read-only or full index folder must not fail the read


def prune_cache(cache_dir: Path, keep: set[str]) -> None:
    """Remove entries of files no longer in the corpus, and temp files of killed builds."""
    if not cache_dir.is_dir():
        return
    for p in cache_dir.iterdir():
        stale = p.name.startswith(".tmp-") or (_SHA.fullmatch(p.stem) and p.stem not in keep)
        if stale and p.is_file():
            p.unlink(missing_ok=True)
