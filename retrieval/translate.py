"""English questions, Danish words: query expansion from a glossary and Debian's FreeDict dictionaries.

The minutes are Danish and so is the BM25 index (Danish stems and stop words): an English
question matches nothing there but names and numbers, and only the multilingual embedding
carries it. Adding the Danish translations of its words to the lexical query lets BM25 match
(»auditors« -> revisor, »rent« -> husleje). Two sources:

- ``glossary_en_da.tsv`` next to this module, written by hand: the general vocabulary of
  minutes (board, chair, deficit, agenda, general assembly). FreeDict lacks most of it: no
  »formand«, »revisor«, »regnskab«, »dagsorden«, and "board" gives only »hylde«. Read first,
  its words come before FreeDict's; it ships with the package, so it works without FreeDict.
- Debian's ``dict-freedict-eng-dan`` (English -> Danish, a few hundred headwords) and
  ``dict-freedict-dan-eng`` (Danish -> English, about 5,000 headwords), read in reverse: a
  Danish headword is a translation of each English gloss it lists on its own (»gruppe«:
  "group"; not »grupperabat«: "group discount"). Direct entries come first, then the reversed
  ones by sense order. Without the packages only the glossary's words are translated.

Each word gets at most ``PER_WORD`` translations, glossary ones first; two-word phrases of
either source ("general assembly", "snow clearing") are matched before their words.
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path

from indexer.bm25 import STOPWORDS_EN

DICT_DIR = Path("/usr/share/dictd")
GLOSSARY = Path(__file__).with_name("glossary_en_da.tsv")
ENG_DAN, DAN_ENG = "freedict-eng-dan", "freedict-dan-eng"
# Translations taken per English word: a word has few good ones, and each adds noise to BM25.
PER_WORD = 4

# dictd writes offsets and lengths in its own base64 digits.
_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
_NOTE = re.compile(r"\[[^\]]*\]|\([^)]*\)|<[^>]*>|\{[^}]*\}")
_SENSE = re.compile(r"(?:^|\s)\d+\.\s")
# Not a unit written with its power (»m2«, »m²«): that is one token, kept as written.
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*(?![\d²³])")
_UNIT = re.compile(r"\b[^\W\d_]+[\d²³]+\b")

# Words that carry no topic: the English stop words of the BM25 index, and more question words,
# auxiliaries, pronouns, prepositions, and verbs too general to translate usefully.
STOPWORDS = STOPWORDS_EN | frozenset(
    """
    at by without into onto over under after before during between among through since until
    upon per as than then so such nor but if whether not no yes any all some each every both
    either neither other another same own more most less least much many few very too also just
    only even still yet again already ever whose here i me my us him one ones someone something
    am doing having shall may might must ought let get got gets getting make made makes go goes
    went gone going come came take took taken give gave given say said says tell told ask asked
    put set like please well s t
    """.split()
)


def _number(digits: str) -> int:
    n = 0
    for c in digits:
        n = n * 64 + _B64[c]
    return n


def _entries(name: str) -> list[tuple[str, str]]:
    """(headword, entry body) for every headword of one dictd dictionary (headword line dropped)."""
    index, data = DICT_DIR / f"{name}.index", DICT_DIR / f"{name}.dict.dz"
    if not index.is_file() or not data.is_file():
        return []
    with gzip.open(data) as f:  # dictzip is gzip with a seek table
        raw = f.read()
    out = []
    for line in index.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00database"):
            continue
        start, length = _number(parts[1]), _number(parts[2])
        entry = raw[start : start + length].decode("utf-8", "replace")
        out.append((parts[0].casefold(), entry.split("\n", 1)[1] if "\n" in entry else ""))
    return out


def _senses(body: str) -> list[list[str]]:
    """An entry's translations, sense by sense, without notes: [["from", "of"], ["about", ...]]."""
    text = " ".join(_NOTE.sub(" ", body).split())
    senses = []
    for sense in _SENSE.split(text):
        items = [" ".join(i.split()).casefold() for i in re.split(r"[,;]", sense)]
        items = [re.sub(r"^to ", "", i) for i in items if i]
        if items:
            senses.append(items)
    return senses


@cache
def _glossary() -> dict[str, tuple[str, ...]]:
    """English word or phrase -> Danish words, from the glossary (``english<TAB>dansk, dansk``)."""
    table = {}
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        english, tab, danish = line.partition("\t")
        if tab and not line.startswith("#"):
            words = (" ".join(d.split()).casefold() for d in danish.split(","))
            table[" ".join(english.split()).casefold()] = tuple(d for d in words if d)
    return table


@cache
def _table() -> dict[str, tuple[str, ...]]:
    """English word or phrase -> Danish translations, best first."""
    ranked: dict[str, list[tuple[tuple[int, ...], str]]] = {}
    for english, body in _entries(ENG_DAN):
        for s, items in enumerate(_senses(body)):
            for i, danish in enumerate(items):
                ranked.setdefault(english, []).append(((0, s, i), danish))
    for danish, body in _entries(DAN_ENG):
        for s, items in enumerate(_senses(body)):
            for i, english in enumerate(items):
                ranked.setdefault(english, []).append(((1, s, i), danish))
    table = {}
    for english, found in ranked.items():
        # Single words first, then by dictionary and sense; of equals the shorter (»skole«
        # before »højskole«: a compound is the narrower word).
        found.sort(key=lambda rd: (" " in rd[1], rd[0], len(rd[1])))
        table[english] = tuple(dict.fromkeys(d for _, d in found if _WORD.fullmatch(d.replace(" ", "-"))))
    return table


def available() -> bool:
    """Whether FreeDict is installed (``make dict-deps``); without it only the glossary translates."""
    return bool(_table())


