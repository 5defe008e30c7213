"""Which vacancy does a message name? Pure scoring over the knowledge base's keyword index.

Each word of the message is looked up in the index (exact, then same stem, then a close
typo); a vacancy scores the sum of its keyword weights times how rare the word is. The
result keeps the ranking, so the router can tell one clear winner from a tie.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from knowledge.kb import KnowledgeBase
from knowledge.keywords import GENERIC
from knowledge.textnorm import fold, words

# Words that name what is asked, not which vacancy: never vacancy evidence.
QUESTION_WORDS = frozenset(
    """salary salaries pay paid earn wage stipend money requirements requirement qualify
    qualifications requirments salery salry contact email mail apply applying application
    deadline start starting duration long location where based open closed status list
    show tell about info information details please thanks thank hello hi hey help need
    needed want send documents letter cv who whom contract terms employment conditions
    benefits hours much many programming experience background study fits fit person
    salaris verdien verdienen vacature vacatures eisen solliciteren hoe wat wie waar wanneer
    gehalt stelle stellen bewerben bewerbung ansprechpartner wer wie wo wann kontakt
    plek baan functie onderzoeker capital country weather""".split()
)
STRONG = 3.5  # a score from which one vacancy counts as explicitly named
_MIN_FUZZ_LEN = 5
_STEM = 6


@dataclass(frozen=True, slots=True)
class Resolution:
    ranked: tuple[tuple[str, float], ...]  # (vacancy id, score), best first
    matched: tuple[str, ...]  # the message words that named vacancies

    @property
    def top_score(self) -> float:
        return self.ranked[0][1] if self.ranked else 0.0

    def clear_winner(self, ratio: float = 1.25) -> str | None:
        """The best vacancy if it clearly beats the runner-up, else None."""
        if not self.ranked:
            return None
        if len(self.ranked) == 1 or self.ranked[0][1] >= ratio * self.ranked[1][1]:
            return self.ranked[0][0]
        return None

    def tied(self, within: float = 0.8) -> tuple[str, ...]:
        """Every vacancy scoring at least `within` of the best."""
        if not self.ranked:
            return ()
        floor = self.ranked[0][1] * within
        return tuple(i for i, s in self.ranked if s >= floor)


class Resolver:
    """Built once per knowledge base; `resolve` is then a few dictionary look-ups."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        n = max(1, len(kb))
        # a word more than half the vacancies share names none of them ("PhD" when all are)
        common = n // 2 if n >= 4 else n
        self._idf = {t: math.log(1 + n / len(p)) for t, p in kb.index.items()
                     if len(p) <= common}
        stems: dict[str, list[str]] = defaultdict(list)
        for token in kb.vocabulary:
            if len(token) >= _STEM and token.isalpha():
                stems[token[:_STEM]].append(token)
        self._stems = dict(stems)
        self._fuzzy_vocab = [t for t in kb.vocabulary if len(t) >= _MIN_FUZZ_LEN and t.isalpha()]
        self._ids = {fold(x.id): x.id for x in kb.listings}
        self.lookup = lru_cache(maxsize=8192)(self._lookup)
        self._members = lru_cache(maxsize=1024)(self._members_of)
        self._posting_maps = lru_cache(maxsize=1024)(
            lambda token: dict(self.kb.index[token]))
        self._common_df = max(200, n // 20)

    def _lookup(self, word: str) -> tuple[tuple[str, float], ...]:
        """Index tokens a message word stands for, with a confidence factor."""
        if word in self.kb.index:
            return ((word, 1.0),)
        if len(word) >= _STEM and word.isalpha():
            near = [t for t in self._stems.get(word[:_STEM], ())
                    if _common_prefix(t, word) >= min(len(t), len(word)) - 3]
            if near:
                return tuple((t, 0.8) for t in near)
        if len(word) >= _MIN_FUZZ_LEN and word.isalpha() and self._fuzzy_vocab:
            hit = process.extractOne(word, self._fuzzy_vocab, scorer=fuzz.ratio,
                                     score_cutoff=86 if len(word) < 8 else 82)
            if hit:
                return ((hit[0], 0.7),)
        return ()

    def resolve(self, text: str) -> Resolution:
        for raw in fold(text).split()[:50]:  # the vacancy id itself, e.g. from a deep link
            vid = self._ids.get(raw.strip(".,;:!?()[]<>\"'"))
            if vid is not None:
                return Resolution(((vid, 99.0),), (raw,))
        scores: dict[int, float] = defaultdict(float)
        matched: list[str] = []
        found: list[tuple[int, str, list[tuple[str, float, float]]]] = []
        for word in dict.fromkeys(words(text)[:200]):
            if word in GENERIC or word in QUESTION_WORDS or len(word) < 2:
                continue
            if word.isdigit() and len(word) < 4:
                continue  # "2" is a list number, "4" years: not a vacancy name
            hits = [(t, f, self._idf[t]) for t, f in self.lookup(word) if t in self._idf]
            if hits:
                found.append((sum(len(self.kb.index[t]) for t, _, _ in hits), word, hits))
        # rarest words first; a word shared by many vacancies then only adds to those the
        # rarer words found, so it never walks a posting list of thousands
        for df, word, hits in sorted(found):
            matched.append(word)
            if scores and df > self._common_df:
                for i in list(scores):
                    scores[i] += max((self._weight(t, i) * idf * f for t, f, idf in hits),
                                     default=0.0)
                continue
            best: dict[int, float] = {}
            for token, factor, idf in hits:
                for i, weight in self.kb.index[token]:
                    best[i] = max(best.get(i, 0.0), weight * idf * factor)
            for i, s in best.items():
                scores[i] += s
        top = heapq.nlargest(50, scores.items(), key=lambda x: x[1])
        return Resolution(tuple((self.kb.listings[i].id, s) for i, s in top), tuple(matched))

    def _weight(self, token: str, i: int) -> float:
        weights: dict[int, float] = self._posting_maps(token)
        return weights.get(i, 0.0)

    def members(self, word: str) -> frozenset[int]:
        """Indices of the vacancies a word is a keyword of (for list filters)."""
        return self._members(word)

    def _members_of(self, word: str) -> frozenset[int]:
        found: set[int] = set()
        for token, _ in self.lookup(word):
            found.update(i for i, _ in self.kb.index[token])
        return frozenset(found)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "last": -1, "eerste": 1, "tweede": 2, "derde": 3,
    "vierde": 4, "vijfde": 5, "laatste": -1, "erste": 1, "zweite": 2, "dritte": 3,
    "vierte": 4, "funfte": 5, "letzte": -1,
}
_NUMBER_REF = re.compile(r"^\s*(?:#|nr\.?|no\.?|number|nummer)?\s*(\d{1,3})\s*[.)]?\s*$")
_NUMBER_IN = re.compile(r"(?:#|\bnr\.?\s*|\bno\.?\s*|\bnumber\s+|\bnummer\s+)(\d{1,3})\b")


def list_reference(text: str, last_list: tuple[str, ...]) -> str | None:
    """The vacancy a message points at by its number in the last list shown, if any."""
    if not last_list:
        return None
    folded = fold(text)
    m = _NUMBER_REF.match(folded) or _NUMBER_IN.search(folded)
    n: int | None = int(m.group(1)) if m else None
    if n is None:
        for word in re.findall(r"[a-z]+", folded):
            if word in _ORDINALS and re.search(r"\b(one|option|vacancy|position|een|die)\b|"
                                               rf"^\s*(the\s+)?{word}\s*$", folded):
                n = _ORDINALS[word]
                break
    if n is None:
        return None
    if n == -1:
        return last_list[-1]
    return last_list[n - 1] if 1 <= n <= len(last_list) else None
