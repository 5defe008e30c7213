"""Shared helpers for fact extraction: numbers, normalised keys, trimming.

Every extractor works on the `Sentence` objects of `knowledge.sentences`, built once per
vacancy; they are re-exported here for the extractors' convenience.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from knowledge.model import Fact, FactKind
from knowledge.sentences import (
    MD_LINK,
    Sentence,
    header_sentences,
    plain,
    sentences_of,
    split_sentences,
    units,
)

__all__ = [
    "COUNT", "COUNT_RANGE", "DETAIL_MAX", "MD_LINK", "Gates", "Sentence", "any_match", "fact",
    "header_sentences", "norm_key", "plain", "sentences_of", "split_sentences", "to_int",
    "trim", "units",
]

DETAIL_MAX = 300


# --- numbers -------------------------------------------------------------------------------

NUMBER_WORDS: dict[str, int] = {
    # English
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "eighteen": 18, "twenty-four": 24, "thirty-six": 36, "forty-eight": 48,
    # Dutch
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "twaalf": 12, "achttien": 18, "drei": 3, "elf": 11,
    # German
    "ein": 1, "eine": 1, "einen": 1, "einer": 1, "zwei": 2, "fünf": 5, "sechs": 6,
    "sieben": 7, "neun": 9, "zehn": 10, "zwölf": 12,
}
_NUMBER_WORD_ALT = "|".join(
    sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True)
)
# A count: digits, a number word, or a range/alternative of them ("6-9", "two or three").
COUNT = rf"(?:\d+(?:[.,]5)?|{_NUMBER_WORD_ALT})"
COUNT_RANGE = rf"{COUNT}(?:\s*(?:-|–|—|to|or|tot|bis|oder|of)\s*{COUNT})?"

_WORD_TO_DIGIT = re.compile(rf"\b(?:{_NUMBER_WORD_ALT})\b", re.I)


def to_int(word: str) -> int | None:
    """'three' / 'drei' / '3' -> 3; None when it is not a count."""
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def norm_key(value: str) -> str:
    """Normalised form of a value for de-duplication: case, spacing, number words."""
    text = value.lower().replace("–", "-").replace("—", "-")
    text = _WORD_TO_DIGIT.sub(lambda m: str(NUMBER_WORDS[m.group(0).lower()]), text)
    text = re.sub(r"[\s*_\"'“”‘’]+", " ", text)
    return text.strip(" .,;:")


def trim(text: str, start: int = 0, end: int = 0, limit: int = DETAIL_MAX) -> str:
    """`text` collapsed and cut to `limit` characters, keeping text[start:end] inside."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    if end <= 0 or end <= limit - 20:
        cut = text[: limit - 1].rsplit(" ", 1)[0]
        return cut + "…"
    lo = max(0, min(start, len(text)) - (limit - (end - start)) // 2)
    piece = text[lo : lo + limit - 2]
    if lo > 0:
        piece = "…" + piece.split(" ", 1)[-1]
    return piece.rsplit(" ", 1)[0] + "…"


def fact(kind: FactKind, value: str, s: Sentence, detail: str | None = None,
         when: str = "") -> Fact:
    """A fact read from sentence `s`, with its provenance: section, file line and the
    sentence itself as the source; `detail` defaults to the sentence, trimmed."""
    return Fact(kind, value, s.section, trim(s.text) if detail is None else detail, s.line,
                s.text, when)


class Gates:
    """Which of a page's sentences contain any of some words (lower case, as `Sentence.has`
    reads them): each word is looked for once in the page's whole text instead of once in
    every sentence, and each set of words once. `gates(*words)` is the set of the indexes
    of the sentences that have one."""

    __slots__ = ("_low", "_memo", "_starts")

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        starts: list[int] = []
        at = 0
        for s in sentences:
            starts.append(at)
            at += len(s.low) + 1
        self._starts = starts
        self._low = "\n".join(s.low for s in sentences)  # no word spans two sentences
        self._memo: dict[tuple[str, ...], frozenset[int]] = {}

    def __call__(self, *words: str) -> frozenset[int]:
        hit = self._memo.get(words)
        if hit is None:
            found: set[int] = set()
            low, starts = self._low, self._starts
            for word in words:
                i = low.find(word)
                while i >= 0:
                    k = bisect_right(starts, i) - 1
                    found.add(k)
                    i = low.find(word, starts[k + 1]) if k + 1 < len(starts) else -1
            hit = self._memo[words] = frozenset(found)
        return hit


def any_match(pattern: re.Pattern[str], texts: Iterable[str]) -> bool:
    return any(pattern.search(t) for t in texts)
