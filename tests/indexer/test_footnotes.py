"""Page footnotes: a block of them is a section of its own, not part of the text around it."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.formats import read_file
from indexer.layout.footnotes import footnote_blocks
from indexer.parse import ParsedDocument, parse_document
from tests.conftest import CORPUS, DATA, PDFS


def parse(path: Path) -> ParsedDocument:
    return parse_document(read_file(path, path.name, max_bytes=10**8, pdf_timeout_s=30, pdf_memory_mb=1024))


@pytest.mark.parametrize("path", [CORPUS / "003_19692c500b0e1c7c.txt", PDFS / "003_19692c500b0e1c7c.pdf"])
def test_a_tables_footnotes_leave_the_referat(path: Path) -> None:
    item = [p for p in parse(path).passages if p.item_number == 4]
    notes = " ".join(p.text for p in item if p.section == "Fodnoter")
    # Both pages' blocks (1-4 beside the table, 5-8 after the Referat), the wrapped line too.
    assert "lønomkostninger" in notes and "Husleje 850 kr. pr. m2" in notes and "deltagerbeta" in notes
    assert all(p.role == "notes" for p in item if p.section == "Fodnoter")
    referat = " ".join(p.text for p in item if p.section == "Referat")
    assert "budgetoverførelse fra sundhedsområdet" in referat and "Beløbet" not in referat
    # The table goes on after the first block, in the section it began in.
    assert any("Samlede udgifter i alt" in p.text for p in item if p.section is None)


def test_no_footnotes_where_there_are_none() -> None:
    files = [*CORPUS.glob("*.txt"), *(DATA / "layouts").glob("*.*"), *(DATA / "realdev").glob("*.*")]
    for path in (p for p in files if p.suffix in (".txt", ".pdf", ".html", ".md")):
        if path.name.startswith("003_"):
            continue
        assert not any(p.section == "Fodnoter" for p in parse(path).passages), path.name


def test_a_numbered_list_without_citations_is_not_a_footnote_block() -> None:
    listed = "Punkter:\n1\n Budget\n2\n Regnskab\n3\n Valg\n"
    assert footnote_blocks(listed, 0, len(listed)) == []
    cited = "Løn1 100 og kørsel2 20.\n1 Beløbet er løn.\n2 Kørsel til\nmøder.\nNæste afsnit"
    ((a, b),) = footnote_blocks(cited, 0, len(cited))
    assert cited[a:b] == "1 Beløbet er løn.\n2 Kørsel til\nmøder."
