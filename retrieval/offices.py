"""Offices an attendee list notes beside a name (»Henrik Aarup-Kristensen (formand, …)«), and
whether a question asks who holds one at this meeting (»Hvem er formand for DAS?«), and whether
it names a committee as the one that acted (»Hvad mente SOCDIR …?«)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence, Set
from typing import TYPE_CHECKING

from retrieval.filters import acronyms_in, names_committee
from retrieval.overlap import danish_analyzer
from retrieval.query import MEETING_WORD, QueryPlan, names_a_meeting

if TYPE_CHECKING:
    from indexer.records import Passage
    from retrieval.sentences import Sentence

# An office held, as an attendee list notes it beside a name: »Henrik Aarup-Kristensen (formand,
# Brønderslev Kommune)«, »Carl Tönsgård, ordförande«, »Jane Hvas/ref«. The name is capitalised;
# only the office's words ignore case.
_OFFICE_WORDS = (
    "formand", "næstformand", "forperson", "ordförande", "ordfører", "leder", "mødeleder", "dirigent",
    "referent", "ref", "sekretær", "sekreterare", "kasserer", "kassør", "kassör", "chair", "secretary",
    "treasurer", "fmd", "nfmd",
)  # fmt: skip
# Inflected forms too (»formanden«, »chairman«), except for the short ones.
_OFFICES = "|".join(w if len(w) <= 4 else rf"{w}\w*" for w in _OFFICE_WORDS)
# Offices written short: »Arne Svendsen (Ref)«, »Jens Hansen (fmd.)«.
_SHORT = {"ref": "referent", "fmd": "formand", "nfmd": "næstformand"}
# Also last in a parenthesis beside the name: »Morten Aggerholm (begge sekretariat for rammeaftaler/ref.)«,
# not inside it (»(tidligere formand for …)«).
_OFFICE_BESIDE_NAME = re.compile(
    rf"\b[A-ZÆØÅ]\w+\s*(?:[,/]|\((?:[^()]*?[\s,/](?=(?i:{_OFFICES})\.?\)))?)\s*(?i:(?P<office>{_OFFICES}))\b"
)
# Who was elected to an office is an item's outcome, not the attendee list's note.
_ELECTED = re.compile(
    r"\b(valgt\w*|vælg\w*|genvalg\w*|konstituer\w*|elected|chosen|vald\w*|\w*väljs|\w*valdes)\b", re.IGNORECASE
)


def asks_who_was_elected(plan: QueryPlan) -> bool:
    """»Who were elected as auditors?«: an item's outcome answers, never the attendee list."""
    return plan.expects == "person" and _ELECTED.search(plan.question) is not None


# Who wrote the minutes asks for the referent: »Hvem skrev referatet?«, »Hvem tog referat?«.
_WROTE_MINUTES = re.compile(
    r"\b(?:skr[ei]v\w*|tog|tager|tage|førte|fører|føre|udarbejd\w*|wrote|writ\w*)\s+(?:\w+\s+)?"
    r"(?:referat\w*|protokol\w*|minutes)\b(?!.*\btil efterretning)",
    re.IGNORECASE,
)


# An office at the end of a compound names it (»sekretariatsleder«, »bestyrelsesformanden«): the
# longer office words only, after four letters at least, so that no verb counts (»udviklede«,
# »indleder«).
_COMPOUND_OFFICE = re.compile(
    r"\w{4,}?(?P<office>" + "|".join(w for w in _OFFICE_WORDS if len(w) >= 5) + r")(?:en|e|ne|erne|s)?$"
)


def compound_offices(text: str) -> list[str]:
    """The offices that end compounds of ``text`` (»Sekretariatsleder Dorthe« - leder)."""
    return [m["office"] for w in re.findall(r"\w+", text.casefold()) if (m := _COMPOUND_OFFICE.match(w))]


_ENGLISH_ENDING = re.compile(r"(?<=\w{4})(?:ed|ing|s|man|woman|person)$")


