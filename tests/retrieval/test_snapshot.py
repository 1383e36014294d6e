"""One index generation and what is derived from it, on the seed minutes."""

from __future__ import annotations

import pytest

from indexer.settings import Settings
from retrieval.search import Retriever
from retrieval.snapshot import load, phrases_of, source_words, words_of_item


@pytest.fixture(scope="module")
def retriever(real_index: Settings) -> Retriever:
    return Retriever.open(real_index)


def test_an_items_rows_in_document_order_and_its_words(retriever: Retriever) -> None:
    loaded = load(retriever.index, None)
    passages = retriever.index.passages
    source = next(s for s, _ in loaded.items if s.startswith("004_"))
    rows = loaded.items[(source, 7)]
    assert len(rows) > 1
    assert [passages[r].span[0] for r in rows] == sorted(passages[r].span[0] for r in rows)
    assert source in loaded.with_items
    # The crisis centre's item names its staff; the next item, on central announcements, does not.
    crisis_centre = words_of_item(loaded, (source, 7))
    assert {"krisecentrets", "pædagogfaglig"} <= crisis_centre
    assert not {"krisecentrets", "pædagogfaglig"} & words_of_item(loaded, (source, 9))
    assert words_of_item(loaded, (source, 7)) is crisis_centre  # read once per generation
    assert words_of_item(loaded, ("no such file", 1)) == frozenset()


def test_phrases_and_lower_case_words_are_read_once_per_generation(retriever: Retriever) -> None:
    loaded = load(retriever.index, None)
    assert phrases_of(loaded, 0) is phrases_of(loaded, 0)
    source = next(s for s, _ in loaded.items if s.startswith("004_"))
    words = source_words(loaded, source)
    # »og« is written in lower case; »DAS« and »Aalborg« only capitalised.
    assert "og" in words and not {"das", "aalborg"} & words
    assert source_words(loaded, source) is words
