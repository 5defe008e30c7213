"""Dutch and German topic words applicants type about pages written in English.

A message word found in the glossary (or a compound of such words: "longkankerscreening" =
long + kanker + screening) also looks for its English equivalents in the pages. The glossary
covers the vocabulary of research vacancies — medicine and anatomy, imaging, data and methods,
people and places of research — not single test phrases; it lives in each language's
`lang/<code>/glossary.py` (folded entries; an English side may hold several words).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from lang import GLOSSARY

_LINKS = ("s", "en", "e", "n")


@lru_cache(maxsize=8192)
def english(word: str, known: Callable[[str], bool]) -> tuple[tuple[str, ...], ...]:
    """The English words for each part of a folded Dutch or German word: "leverhypertrofie"
    -> (("liver",), ("hypertrofie",)) when "hypertrofie" is `known`; () when no part of it is
    in the glossary. Parts are glossary words or words `known` accepts, fewest parts first,
    with the linking letters of compounds ("long-kanker-s-screening") allowed."""
    if word in GLOSSARY:
        return (GLOSSARY[word],)
    if len(word) < 7 or not word.isalpha():
        return ()
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(1, n + 1):
        for j in range(max(0, i - 24), i - 2):
            prefix = best[j]
            if prefix is None:
                continue
            piece = word[j:i]
            pieces = [piece] + [piece[: -len(k)] for k in _LINKS if piece.endswith(k)]
            hit = next((p for p in pieces if len(p) >= 3 and (p in GLOSSARY or known(p))), None)
            if hit is not None and (best[i] is None or len(prefix) + 1 < len(best[i] or [])):
                best[i] = [*prefix, hit]
    parts = best[n]
    if not parts or len(parts) < 2 or not any(p in GLOSSARY for p in parts):
        return ()
    return tuple(GLOSSARY.get(p, (p,)) for p in parts)
