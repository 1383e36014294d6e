"""The sentences that answer a question, quoted verbatim from the best agenda items.

No language model writes anything: the passages of the best few items (and the meeting's
header, for questions about people, times and places) are split into sentences, list lines
and labelled lines (``field_units``), each is scored by a small linear model, and the best is
quoted with what follows it in its section (up to three sentences) while the quote is short,
announces more (ends with ":") or the next sentence scores nearly as well. Features: the
question's stems found in the sentence (idf-weighted over the candidates; for an English
question its Danish translations too), closeness in meaning of its passage (and, when weighted,
of the sentence itself) to the question, whether it holds the kind of token the question asks
for (an amount, a count, a time, a name, a place, an outcome), its section's role (outcome,
attachments), whether its passage is the search's lead or shown at all, its item's rank, and
whether it is a stub or only echoes the question or item title.

Rules on top of the model shape the quote, not the choice of sentence (see ``quote``):
headings and labels do not count towards the three sentences, a quote does not stop on a line
that announces more, a sentence broken at a passage boundary is quoted whole, an outcome
that decided on a proposal is quoted instead of the proposal, and the raw front matter of
the minutes instead of the composed meeting summary (only the minutes' own words are quoted).
Sentences of the same item that score nearly as well as the best are quoted too, apart
(" … "): where the model cannot tell two sentences apart, quoting one would be a coin toss.

Two stages keep it fast: the cheap features rank every sentence; only the best few that the
sentence embedding could still reorder are embedded (one batch, ~25 ms per sentence on 2
cores), and none while its weight is 0 (the tuned weights). See README, Measured.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from indexer.bm25 import DanishAnalyzer
from indexer.chunking import units
from indexer.dates import DAY_MONTH, find_dates
from indexer.records import Passage
from retrieval.query import QueryPlan
from retrieval.ranking import ANSWER_SHAPES, states_outcome

# Items whose passages are read for the answer, in search order.
TOP_ITEMS = 3
# Sentences embedded per question (the slow step), chosen by the cheap features.
SHORTLIST = 4
# A sentence further behind the best than sentence_dense x DENSE_REACH is not embedded: it is
# rarely overtaken. Measured: the same answers on all three question sets for 0.05 to 0.15, with
# 0.4 sentences embedded per question on average at 0.05 (1.2 at 0.15).
DENSE_REACH = 0.05
# Characters of a sentence that are embedded: the start carries its meaning.
EMBED_CHARS = 120
# Kinds of question the meeting header (attendees, time, place) can answer.
HEADER_KINDS = frozenset({"person", "time", "place", "count"})


@dataclass(frozen=True)
class Weights:
    """The linear model: each feature's weight (features are 0/1, shares, ranks or cosine gaps).

    Set by random search (600 draws from a grid, ``python -m retrieval.tune_extract``) on the
    tuned halves of five question sets (development, the tests' seed questions and more seed
    questions, realdev and more realdev questions: 126 questions), maximising answer + (ans@1 +
    answer item is gold) / 2; checked on the held-out halves (124 questions, within 1 point).
    The sentence's own embedding got weight 0 there (the passage's closeness in meaning does
    the work): no sentence is embedded at query time. Attachments got 0 as well; both stay
    for retuning.
    """

    lexical: float = 0.5
    passage_dense: float = 2.0
    sentence_dense: float = 0.0
    kind: float = 0.2
    outcome_section: float = 0.4
    header: float = 0.2
    item_rank: float = -1.0
    shown: float = 0.4
    lead: float = 0.2
    echo: float = -0.5
    stub: float = -0.3
    attachment: float = 0.0


WEIGHTS = Weights()
# A neighbour is quoted too when it scores within this margin of the best sentence.
NEIGHBOUR_MARGIN = 0.15
# Following sentences are added while the quote is shorter than this.
QUOTE_CHARS = 300
# Other sentences of the answer's item are quoted too when they score within this margin of
# the best (see ``with_close_seconds``), while the whole quote stays under SECONDS_CHARS.
SECOND_MARGIN = 1.0
SECONDS, SECONDS_CHARS = 2, 450


@dataclass(frozen=True)
class Sentence:
    """One candidate: a sentence or list line of a passage, and where it stands."""

    row: int
    passage: Passage
    unit: int
    text: str
    item_rank: int
    shown: bool
    lead: bool


@dataclass(frozen=True)
class Quote:
    """The chosen answer: verbatim text, the passage it opens in, and what kind of answer it is."""

    text: str
    passage: Passage
    kind: str | None
    score: float
    # Every passage the quote draws on, ``passage`` first: the evidence to show next.
    sources: tuple[Passage, ...] = ()

    @property
    def is_outcome(self) -> bool:
        return self.passage.is_outcome and states_outcome(self.passage)


_PROPER = re.compile(r"(?<![.:!?]\s)(?<!^)\b[A-ZÆØÅ][a-zæøåäöüé]+(?:[ -][A-ZÆØÅ][a-zæøåäöüé]+)*")
_TWO_NAMES = re.compile(r"\b[A-ZÆØÅ][a-zæøåäöüé]+(?:[ -][A-ZÆØÅ][a-zæøåäöüé]+)+")
_TIME = re.compile(
    r"\bkl\.?\s*\d|\b\d{1,2}[:.]\d\d\b|\b(?:man|tirs|ons|tors|fre|lør|søn)dag|\b(?:uge|week)\s*\d", re.IGNORECASE
)
_PLACE = re.compile(r"\b(?:i|på|til|hos|in|at|ved)\s+[A-ZÆØÅ]|\w(?:vej|gade|allé|plads|torv)\b|\b\d{4}\s+[A-ZÆØÅ]")
_DECISION = re.compile(
    r"\b(godkend\w*|beslut\w*|vedt\w*|tiltr\w*|udsat\w*|udsætte\w*|anbefal\w*|aftalt\w*|enig\w*|afvis\w*|"
    r"bevilg\w*|valgt|genvalgt|nyvalgt|fastsat|taget til efterretning|approved|decided)\b",
    re.IGNORECASE,
)


def has_kind(text: str, kind: str | None) -> bool:
    """Whether ``text`` holds the kind of token that answers (an amount, a name ...)."""
    if kind in ("money", "count"):
        return ANSWER_SHAPES[kind].search(text) is not None
    if kind == "time":
        return bool(DAY_MONTH.search(text) or _TIME.search(text) or find_dates(text))
    if kind == "person":
        return bool(_TWO_NAMES.search(text) or _PROPER.search(text))
    if kind == "place":
        return _PLACE.search(text) is not None
    if kind == "outcome":
        return _DECISION.search(text) is not None
    return False


@functools.cache
def _analyzer() -> DanishAnalyzer:
    return DanishAnalyzer()


def lexical_overlap(question: str, texts: Sequence[str]) -> np.ndarray:
    """Share of the question's stems (idf-weighted over ``texts``) that each text contains."""
    analyzer = _analyzer()
    terms = set(analyzer(question))
    if not terms or not texts:
        return np.zeros(len(texts))
    bags = [set(analyzer(t)) for t in texts]
    n = len(bags)
    idf = {t: math.log(1 + (n + 1) / (sum(t in b for b in bags) + 0.5)) for t in terms}
    total = sum(idf.values())
    return np.array([sum(idf[t] for t in terms & b) / total for b in bags])


