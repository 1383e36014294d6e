"""Word .docx files: the body's paragraphs and tables, in document order, as lines of text.

The text follows the same block contract as HTML (see ``indexer.formats.blocks``): headings as
``#`` lines, list entries with the number Word shows, table rows as tab-separated cells. Headers
and footers are page furniture and are left out. Page breaks (hard, rendered, section and
"page break before") become ``page_starts``, so citations can name the page.
"""

from __future__ import annotations

import io
import itertools
import zipfile

from indexer.errors import UnreadableFileError
from indexer.formats.blocks import Block, join_blocks
from indexer.formats.docx_numbering import Numbering, Styles, W, w_val
from indexer.formats.plain import describe_other, looks_binary
from indexer.source import SourceText

MAX_UNPACKED_BYTES = 200_000_000
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
HARD, SOFT = object(), object()  # an explicit page break; one Word rendered (wherever the layout broke)
_LIST = object()  # consecutive list paragraphs share a group: they sit on consecutive lines
# Deleted text, field codes, drawings/text boxes (with duplicate fallbacks) and properties are not body text.
_SKIP = frozenset(
    W + t
    for t in "del moveFrom delText instrText drawing pict object pPr rPr sdtPr footnoteReference "
    "endnoteReference commentReference fldData".split()
) | {_MC + "AlternateContent"}


def _on(el: object | None) -> bool:
    """Whether a Word on/off property (w:pageBreakBefore, …) is present and not switched off."""
    return el is not None and w_val(el, "true") not in ("0", "false", "off")


def pieces(el: object) -> list[object]:
    """A paragraph's text pieces in order, with HARD and SOFT where pages break."""
    out: list[object] = []
    for child in el:
        tag = child.tag
        if tag == W + "t":
            out.append(child.text or "")
        elif tag == W + "tab":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append(HARD if child.get(W + "type") == "page" else "\n")
        elif tag == W + "lastRenderedPageBreak":
            out.append(SOFT)
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag not in _SKIP:
            out.extend(pieces(child))
    return out