def asked_stems(plan: QueryPlan) -> set[str]:
    """The question's stems, with its words' translations for an English question, the offices
    its compounds end in, and the referent for who wrote the minutes."""
    words = [plan.question, *(w for group in plan.word_groups for w in group), *compound_offices(plan.question)]
    if plan.language == "en":
        # An English office's inflections: »chaired«, »chairs«, »chairman« name the chair.
        words += [_ENGLISH_ENDING.sub("", w) for w in re.findall(r"[a-z]+", plan.question.casefold())]
    if _WROTE_MINUTES.search(plan.question):
        words.append("referent")
    return set(danish_analyzer()(" ".join(words)))


def office_asked(text: str, asked: Set[str]) -> bool:
    """Whether ``text`` notes an office among the stems ``asked`` beside a name (»Henrik
    Aarup-Kristensen (formand, …)« for »Hvem er formand …?«)."""
    offices = (_SHORT.get(m["office"].casefold(), m["office"]) for m in _OFFICE_BESIDE_NAME.finditer(text))
    return any(set(danish_analyzer()(office)) & asked for office in offices)


# Stems of a committee's name this long name it (»styregrupp«), not short common ones (»råd«).
NAME_STEM = 6
# Letters an office and a word of the text share to name it (»Referering« - referent).
OFFICE_PREFIX = 5


def names_its_meeting(plan: QueryPlan, passage: Passage) -> bool:
    """Whether the question names a meeting (»mødet«, »generalforsamlingen«) or the passage's
    committee (``names_its_committee``: »styregruppen«, »the steering group« - Den Administrative
    Styregruppe; not »den økonomiske arbejdsgruppe«)."""
    return names_a_meeting(plan.question) or names_its_committee(plan, passage)


def names_its_committee(plan: QueryPlan, passage: Passage) -> bool:
    """Whether the question names the passage's committee by acronym (»DAS«) or by a long word of
    its name (»styregruppen«, »the steering group«)."""
    if names_committee(acronyms_in(plan.question), passage):
        return True
    asked = asked_stems(plan)
    return any(
        len(stem) >= NAME_STEM and stem in asked
        for name in (passage.committee, passage.body)
        if name
        for stem in danish_analyzer()(name)
    )


def offices_noted(plan: QueryPlan, sentences: Sequence[Sentence]) -> list[bool]:
    """For each sentence: whether, in a meeting's header, it notes beside a name the office that
    a question about a person of this meeting or committee names (»Hvem er formand for DAS?«,
    »Who chaired the meeting?«; not »Who chairs the economic working group?«, nor who was
    elected). The question's stems are read once."""
    if plan.expects != "person" or asks_who_was_elected(plan):
        return [False] * len(sentences)
    asked = asked_stems(plan)
    return [
        s.passage.item_number == 0 and office_asked(s.text, asked) and names_its_meeting(plan, s.passage)
        for s in sentences
    ]


def notes_the_office_asked(plan: QueryPlan, passage: Passage) -> bool:
    """Whether ``passage`` is a meeting's header noting beside a name the office a question about
    this meeting or committee asks who holds (»Who chairs the steering group?« - »Henrik
    Aarup-Kristensen (formand, …)« in Den Administrative Styregruppe's attendee list)."""
    if passage.item_number != 0 or not asks_an_office(plan):
        return False
    return office_asked(passage.text, asked_stems(plan)) and names_its_meeting(plan, passage)


# Commas that part a list's entries: not inside a name's note (»(formand, Brønderslev Kommune)«).
_ENTRY_COMMA = re.compile(r",\s*(?![^()]*\))")


def office_entries(text: str, label: str, asked: Set[str]) -> str | None:
    """Of an attendee list opening with ``label`` (»Deltagere Dorte Juul Hansen (Region
    Nordjylland), …, Henrik Aarup-Kristensen (formand, Brønderslev Kommune), …«), the label and
    the entries that note an office among the stems ``asked``, the rest left out (»Deltagere …
    Henrik Aarup-Kristensen (formand, Brønderslev Kommune) …«): who holds the office, in the
    list's words. None where no entry or every entry notes it."""
    if text[: len(label)].casefold() != label.casefold() or " … " in text:
        return None  # one list, not a quote of several lines
    entries = [e.strip() for e in _ENTRY_COMMA.split(text[len(label) :].lstrip(" :\t"))]
    picked = [e for e in entries if e and office_asked(e, asked)]
    if not picked or len(picked) == len([e for e in entries if e]):
        return None
    return f"{text[: len(label)]} … {' … '.join(picked)} …"


