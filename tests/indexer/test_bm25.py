"""The Danish analyzer behind BM25 and the answer's word overlap."""

from __future__ import annotations

from indexer.bm25 import DanishAnalyzer


def test_forms_of_a_verb_meet() -> None:
    analyze = DanishAnalyzer()
    # Snowball alone cuts "godkende" to "godk" but "godkendt" to "godkend".
    for forms in (
        ("godkende", "godkendes", "godkendt", "godkendelse", "godkender"),
        ("fremsende", "fremsendes", "fremsendt"),
        ("anvende", "anvendes", "anvendt", "anvendelse"),
        ("drøftede", "drøfte", "drøftet"),
        ("besluttede", "beslutte", "besluttet"),
        ("behandlede", "behandle", "behandlet"),
        ("deltog", "deltage", "deltagere"),
        ("vedtog", "vedtage", "vedtaget"),
        ("foreslog", "foreslå", "foreslået"),
        ("steg", "stige", "stiger"),
    ):
        assert len({analyze(f)[0] for f in forms}) == 1, forms


def test_participles_and_other_words_keep_snowballs_stem() -> None:
    analyze = DanishAnalyzer()
    assert analyze("levende") == analyze("leve")
    assert analyze("passende") == analyze("passe")
    assert analyze("dækkende") == analyze("dække")
    assert analyze("Tilstede: Per") == ["tilsted", "per"]


def test_numbers_and_stop_words() -> None:
    assert DanishAnalyzer()("Taksten er kr. 1.933 og 206 kr.") == ["takst", "kr", "1933", "206", "kr"]


def test_fixed_phrases_are_one_token() -> None:
    # »til stede« (present) and »i stedet« (instead) are no »sted« (a place, a header's »Sted:«).
    analyzer = DanishAnalyzer()
    assert analyzer("Hvem var til stede?") == analyzer("Tilstede:") and "sted" not in analyzer("til stede")
    assert "sted" not in analyzer("I stedet vil DAS få dem forelagt.") and "sted" in analyzer("Sted: Læsø")


def test_a_verb_with_its_particle_after_it_is_the_compound() -> None:
    analyzer = DanishAnalyzer()
    assert analyzer("der skal ikke igangsættes flere tiltag")[0] == analyzer("sættes i gang")[0] == "igangsæt"
    assert "igangsæt" in analyzer("Skal vi sætte nye initiativer i gang?")
    assert analyzer("iværksætte") == analyzer("sætte i værk")
    assert "igangsæt" not in analyzer("Arbejdet er i gang.")


def test_square_metres_written_any_way_are_one_word() -> None:
    analyzer = DanishAnalyzer()
    kvm = analyzer("pr. kvm")
    assert analyzer("Husleje 850 kr. pr. m2") == ["huslej", "850", "kr", *kvm]
    assert analyzer("30m2") == ["30", "kvm"] and analyzer("kvadratmeter") == ["kvm"] == analyzer("m²")
    assert analyzer("lm2") != ["kvm"]


def test_a_danish_question_meets_compounds_as_the_minutes_write_them() -> None:
    from indexer.bm25 import PART_WEIGHT, BM25Index

    index = BM25Index.build(
        [
            "Sekretariat for rammeaftaler har flyttet fysisk adresse.",
            "1 mio. kr. af de opsparede midler anvendes til fælles udviklingsprojekter.",
            "Dagsordenen blev godkendt.",
        ]
    )
    # A compound the minutes never write, met by its two parts (at a part's weight).
    plain, expanded = index.scores("rammeaftalesekretariatet"), index.scores("rammeaftalesekretariatet", expand=True)
    assert plain.max() == 0 and expanded.argmax() == 0 and expanded[1:].max() == 0
    both = index.scores("rammeaftale sekretariatet")
    assert abs(expanded[0] - PART_WEIGHT * both[0]) < 1e-5
    # A verb with its particle after it, met as the compound.
    assert index.scores("penge sparet op")[1] == 0 and index.scores("penge sparet op", expand=True).argmax() == 1
    # A function word before a particle is no verb, and words the index holds are not split.
    assert index.scores("hente det ind", expand=True).max() == 0
    assert (index.scores("Dagsordenen", expand=True) == index.scores("Dagsordenen")).all()


def test_the_index_knows_a_word_by_its_stem_a_compound_or_an_ending_the_stemmer_left() -> None:
    from indexer.bm25 import BM25Index

    index = BM25Index.build(["Grundejerforeningen Borrehøj holdt generalforsamling.", "Sekretariat for rammeaftaler."])
    assert index.knows("Borrehøj") and index.knows("Borrehøjs")  # a genitive
    assert index.knows("rammeaftalesekretariatet")  # a compound of two of its stems
    assert not index.knows("Rødovre") and not index.knows("Gentofte")
