"""What a candidate sentence holds: the kind of token that answers a question (an amount, a count,
a time, a span of time, a name, a place, an outcome, a cause, who pays, who is to do a task).

``has_kind`` is one feature of the answer model (``retrieval.extract``), and the quote's test for
a figure or a name (``retrieval.quoting``, ``retrieval.beside``).
"""

from __future__ import annotations

import re

from indexer.dates import DAY_MONTH, MONTHS, find_dates
from indexer.layout.labels import LABELS, label_at_start
from retrieval.names import CAPITALISED
from retrieval.ranking import ANSWER_SHAPES

_PROPER = re.compile(r"(?<![.:!?]\s)(?<!^)\b[A-ZÆØÅ][a-zæøåäöüé]+(?:[ -][A-ZÆØÅ][a-zæøåäöüé]+)*")
_TWO_NAMES = re.compile(r"\b[A-ZÆØÅ][a-zæøåäöüé]+(?:[ -][A-ZÆØÅ][a-zæøåäöüé]+)+")
# A month named without a day is a time too: "primo december", "i marts 2013" (not "may").
_MONTH_NAMES = "|".join(sorted((m for m in MONTHS if len(m) >= 4 and m != "may"), key=len, reverse=True))
_TIME = re.compile(
    r"\bkl\.?\s*\d|\b\d{1,2}[:.]\d\d\b|\b(?:man|tirs|ons|tors|fre|lør|søn)dag|\b(?:uge|week)\s*\d"
    rf"|\b(?:maj|{_MONTH_NAMES})\b|\b(?:primo|medio|ultimo)\s+\w|\b(?:forår|efterår|sommer|vinter)(?:et|en)\b",
    re.IGNORECASE,
)
# A place: "på Hotel Sixtus", a street ("Kanalstræde 2", "Tallvägen 14"), a postcode and town, or
# a header's place label, as the header step knows them ("Sted: ...", "Mødested:", "Plats:").
_PLACE_LABELS = "|".join(
    sorted((re.escape(label) for label, field in LABELS.items() if field == "place"), key=len, reverse=True)
)
_ADDRESS = (
    r"\w(?:vej|gade|allé|plads|torv|vägen|gatan|veien|stræde)\b|\b\d{4}\s+[A-ZÆØÅ]"
    rf"|(?i:\b(?:{_PLACE_LABELS})\s*:)"
)
_PLACE = re.compile(rf"\b(?:i|på|til|hos|in|at|ved)\s+[A-ZÆØÅ][a-zæøåäöü]|{_ADDRESS}")
# A place surely: an address, a postcode, a place label, or where something is held (»afholdes på
# Hotel Sixtus«); a capitalised word after »i« or »på« alone may be a region or body the topic names.
_VENUE = re.compile(
    rf"{_ADDRESS}"
    r"|\b(?:afhold\w*|holdes|mødes|samles|finder\s+sted|held|meets?)\s+(?:\w+\s+){0,3}?(?:i|på|hos|ved|in|at)\s+[A-ZÆØÅ]"
)
_PERCENT = re.compile(r"\d\s*(?:%|procent\b|prosent\b|pct\b)", re.IGNORECASE)
_DECISION = re.compile(
    r"\b(godkend\w*|beslut\w*|vedt\w*|tiltr\w*|udsat\w*|udsætte\w*|anbefal\w*|aftalt\w*|enig\w*|afvis\w*|"
    r"bevilg\w*|afvent\w*|valgt|genvalgt|nyvalgt|fastsat|taget til efterretning|vurder\w*|tilslut\w*|konklu\w*|"
    r"bakke\w* op|opbakning|igangsæt\w*|sættes i gang|approved|decided|agreed)\b",
    re.IGNORECASE,
)

# A cause given: "skyldes", "fordi", "på grund af", "idet", "derfor", "because", "due to".
_REASON = re.compile(
    r"\b(skyld(?:es|tes)|fordi|på grund af|grundet|pga\.?|idet|årsag\w*|baggrund\w*|derfor|hvorfor|"
    r"for at|med henblik på|eftersom|begrund\w*|som følge af|because|due to|since|in order to|owing to)\b",
    re.IGNORECASE,
)

# A cue whose cause is elsewhere, said before (»På baggrund af ovenstående ønsker …«, »Derfor
# …«): the sentence states no cause itself.
_POINTER = re.compile(
    r"\bpå\s+(?:den(?:ne)?\s+baggrund|baggrund\s+af\s+(?:ovenstående|ovennævnte|dette|det|disse))\b|^\W*derfor\b|"
    r"\bsom\s+følge\s+(?:heraf|af\s+(?:dette|ovenstående))|\bfor\s+this\s+reason\b|^\W*therefore\b",
    re.IGNORECASE,
)

# Who pays, stated: "finansieres af …", "betales af …", "dækkes af …", "for egen regning".
_PAYS = re.compile(
    r"\b(finansier\w*|betal\w*|dækk?es\s+af|dækket\s+af|bekost\w*|afholdes\s+af|egen\s+regning|"
    r"paid|funded|financed|pays)\b",
    re.IGNORECASE,
)

# A task given to someone: who prepares, is responsible for or follows up on something.
_TASK = re.compile(
    r"\b(ansvar\w*|tovholder\w*|står for|sørger for|varetag\w*|udarbejd\w*|forbered\w*|indkald\w*|"
    r"undersøg\w*|følge[rs]? op|vende[rs]? tilbage|arbejde[rs]? videre|koordiner\w*|"
    r"responsib\w*|in charge|prepar\w*|follows? up|report(?:s)? back)\b",
    re.IGNORECASE,
)

