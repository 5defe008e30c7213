"""The words of each language the bot reads and writes, in one place per language (in the
way spaCy keeps each language's data in `lang/en`, `lang/nl`, `lang/de`).

Each language package holds one module per concept, typed by `lang.base`:

- `cues.py`     — what a message asks: intent cue words with weights, weak cues (question
                  words), compound endings, word classes, phrases, and the typo guard `known`
                  (read by `bot.intents`);
- `replies.py`  — the bot's own words: replies, what a page does not state, button labels
                  (`bot.phrases`);
- `topics.py`   — practical topics (home office, visa, housing, ...): the words that ask about
                  them, the words to look for in a page, the reply label (`bot.topics`);
- `kinds.py`    — kinds of position (PhD, postdoc, MSc/BSc project, engineer, assistant):
                  words, two-word names, compound beginnings, labels, negations, degree markers
                  (`knowledge.positions`);
- `glossary.py` — topic words and their English equivalents on pages (`bot.glossary`);
- `detect.py`   — frequent words that tell the language (`knowledge.textnorm.language_of`);
- `pages.py`    — how pages speak of what answers quote from them: pay, an appointment's
                  length and dates, sending an application, equal-opportunity statements,
                  what is desirable — regular-expression alternatives (`bot.answers`);
- `query.py`    — the shape of a question (question words, status words, ordinals,
                  references to a vacancy, what users say of themselves), typed by
                  `lang.query.QueryWords` (`bot.understand`, `bot.about_me`).

A word spelled the same in two languages ("start", "hallo", "master") is listed in each
language it belongs to. `lang/common.py` holds only what is no one language's word:
abbreviations and names ("phd", "msc", "cv", "python", "ielts"), foreign greetings, and the
phrases that join words of all three languages.

The code reads the merged views below: every language (and `common`) at once, built at import
with duplicates removed. tests/test_lang.py checks that the languages agree.
"""

from __future__ import annotations

from collections.abc import Iterable

from lang import common
from lang.base import KINDS, Cues, CueTable, Kinds, Language, TopicWords
from lang.de import LANGUAGE as DE
from lang.en import LANGUAGE as EN
from lang.nl import LANGUAGE as NL
from lang.query import QueryWords, merged

__all__ = [
    "CUE_CLASSES", "CUE_PHRASES", "CUE_SUFFIXES", "CUE_WORDS", "DEGREE_BEFORE", "DEGREE_NEXT",
    "DETECT", "GLOSSARY", "KINDS", "KIND_LABELS", "KIND_PAIRS", "KIND_PREFIXES", "KIND_WORDS",
    "KNOWN", "LANGS", "NEGATIONS", "NEGATION_PAIRS", "TOPICS", "WEAK_CUES", "Language",
    "page_words", "section_cues",
]

LANGS: dict[str, Language] = {"en": EN, "nl": NL, "de": DE}


def page_words(name: str) -> str:
    """One field of `lang.base.PageWords` in every language (and `common`) at once: the
    alternatives of a regular expression."""
    found = (getattr(p, name) for p in (*(x.pages for x in LANGS.values()), common.PAGES))
    return "|".join(f for f in found if f)

def section_cues() -> dict[str, str]:
    """`PageWords.section_cues` of every language (and `common`) at once: kind -> the
    alternatives of a regular expression, in the order English lists the kinds (the first
    of two kinds counted equally wins)."""
    merged: dict[str, list[str]] = {}
    for pages in (*(x.pages for x in LANGS.values()), common.PAGES):
        for kind, cues in pages.section_cues:
            merged.setdefault(kind, []).append(cues)
    return {kind: "|".join(found) for kind, found in merged.items()}


_CUES: tuple[Cues, ...] = (*(lang.cues for lang in LANGS.values()), common.CUES)
_KINDS: tuple[Kinds, ...] = (*(lang.kinds for lang in LANGS.values()), common.KINDS)


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(a, b) for a, _, b in (p.partition("_") for p in text.split())]


