"""Who met: the committee or board, and the organisation it belongs to, from title lines.

"Referat af ekstraordinært Skolebestyrelsesmøde" -> Skolebestyrelse; "Møde i Kommunalbestyrelsen
mandag den …" -> Kommunalbestyrelsen; "Byrådet - Referat" -> Byrådet; "Rådsmøde" with
"Menighedsrådet" in the text -> Menighedsrådet; "Referat ordinær generalforsamling" ->
ordinær generalforsamling. Organisations are names with a word of their kind (Kommune,
Skole, Kirke, Grundejerforeningen …) or the name after the date in the title line
("Referat af bestyrelsesmøde d. 16. august 2012, Det Kolde Gys").
"""

from __future__ import annotations

import re
from collections import Counter

# Words that name a body that meets; the compound's head says what kind of body it is.
_BODY_HEADS = (
    "bestyrelse", "udvalg", "råd", "rådet", "forum", "kreds", "kredsen", "styregruppe", "styregruppen",
    "generalforsamling", "generalforsamlingen", "repræsentantskab", "forsamling", "kommunestyre",
    "kommunestyret", "byråd", "byrådet", "bestyrelsen", "udvalget", "årsmøde", "årsmöte", "styrelse",
    "styrelsen", "utvalg", "utvalget", "formandskab", "formannskap", "kommunalbestyrelse",
    "kommunalbestyrelsen", "regionsråd", "regionsrådet", "menighedsråd", "menighedsrådet", "lokalråd",
    "afdelingsmøde", "beboermøde", "medlemsmøde", "stormøde", "landsmøde", "fællesmøde", "ledergruppe",
    "arbejdsgruppe", "arbejdsgruppen", "styringsgruppe", "direktion", "direktionen", "sekretariat",
    "styre", "styret", "årsmøtet", "sameiermøte", "stämman", "föreningsstämma", "council", "committee",
)  # fmt: skip
_HEAD_ALT = "|".join(sorted(_BODY_HEADS, key=len, reverse=True))
_MEETING = r"(?:s?møde[t]?|s?møte[t]?|s?möte[t]?)"
# "Skolebestyrelsesmøde", "bestyrelsesmøde", "Rådsmøde", "menighedsrådsmødet".
_BODY_MEETING = re.compile(rf"\b(?P<body>[\wæøåÆØÅ]*?(?:{_HEAD_ALT}))s?{_MEETING}\b", re.IGNORECASE)
# "Møde i Kommunalbestyrelsen", "Referat fra Byrådet", "Byrådet - Referat", "REFERAT Byrådet".
_BODY_WORD = re.compile(
    rf"\b(?P<body>(?i:ordinær\s|ekstraordinær\s|ordinære\s|ekstraordinære\s)?(?:[\wæøå]+-\s+(?:og|eller)\s+)?"
    rf"[^\W\d_]*(?i:{_HEAD_ALT})(?:\s+for\s+[A-ZÆØÅ][\wæøå]*(?:\s+(?:og\s+)?[A-ZÆØÅ][\wæøå]*){{0,3}})?)\b"
)
_GLUED = re.compile(r"[a-zæøå][A-ZÆØÅ]")
_ORG_KIND = (
    r"kommune|region|skole|skolen|kirke|kirken|sogn|menighed|forening|foreningen|grundejerforening|"
    r"grundejerforeningen|boligforening|andelsboligforening|boligselskab|byalag|klub|klubben|fond|fonden|"
    r"a/s|aps|gymnasium|efterskole|friskole|børnehave|institut|fastighetsägareförening|kommun|fylkeskommune|"
    r"sogneråd|haveforening|haveforeningen|idrætsforening|ungdomsskole|højskole|universitet|hospital|"
    r"borettslag|borettslaget|sameie|sameiet|velforening|idrettslag|idrettslaget|bostadsrättsförening|"
    r"bostadsrättsföreningen|samfällighetsförening|klubb|klubben|förening|föreningen"
)
_ORG = re.compile(
    rf"(?P<org>(?:[A-ZÆØÅ][\wæøåÆØÅ.-]*\s+){{0,3}}(?:[A-ZÆØÅ][\wæøå-]*?)?(?i:{_ORG_KIND})\b"
    rf"(?:\s+(?:for\s+|af\s+|i\s+)?[A-ZÆØÅ][\wæøå-]+){{0,3}})"
)
_AFTER_DATE = re.compile(r"\d{4}\s*,\s*(?P<org>[A-ZÆØÅ][\wæøå]*(?:\s+[A-ZÆØÅ][\wæøå]*){0,4})\s*$")
_NOT_ORG_WORDS = frozenset({"referat", "dagsorden", "møde", "mødet", "protokol", "protokoll", "indkaldelse"})


