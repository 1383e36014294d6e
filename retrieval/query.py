"""What a question says besides its topic: a time it refers to, and its language.

A date in a question either names the meeting ("på mødet i marts 2013", "hvad blev
drøftet i 2012") or something the minutes talk about ("tilsynsbesøg i 2019", reported at
a meeting in 2020). The first narrows the search to meetings in that period; the second
only favours them. The rule: a meeting word or a verb of deliberation anywhere in the
question (møde, drøftet, besluttet, sagt, discussed, decided ...) makes it the first kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.dates import DateRange
from retrieval.periods import extract_date_range, is_a_year
from retrieval.translate import danish_terms, word_groups

# A word that names a meeting, compounds too ("socialdirektørmødet", "generalforsamlingen",
# "årsmötet"), not "imødekomme".
# Also the verb's past (»Hvor mødtes udvalget den 16. august?«).
MEETING_WORD = (
    r"\w*(?<!i)møde\w*|\w*møte\w*|\w*möte\w*|\w*forsamling\w*|\w*stämma\w*|meeting\w*|assembl\w*|"
    r"mødtes|møttes|möttes|meet(?=s?\s+(?:again|on|in|at)\b)"
)
_MEETING_WORD = re.compile(rf"\b(?:{MEETING_WORD})\b", re.IGNORECASE)


def names_a_meeting(text: str) -> bool:
    """Whether ``text`` has a word that names a meeting (»mødet«, »generalforsamlingen«)."""
    return _MEETING_WORD.search(text) is not None


# A question that names a meeting, or what a meeting does with an item, or who came to it
# (»Hvem havde meldt afbud til socialdirektørkredsen i maj 2012?«).
_MEETING_CUE = re.compile(
    rf"\b({MEETING_WORD}|\w*referat\w*|drøft\w*|beslut\w*|behandl\w*|vedt\w*|godkend\w*|sagt|sagde|"
    r"diskuter\w*|aftalt\w*|minutes|discuss\w*|decid\w*|decision\w*|said|approv\w*|agreed|"
    r"afbud|deltog|deltagere|til stede|tilstede|fraværende|present|attended|apologies|absent)\b",
    re.IGNORECASE,
)
# Questions about what came out of an item: decisions, discussions, what was said.
_OUTCOME_CUE = re.compile(
    r"\b(beslut\w*|vedt\w*|godkend\w*|aftal\w*|konklu\w*|drøft\w*|sagt|sagde|udfald\w*|"
    r"synes|syntes|mente|mener|holdning\w*|"
    r"decid\w*|decision\w*|agreed|approv\w*|conclu\w*|discuss\w*|said|outcome|think|thought|felt|opinion)\b",
    re.IGNORECASE,
)
# Yes/no questions about a proposal ("Skal gruppen nedlægges?") ask for its outcome too, and
# so does how a matter is or was handled ("Hvordan skal merforbruget dækkes?", »Hvordan blev det dækket?«).
# So does any question that opens with its verb: an auxiliary (»Kan udgifterne lægges ind i
# taksten?«, »Får gruppen flere medlemmer?«) or a verb before its pronoun subject (»Starter man
# …, eller venter man?«); not »Er der …?«, which asks whether something exists (a fact).
_PROPOSAL_QUESTION = re.compile(
    r"^\s*(?:(?:hvordan\s+|how\s+)?(?:skal|bør|må|bliver|should|will|shall)\b|(?:(?:hvordan\s+|how\s+)?(?:blev|fik|was|were|did)\b"
    r"|(?:er|var|kan|kunne|vil|ville|har|havde|får|skulle|burde|måtte|is|are|can|could|would|does|do|has|have)\s(?!der\b|there\b)"
    r"|(?!(?:hvad|hvor|hvem|hvilke|hvornår|hvorfor|hvordan)\b)[a-zæøå]+\s+(?:man|det|de|vi|den)\s(?=.*\?\s*$))"
    # Not a yes/no question about who came or where it was held (»Was Jan present?«).
    r"(?!.*\b(?:present|attend\w*|guests?|apolog\w*|afbud|deltog|deltage\w*|til stede|tilstede|fraværende|"
    r"holdt|afholdt|held|conducted|afviklet)\b))",
    re.IGNORECASE,
)
# A question word that asks for a time by naming its unit (»Hvilken uge flyttes anden
# takstindberetning til?«): it names what is asked before any topic word (»takst«) can.
_WHICH_TIME = re.compile(
    r"\b(?:hvilke[nt]|which|what|vilke[nt])\s+(?:uge|dag|dato|måned|år|tidspunkt|klokkeslæt|week|day|date|month|"
    r"year|time|vecka|datum|månad)\b",
    re.I,
)
# The kind of answer a question expects, from its question words.
_ANSWER_TYPES = (
    ("date", _WHICH_TIME),
    ("money", re.compile(r"\b(hvor meget|how much|kost\w*|cost\w*)\b", re.I)),
    ("count", re.compile(r"\b(hvor mange|how many|antal\w*|number of)\b", re.I)),
    ("date", re.compile(r"\b(hvornår|when|dato\w*|date)\b", re.I)),
    # What a sum is called (»taksten«, »prisen«), when no question word asks for something else
    # (»Hvornår skal prisindmeldingen ligge?« asks for a time).
    ("money", re.compile(r"\b(pris\w*|price\w*|takst\w*|rate|beløb\w*|amount)\b", re.I)),
)
# How a meeting met: in person or online; said with a verb of holding it (»foregik det online?«),
# not of a topic (»Hvad besluttede bestyrelsen om virtuelle møder?«).
_FORMAT = r"fysisk\w*|online|virtuel\w*|in person|virtual\w*"
_HELD = r"afholdt|holdt|foregik|foregår|held|conducted|took place"
# The kind of token that answers, for choosing the sentence to quote (wider than ``answer_type``,
# which also steers passage ranking and stays as measured there). First match wins.
_EXPECTS = (
    # Also inside compounds and by its other nouns (»hovedårsagen«, »grunden til«, »forklaringen på«).
    ("reason", re.compile(r"\b(hvorfor|why|varför|\w*årsag\w*|\w*begrundels\w*|baggrunden for|"
                          r"\w*grund(?:en|ene)? til,? at|forklaring(?:en)? på|reason\w*|cause of)\b", re.I)),
    ("time", _WHICH_TIME),
    ("money", re.compile(r"\b(hvor meget|hvor mye|how much|kost\w*|cost\w*|"
                         r"(?:hvor|hur|how)\s+(?:stor\w*|høj\w*|big|large|high))\b", re.I)),
    ("count", re.compile(r"\b(hvor mange|how many|hur många|antal\w*|number of)\b", re.I)),
    # A span of time (»Hvor lang tid tager en overtagelse?«): a number of months, weeks, days.
    ("duration", re.compile(r"\b(hvor lang(?:e)? tid|hvor længe|hvor lenge|hur länge|how long|\w*varighed\w*|"
                            r"duration)\b", re.I)),
    # A deadline before any time: "Senest hvornår ...", "Hvad er fristen ...", "By when ...".
    # »senest« alone may mean »most recently« (»Hvad blev senest besluttet?«): only with »hvornår«.
    ("deadline", re.compile(r"\b(\w*frist\w*|deadline\w*|by when|no later than|senest hvornår|hvornår\b.*\bsenest)\b",
                            re.I)),
    # Norwegian »Når …?« opens a question only (inside one it is Danish »when«, a condition).
    ("time", re.compile(r"\b(hvornår|when|när|what time|hvilket tidspunkt|hva(?:d)? tid|(?:hvilken|vilken) tid|"
                        r"\w*dato\w*|date)\b|^\s*når\b", re.I)),
    # Who pays is answered by who finances it, a body rather than a name (»… bør finansieres
    # særskilt af den enkelte kommune« for »Hvem betaler for værnemidler?«).
    ("payer", re.compile(r"\b(?:hvem|who|vem)\b.*\b(?:betal(?:e|er|te|es|t)|pays?|(?<!was )(?<!were )paid|"
                         r"financ(?:e|es|ed|ing)|finansier\w*|bekost\w*|afholde\w*\s+udgift\w*|"
                         r"bear\w*\s+the\s+cost\w*)\b", re.I)),
    # Who is to do a task (»Hvem skal lave oplægget?«, »Who will prepare …?«) is answered by the
    # sentence that gives it to someone (»GOT udarbejder et oplæg«, »Sekretariatet er ansvarligt
    # for …«), not by a list of names; not who is to hold a seat (»Hvem skal være formand?«), nor
    # who wants something (Danish »vil«: »Hvem vil have en temadag?«).
    ("actor", re.compile(r"^\W*(?:hvem|who)\s+(?:skal|står\s+for|sørger\s+for|har\s+ansvar\w*|er\s+ansvarlig\w*|"
                         r"laver|udarbejder|forbereder|will|shall|should|is\s+responsible|is\s+in\s+charge|prepares?)\b"
                         r"(?!\s+(?:være|sidde|repræsentere|vælges|deltage|med|have|be|sit|represent|attend|join)\b)",
                         re.I)),
    ("person", re.compile(r"\b(hvem|who|whom|vem|vilka)\b|\b(?:hvilke\w*|which|vilken)\s+"
                          r"(?:\w+\s+)?(?:\w*medlem\w*|\w*person\w*|\w*professor\w*|\w*leder\w*|\w*direktør\w*|"
                          r"\w*formand\w*|\w*kommune\w*|firma\w*|\w*forening\w*|company|firm|municipalit\w*|"
                          r"organi[sz]ation\w*)\b", re.I)),
    ("place", re.compile(r"^\s*(?:hvor(?!\s+(?:meget|mange|stor\w*|lang\w*|ofte|tit)\b)|where|hvortil|hvorhen)\b"
                         r"|\b(?:\w*adresse\w*|address\w*|m[øo][dt]e?(?:sted|lokale)\w*|venue|location)\b"
                         # How a meeting was held (»Hvordan blev mødet afholdt?« - »Sted Skype«).
                         r"|^\s*(?:hvordan|how)\s+(?:blev|var|was|were)\b.*\b(?:m[øo]de\w*|meeting)\b.*"
                         r"\b(?:afholdt|holdt|held|conducted)\b"
                         # The room, and whether it met in person or online (»Sted Skype«).
                         r"|\bhvilke[nt]\s+(?:lokale|rum|by)\b|\b(?:which|what)\s+(?:room|city)\b"
                         rf"|\b(?:{_FORMAT})\b(?=.*\b(?:{_HELD})\b)|\b(?:{_HELD})\b.*\b(?:{_FORMAT})\b", re.I)),
    # A sum named by what it is (»Hvad er taksten?«, »Hvad var de samlede udgifter?«), when no
    # question word asks for something else (»Hvem betaler udgifterne?«, »Hvorfor steg udgifterne?«,
    # »Hvornår skal prisindmeldingen ligge?«).
    ("money", re.compile(r"\b(pris\w*|\w*pris(?:en|er|erne|ens)?|\w*takst\w*|\w*beløb\w*|amount|tariffs?|"
                         r"(?:daily|nightly|hourly|weekly|monthly|annual|yearly|flat|tax|interest)\s+rates?|"
                         r"\w*kontingent\w*|\w*avgift\w*|"
                         r"udgift\w*|indtægt\w*|underskud\w*|overskud\w*|omkostning\w*|husleje\w*|gebyr\w*|"
                         r"honorar\w*|expense\w*|income|revenue\w*|deficit\w*|surplus\w*|fees?|"
                         # The result of accounts is a sum (»Hvad blev resultatet af regnskabet?«).
                         r"resultat\w*\s+(?:af|for|i|på)\s+(?:\w+\s+){0,3}\w*(?:regnskab|budget)\w*|"
                         # English »rent«, not Danish »rent praktisk«.
                         r"(?:the|monthly|annual|yearly)\s+rent|rent\s+(?:per|for|of|is|was))\b", re.I)),
)  # fmt: skip

_ENGLISH = frozenset(
    """
    the what was were about how much many will who which did does is are of and why when
    where decided discussed said going up future meeting
    """.split()
)
_DANISH = frozenset(
    """
    og det er af hvad hvem blev til på om med der hvor hvornår hvordan hvilke hvilket skal
    mødet møde var har kan de den som
    """.split()
)


@dataclass(frozen=True)
class QueryPlan:
    """The question, the period it names (if any) and whether that period is the meeting's."""

    question: str
    date_range: DateRange | None = None
    names_meeting: bool = False
    language: str = "da"
    asks_outcome: bool = False
    answer_type: str | None = None
    # What kind of token the quoted answer should hold: money, count, time, person, place, a
    # reason, or outcome (a decision or yes/no question); None for a topic.
    expects: str | None = None
    # The text matched against the Danish BM25 index: the question, and for an English one
    # the Danish translations of its words after it ("" means the question alone).
    lexical_query: str = ""
    # For an English question: each content word with its Danish translations, so that a word
    # counts once when any of them matches (``retrieval.overlap.lexical_overlap``).
    word_groups: tuple[tuple[str, ...], ...] = ()

    def __post_init__(self) -> None:
        if not self.lexical_query:
            object.__setattr__(self, "lexical_query", self.question)


