"""Names in a participants or absent field: "A, B (formand, X Kommune), C og D/ref."

Values come wrapped over lines ("Benjamin" / "Holst") or one person per line with a role
after a comma ("Carl Tönsgård, ordförande"); group labels ("Forældrevalgte: …") and counts
("samt ytterligare 31 medlemmar", "20 + 4") are not names.
"""

from __future__ import annotations

import re

_REF_SUFFIX = re.compile(r"\s*/\s*ref\.?\s*$", re.I)
_AFTER_NOTE = re.compile(r"(?<=[^\W\d_])\)[ \t]+(?=[A-ZÆØÅ][a-zæøåäöü])")
_INITIALS_AFTER = re.compile(r"^(.+\s[A-ZÆØÅ][a-zæøåäöü-]+)\s+([A-ZÆØÅ]{2,3})$")
# »Forældrevalgte: Afbud fra Rikke Søndergaard.« under »Fraværende:«: the name after the words.
_AFBUD_PREFIX = re.compile(r"^(?:afbud|meldt\s+afbud)\s+fra\s+(?=[A-ZÆØÅ])", re.I)
# One capitalised word and then three small ones: a sentence (»Der var ingen bestyrelsesmedlemmer«),
# not a name with a note (»Ellen Kirk i stede for Jesper Hosbond Jensen«).
_PROSE_ENTRY = re.compile(r"^[A-ZÆØÅ][\wæøå]*\s+(?:[a-zæøåäö]+\s+){2}[a-zæøåäö]+\b")
# »… og Lasse Roslind med afbud.«: the absence said after the last name.
_AFBUD_SUFFIX = re.compile(r"\s+(?:med|m\.)\s+afbud\.?\s*$", re.I)
# "Forældrevalgte: A, B." / "Skolerepræsentanter: C." -> the names only.
_GROUP_LABEL = re.compile(r"(?:^|(?<=[.;\n]))\s*[A-ZÆØÅ][\wæøå/ -]{2,40}:\s*")
_JOINERS = (" og ", " samt ", " & ", " and ", " och ")


# A line that opens with a name and then a comma (»Jane Krog, Landsforeningen Bedre Psykiatri«).
_NAME_THEN_COMMA = re.compile(r"^[A-ZÆØÅ][\wæøåäöü.'-]*(?:\s+[A-ZÆØÅ][\wæøåäöü.'-]*){1,3}\s*,\s*\S")


def _one_per_line(lines: list[str]) -> bool:
    """Whether each line is one person ("Name", "Name, role" or "Name, organisation, office"),
    rather than a wrapped list."""
    filled = [ln.strip() for ln in lines if ln.strip() and not ln.strip()[0].islower()]
    if len(filled) < 2 or not all(ln.count(",") <= 1 and len(ln.split()) <= 6 for ln in filled):
        return False
    with_role = all(re.search(r",\s*[a-zæøåäö]", ln) for ln in filled)
    return with_role or (len(filled) >= 3 and not any(ln.endswith(",") for ln in filled))


def _affiliations(lines: list[str]) -> bool:
    """Whether each line is a person and, after a comma, their organisation or office (»Henrik Lam,
    DH«, »Jane Krog, Landsforeningen Bedre Psykiatri«), most of which are no name (not »Ole Berg,
    Lis Dam«: two people)."""
    filled = [ln.strip() for ln in lines if ln.strip()]
    if len(filled) < 3 or not all(_NAME_THEN_COMMA.match(ln) and ln.count(",") <= 2 for ln in filled):
        return False
    rests = [ln.partition(",")[2].strip() for ln in filled]
    return sum(not _NAME_LIKE.fullmatch(rest) for rest in rests) * 2 >= len(rests)


_NAME_LIKE = re.compile(r"[A-ZÆØÅ][a-zæøåäöü'-]+(?:\s+[A-ZÆØÅ][a-zæøåäöü'-]+){1,2}")


def _affiliated(line: str) -> str:
    """»Henrik Lam, DH« -> »Henrik Lam (DH)«: on a line of one person, what follows the name is theirs."""
    name, comma, rest = line.partition(",")
    return f"{name.strip()} ({rest.strip()})" if comma and rest.strip() and "(" not in name else line