def _tidy(body: str) -> str:
    body = re.sub(r"\s+", " ", body).strip(" -–,.:")
    if body.isupper():
        body = body.lower()  # "ORDINÆR GENERALFORSAMLING" -> "Ordinær generalforsamling"
    return body[0].upper() + body[1:] if body else body


def _specific(body: str, text: str) -> str:
    """A generic body word ("Råd") becomes the compound the text uses most ("Menighedsrådet")."""
    head = body.casefold()
    if len(head) > 5:
        return body
    found = Counter(m.group(0) for m in re.finditer(rf"\b[\wæøå]+{head}(?:et|en)?\b", text, re.IGNORECASE))
    best = [w for w, _ in found.most_common() if w.casefold() != head and w[0].isupper()]
    return best[0] if best else body


# "Referat fra Ældrerådets møde den 30. november": the body in the genitive before the meeting.
# Also before a meeting's own name (»Hovedstyrets Pia-er-tilbake-møte«).
_GENITIVE_MEETING = re.compile(
    rf"\b(?P<body>(?=[A-ZÆØÅ])[\wæøå]*?(?i:{_HEAD_ALT}))s\s+(?:[\wæøå-]+-)?(?i:{_MEETING})\b"
)
_MEETING_IN = re.compile(
    r"\b(?i:møde|møte|möte)\s+i\s+(?P<body>[A-ZÆØÅ][\wæøå-]*(?:\s+(?:for|og|i)?\s*[A-ZÆØÅ][\wæøå-]*){0,4})"
)


def find_committee(title_lines: list[str], text: str) -> str | None:
    """The body that met, from the document's title lines (and the text, to make a generic word specific)."""
    for line in title_lines:
        m = _MEETING_IN.search(line)
        if m:
            return m["body"].strip()
    for line in title_lines:
        m = _GENITIVE_MEETING.search(line)
        if m:
            return _specific(_tidy(m["body"]), text)
    for line in title_lines:
        m = _BODY_MEETING.search(line)
        if m and m["body"]:
            qualifier = re.match(r"\s+((?:afdeling|afd\.)\s+\d+[^:]*?)(?=\s+(?:Dato|Tid|den|d\.)\b|$)", line[m.end() :])
            body = _tidy(m["body"]) + (f" {qualifier.group(1).strip()}" if qualifier else "")
            return _specific(body, text)
    for line in title_lines:
        m = re.match(
            r"^\s*(?:referat|protokol|protokoll|dagsorden)?\s*(?:af|fra|for)?\s*(?:det\s+)?(?P<b>.+?)\s*:\s*\d",
            line,
            re.IGNORECASE,
        )
        if m and _BODY_WORD.fullmatch(m["b"].strip()):
            return _tidy(m["b"])  # "Generalforsamling:  15. februar 2012"
        m = _BEFORE_KIND.match(line)
        if m and _BODY_HEAD.match(m["b"]):
            return _tidy(m["b"])  # »Udvalget for uddannelse og arbejdskraft - Referat - 07. marts 2019«
        # Not words a web page glued together (»…arbejdskraftpilUdvalget«, a breadcrumb trail).
        m = next((m for m in _BODY_WORD.finditer(line) if not _GLUED.search(m["body"])), None)
        if m and m["body"].strip():
            return _specific(_tidy(m["body"]), text)
    for line in title_lines:
        m = _ACRONYM_MEETING.search(line)
        if m:
            return m["body"]  # the body it stands for, where the text writes it out: ``canonical_body``
    # No title names it: a web export's reference line under each item does (»Kultur- og
    # Idrætsudvalget, 03-04-2019, pkt. 42«), the same body every time.
    named = Counter(m["body"].strip() for m in _ITEM_REFERENCE.finditer(text))
    return named.most_common(1)[0][0] if len(named) == 1 else None


# »Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42«: the body, the meeting's date, the item.
_ITEM_REFERENCE = re.compile(
    rf"^[ \t]*(?P<body>[A-ZÆØÅ][^,\n]{{0,60}}?(?i:{_HEAD_ALT})[^,\n]{{0,40}}?),"
    r"[ \t]*\d{1,2}[-./]\d{1,2}[-./]\d{2,4},[ \t]*(?i:pkt|punkt)\.?[ \t]*\d+",
    re.MULTILINE,
)


