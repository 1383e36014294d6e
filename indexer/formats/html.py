"""Saved web pages and council-portal exports: the page's blocks as lines of text.

Structure is recognised later, on plain text, so this module only has to keep the
block structure a reader sees: one block per line, headings as Markdown ``#`` lines,
list entries with the number shown, table rows with their cells separated by tabs.
Page chrome (menus, cookie banners, footers) is left out so it is never indexed.
The ``Block`` helpers come from ``blocks.py``, shared with the DOCX reader.
"""

from __future__ import annotations

import re

from indexer.errors import UnreadableFileError
from indexer.formats.blocks import Block, join_blocks, letters, tidy
from indexer.formats.plain import decode_text, describe_other, looks_binary
from indexer.source import SourceText

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.IGNORECASE)
# Browsers read pages labelled Latin-1 or ASCII as Windows-1252 (the WHATWG encoding rules).
_AS_CP1252 = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "windows-1252"})


def decode_html(data: bytes) -> tuple[str, tuple[str, ...]]:
    """A BOM, else the declared <meta> charset, else UTF-8, else cp1252 (with a note)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), ()
    declared = _META_CHARSET.search(data[:16384])
    if declared:
        label = declared.group(1).decode("ascii").lower()
        label = "utf-8" if label.startswith("utf-16") else label  # a <meta> readable as ASCII is not UTF-16
        try:
            return data.decode("cp1252" if label in _AS_CP1252 else label), ()
        except (LookupError, UnicodeDecodeError):
            pass  # unknown label or a wrong declaration: guess as for an undeclared page
    return decode_text(data, "")


_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dt fieldset figcaption figure "
    "footer form header hgroup hr html legend li main nav p section summary tbody td tfoot th thead tr".split()
)
_DROP_TAGS = frozenset(
    "script style noscript template svg iframe button input select textarea nav aside object embed canvas "
    "img head title meta link".split()
)
_DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "search"})
_CHROME_WORDS = ("cookie", "consent", "breadcrumb", "navbar", "menu", "skip", "share", "social")
_TOP_LINKS = frozenset({"til toppen", "til top", "tilbage til toppen", "gå til toppen", "back to top", "top", "toppen"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"\s*(?:punkt\s*)?\d+[.)]?\s*", re.IGNORECASE)


def _has_ancestor(node: object, tags: tuple[str, ...]) -> bool:
    parent = node.parent
    while parent is not None and parent.tag not in tags:
        parent = parent.parent
    return parent is not None


def is_chrome(node: object) -> bool:
    """Whether an element is page furniture rather than the document."""
    tag, attrs = node.tag, node.attributes
    if tag in _DROP_TAGS or "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    if (attrs.get("role") or "").lower() in _DROP_ROLES or _HIDDEN_STYLE.search(attrs.get("style") or ""):
        return True
    if tag in ("header", "footer"):  # the page's banner and footer; an article's own header is content
        return not _has_ancestor(node, ("article", "aside", "main", "nav", "section"))
    if tag == "form":  # ASP.NET portals wrap the whole page in one <form>: keep a form with content
        return node.css_first("main, article, [role=main], h1, h2, h3, table") is None
    names = f"{attrs.get('id') or ''} {attrs.get('class') or ''}".lower()
    if any(word in names for word in _CHROME_WORDS) and tag not in ("html", "body", "main", "article"):
        # A theme's wrapper (e.g. "off-canvas-menu-wrapper") may hold the whole page: keep it then.
        return node.css_first("main, article, [role=main], h1") is None
    href = attrs.get("href") or ""
    return tag == "a" and href.startswith("#") and " ".join(node.text().split()).lower() in _TOP_LINKS


class _Walker:
    """Collects the blocks under an element; inline text gathers until a block element ends it."""

    def __init__(self, depth: int = 0, group: object | None = None) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.depth, self.group = depth, group

    def flush(self) -> None:
        text = tidy("".join(self.parts))
        self.parts.clear()
        if text:
            self.blocks.append(Block(text))

    def walk(self, node: object) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                # Line ends in the HTML source are spaces to a browser; only <br> breaks a line.
                self.parts.append((child.text(deep=False) or "").replace("\r", " ").replace("\n", " "))
            elif tag.startswith("-") or is_chrome(child):
                continue
            elif tag == "br":
                self.parts.append("\n")
            elif tag in _HEADINGS:
                self.flush()
                text = inline_text(child)
                if text:
                    self.blocks.append(Block(f"{'#' * _HEADINGS[tag]} {text}"))
            elif tag in ("ul", "ol", "table", "dl", "pre"):
                self.flush()
                getattr(self, f"_{tag}")(child)
            elif tag in _BLOCK_TAGS:
                self.flush()
                self.walk(child)
                self.flush()
            else:
                starts_block = not "".join(self.parts).strip()
                self.walk(child)
                # "<span>1.</span>Godkendelse" is laid out apart by CSS: keep the item number a word.
                if starts_block and _BARE_NUMBER.fullmatch(child.text()):
                    self.parts.append(" ")

    def _ul(self, node: object) -> None:
        group = self.group or object()
        attrs = node.attributes
        items = [c for c in node.iter() if c.tag == "li" and not is_chrome(c)]
        reverse = "reversed" in attrs and node.tag == "ol"
        number = _int(attrs.get("start"), len(items) if reverse else 1)
        kind = attrs.get("type") or "1"
        for li in items:
            number = _int(li.attributes.get("value"), number)
            if node.tag == "ul":
                marker = "-"
            elif kind in ("a", "A"):
                marker = letters(number) + "."
                marker = marker.upper() if kind == "A" else marker
            else:
                marker = f"{number}."
            self._entry(li, marker, group)
            number += -1 if reverse else 1

    _ol = _ul

    def _entry(self, li: object, marker: str, group: object) -> None:
        """A list entry on one line; its nested lists follow, indented one level more."""
        sub = _Walker(self.depth + 1, group)
        sub.walk(li)
        sub.flush()
        indent = "  " * self.depth
        own = 0
        while own < len(sub.blocks) and sub.blocks[own].group is None:
            own += 1
        text = " ".join(sub.blocks[i].text.replace("\n", " ") for i in range(own))
        if text:
            self.blocks.append(Block(f"{indent}{marker} {text}", group))
        for block in sub.blocks[own:]:
            kept = block if block.group is not None else Block(f"{indent}  {block.text}", group)
            self.blocks.append(kept)

    def _table(self, node: object) -> None:
        if node.css_first("h1, h2, h3, h4, h5, h6") is not None or len(node.css("table")) > 1:
            # A layout table (the whole page in cells) is read as blocks, not as rows.
            for row in _rows(node):
                for cell in _cells(row):
                    self.walk(cell)
                    self.flush()
            return
        group = object()
        for child in node.iter():
            if child.tag == "caption" and (caption := inline_text(child)):
                self.blocks.append(Block(caption))
        for row in _rows(node):
            cells = [inline_text(cell).replace("\t", " ") for cell in _cells(row)]
            if any(cells):
                self.blocks.append(Block("\t".join(c for c in cells if c), group))

    def _dl(self, node: object) -> None:
        """Definition lists often hold header fields (Dato, Sted): one tab-separated row per term."""
        group, rows = object(), []
        for child in node.iter():
            text = inline_text(child) if child.tag in ("dt", "dd") and not is_chrome(child) else ""
            if child.tag == "dt" or (text and not rows):
                rows.append([])
            if text:
                rows[-1].append(text.replace("\t", " "))
        self.blocks.extend(Block("\t".join(row), group) for row in rows if row)

    def _pre(self, node: object) -> None:
        text = tidy(node.text(deep=True))
        if text:
            self.blocks.append(Block(text))


def _int(value: str | None, default: int) -> int:
    try:
        return int((value or "").strip())
    except ValueError:
        return default


def _rows(table: object) -> list[object]:
    """The table's own rows (Lexbor puts them in a <tbody>), not those of tables nested in cells."""
    rows = []
    for child in table.iter():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child.iter() if c.tag == "tr" and not is_chrome(c))
    return [r for r in rows if not is_chrome(r)]