# A date set as a limit: "senest den 1. december", "inden den 21. juni", "fristen er ...".
_LIMIT = re.compile(r"\b(senest|inden|frist\w*|deadline\w*|no later than|before|by)\b", re.IGNORECASE)

# Numbers that count nothing: dates, clock times, paragraph, item and case numbers, the number of
# a list line, and a code's digits after its letters (»Jane Kusk Pedersen, A25«, »Covid-19«).
# Blanked before a count is looked for ("28. marts 2023 kl. 19.00").
_NOT_A_COUNT = re.compile(
    r"\bkl\.?\s*\d{1,2}(?:[:.]\d\d)?|\b\d{1,2}[:.]\d\d\b|§+\s*\d+|\b[^\W\d_]+-?\d+\b|"
    r"\b(?:pkt|punkt|item|nr|stk|sag|sagsnr|j\.?\s?nr)\.?\s*\d+|^\s*\d{1,2}[.)]\s",
    re.IGNORECASE,
)


def _blank_non_counts(text: str) -> str:
    spans = [span for _, span in find_dates(text)] + [m.span() for m in DAY_MONTH.finditer(text)]
    spans += [m.span() for m in _NOT_A_COUNT.finditer(text)]
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


# A span of time (»ca. 8 måneder«, »to uger«, »3-4 years«): what »Hvor lang tid …?« asks for.
_DURATION = re.compile(
    r"\b(?:\d[\d.,]*(?:\s*-\s*\d+)?|et|en|to|tre|fire|fem|seks|syv|otte|ni|ti|tolv|halvt?|one|two|three|four|"
    r"five|six|ten|twelve|a)\s+(?:år(?:et)?|måned\w*|uge[rn]?|dage?|døgn|time[rn]?|minutter|years?|months?|weeks?|"
    r"days?|hours?|minutes?)\b",
    re.IGNORECASE,
)


# A count written as a word (»tre centrale udmeldinger«, »fire pladser«, »three members«).
_COUNT_WORD = re.compile(
    r"\b(?:tre|fire|fem|seks|syv|otte|elleve|tolv|tretten|fjorten|femten|tyve|tredive|fyrre|halvtreds|"
    r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty)\s+[^\W\d_]{3,}",
    re.IGNORECASE,
)
_TWO = re.compile(r"\bto\s+[^\W\d_]{3,}", re.IGNORECASE)
_DANISH = re.compile(r"\b(?:og|af|er|det|der|blev|til|ikke|på)\b", re.IGNORECASE)


def has_kind(
    text: str, kind: str | None, common: frozenset[str] = frozenset(), people: frozenset[str] = frozenset()
) -> float:
    """How surely ``text`` holds the kind of token that answers (an amount, a name ...): 0 to 1.

    A count is a number that is not part of a date, a time or a reference; a full name
    ("Jan Mindegaard") is surer than one capitalised word ("Kontakten"). A sentence's first
    word is capitalised anyway: when it is among the ``common`` words (written in lower case
    elsewhere: »Grundet Corona …«), it is not the first of two names. A word of the ``people``
    (the names of the attendee fields) is a person's name wherever it stands.
    """
    if kind == "money":
        # »Hvor meget steg taksten?« may be answered in per cent (»med 8 procent«, »0,6 %«).
        return float(ANSWER_SHAPES[kind].search(text) is not None or _PERCENT.search(text) is not None)
    if kind == "count":
        if ANSWER_SHAPES[kind].search(_blank_non_counts(text)) is not None or _COUNT_WORD.search(text):
            return 1.0
        # Danish »to« (two) before a noun, in a Danish sentence: English »to« is a preposition.
        return float(_TWO.search(text) is not None and _DANISH.search(text) is not None)
    if kind == "duration":
        return float(_DURATION.search(text) is not None)
    if kind in ("time", "deadline"):
        dated = bool(DAY_MONTH.search(text) or _TIME.search(text) or find_dates(text))
        if kind == "deadline" and dated:
            # Any date may answer "by when", a date set as a limit surely does.
            return 1.0 if _LIMIT.search(text) else 0.5
        return float(dated)
    if kind == "person":
        first = re.match(r"\s*([^\W\d_]+)\s+", text)
        if first is not None and first[1].casefold() in common:
            text = " " * first.end() + text[first.end() :]
        if people and any(w.casefold() in people for w in CAPITALISED.findall(text)):
            return 1.0  # a name the minutes list as an attendee's (»Jan var ordstyrer …«)
        return 1.0 if _TWO_NAMES.search(text) else 0.5 if _PROPER.search(text) else 0.0
    if kind == "place":
        # "Sted Læsø", "Mødested\tRådhuset": a header's place label before its value, no colon.
        if _VENUE.search(text) or LABELS.get(label_at_start(text) or "") == "place":
            return 1.0
        return 0.5 if _PLACE.search(text) else 0.0
    if kind == "outcome":
        return float(_DECISION.search(text) is not None)
    if kind == "reason":
        return float(_REASON.search(_POINTER.sub(" ", text)) is not None)
    if kind == "payer":
        return float(_PAYS.search(text) is not None)
    if kind == "actor":
        # A task given (»… således at GOT udarbejder et oplæg«), else any name, as for a person.
        return 1.0 if _TASK.search(text) else 0.5 * has_kind(text, "person", common, people)
    return 0.0
