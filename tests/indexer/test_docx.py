"""Word documents come out as one block per line, in body order, with Word's list numbers and page starts."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from indexer.errors import UnreadableFileError
from indexer.formats import docx as docx_format
from indexer.formats import read_bytes
from indexer.parse import parse_document
from indexer.source import SourceText


def add_list(document: docx.document.Document, abstract_id: int, levels: list[tuple[int, str, str]]) -> None:
    """A real Word list definition: (start, numFmt, lvlText) per level."""
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (start, fmt, text) in enumerate(levels)
    )
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>')
    numbering.find(qn("w:num")).addprevious(abstract)  # abstract definitions come before the instances


def add_num(document: docx.document.Document, num_id: int, abstract_id: int, restart: int | None = None) -> None:
    override = f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart}"/></w:lvlOverride>' if restart else ""
    document.part.numbering_part.element.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
        )
    )


def numbered(document: docx.document.Document, text: str, num_id: int, ilvl: int = 0) -> None:
    p = document.add_paragraph(text)
    numpr = f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    p._p.get_or_add_pPr().append(parse_xml(numpr))


def raw_paragraph(document: docx.document.Document, runs: str) -> None:
    """A paragraph written as WordprocessingML runs, for breaks python-docx cannot add."""
    document.element.body.sectPr.addprevious(parse_xml(f"<w:p {nsdecls('w')}>{runs}</w:p>"))


def to_bytes(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def board_minutes() -> bytes:
    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "Andelsboligforeningen Ærøgården – fortroligt"
    section.footer.paragraphs[0].text = "Side 1 af 2"
    d.add_heading("Referat af bestyrelsesmøde", level=0)
    table = d.add_table(rows=0, cols=3)
    for label, value in [("Dato", "10-10-2023"), ("Sted", "Fælleshuset, Ærøvej 4"), ("Deltagere", "Hanne Kjær")]:
        cells = table.add_row().cells
        cells[0].text, cells[2].text = label, value  # the middle cell stays empty
    table.rows[2].cells[2].add_paragraph("Søren Østergaard")  # a second paragraph in the cell
    d.add_paragraph("Referent:\tJørgen Bæk")
    add_list(d, 90, [(1, "decimal", "%1."), (1, "lowerLetter", "%2)")])
    add_num(d, 901, 90)
    add_num(d, 902, 90, restart=1)
    add_num(d, 903, 90)
    d.add_heading("1. Godkendelse af dagsorden", level=2)
    d.add_paragraph("Godkendt.")
    d.add_heading("2. Økonomi", level=2)
    d.add_paragraph("Kassereren gennemgik regnskabet. Bestyrelsen besluttede:")
    numbered(d, "at regnskabet godkendes,", 901)
    numbered(d, "med en bemærkning om varmeregnskabet", 901, 1)
    numbered(d, "og om fælleslokalet", 901, 1)
    numbered(d, "at budgettet for 2024 vedtages.", 901)
    d.add_paragraph("Indsatsområder:")
    d.add_paragraph("Cykeloprydning", style="List Bullet")
    d.add_paragraph("Parkering ved nr. 14", style="List Bullet")
    d.add_page_break()
    d.add_heading("3. Eventuelt", level=2)
    numbered(d, "ny liste, første", 902)  # restarted by its startOverride
    numbered(d, "ny liste, anden", 902)
    numbered(d, "samme liste fortsat", 903)  # another instance of the list continues it, as in Word
    d.add_paragraph("Mødet sluttede kl. 21.15 – »tak for i aften«.")
    return to_bytes(d)


BOARD_TEXT = """\
# Referat af bestyrelsesmøde

Dato\t10-10-2023
Sted\tFælleshuset, Ærøvej 4
Deltagere\tHanne Kjær Søren Østergaard

Referent:\tJørgen Bæk

## 1. Godkendelse af dagsorden

Godkendt.

## 2. Økonomi

Kassereren gennemgik regnskabet. Bestyrelsen besluttede:

1. at regnskabet godkendes,
  a) med en bemærkning om varmeregnskabet
  b) og om fælleslokalet
2. at budgettet for 2024 vedtages.

Indsatsområder:

- Cykeloprydning
- Parkering ved nr. 14

## 3. Eventuelt

1. ny liste, første
2. ny liste, anden
3. samme liste fortsat

