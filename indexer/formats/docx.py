"""Word .docx files: the body's paragraphs and tables, in document order, as lines of text.

The text follows the same block contract as HTML (see ``indexer.formats.html``): headings as
``#`` lines, list entries with the number Word shows, table rows as tab-separated cells. Headers
and footers are page furniture and are left out. Page breaks (hard, rendered, section and
"page break before") become ``page_starts``, so citations can name the page.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from dataclasses import dataclass

from indexer.errors import UnreadableFileError
from indexer.formats.html import Block, join_blocks, letters
from indexer.formats.plain import describe_other, looks_binary
from indexer.source import SourceText

MAX_UNPACKED_BYTES = 200_000_000
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
HARD, SOFT = object(), object()  # an explicit page break; one Word rendered (wherever the layout broke)
_LIST = object()  # consecutive list paragraphs share a group: they sit on consecutive lines
# Deleted text, field codes, drawings/text boxes (with duplicate fallbacks) and properties are not body text.
_SKIP = frozenset(
    W + t
    for t in "del moveFrom delText instrText drawing pict object pPr rPr sdtPr footnoteReference "
    "endnoteReference commentReference fldData".split()
) | {_MC + "AlternateContent"}
_HEADING_NAME = re.compile(r"(?:heading|overskrift)\s*([1-9])")


def _val(el: object | None, default: str | None = None) -> str | None:
    return default if el is None else el.get(W + "val", default)


def _on(el: object | None) -> bool:
    """Whether a Word on/off property (w:pageBreakBefore, …) is present and not switched off."""
    return el is not None and _val(el, "true") not in ("0", "false", "off")


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


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


def _level(lvl: object) -> Level:
    text = lvl.find(W + "lvlText")
    return Level(
        int(_val(lvl.find(W + "start"), "1") or 1),
        _val(lvl.find(W + "numFmt"), "decimal") or "decimal",
        _val(text, "") if text is not None else "%1.",
    )


def _number(n: int, fmt: str) -> str:
    return {"lowerLetter": letters(n), "upperLetter": letters(n).upper()}.get(fmt, str(n))


class Numbering:
    """Word's list numbers. Counters belong to the abstract list, as in Word: two w:num instances of
    one abstract list continue each other unless a startOverride restarts them."""

    def __init__(self, root: object | None, styles: Styles) -> None:
        self.levels: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        links: dict[str, str] = {}
        for abstract in root.iter(W + "abstractNum"):
            key = abstract.get(W + "abstractNumId")
            self.levels[key] = {int(lvl.get(W + "ilvl", "0")): _level(lvl) for lvl in abstract.iter(W + "lvl")}
            if (link := _val(abstract.find(W + "numStyleLink"))) is not None:
                links[key] = link
        for num in root.iter(W + "num"):
            key = _val(num.find(W + "abstractNumId"), "")
            starts = {}
            for override in num.iter(W + "lvlOverride"):
                ilvl = int(override.get(W + "ilvl", "0"))
                if (start := _val(override.find(W + "startOverride"))) is not None:
                    starts[ilvl] = int(start)
                if (lvl := override.find(W + "lvl")) is not None:
                    self.levels[key] = {**self.levels.get(key, {}), ilvl: _level(lvl)}
            self.nums[num.get(W + "numId")] = (key, starts)
        for key, style_id in links.items():  # a list defined by a numbering style: use that style's levels
            target = self.nums.get(styles.num_pr(None, style_id)[0] or "")
            if target and target[0] in self.levels:
                self.levels[key] = self.levels[target[0]]

    def marker(self, num_id: str | None, ilvl: int) -> str | None:
        """The number (or bullet) Word shows for the next paragraph of this list, counted."""
        if num_id is None or num_id not in self.nums:
            return None
        key, starts = self.nums[num_id]
        levels, counters = self.levels.get(key, {}), self.counters.setdefault(key, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in starts.items():
                counters[lvl] = start - 1
        level = levels.get(ilvl, Level())
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:  # a new entry restarts the levels below it
            del counters[deeper]
        if level.fmt == "bullet":
            return "-"
        refs = set(re.findall(r"%([1-9])", level.text))
        if level.fmt == "none" or not refs:
            return level.text.strip() or None
        if len(refs) > 1:  # "%1.%2." shows the whole path, e.g. 2.1.
            count = lambda m: counters.get(int(m[1]) - 1, levels.get(int(m[1]) - 1, Level()).start)  # noqa: E731
            return re.sub(r"%([1-9])", lambda m: _number(count(m), levels.get(int(m[1]) - 1, Level()).fmt), level.text)
        n = counters[ilvl]
        return {"lowerLetter": f"{letters(n)})", "upperLetter": f"{letters(n).upper()}."}.get(level.fmt, f"{n}.")


class Styles:
    """Paragraph styles by id, with their basedOn chains."""

    def __init__(self, root: object) -> None:
        self.by_id = {s.get(W + "styleId"): s for s in root.iter(W + "style")}
        defaults = [
            s for s in self.by_id.values() if s.get(W + "type") == "paragraph" and s.get(W + "default") in ("1", "true")
        ]
        self.default = defaults[0].get(W + "styleId") if defaults else None

    def chain(self, style_id: str | None) -> list[object]:
        out, seen = [], set()
        style_id = style_id or self.default
        while style_id in self.by_id and style_id not in seen and len(out) < 20:
            seen.add(style_id)
            out.append(self.by_id[style_id])
            style_id = _val(self.by_id[style_id].find(W + "basedOn"))
        return out

    def prop(self, p_pr: object | None, style_id: str | None, name: str) -> object | None:
        """A paragraph property set on the paragraph, else the nearest in its style chain."""
        for owner in [p_pr, *(s.find(W + "pPr") for s in self.chain(style_id))]:
            if owner is not None and (el := owner.find(W + name)) is not None:
                return el
        return None

    def num_pr(self, p_pr: object | None, style_id: str | None) -> tuple[str | None, int]:
        """(numId, level) of a list paragraph; its own w:numPr overrides its style's, part by part."""
        num_id = ilvl = None
        for owner in [p_pr, *(s.find(W + "pPr") for s in self.chain(style_id))]:
            num_pr = owner.find(W + "numPr") if owner is not None else None
            if num_pr is not None:
                num_id = num_id if num_id is not None else _val(num_pr.find(W + "numId"))
                ilvl = ilvl if ilvl is not None else _val(num_pr.find(W + "ilvl"))
        return (None if num_id in (None, "0") else num_id), int(ilvl or 0)

    def heading(self, p_pr: object | None, style_id: str | None) -> int:
        """Heading level from the style's name (Heading N, Overskrift N, Title, Titel) or outline level."""
        for style in self.chain(style_id):
            for name in (_val(style.find(W + "name"), ""), style.get(W + "styleId", "")):
                name = name.lower()
                if name in ("title", "titel"):
                    return 1
                if match := _HEADING_NAME.fullmatch(name):
                    return int(match[1])
        outline = _val(self.prop(p_pr, style_id, "outlineLvl"))
        return int(outline) + 1 if outline and outline.isdigit() and int(outline) < 6 else 0


def _props(p: object) -> tuple[object | None, str | None]:
    p_pr = p.find(W + "pPr")
    return p_pr, (_val(p_pr.find(W + "pStyle")) if p_pr is not None else None)


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
        if sect.getparent().tag == W + "pPr" and _val(following.find(W + "type"), "nextPage") != "continuous":
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
