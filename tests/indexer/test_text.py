"""Hyphenation repair and whitespace clean-up, with offsets back into the source."""

from __future__ import annotations

import pytest

from indexer.text import dehyphenate, normalize


@pytest.mark.parametrize(
    ("source", "clean"),
    [
        ("regningens stør-\nrelse.", "regningens størrelse."),
        ("stør- \n  relse", "størrelse"),  # stray blanks around the break
        ("deltagerbeta-\n\nling", "deltagerbetaling"),  # a blank line between the halves
        ("KKR-\nsekretariatet", "KKR-sekretariatet"),  # an acronym compound keeps its hyphen
        ("Børne-\nog ungeområdet", "Børne- og ungeområdet"),  # a suspended compound
        ("lands- og landsdelsdækkende", "lands- og landsdelsdækkende"),
        ("Midt-\nVest politidistrikt", "Midt-\nVest politidistrikt"),  # capital after: not a break
        ("2018-\n2020", "2018-\n2020"),
        ("a  \r\nb\xa0c\u00adx", "a\nb cx"),
        ("\uf0b7 drøfte", "• drøfte"),
    ],
)
def test_normalize(source: str, clean: str) -> None:
    assert normalize(source).text == clean


def test_offsets_point_back_into_the_source() -> None:
    source = "Der er en risiko for at institut-\ntet genererer underskud.  \nSlut"
    clean = normalize(source)
    assert clean.text == "Der er en risiko for at instituttet genererer underskud.\nSlut"
    start = clean.text.index("instituttet")
    span = clean.source_span(start, start + len("instituttet"))
    assert source[span[0] : span[1]] == "institut-\ntet"
    assert [source[o] for o in clean.offsets] == [c if c != "\n" else "\n" for c in clean.text]


def test_dehyphenate_is_the_same_repair() -> None:
    assert dehyphenate("kommu-\nnalbestyrelser") == "kommunalbestyrelser"
