"""Where a meeting was held, when its header writes no »Sted:« label.

From the header's first lines (``header._title_lines``): after its time (»kl. 19.00 i
Klubhuset«, »klokka 13 på Klosterøya«), in a sentence saying so (»Mødet foregik i
lokalrådslokalet ved skolen«), on a line of its own (»i Byrådssalen«, »Hos Domea, …«), a room by
its name (»Skovboskolen, mødelokale K2«) or a street address with its postcode.
"""

from __future__ import annotations

import re

from indexer.dates import find_dates

# (»Kl. 1330 i Karlslunde Idrætscenter«: the minutes' point may be left out.)
_TIME = r"\b(?:kl\.?|klokka|klokken|klockan)\s*\d{1,2}(?:[.:]?\d\d)?(?:\s*[-–]\s*\d{1,2}(?:[.:]?\d\d)?)?"
_PLACE_AFTER = re.compile(rf"{_TIME}\s*(?:,|på|i|hos|-|–)\s+(?P<place>.+)$", re.IGNORECASE)
_PLACE_AFTER_DATE = re.compile(r"\b(?:den|d\.)?\s*\d{1,2}\.\s*[a-zæøå]+\s+\d{4}\s+på\s+(?P<place>[A-ZÆØÅ][^.\n]{2,80})")
# »Mødet foregik i lokalrådslokalet ved skolen i Ørslev.«, »Møtet ble holdt på …«, »Mötet hölls i …«.
_PLACE_SAID = re.compile(
    r"\b(?:mødet|møtet|mötet)\s+(?:foregik|foregår|(?:blev|ble|bliver|vil\s+blive)\s+(?:af)?holdt|afholdtes|"
    r"holdtes|fandt\s+sted|finder\s+sted|hölls|ägde\s+rum)\s+(?:i|på|hos)\s+(?P<place>[^.\n]{3,80})",
    re.IGNORECASE,
)
_PLACE_LINE = re.compile(r"^\s*(?i:i|på|hos)\s+(?P<place>[A-ZÆØÅ].{2,80}?)\s*\.?\s*$")
# A room, by the words that end its name (»mødelokale K2«, »Kommunalbestyrelsens mødesal«,
# »Byrådssalen«, »Søhusskolens kantine«): where a header names the venue without a label.
# (»rum« and »sal« only after »møde«, »byråds« …: »Socialdirektørforum« ends in »rum« too; no bare
# »lokale«: it means »local« as well.)
_ROOM = (
    r"[\w-]*(?:møde|konference|bestyrelses|byråds)(?:lokale|lokalet|sal|salen|rum|rummet)"
    r"|[\w-]*(?:salen|kantine|kantinen|rådhus|rådhuset)"
)
# A line of its own that names a room: »Skovboskolen, mødelokale K2«.
_ROOM_LINE = re.compile(rf"^(?P<place>[A-ZÆØÅ][^.:;!?]{{0,60}}\b(?i:{_ROOM})\b[^.:;!?]{{0,20}}?)\.?$")
# A room named in a line that says more: »… Kl i Kommunalbestyrelsens mødesal REFERAT …«.
_ROOM_IN_LINE = re.compile(rf"\b(?:i|på)\s+(?P<place>(?:[A-ZÆØÅ][\w-]*\s+){{0,3}}(?i:{_ROOM})\b(?:\s+[A-ZÆØÅ]?\d+\b)?)")
# A street address with its postcode and town (»Scandiagade 13, 2450 København SV«): where a
# header whose time lost its figures (»kl Scandiagade 13, …«) still says where.
_ADDRESS = re.compile(
    r"(?P<place>(?:[A-ZÆØÅ][\w.-]*\s+){0,3}[A-ZÆØÅ][\w.-]*\s+\d{1,3}[A-Za-z]?,\s*\d{4}\s+[A-ZÆØÅ][\w-]+(?:\s+[A-ZØ]{1,2}\b)?)"
)
# Lines read for a line of its own, a room or an address: the title block, not the text after.
_OWN_LINES = 8


def _joined(lines: list[str]) -> list[str]:
    """A line that breaks off after »i«/»på«/»hos« joined to the next: »… kl. 17.30 i« /
    »Bredstrup-Pjedsted Hallen«."""
    out: list[str] = []
    for line in lines:
        if out and re.search(r"\b(?:i|på|hos)$", out[-1], re.IGNORECASE):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def find_place(lines: list[str]) -> str | None:
    """The venue the header's first ``lines`` name, or None."""
    lines = _joined(lines)
    for line in lines:
        m = _PLACE_AFTER.search(line)
        if m and not re.match(r"^\d", m["place"]):
            return m["place"].strip(" ,.")
        m = _PLACE_AFTER_DATE.search(line) or _PLACE_SAID.search(line)
        if m:
            return m["place"].strip(" ,.")
    for line in lines[:_OWN_LINES]:
        m = _PLACE_LINE.match(line)
        if m:
            return m["place"].strip(" ,.")
    for line in lines[:_OWN_LINES]:
        m = _ROOM_LINE.match(line) if len(line.split()) <= 8 and not find_dates(line) else None
        m = m or _ROOM_IN_LINE.search(line) or _ADDRESS.search(line)
        if m:
            return m["place"].strip(" ,.")
    return None