def _split(value: str) -> list[str]:
    names, depth, buf, i = [], 0, "", 0
    while i < len(value):
        ch = value[i]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        joiner = next((j for j in _JOINERS if value.startswith(j, i)), None)
        if depth == 0 and (ch in ",;\n" or joiner):
            names.append(buf)
            buf = ""
            i += len(joiner) if joiner else 1
            continue
        buf += ch
        i += 1
    names.append(buf)
    return names


_LIST_MARK = re.compile(r"^\s*[-•*–]\s+")
# A full stop between two names (»… Morten H. Legarth. Henrik Faurby (referent)«): after a word
# of four letters or more, so not after an initial (»H.«) or a short first name (»Chr.«); or after
# a note (»Patrik Andersson (på plats). Kjell Högberg (via Teams)«).
_FULL_STOP_BETWEEN = re.compile(r"(?:(?<=[^\W\d_][a-zæøåäöü]{3})|(?<=\)))\.\s+(?=[A-ZÆØÅ])")
_LINE_GROUP = re.compile(r"^\s*[A-ZÆØÅ][\wæøå/ -]{2,40}:\s*")
# "sognepræst Mikkel Fogh", "skoleleder Birgitte Harbo": a title before the name.
_TITLE_FIRST = re.compile(r"^(?P<role>[a-zæøåäö][\wæøå-]*(?:\s+[a-zæøåäö][\wæøå-]*){0,2})\s+(?P<name>[A-ZÆØÅ].*)$")


# Offices and memberships written after a name or before it (»Anna Hallgren #72 Formand«,
# »Formand Erik Nielsen (A)«): noted beside the name.
_OFFICE_NOUNS = (
    "formand|næstformand|forperson|kasserer|kasser|sekretær|referent|ordstyrer|dirigent|mødeleder|revisor"
    "|bestyrelsesmedlem|suppleant|medlem|styreleder|nestleder|styremedlem|leder|ordförande|vice ordförande"
    "|sekreterare|kassör|ledamot|ersättare|chair|chairman|vice chair|secretary|treasurer|clerk"
)
_OFFICE_AFTER = re.compile(rf"^(?P<name>[A-ZÆØÅ].*?[^\s,–-])(?:\s+|\s*[,–-]\s*)(?P<role>(?i:{_OFFICE_NOUNS}))$")
_OFFICE_BEFORE = re.compile(rf"^(?P<role>(?i:{_OFFICE_NOUNS}))\s+(?P<name>[A-ZÆØÅ][\wæøåäöü.-]*\s+[A-ZÆØÅ].*)$")
# A role after a dash (»Sten – ekonomiansvarig«, »Kerstin- internetansvarig«), not a double name (»Anne-Marie«).
_DASH_ROLE = re.compile(r"^(?P<name>[A-ZÆØÅ][^–()-]*?)\s*[–-]\s+(?P<role>[a-zæøåäö][\wæøåäöü ]{2,40})$")
# A sentence that goes on after the last name of a list on the same line.
_SENTENCE_AFTER = re.compile(r"\s+[A-ZÆØÅ][\wæøå]*\s+(?:blev|bliver|var|er|har|havde|vil|skal|kan)\b.*$", re.DOTALL)
# Names set apart by dashes, not commas: a dash with spaces around it and a capital after it.
_DASHES = re.compile(r"\s+[-–]\s+(?=[A-ZÆØÅ])")
_OFFICE_ONLY = re.compile(rf"^(?i:{_OFFICE_NOUNS})$")
# A party's letter after a name and a comma (»Tage Petersen, V«, »Kim Hammer, UP«).
_PARTY_LETTER = re.compile(r"[A-ZÆØÅ]{1,2}")
# A house or member number after a name (»Anna Hallgren #72«): no part of it.
_MEMBER_NUMBER = re.compile(r"\s*#\d+\b")


def _noted(name: str, note: str) -> str:
    """»Erik Nielsen (A)« and »formand« -> »Erik Nielsen (A, formand)«."""
    note = note.casefold()
    return f"{name[:-1]}, {note})" if name.endswith(")") else f"{name} ({note})"