# A web export's title: the body, a dash, the kind of document (»Udvalget for uddannelse og
# arbejdskraft - Referat - 07. marts 2019«).
_BEFORE_KIND = re.compile(
    r"^\s*(?P<b>[A-ZÆØÅ][^-–]{2,80}?)\s+[-–]\s+(?i:referat|dagsorden|protokol|beslutningsprotokol)\b"
)


# »Referat af MR møde«, »DAS-mødet«: a body known by its acronym, before a meeting word in lower
# case (not a title in capitals: »REFERAT MØDE«).
_ACRONYM_MEETING = re.compile(r"\b(?P<body>[A-ZÆØÅ]{2,6})(?:-|\s+)(?:møde|mødet|møte|møtet|möte|mötet)\b")


def find_organisation(title_lines: list[str], committee: str | None) -> str | None:
    """The organisation named in the title lines, if any (a long line is running text, not a title)."""
    title_lines = [line for line in title_lines if len(line) < 150]
    for line in title_lines:
        m = _AFTER_DATE.search(line)
        if m and m["org"].casefold() not in _NOT_ORG_WORDS:
            return m["org"].strip()
    for line in title_lines:
        for m in _ORG.finditer(line):
            org = re.sub(r"\s+", " ", m["org"]).strip(" ,.")
            words = org.split()
            while words and (words[0].casefold() in _NOT_ORG_WORDS or words[0].islower()):
                words.pop(0)
            while words and (words[-1].casefold() in _NOT_ORG_WORDS or (words[-1].isupper() and len(words[-1]) > 3)):
                words.pop()
            org = " ".join(words)
            if org and org[0].isupper() and (committee is None or org.casefold() not in committee.casefold()):
                return org
    return None


# An acronym a body goes by: »DAS«, »SOCDIR«, »KKR«, »ØU«.
_ACRONYM = re.compile(r"[A-ZÆØÅ]{2,8}")
# A capitalised name of one to four words (»Den Administrative Styregruppe«, »Socialdirektørkredsen«).
_NAME = re.compile(r"\b[A-ZÆØÅ][\wæøå]+(?:[ \t]+[A-ZÆØÅ][\wæøå]+){0,3}")
_BODY_HEAD = re.compile(rf"(?i:{_HEAD_ALT})")
_HEADS_LONGEST_FIRST = sorted(_BODY_HEADS, key=len, reverse=True)


def is_acronym(text: str) -> bool:
    return _ACRONYM.fullmatch(text.strip()) is not None


def abbreviates(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is short for ``name``: the initials of its capitalised words (»DAS« -
    »Den Administrative Styregruppe på socialområdet«), or, for one word, its letters in order
    from its first (»SOCDIR« - »Socialdirektørkredsen«); two letters are the first letters of a
    compound's two parts, the last a body word (»FU« - »Forretnings|udvalget«, not »KU« -
    »Kommunal|bestyrelsen«)."""
    short = acronym.strip().casefold()
    if not is_acronym(acronym) or not name.strip():
        return False
    words = name.split()
    capitals = [w for w in words if w[:1].isupper()]
    if len(capitals) >= 2:
        return "".join(w[0] for w in capitals).casefold() == short
    word = words[0].casefold()
    if word[:1] != short[:1] or len(word) <= len(short):
        return False
    if len(short) == 2:
        head = next((h for h in _HEADS_LONGEST_FIRST if word.endswith(h) and len(word) > len(h)), None)
        return head is not None and head[0] == short[1]
    rest = iter(word[1:])
    return all(c in rest for c in short[1:])


def expand_acronym(acronym: str, document: str) -> str | None:
    """The body's name that ``document`` writes out for ``acronym`` (the commonest), if any; a
    genitive (»Socialdirektørkredsens«) counts for the name."""
    # Each capitalised run and its leading words: »Socialdirektørkredsen Tid …« names it too.
    runs = (m.group(0).split() for m in _NAME.finditer(document))
    names = [" ".join(w[:k]) for w in runs for k in range(1, len(w) + 1) if _BODY_HEAD.search(" ".join(w[:k]))]
    known = set(names)
    found = Counter(n[:-1] if n.endswith("s") and n[:-1] in known else n for n in names if abbreviates(acronym, n))
    return found.most_common(1)[0][0] if found else None
