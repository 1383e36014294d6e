"""Document text as safe Markdown for the app, with the question's words highlighted.

Minutes are shown as text, never as HTML or live Markdown: every character that Markdown
(or Streamlit's extensions: :colour[...], $math$, :emoji:) would interpret is escaped, so a
passage containing ``<script>`` or ``[her](#)`` shows exactly that.
"""

from __future__ import annotations

import functools
import re

from indexer.bm25 import DanishAnalyzer

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:^&=])")
_LIST_LINE = re.compile(r"^\s*(?:[-•–*]|\d{1,2}[.)]|[a-z][.)])\s")


def escape_markdown(text: str) -> str:
    """Backslash-escape every Markdown-active character; keep paragraphs, lists and table rows apart."""
    out = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines = paragraph.split("\n")
        joined = _SPECIAL.sub(r"\\\1", lines[0].strip())
        for line in lines[1:]:
            # A list entry or a table row keeps its own line; wrapped prose flows on.
            keep_break = _LIST_LINE.match(line) or "\t" in line or line.lstrip().startswith("|")
            joined += ("  \n" if keep_break else " ") + _SPECIAL.sub(r"\\\1", line.strip())
        out.append(joined.replace("\t", " · "))
    return "\n\n".join(out)


@functools.cache
def _analyzer() -> DanishAnalyzer:
    return DanishAnalyzer()


def _stem_key(word: str) -> str:
    tokens = _analyzer()(word)
    return tokens[0] if tokens else ""


def highlight(text: str, terms: list[str], colour: str = "orange") -> str:
    """Escaped Markdown of ``text`` with words sharing a stem with ``terms`` on a coloured background."""
    keys = {k for k in (_stem_key(t) for t in terms) if k}
    if not keys:
        return escape_markdown(text)
    escaped = escape_markdown(text)

    def mark(m: re.Match[str]) -> str:
        word = m.group(0)
        return f":{colour}-background[{word}]" if _stem_key(word) in keys else word

    # Words contain no Markdown-active characters, so marking after escaping is safe.
    return re.sub(r"[^\W\d_]{3,}", mark, escaped)


UI = {
    "da": {
        "title": "Referat",
        "caption": "Spørg i udvalgenes referater. Svarene er citater med kilde: udvalg, dato, punkt, afsnit og side.",
        "ask": "Stil et spørgsmål, fx »Hvad blev besluttet om Taleinstituttet?«",
        "filters": "Filtre",
        "committee": "Udvalg",
        "all": "Alle udvalg",
        "dates": "Mødedato",
        "results": "Antal resultater",
        "indexed": "Indekseret",
        "index_line": "{meetings} møder · {items} dagsordenspunkter · {passages} passager",
        "span": "Fra {first} til {last}",
        "model": "Model: {model}",
        "built": "Bygget: {built}",
        "language": "Sprog",
        "lead": "Svar",
        "decided": "Besluttet",
        "best": "Bedste passage",
        "whole_item": "Hele punktet",
        "download": "Hent {name}",
        "download_page": "Hent side {page} (PDF)",
        "nothing": "Referaterne svarer ikke på »{q}«.",
        "related": "Nærmeste punkter (de svarer ikke på spørgsmålet)",
        "source": "Kilde [{n}]",
        "more": "Flere passager ({n})",
        "widen": "Prøv andre ord, eller udvid filtrene (udvalg, datoer) i sidepanelet.",
        "narrowed": "Søgt i møder fra {period}.",
        "followup": "Opfølgning på: »{topic}«",
        "history": "Historik",
        "history_for": "Historik: »{topic}«",
        "history_none": "Ingen dagsordenspunkter om »{topic}«.",
        "no_topic": "Stil et spørgsmål først; historikken følger emnet.",
        "outcome": "Udfald",
        "no_index": "Der er intet indeks i `{index}` endnu.",
        "how_to_build": "Byg det med `make run` eller `python -m indexer corpus --index {index}` — eller her:",
        "build_now": "Byg indekset nu",
        "building": "Indekserer referaterne …",
        "built_ok": "Indekset er bygget: {passages} passager.",
        "clear": "Ny samtale",
    },
    "en": {
        "title": "Referat",
        "caption": (
            "Ask the committees' minutes. Answers are quotations with their source: "
            "committee, date, item, section and page."
        ),
        "ask": "Ask a question, e.g. “What was decided about Taleinstituttet?”",
        "filters": "Filters",
        "committee": "Committee",
        "all": "All committees",
        "dates": "Meeting date",
        "results": "Number of results",
        "indexed": "Indexed",
        "index_line": "{meetings} meetings · {items} agenda items · {passages} passages",
        "span": "From {first} to {last}",
        "model": "Model: {model}",
        "built": "Built: {built}",
        "language": "Language",
        "lead": "Answer",
        "decided": "Decided",
        "best": "Best passage",
        "whole_item": "The whole agenda item",
        "download": "Download {name}",
        "download_page": "Download page {page} (PDF)",
        "nothing": "The minutes do not answer “{q}”.",
        "related": "Closest items (they do not answer the question)",
        "source": "Source [{n}]",
        "more": "More passages ({n})",
        "widen": "Try other words, or widen the filters (committee, dates) in the sidebar.",
        "narrowed": "Searched meetings from {period}.",
        "followup": "Follow-up on: “{topic}”",
        "history": "History",
        "history_for": "History: “{topic}”",
        "history_none": "No agenda items about “{topic}”.",
        "no_topic": "Ask a question first; the history follows its topic.",
        "outcome": "Outcome",
        "no_index": "There is no index in `{index}` yet.",
        "how_to_build": "Build it with `make run` or `python -m indexer corpus --index {index}` — or here:",
        "build_now": "Build the index now",
        "building": "Indexing the minutes …",
        "built_ok": "The index is built: {passages} passages.",
        "clear": "New conversation",
    },
}
