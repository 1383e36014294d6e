"""Crash-safe index folders: one generation per build, switched by an atomic rename.

    index/
      CURRENT                 name of the live generation (replaced atomically)
      .lock                   held by the one indexer allowed to build at a time
      gen-20261123T101500123456-4242/   a complete, checksummed generation
      .tmp-gen-.../           a generation being built (or abandoned by a crash)

A build writes everything into a ``.tmp-gen-*`` folder, flushes it to disk, records
checksums in ``manifest.json``, renames the folder to ``gen-*`` and only then points
``CURRENT`` at it. Killing the indexer at any moment therefore leaves ``CURRENT`` naming
either the old or the new generation, both complete. Readers resolve ``CURRENT`` once and
then read one generation only; the previous generation is kept for readers that were
mid-load during the switch, older ones are removed by the next build.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

from indexer.errors import IndexCorruptError, IndexMissingError, ReferatError

CURRENT = "CURRENT"
MANIFEST = "manifest.json"
_TMP_PREFIX = ".tmp-"
_GEN_PREFIX = "gen-"


def _fsync_path(path: Path) -> None:
    flags = os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() else 0)
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)


def new_generation(index_dir: Path) -> Path:
    """An empty folder to build the next generation in."""
    index_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + f"{time.time_ns() % 1_000_000_000 // 1000:06d}"
    folder = index_dir / f"{_TMP_PREFIX}{_GEN_PREFIX}{stamp}-{os.getpid()}"
    folder.mkdir()
    return folder


def commit_generation(index_dir: Path, building: Path, format_version: int) -> Path:
    """Checksum, flush and publish a finished generation; returns its final folder."""
    files = _files(building)
    manifest = {
        "format_version": format_version,
        "files": {str(p.relative_to(building)): {"sha256": sha256_file(p), "bytes": p.stat().st_size} for p in files},
    }
    (building / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    for p in [*files, building / MANIFEST]:
        _fsync_path(p)
    for d in sorted({p.parent for p in files} | {building}, key=lambda d: -len(d.parts)):
        _fsync_path(d)
    final = index_dir / building.name.removeprefix(_TMP_PREFIX)
    os.rename(building, final)
    _fsync_path(index_dir)
    pointer = index_dir / f"{_TMP_PREFIX}{CURRENT}"
    with open(pointer, "w", encoding="utf-8") as f:
        f.write(final.name + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(pointer, index_dir / CURRENT)
    _fsync_path(index_dir)
    return final


def current_generation(index_dir: Path) -> Path:
    """The live generation's folder, or ``IndexMissingError`` saying how to build one."""
    pointer = index_dir / CURRENT
    build = f"build it with `python -m indexer corpus --index {index_dir}` (or `make run`)"
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise IndexMissingError(f"no index in {index_dir}/: {build}") from None
    except OSError as exc:
        raise IndexMissingError(f"no index in {index_dir}/ ({exc.strerror}): {build}") from None
    folder = index_dir / name
    if not name.startswith(_GEN_PREFIX) or "/" in name or not folder.is_dir():
        raise IndexCorruptError(
            f"{pointer} names a missing generation {name!r}: "
            f"rebuild with `python -m indexer corpus --index {index_dir}`"
        )
    return folder


def current_marker(index_dir: Path) -> str | None:
    """A cheap token that changes whenever a new generation goes live."""
    try:
        return (index_dir / CURRENT).read_text(encoding="utf-8").strip()
    except OSError:
        return None


def verify(folder: Path) -> dict:
    """Check every file against the manifest; returns the manifest."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        listed = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexCorruptError(f"{folder}: manifest missing or unreadable ({exc})") from exc
    for rel, meta in listed.items():
        path = folder / rel
        if not path.is_file():
            raise IndexCorruptError(f"{folder}: {rel} is missing")
        if path.stat().st_size != meta["bytes"] or sha256_file(path) != meta["sha256"]:
            raise IndexCorruptError(f"{folder}: {rel} is damaged (checksum mismatch)")
    return manifest


def cleanup(index_dir: Path, keep: int = 2) -> list[Path]:
    """Remove abandoned builds and all but the newest ``keep`` generations (never CURRENT).

    Only call while holding ``build_lock``: then no other build is in progress, so every
    ``.tmp-`` folder is the remains of one that was killed.
    """
    if not index_dir.is_dir():
        return []
    live = current_marker(index_dir)
    removed = []
    for p in index_dir.iterdir():
        if p.name.startswith(_TMP_PREFIX) and p.name != f"{_TMP_PREFIX}{CURRENT}":
            removed.append(p)
    generations = sorted(
        (p for p in index_dir.iterdir() if p.is_dir() and p.name.startswith(_GEN_PREFIX)), reverse=True
    )
    kept = 0
    for p in generations:
        if p.name == live or kept < keep - 1:
            kept += p.name != live
            continue
        removed.append(p)
    for p in removed:
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        else:
            p.unlink(missing_ok=True)
    return removed


@contextlib.contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """Exclusive right to build in ``index_dir``; fails at once if another indexer has it."""
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        lock = open(index_dir / ".lock", "a+")  # noqa: SIM115 - held for the whole build
    except OSError as exc:
        raise ReferatError(
            f"cannot use {index_dir}/ as the index folder ({exc.strerror}): pick another --index"
        ) from None
    with lock as f:
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise ReferatError(
                    f"another indexer is already updating {index_dir}/: wait for it to finish and run again"
                ) from None
            raise
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)