def _with_office(name: str, line_start: bool) -> str:
    """The name with an office written before or after it noted beside it, in parentheses. Before
    it only where the name opens a line: in a list run together (»Bent Haupt Jensen, Formand
    Jørn Nielsen, Næstformand …«) the office may be the name before's."""
    after = _OFFICE_AFTER.match(name)
    if after and len(after["name"].split()) >= 2:
        return _noted(after["name"], after["role"])
    before = _OFFICE_BEFORE.match(name) if line_start else None
    return _noted(before["name"], before["role"]) if before else name


# A field that says no one was (»Fraværende: Ingen«, »Afbud: Ingen afbud«, »Apologies: None«).
_NO_ONE = re.compile(r"^\s*(?:ingen|intet|none|nobody|inga|ingen\s+\w+|-+)\s*\.?\s*$", re.IGNORECASE)


def split_names(value: str) -> tuple[str, ...]:
    """ "A, B (formand, X Kommune), C og D/ref." -> ("A", "B (formand, X Kommune)", "C", "D")."""
    if _NO_ONE.match(value):
        return ()
    lines = [_MEMBER_NUMBER.sub("", _LIST_MARK.sub("", ln)) for ln in value.split("\n")]  # "- Anne Bak (formand)"
    if _affiliations(lines):
        text = "\n".join(_affiliated(ln) for ln in lines)
    elif _one_per_line(lines):
        text = "\n".join(lines)
    else:
        # A group label ("Forældrerepræsentanter: …") starts a new entry; other lines are wrapped.
        text = ""
        for ln in lines:
            grouped = _LINE_GROUP.match(ln)
            text += ("\n" + ln[grouped.end() :]) if grouped else (" " + ln.strip())
    if "," not in text and len(_DASHES.findall(text)) >= 2:
        text = _DASHES.sub(", ", text)  # »Ragnar Bakken - Tone Oliv Misund – Caroline Vestre (vara) - …«
    text = _GROUP_LABEL.sub("\n", text)
    # Two people on a line, each with a note: »Charlotte (Lucas mor) Sarah (Jens Karls mor)«.
    text = _AFTER_NOTE.sub(")\n", text)
    text = _FULL_STOP_BETWEEN.sub("\n", text)
    out: list[str] = []
    for raw in _split(text):
        raw = _SENTENCE_AFTER.sub("", raw)  # »Michael Burgess Mødet blev gennemført …«
        name = _AFBUD_SUFFIX.sub("", _REF_SUFFIX.sub("", raw)).strip(" .\t")
        name = _AFBUD_PREFIX.sub("", name)
        if not name or re.search(r"\d", name) or not re.search(r"[^\W\d_]", name):
            continue  # a count ("31 medlemmar", "20 + 4") or a dash for no one, not a person
        if _PROSE_ENTRY.search(re.sub(r"\([^()]*\)", " ", name)):
            continue  # a sentence after the list (»Der var afbud fra …«), not a person
        if name.startswith("(") and out:
            out[-1] = f"{out[-1]} {name}"  # »Bertil Strandberg, (BS)«: the initials are the name before's
            continue
        if _PARTY_LETTER.fullmatch(name) and out and len(out[-1].split()) >= 2 and not out[-1].endswith(")"):
            out[-1] = f"{out[-1]} ({name})"  # »Morten Weiss-Pedersen, C«: a party's letter, no person
            continue
        name = _INITIALS_AFTER.sub(r"\1 (\2)", name)  # »Lars Køster Svendsen LK« -> »… (LK)«
        if out and _OFFICE_ONLY.match(name):
            out[-1] = _noted(out[-1], name)  # »Preben Skovbjerg (referent) Suppleant«
            continue
        name = _with_office(name, any(ln.strip().startswith(name) for ln in lines))
        name = _DASH_ROLE.sub(r"\g<name> (\g<role>)", name)  # »Sten – ekonomiansvarig«
        titled = _TITLE_FIRST.match(name)
        if titled:
            name = f"{titled['name']} ({titled['role']})"
        if name[0].islower():
            if out and len(name.split()) <= 3:
                out[-1] = f"{out[-1]} ({name})"  # a role after the name: "Carl Tönsgård, ordförande"
            continue
        out.append(name)
    return tuple(out)