def detect_language(question: str) -> str:
    """ "en" or "da", from the function words used (Danish when in doubt)."""
    words = re.findall(r"[^\W\d_]+", question.casefold())
    english = sum(w in _ENGLISH for w in words)
    danish = sum(w in _DANISH for w in words) + sum(any(c in w for c in "æøå") for w in words)
    return "en" if english > danish else "da"


# "What happened to the item?" asks for its outcome as well.
_HAPPENED = re.compile(
    r"\b(skete|sket|happened|blev resultatet|kom\s+(?:der\s+)?ud\s+af|came\s+(?:out\s+)?of|endte|ended)\b", re.I
)


# Asking for an amount outright, not only naming one ("taksten", "kontingentet").
_ASKS_AMOUNT = re.compile(
    r"\b(hvor meget|how much|hur mycket|hvad koster|(?:hvor|hur|how)\s+(?:stor\w*|høj\w*|big|large|high))\b", re.I
)


# Words from the question's start within which a kind's cue is what is asked (»Hvad er fristen
# …?«, »Hvor stor en andel …?«, »What would the yearly flat fee be …?«), not a topic word further
# on (»Hvad kom der ud af Leifs ønske om … uenige i beløbet?«).
UP_FRONT_WORDS = 6


# A question word: without one, words (»anden takstindberetning flyttes«) name a topic only.
_QUESTION_WORD = re.compile(
    r"\b(?:hvor|hvornår|hvorfor|hvad|hvilke[nt]?|hvem|when|how|what|which|who|why|hur|vad|när|vem|varför|senest)\b",
    re.I,
)


