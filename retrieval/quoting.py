"""How the chosen sentence is quoted: what it needs around it, and what may stand beside it.

Rules on top of the answer model (``retrieval.extract``) shape the quote, not the choice of
sentence: headings and labels do not count towards the three sentences, a quote does not stop
on a line that announces more, a sentence broken at a passage boundary is quoted whole, an
outcome that decided on a proposal is quoted instead of the proposal, the raw front matter of
the minutes instead of the composed meeting summary (``header_quote``: only the minutes' own
words are quoted); what may stand beside the best sentence (close seconds of its item, other
header fields the question names, the figure asked for) is in ``retrieval.beside``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from indexer.records import Passage
from retrieval.beside import figure_first, from_sentence_start, labelled_fact, other_fields_asked, with_close_seconds
from retrieval.fields import opening_label, without_list_mark
from retrieval.header_quote import verbatim_header
from retrieval.kinds import has_kind
from retrieval.overlap import danish_analyzer
from retrieval.ranking import states_outcome
from retrieval.sentences import Sentence
from retrieval.units import HEADING_WORDS, LIST_MARK, is_heading, row_label

# A neighbour is quoted too when it scores within this margin of the best sentence.
NEIGHBOUR_MARGIN = 0.15
# Following sentences are added while the quote is shorter than this.
QUOTE_CHARS = 300


@dataclass(frozen=True)
class Quote:
    """The chosen answer: verbatim text, the passage it opens in, and what kind of answer it is."""

    text: str
    passage: Passage
    kind: str | None
    score: float
    # Every passage the quote draws on, ``passage`` first: the evidence to show next.
    sources: tuple[Passage, ...] = ()
    # The item's other passages, best first by the model: they take the places the search gave
    # to that item's passages (``retrieval.answer.answer_first``).
    item_order: tuple[Passage, ...] = ()

    @property
    def is_outcome(self) -> bool:
        """A decision quoted from the item's outcome: labelled »Besluttet«. A remark the Referat
        records (»DAS bemærkede følgende …«) is what was said, not what was decided."""
        return self.passage.is_outcome and states_outcome(self.passage) and has_kind(self.text, "outcome") > 0


def _place(s: Sentence) -> tuple[str, int, str | None, str | None]:
    # The role too: the composed meeting summary ("info") and the raw front matter are both
    # item 0 without a section, but a quote must not run from one into the other.
    return (s.passage.source, s.passage.item_number, s.passage.section, s.passage.role)


def _needs_more(text: str) -> bool:
    """A sentence that announces what follows ("... blev valgt:") or is a bare label."""
    return text.rstrip().endswith(":") or len(text.split()) < 4


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


def _in_announced_list(pool: Sequence[Sentence], chosen: list[int], nxt: int) -> bool:
    """Whether ``nxt`` is the next line of a list the quote announced ("følgende tilbud:" and
    its lines so far): the list is quoted whole, within ``QUOTE_UNITS``, not cut at three."""
    if not LIST_MARK.match(pool[nxt].text):
        return False
    at = len(chosen) - 1
    while at >= 0 and LIST_MARK.match(pool[chosen[at]].text):
        at -= 1
    return at >= 0 and at < len(chosen) - 1 and pool[chosen[at]].text.rstrip().endswith(":")


def _span(
    pool: Sequence[Sentence], best: int, scores: dict[int, float], best_score: float, fill: bool = True
) -> list[int]:
    """The units quoted around ``best``: see ``quote``. Without ``fill``, a following sentence
    is added only where the quote needs it (an announcing line, a heading), not for length."""
    chosen = from_sentence_start(pool, best)
    if chosen[0] == best and best > 0 and _continues(pool[best - 1], pool[best]):
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
        figures_only = sum(c.isalpha() for c in pool[best].text) < 2 and is_heading(before)
        announced = before.rstrip().endswith(":") and len(before.split()) <= HEADING_WORDS
        if figures_only or announced:
            chosen.insert(0, best - 1)
    nxt = best + 1
    while nxt < len(pool) and _place(pool[nxt]) == _place(pool[best]) and len(chosen) < QUOTE_UNITS:
        # What was put before the best sentence (its start, its label) is context: not counted.
        counted = sum(not is_heading(pool[i].text) for i in chosen if i >= best)
        last = pool[chosen[-1]].text
        listed = _in_announced_list(pool, chosen, nxt)
        if counted >= QUOTE_SENTENCES and not last.rstrip().endswith(":") and not listed:
            break
        length = sum(len(pool[i].text) for i in chosen)
        close = scores.get(nxt, -math.inf) >= best_score - NEIGHBOUR_MARGIN
        needed = _needs_more(last) or is_heading(last) or close or listed
        # Length alone does not carry a quote past a heading into a table (»Tabel 2. Krisecentre i
        # …«, then rows of names and figures): its rows say nothing the question asked.
        heads_more = is_heading(pool[nxt].text) and not _prose_after(pool, nxt)
        if not (needed or (fill and length < QUOTE_CHARS and not heads_more)):
            break
        chosen.append(nxt)
        nxt += 1
    return chosen


def _prose_after(pool: Sequence[Sentence], heading: int) -> bool:
    """Whether a sentence, not a table's row or another heading, follows ``heading`` in its section."""
    nxt = heading + 1
    return nxt < len(pool) and _place(pool[nxt]) == _place(pool[heading]) and pool[nxt].text.rstrip()[-1:] in ".!?"