# A list of names that a sentence ends with (»Der er afbud fra Martin Bech, Bettina Bøcker
# Kjeldsen og Niels Vestergaard Salling.«) or that is the whole line: capitalised words, joined
# by commas and »og«/»samt«/»and«/»och«.
_NAME = r"[A-ZÆØÅ][\wæøåäöü-]*\.?(?:\s+[A-ZÆØÅ][\wæøåäöü-]*\.?){0,3}"
_NAME_LIST = re.compile(
    rf"(?:^|\b(?:fra|af|from|:)\s+)(?P<names>{_NAME}(?:\s*,\s*{_NAME})*(?:\s+(?:og|samt|and|och)\s+{_NAME})?)\s*\.?\s*$"
)


def names_ending(line: str) -> tuple[str, ...]:
    """The names a line lists, whole or after »… fra«/»…:«; () when it ends otherwise."""
    m = _NAME_LIST.search(line.strip())
    return _people(split_names(m["names"]) if m else ())


# »Peter Andersen, Gert winther og Linda Peitersen deltog ikke på mødet.«: people named before
# the words that say they were not there.
_ABSENT_AFTER = re.compile(
    r"^\s*(?P<names>[A-ZÆØÅ][^.:;!?\d]{1,200}?)\s+(?:deltog\s+ikke|var\s+fraværende|var\s+ikke\s+til\s+stede|"
    r"(?:havde|har)\s+meldt\s+(?:afbud|fra)|meldte\s+(?:afbud|fra)|was\s+absent|were\s+absent|sent\s+apologies)\b"
)


def absent_named(line: str) -> tuple[str, ...]:
    """The people a line names as absent before saying so; () for any other line. Each entry is a
    name: capitalised, of one to four words, at most one of them in lower case (»Gert winther«),
    so a sentence (»Dagsorden blev godkendt og Peter deltog ikke«) is not taken for one."""
    m = _ABSENT_AFTER.match(line)
    names = split_names(m["names"]) if m else ()
    for name in names:
        words = re.sub(r"\(.*?\)", " ", name).split()
        if not (1 <= len(words) <= 4 and words[0][0].isupper() and sum(w[0].islower() for w in words) <= 1):
            return ()
    return _people(names)


# »Der var afbud fra Lasse Jørgensen.«, »Afbud fra Johannes Kristensen«: a sentence naming the absent.
_AFBUD_FROM = re.compile(
    r"(?:^|[.!?]\s+)(?:(?i:der)\s+(?:var|er|havde)\s+(?:meldt\s+)?)?(?i:afbud)\s+fra\s+(?P<names>[A-ZÆØÅ][^.!?:\n]{1,200})"
)


def absent_from(line: str) -> tuple[str, ...]:
    """The people a line's »(Der var) afbud fra …« names; () for any other line."""
    m = _AFBUD_FROM.search(line.strip())
    return names_ending(m["names"]) if m else ()


def _people(names: tuple[str, ...]) -> tuple[str, ...]:
    """``names`` if they are people: one word alone is a role, a pronoun or a decision (»Formanden
    var fraværende«, »Ingen.«), not a name; two first names or a full name are."""
    return names if len(names) >= 2 or (names and len(names[0].split()) >= 2) else ()


# One member a line with what they did (»• Lars Gaardhøj: Deltog«, »• Sofie de Bretteville Olsen:
# Afbud (Stedfortræder …)«): a council's web export of who came.
_STATUS = re.compile(
    r"^\s*[-•*]?\s*(?P<name>[A-ZÆØÅ][^:\n]{2,60}?)\s*:\s*(?:(?P<came>deltog|deltager|til\s+stede|tilstede|fremmødt"
    r"|mødt|present|närvarande)|(?P<away>afbud|fraværende|fravær|forfald|forfall|ikke\s+mødt|ikke\s+til\s+stede"
    r"|absent|apologies|frånvarande))\b",
    re.IGNORECASE,
)
_STATUS_LIST = 3  # lines in a row that make such a list


def by_status(lines: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(came, away) from the first list of at least three »Name: Deltog« lines; None without one."""
    run: list[re.Match[str]] = []
    for line in [*lines, "."]:  # a last line that ends any list
        m = _STATUS.match(line)
        if m:
            run.append(m)
            continue
        if not line.strip() and run:
            continue  # blank lines between the entries
        if len(run) >= _STATUS_LIST:
            came = tuple(m["name"].strip() for m in run if m["came"])
            away = tuple(m["name"].strip() for m in run if m["away"])
            return came, away
        run = []
    return None
