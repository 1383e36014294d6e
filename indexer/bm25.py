"""Danish BM25: bm25s over PyStemmer's Danish stems, minus Danish stop words.

Documents and queries go through the same ``DanishAnalyzer``. Numbers are kept as
tokens with thousands separators removed, so "kr. 1.933" and "1933 kr" meet.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import numpy as np

# Snowball's Danish stop-word list, plus question words that carry no topic.
STOPWORDS_DA = frozenset(
    """
    og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har
    om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal
    selv her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle
    denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod
    disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan hvem hvornår
    hvilke hvilken hvilket hvordan hvorfor hvorvidt ved kan få sagt
    """.split()
)
# English function words, for the English questions people also ask.
STOPWORDS_EN = frozenset(
    """
    the a an of to in on for and or is are was were be been being what which who whom when
    where why how about did do does done with from this that these those it its will would
    should can could has have had there their they them we our you your he she his her
    """.split()
)
STOPWORDS = STOPWORDS_DA | STOPWORDS_EN

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
# Snowball's Danish stemmer cuts "-ende" as a present participle ending, which splits the verbs
# whose stem ends in -kend, -send, -vend from their other forms (godkende -> godk, but godkendt,
# godkendelse -> godkend), and it keeps the past tense "-ede" (drøftede -> drøfted, but drøfte,
# drøftet -> drøft). Both are among the commonest verbs of minutes. Not after a vowel or the same
# consonant: those are participles (levende, passende, dækkende).
_KEND_SEND_VEND = re.compile(r"^(.*?(?:(?:^|[^aeiouyæøåk])kend|(?:^|[^aeiouyæøås])send|(?:^|[^aeiouyæøåv])vend))es?$")
# Strong verbs' past tense, which no suffix rule reaches: "Hvem deltog?" must meet "Deltagere".
_STRONG_PAST = {
    "deltog": "deltage", "vedtog": "vedtage", "foreslog": "foreslå", "tog": "tage", "modtog": "modtage",
    "optog": "optage", "antog": "antage", "overtog": "overtage", "påtog": "påtage", "indgik": "indgå",
    "gik": "gå", "fik": "få", "sagde": "sige", "gav": "give", "tilbød": "tilbyde", "kom": "komme",
    "fremkom": "fremkomme", "stod": "stå", "satte": "sætte", "fastsatte": "fastsætte", "nedsatte": "nedsætte",
    "udsatte": "udsætte", "bad": "bede", "skrev": "skrive", "drog": "drage", "lod": "lade",
    "steg": "stige", "faldt": "falde",
}  # fmt: skip
_PAST_TENSE = re.compile(r"^(?!.*stede$)(.{3,}[^aeiouyæøå]e)de$")  # not "tilstede"
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
# Fixed phrases whose last word alone means something else: »til stede« (present) is no »sted«
# (place), nor is »i stedet« (instead). Each is one token.
_FIXED_PHRASES = re.compile(r"\b(?:til\s+stede|i\s+stedet)\b")
# A verb with its particle after it is the compound with the particle before: »sættes i gang« is
# »igangsættes«, »sætte i værk« »iværksætte«, also with its object between (»sætte nye tiltag i gang«).
_PARTICLE_VERB = re.compile(r"\b(sætte[st]?|sætter|satte|sat)\s+((?:\w+\s+){0,3}?)i\s+(gang|værk)\b")


# Square metres written as a word of their own are one word (not inside a compound):
# »850 kr. pr. m2«, »30m2«, »m²«, »pr. kvm«, »kvadratmeter«.
_SQUARE_METRES = re.compile(r"(?<![^\W\d_])(?:m2|m²|kvm|kvadratmet(?:er|re|erne|eren|ers))(?!\w)")


def _joined(m: re.Match[str]) -> str:
    return re.sub(r"\s+", "", m.group(0))


def _particle_first(m: re.Match[str]) -> str:
    return f"i{m[3]}{m[1]} {m[2]}"  # the object, if any, after it: »sætte nye tiltag i gang«


# A verb with its particle after it, as the compound the minutes may write (»sparet op« -
# »opsparede«, »sat ned« - »nedsat«). Not »om«, »af«, »over«, »til«: far more often prepositions.
_VERB_PARTICLE = re.compile(r"\b([^\W\d_]{3,})\s+(op|ned|ud|ind|frem|sammen)\b")
# What a compound's two parts score, against a word the question writes. Measured on every
# question set: 1 lost questions (two parts are broader than the compound they make), 0.5 did not.
PART_WEIGHT = 0.5
# A word is known to the index by a stem that shares all but its last two letters, four at least
# (an inflection or genitive the stemmer left: »Borrehøjs«, »Taleinstituttets«).
KNOWN_LETTERS, KNOWN_PREFIX = 2, 4


def compound_splits(word: str) -> Iterator[tuple[str, str]]:
    """Every way ``word`` may be a compound: modifier and head, the longest head first, parts of
    three letters at least; the modifier also without a linking »s« or »e« (»rammeaftale|s|…«)."""
    for i in range(3, len(word) - 2):
        first, second = word[:i], word[i:]
        yield first, second
        if first[-1] in "se" and len(first) > 3:
            yield first[:-1], second


def particle_compounds(text: str, stem: Callable[[str], str]) -> list[tuple[str, str]]:
    """(the verb's stem, the compound's stem) for each verb with its particle after it in ``text``
    (»sparet op« - spar, opspar): the minutes may write the compound (»opsparede«)."""
    found = []
    for m in _VERB_PARTICLE.finditer(text.casefold()):
        # Not after a function word (»hente det ind«: no verb), nor a stem too short to be one.
        compound = stem(m[2] + m[1])
        if m[1] not in STOPWORDS and len(compound) > 5:
            found.append((stem(m[1]), compound))
    return found


class DanishAnalyzer:
    """Text -> stemmed, stop-word-free tokens (the same for documents and queries)."""

    def __init__(self) -> None:
        import Stemmer

        self._stemmer = Stemmer.Stemmer("danish")
        self._cache: dict[str, str] = {}

    def __call__(self, text: str) -> list[str]:
        tokens = []
        text = _PARTICLE_VERB.sub(_particle_first, _FIXED_PHRASES.sub(_joined, text.casefold()))
        text = _SQUARE_METRES.sub(" kvm ", text)
        for raw in _TOKEN.findall(text):
            if raw[0].isdigit():
                tokens.append(raw.replace(".", "") if _THOUSANDS.match(raw) else raw.rstrip(".,"))
                continue
            if raw in STOPWORDS or len(raw) < 2:
                continue
            tokens.append(self.stem(raw))
        return tokens

    def stem(self, word: str) -> str:
        """The stem of one lower-case word."""
        found = self._cache.get(word)
        if found is None:
            found = self._cache[word] = self._stem(word)
        return found

    def _stem(self, word: str) -> str:
        word = _STRONG_PAST.get(word, word)
        verb = _KEND_SEND_VEND.match(word)
        if verb:
            return verb.group(1)
        past = _PAST_TENSE.match(word)
        return self._stemmer.stemWord(past.group(1) if past else word)


class BM25Index:
    """A bm25s index over passages, scored for all passages at once."""

    def __init__(self, model: object, analyzer: DanishAnalyzer | None = None) -> None:
        self._model = model
        self.analyzer = analyzer or DanishAnalyzer()
        self._sorted_vocab: list[str] | None = None

    @classmethod
    def build(cls, texts: Sequence[str]) -> BM25Index:
        import bm25s

        analyzer = DanishAnalyzer()
        # An empty document list still needs one token for bm25s; it never matches.
        corpus = [analyzer(t) or ["\x00"] for t in texts] or [["\x00"]]
        model = bm25s.BM25()
        _quiet()
        model.index(corpus, show_progress=False)
        return cls(model, analyzer)

    @property
    def size(self) -> int:
        return int(self._model.scores["num_docs"])

    def scores(self, query: str, expand: bool = False) -> np.ndarray:
        """BM25 score of every passage for ``query`` (zeros where nothing matches).

        With ``expand`` (a question the asker wrote in Danish), its words are met as the minutes
        may write them too: a verb and its particle as one compound (»sparet op« - »opsparede«),
        and a compound the index lacks by its two parts where it holds both
        (»rammeaftalesekretariatet« - »sekretariat for rammeaftaler«), at ``PART_WEIGHT``.
        """
        vocab = self._model.vocab_dict
        analyzed = self.analyzer(query)
        tokens = [t for t in analyzed if t in vocab]
        parts: list[str] = []
        if expand:
            compounds = [compound for _, compound in particle_compounds(query, self.analyzer.stem)]
            tokens += [t for t in compounds if t in vocab and t not in tokens]
            parts = [p for t in analyzed if t not in vocab for p in self._parts(t)]
        total = self._scores(tokens)
        return total + PART_WEIGHT * self._scores(parts) if parts else total

    def _scores(self, tokens: list[str]) -> np.ndarray:
        if not tokens:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._model.get_scores(tokens), dtype=np.float32)

    def _parts(self, token: str) -> tuple[str, ...]:
        """A compound stem's modifier and head, both stems of the index (the longest head first)."""
        vocab, stem = self._model.vocab_dict, self.analyzer.stem
        for modifier, head in compound_splits(token):
            if stem(modifier) in vocab and stem(modifier) not in STOPWORDS and stem(head) in vocab:
                return stem(modifier), stem(head)
        return ()

    def knows(self, word: str) -> bool:
        """Whether the index holds ``word``: its stem, a compound of two of its stems, or a stem
        that differs only in its last ``KNOWN_LETTERS`` letters (»Borrehøjs« - borrehøj)."""
        vocab = self._model.vocab_dict
        for stem in self.analyzer(word):
            if stem in vocab or self._parts(stem):
                continue
            prefix = stem[: max(KNOWN_PREFIX, len(stem) - KNOWN_LETTERS)]
            if len(stem) < KNOWN_PREFIX or not self._has_prefix(prefix):
                return False
        return True

    def _has_prefix(self, prefix: str) -> bool:
        if self._sorted_vocab is None:
            self._sorted_vocab = sorted(self._model.vocab_dict)
        at = bisect.bisect_left(self._sorted_vocab, prefix)
        return at < len(self._sorted_vocab) and self._sorted_vocab[at].startswith(prefix)

    def coverage(self, query: str) -> tuple[float, int]:
        """Share of the query's words (after stop words) that occur in the index, and their number."""
        tokens = self.analyzer(query)
        if not tokens:
            return 0.0, 0
        return sum(t in self._model.vocab_dict for t in tokens) / len(tokens), len(tokens)

    def save(self, folder: Path) -> None:
        self._model.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path) -> BM25Index:
        import bm25s

        _quiet()
        return cls(bm25s.BM25.load(str(folder), mmap=False, allow_pickle=False))


def _quiet() -> None:
    logging.getLogger("bm25s").setLevel(logging.WARNING)
