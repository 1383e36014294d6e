"""Text clean-up shared by every format, keeping a map back to source offsets.

Minutes copied out of PDFs carry line-break hyphenation ("stør-\\nrelse"), trailing
blanks, soft hyphens and non-breaking spaces. ``normalize`` repairs those and returns,
for every character of the clean text, its offset in the source, so that a passage can
cite the exact span of the file it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words after which a line-final hyphen is a real, suspended compound ("Børne- og unge").
_SUSPENDED_NEXT = frozenset({"og", "eller", "samt", "til", "som", "and", "or"})

# Characters that print nothing: soft hyphen, byte-order mark, zero-width space.
_INVISIBLE = "\u00ad\ufeff\u200b"

_EDITS = re.compile(
    r"(?P<crlf>\r\n?)"
    rf"|(?P<drop>[{_INVISIBLE}])"
    r"|(?P<space>[\xa0\u2007\u202f])"
    r"|(?P<bullet>[\uf0b7\uf0a7\uf0d8\uf076])"
    r"|(?P<ff>\f)"
    r"|(?P<trail>[ \t]+(?=\n|\r|\Z))"
    # A word broken at a line end; text copied out of PDFs may put a blank line between.
    r"|(?P<hyph>(?P<prev>[^\W\d_]+)-[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*(?P<next>[a-zæøåäöüé]+))"
)


def has_visible_text(text: str) -> bool:
    """Whether ``text`` holds anything but blanks and characters that print nothing."""
    return bool(text.translate({ord(c): None for c in _INVISIBLE}).strip())


@dataclass(frozen=True)
class CleanText:
    """Normalised text plus ``offsets[i]`` = source offset of ``text[i]``."""

    text: str
    offsets: tuple[int, ...]
    source_length: int

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the clean text back to a span of the source text."""
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else self.source_length
            return (pos, pos)
        return (self.offsets[start], self.offsets[end - 1] + 1)


def _join_hyphenated(m: re.Match[str]) -> list[tuple[str, int]]:
    prev, nxt = m.group("prev"), m.group("next")
    p0, n0 = m.start("prev"), m.start("next")
    hyphen = m.start("prev") + len(prev)
    out = [(c, p0 + i) for i, c in enumerate(prev)]
    if nxt in _SUSPENDED_NEXT:
        out += [("-", hyphen), (" ", hyphen + 1)]
    elif (len(prev) >= 2 and prev.isupper()) or len(prev) == 1:
        # An acronym compound ("KKR-sekretariatet") or a letter prefix ("p-huse", "e-mail").
        out.append(("-", hyphen))
    out += [(c, n0 + i) for i, c in enumerate(nxt)]
    return out


def _without(source: str, drop: tuple[tuple[int, int], ...]) -> tuple[str, list[int] | None]:
    """``source`` with the ``drop`` spans cut out, and the source offset of each character left."""
    if not drop:
        return source, None
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for start, end in sorted(drop):
        if start > pos:
            parts.append(source[pos:start])
            offsets.extend(range(pos, start))
        pos = max(pos, end)
    parts.append(source[pos:])
    offsets.extend(range(pos, len(source)))
    return "".join(parts), offsets


def normalize(source: str, drop: tuple[tuple[int, int], ...] = ()) -> CleanText:
    """Leave out the ``drop`` spans (page furniture), repair hyphenation and whitespace;
    keep offsets back into ``source``."""
    kept, base = _without(source, drop)
    clean = _normalize(kept, len(source))
    if base is None:
        return clean
    return CleanText(clean.text, tuple(base[o] for o in clean.offsets), len(source))


def _normalize(source: str, source_length: int) -> CleanText:
    chars: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _EDITS.finditer(source):
        chars.append(source[pos : m.start()])
        offsets.extend(range(pos, m.start()))
        kind = "hyph" if m.group("hyph") is not None else m.lastgroup
        if kind in ("crlf", "ff"):
            chars.append("\n")
            offsets.append(m.start())
        elif kind == "space":
            chars.append(" ")
            offsets.append(m.start())
        elif kind == "bullet":  # symbol-font bullets from PDFs
            chars.append("•")
            offsets.append(m.start())
        elif kind == "hyph":
            for c, off in _join_hyphenated(m):
                chars.append(c)
                offsets.append(off)
        pos = m.end()
    chars.append(source[pos:])
    offsets.extend(range(pos, len(source)))
    return CleanText("".join(chars), tuple(offsets), source_length)


def dehyphenate(text: str) -> str:
    """The hyphenation repair alone, for text without offsets (queries, evaluation)."""
    return normalize(text).text


def collapse_whitespace(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
