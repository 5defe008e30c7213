"""Practical questions applicants ask beyond the usual intents — home office, part-time,
visa, housing, vacation, number of places — in English, Dutch and German.

A topic names what the page should be searched for (its words, as stems) and how to say it
when the page is silent ("The page does not mention a visa"). It is answered from the
sentence of the page that addresses it (`bot.answers.practical`), never from a guess.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache

from bot.model import Intent
from knowledge.textnorm import stem
from lang import TOPICS as LANG_TOPICS


@dataclass(frozen=True, slots=True)
class Topic:
    key: str
    intent: Intent  # the intent a reply on this topic is filed under
    words: frozenset[str]  # folded single words that name it
    pairs: frozenset[tuple[str, str]]  # folded two-word names
    search: frozenset[str]  # stems to look for in the page's sentences
    label: dict[str, str]  # "a visa" — what the page does (not) mention, per language


# The topics, in the order they are reported, and the intent each reply is filed under; their
# words and labels are in each language's `lang/<code>/topics.py`.
_INTENTS: dict[str, Intent] = {
    "remote": Intent.LOCATION,
    "home_office": Intent.OVERVIEW,
    "part_time": Intent.DURATION,
    "hours": Intent.DURATION,
    "flexible": Intent.OVERVIEW,
    "visa": Intent.REQUIREMENTS,
    "housing": Intent.OVERVIEW,
    "vacation": Intent.OVERVIEW,
    "places": Intent.OVERVIEW,
    "family": Intent.OVERVIEW,
    "relocation": Intent.SALARY,
    "teaching": Intent.OVERVIEW,
    "funding": Intent.SALARY,
    "wet_lab": Intent.REQUIREMENTS,
    "partners": Intent.OVERVIEW,
}

# a topic is looked for in a page by its search words and by every word that asks for it:
# a page may write what a user types ("Lehrverpflichtung")
TOPICS: tuple[Topic, ...] = tuple(
    Topic(key, intent, LANG_TOPICS[key].words, LANG_TOPICS[key].pairs,
          frozenset(stem(w) for w in LANG_TOPICS[key].search | LANG_TOPICS[key].words),
          LANG_TOPICS[key].labels)
    for key, intent in _INTENTS.items())

_BY_WORD = {w: [t for t in TOPICS if w in t.words] for each in TOPICS for w in each.words}
_BY_PAIR = {p: [t for t in TOPICS if p in t.pairs] for each in TOPICS for p in each.pairs}


@dataclass(frozen=True, slots=True)
class Asked:
    topic: Topic
    words: tuple[str, ...]  # the message words that named it


@lru_cache(maxsize=4096)
def topics_in_words(message: tuple[str, ...]) -> tuple[Asked, ...]:
    """The practical topics a message's folded words ask about, in order, each once."""
    found: dict[str, tuple[Topic, list[str]]] = {}  # by key: the topic, the words that named it
    toks = [p for t in message for p in ([t, *t.split("-")] if "-" in t else [t])]
    for word, after in itertools.pairwise([*toks, ""]):
        hits = [(t, [word, after]) for t in _BY_PAIR.get((word, after), ())]
        hits += [(t, [word]) for t in _BY_WORD.get(word, ())]
        for t, words in hits:
            said = found.setdefault(t.key, (t, []))[1]
            said.extend(w for w in words if w not in said)
    return tuple(Asked(t, tuple(said)) for t, said in found.values())
