"""Referat: ask the minutes, get cited passages. ``streamlit run app.py [-- --index DIR]``.

Only input and output live here; searching, the lead, follow-ups and the history are in
``retrieval/``. Document text is always escaped Markdown, never HTML.
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import date
from pathlib import Path
from typing import Any

import streamlit as st

from indexer.build import build_index
from indexer.dates import danish_date
from indexer.errors import IndexMissingError, ReferatError
from indexer.settings import Settings
from retrieval.answer import Response, respond, shown_hits
from retrieval.browse import IndexSummary, history, index_summary, query_terms, whole_item
from retrieval.conversation import next_turn, topic_label
from retrieval.filters import Filters
from retrieval.hits import Hit
from retrieval.presentation import UI, escape_markdown, highlight
from retrieval.search import Retriever

st.set_page_config(page_title="Referat", page_icon=":material/gavel:", layout="wide")


def settings() -> Settings:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--index", type=Path)
    args, _ = parser.parse_known_args(sys.argv[1:])
    return Settings.from_env().with_overrides(index_dir=args.index).validate()


@st.cache_resource(show_spinner=False)
def retriever_for(index_dir: str) -> Retriever:
    return Retriever.open(Settings.from_env().with_overrides(index_dir=Path(index_dir)).validate())


@st.cache_data(show_spinner=False, max_entries=64)
def file_bytes(path: str, mtime: float) -> bytes:
    return Path(path).read_bytes()


@st.cache_data(show_spinner=False, max_entries=64)
def pdf_page(path: str, mtime: float, page: int) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.add_page(PdfReader(path).pages[page - 1])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@st.cache_data(show_spinner=False, max_entries=4)
def summary_of(generation: str, _r: Retriever) -> IndexSummary:
    """What is indexed: computed once per index generation, not on every rerun."""
    return index_summary(_r.passages, _r.index.config)


def no_index_view(s: Settings, t: dict[str, str]) -> None:
    st.warning(t["no_index"].format(index=s.index_dir))
    st.markdown(t["how_to_build"].format(index=s.index_dir))
    if st.button(t["build_now"], type="primary"):
        bar = st.progress(0.0, text=t["building"])
        report = build_index(
            s, progress=False, on_progress=lambda done, total: bar.progress(done / total, text=t["building"])
        )
        bar.progress(1.0)
        st.success(t["built_ok"].format(passages=report.passages))
        st.cache_resource.clear()
        st.rerun()


def sidebar(r: Retriever, t: dict[str, str]) -> tuple[Filters, int]:
    summary = summary_of(str(r.index.folder), r)
    first = date.fromisoformat(summary.first_date) if summary.first_date else date(2000, 1, 1)
    last = date.fromisoformat(summary.last_date) if summary.last_date else date.today()
    with st.sidebar:
        st.subheader(t["filters"])
        committee = st.selectbox(t["committee"], [t["all"], *summary.committees], key="committee")
        period = st.date_input(t["dates"], value=(first, last), min_value=first, max_value=last, key="period")
        top_k = st.slider(t["results"], 1, 10, r.settings.top_k, key="top_k")
        if st.button(t["history"], icon=":material/history:", use_container_width=True):
            st.session_state.messages.append(
                {"role": "assistant", "kind": "history", "topic": st.session_state.get("topic")}
            )
        if st.button(t["clear"], use_container_width=True):
            st.session_state.messages, st.session_state.topic = [], None
        st.divider()
        st.subheader(t["indexed"])
        st.caption(t["index_line"].format(meetings=summary.meetings, items=summary.items, passages=summary.passages))
        if summary.first_date:
            st.caption(t["span"].format(first=danish_date(summary.first_date), last=danish_date(summary.last_date)))
        st.caption(t["model"].format(model=summary.model))
        st.caption(t["built"].format(built=summary.built_at.replace("T", " ")))
    dates = tuple(period) if isinstance(period, tuple | list) else (period,)
    since = dates[0] if dates and dates[0] != first else None
    until = dates[1] if len(dates) > 1 and dates[1] != last else None
    return Filters(None if committee == t["all"] else committee, since, until), top_k


def downloads(r: Retriever, hit: Hit, t: dict[str, str], key: str) -> None:
    corpus = Path(r.index.config.get("settings", {}).get("corpus_dir", "corpus"))
    path = corpus / hit.passage.source
    if not path.is_file():
        return
    mtime = path.stat().st_mtime
    cols = st.columns(2)
    cols[0].download_button(
        t["download"].format(name=path.name), file_bytes(str(path), mtime), file_name=path.name, key=f"{key}-file"
    )
    if hit.passage.page and path.suffix.lower() == ".pdf":
        page = pdf_page(str(path), mtime, hit.passage.page)
        name = f"{path.stem}-side-{hit.passage.page}.pdf"
        cols[1].download_button(
            t["download_page"].format(page=hit.passage.page), page, file_name=name, key=f"{key}-page"
        )


def card(r: Retriever, hit: Hit, terms: list[str], t: dict[str, str], key: str) -> None:
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(hit.citation)}**")
        st.markdown(highlight(hit.passage.text, terms))
        with st.expander(t["whole_item"]):
            for section, text in whole_item(r.passages, hit.passage.source, hit.passage.item_number):
                if section:
                    st.markdown(f"**{escape_markdown(section)}**")
                st.markdown(escape_markdown(text))
        downloads(r, hit, t, key)


def answer_view(r: Retriever, message: dict[str, Any], t: dict[str, str], index: int) -> None:
    """The answer first, quoted, with [1] linking to its card; the other passages folded away.

    Streamlit's chat keeps the page scrolled to the end of the last message, so the message is
    kept short (the answer and its own card) and the answer stays in view after asking.
    """
    response: Response = message["response"]
    result = response.result
    if message["follows_up"]:
        st.caption(escape_markdown(t["followup"].format(topic=message["topic"])))
    if result.narrowed and result.plan.date_range is not None:
        st.caption(escape_markdown(t["narrowed"].format(period=result.plan.date_range.text)))
    terms = query_terms(message["query"])
    answer = response.answer
    if answer is None:
        st.info(f"{t['nothing'].format(q=escape_markdown(message['question']))} {t['widen']}")
        if result.hits:
            with st.expander(t["related"]):
                for hit in result.hits[:3]:
                    st.markdown(f"**{escape_markdown(hit.citation)}**")
        return
    anchor = f"kilde-{index}-1"
    label = t["decided"] if answer.is_outcome else t["lead"]
    st.markdown(f"**{label}:** »{highlight(answer.text, terms)}« [\\[1\\]](#{anchor})")
    hits = shown_hits(result, r.settings)
    st.subheader(t["source"].format(n=1), anchor=anchor)
    card(r, hits[0], terms, t, f"m{index}-h1")
    if len(hits) > 1:
        with st.expander(t["more"].format(n=len(hits) - 1)):
            for hit in hits[1:]:
                card(r, hit, terms, t, f"m{index}-h{hit.rank}")


def history_view(r: Retriever, message: dict[str, Any], t: dict[str, str], filters: Filters) -> None:
    topic = message.get("topic")
    if not topic:
        st.info(t["no_topic"])
        return
    label = topic_label(topic)
    st.markdown(f"**{escape_markdown(t['history_for'].format(topic=label))}**")
    entries = history(r, topic, filters)
    if not entries:
        st.info(escape_markdown(t["history_none"].format(topic=label)))
    for entry in entries:
        with st.container(border=True):
            st.markdown(f"**{escape_markdown(entry.citation)}**")
            st.markdown(escape_markdown(entry.about))
            if entry.outcome:
                st.markdown(f"*{t['outcome']}:* {escape_markdown(entry.outcome)}")


def main() -> None:
    s = settings()
    language = st.sidebar.radio("Sprog / Language", ["Dansk", "English"], horizontal=True, key="language")
    t = UI["da" if language == "Dansk" else "en"]
    st.title(t["title"])
    st.caption(t["caption"])
    st.session_state.setdefault("messages", [])
    st.session_state.setdefault("topic", None)
    try:
        r = retriever_for(str(s.index_dir))
    except IndexMissingError:
        no_index_view(s, t)
        return
    except ReferatError as exc:
        st.error(str(exc))
        return
    filters, top_k = sidebar(r, t)
    question = st.chat_input(t["ask"])
    if question and question.strip():
        turn = next_turn(question, st.session_state.topic)
        try:
            response = respond(r.search(turn.query, top_k=top_k, filters=filters), r, top_k)
        except ReferatError as exc:
            st.error(str(exc))
            return
        st.session_state.topic = turn.topic
        st.session_state.messages.append({"role": "user", "question": question})
        st.session_state.messages.append(
            {
                "role": "assistant",
                "kind": "answer",
                "question": question,
                "query": turn.query,
                "topic": turn.topic,
                "follows_up": turn.follows_up,
                "response": response,
            }
        )
    for i, message in enumerate(st.session_state.messages):
        with st.chat_message(message["role"]):
            if message["role"] == "user":
                st.markdown(escape_markdown(message["question"]))
            elif message["kind"] == "history":
                history_view(r, message, t, filters)
            else:
                answer_view(r, message, t, i)


main()