def _cells(row: object) -> list[object]:
    return [c for c in row.iter() if c.tag in ("td", "th") and not is_chrome(c)]


def inline_text(node: object) -> str:
    """All the text under an element as one line: paragraphs, line breaks and list entries joined by spaces."""
    return " ".join(" ".join(b.text.split()) for b in page_blocks(node))


def page_blocks(node: object) -> list[Block]:
    walker = _Walker()
    walker.walk(node)
    walker.flush()
    return walker.blocks


def _substantial(blocks: list[Block]) -> bool:
    return sum(len(b.text) for b in blocks) >= 200


def content_blocks(tree: object) -> list[Block]:
    """The main content's blocks: <main> or one <article> when they hold the text, else the body."""
    for node in tree.css("main, [role=main]"):
        if not is_chrome(node) and _substantial(blocks := page_blocks(node)):
            return blocks
    articles = [page_blocks(a) for a in tree.css("article") if not _has_ancestor(a, ("article",))]
    substantial = [blocks for blocks in articles if _substantial(blocks)]
    if len(substantial) == 1:  # several: a list of posts, read the whole page
        return substantial[0]
    return page_blocks(tree.body) if tree.body is not None else []


def read_html(data: bytes, source: str) -> SourceText:
    """The page's text, one block per line (see the module docstring)."""
    from selectolax.lexbor import LexborHTMLParser

    if not data.strip():
        raise UnreadableFileError(source, "empty file")
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")) and looks_binary(data):
        other = describe_other(data) or "binary data"
        raise UnreadableFileError(source, f"not an HTML page: {other}: save the page as .html, or rename the file")
    text, notes = decode_html(data)
    try:
        tree = LexborHTMLParser(text)
        blocks = content_blocks(tree)
        title_node = tree.css_first("title")
        title = " ".join(title_node.text().split()) if title_node is not None else ""
    except RecursionError as exc:
        raise UnreadableFileError(source, "damaged HTML (elements nested too deeply): save the page as PDF") from exc
    except Exception as exc:
        raise UnreadableFileError(source, f"damaged HTML ({type(exc).__name__}: {exc}): save the page as PDF") from exc
    if not blocks:
        raise UnreadableFileError(
            source, "no text in the page (it may be filled in by JavaScript): save it as PDF or as text"
        )
    # The <title> often names the meeting and its date; it heads the text when the body has no title of its own.
    if title and not any(b.text.startswith("# ") for b in blocks):
        blocks.insert(0, Block(f"# {title}"))
    body, _ = join_blocks(blocks)
    return SourceText(source, body, "html", notes=notes)
