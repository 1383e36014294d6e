"""Word's paragraph styles (basedOn chains, headings, list membership) and list numbering."""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.formats.blocks import letters

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"(?:heading|overskrift)\s*([1-9])")


def w_val(el: object | None, default: str | None = None) -> str | None:
    """An element's w:val attribute; ``default`` when the element or the attribute is absent."""
    return default if el is None else el.get(W + "val", default)


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


def _level(lvl: object) -> Level:
    text = lvl.find(W + "lvlText")
    return Level(
        int(w_val(lvl.find(W + "start"), "1") or 1),
        w_val(lvl.find(W + "numFmt"), "decimal") or "decimal",
        w_val(text, "") if text is not None else "%1.",
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
            if (link := w_val(abstract.find(W + "numStyleLink"))) is not None:
                links[key] = link
        for num in root.iter(W + "num"):
            key = w_val(num.find(W + "abstractNumId"), "")
            starts = {}
            for override in num.iter(W + "lvlOverride"):
                ilvl = int(override.get(W + "ilvl", "0"))
                if (start := w_val(override.find(W + "startOverride"))) is not None:
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
            style_id = w_val(self.by_id[style_id].find(W + "basedOn"))
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
                num_id = num_id if num_id is not None else w_val(num_pr.find(W + "numId"))
                ilvl = ilvl if ilvl is not None else w_val(num_pr.find(W + "ilvl"))
        return (None if num_id in (None, "0") else num_id), int(ilvl or 0)

    def heading(self, p_pr: object | None, style_id: str | None) -> int:
        """Heading level from the style's name (Heading N, Overskrift N, Title, Titel) or outline level."""
        for style in self.chain(style_id):
            for name in (w_val(style.find(W + "name"), ""), style.get(W + "styleId", "")):
                name = name.lower()
                if name in ("title", "titel"):
                    return 1
                if match := _HEADING_NAME.fullmatch(name):
                    return int(match[1])
        outline = w_val(self.prop(p_pr, style_id, "outlineLvl"))
        return int(outline) + 1 if outline and outline.isdigit() and int(outline) < 6 else 0
