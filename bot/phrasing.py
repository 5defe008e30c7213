"""Phrases of a language matched against a message's words, read once.

A `Phrases` set is compiled from folded phrases ("is there", "what about", "back to"): each
phrase is tokenized the way a message is (`knowledge.textnorm.tokens`), so "i'm" is the two
words "i", "m" on both sides. A word ending in "*" matches any word it begins ("vacanc*").
`find` returns every place a phrase stands in a message's words; the readers in
`bot.understand` ask where a phrase stands relative to another.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from knowledge.textnorm import tokens


@dataclass(frozen=True, slots=True)
class Span:
    start: int  # index of the phrase's first word
    end: int  # index after its last word


class Phrases:
    """A set of phrases, indexed by their first word."""

    __slots__ = ("_by_first", "prefixes", "words")

    def __init__(self, phrases: Iterable[str]) -> None:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        prefixes: list[str] = []
        for phrase in phrases:
            if phrase.endswith("*") and " " not in phrase:
                prefixes.append(phrase[:-1])
                continue
            toks = tuple(tokens(phrase, folded=True))
            if toks:
                by_first.setdefault(toks[0], []).append(toks)
        for found in by_first.values():
            found.sort(key=len, reverse=True)  # the longest phrase at a place wins
        self._by_first = by_first
        self.prefixes = tuple(prefixes)  # of the words ending in "*"
        self.words = frozenset(by_first)  # single words (and first words) of the set

    def at(self, words: tuple[str, ...], i: int) -> int:
        """The end of the longest phrase starting at `words[i]`, or -1."""
        word = words[i]
        for phrase in self._by_first.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                return i + len(phrase)
        if self.prefixes and word.startswith(self.prefixes):
            return i + 1
        return -1

    def find(self, words: tuple[str, ...]) -> list[Span]:
        """Every phrase of the set in `words`, left to right, not overlapping."""
        out: list[Span] = []
        i = 0
        while i < len(words):
            end = self.at(words, i)
            if end > i:
                out.append(Span(i, end))
                i = end
            else:
                i += 1
        return out

    def first(self, words: tuple[str, ...]) -> Span | None:
        return next(iter(self.find(words)), None)

    def starts(self, words: tuple[str, ...]) -> bool:
        return bool(words) and self.at(words, 0) > 0

    def within(self, words: tuple[str, ...], start: int, span: int) -> bool:
        """Does a phrase of the set begin in words[start : start + span]?"""
        return any(self.at(words, j) > j
                   for j in range(max(0, start), min(len(words), start + span)))


class Marks:
    """Where each labelled phrase stands in one message: the result of `PhraseBook.scan`."""

    __slots__ = ("_spans", "_starts")

    def __init__(self, spans: dict[str, list[Span]]) -> None:
        self._spans = spans
        self._starts: dict[str, frozenset[int]] = {}

    def spans(self, label: str) -> list[Span]:
        return self._spans.get(label, [])

    def has(self, label: str) -> bool:
        return bool(self._spans.get(label))

    def starts(self, label: str) -> frozenset[int]:
        found = self._starts.get(label)
        if found is None:
            found = self._starts[label] = frozenset(s.start for s in self.spans(label))
        return found

    def within(self, label: str, start: int, span: int) -> bool:
        """Does a phrase of `label` begin in words[start : start + span]?"""
        return any(start <= i < start + span for i in self.starts(label))

    def words(self, *labels: str) -> set[int]:
        """The indices of the words phrases of `labels` cover."""
        return {i for label in labels for s in self.spans(label) for i in range(s.start, s.end)}


class PhraseBook:
    """Several labelled phrase sets matched in one pass over a message's words (as spaCy's
    `PhraseMatcher`): each label's phrases found left to right, without overlapping each
    other; phrases of different labels may overlap."""

    def __init__(self, sets: dict[str, Iterable[str]]) -> None:
        self.sets = {label: Phrases(phrases) for label, phrases in sets.items()}
        self._first: dict[str, list[str]] = {}
        for label, phrases in self.sets.items():
            for word in phrases.words:
                self._first.setdefault(word, []).append(label)
        self._prefixed = [label for label, p in self.sets.items() if p.prefixes]

    def scan(self, words: tuple[str, ...]) -> Marks:
        spans: dict[str, list[Span]] = {}
        busy: dict[str, int] = {}  # label -> end of its last phrase
        for i, word in enumerate(words):
            for label in (*self._first.get(word, ()), *self._prefixed):
                if busy.get(label, 0) > i:
                    continue
                end = self.sets[label].at(words, i)
                if end > i:
                    spans.setdefault(label, []).append(Span(i, end))
                    busy[label] = end
        return Marks(spans)