def asks_an_office(plan: QueryPlan) -> bool:
    """Whether a question about a person names an office an attendee list may note (»Who took the
    minutes …?« - referent, »Hvem var mødeleder?«), not who was elected to one."""
    if plan.expects != "person" or asks_who_was_elected(plan):
        return False
    return bool(_office_stems() & asked_stems(plan))


@functools.cache
def _office_stems() -> frozenset[str]:
    """The stems of every office word, the short ones written out (read once)."""
    return frozenset(danish_analyzer()(" ".join(_SHORT.get(o, o) for o in _OFFICE_WORDS)))


def names_the_office_asked(plan: QueryPlan, text: str) -> bool:
    """Whether ``text`` names an office the question asks who holds (»formand«, »Ref.«), or the
    question asks none: an answer to »Hvem er formand …?« that names no chair answers nothing."""
    asked = offices_asked(plan)
    return not asked or names_an_office(text, asked)


def offices_asked(plan: QueryPlan) -> frozenset[str]:
    """The stems of the offices the question asks who holds or was elected to (»Hvem blev valgt
    som dirigent?« is answered by »Ove Madsen blev valgt som dirigent«, not by the referent
    elected beside him); none where it asks for no office. Read once per question, for
    ``names_an_office`` on each candidate."""
    return _office_stems() & frozenset(asked_stems(plan)) if plan.expects == "person" else frozenset()


def names_an_office(text: str, asked: frozenset[str]) -> bool:
    """Whether ``text`` names one of the office stems ``asked`` (``offices_asked``)."""
    words = [*re.findall(r"\w+", text.casefold()), *compound_offices(text)]
    named = set(danish_analyzer()(" ".join(_SHORT.get(w, w) for w in words)))
    # By the first letters: »Referering:« names the referent, »formanden« the formand; not
    # »Referat«, the minutes themselves (»Referat af ekstraordinært Skolebestyrelsesmøde …«).
    # Signed with a name alone under it, though, »Referat« names who wrote them (»Referat | Jan
    # Mindegaard« closing the minutes).
    if not any(_SIGNED.search(part.strip()) for part in text.split("…")):
        named = {stem for stem in named if not stem.startswith(_THE_MINUTES)}
    return any(stem[:OFFICE_PREFIX] == office[:OFFICE_PREFIX] for stem in named for office in asked)


_THE_MINUTES = "referat"
_SIGNED = re.compile(r"(?:^|\s)(?i:referat)\s*:?\s+(?:[A-ZÆØÅ][\w.'-]*\s*){2,4}$")


# An acronym that is no meeting's (»DAS-mødet«, »the DAS meeting«) nor after a preposition (»for DAS«).
_ACTOR = re.compile(r"(?<!\bfor )(?<!\bi )(?<!\btil )(?<!\baf )(?<!\bpå )(?<!\bhos )(?<!\bfra )(?<!\bved )"
                    r"(?<!\bmed )(?<!\bom )(?<!\bto )(?<!\bof )(?<!\bin )(?<!\bat )\b[A-ZÆØÅ]{2,}\b"
                    rf"(?!-|\s+(?:{MEETING_WORD})\b)")  # fmt: skip


_PASSIVE_BEFORE = re.compile(r"\w{3,}es\s+$")


def committee_acting(plan: QueryPlan, pool: Sequence[Sentence]) -> list[bool]:
    """For each sentence, whether the question names its minutes' committee as the one that acted
    (»Hvilke input gav DAS …«, »Hvad mente SOCDIR …«): what it did is in its Referat. Not the
    committee's meeting (»DAS-mødet«), which names when, not who, nor the committee after a
    preposition (»formand for DAS«, »sendt til KKR«), which is not the one acting."""
    # Nor after a verb in the passive (»forelægges DAS«): there it is who receives, not who acts.
    named = [m[0] for m in _ACTOR.finditer(plan.question) if not _PASSIVE_BEFORE.search(plan.question, 0, m.start())]
    if not named:
        return [False] * len(pool)
    # Decided once per committee, not per sentence.
    acting: dict[tuple[str | None, str | None], bool] = {}
    for s in pool:
        key = (s.passage.committee, s.passage.body)
        if key not in acting:
            acting[key] = names_committee(named, s.passage)
    return [acting[(s.passage.committee, s.passage.body)] for s in pool]
