"""Passages cover their section exactly, end at sentences and stay within the size limit."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.chunking import cut_quality, ends_sentence, orphans_heading, split_text, units


def test_short_text_is_one_passage() -> None:
    assert split_text("Godkendt.", 1000) == [(0, 9)]
    assert split_text("", 1000) == []


def test_abbreviations_and_ordinals_do_not_end_sentences() -> None:
    text = "Der er afsat 2. mio. kr. til formålet jf. aftalen. Mødet er d. 28. juni. Næste sætning."
    pieces = [text[a:b].strip() for a, b in units(text)]
    assert pieces == ["Der er afsat 2. mio. kr. til formålet jf. aftalen.", "Mødet er d. 28. juni.", "Næste sætning."]
    # A first name written short is part of the name (seed 004: »Hans Chr. Mariegaard«).
    names = "Hans Chr. Mariegaard (Aalborg), Joh. Nielsen og Vilh. Holm deltog. Afbud: Ingen."
    first = "Hans Chr. Mariegaard (Aalborg), Joh. Nielsen og Vilh. Holm deltog."
    assert [names[a:b].strip() for a, b in units(names)] == [first, "Afbud:", "Ingen."]


def test_a_short_word_cut_short_before_a_number_does_not_end_a_sentence() -> None:
    # Seed 003: »Boulevarden 13 rep. 3« is a room; a list number or a date after a full stop still starts anew.
    text = "Næste møde 3. juni kl. 10.00, Boulevarden 13 rep. 3, Aalborg. Det blev godkendt. 3. Eventuelt. Mødet i dag. 12.03.2013 var godt."
    pieces = [text[a:b].strip() for a, b in units(text)]
    assert pieces == [
        "Næste møde 3. juni kl. 10.00, Boulevarden 13 rep. 3, Aalborg.",
        "Det blev godkendt.",
        "3. Eventuelt.",
        "Mødet i dag.",
        "12.03.2013 var godt.",
    ]
    # A sentence may begin with a number.
    assert [t.strip() for t in (lambda x: [x[a:b] for a, b in units(x)])("Mødet var godt. 12 borgere deltog.")] == [
        "Mødet var godt.",
        "12 borgere deltog.",
    ]


def test_what_ends_a_sentence() -> None:
    assert ends_sentence("vedtaget.") and ends_sentence("Tid:") and ends_sentence("Godkendt. ")
    assert not ends_sentence("Kontingent incl.") and not ends_sentence("Mødet er d. 28.")
    assert not ends_sentence("Snerydning (uden saltning) er")


def test_long_text_is_split_at_sentence_ends_within_limit() -> None:
    sentence = "Socialdirektørkredsen drøftede sagen og tog orienteringen til efterretning. "
    text = sentence * 40
    spans = split_text(text, 500)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(b - a <= 500 for a, b in spans)
    assert all(text[a:b].rstrip().endswith(".") for a, b in spans)
    sizes = [b - a for a, b in spans]
    assert min(sizes) > 300  # no stubs


def test_breaks_before_subheadings_are_preferred() -> None:
    assert cut_quality("Slut.\n\nPkt. 5: Udviklingsstrategi", 7) == 2
    assert cut_quality("Slut.\n\nDer var enighed.", 7) == 1
    assert cut_quality("Slut. Der var enighed.", 6) == 0


def test_a_passage_does_not_end_with_the_sub_heading_of_the_next() -> None:
    # »Pkt. 5: …« names what follows it: a cut after it leaves the next passage without its topic.
    text = "Slut på punktet.\n\nPkt. 5: Udviklingsstrategi – orientering vedr. Taleinstituttet.\n\nNiels redegjorde."
    assert orphans_heading(text, text.index("Niels")) and not orphans_heading(text, text.index("Pkt. 5"))
    assert not orphans_heading("Der var en lang drøftelse af sagen.\n\nNiels redegjorde.", 37)
    # Sizes where the heading fits the passage before, and the one after would be fuller without it.
    sentence = "Der blev drøftet meget om sagen i kredsen, og alle bidrog med input. "
    text = sentence * 2 + "\n\nPkt. 5: Udviklingsstrategi – orientering vedr. Taleinstituttet.\n\n" + sentence * 7
    spans = split_text(text, 600)
    assert all(not text[a:b].rstrip().endswith("Taleinstituttet.") for a, b in spans)
    assert any(text[a:b].lstrip().startswith("Pkt. 5:") for a, b in spans)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc æøå.\n-1:")), max_size=3000), st.integers(200, 1200))
def test_spans_always_cover_the_text(text: str, limit: int) -> None:
    spans = split_text(text, limit)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(b - a <= limit for a, b in spans) or len(text.strip()) <= limit


def test_an_amount_in_kroner_ends_a_sentence_before_a_capitalised_word() -> None:
    text = "Med den nuværende bemanding er taksten 1933 kr. Med ansættelse af en pædagog stiger den."
    assert [text[a:b].strip() for a, b in units(text)] == [
        "Med den nuværende bemanding er taksten 1933 kr.",
        "Med ansættelse af en pædagog stiger den.",
    ]
    assert len(units("Taksten er kr. 1.933 pr. døgn.")) == 1
    assert len(units("Ca. 3,45 mio. kr. Målet er balance.")) == 2


def test_a_line_break_after_an_abbreviation_does_not_end_the_sentence() -> None:
    # Realdev 215 (a PDF) breaks its line between »kr.« and the amount.
    text = "F19 fremlagde regnskabet for 2022 som viser et underskud på kr.\n4.554. Foreningen har et indestående."
    assert [text[a:b].strip() for a, b in units(text)] == [
        "F19 fremlagde regnskabet for 2022 som viser et underskud på kr.\n4.554.",
        "Foreningen har et indestående.",
    ]
    # A full stop before a line break still ends a sentence, and a blank line, a list line or a
    # table row ends what stood before them whatever it ended with.
    assert len(units("Godkendt.\nNæste punkt blev drøftet.")) == 2
    assert len(units("Se bl.a.\n- punkt et\n- punkt to")) == 3
    assert len(units("Jf. bilag 2 m.fl.\n\nAndet afsnit.")) == 2
    assert len(units("Tabel:\nA\t1\nB\t2")) == 3
