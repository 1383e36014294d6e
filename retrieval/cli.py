"""Command line of the retrieval side.

    python -m retrieval "QUESTION" [--json] [--top-k K] [--index DIR] [--committee C]
                        [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--model NAME_OR_PATH]
    python -m retrieval - --json      one question per line on stdin, one JSON object per line

The JSON object is the search result plus "answer": sentences quoted verbatim from the
minutes that answer the question, with their citation, or null when nothing relevant was found.
Exit code 1 with one line on stderr when the index is missing or unusable.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path

from indexer.errors import ReferatError
from indexer.settings import Settings
from retrieval.answer import Response, respond
from retrieval.filters import Filters, parse_day
from retrieval.search import Retriever


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m retrieval", description="Ask the indexed minutes a question.")
    p.add_argument("question", help="the question, or - to read one question per line from stdin")
    p.add_argument("--json", action="store_true", help="print one JSON object per question")
    p.add_argument("--top-k", type=int, help="number of passages (default 5)")
    p.add_argument("--index", dest="index_dir", type=Path, help="index folder (default: index/)")
    p.add_argument("--committee", help='only this committee, e.g. "SOCDIR" or "Den Administrative Styregruppe"')
    p.add_argument("--since", help="only meetings on or after this date (YYYY-MM-DD)")
    p.add_argument("--until", help="only meetings on or before this date (YYYY-MM-DD)")
    p.add_argument("--model", help="refuse the index unless it was built with this model")
    return p


def render(response: Response, width: int = 100) -> str:
    """Readable results: the answer with its citation, then a citation line per hit and the passage."""
    result = response.result
    if not result.hits:
        return f"No passages found for {result.query!r}. Try other words or wider filters."
    lines = []
    if response.answer is not None:
        lines.extend(textwrap.wrap(f"Answer: {response.answer.text}", width=width, subsequent_indent="   "))
        lines.extend([f"   [{response.answer.citation}]", ""])
    else:
        lines.extend([f"The minutes do not answer {result.query!r}; related passages:", ""])
    for hit in result.hits:
        lines.append(f"{hit.rank}. {hit.citation}")
        text = " ".join(hit.passage.text.split())
        if len(text) > 600:
            text = text[:600].rsplit(" ", 1)[0] + " …"
        lines.extend(textwrap.wrap(text, width=width, initial_indent="   ", subsequent_indent="   "))
        lines.append("")
    lines.append(f"({len(result.hits)} passages, {result.took_ms:.0f} ms)")
    return "\n".join(lines)


def _questions(arg: str) -> Iterable[str]:
    if arg != "-":
        yield arg
        return
    for line in sys.stdin:
        if line.strip():
            yield line.strip()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_env().with_overrides(index_dir=args.index_dir, top_k=args.top_k).validate()
        filters = Filters(args.committee, parse_day(args.since, "--since"), parse_day(args.until, "--until"))
        if args.question != "-" and not args.question.strip():
            raise ReferatError("the question is empty: write a question in quotes, or - to read questions from stdin")
        retriever = Retriever.open(settings, model=args.model)
        for question in _questions(args.question):
            response = respond(retriever.search(question, filters=filters), retriever, settings.top_k)
            if args.json:
                print(json.dumps(response.to_json(), ensure_ascii=False), flush=True)
            else:
                print(render(response), flush=True)
    except ReferatError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
