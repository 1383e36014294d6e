"""Labelled header fields: "Dato: 10-10-2023", "Tid<TAB>…", "| Møde | SOCDIR |", "UDVALG" above its value.

Labels may stand at a line's start (followed by a colon, a tab, a space or nothing, the
value then being on the following lines), or in the middle of a run-together line when a
colon follows them ("… Lillesøvej Dato: 20. september 2023 Deltagere: Jan, Elsebeth …").
A line of labels only ("Datum Plats") is a table's header row: the next line holds the values.
"""

from __future__ import annotations

import re

# Label -> field. Danish first; Norwegian, Swedish and English forms of the same fields after.
LABELS: dict[str, str] = {
    "sagsnr./dok.nr.": "case_numbers", "sagsnr.": "case_numbers", "sagsnr": "case_numbers",
    "dok.nr.": "case_numbers", "journalnr.": "case_numbers",
    "udvalg": "committee", "utvalg": "committee", "mødeforum": "committee", "forum": "committee",
    "mötesform": "committee", "organ": "committee", "møde": "meeting", "møte": "meeting",
    "tid": "time", "dato": "time", "mødedato": "time", "møtedato": "time", "datum": "time", "tidspunkt": "time",
    "mødetidspunkt": "time", "starttidspunkt": "time", "mødestart": "time", "dato og tid": "time",
    "tid og sted": "time", "møtetid": "time", "klokkeslæt": "time",
    "sluttidspunkt": "end", "mødeslut": "end", "sluttid": "end",
    "sted": "place", "mødested": "place", "møtested": "place", "lokale": "place", "mødelokale": "place",
    "plats": "place", "lokation": "place", "adresse": "place",
    "deltagere": "participants", "til stede": "participants", "tilstede": "participants",
    "til stede var": "participants", "tilstede var": "participants", "fremmødte": "participants",
    "mødedeltagere": "participants", "deltog": "participants", "medlemmer": "participants",
    "närvarande": "participants", "møtende medlemmer": "participants", "tilstedeværende": "participants",
    "deltagere i mødet": "participants", "deltager": "participants", "til stede fra": "participants",
    "fremmødt": "participants", "mødt": "participants", "mødt var": "participants", "fremmødt var": "participants",
    "møtt": "participants", "frammøtte": "participants", "deltakere": "participants",
    "närvarande medlemmar": "participants", "närvarande ledamöter": "participants", "til stades": "participants",
    "närvarande styrelseledamöter": "participants", "frånvarande styrelseledamöter": "absent",
    "følgende deltog": "participants", "følgende deltog på mødet": "participants",
    "fraværende med afbud": "absent", "uden afbud": "absent", "møteleiar": "role",
    "afbud": "absent", "fraværende": "absent", "forfall": "absent", "frånvarande": "absent",
    "afbud fra": "absent", "meldt afbud": "absent", "ikke til stede": "absent", "ikke mødt": "absent",
    "referent": "role", "ordstyrer": "role", "dirigent": "role", "mødeleder": "role", "sekretær": "role",
    "protokolfører": "role", "mødeleder og referent": "role", "møteleder": "role", "sekreterare": "role",
    "bemærkninger": "other", "bemærkning": "other", "dagsorden": "other", "emne": "other", "kopi til": "other",
    "spørgetid": "other", "gæster": "other", "indkaldte": "other", "punkter": "other",
    "desuden deltog": "other", "varamedlemmer": "other", "fra administrationen": "other",
    "fra administrasjonen": "other", "observatører": "other", "ikke medlemmer": "other",
    # English minutes (an international association, a company's board).
    "date": "time", "time": "time", "date and time": "time", "place": "place", "venue": "place",
    "location": "place", "present": "participants", "attendees": "participants", "attending": "participants",
    "participants": "participants", "in attendance": "participants", "those attending": "participants",
    "those present": "participants", "ej närvarande": "absent", "icke närvarande": "absent",
    "members present": "participants",
    "apologies": "absent", "absent": "absent", "apologies for absence": "absent",
    "chair": "role", "secretary": "role", "minutes taken by": "role",
}  # fmt: skip
# Every label, longest first, as a regular-expression alternation (for readers of labelled text
# elsewhere: ``retrieval.sentences`` cuts a flattened header at them).
LABEL_ALTERNATION = "|".join(re.escape(k) for k in sorted(LABELS, key=len, reverse=True))
_ALT = LABEL_ALTERNATION
# A label may be set in bold (Markdown): »**Sted**: Virtuel«, »**Tid:** 12.03.2024«.
_BOLD = r"(?:\*\*|__)?"
_AT_START = re.compile(
    rf"^\s*{_BOLD}(?P<label>{_ALT}){_BOLD}\s*(?::\s*{_BOLD}\s*|\t+|\s+|$)(?P<value>.*)$", re.IGNORECASE
)
# Mid-line after a space, or glued to the text before it in a web export (»… 5. december
# 2013Deltagere:«, »… Afdelingsleder, VestboFraværende:«): a capital after a small letter or digit.
_MID_LINE = re.compile(rf"(?:(?<=\s)|(?<=[a-zæøå\d])(?=(?-i:[A-ZÆØÅ])))(?P<label>{_ALT}):(?=\s|$)", re.IGNORECASE)
# A table's label cell glued to its value in a web export (»DeltagereSine Kamstrup, …«, »StedSkolen«):
# a capital right after the label's last small letter.
_GLUED_START = re.compile(rf"^\s*(?=[A-ZÆØÅ])(?P<label>(?i:{_ALT}))(?<=[a-zæøå])(?=[A-ZÆØÅ])(?P<value>.*)$")
_ONLY_LABELS = re.compile(rf"^\s*(?:{_ALT})\s*:?(?:\s+(?:{_ALT})\s*:?){{1,3}}\s*$", re.IGNORECASE)
_DATE_TIME = re.compile(
    r"^\s*(?P<when>(?:\d{4}-\d\d-\d\d|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.?\s+[a-zæøå]+\.?\s+\d{4})"
    r"(?:,?\s*(?:kl\.?\s*)?\d{1,2}[.:]\d\d(?:\s*[-–]\s*\d{1,2}[.:]\d\d)?)?)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)


_ENDS_FIELDS = re.compile(
    r"^\s*(?:#+\s*)?(?:indholdsfortegnelse|indhold|innholdsfortegnelse|saksliste|dagordning|punkter|referat|"
    r"dagsorden|beslutningsprotokol)\s*:?\s*$",
    re.IGNORECASE,
)


# A web page's icon named beside its label (»Udvalg Ikon« / »Regionsrådet«): no part of the value.
_ICON = re.compile(r"^(?:ikon|icon)\b\s*", re.IGNORECASE)
# Two labels in one (»Indkaldt/tilstedeværende:«): the last says what the list is.
_COMPOUND = re.compile(rf"^[^\W\d_]+/(?=(?:{_ALT})\s*:)", re.IGNORECASE)
# »Bilag 1: Notat …« under the attendees: the list is over.
_ATTACHMENT = re.compile(r"^\s*(?:bilag|vedlagt|vedhæftet|attachment|appendix|bilaga|vedlegg)\s*\d*\s*:", re.IGNORECASE)


def label_at_start(line: str) -> str | None:
    """The label a line opens with ("Afbud: …", "Afbud\tAnne …", "Afbud Anne …"), casefolded."""
    m = _AT_START.match(line)
    return m["label"].casefold() if m else None


def cells(line: str) -> list[str]:
    """Split a table row (Markdown pipes or tabs) into its non-empty cells."""
    if line.strip().startswith("|"):
        parts = line.strip().strip("|").split("|")
    elif "\t" in line:
        parts = line.split("\t")
    else:
        return [line]
    return [p.strip() for p in parts if p.strip()]


# A people field's label said at length, its names on the lines below (»Tilstede fra bestyrelsen
# var:«, »Fraværende fra udvalget:«): up to four words between the label and the line's colon.
_QUALIFIED = re.compile(rf"^\s*{_BOLD}(?P<label>{_ALT})(?:\s+[^\W\d_]+){{1,4}}\s*:{_BOLD}\s*$", re.IGNORECASE)


def _segments(line: str) -> list[tuple[str | None, str]]:
    """(label or None, value) pieces of one line: text before the first label, then each label's value."""
    qualified = _QUALIFIED.match(line)
    if qualified and LABELS[qualified["label"].casefold()] in _LISTS:
        return [(qualified["label"].casefold(), "")]
    out: list[tuple[str | None, str]] = []
    start = _AT_START.match(line) or _GLUED_START.match(line)
    if start and start["value"][:1].islower() and not re.match(r"^\s*\S+\s*[:\t]", line):
        start = None  # "Udvalg for Regional Udvikling" is a name, not the label "Udvalg"
    label, rest = (start["label"], start["value"]) if start else (None, line)
    pos, current = 0, label
    for m in _MID_LINE.finditer(rest):
        if not m["label"][0].isupper():
            continue  # "… på næste møde:" is a sentence, "… Lillesøvej Dato: 20. september" a label
        out.append((current, rest[pos : m.start()].strip()))
        current, pos = m["label"], m.end()
    out.append((current, rest[pos:].strip()))
    return [(lab.casefold() if lab else None, val) for lab, val in out if lab or val]


# Fields that list people; a line of prose after one is no more of its names.
_LISTS = frozenset({"participants", "absent"})
# Four lower-case words in a row outside parentheses: a sentence, not names and their offices.
_PROSE = re.compile(r"(?:\b[a-zæøåäö]+\b[ ,]+){3}\b[a-zæøåäö]+\b")


# A line that is one person's name: two to five capitalised words (»Cllr K Burn«), a note in
# parentheses after it (»Cllr Vaughan (Chair)«).
_NAME_LINE = re.compile(r"^\s*[A-ZÆØÅ][\wæøåäöü.'-]*(?:\s+[A-ZÆØÅ][\wæøåäöü.'-]*){1,4}(?:\s*\([^()]*\))?\s*$")


# A verb in a line after a list: a sentence (»Kerstin valdes till ordförande«), not more names.
_CLAUSE = re.compile(r"\b(?:blev|bliver|ble|valdes|lästes|läste|var|vart|är|was|were|is)\b")


def _ends_sentence(value: str) -> bool:
    """A list closed by a full stop after a word, not after an initial (»Hans Chr.«, »Vagn E.«)."""
    return re.search(r"\w{4,}\.\s*$", value) is not None


def _is_prose(value: str) -> bool:
    return _PROSE.search(re.sub(r"\([^()]*\)", " ", value)) is not None


# An agenda item's line (»• Pkt. 42 Beslutninger om dagsordenen« under »Sted: Mødelokale 2A«).
_ITEM_LINE = re.compile(r"^(?:pkt|punkt|sag\s*nr)\.?\s*\d+\b", re.IGNORECASE)
# A web page's bullet before a label (» • Afbud« above » • Morten Weiss-Pedersen, C«).
_BULLET = re.compile(r"^[•▪●◦‣·]\s*")


def read_fields(lines: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """(field -> value, role label -> value) from header lines; the first occurrence of a field wins."""
    values: dict[str, str] = {}
    roles: dict[str, str] = {}
    current: str | None = None
    pending_row: list[str] = []
    spaced_list = False
    for raw in lines:
        row = cells(raw)
        line = " ".join(row).strip() if len(row) > 1 else raw.strip()
        line = _COMPOUND.sub("", _BULLET.sub("", line))
        if not line or set(line) <= set("-|: "):
            value = values.get(current or "", "")
            if current and value and not value.rstrip().endswith(","):
                # A blank line ends a wrapped value, not one that breaks off at a comma, nor a list of
                # one name per line set apart by blank lines (»Cllr K Burn« / »« / »Cllr G Huntley«).
                spaced = current in _LISTS and _NAME_LINE.match(value.splitlines()[-1]) is not None
                current, spaced_list = (current, True) if spaced else (None, False)
            continue
        if spaced_list and not (_NAME_LINE.match(line) and label_at_start(line) is None):
            current = None
        spaced_list = False
        if _ENDS_FIELDS.match(line) or _ATTACHMENT.match(line) or _ITEM_LINE.match(line):
            current = None  # "Indholdsfortegnelse", "Dagsorden": the header's fields are over
            continue
        if pending_row:
            _fill_row(pending_row, line, values)
            pending_row, current = [], None
            continue
        if len(row) == 1 and _ONLY_LABELS.match(line):
            pending_row = [LABELS[m.casefold()] for m in re.findall(_ALT, line, re.IGNORECASE)]
            continue
        if len(row) > 1 and _AT_START.match(row[0]) and _AT_START.match(row[0])["value"] == "":
            segments = [(row[0].strip().rstrip(":").casefold(), " ".join(row[1:]))]
        elif current in values and not values[current] and LABELS.get(label_at_start(line) or "") == current:
            segments = [(None, line)]  # »Mødested« above »Mødelokale 7«: the value names its field again
        else:
            segments = _segments(line)
        for label, value in segments:
            value = _ICON.sub("", value)
            if label is None:
                closed = _ends_sentence(values[current]) if current in _LISTS else False
                clause = _CLAUSE.search(re.sub(r"\([^()]*\)", " ", value))  # a verb outside a name's note
                if current in _LISTS and ((closed and _is_prose(value)) or clause):
                    current = None  # »Kirja Kongsbak blev budt velkommen …« after the list: the text goes on
                if current and current in roles:
                    roles[current], current = value, None  # »Referent:« then the name on the next line
                elif current:
                    values[current] = f"{values[current]}\n{value}".strip()
                continue
            name = LABELS.get(label)
            if name is None:
                continue
            if name == "role":
                roles[label] = value
                current = None if value else label
            elif name == "case_numbers" and not values.get(name):
                values[name] = value
                current = None  # "Sagsnr.: 25/1234" is one line; what follows is the item's text
            elif name == "time" and values.get(name):
                values[name] = f"{values[name]} {value}"  # "Dato: 29. januar 2020" then "Tidspunkt: Kl. 19:00"
                current = name
            elif name in values and values[name] and name != "meeting":
                current = None  # the first occurrence wins ("Møde" also titles web exports)
            else:
                values[name] = value
                current = name
    return values, roles


def _fill_row(labels: list[str], line: str, values: dict[str, str]) -> None:
    """Values of a "Datum Plats" row: the date and time go to the time field, the rest to the other."""
    m = _DATE_TIME.match(line)
    others = [f for f in labels if f != "time"]
    if m and "time" in labels:
        values.setdefault("time", m["when"])
        if others and m["rest"]:
            values.setdefault(others[0], m["rest"].strip(" ,"))
    elif labels:
        values.setdefault(labels[0], line)
