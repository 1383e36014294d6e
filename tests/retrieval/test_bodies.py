"""Questions naming the body whose minutes they ask about favour its minutes."""

from __future__ import annotations

from indexer.records import Passage
from retrieval.bodies import BODY_BOOST, favour_body


def _passage(source: str, committee: str) -> Passage:
    return Passage("id", source, committee, committee, "2019-03-25", 4, "t", None, "tekst", "h", (0, 1))


PASSAGES = [
    _passage("202_skovboskolen_skolebestyrelse_2008-04-16.txt", "Skolebestyrelsen"),
    _passage("206_mejrupskole_skolebestyrelse_2019-03-25.txt", "Skolebestyrelsen"),
    _passage("215_borrehoej-grundejerforening_generalforsamling_2023-03-28.pdf", "Generalforsamlingen"),
]


def test_the_minutes_of_the_body_named_are_favoured() -> None:
    fused = {0: 1.0, 1: 1.0, 2: 1.0}
    # »Mejrup« names one school's minutes; »Skole« names both schools', so it picks nothing alone.
    assert favour_body(fused, "Hvem deltog i mødet om Mejrup Skole?", PASSAGES) == {0: 1.0, 1: BODY_BOOST, 2: 1.0}
    # In ASCII letters in a file name too (»Borrehøj« - borrehoej).
    assert favour_body(fused, "Who was re-elected auditor of Borrehøj?", PASSAGES)[2] == BODY_BOOST


def test_a_name_of_every_minutes_or_of_none_favours_nothing() -> None:
    fused = {0: 1.0, 1: 1.0}
    assert favour_body(fused, "Hvad besluttede Skolebestyrelsen?", PASSAGES) == fused
    assert favour_body(fused, "Hvad sagde Martin Bech om Rødovre?", PASSAGES) == fused
    # An acronym names a committee, favoured by the search's committee rule, not twice here.
    assert favour_body(fused, "Hvad besluttede MEJRUP om skolen?", PASSAGES) == fused
    # The question's first word is no name, however it is written.
    assert favour_body(fused, "Mejrup?", PASSAGES) == fused
