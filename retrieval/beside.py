"""What may stand beside the best sentence in a quote (``retrieval.quoting``): the other fields
of a header the question names, sentences of the same item that score nearly as well, the
figure asked for (which then opens the quote), and the start of a sentence the splitter cut
after initials."""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.fields import asked_terms, field_answers, label_asked, opening_label
from retrieval.kinds import has_kind
from retrieval.offices import office_asked
from retrieval.ranking import states_outcome
from retrieval.sentences import Sentence
from retrieval.units import is_heading

# Other sentences of the answer's item are quoted too when they score within this margin of
# the best (see ``with_close_seconds``), while the whole quote stays under SECONDS_CHARS.
SECOND_MARGIN = 1.0
SECONDS, SECONDS_CHARS = 2, 450
# Units before a sentence that may belong to it (initials the splitter cut at).
START_UNITS = 6
# Initials the splitter took for a sentence end: "Den A.P." | "Møllerske Støttefond ...".
_INITIALS_END = re.compile(r"(?:^|[\s(])(?:[A-ZÆØÅ]\.){1,3}$")


def from_sentence_start(pool: Sequence[Sentence], i: int) -> list[int]:
    """``i`` with the units before it in its passage that end in initials (its real start)."""
    start = i
    while (
        start > 0
        and i - start < START_UNITS
        and pool[start - 1].passage.id == pool[i].passage.id
        and _INITIALS_END.search(pool[start - 1].text.rstrip())
    ):
        start -= 1
    return list(range(start, i + 1))


def labelled_fact(text: str, question: str, kind: str | None) -> bool:
    """A header field with its value, whose label the question names ("Hvem meldte afbud?") or
    whose field is what it asks for ("Hvor blev mødet holdt?" - "Sted Læsø")."""
    label = opening_label(text)
    has_value = label is not None and len(text.split()) > len(label.split())
    return has_value and (field_answers(text, kind) or label_asked(text, asked_terms(question)))


def other_fields_asked(pool: Sequence[Sentence], best: int, question: str) -> list[int]:
    """The other fields of the same front matter that the question names by their labels
    (»Hvem var dirigent og referent?« - »Dirigent: …« and »Referent: …«), or that note the
    office it names beside a name (»Hvem var referent, og hvem havde meldt afbud?« - »Afbud fra
    …« and »Til stede: …, Arne Svendsen (Ref).«), in document order."""
    first = pool[best].passage
    asked = asked_terms(question)
    labels = {opening_label(pool[best].text)}
    found = []
    for i, s in enumerate(pool):
        if s.passage.id != first.id or i == best:
            continue
        label = opening_label(s.text)
        has_value = label is not None and len(s.text.split()) > len(label.split())
        field = label not in labels and has_value and label_asked(s.text, asked)
        if field or (first.item_number == 0 and office_asked(s.text, asked)):
            labels.add(label)
            found.append(i)
    return found


def figure_first(
    pool: Sequence[Sentence], best: int, chosen: list[int], kind: str | None, scores: dict[int, float]
) -> tuple[int, list[int]]:
    """Asked for an amount, a count or a place, the quote opens with the run of units that states
    it (the figure with what of its passage is quoted beside it) and cites its passage, when the
    best sentence does not surely state one (»Evaluering … 121.800« before »… merforbrug, som
    skyldes evalueringen …«; »Døgnseminaret afholdes på Hotel Sixtus …« before the proposal
    about the seminar's theme), the best scored of them; the rest follows in its order."""
    if kind not in ("money", "count", "place") or has_kind(pool[best].text, kind) == 1:
        return best, chosen
    figures = [i for i in chosen if has_kind(pool[i].text, kind) == 1]
    if not figures:
        return best, chosen
    figure = max(figures, key=lambda i: scores.get(i, float("-inf")))  # the likeliest, not the first
    # The figure with the units quoted with it in one run (a row and its label), then the rest.
    run = [i for i in chosen if pool[i].passage.id == pool[figure].passage.id]
    return figure, [*run, *(i for i in chosen if i not in run)]


def with_close_seconds(
    pool: Sequence[Sentence],
    best: int,
    chosen: list[int],
    ranked: list[tuple[int, float]],
    best_score: float,
    kind: str | None = None,
) -> list[int]:
    """``chosen`` (the quote around ``best``), then up to ``SECONDS`` of the next best sentences
    of the same agenda item that score within ``SECOND_MARGIN`` of the best, in document order.

    When two sentences of an item are nearly as likely to answer, the model cannot tell
    which one does: quoting both (apart, joined by " … ") answers where quoting one would
    be a coin toss. Composed summaries (role "info") are not the minutes' words: never added.
    """
    first = pool[best].passage
    # A decision stands on its own: beside it, only more of the decision is quoted, or the figure
    # asked for that it lacks (»… merforbrug, som skyldes evalueringen …« - »Evaluering … 121.800«).
    decision = first.is_outcome and states_outcome(first)
    lacks_figure = kind in ("money", "count") and not has_kind(pool[best].text, kind)
    taken = list(chosen)
    length = sum(len(pool[i].text) for i in taken)
    said = " ".join(pool[i].text for i in chosen)
    if len(said.split()) < 3 and has_kind(said, "outcome"):
        taken.extend(_what_was_decided(pool, best, ranked))
    for i, value in ranked[1:]:
        if value < best_score - SECOND_MARGIN or len(taken) - len(chosen) >= SECONDS:
            break
        p = pool[i].passage
        if i in taken or p.role == "info" or (p.source, p.item_number) != (first.source, first.item_number):
            continue
        if decision and not p.is_outcome and not (lacks_figure and has_kind(pool[i].text, kind)):
            continue
        # Headings, stubs ("Bilag 1.") and attachment lists add nothing a reader needs.
        stub = len(pool[i].text.split()) < 3 or p.role == "attachments" or (p.section or "").casefold() == "bilag"
        if stub or is_heading(pool[i].text) or length + len(pool[i].text) > SECONDS_CHARS:
            continue
        whole = [j for j in from_sentence_start(pool, i) if j not in taken]
        taken.extend(whole)
        length += sum(len(pool[j].text) for j in whole)
    # The quote opens with the best sentence, where it is cited; what is set beside it follows
    # in document order.
    return [*chosen, *sorted(i for i in taken if i not in chosen)]


def _what_was_decided(pool: Sequence[Sentence], best: int, ranked: list[tuple[int, float]]) -> list[int]:
    """For a bare decision (»Godkendt«, »Udsættes«): the item's best sentence of more words, which
    says what was approved or put off; the decision alone does not answer a question about it."""
    first = pool[best].passage
    for i, _ in ranked:
        p = pool[i].passage
        if (p.source, p.item_number) != (first.source, first.item_number) or i == best or p.role == "info":
            continue
        if len(pool[i].text.split()) < 3 or is_heading(pool[i].text) or p.role == "attachments":
            continue
        # With the sentences after it in its passage while they fit: what was approved is often
        # told in a run of sentences (»… anbefalet, at … Som følge af … er passussen taget ud«).
        taken = from_sentence_start(pool, i)
        j = taken[-1] + 1
        while (
            j < len(pool)
            and pool[j].row == pool[i].row
            and len(taken) < 3
            and sum(len(pool[k].text) for k in taken) + len(pool[j].text) <= SECONDS_CHARS
        ):
            taken.append(j)
            j += 1
        return taken
    return []
