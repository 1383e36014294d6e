"""How much of a question's wording a candidate sentence holds, and whether it only restates it.

Both compare Danish stems (``indexer.bm25.DanishAnalyzer``, the search's own analyzer), so
that "godkendte" meets "godkendelse" and "deltog" meets "deltagere".
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

import numpy as np

from indexer.bm25 import STOPWORDS, DanishAnalyzer, compound_splits, particle_compounds


@functools.cache
def danish_analyzer() -> DanishAnalyzer:
    return DanishAnalyzer()


def lexical_overlap(question: str, texts: Sequence[str], groups: Sequence[Sequence[str]] = ()) -> np.ndarray:
    """Share of the question's stems (idf-weighted over ``texts``) that each text contains.

    With ``groups`` (an English question's words, each with its Danish translations) a group
    is one term, found where any of its stems is: a word counts once however many senses it
    was translated into, and an untranslatable English word still counts as missing.
    """
    analyzer = danish_analyzer()
    terms = [frozenset(s for w in g for s in analyzer(w)) for g in groups] or [
        frozenset({t}) for t in analyzer(question)
    ]
    if not groups:
        # A verb and its particle meet the compound the minutes write (»sparet op« - »opsparede«).
        joined = dict(particle_compounds(question, analyzer.stem))
        terms = [t | {joined[w]} if (w := next(iter(t))) in joined else t for t in terms]
    terms = [t for t in dict.fromkeys(terms) if t]
    if not terms or not texts:
        return np.zeros(len(texts))
    bags = [set(analyzer(t)) for t in texts]
    vocabulary = set().union(*bags)
    terms = _with_stem_variants(terms, vocabulary)
    parts = [_parts_in(term, vocabulary, analyzer) for term in terms]
    n = len(bags)
    found = [[_holds(bag, term, split) for term, split in zip(terms, parts, strict=True)] for bag in bags]
    idf = [math.log(1 + (n + 1) / (sum(row[k] for row in found) + 0.5)) for k in range(len(terms))]
    total = sum(idf)
    return np.array([sum(w for w, hit in zip(idf, row, strict=True) if hit) / total for row in found])


# The Danish stemmer cuts a base form ending in -es or -s further than its inflections (»proces« -
# proc, »processen« - proces; »kurs« - kur, »kurset« - kurs): a stem that extends a question's stem
# by this many letters at most, or that it extends so, is the same word. Four letters at least, so
# no short stem meets a longer word.
VARIANT_LETTERS, VARIANT_MIN = 2, 4


def _with_stem_variants(terms: list[frozenset[str]], vocabulary: set[str]) -> list[frozenset[str]]:
    """Each term with the stems of ``vocabulary`` that extend one of its stems or that it extends
    (``VARIANT_LETTERS``)."""
    out = []
    for term in terms:
        variants = {v for t in term for v in vocabulary if _variant(t, v) or _variant(v, t)}
        out.append(term | variants)
    return out


def _holds(bag: set[str], term: frozenset[str], split: list[tuple[str, str]]) -> bool:
    """Whether a candidate's stems hold a term: one of its stems, or both parts of its compound."""
    return bool(term & bag) or any(a in bag and b in bag for a, b in split)


# Parts of a compound this long at least count as its two words (»døgntaksten« - »døgn taksten«).
PART_LETTERS = 4


def _parts_in(term: frozenset[str], vocabulary: set[str], analyzer: DanishAnalyzer) -> list[tuple[str, str]]:
    """The ways a one-word term splits into two stems that the candidates hold as words of their
    own (»døgntakst« - døgn, takst): a sentence holding both holds the compound."""
    if len(term) != 1:
        return []
    pairs = ((analyzer.stem(m), analyzer.stem(h)) for m, h in compound_splits(next(iter(term))))
    return [
        (a, b)
        for a, b in pairs
        if min(len(a), len(b)) >= PART_LETTERS and a in vocabulary and b in vocabulary and STOPWORDS.isdisjoint((a, b))
    ]


def _variant(short: str, long: str) -> bool:
    return len(short) >= VARIANT_MIN and 0 < len(long) - len(short) <= VARIANT_LETTERS and long.startswith(short)


def echoes(question: str, title: str, texts: Sequence[str]) -> np.ndarray:
    """1 for a sentence that only restates the question or its item's title (a heading, an agenda
    line): nearly all its stems are among theirs, so it adds nothing the reader did not know."""
    analyzer = danish_analyzer()
    known = set(analyzer(question)) | set(analyzer(title))
    out = []
    for text in texts:
        stems = set(analyzer(text))
        # One new stem in five is allowed, and one in a longer sentence; a sentence of one or two
        # stems echoes only if they are all known ("-164.000" or "DAS godkendte" adds a fact).
        allowed = 0 if len(stems) < 3 else max(1, len(stems) // 5)
        out.append(float(bool(stems) and len(stems - known) <= allowed))
    return np.array(out)