# English forms that suffix stripping cannot undo: irregular plurals and past tenses.
_IRREGULAR = {
    "women": "woman", "men": "man", "children": "child", "people": "person", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "analyses": "analysis", "crises": "crisis", "criteria": "criterion",
    "was": "be", "were": "be", "been": "be", "had": "have", "did": "do", "done": "do", "made": "make",
    "paid": "pay", "sent": "send", "spent": "spend", "lent": "lend", "built": "build", "meant": "mean",
    "met": "meet", "held": "hold", "kept": "keep", "left": "leave", "lost": "lose", "sold": "sell",
    "bought": "buy", "brought": "bring", "thought": "think", "taught": "teach", "sought": "seek",
    "chose": "choose", "chosen": "choose", "took": "take", "taken": "take", "gave": "give",
    "given": "give", "began": "begin", "begun": "begin", "wrote": "write", "written": "write",
    "spoke": "speak", "spoken": "speak", "rose": "rise", "risen": "rise", "fell": "fall",
    "fallen": "fall", "grew": "grow", "grown": "grow", "drew": "draw", "drawn": "draw",
    "knew": "know", "known": "know", "ran": "run", "led": "lead", "read": "read", "cut": "cut",
    "set": "set", "put": "put", "told": "tell", "found": "find", "stood": "stand", "understood":
    "understand", "won": "win", "became": "become", "came": "come", "went": "go", "gone": "go",
    "saw": "see", "seen": "see", "heard": "hear", "felt": "feel", "sat": "sit", "laid": "lay",
}  # fmt: skip


def _forms(word: str) -> list[str]:
    """The word and what simple English inflection stripping makes of it."""
    word = re.sub(r"['’]s?$", "", word)  # possessive: "women's" -> "women"
    forms = [word] + ([_IRREGULAR[word]] if word in _IRREGULAR else [])
    for suffix, replacements in (("ies", ("y",)), ("ied", ("y",)), ("es", ("",)), ("s", ("",)),
                                 ("ed", ("", "e")), ("ing", ("", "e"))):  # fmt: skip
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 2 and not word.endswith("ss"):
            forms += [stem + r for r in replacements]
            if suffix in ("ed", "ing") and len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # planned -> plan
    return forms


def _lookup(keys: list[str]) -> tuple[str, ...]:
    """Translations of the first key the glossary knows, then of the first FreeDict knows, capped."""
    found = ()
    for table in (_glossary(), _table()):
        found += next((table[key] for key in keys if key in table), ())
    return tuple(dict.fromkeys(found))[:PER_WORD]


def translations(word: str) -> tuple[str, ...]:
    """Danish translations of one English word (its first form each source knows)."""
    return _lookup(_forms(word.casefold()))


def word_groups(question: str) -> list[tuple[str, ...]]:
    """Each content word (or two-word phrase) of the question with its Danish translations:
    ("secretariat", "sekretariat"), ("head", "leder", "chef", "forstander", "hoved"); and each
    number, alone."""
    words = [w.casefold() for w in _WORD.findall(question)]
    groups, i = [], 0
    previous: tuple[str, ...] = ()  # the last content word's own translations
    while i < len(words):
        # A phrase's last word may be inflected: "general assemblies", "annual meetings"; a verb
        # phrase's verb too, and an article may stand between: "took the minutes" - take minutes.
        last = i + 2 if words[i + 1 : i + 2] in (["the"], ["a"], ["an"]) else i + 1
        pair = (
            _lookup([f"{first} {form}" for first in dict.fromkeys(_forms(words[i])) for form in _forms(words[last])])
            if last < len(words)
            else ()
        )
        if pair:
            groups.append((" ".join(words[i : last + 1]), *pair))
            previous = pair
            i = last + 1
            continue
        if words[i] not in STOPWORDS:
            own = translations(words[i])
            group = (words[i], *own)
            # A word with no translation is often the Danish word too (folder, budget, status):
            # it still joins a compound (»member folder« - medlemsfolder).
            parts = own or ((words[i],) if words[i].isalpha() else ())
            if parts and previous:
                # Two nouns in a row are one Danish word: »speech institute« - taleinstitut,
                # »contact committee« - kontaktudvalg (with a linking s or e: arbejdsgruppe).
                # Of the words' own translations only, not of compounds made before.
                group += compounds(previous[:COMPOUND_PARTS], parts[:COMPOUND_PARTS])
            groups.append(group)
            previous = own
        else:
            previous = ()
        i += 1
    # Numbers are the same in both languages ("2018", "22-23 October").
    # So are units with a power (»per m2« - »pr. m2«, which the analyzer reads as »kvm«).
    numbers = re.findall(r"(?<![^\W\d_])\d+(?:[.,]\d+)*", question)
    return groups + [(n,) for n in dict.fromkeys(_UNIT.findall(question) + numbers)]


# Translations of each word that are joined into compounds (each joining adds BM25 terms).
COMPOUND_PARTS = 2


def compounds(firsts: tuple[str, ...], seconds: tuple[str, ...]) -> tuple[str, ...]:
    """Danish compounds of two translated words, bare and with a linking letter."""
    found = []
    for a in (f for f in firsts if " " not in f):
        for b in (t for t in seconds if " " not in t):
            found += [a + b, a + "s" + b, a + "e" + b, a.removesuffix("e") + "s" + b]
    return tuple(dict.fromkeys(found))


def danish_terms(question: str, groups: list[tuple[str, ...]] | None = None) -> list[str]:
    """Danish translations of the question's content words (two-word phrases first), no repeats;
    from its ``word_groups`` when they are at hand."""
    words = {w.casefold() for w in _WORD.findall(question)}
    terms = [t for group in (word_groups(question) if groups is None else groups) for t in group[1:]]
    return list(dict.fromkeys(t for t in terms if t not in words))
