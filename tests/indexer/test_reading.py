"""Every kind of bad file gets a plain reason naming the file; odd encodings are read right."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from indexer.errors import UnreadableFileError
from indexer.formats import pdf, read_bytes, read_file
from indexer.furniture import find_furniture
from indexer.parse import parse_document
from indexer.source import SourceText, join_pages
from tests.conftest import PDFS

SAMPLE = PDFS / "001_531bab498875b76b.pdf"


def pdf_bytes(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def copy_of_sample() -> PdfWriter:
    writer = PdfWriter()
    for page in PdfReader(SAMPLE).pages:
        writer.add_page(page)
    return writer


def read(data: bytes, name: str, **kw: float) -> SourceText:
    return read_bytes(data, name, pdf_timeout_s=kw.get("timeout", 30), pdf_memory_mb=int(kw.get("memory", 1024)))


def test_encodings() -> None:
    text = "1. Godkendelse\n\nSøren Ærø takkede for kr. 1.933 – «fint».\n"
    assert read(text.encode("utf-8"), "a.txt").text == text
    assert read(b"\xef\xbb\xbf" + text.encode("utf-8"), "bom.txt").text == text
    cp = read(text.encode("cp1252"), "cp.txt")
    assert cp.text == text and cp.notes == ("not UTF-8: decoded as cp1252",)
    latin = read("Ærø\x81".encode("latin-1"), "l.md")  # 0x81 is undefined in cp1252
    assert latin.text == "Ærø\x81" and latin.notes == ("not UTF-8: decoded as latin-1",)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("tom.txt", b"", "empty file"),
        ("blank.txt", b" \n\t\n", "empty file"),
        ("junk.txt", bytes(range(256)) * 4, "binary data, not text: save it as plain text (.txt) or PDF"),
        (
            "word.txt",
            b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 50,
            "a ZIP or Office document (such as Word .docx), not text: save it as plain text (.txt) or PDF",
        ),
        ("junk.pdf", b"\x13\x37 random bytes \x00\x01" * 20, "not a PDF: no PDF header (not a PDF, or badly damaged)"),
        (
            "word.pdf",
            b"PK\x03\x04\x14\x00\x06\x00word/document.xml" + b"\x00" * 50,
            "not a PDF: a ZIP or Office document (such as Word .docx) named .pdf",
        ),
        (
            "old.pdf",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50,
            "not a PDF: an old Office document (such as Word .doc) named .pdf",
        ),
        (
            "notes.docx",
            b"PK\x03\x04",
            "damaged or truncated .docx (its ZIP archive cannot be read): save it again from Word",
        ),
        ("shy.txt", "\u00ad\u200b \n".encode(), "no text in the file"),
        (
            "README",
            b"text",
            "unsupported file type (no extension): Referat reads .txt, .md, .pdf, .html, .htm and .docx",
        ),
    ],
)
def test_bad_files_have_plain_reasons(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFileError) as info:
        read(data, name)
    assert (info.value.source, info.value.reason) == (name, reason)
    assert str(info.value) == f"{name}: {reason}"


def test_truncated_and_corrupt_pdfs() -> None:
    data = SAMPLE.read_bytes()
    with pytest.raises(UnreadableFileError, match=r"^half\.pdf: (damaged|no text layer)"):
        read(data[: len(data) // 3], "half.pdf")
    with pytest.raises(UnreadableFileError, match=r"^garbage\.pdf: (damaged|PDF has no pages|no text layer)"):
        read(b"%PDF-1.7\n" + bytes(range(256)) * 50, "garbage.pdf")


def test_password_pdfs() -> None:
    locked = copy_of_sample()
    locked.encrypt(user_password="hemmelig", owner_password="ejer")
    with pytest.raises(
        UnreadableFileError, match=r"^locked\.pdf: password-protected PDF: save an unprotected copy to index it$"
    ):
        read(pdf_bytes(locked), "locked.pdf")
    # An empty user password (only an owner password) is how many PDFs restrict editing: read normally.
    restricted = copy_of_sample()
    restricted.encrypt(user_password="", owner_password="ejer")
    doc = parse_document(read(pdf_bytes(restricted), "restricted.pdf"))
    assert len(doc.meeting.items) == 9 and doc.meeting.date == "2012-08-16"


def test_blank_pdf_pages() -> None:
    # Pages without a text layer are OCR'd (tests/indexer/test_ocr.py); blank ones yield nothing.
    blank = PdfWriter()
    blank.add_blank_page(595, 842)
    blank.add_blank_page(595, 842)
    with pytest.raises(
        UnreadableFileError,
        match=r"^scan\.pdf: (no text layer, and OCR found no text \(a blank or unreadable scan\)$"
        r"|scanned pages need OCR, but Tesseract is not installed)",
    ):
        read(pdf_bytes(blank), "scan.pdf")
    mixed = copy_of_sample()
    mixed.add_blank_page(595, 842)
    notes = read(pdf_bytes(mixed), "mixed.pdf").notes
    assert notes == ("page 6 blank: no text layer, and OCR found no text",) or notes[0].startswith(
        "page 6 not read: scanned pages need OCR, but Tesseract is not installed"
    )


def test_hanging_or_hungry_parser_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    # The child process runs the (patched) parser: a hang is killed at the time limit.
    monkeypatch.setattr(pdf, "extract_pages", lambda data: time.sleep(60))
    started = time.monotonic()
    with pytest.raises(
        UnreadableFileError, match=r"^slow\.pdf: PDF parsing took longer than 1 s \(damaged or hostile file\)$"
    ):
        read(SAMPLE.read_bytes(), "slow.pdf", timeout=1)
    assert time.monotonic() - started < 10

    def hungry(data: bytes) -> list[str]:
        blocks = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GiB, over the 256 MB limit
        return [str(len(blocks))]

    monkeypatch.setattr(pdf, "extract_pages", hungry)
    with pytest.raises(UnreadableFileError, match=r"^big\.pdf: PDF needs too much memory to parse"):
        read(SAMPLE.read_bytes(), "big.pdf", memory=256)


def test_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "stor.txt"
    big.write_bytes(b"x" * 3_000_000)
    with pytest.raises(UnreadableFileError, match=r"^stor\.txt: file is 3\.0 MB, above the 2 MB limit"):
        read_file(big, "stor.txt", max_bytes=2_000_000, pdf_timeout_s=30, pdf_memory_mb=1024)


def test_running_headers_and_page_numbers_are_dropped() -> None:
    body = [
        "Godkendt.\nFU orienterede.",
        "Sagen blev drøftet.\nDer var enighed.",
        "Taksten stiger.\nGodkendt.",
        "Intet.\nSlut.",
    ]
    pages = [f"Referat SOCDIR 2012\n{body[i - 1]}\nSide {i} af 4" for i in range(1, 5)]
    cleaned = cleaned_pages(pages)
    assert cleaned[0] == "Godkendt.\nFU orienterede."
    assert all("Referat SOCDIR" not in page and "af 4" not in page for page in cleaned)
    # A footnote number at a page's foot is not its page number, and stays.
    assert cleaned_pages(["a\n7", "b\n2"]) == ["a\n7", "b"]


def test_a_running_header_ending_in_its_page_number_is_dropped_from_text_without_pages() -> None:
    head = "Vågå kommune          Møtebok Kommunestyret 14.06.2022          Side {} av 2"
    text = f"{head.format(1)}\nPS 25/22 Årsregnskap\nVedtak: godkjent.\n{head.format(2)}\nPS 26/22 Økonomi\nTatt til orientering.\n"
    src = SourceText("x.txt", text, "text")
    furniture = find_furniture(src)
    kept = "".join(c for i, c in enumerate(text) if not any(a <= i < b for a, b in furniture.spans))
    assert "Møtebok" not in kept and "PS 25/22 Årsregnskap" in kept and "PS 26/22 Økonomi" in kept
    # Its columns stay readable for the header: the organisation stands alone.
    assert "Vågå kommune" in furniture.lines
    # A single line ending so is a sentence's business, not furniture.
    lone = SourceText("y.txt", "Referatet findes i bilaget side 2 af 4\nMere tekst.\n", "text")
    assert find_furniture(lone).spans == ()


def cleaned_pages(pages: list[str]) -> list[str]:
    """Each page's text once the furniture is left out."""
    src = join_pages("x.pdf", pages, "pdf")
    drop = find_furniture(src).spans
    out = []
    for text, start in zip(pages, src.page_starts, strict=True):
        kept = [c for i, c in enumerate(text, start) if not any(a <= i < b for a, b in drop)]
        out.append("".join(kept).rstrip("\n"))
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=4000))
@example("BACK TO TOP")  # all of it looks like a web page's chrome: it is kept, not dropped
def test_parser_never_crashes_on_any_text(text: str) -> None:
    try:
        src = read(text.encode("utf-8"), "x.txt")
    except UnreadableFileError:
        return
    doc = parse_document(src)
    # Every file gives passages (of its items, or of the meeting itself when it has none).
    assert doc.passages
    assert all(p.text.strip() for p in doc.passages)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "1. Godkendelse",
                    "2. Budget",
                    "Referat",
                    "Beslutning:",
                    "PUNKTER",
                    "Pkt. 4: x",
                    "\t",
                    "| Møde | X |",
                    "-",
                    "",
                    "stør-",
                ]
            ),
            st.text(alphabet="abcæøå ABCÆØÅ.,:0123456789-\t", max_size=60),
        ),
        max_size=80,
    )
)
def test_parser_never_crashes_on_minutes_like_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    if not text.strip():
        return
    doc = parse_document(SourceText("x.txt", text))
    assert [i.number for i in doc.meeting.items] == sorted({i.number for i in doc.meeting.items})
    for p in doc.passages:
        assert 0 <= p.span[0] <= p.span[1] <= len(text)