Mødet sluttede kl. 21.15 – »tak for i aften«."""


def read(data: bytes, name: str = "referat.docx") -> SourceText:
    return read_bytes(data, name)


def test_board_minutes_read_in_body_order() -> None:
    src = read(board_minutes())
    assert src.kind == "docx" and src.notes == ()
    assert src.text == BOARD_TEXT
    assert "fortroligt" not in src.text and "Side 1 af 2" not in src.text  # headers and footers are furniture


def test_page_break_gives_page_starts() -> None:
    src = read(board_minutes())
    second = BOARD_TEXT.index("## 3. Eventuelt")
    assert src.page_starts == (0, second)
    assert src.page_at(BOARD_TEXT.index("Godkendt.")) == 1
    assert src.page_at(BOARD_TEXT.index("ny liste, første")) == 2
    assert src.pages()[1].startswith("## 3. Eventuelt")


def test_no_breaks_no_pages() -> None:
    d = docx.Document()
    d.add_paragraph("Kun én side.")
    assert read(to_bytes(d)).page_starts == ()


def test_rendered_section_and_before_breaks() -> None:
    d = docx.Document()
    d.add_paragraph("Side et.")
    # Word records a rendered break right after an explicit one: still one new page.
    raw_paragraph(d, '<w:r><w:t>Slut på side et.</w:t><w:br w:type="page"/></w:r>')
    raw_paragraph(d, "<w:r><w:lastRenderedPageBreak/><w:t>Side to.</w:t></w:r>")
    # A page that turns inside a paragraph: the paragraph counts to the page it starts on.
    raw_paragraph(d, "<w:r><w:t>Lang tekst </w:t><w:lastRenderedPageBreak/><w:t>fortsat.</w:t></w:r>")
    d.add_paragraph("Side tre.")
    d.add_paragraph("Side fire.").paragraph_format.page_break_before = True
    d.add_section(WD_SECTION.NEW_PAGE)
    d.add_paragraph("Side fem.")
    d.add_section(WD_SECTION.CONTINUOUS)
    d.add_paragraph("Stadig side fem.")
    src = read(to_bytes(d))
    assert src.text == (
        "Side et.\n\nSlut på side et.\n\nSide to.\n\nLang tekst fortsat.\n\nSide tre.\n\nSide fire.\n\n"
        "Side fem.\n\nStadig side fem."
    )
    assert [page.strip() for page in src.pages()] == [
        "Side et.\n\nSlut på side et.",
        "Side to.\n\nLang tekst fortsat.",
        "Side tre.",
        "Side fire.",
        "Side fem.\n\nStadig side fem.",
    ]


def test_text_after_a_page_break_in_a_paragraph_starts_the_new_page() -> None:
    d = docx.Document()
    raw_paragraph(d, '<w:r><w:t>Før</w:t><w:br w:type="page"/><w:t>Efter</w:t><w:br/><w:t>næste linje</w:t></w:r>')
    src = read(to_bytes(d))
    assert src.text == "Før\n\nEfter\nnæste linje"
    assert src.page_starts == (0, src.text.index("Efter"))


def test_danish_heading_styles_outline_levels_and_numbered_headings() -> None:
    d = docx.Document()
    d.styles.add_style("Overskrift 2", WD_STYLE_TYPE.PARAGRAPH)
    punkt = d.styles.add_style("Punkt", WD_STYLE_TYPE.PARAGRAPH)
    punkt.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="2"/>'))
    add_list(d, 80, [(4, "decimal", "%1."), (1, "decimal", "%1.%2")])
    add_num(d, 801, 80)
    d.add_paragraph("Beslutning", style="Overskrift 2")
    d.add_paragraph("Indstilling", style="Punkt")
    d.add_paragraph("Titel", style="Title")
    for text, ilvl in [("Budget", 0), ("Drift", 1), ("Anlæg", 1), ("Eventuelt", 0)]:
        p = d.add_paragraph(text, style="Heading 1")
        p._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="801"/></w:numPr>')
        )
    numbered(d, "ukendt liste", 999)  # a numId that is not defined: no number
    assert read(to_bytes(d)).text == (
        "## Beslutning\n\n### Indstilling\n\n# Titel\n\n# 4. Budget\n\n# 4.1 Drift\n\n# 4.2 Anlæg\n\n# 5. Eventuelt"
        "\n\nukendt liste"
    )


def test_list_formats_and_style_numbering() -> None:
    d = docx.Document()
    add_list(d, 70, [(1, "upperLetter", "%1."), (3, "bullet", "•"), (1, "lowerRoman", "%3.")])
    add_num(d, 701, 70)
    numbered(d, "Første", 701)
    numbered(d, "prik", 701, 1)
    numbered(d, "romertal", 701, 2)
    numbered(d, "Anden", 701)
    d.add_paragraph("Mellem")
    d.add_paragraph("Et", style="List Number")
    d.add_paragraph("To", style="List Number")
    assert read(to_bytes(d)).text == "A. Første\n  - prik\n    1. romertal\nB. Anden\n\nMellem\n\n1. Et\n2. To"


def test_tables_and_content_controls_keep_body_order() -> None:
    d = docx.Document()
    d.add_paragraph("Før tabellen.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Punkt", "Ansvarlig"
    table.cell(1, 0).text, table.cell(1, 1).text = "Maling af opgang", "Åse"
    merged = d.add_table(rows=1, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Flettet celle"
    merged.cell(0, 2).text = "Sidste"
    d.add_paragraph("Efter tabellen.")
    sdt = f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>I et indholdsfelt</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    d.element.body.sectPr.addprevious(parse_xml(sdt))
    raw_paragraph(d, "<w:del><w:r><w:delText>slettet</w:delText></w:r></w:del><w:r><w:t>beholdt</w:t></w:r>")
    assert read(to_bytes(d)).text == (
        "Før tabellen.\n\nPunkt\tAnsvarlig\nMaling af opgang\tÅse\n\nFlettet celle\tSidste\n\nEfter tabellen."
        "\n\nI et indholdsfelt\n\nbeholdt"
    )


def zip_with(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        with archive.open("word/media/image1.bin", "w", force_zip64=True) as member:
            zeros = bytes(1 << 20)
            for _ in range(201):
                member.write(zeros)
    return out.getvalue()


def corrupt_member(data: bytes) -> bytes:
    """The document part's compressed bytes scrambled; the ZIP directory still intact."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 20
    return data[:start] + bytes(200) + data[start + 200 :]


