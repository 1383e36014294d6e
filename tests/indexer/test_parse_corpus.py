"""The five corpus files (five different layouts) and their PDF renderings parse exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from indexer.formats import read_file
from indexer.parse import MEETING_INFO, ParsedDocument, parse_document
from indexer.text import normalize
from tests.conftest import CORPUS, PDFS

EXPECTED = {
    "000_d393297036c53e0a.txt": (
        "SOCDIR",
        "Socialdirektørkredsen",
        "2012-05-24",
        [
            "Godkendelse af dagsorden",
            "Godkendelse af referat",
            "Orientering om planlagt møde med direktør Geert Jørgensen, LOS",
            "Orientering fra DAS møde Specialundervisning",
            "Tilbagemelding og indledende drøftelse af strategisk samarbejde",
            "Gennemgang af dagsorden til DAS",
            "Evt.",
        ],
    ),
    "001_531bab498875b76b.txt": (
        "Socialdirektørkredsen",
        "Socialdirektørkredsen",
        "2012-08-16",
        [
            "Godkendelse af dagsorden",
            "Godkendelse af referat fra mødet den 24. maj 2012",
            "Sekretariatsbetjening af socialområdet",
            "Fællesmøde for KKR, KDK og SOCDIR",
            "Forslag til nyt møde med LOS",
            "Status på rammeaftale for Specialundervisning / Taleinstituttet",
            "Temadag for brugerorganisationer, politikere og embedsmænd 2013",
            "Gennemgang af dagsorden til DAS",
            "Evt.",
        ],
    ),
    "002_4f53694367b5b8b0.txt": (
        "Socialdirektørforum",
        "Socialdirektørforum",
        "2015-05-20",
        [
            "Godkendelse af referat",
            "Drøftelse af årsrapport- Socialtilsyn",
            "Anbefaling vedrørende godkendelse af udkast til rammeaftalen 2016",
            "Samspil og styring på det specialiserede socialområde i Syddanmark",
            "Årsrapport 2014 samt budget 2016 for Fælleskommunalt Socialsekretariat",
            "Døgnseminar 22.-23. oktober 2015",
            "National Koordinationsstruktur",
            "Opfølgning på møde med Socialstyrelsen vedr. socialtilsyn",
            "Status på Center for Kommunikation og Velfærdsteknologi, afdeling CRS",
            "Orienteringer",
            "Eventuelt",
            "Næste møde",
        ],
    ),
    "003_19692c500b0e1c7c.txt": (
        "Socialdirektørkredsen",
        "Socialdirektørkredsen",
        "2013-03-18",
        [
            "Godkendelse af dagsorden",
            "Godkendelse af referat",
            "Orientering fra FU",
            "Sekretariatets regnskab for 2012",
            "Tilbagemelding fra Koordineringsforum vedr. de lands- og landsdelsdækkende tilbud "
            "herunder sikrede institutioner.",
            "Gennemgang af dagsorden til DAS",
            "Evt.",
            "Næste møde 3. juni kl. 10.00, Boulevarden 13 rep. 3",
            "Møderække",
        ],
    ),
    "004_a55821ee45769250.txt": (
        "Den Administrative Styregruppe på socialområdet",
        "Den Administrative Styregruppe",
        "2020-05-25",
        [
            "Godkendelse af dagsorden",
            "Godkendelse af referat fra mødet den 9. marts 2020",
            "Udmøntning af Nordjysk Socialaftale 2018-2020",
            "Udkast til Nordjysk Socialaftale 2021-2022",
            "Organisering af undergrupper til DAS",
            "Regionalt indspil til KL's dialog med regeringen om evaluering af handicapområdet",
            "Anmodning om takststigning på Aalborg Krisecenter",
            "Socialtilsyn Nords årsrapport 2019",
            "Orientering om centrale udmeldinger",
            "Orientering fra FU",
            "Evt.",
            "Næste møde",
            "Fremtidig NOPII samarbejde",
        ],
    ),
}


def parse(path: Path) -> ParsedDocument:
    src = read_file(path, path.name, max_bytes=10**8, pdf_timeout_s=30, pdf_memory_mb=1024)
    return parse_document(src)


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedDocument]:
    return {name: parse(CORPUS / name) for name in EXPECTED}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_header_and_every_item_title(parsed: dict[str, ParsedDocument], name: str) -> None:
    committee, body, date, titles = EXPECTED[name]
    meeting = parsed[name].meeting
    assert meeting.committee == committee
    assert meeting.body == body
    assert meeting.date == date
    assert [it.title for it in meeting.items] == titles
    assert [it.number for it in meeting.items] == list(range(1, len(titles) + 1))
    # 002 lists no attendees; the others are read without any guess.
    assert meeting.notes == (("no attendees listed",) if name.startswith("002") else ())


def test_header_fields_as_written(parsed: dict[str, ParsedDocument]) -> None:
    m000 = parsed["000_d393297036c53e0a.txt"].meeting
    assert (m000.start_time, m000.end_time) == ("10:00", "12:00")
    assert m000.place == "Boulevarden 13, repræsentationslokale 1"
    assert m000.absent == ("Jan Nielsen", "Flemming Hansen")
    assert m000.case_numbers == "2011-43820 / 2012-160997"
    assert m000.participants[-1] == "Hilde E. Thun Holst"  # "/ ref." dropped
    # The members who sent word are listed under »Afbud« only, not as attendees too.
    assert not set(m000.absent) & set(m000.participants)

    m001 = parsed["001_531bab498875b76b.txt"].meeting
    assert m001.place == "Læsø"
    assert m001.start_time == "10:00" and m001.end_time is None
    assert "Benjamin Holst" in m001.participants  # a name wrapped over two lines
    assert "Jesper Hosbond Jensen" in m001.absent  # "Hos-\nbond" joined

    m002 = parsed["002_4f53694367b5b8b0.txt"].meeting
    assert m002.place == "HR Fredericia: Mosegårdsvej 2, 7000 Fredericia"
    assert (m002.start_time, m002.end_time) == ("09:00", "12:00")

    m003 = parsed["003_19692c500b0e1c7c.txt"].meeting
    assert (m003.start_time, m003.end_time) == ("10:00", "12:00")  # "kl. 10-00-12.00"
    assert m003.absent == ("Hans Ole Steffensen", "Henrik Leth")

    m004 = parsed["004_a55821ee45769250.txt"].meeting
    assert m004.place == "Skype - Link i kalenderbooking"
    assert "Henrik Aarup-Kristensen (formand, Brønderslev Kommune)" in m004.participants
    assert len(m004.absent) == 5


def test_sections_follow_the_headings(parsed: dict[str, ParsedDocument]) -> None:
    item3 = parsed["004_a55821ee45769250.txt"].meeting.items[2]
    assert [s.name for s in item3.sections] == [
        "Resumé",
        "Baggrund",
        "Sagsfremstilling",
        "Indstilling",
        "Bilag",
        "Referat",
    ]
    item9 = parsed["004_a55821ee45769250.txt"].meeting.items[8]
    assert "Orientering" in [s.name for s in item9.sections]
    # Text before the first heading is its own (unnamed) section.
    item4 = parsed["000_d393297036c53e0a.txt"].meeting.items[3]
    assert [s.name for s in item4.sections] == [None, "Indstilling", "Referat"]
    assert item4.sections[2].text.startswith("Ann orienterede om Styregruppemødet")
    decision = parsed["002_4f53694367b5b8b0.txt"].meeting.items[4].sections[2]
    assert decision.name == "Beslutning" and decision.is_outcome
    assert "2. mio. kr. returneres til kommunerne" in decision.text
    # A sentence opening with a section's name is no heading (seed 000, item 5: »Referat fra dagen
    # bliver lagt på sekretariatets hjemmeside.« stays in the item's Referat).
    item5 = parsed["000_d393297036c53e0a.txt"].meeting.items[4]
    assert [s.name for s in item5.sections] == [None, "Indstilling", "Referat"]
    assert "Arbejdet sættes i gang på baggrund af bred opbakning." in item5.sections[2].text


def test_numbered_lists_inside_items_are_not_items(parsed: dict[str, ParsedDocument]) -> None:
    item2 = parsed["002_4f53694367b5b8b0.txt"].meeting.items[1]
    assert "1. Omsætning af visiterende kommuners indsatsmål" in item2.text
    assert "3. Særlige forhold på plejefamilieområdet" in item2.text
    item6 = parsed["004_a55821ee45769250.txt"].meeting.items[5]
    for line in ("1. Evalueringen skal afdække", "4. Finansiering"):
        assert line in item6.text
    # "Pkt. 4:" lines refer to another agenda; they stay inside item 6 of 2013.
    item6_2013 = parsed["003_19692c500b0e1c7c.txt"].meeting.items[5]
    assert "Pkt. 4: Styringsaftale" in item6_2013.text and "Pkt. 7: Orientering om Børnehus" in item6_2013.text


def test_table_of_contents_is_not_the_agenda(parsed: dict[str, ParsedDocument]) -> None:
    item1 = parsed["002_4f53694367b5b8b0.txt"].meeting.items[0]
    assert [s.name for s in item1.sections] == ["Indstilling", "Beslutning"]
    assert "PUNKTER" not in item1.text


def test_hyphenation_joined_real_hyphens_kept(parsed: dict[str, ParsedDocument]) -> None:
    item2 = parsed["001_531bab498875b76b.txt"].meeting.items[1]
    assert "regningens størrelse" in item2.text
    assert "kommunalbestyrelser" in item2.text
    item3 = parsed["003_19692c500b0e1c7c.txt"].meeting.items[2]
    assert "lands- og landsdelsdækkende" in item3.text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_passages_reassemble_into_their_sections(parsed: dict[str, ParsedDocument], name: str) -> None:
    doc = parsed[name]
    source = (CORPUS / name).read_text(encoding="utf-8")
    for item in doc.meeting.items:
        mine = [p for p in doc.passages if p.item_number == item.number]
        assert mine, f"item {item.number} has no passage"
        for section in item.sections:
            pieces = [
                p.text for p in mine if p.section == section.name and section.span[0] <= p.span[0] < section.span[1]
            ]
            assert re.sub(r"\s+", " ", " ".join(pieces)) == re.sub(r"\s+", " ", section.text)
        for p in mine:
            assert len(p.text) <= 1000
            # The span points at the passage in the file: cleaned up, it is the passage text.
            raw = source[p.span[0] : p.span[1]]
            assert " ".join(normalize(raw).text.split()) == " ".join(p.text.split())


def test_passage_ids_are_stable_and_unique(parsed: dict[str, ParsedDocument]) -> None:
    again = parse(CORPUS / "004_a55821ee45769250.txt")
    first = parsed["004_a55821ee45769250.txt"]
    assert [p.id for p in again.passages] == [p.id for p in first.passages]
    all_ids = [p.id for d in parsed.values() for p in d.passages]
    assert len(all_ids) == len(set(all_ids))


def test_passages_carry_context_header_and_meeting_info(parsed: dict[str, ParsedDocument]) -> None:
    doc = parsed["000_d393297036c53e0a.txt"]
    p = next(p for p in doc.passages if p.item_number == 4 and p.section == "Referat")
    assert (
        p.header
        == "SOCDIR (Socialdirektørkredsen) · 24. maj 2012 · punkt 4: Orientering fra DAS møde Specialundervisning · Referat"
    )
    assert p.header not in p.text
    info = doc.passages[0]
    assert info.item_number == 0 and info.item_title == MEETING_INFO
    assert "Afbud: Jan Nielsen, Flemming Hansen" in info.text


@pytest.mark.parametrize("pdf", sorted(PDFS.glob("*.pdf")), ids=lambda p: p.name)
def test_pdf_gives_the_same_meeting_as_the_text(parsed: dict[str, ParsedDocument], pdf: Path) -> None:
    from_pdf = parse(pdf)
    from_text = parsed[pdf.with_suffix(".txt").name]
    assert from_pdf.meeting.kind == "pdf"
    for field in ("committee", "date", "place", "participants", "absent", "case_numbers", "start_time"):
        assert getattr(from_pdf.meeting, field) == getattr(from_text.meeting, field), field
    assert [(i.number, i.title) for i in from_pdf.meeting.items] == [
        (i.number, i.title) for i in from_text.meeting.items
    ]
    for a, b in zip(from_pdf.meeting.items, from_text.meeting.items, strict=True):
        assert [s.name for s in a.sections] == [s.name for s in b.sections]
        assert " ".join(a.text.split()) == " ".join(b.text.split())
    assert all(p.page is not None and p.page >= 1 for p in from_pdf.passages)
    assert all(s.pages for item in from_pdf.meeting.items for s in item.sections)


def test_pdf_pages_are_the_right_ones() -> None:
    doc = parse(PDFS / "001_531bab498875b76b.pdf")
    taleinstitut = next(p for p in doc.passages if p.item_number == 6 and p.section == "Referat")
    assert taleinstitut.page == 4
    assert doc.meeting.items[2].sections[2].pages == (2,)  # "Referat:" heading ends page 1, text on page 2
    assert doc.meeting.items[3].sections[2].pages == (2, 3)