def _merge_cues(tables: Iterable[CueTable]) -> dict[str, dict[float, tuple[str, ...]]]:
    """intent -> weight -> words, each word once per intent and weight."""
    merged: dict[str, dict[float, dict[str, None]]] = {}
    for table in tables:
        for intent, groups in table.items():
            for weight, words in groups.items():
                merged.setdefault(intent, {}).setdefault(weight, {}).update(
                    dict.fromkeys(words.split()))
    return {i: {w: tuple(words) for w, words in g.items()} for i, g in merged.items()}


def _merge_phrases(tables: Iterable[dict[str, str]]) -> dict[str, str]:
    merged: dict[str, str] = {}
    for table in tables:
        for pattern, effects in table.items():
            if merged.setdefault(pattern, effects) != effects:
                raise ValueError(f"phrase {pattern!r} has two meanings")
    return merged


def _merge_kinds(tables: Iterable[dict[str, str]]) -> dict[str, str]:
    """word -> kind over every language; a word naming two kinds is an error."""
    merged: dict[str, str] = {}
    for table in tables:
        for kind, words in table.items():
            for word in words.split():
                if merged.setdefault(word, kind) != kind:
                    raise ValueError(f"{word!r} names two kinds")
    return merged


def _glossary(langs: Iterable[Language]) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for lang in langs:
        for line in lang.glossary.strip().splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            left, _, right = line.partition(":")
            english = tuple(right.split())
            for word in left.split():
                table[word] = tuple(dict.fromkeys(table.get(word, ()) + english))
    return table


def _topics(langs: Iterable[Language]) -> dict[str, TopicWords]:
    merged: dict[str, TopicWords] = {}
    for lang in langs:
        for key, t in lang.topics.items():
            had = merged.get(key, TopicWords(frozenset(), frozenset(), frozenset(), {}))
            merged[key] = TopicWords(had.words | set(t.words.split()),
                                     had.pairs | set(_pairs(t.pairs)),
                                     had.search | set(t.search.split()),
                                     {**had.labels, lang.code: t.label})
    return merged


# ---- cues (bot.intents) --------------------------------------------------------------------
CUE_WORDS = _merge_cues(c.words for c in _CUES)
WEAK_CUES = _merge_cues(c.weak for c in _CUES)
CUE_SUFFIXES = _merge_cues(c.suffixes for c in _CUES)
CUE_CLASSES: dict[str, frozenset[str]] = {}
for _c in _CUES:
    for _name, _words in _c.classes.items():
        CUE_CLASSES[_name] = CUE_CLASSES.get(_name, frozenset()) | set(_words.split())
CUE_PHRASES = _merge_phrases(c.phrases for c in _CUES)
KNOWN = frozenset(w for c in _CUES for w in c.known.split())

# ---- practical topics (bot.topics), glossary (bot.glossary), language (knowledge.textnorm) ---
TOPICS = _topics(LANGS.values())
GLOSSARY = _glossary(LANGS.values())
DETECT = {code: frozenset(lang.detect.split()) for code, lang in LANGS.items()}

# ---- kinds of position (knowledge.positions) -----------------------------------------------
KIND_LABELS = {code: dict(lang.kinds.labels) for code, lang in LANGS.items()}
KIND_WORDS = _merge_kinds(k.words for k in _KINDS)
KIND_PAIRS: dict[tuple[str, str], str] = {}
for _k in _KINDS:
    for _kind, _text in _k.pairs.items():
        for _pair in _pairs(_text):
            if KIND_PAIRS.setdefault(_pair, _kind) != _kind:
                raise ValueError(f"{_pair!r} names two kinds")
KIND_PREFIXES = tuple(dict.fromkeys((p, kind) for k in _KINDS for kind, ps in k.prefixes.items()
                                    for p in ps.split()))
NEGATIONS = frozenset(w for k in _KINDS for w in k.negations.split())
NEGATION_PAIRS = frozenset(p for k in _KINDS for p in _pairs(k.negation_pairs))
DEGREE_NEXT = frozenset(w for k in _KINDS for w in k.degree_next.split())
DEGREE_BEFORE = frozenset(w for k in _KINDS for w in k.degree_before.split())


# ---- the shape of a question ----------------------------------------------------------------

QUERY_BY_LANG: dict[str, QueryWords] = {code: language.query for code, language in LANGS.items()}
QUERY: QueryWords = merged(*QUERY_BY_LANG.values())