BAD_FILES = [
    ("tom.docx", lambda: b"", "empty file"),
    (
        "gammel.docx",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
        "an old Word .doc or a password-protected document: save it as .docx or PDF",
    ),
    (
        "noter.docx",
        lambda: "Referat\n\n1. Godkendelse af dagsorden\nMødet godkendte den.".encode(),
        "not a Word document but plain text named .docx: rename it to .txt",
    ),
    (
        "scan.docx",
        lambda: b"%PDF-1.7\n" + bytes(range(256)),
        "not a Word document but a PDF document: give the file its proper extension",
    ),
    (
        "støj.docx",
        lambda: bytes(range(1, 256)) * 4,
        "not a Word document (a .docx is a ZIP archive, this is not): save it again as .docx or PDF",
    ),
    (
        "halv.docx",
        lambda: board_minutes()[:5000],
        "damaged or truncated .docx (its ZIP archive cannot be read): save it again from Word",
    ),
    (
        "regneark.docx",
        lambda: zip_with({"xl/workbook.xml": b"<workbook/>", "[Content_Types].xml": b"<Types/>"}),
        "not a Word document (no word/document.xml inside): save it as .docx or PDF",
    ),
    (
        "bombe.docx",
        zip_bomb,
        "unpacks to 211 MB, over the 200 MB limit (a damaged or hostile file): save it again from Word",
    ),
]


@pytest.mark.parametrize(("name", "make", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_have_plain_reasons(name: str, make: object, reason: str) -> None:
    with pytest.raises(UnreadableFileError) as info:
        read(make(), name)
    assert (info.value.source, info.value.reason) == (name, reason)
    assert str(info.value) == f"{name}: {reason}"


def test_damaged_parts_are_reported_not_raised() -> None:
    with pytest.raises(UnreadableFileError, match=r"^skadet\.docx: damaged DOCX \(.+\): save it again from Word$"):
        read(corrupt_member(board_minutes()), "skadet.docx")
    broken_xml = zip_with({"word/document.xml": b"<w:document><w:body><w:p>", "[Content_Types].xml": b"<Types"})
    with pytest.raises(UnreadableFileError, match=r"^xml\.docx: damaged DOCX \("):
        read(broken_xml, "xml.docx")


def test_document_without_text() -> None:
    d = docx.Document()
    d.add_paragraph("")
    d.add_page_break()
    with pytest.raises(UnreadableFileError) as info:
        read(to_bytes(d), "tom_side.docx")
    assert info.value.reason == "no text in the document (only images or text boxes?): save it as PDF"


def test_a_failing_walk_is_reported_for_that_file_only(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(body: object) -> set[object]:
        raise KeyError("w:sectPr")

    monkeypatch.setattr(docx_format, "section_ends", broken)
    with pytest.raises(UnreadableFileError) as info:
        read(board_minutes(), "fejl.docx")
    assert info.value.reason == "damaged DOCX (KeyError: 'w:sectPr'): save it again from Word"


def test_parse_document_reads_docx() -> None:
    src = read(board_minutes())
    doc = parse_document(src)
    assert doc.passages and all(p.text.strip() for p in doc.passages)
    assert "tak for i aften" in " ".join(p.text for p in doc.passages)
    for p in doc.passages:
        assert 0 <= p.span[0] <= p.span[1] <= len(src.text)