def tidy_line(text: str) -> str:
    """Spaces collapsed; a Word tab stays one tab, because it separates a label from its value."""
    lines = ("\t".join(p for p in (" ".join(s.split()) for s in line.split("\t")) if p) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _props(p: object) -> tuple[object | None, str | None]:
    p_pr = p.find(W + "pPr")
    return p_pr, (w_val(p_pr.find(W + "pStyle")) if p_pr is not None else None)


def _parts(el: object, name: str) -> list[object]:
    """Children named ``name``, also those wrapped in content controls (w:sdt) or custom XML."""
    out = []
    for child in el:
        if child.tag == W + name:
            out.append(child)
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
            out.extend(_parts(child, name))
    return out


def section_ends(body: object) -> set[object]:
    """Paragraphs that end a section whose successor starts on a new page (Word's default)."""
    sects = [s for s in body.iter(W + "sectPr") if s.getparent().tag in (W + "pPr", W + "body")]
    ends = set()
    for sect, following in itertools.pairwise(sects):
        if sect.getparent().tag == W + "pPr" and w_val(following.find(W + "type"), "nextPage") != "continuous":
            ends.add(sect.getparent().getparent())
    return ends


class _Reader:
    """Walks the body in document order, keeping count of lists and pages."""

    def __init__(self, styles: Styles, numbering: Numbering, ends: set[object]) -> None:
        self.styles, self.numbering, self.section_ends = styles, numbering, ends
        self.blocks: list[Block] = []
        self.pending = 0  # page starts waiting for the next block
        self.page_has_text = False

    def page_break(self, hard: bool) -> None:
        # Word also records a rendered break just after an explicit one: count that page once.
        if hard or (self.pending == 0 and self.page_has_text):
            self.pending += 1
            self.page_has_text = False

    def emit(self, text: str, group: object | None = None) -> None:
        self.blocks.append(Block(text, group, self.pending))
        self.pending = 0
        self.page_has_text = True

    def walk(self, parent: object) -> None:
        for child in parent:
            if child.tag == W + "p":
                self.paragraph(child)
            elif child.tag == W + "tbl":
                self.table(child)
            elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
                self.walk(child)

    def prefix(self, p_pr: object | None, style_id: str | None) -> tuple[str, object | None]:
        """What goes before a paragraph's text ("## " for a heading, "  2. " for a list entry), and its group."""
        num_id, ilvl = self.styles.num_pr(p_pr, style_id)
        marker = self.numbering.marker(num_id, ilvl)
        if level := self.styles.heading(p_pr, style_id):
            return "#" * min(level, 6) + " " + (f"{marker} " if marker else ""), None
        return ("", None) if marker is None else ("  " * ilvl + marker + " ", _LIST)

    def paragraph(self, p: object) -> None:
        p_pr, style_id = _props(p)
        if _on(self.styles.prop(p_pr, style_id, "pageBreakBefore")):
            self.page_break(hard=True)
        prefix, group = self.prefix(p_pr, style_id)
        parts: list[str] = []
        soft_after = emitted = False
        for piece in pieces(p):
            if isinstance(piece, str):
                parts.append(piece)
            elif piece is HARD:  # text after an explicit page break is a new block on the new page
                if self._segment(parts, prefix, group):
                    prefix, group, emitted = "", None, True
                parts = []
                self.page_break(hard=True)
            elif emitted or tidy_line("".join(parts)):
                soft_after = True  # the page turns inside the paragraph: it counts to the page it starts on
            else:
                self.page_break(hard=False)
        self._segment(parts, prefix, group)
        if p in self.section_ends:
            self.page_break(hard=True)
        if soft_after:
            self.page_break(hard=False)

    def _segment(self, parts: list[str], prefix: str, group: object | None) -> bool:
        text = tidy_line("".join(parts))
        if text:
            # A heading or list entry stays on one line; a plain paragraph keeps its line breaks.
            self.emit(prefix + text.replace("\n", " ") if prefix else text, group)
        return bool(text)

    def table(self, tbl: object) -> None:
        """One line per row, cells separated by tabs; a page turning in a row starts the page at the next row."""
        group = object()
        for tr in _parts(tbl, "tr"):
            cells: list[str] = []
            before = after = False
            for tc in _parts(tr, "tc"):
                texts = []
                for p in tc.iter(W + "p"):
                    p_pr, style_id = _props(p)
                    marker = self.numbering.marker(*self.styles.num_pr(p_pr, style_id))
                    words = []
                    for piece in pieces(p):
                        if isinstance(piece, str):
                            words.append(piece)
                        elif cells or texts or "".join(words).strip():
                            after = True
                        else:
                            before = True
                    line = " ".join("".join(words).split())
                    if line:
                        texts.append(f"{marker} {line}" if marker else line)
                if texts:
                    cells.append(" ".join(texts))
            if before:
                self.page_break(hard=False)
            if cells:
                self.emit("\t".join(cells), group)
            if after:
                self.page_break(hard=False)


def check_container(data: bytes, source: str) -> None:
    """Refuse what is not a readable .docx before any XML is parsed, with what to do about it."""
    if not data.strip():
        raise UnreadableFileError(source, "empty file")
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # OLE: a Word 97-2003 file, or an encrypted .docx
        raise UnreadableFileError(source, "an old Word .doc or a password-protected document: save it as .docx or PDF")
    if not data.startswith(b"PK"):
        other = describe_other(data)
        if other:
            reason = f"not a Word document but {other}: give the file its proper extension"
        elif not looks_binary(data):
            reason = "not a Word document but plain text named .docx: rename it to .txt"
        else:
            reason = "not a Word document (a .docx is a ZIP archive, this is not): save it again as .docx or PDF"
        raise UnreadableFileError(source, reason)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise UnreadableFileError(
            source, "damaged or truncated .docx (its ZIP archive cannot be read): save it again from Word"
        ) from exc
    if "word/document.xml" not in {i.filename for i in infos}:
        raise UnreadableFileError(source, "not a Word document (no word/document.xml inside): save it as .docx or PDF")
    # Reading stops at each member's declared size, so the declared total bounds what a zip bomb can unpack.
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableFileError(
            source,
            f"unpacks to {unpacked / 1e6:.0f} MB, over the {MAX_UNPACKED_BYTES / 1e6:.0f} MB limit "
            "(a damaged or hostile file): save it again from Word",
        )


def read_docx(data: bytes, source: str) -> SourceText:
    """The body's text, one block per line; ``page_starts`` when the document has page breaks."""
    import docx

    check_container(data, source)
    try:
        document = docx.Document(io.BytesIO(data))
        styles = Styles(document.styles.element)
        try:
            numbering_root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            numbering_root = None
        body = document.element.body
        reader = _Reader(styles, Numbering(numbering_root, styles), section_ends(body))
        reader.walk(body)
    except Exception as exc:
        if "is not a Word file" in str(exc):  # python-docx: another Office type (e.g. a macro .docm)
            raise UnreadableFileError(source, "not a Word document (another Office type): save it as .docx") from exc
        reason = f"damaged DOCX ({type(exc).__name__}: {exc}): save it again from Word"
        raise UnreadableFileError(source, reason) from exc
    if not reader.blocks:
        raise UnreadableFileError(source, "no text in the document (only images or text boxes?): save it as PDF")
    text, starts = join_blocks(reader.blocks)
    return SourceText(source, text, "docx", page_starts=(0, *starts) if starts else ())