def echoes(question: str, title: str, texts: Sequence[str]) -> np.ndarray:
    """1 for a sentence that only restates the question or its item's title (a heading, an agenda
    line): nearly all its stems are among theirs, so it adds nothing the reader did not know."""
    analyzer = _analyzer()
    known = set(analyzer(question)) | set(analyzer(title))
    out = []
    for text in texts:
        stems = set(analyzer(text))
        out.append(float(bool(stems) and len(stems - known) <= max(1, len(stems) // 5)))
    return np.array(out)


# A line that starts with a short label ("Sted: ...", "Tid: ...", "Fraværende: ...").
_LABEL_LINE = re.compile(r"\n(?=[ \t]*[A-ZÆØÅ][\w .()/-]{0,30}:[ \t]+\S)")
_LABEL_START = re.compile(r"[ \t]*[A-ZÆØÅ][\w .()/-]{0,30}:[ \t]*$")


def field_units(text: str) -> list[tuple[int, int]]:
    """Sentence spans (``indexer.chunking.units``) that keep a labelled line whole.

    In a header or field block ("Møde: Byrådet\nTid: 29. januar 2020\nSted: Rådhuset") a
    colon is not a sentence end and every line is a fact of its own: "Tid: 29. januar 2020",
    not "Byrådet Tid:". A span is cut before a labelled line, and a label is joined to the
    value that follows it on its line.
    """
    cuts = {0, len(text)} | {a for a, _ in units(text)} | {m.end() for m in _LABEL_LINE.finditer(text)}
    edges = sorted(cuts)
    for a, b in itertools.pairwise(edges):
        label_only = _LABEL_START.fullmatch(text, a, b) is not None and (a == 0 or text[a - 1] == "\n")
        if label_only and b < len(text) and not text[a:b].endswith("\n"):
            cuts.discard(b)
    edges = sorted(cuts)
    return [(a, b) for a, b in itertools.pairwise(sorted(cuts)) if text[a:b].strip()]


def sentences_of(passage: Passage, row: int, item_rank: int, shown: bool, lead: bool = False) -> list[Sentence]:
    out = []
    for i, (a, b) in enumerate(field_units(passage.text)):
        text = " ".join(passage.text[a:b].split())
        # Two letters make a candidate, and so do three digits: a line of figures alone (a
        # header's "04-06-2020 09:00:00", a table cell) can be the answer. A list number is not.
        if sum(c.isalpha() for c in text) >= 2 or sum(c.isdigit() for c in text) >= 3:
            out.append(Sentence(row, passage, i, text, item_rank, shown, lead))
    return out


def build_pool(
    plan: QueryPlan,
    hits: Sequence[Passage],
    item_rows: Callable[[str, int], list[int]],
    passages: Sequence[Passage],
) -> list[Sentence]:
    """The sentences of the best ``TOP_ITEMS`` items (all their passages, in document order).

    ``hits`` are the passages found, in search order. For a question about people, times
    or places the meeting header of the best item's minutes is read as well (attendees,
    start and end, venue), after the items.
    """
    items: list[tuple[str, int]] = []
    for passage in hits:
        key = (passage.source, passage.item_number)
        if key not in items:
            items.append(key)
    items = items[:TOP_ITEMS]
    if items and plan.expects in HEADER_KINDS and (items[0][0], 0) not in items:
        items.append((items[0][0], 0))
    shown = {p.id for p in hits}
    pool: list[Sentence] = []
    for rank, (source, number) in enumerate(items):
        for row in item_rows(source, number):
            p = passages[row]
            pool.extend(sentences_of(p, row, rank, p.id in shown, bool(hits) and p.id == hits[0].id))
    return pool


def cheap_features(plan: QueryPlan, pool: Sequence[Sentence]) -> dict[str, np.ndarray]:
    """Every feature but the sentence's own embedding, one array per feature."""
    kind = plan.expects
    return {
        "lexical": lexical_overlap(plan.lexical_query, [s.text for s in pool]),
        "kind": np.array([has_kind(s.text, kind) for s in pool], dtype=float),
        "outcome_section": np.array(
            [kind == "outcome" and s.passage.is_outcome and states_outcome(s.passage) for s in pool], dtype=float
        ),
        "header": np.array([kind in HEADER_KINDS and s.passage.item_number == 0 for s in pool], dtype=float),
        "item_rank": np.array([s.item_rank for s in pool], dtype=float),
        "shown": np.array([s.shown for s in pool], dtype=float),
        "lead": np.array([s.lead for s in pool], dtype=float),
        "echo": np.array([echoes(plan.question, s.passage.item_title, [s.text])[0] for s in pool]),
        "stub": np.array([len(s.text.split()) < 3 and not has_kind(s.text, kind) for s in pool], dtype=float),
        "attachment": np.array([(s.passage.section or "").casefold() == "bilag" for s in pool], dtype=float),
    }


def score(features: dict[str, np.ndarray], weights: Weights) -> np.ndarray:
    total = np.zeros(len(next(iter(features.values()))))
    for name, values in features.items():
        total += getattr(weights, name) * values
    return total


def _relative(values: np.ndarray) -> np.ndarray:
    """Cosines relative to the best one: the model compares candidates, not absolute levels."""
    return values - values.max() if len(values) else values


def rank_sentences(
    plan: QueryPlan,
    pool: Sequence[Sentence],
    passage_cosine: np.ndarray,
    embed: Callable[[list[str]], np.ndarray],
    query_vector: np.ndarray | None,
    weights: Weights = WEIGHTS,
) -> list[tuple[int, float]]:
    """(index into ``pool``, score) of every sentence, best first.

    Only the shortlist is embedded; the others keep their cheap score less the reach, as if
    their embedding were the shortlist's weakest (they were too far behind to be embedded).
    """
    features = cheap_features(plan, pool)
    features["passage_dense"] = _relative(passage_cosine)
    first = score(features, weights)
    order, shortlist = shortlist_of(first, weights)
    if query_vector is None or len(shortlist) < 2 or weights.sentence_dense == 0:
        return [(i, float(first[i])) for i in order]
    vectors = embed([pool[i].text[:EMBED_CHARS] for i in shortlist])
    return combine(first, order, shortlist, _relative(vectors @ query_vector), weights)


def shortlist_of(first: np.ndarray, weights: Weights) -> tuple[list[int], list[int]]:
    """Every sentence by its cheap score, and the few of them worth embedding."""
    order = [int(i) for i in np.argsort(-first, kind="stable")]
    shortlist = order[:SHORTLIST]
    # Only sentences the embedding could still lift above the best are embedded (the slow step).
    shortlist = [i for i in shortlist if first[i] >= first[shortlist[0]] - weights.sentence_dense * DENSE_REACH]
    return order, shortlist


def combine(
    first: np.ndarray, order: list[int], shortlist: list[int], dense: np.ndarray, weights: Weights
) -> list[tuple[int, float]]:
    """The final ranking: the shortlist with its sentences' closeness in meaning added."""
    final = {i: float(first[i] + weights.sentence_dense * d) for i, d in zip(shortlist, dense, strict=True)}
    rest = weights.sentence_dense * min(float(dense.min()), -DENSE_REACH)
    return sorted(((i, final.get(i, float(first[i]) + rest)) for i in order), key=lambda x: -x[1])


def _place(s: Sentence) -> tuple[str, int, str | None, str | None]:
    # The role too: the composed meeting summary ("info") and the raw front matter are both
    # item 0 without a section, but a quote must not run from one into the other.
    return (s.passage.source, s.passage.item_number, s.passage.section, s.passage.role)


def _needs_more(text: str) -> bool:
    """A sentence that announces what follows ("... blev valgt:") or is a bare label."""
    return text.rstrip().endswith(":") or len(text.split()) < 4


# A heading or label: no sentence end and few words ("Ændring af takst på Svenstrupgård",
# "Antal borgere", "STARTTIDSPUNKT"). It names what follows rather than saying anything.
_HEADING_WORDS = 12


_LIST_MARK = re.compile(r"^\s*(?:[-•–*]|\d{1,2}[.)]|[a-zæøå][.)])\s")


def _is_heading(text: str) -> bool:
    """A heading or label; a list line is content however short ("- Per Olsen"), and a line
    ending with ":" counts as the sentence that introduces what it announces."""
    stripped = text.rstrip()
    return (
        not stripped.endswith((".", "!", "?", ";", ":"))
        and len(stripped.split()) <= _HEADING_WORDS
        and not _LIST_MARK.match(stripped)
    )


# Sentences with content a quote holds at most; headings and labels ride along uncounted.
QUOTE_SENTENCES = 3
# Units (sentences, list lines, headings) a quote holds at most, counted or not.
QUOTE_UNITS = 6


_ABBREVIATION_END = re.compile(r"(?:^|\s)[a-zæøå]{1,5}\.$")


def _continues(prev: Sentence, cur: Sentence) -> bool:
    """Whether ``cur`` is the rest of a sentence that ``prev`` began: ``cur`` opens in lower
    case and ``prev`` stops without a sentence end, within one item. Happens where a section
    or passage boundary falls mid-sentence ("Kontingent ... er" | "vedtaget.")."""
    head = cur.text.lstrip()[:1]
    return (
        head.isalpha()
        and head.islower()
        and prev.passage.source == cur.passage.source
        and prev.passage.item_number == cur.passage.item_number
        and not prev.text.rstrip().endswith((".", "!", "?", ":", ";"))
    )


def _span(
    pool: Sequence[Sentence], best: int, scores: dict[int, float], best_score: float, fill: bool = True
) -> list[int]:
    """The units quoted around ``best``: see ``quote``. Without ``fill``, a following sentence
    is added only where the quote needs it (an announcing line, a heading), not for length."""
    chosen = [best]
    if best > 0 and _continues(pool[best - 1], pool[best]):
        chosen.insert(0, best - 1)
        # The fragment before may itself follow a full stop the splitter took for a sentence
        # end: a short word with a stop ("incl.", "ca.") is an abbreviation it did not know.
        while (
            chosen[0] > 0
            and pool[chosen[0] - 1].passage.id == pool[chosen[0]].passage.id
            and _ABBREVIATION_END.search(pool[chosen[0] - 1].text)
            and len(chosen) < QUOTE_UNITS
        ):
            chosen.insert(0, chosen[0] - 1)
    # Figures alone ("04-06-2020 09:00:00", a table cell on its own line) mean nothing without
    # the label on the line before ("STARTTIDSPUNKT", the row's name), and a line announced by
    # a short one before it ("Tilstede var:", "Som revisorer blev valgt:") says what it is
    # only with it: quote that line too.
    if chosen[0] == best and best > 0 and pool[best - 1].passage.id == pool[best].passage.id:
        before = pool[best - 1].text
        figures_only = sum(c.isalpha() for c in pool[best].text) < 2 and _is_heading(before)
        announced = before.rstrip().endswith(":") and len(before.split()) <= _HEADING_WORDS
        if figures_only or announced:
            chosen.insert(0, best - 1)
    nxt = best + 1
    while nxt < len(pool) and _place(pool[nxt]) == _place(pool[best]) and len(chosen) < QUOTE_UNITS:
        # What was put before the best sentence (its start, its label) is context: not counted.
        counted = sum(not _is_heading(pool[i].text) for i in chosen if i >= best)
        last = pool[chosen[-1]].text
        if counted >= QUOTE_SENTENCES and not last.rstrip().endswith(":"):
            break
        length = sum(len(pool[i].text) for i in chosen)
        close = scores.get(nxt, -math.inf) >= best_score - NEIGHBOUR_MARGIN
        if not ((fill and length < QUOTE_CHARS) or _needs_more(last) or _is_heading(last) or close):
            break
        chosen.append(nxt)
        nxt += 1
    return chosen


# A clock time: "09:00", "09:00:00", or "kl. 19.00" (with a full stop only after "kl.": a
# room "0.21" or an amount "2.50" is not a time).
_CLOCK = re.compile(r"(?<![\d.:])(\d{1,2}):(\d\d)(?!\d)|\bkl\.?\s*(\d{1,2})[.:](\d\d)(?!\d)", re.IGNORECASE)
_CAPITALISED = re.compile(r"\b[A-ZÆØÅ][a-zæøåäöüé]{2,}\b(?!:)")


def facts(text: str) -> set[str]:
    """What a header line states, in a form that survives rewording: dates (ISO), clock times
    ("HH:MM") and capitalised words (names, places). "4. juni 2020, kl. 09:00" and
    "04-06-2020 09:00:00" share the date and the time; a label ("Sted:") is not a fact."""
    found = {d.isoformat() for d, _ in find_dates(text)}
    for m in _CLOCK.finditer(text):
        hour, minute = m.group(1) or m.group(3), m.group(2) or m.group(4)
        if int(hour) < 24 and int(minute) < 60:
            found.add(f"{int(hour):02d}:{minute}")
    found |= set(_CAPITALISED.findall(text))
    return found


def verbatim_header(pool: Sequence[Sentence], chosen: list[int], kind: str | None) -> int | None:
    """The raw front-matter line that states what a quote of the composed meeting summary states.

    The summary ("info": "Tid: 4. juni 2020, kl. 09:00-11:00") is written by the indexer from
    the minutes' header, so it is not the minutes' own words; the reader needs those
    ("STARTTIDSPUNKT 04-06-2020 09:00:00"). The line of the same minutes' raw front matter
    (item 0, no role) sharing most facts with the quote, and holding the kind of token
    asked for, is quoted instead; None when no line shares any.
    """
    source = pool[chosen[0]].passage.source
    wanted = facts(" ".join(pool[i].text for i in chosen))
    best, best_shared = None, 0
    for i, s in enumerate(pool):
        p = s.passage
        if p.source != source or p.item_number != 0 or p.role is not None:
            continue
        if kind is not None and not has_kind(s.text, kind):
            continue
        shared = len(facts(s.text) & wanted)
        if shared > best_shared:
            best, best_shared = i, shared
    return best


def decided_instead(pool: Sequence[Sentence], best: int, kind: str | None) -> int | None:
    """The outcome sentence that supersedes a proposal's, or None.

    When the best sentence is from an item's proposal (Indstilling: "tilskud på 20.000 kr.")
    and the same item's outcome section (Beslutning: "Tilskuddet forhøjes til 25.000 kr.")
    speaks of the same subject (shares a stem with it) and holds the kind of token asked for,
    the outcome is what holds: a proposal only says what was asked for. An outcome that only
    says "Godkendt" shares no stem and leaves the proposal quoted.
    """
    proposal = pool[best]
    if proposal.passage.role != "proposal":
        return None
    analyzer = _analyzer()
    subject = set(analyzer(proposal.text))
    found, most = None, 0
    for i, s in enumerate(pool):
        p = s.passage
        if p.source != proposal.passage.source or p.item_number != proposal.passage.item_number:
            continue
        if not (p.is_outcome and states_outcome(p)) or (kind is not None and not has_kind(s.text, kind)):
            continue
        shared = len(subject & set(analyzer(s.text)))
        if shared > most:
            found, most = i, shared
    return found


def quote(pool: Sequence[Sentence], ranked: list[tuple[int, float]], kind: str | None) -> Quote | None:
    """The best sentence and what follows it in its section, up to three sentences.

    A following sentence is quoted while the quote is short (``QUOTE_CHARS``), when the
    quote so far announces it (ends with ":") or is a stub, or when it scores nearly as well:
    an answer often spans a sentence and the list or figure after it. Headings and labels
    do not count towards the three (they name what follows; the answer is in what follows),
    and a quote does not end on a line that announces more. A best sentence that is the rest
    of one broken at a passage boundary is quoted from where that sentence starts. A proposal
    gives way to the outcome that decided on it (``decided_instead``), and a quote of the
    composed meeting summary to the raw header line stating the same (``verbatim_header``).
    """
    if not ranked:
        return None
    best, best_score = ranked[0]
    scores = dict(ranked)
    decided = decided_instead(pool, best, kind)
    if decided is not None:
        best = decided
    if pool[best].passage.role == "info":
        raw = verbatim_header(pool, _span(pool, best, scores, best_score), kind)
        if raw is not None:
            best, scores = raw, {}
    chosen = with_close_seconds(pool, _span(pool, best, scores, best_score), ranked, best_score)
    text = "".join(
        ("" if n == 0 else " " if i == chosen[n - 1] + 1 else " … ") + pool[i].text for n, i in enumerate(chosen)
    )
    sources = [pool[best].passage]
    for i in chosen:
        if all(pool[i].passage.id != known.id for known in sources):
            sources.append(pool[i].passage)
    return Quote(text, pool[best].passage, kind, best_score, tuple(sources))


def with_close_seconds(
    pool: Sequence[Sentence], chosen: list[int], ranked: list[tuple[int, float]], best_score: float
) -> list[int]:
    """``chosen`` plus the next best sentences of the same agenda item that score within
    ``SECOND_MARGIN`` of the best, up to ``QUOTE_SENTENCES`` in all, in document order.

    When two sentences of an item are nearly as likely to answer, the model cannot tell
    which one does: quoting both (apart, joined by " … ") answers where quoting one would
    be a coin toss. Composed summaries (role "info") are not the minutes' words: never added.
    """
    first = pool[chosen[0]].passage
    # A decision stands on its own: beside it, only more of the decision is quoted.
    decision = first.is_outcome and states_outcome(first)
    taken = list(chosen)
    length = sum(len(pool[i].text) for i in taken)
    for i, value in ranked[1:]:
        if value < best_score - SECOND_MARGIN or len(taken) - len(chosen) >= SECONDS:
            break
        p = pool[i].passage
        if i in taken or p.role == "info" or (p.source, p.item_number) != (first.source, first.item_number):
            continue
        if decision and not p.is_outcome:
            continue
        # Headings, stubs ("Bilag 1.") and attachment lists add nothing a reader needs.
        stub = len(pool[i].text.split()) < 3 or p.role == "attachments" or (p.section or "").casefold() == "bilag"
        if stub or _is_heading(pool[i].text) or length + len(pool[i].text) > SECONDS_CHARS:
            continue
        taken.append(i)
        length += len(pool[i].text)
    return sorted(taken)
