"""Four published minutes read after the rules above were written (tests/data/web, as the stored
web pages returned them, cut off): a municipal committee's web export, a region's web export, a
housing department's page and a sports club's general assembly. Each header reads as printed.

The expectations were written from reading each file, not from the parser's output.
"""

from __future__ import annotations

import pytest

from indexer.dates import find_dates, parse_times
from indexer.formats import read_file
from indexer.parse import parse_document
from indexer.records import Meeting
from tests.conftest import DATA

WEB = DATA / "web"


def parsed(prefix: str) -> Meeting:
    path = next(WEB.glob(f"{prefix}_*"))
    return parse_document(read_file(path, path.name, max_bytes=10**8, pdf_timeout_s=30, pdf_memory_mb=1024)).meeting


def test_a_committee_named_only_by_each_items_reference_line() -> None:
    # Roskilde: no title names the committee; every item's »Kultur- og Idrætsudvalget, 03-04-2019,
    # pkt. 42« does. The place ends where the first item's line begins.
    header = parsed("401")
    assert header.committee == "Kultur- og Idrætsudvalget"
    assert header.place == "Mødelokale 2A"
    assert [i.number for i in parsed("401").items] == [42, 43, 44]


def test_a_region_web_export_with_bullets_and_labels_above_their_values() -> None:
    # »Mødested« above »Mødelokale 7«; » • Afbud« above » • Morten Weiss-Pedersen, C«; the title
    # »Udvalget for uddannelse og arbejdskraft - Referat - 07. marts 2019« under a breadcrumb trail
    # that glues its words (»…arbejdskraftpilUdvalget …«).
    header = parsed("404")
    assert header.committee == "Udvalget for uddannelse og arbejdskraft"
    assert header.place == "Mødelokale 7"
    assert header.absent == ("Morten Weiss-Pedersen (C)",)
    assert header.date == "2019-03-07" and (header.start_time, header.end_time) == ("14:00", "17:00")


def test_a_label_said_at_length_with_the_names_below() -> None:
    # »Tilstede fra bestyrelsen var:« / »Inge, Lene, Marianne, Merete, Qasam, Rene, Susan.«
    assert parsed("406").participants == ("Inge", "Lene", "Marianne", "Merete", "Qasam", "Rene", "Susan")


def test_a_place_after_a_time_written_without_its_point() -> None:
    # »Kl. 1330 i Karlslunde Idrætscenter, Hal 1«
    header = parsed("408")
    assert header.place == "Karlslunde Idrætscenter, Hal 1" and header.start_time == "13:30"


@pytest.mark.parametrize(
    ("text", "iso"),
    [("Onsdag den 15-maj-2002 Kommunalbestyrelsens mødelokaler", "2002-05-15"), ("3-Mar-2021", "2021-03-03")],
)
def test_a_date_joined_by_dashes(text: str, iso: str) -> None:
    assert [d.isoformat() for d, _ in find_dates(text)] == [iso]


def test_a_time_without_its_point() -> None:
    assert parse_times("Kl. 1330 i hallen") == ("13:30", None)
    assert parse_times("kl. 17-19") == ("17:00", "19:00")


def test_an_agenda_list_whose_first_item_alone_follows_on_a_page_cut_off() -> None:
    # The list of eight items, then »Sagsnr. 19/3143« / »1. Temadrøftelse om ”Flere faglærte”« and its
    # text until the page ends: item 1, not the meeting's own text.
    items = parsed("404").items
    assert [i.number for i in items] == [1] and items[0].title.startswith("Temadrøftelse om ”Flere faglærte”")
