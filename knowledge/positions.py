"""Kinds of position — PhD, postdoc, MSc/BSc project, engineer, student assistant — as pages
and applicants name them in English, Dutch and German.

One vocabulary for both sides: ingest reads a page's kinds from its title, fields and text;
the router reads the kinds a message asks for (and the ones it rules out: "not the postdoc",
"dus geen phd", "keine Promotion"), and treats them as a constraint, never as topic words.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from knowledge.textnorm import MAX_TOKENS, fold, tokens
from lang import (
    DEGREE_BEFORE,
    DEGREE_NEXT,
    KIND_LABELS,
    KIND_PAIRS,
    KIND_PREFIXES,
    KIND_WORDS,
    NEGATION_PAIRS,
    NEGATIONS,
)
from lang.base import ASSISTANT, ENGINEER, KINDS, MSC, PHD, POSTDOC

__all__ = ["ASSISTANT", "CATEGORIES", "ENGINEER", "LABELS", "MSC", "PHD", "POSTDOC", "Mention",
           "asked_kinds", "kind_of_word", "mentions", "page_kinds"]

# Each language's words for them are in `lang/<code>/kinds.py`: single words, two-word names
# (which win over the single words they contain), compound beginnings ("Doktorandenstelle"),
# negations that rule out the kind named right after them, and the words that make a kind
# word a degree someone holds ("hold a PhD in physics", "with an MSc degree").
CATEGORIES = KINDS
LABELS = KIND_LABELS

SECONDARY_MIN = 2  # a page offers a further kind when its text names it this often


@lru_cache(maxsize=65536)
def kind_of_word(word: str) -> str | None:
    """The kind a single folded word names, or None."""
    hit = KIND_WORDS.get(word)
    if hit is not None:
        return hit
    if "-" in word or "/" in word:  # "hiwi-stelle", "shk-jobs", "phd-positie"
        for part in re.split(r"[-/]", word):
            hit = KIND_WORDS.get(part)
            if hit is not None:
                return hit
    if len(word) >= 7:
        for prefix, kind in KIND_PREFIXES:
            if word.startswith(prefix):
                return kind
    return None


@dataclass(frozen=True, slots=True)
class Mention:
    kind: str
    start: int  # index of the first token
    end: int  # index after the last token
    negated: bool
    degree: bool = False  # a degree held ("hold an M.Sc."), not a position offered


def mentions(text: str, folded: bool = False) -> list[Mention]:
    """Every kind of position `text` names, in order, with whether it is ruled out."""
    return mentions_in(tokens(text if folded else fold(text), folded=True))


def mentions_in(toks: list[str] | tuple[str, ...]) -> list[Mention]:
    """`mentions` over folded words (`knowledge.textnorm.tokens`)."""
    found: list[Mention] = []
    i = 0
    count = len(toks)
    while i < count:
        word = toks[i]
        kind, end = "", i + 1
        if word in _PAIR_FIRSTS and i + 1 < count:  # only a pair's first word starts one
            pair = (word, toks[i + 1])
            if pair[1].endswith("s") and pair not in KIND_PAIRS:
                pair = (word, pair[1][:-1])  # "research assistants", "phd students"
            if pair in KIND_PAIRS:
                kind, end = KIND_PAIRS[pair], i + 2
        if not kind:
            kind, end = kind_of_word(word) or "", i + 1
        if kind:
            found.append(Mention(kind, i, end, _negated(toks, i), _degree(toks, i, end, kind)))
        i = end
    return found


_PAIR_FIRSTS = frozenset(a for a, _ in KIND_PAIRS)


def _degree(toks: list[str] | tuple[str, ...], i: int, end: int, kind: str) -> bool:
    if kind != PHD and end < len(toks) and toks[end] in DEGREE_NEXT:
        return True  # "an MSc degree"; but "you will obtain a PhD degree" is the position
    return any(w in DEGREE_BEFORE for w in toks[max(0, i - 3) : i])


def _negated(toks: list[str] | tuple[str, ...], i: int) -> bool:
    before = toks[max(0, i - 3) : i]
    if any(w in NEGATIONS for w in before[-2:]):
        return True
    return any((a, b) in NEGATION_PAIRS for a, b in itertools.pairwise(before))


def asked_kinds(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(kinds asked for, kinds ruled out) in a message: "master thesis, not the phd" ->
    ({"msc"}, {"phd"})."""
    wanted: set[str] = set()
    excluded: set[str] = set()
    for m in mentions(text):
        (excluded if m.negated else wanted).add(m.kind)
    return frozenset(wanted - excluded), frozenset(excluded)


def page_kinds(title: str, text: str, declared: str = "",
               words: list[str] | None = None) -> tuple[str, ...]:
    """The kinds of position a page offers, the main one first: named in the title (then a
    `type` field or the summary), else the kind its opening text names most; then any other
    kind the text names at least twice ("continue with a PhD after your MSc thesis"). A
    degree someone must hold ("an MSc degree") names no kind. `words`: the text's folded
    words when the caller has them (its opening is their first MAX_TOKENS)."""
    kinds: list[str] = []
    for m in mentions(f"{title} {declared}"):
        if not m.negated and not m.degree and m.kind not in kinds:
            kinds.append(m.kind)
    counts: dict[str, int] = {}
    for m in mentions(text[:4000]) if words is None else mentions_in(words[:MAX_TOKENS]):
        if not m.negated and not m.degree:
            counts[m.kind] = counts.get(m.kind, 0) + 1
    ranked = sorted(counts, key=lambda k: -counts[k])
    if not kinds and ranked:
        kinds.append(ranked[0])
    kinds += [k for k in ranked if k not in kinds and counts[k] >= SECONDARY_MIN]
    return tuple(kinds)
