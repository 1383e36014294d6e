"""Scanned PDFs are read with real Tesseract, page by page, and OCR'd only once per file content."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from indexer import build
from indexer.build import build_index
from indexer.errors import UnreadableFileError
from indexer.formats import ocr, pdf, read_bytes, render
from indexer.parse import parse_document
from indexer.settings import Settings
from indexer.source import SourceText, content_hash
from retrieval.benchmark import scanned_pdf
from retrieval.hits import citation
from retrieval.search import Retriever
from tests.conftest import PDFS

TEXT_PDF = PDFS / "003_19692c500b0e1c7c.pdf"
INSTALL = "run `make ocr-deps` or `apt-get install tesseract-ocr tesseract-ocr-dan`"


@pytest.fixture(scope="session")
def tesseract() -> None:
    """Skips without Tesseract, except in CI (CI=true), where the OCR tests must run."""
    try:
        ocr.tesseract_path()
    except ocr.OcrUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"{exc}: CI must run the OCR tests ({INSTALL})")
        pytest.skip(f"{exc} ({INSTALL})")


def scan(pdf: bytes, dpi: int = 200) -> bytes:
    """The PDF as a scanner would give it (the benchmark makes its scans the same way)."""
    return scanned_pdf(pdf, dpi)


@pytest.fixture(scope="session")
def scanned() -> bytes:
    return scan(TEXT_PDF.read_bytes())


@pytest.fixture(scope="session")
def text_version() -> SourceText:
    return read_bytes(TEXT_PDF.read_bytes(), "003.pdf")


@pytest.fixture(scope="session")
def ocr_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ocr") / "ocr-cache"


@pytest.fixture(scope="session")
def read_scan(tesseract: None, scanned: bytes, ocr_cache: Path) -> SourceText:
    """The scanned file read once (8 pages of real OCR), filling the cache."""
    return read_bytes(scanned, "scan.pdf", ocr_cache=ocr_cache)


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.casefold()))


def recall(expected: str, got: str) -> float:
    """Share of the expected words (with repeats) that OCR found."""
    want, have = words(expected), words(got)
    return sum(min(n, have[w]) for w, n in want.items()) / max(sum(want.values()), 1)


def without_tesseract(monkeypatch: pytest.MonkeyPatch) -> None:
    which = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if name == "tesseract" else which(name, *a, **k))


def test_scanned_pdf_reads_like_its_text_version(
    tesseract: None, read_scan: SourceText, text_version: SourceText
) -> None:
    src = read_scan
    assert src.kind == "pdf+ocr"
    assert src.ocr_pages == tuple(range(1, 9)) and len(src.page_starts) == 8
    assert recall(text_version.text, src.text) >= 0.95
    # Page by page: the OCR text of page k is page k, so citations name the right page.
    for k, (expected, got) in enumerate(zip(text_version.pages(), src.pages(), strict=True), start=1):
        assert recall(expected, got) >= 0.9, k
    assert len(src.notes) == 1
    assert re.fullmatch(r"pages 1-8 read by OCR \(Tesseract, mean confidence (\d+)%\)", src.notes[0])
    assert int(re.findall(r"\d+", src.notes[0])[-1]) >= 80
    # The same cleaning and structure recognition as for text: the same agenda.
    ocr_doc, text_doc = parse_document(src), parse_document(text_version)
    assert [i.number for i in ocr_doc.meeting.items] == [i.number for i in text_doc.meeting.items]
    assert (ocr_doc.meeting.date, ocr_doc.meeting.committee) == (text_doc.meeting.date, text_doc.meeting.committee)


def test_second_read_comes_from_the_cache(
    tesseract: None, read_scan: SourceText, scanned: bytes, ocr_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = json.loads((ocr_cache / f"{content_hash(scanned)}.json").read_text(encoding="utf-8"))
    assert sorted(entry["pages"], key=int) == [str(k) for k in range(1, 9)]
    assert all(p["text"] and 0 < p["confidence"] <= 100 for p in entry["pages"].values())
    assert [p.name for p in ocr_cache.iterdir()] == [f"{content_hash(scanned)}.json"]  # no temp files left

    def no_ocr(*args: object, **kwargs: object) -> None:
        raise AssertionError("OCR ran although the file's result is cached")

    monkeypatch.setattr(ocr, "run_ocr", no_ocr)
    without_tesseract(monkeypatch)  # a cached file needs no Tesseract at all
    again = read_bytes(scanned, "scan.pdf", ocr_cache=ocr_cache)
    assert again == read_scan
    with pytest.raises(AssertionError, match="OCR ran"):
        read_bytes(scanned + b"\n", "changed.pdf", ocr_cache=ocr_cache)  # other bytes, other entry


def mixed_pdf(scanned: bytes) -> bytes:
    """The text PDF 001 with page 2 of the scanned 003 inserted as page 3 and a blank page at the end."""
    writer = PdfWriter()
    for page in PdfReader(PDFS / "001_531bab498875b76b.pdf").pages:
        writer.add_page(page)
    writer.insert_page(PdfReader(io.BytesIO(scanned)).pages[1], 2)
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_mixed_pdf_is_read_page_by_page(tesseract: None, scanned: bytes, text_version: SourceText) -> None:
    text = read_bytes((PDFS / "001_531bab498875b76b.pdf").read_bytes(), "001.pdf").pages()
    src = read_bytes(mixed_pdf(scanned), "mixed.pdf")
    pages = src.pages()
    assert len(pages) == len(text) + 2
    assert pages[:2] + pages[3:-1] == text  # text pages exactly as without OCR
    assert recall(text_version.pages()[1], pages[2]) >= 0.9
    assert "Henrik som formand" in " ".join(pages[2].split())
    assert src.page_at(src.text.index("formand")) == 3
    assert (src.kind, src.ocr_pages) == ("pdf+ocr", (3,))
    assert src.notes[0].startswith("page 3 read by OCR (Tesseract, mean confidence ")
    assert src.notes[1:] == (f"page {len(pages)} blank: no text layer, and OCR found no text",)


def test_missing_tesseract_is_named_with_the_install_command(scanned: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    without_tesseract(monkeypatch)
    with pytest.raises(UnreadableFileError) as info:
        read_bytes(scanned, "scan.pdf")
    assert str(info.value) == f"scan.pdf: scanned pages need OCR, but Tesseract is not installed: {INSTALL}"
    src = read_bytes(mixed_pdf(scanned), "mixed.pdf")  # the text pages are still read
    text = read_bytes((PDFS / "001_531bab498875b76b.pdf").read_bytes(), "001.pdf").pages()
    assert src.pages() == [*text[:2], "", *text[2:], ""]
    assert src.kind == "pdf" and src.ocr_pages == ()
    assert src.notes == (f"pages 3, 7 not read: scanned pages need OCR, but Tesseract is not installed: {INSTALL}",)


def test_a_hanging_renderer_is_stopped(tesseract: None, scanned: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "_render_child", lambda *args: time.sleep(60))
    started = time.monotonic()
    with pytest.raises(UnreadableFileError) as info:
        read_bytes(scanned, "slow.pdf", pdf_timeout_s=1)
    assert info.value.reason == (
        "no text layer, and OCR failed (rendering the page took longer than 1 s (damaged or hostile file))"
    )
    assert time.monotonic() - started < 10


def test_citation_says_ocr(text_version: SourceText) -> None:
    passage = parse_document(text_version).passages[3]
    assert "(OCR)" not in citation(passage)
    read_by_ocr = replace(passage, ocr=True)  # as the parser marks passages of OCR'd pages
    assert f"· s. {passage.page} (OCR) ·" in citation(read_by_ocr)


@pytest.mark.slow
def test_scanned_minutes_are_searchable(
    tesseract: None, scanned: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    first_pages = PdfWriter()  # pages 1-3 (item 3 is on pages 1-2): OCR takes seconds per page
    for page in PdfReader(io.BytesIO(scanned)).pages[:3]:
        first_pages.add_page(page)
    first_pages.write(corpus / "003_scan.pdf")
    data = (corpus / "003_scan.pdf").read_bytes()
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    first = build_index(settings, progress=False)
    assert [(f.source, f.status) for f in first.files] == [("003_scan.pdf", "warning")]
    assert "read by OCR" in first.files[0].message

    hits = Retriever.open(settings).search("Hvem blev valgt som formand for forretningsudvalget i 2013?").hits
    ours = [h for h in hits if h.passage.source == "003_scan.pdf"]
    assert ours and all(h.passage.page in (1, 2, 3) for h in ours)
    assert any("Henrik som formand" in " ".join(h.passage.text.split()) for h in ours[:3])
    if hasattr(ours[0].passage, "ocr"):  # once the parser copies SourceText.ocr_pages into passages
        assert "(OCR)" in ours[0].citation

    def no_ocr(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged scanned file was OCR'd again")

    monkeypatch.setattr(ocr, "run_ocr", no_ocr)
    assert build_index(settings, progress=False).generation is None  # unchanged: nothing read at all
    # Changed parsing code re-reads every file: OCR comes from the cache beside the generations.
    for n in range(2):  # until cleanup removes generations: it must leave the cache alone
        monkeypatch.setattr(build, "parser_fingerprint", lambda n=n: f"changed{n}")
        again = build_index(settings, progress=False)
        assert again.generation is not None and again.files[0].status == "warning"
    cache = settings.index_dir / ocr.CACHE_DIR
    assert len([p for p in settings.index_dir.iterdir() if p.name.startswith("gen-")]) == 2
    assert [p.name for p in cache.iterdir()] == [f"{content_hash(data)}.json"]
    # A file that leaves the corpus takes its cache entry with it.
    (corpus / "003_scan.pdf").unlink()
    (corpus / "note.txt").write_text("1. Godkendelse\nGodkendt.\n", encoding="utf-8")
    build_index(settings, progress=False)
    assert list(cache.iterdir()) == []


def test_notes_for_low_confidence_failed_and_short_pages() -> None:
    body = "Socialdirektørkredsen godkendte budgettet for sekretariatet. " * 3
    found = {
        1: ocr.OcrPage(body, 45.2, 24),  # garbled scan
        2: ocr.OcrPage("", error="Tesseract took longer than 30 s"),
        3: ocr.OcrPage("Side", 90.0, 1),  # OCR reads less than the short text layer: the layer stays
        4: ocr.OcrPage(body, 96.0, 24),
    }
    src = pdf._with_ocr("x.pdf", ["", "", "Side 3 af 4", ""], found)
    assert src.pages() == [body, "", "Side 3 af 4", body]
    assert (src.kind, src.ocr_pages) == ("pdf+ocr", (1, 4))
    assert src.notes == (
        "pages 1, 4 read by OCR (Tesseract, mean confidence 71%)",
        "page 1: OCR confidence 45% is below 60%: the text may be garbled",
        "page 2 not read: OCR failed (Tesseract took longer than 30 s)",
    )


def test_tesseract_tsv_becomes_lines_with_paragraph_gaps() -> None:
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        "4\t1\t1\t1\t1\t0\t10\t100\t200\t40\t-1\t",
        "5\t1\t1\t1\t1\t1\t10\t100\t60\t40\t96.5\t3.",
        "5\t1\t1\t1\t1\t2\t80\t100\t90\t40\t91.5\tOrientering",
        "5\t1\t1\t2\t1\t1\t10\t150\t90\t40\t88\tFU",  # a new Tesseract paragraph, but no gap
        "5\t1\t2\t1\t1\t1\t10\t260\t90\t40\t80\tGodkendt",  # 70 px below: a paragraph
        "5\t1\t2\t1\t1\t2\t10\t260\t90\t40\t-1\t ",
    ]
    page = ocr.parse_tsv("\n".join([head, *rows]))
    assert page.text == "3. Orientering\nFU\n\nGodkendt"
    assert (page.words, page.confidence) == (4, pytest.approx(89.0))
    assert ocr.parse_tsv(head) == ocr.OcrPage("", None, 0)