def decided_instead(pool: Sequence[Sentence], best: int, kind: str | None) -> int | None:
    """The outcome sentence that supersedes a proposal's, or None.

    When the best sentence is from an item's proposal (Indstilling: "tilskud på 20.000 kr.")
    and the same item's outcome section (Beslutning: "Tilskuddet forhøjes til 25.000 kr.")
    speaks of the same subject (shares a stem with it) and surely holds the kind of token asked
    for, the outcome is what holds: a proposal only says what was asked for. An outcome that only
    says "Godkendt" shares no stem and leaves the proposal quoted, and so does one that only
    may hold it (»… i Syddanmark« for »Hvor skal døgnseminaret holdes?«).
    """
    proposal = pool[best]
    if proposal.passage.role != "proposal":
        return None
    analyzer = danish_analyzer()
    subject = set(analyzer(proposal.text))
    found, most = None, 0
    for i, s in enumerate(pool):
        p = s.passage
        if p.source != proposal.passage.source or p.item_number != proposal.passage.item_number:
            continue
        if not (p.is_outcome and states_outcome(p)) or (kind is not None and has_kind(s.text, kind) < 1):
            continue
        shared = len(subject & set(analyzer(s.text)))
        if shared > most:
            found, most = i, shared
    return found


def quote(
    pool: Sequence[Sentence], ranked: list[tuple[int, float]], kind: str | None, question: str = ""
) -> Quote | None:
    """The best sentence and what follows it in its section, up to three sentences.

    A following sentence is quoted while the quote is short (``QUOTE_CHARS``), when the
    quote so far announces it (ends with ":") or is a stub, or when it scores nearly as well:
    an answer often spans a sentence and the list or figure after it. Headings and labels
    do not count towards the three (they name what follows; the answer is in what follows),
    and a quote does not end on a line that announces more. A best sentence that is the rest
    of one broken at a passage boundary is quoted from where that sentence starts. A proposal
    gives way to the outcome that decided on it (``decided_instead``), and a quote of the
    composed meeting summary to the raw header line stating the same (``verbatim_header``).
    Sentences of the item that score nearly as well are added apart (``with_close_seconds``).
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
    if best > 0 and _value_below(pool, best - 1) == best:
        best = best - 1  # the value of a label on the line above: quoted from the label
    value = _value_below(pool, best)
    field = pool[best].text if value is None else f"{pool[best].text} {pool[value].text}"
    if labelled_fact(without_list_mark(field), question, kind):
        # "Afbud: Anne Krøjer, ..." asked for by its label answers by itself: what follows it
        # in a header is another field or the agenda, and nothing else is set beside it. A web
        # export writes the label on a line of its own (»STED«, then »HR Fredericia: …«).
        chosen = from_sentence_start(pool, best) + ([value] if value is not None else [])
        chosen += [i for i in other_fields_asked(pool, best, question) if i not in chosen]
    elif kind in ("money", "count") and row_label(pool[best].text) is not None:
        # A table row with the figure asked for answers by itself too; the lines after it are
        # other rows or other matters.
        chosen = [best]
    else:
        chosen = with_close_seconds(pool, best, _span(pool, best, scores, best_score), ranked, best_score, kind)
        best, chosen = figure_first(pool, best, chosen, kind, dict(ranked))
    text = "".join(
        ("" if n == 0 else " " if i == chosen[n - 1] + 1 else " … ") + pool[i].text for n, i in enumerate(chosen)
    )
    sources = [pool[best].passage]
    for i in chosen:
        if all(pool[i].passage.id != known.id for known in sources):
            sources.append(pool[i].passage)
    return Quote(text, pool[best].passage, kind, best_score, tuple(sources), next_best(pool, best, sources, ranked))


def _value_below(pool: Sequence[Sentence], best: int) -> int | None:
    """The line after a header label that stands alone (»STED«) or announces it (»Tilstede fra
    bestyrelsen var:«), holding its value, or None."""
    line = without_list_mark(pool[best].text)
    label = opening_label(line)
    nxt = best + 1
    if label is None or nxt >= len(pool):
        return None
    if len(line.split()) > len(label.split()) and not line.rstrip().endswith(":"):
        return None
    if pool[nxt].passage.id != pool[best].passage.id or opening_label(pool[nxt].text) is not None:
        return None
    return nxt


def next_best(
    pool: Sequence[Sentence], best: int, sources: list[Passage], ranked: list[tuple[int, float]]
) -> tuple[Passage, ...]:
    """The answer item's other passages, not quoted, in the order of their best sentences."""
    item = (pool[best].passage.source, pool[best].passage.item_number)
    known = {p.id for p in sources}
    found: list[Passage] = []
    for i, _ in ranked:
        p = pool[i].passage
        if (p.source, p.item_number) == item and p.id not in known:
            known.add(p.id)
            found.append(p)
    return tuple(found)