def asked_up_front(question: str, kind: str | None) -> bool:
    """Whether a question word asks for ``kind``: its cue opens within the question's first words."""
    words = list(re.finditer(r"\S+", question))
    if kind is None or not words or not _QUESTION_WORD.search(question):
        return False
    limit = words[min(UP_FRONT_WORDS, len(words)) - 1].end()
    return any(m.start() < limit for cue_kind, cue in _EXPECTS if cue_kind == kind for m in cue.finditer(question))


# A yes/no question about whether someone came (»Var Hans med til mødet?«, »Deltog Thisted Kommune
# i DAS-mødet?«, »Did Jan attend?«) is answered by the attendee list: who it names is asked.
_ATTENDANCE_QUESTION = re.compile(
    r"^\s*(?=(?:var|deltog|mødte|kom|havde|har|er|was|were|did|has|had|is)\b)"
    r"(?=.*\b(?:til stede|tilstede|present|fraværende|absent|afbud|apolog\w*|attend\w*|"
    rf"(?:deltog|deltaget|deltage|med|repræsenteret|represented)\b.*\b(?:{MEETING_WORD}))\b)",
    re.IGNORECASE,
)


def asks_attendance(question: str) -> bool:
    """Whether a yes/no question asks whether someone came (»Deltog Hans i mødet?«)."""
    return _ATTENDANCE_QUESTION.match(question) is not None


