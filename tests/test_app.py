"""The Streamlit app, driven headless with AppTest against real indexes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from indexer.build import build_index
from indexer.settings import Settings
from tests.conftest import CORPUS, ROOT

APP = str(ROOT / "app.py")


def plain(markdown: str) -> str:
    """Markdown as the reader sees it: escapes and highlight markers removed."""
    text = re.sub(r":[a-z]+-background\[([^\]]*)\]", r"\1", markdown)
    return re.sub(r"\\(.)", r"\1", text)


def app(monkeypatch: pytest.MonkeyPatch, index_dir: Path, corpus_dir: Path = CORPUS) -> AppTest:
    monkeypatch.setenv("REFERAT_INDEX_DIR", str(index_dir))
    monkeypatch.setenv("REFERAT_CORPUS_DIR", str(corpus_dir))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    return at


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception
    return at


def answer_texts(at: AppTest) -> list[str]:
    return [plain(m.value) for m in at.chat_message[-1].markdown]


def citations(at: AppTest) -> list[str]:
    return [t.strip("*") for t in answer_texts(at) if " · punkt " in t and t.startswith("**")]


def test_question_gets_the_answer_first_with_its_card(monkeypatch: pytest.MonkeyPatch, real_index: Settings) -> None:
    at = ask(app(monkeypatch, real_index.index_dir), "Hvad blev besluttet om Taleinstituttet?")
    message = at.chat_message[-1]
    first = message.markdown[0].value
    answer = plain(first)
    assert answer.startswith("**Besluttet:** »") and "taleinstitut" in answer.lower()
    # [1] links to the anchor on the answer's own card, which comes right after the answer.
    anchor = re.search(r"\(#(kilde-\d+-1)\)$", first).group(1)
    assert message.subheader[0].value == "Kilde [1]" and message.subheader[0].proto.anchor == anchor
    cites = citations(at)
    assert len(cites) == 4  # the fifth hit matches neither in words nor in meaning: no card
    assert cites[0].startswith(
        "Socialdirektørkredsen · 16. august 2012 · punkt 6: Status på rammeaftale for Specialundervisning / Taleinstituttet"
    )
    assert cites.count(cites[0]) == 1  # the answer's citation line is shown once, on its card
    quoted = answer.split("»", 1)[1].rsplit("«", 1)[0]
    card_text = plain(message.markdown[2].value)
    assert " ".join(quoted.split()) in " ".join(card_text.split())  # quoted verbatim from its card
    assert ":orange-background[taleinstituttet]" in first.lower()  # the question's word, highlighted
    labels = [e.label for e in at.expander]
    assert labels.count("Hele punktet") == 4 and "Flere passager (3)" in labels
    whole = [plain(m.value) for m in at.expander[0].markdown]
    assert "**Indstilling**" in whole and "**Referat**" in whole
    assert any(b.label.startswith("Hent 001_531bab498875b76b.txt") for b in at.get("download_button"))
    assert all(not m.proto.allow_html for m in at.markdown)


def test_a_question_about_an_amount_is_answered_svar(monkeypatch: pytest.MonkeyPatch, real_index: Settings) -> None:
    at = ask(app(monkeypatch, real_index.index_dir), "Hvad kostede evalueringen af rammesekretariatet?")
    answer = plain(at.chat_message[-1].markdown[0].value)
    assert answer.startswith("**Svar:** »")


def test_follow_up_keeps_the_topic_and_applies_the_date(monkeypatch: pytest.MonkeyPatch, real_index: Settings) -> None:
    at = ask(app(monkeypatch, real_index.index_dir), "Hvad blev besluttet om Taleinstituttet?")
    ask(at, "Og hvad blev der sagt i marts 2013?")
    captions = [plain(c.value) for c in at.chat_message[-1].caption]
    assert captions[0] == "Opfølgning på: »Hvad blev besluttet om Taleinstituttet?«"
    assert captions[1] == "Søgt i møder fra marts 2013."
    cites = citations(at)
    assert cites and all("18. marts 2013" in c for c in cites)
    assert cites[0].startswith("Socialdirektørkredsen · 18. marts 2013 · punkt 6: Gennemgang af dagsorden til DAS")
    # The history of the topic: every item about it, oldest first.
    history_button = next(b for b in at.sidebar.button if b.label == "Historik")
    history_button.click().run()
    texts = answer_texts(at)
    assert texts[0] == "**Historik: »Taleinstituttet«**"
    dated = [t for t in texts if t.startswith("**") and " · punkt " in t]
    assert [re.search(r"· (\d+\. \w+ \d{4}) ·", t).group(1) for t in dated] == [
        "24. maj 2012",
        "16. august 2012",
        "18. marts 2013",
    ]


def test_filters_change_the_results(monkeypatch: pytest.MonkeyPatch, real_index: Settings) -> None:
    at = ask(app(monkeypatch, real_index.index_dir), "takster")
    assert {c.split(" · ")[0] for c in citations(at)} != {"Den Administrative Styregruppe på socialområdet"}
    at.sidebar.selectbox[0].select("Den Administrative Styregruppe på socialområdet").run()
    ask(at, "takster")
    assert {c.split(" · ")[0] for c in citations(at)} == {"Den Administrative Styregruppe på socialområdet"}
    at.sidebar.slider[0].set_value(2).run()
    ask(at, "takster")
    assert len(citations(at)) == 2


def test_nothing_relevant_says_so(monkeypatch: pytest.MonkeyPatch, real_index: Settings) -> None:
    at = ask(app(monkeypatch, real_index.index_dir), "Hvad er vejret i morgen?")
    info = [i.value for i in at.chat_message[-1].info]
    assert info == [
        "Referaterne svarer ikke på »Hvad er vejret i morgen?«. Prøv andre ord, eller udvid filtrene (udvalg, datoer) i sidepanelet."
    ]
    # The closest items are offered as related, folded away, never as an answer.
    assert [e.label for e in at.chat_message[-1].expander] == ["Nærmeste punkter (de svarer ikke på spørgsmålet)"]
    assert not any(m.value.startswith(("**Svar", "**Besluttet")) for m in at.chat_message[-1].markdown)


def test_english_interface(monkeypatch: pytest.MonkeyPatch, real_index: Settings) -> None:
    at = app(monkeypatch, real_index.index_dir)
    at.sidebar.radio[0].set_value("English").run()
    ask(at, "What was decided about the crisis centre rate?")
    texts = answer_texts(at)
    assert texts[0].startswith("**Decided:** »DAS godkendte takststigningen«")
    assert at.chat_message[-1].subheader[0].value == "Source [1]"
    assert at.expander[0].label == "The whole agenda item"


def test_missing_index_says_how_to_build_and_builds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "000_d393297036c53e0a.txt", corpus)
    at = app(monkeypatch, tmp_path / "index", corpus)
    assert at.warning[0].value == f"Der er intet indeks i `{tmp_path / 'index'}` endnu."
    assert "python -m indexer corpus --index" in at.markdown[0].value
    at.button[0].click().run()
    assert not at.exception
    assert at.chat_input, "after building, the chat is there"
    ask(at, "aftagerbestyrelser på de regionale tilbud")
    assert citations(at)[0].startswith("SOCDIR · 24. maj 2012 · punkt 5:")


def test_document_html_and_markdown_are_shown_literally(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(
        "Møde\tTestudvalget\nTid\t1. juni 2021\n\n1. Sikkerhedstest af visningen\n\nReferat\n"
        'Sikkerhedstest: <script>alert("x")</script> og [klik her](http://evil.example) og **fed** og $x$.\n',
        encoding="utf-8",
    )
    build_index(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"), progress=False)
    at = ask(app(monkeypatch, tmp_path / "index", corpus), "sikkerhedstest af visningen")
    raw = [m.value for m in at.chat_message[-1].markdown]
    shown = [plain(v) for v in raw]
    assert any('<script>alert("x")</script> og [klik her](http://evil.example) og **fed** og $x$.' in s for s in shown)
    assert not any("<script>" in v or "[klik her](" in v for v in raw)  # escaped in what Streamlit renders
    assert all(not m.proto.allow_html for m in at.markdown)


def test_pdf_answers_cite_the_page_and_offer_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from tests.conftest import PDFS

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(PDFS / "001_531bab498875b76b.pdf", corpus)
    build_index(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"), progress=False)
    at = ask(app(monkeypatch, tmp_path / "index", corpus), "Hvad blev besluttet om Taleinstituttet?")
    first = citations(at)[0]
    assert (
        first
        == "Socialdirektørkredsen · 16. august 2012 · punkt 6: Status på rammeaftale for Specialundervisning / Taleinstituttet · Referat · s. 4 · 001_531bab498875b76b.pdf"
    )
    labels = [b.label for b in at.get("download_button")]
    assert "Hent 001_531bab498875b76b.pdf" in labels and "Hent side 4 (PDF)" in labels
