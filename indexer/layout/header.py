"""The meeting header: committee, date, time, place, participants, absent, case numbers.

Headers come as "Label value" lines, tab-separated cells, Markdown table rows, or
a label on its own line with the value below ("UDVALG" / "Socialdirektørforum"); values
wrap onto following lines. Everything before the first agenda item counts as header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.dates import find_dates, parse_times

# Label -> field. Longer labels first so "Sagsnr./Dok.nr." wins over "Sagsnr.".
_LABELS: dict[str, str] = {
    "sagsnr./dok.nr.": "case_numbers",
    "sagsnr.": "case_numbers",
    "sagsnr": "case_numbers",
    "dok.nr.": "case_numbers",
    "udvalg": "committee",
    "møde": "meeting",
    "mødeforum": "committee",
    "forum": "committee",
    "tid": "time",
    "dato": "time",
    "mødedato": "time",
    "tidspunkt": "time",
    "starttidspunkt": "time",
    "sluttidspunkt": "end",
    "sted": "place",
    "mødested": "place",
    "deltagere": "participants",
    "til stede": "participants",
    "fremmødte": "participants",
    "afbud": "absent",
    "fraværende": "absent",
}
_LABEL_ALT = "|".join(re.escape(k) for k in sorted(_LABELS, key=len, reverse=True))
_LABEL_LINE = re.compile(rf"^\s*(?P<label>{_LABEL_ALT})\s*(?::\s*|\t+|\s+|$)(?P<value>.*)$", re.I)
_PUBLISHED = re.compile(r"\b(udgivet|publiceret|offentliggjort|opdateret|printet)\b", re.I)
_REF_SUFFIX = re.compile(r"\s*/\s*ref\.?\s*$", re.I)

# Alias -> the body it stands for. Filtering uses the body; display uses what was written.
BODY_ALIASES: dict[str, str] = {
    "socdir": "Socialdirektørkredsen",
    "socialdirektørkredsen": "Socialdirektørkredsen",
    "das": "Den Administrative Styregruppe",
    "den administrative styregruppe": "Den Administrative Styregruppe",
}


def canonical_body(name: str | None) -> str | None:
    """The body a committee name or abbreviation stands for ("SOCDIR" -> Socialdirektørkredsen)."""
    if not name:
        return None
    key = re.sub(r"\s+", " ", name).strip().casefold()
    if key in BODY_ALIASES:
        return BODY_ALIASES[key]
    for alias, body in BODY_ALIASES.items():
        if len(alias) > 6 and key.startswith(alias):
            return body  # "Den Administrative Styregruppe på socialområdet"
    return re.sub(r"\s+", " ", name).strip()


@dataclass(frozen=True)
class Header:
    committee: str | None = None
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    case_numbers: str | None = None
    notes: tuple[str, ...] = field(default=())


def _cells(line: str) -> list[str]:
    """Split a table row (Markdown pipes or tabs) into its non-empty cells."""
    if line.strip().startswith("|"):
        parts = line.strip().strip("|").split("|")
    elif "\t" in line:
        parts = line.split("\t")
    else:
        return [line]
    return [p.strip() for p in parts if p.strip()]


def _fields(lines: list[str]) -> dict[str, str]:
    """Collect label -> value, joining wrapped value lines and label-above-value layouts."""
    values: dict[str, str] = {}
    current: str | None = None
    for raw in lines:
        cells = _cells(raw)
        line = " ".join(cells).strip()
        if not line or set(line) <= set("-|: "):
            if current and values.get(current):
                current = None  # a blank line ends a wrapped value
            continue
        m = _LABEL_LINE.match(cells[0] if len(cells) > 1 else line)
        if m:
            name = _LABELS[m["label"].casefold()]
            value = " ".join(cells[1:]) if len(cells) > 1 else m["value"]
            if name in values and name != "meeting":
                current = None
                continue  # the first occurrence wins ("Møde" also titles web exports)
            values[name] = value.strip()
            current = name
        elif current:
            values[current] = f"{values[current]} {line}".strip()
    return values


def split_names(value: str) -> tuple[str, ...]:
    """ "A, B (formand, X Kommune), C og D/ref." -> ("A", "B (formand, X Kommune)", "C", "D")."""
    names, depth, buf = [], 0, ""
    i = 0
    while i < len(value):
        ch = value[i]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0 and (ch in ",;" or value.startswith(" og ", i)):
            names.append(buf)
            buf = ""
            i += 4 if ch == " " else 1
            continue
        buf += ch
        i += 1
    names.append(buf)
    cleaned = (_REF_SUFFIX.sub("", n).strip(" .\t") for n in names)
    return tuple(n for n in cleaned if n)


def _meeting_committee(value: str) -> str | None:
    """ "Møde i Socialdirektørforum den 20. maj 2015" -> "Socialdirektørforum"."""
    value = re.sub(r"^\s*i\s+", "", value, flags=re.I)
    value = re.split(r"\s+(?:den|d\.)\s+\d", value)[0]
    return value.strip(" ,.") or None


def parse_header(text: str) -> Header:
    """Read the header fields from the text before the first agenda item."""
    values = _fields(text.splitlines())
    committee = values.get("committee") or None
    if not committee and values.get("meeting"):
        committee = _meeting_committee(values["meeting"])
    notes: list[str] = []
    when = values.get("time", "")
    dates = find_dates(when)
    if not dates:
        # No labelled time: take the first date in the header that is not a
        # publication stamp ("Udgivet 26.05.2015" is not the meeting date).
        for d, (start, _) in find_dates(text):
            if not _PUBLISHED.search(text[max(0, start - 30) : start]):
                dates = [(d, (start, start))]
                break
    if not dates:
        notes.append("no meeting date found in the header")
    start_time, end_time = parse_times(when)
    if values.get("end"):
        end_time = parse_times(values["end"])[0] or end_time
    return Header(
        committee=committee,
        date=dates[0][0].isoformat() if dates else None,
        start_time=start_time,
        end_time=end_time,
        place=values.get("place") or None,
        participants=split_names(values.get("participants", "")),
        absent=split_names(values.get("absent", "")),
        case_numbers=values.get("case_numbers") or None,
        notes=tuple(notes),
    )
