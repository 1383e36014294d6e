"""Answers on other organisations' minutes, with the real model: a grundejerforening's general
assembly (tests/data/realdev 215, a PDF) and a sports club's board (210)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indexer.build import build_index
from indexer.settings import Settings
from retrieval.answer import respond
from retrieval.search import Retriever
from retrieval.sentences import has_kind

REALDEV = Path(__file__).resolve().parents[1] / "data" / "realdev"


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    corpus = tmp_path_factory.mktemp("other") / "corpus"
    corpus.mkdir()
    for prefix in ("210_", "215_"):
        for path in REALDEV.glob(f"{prefix}*"):
            shutil.copy(path, corpus / path.name)
    settings = Settings(corpus_dir=corpus, index_dir=corpus.parent / "index")
    build_index(settings, progress=False)
    return Retriever.open(settings)


@pytest.mark.parametrize(
    "question", ["Who was elected to chair the Borrehøj general assembly?", "Hvem blev valgt som dirigent i Borrehøj?"]
)
def test_the_sentence_naming_the_office_elected_answers_not_its_neighbour(retriever: Retriever, question: str) -> None:
    # Both sentences of item 1 »Valg af dirigent« name someone elected; the item's title names the
    # chair of proceedings for both, but only one sentence names it itself.
    answer = respond(retriever.search(question), retriever).answer
    assert answer is not None and answer.text.startswith("Ove Madsen, F5 blev valgt som dirigent")


def test_a_code_after_letters_is_no_count() -> None:
    # »A25« is a plot's number beside a name, not how many.
    assert has_kind("Jane Kusk Pedersen, A25 blev valgt som referent", "count") == 0.0
    assert has_kind("11 deltagere, heraf de 5 fra bestyrelsen", "count") == 1.0