def expected_kind(question: str, asks_outcome: bool) -> str | None:
    if asks_attendance(question):
        return "person"
    kind = next((kind for kind, cue in _EXPECTS if cue.search(question)), None)
    if kind == "money" and asks_outcome and not _ASKS_AMOUNT.search(question):
        # "Hvad blev besluttet om takststigningen?", "Blev kontingentet vedtaget?": the amount
        # is the topic, the decision is the answer.
        return "outcome"
    return kind or ("outcome" if asks_outcome or _HAPPENED.search(question) else None)


def _asks_outcome(question: str) -> bool:
    """An outcome cue in the question's own words: a capitalised one inside the question is
    part of a name ("Godkendelse og Tilsynsafdeling", "Beslutningsudvalget"), not a question
    about a decision."""
    return any(m.start() == 0 or not m.group(0)[0].isupper() for m in _OUTCOME_CUE.finditer(question.strip()))


VERB_TO_YEAR_WORDS = 1


def _names_meeting(question: str, period: DateRange) -> bool:
    """Whether the question's date is a meeting's: a meeting word (»på mødet i marts 2013«), or a
    verb of what meetings do with a month or day (»drøftede … i maj 2012«). A year alone is often
    the topic's (»økonomien for Taleinstituttet i 2013«): with a verb it is the meeting's only
    right after it or its subject (»blev drøftet i 2012«, »besluttede byrådet i 2019«)."""
    if names_a_meeting(question):
        return True
    cues = list(_MEETING_CUE.finditer(question))
    if not cues:
        return False
    if not is_a_year(period.text or ""):
        return True
    at = question.find(period.text)
    # The verb, at most one word (its subject: »besluttede byrådet i 2019«), then the year.
    return any(at - m.end() >= 0 and len(question[m.end() : at].split()) <= VERB_TO_YEAR_WORDS for m in cues)


def analyze(question: str) -> QueryPlan:
    period = extract_date_range(question)
    outcome = (_asks_outcome(question) or bool(_PROPOSAL_QUESTION.match(question))) and not asks_attendance(question)
    language = detect_language(question)
    groups = word_groups(question) if language == "en" else []
    terms = danish_terms(question, groups) if language == "en" else []
    return QueryPlan(
        question=question,
        date_range=period,
        names_meeting=period is not None and _names_meeting(question, period),
        language=language,
        asks_outcome=outcome,
        answer_type=next((kind for kind, cue in _ANSWER_TYPES if cue.search(question)), None),
        expects=expected_kind(question, outcome),
        lexical_query=" ".join([question, *terms]),
        word_groups=tuple(groups),
    )


def strip_period(question: str, plan: QueryPlan) -> str:
    """The question without its date phrase (the date is handled by filtering, not matching)."""
    if not plan.date_range or not plan.date_range.text:
        return question
    return re.sub(r"\s{2,}", " ", question.replace(plan.date_range.text, " ")).strip()
