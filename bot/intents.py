"""What is the user asking? Scores per intent from cue words and phrases, typo-tolerant.

`classify` reads folded text: words from the lexicon count with their weight, a word that is
a close typo of a cue ("salry", "requirments") counts a little less, and phrases decide the
cases words alone get wrong. Scores are in [0, 1]; the router compares them with its
threshold. Pure and fast: everything is precomputed at import.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.lexicon import PHRASES, THANKS, WORDS
from bot.model import Intent
from knowledge.keywords import fold

MAX_WORDS = 400
_COMMAND = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]{1,64})?(?:\s+(.*))?$", re.S)
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

_CUES: dict[str, list[tuple[Intent, float]]] = {}
for _intent, _words in WORDS.items():
    for _w, _weight in _words.items():
        _CUES.setdefault(_w, []).append((_intent, _weight))
_FUZZY = sorted(w for w in _CUES if len(w) >= 5)


def parse_command(text: str) -> tuple[str, str] | None:
    """"/salary@VacBot bonn" -> ("salary", "bonn"); None when the text is not a command."""
    m = _COMMAND.match(text.strip())
    if not m:
        return None
    return m.group(1).lower(), (m.group(2) or "").strip()


@lru_cache(maxsize=8192)
def _cue(word: str) -> tuple[tuple[Intent, float], ...]:
    """The intents a word is a cue for, exact or as a close typo (≥ 5 letters)."""
    if word in _CUES:
        return tuple(_CUES[word])
    if len(word) >= 5 and word.isalpha():
        hit = process.extractOne(word, _FUZZY, scorer=fuzz.ratio,
                                 score_cutoff=80 if len(word) >= 7 else 83)
        if hit is not None and hit[0][:1] == word[:1]:
            return tuple((i, w * 0.85) for i, w in _CUES[hit[0]])
        if word.endswith("s") and word[:-1] in _CUES:
            return tuple(_CUES[word[:-1]])
    return ()


def classify(text: str) -> dict[Intent, float]:
    """Score in [0, 1] for every intent with any cue in `text`."""
    folded = fold(text)[:4000]
    scores: dict[Intent, float] = {}
    for word in _WORD.findall(folded)[:MAX_WORDS]:
        for intent, weight in _cue(word):
            # two cues of one intent add up, but never past 1
            scores[intent] = min(1.0, scores.get(intent, 0.0) + weight * (1 - scores.get(
                intent, 0.0)))
    silenced: set[Intent] = set()
    for pattern, intent, score, off in PHRASES:
        if pattern.search(folded):
            scores[intent] = max(scores.get(intent, 0.0), score)
            silenced.update(off)
    for intent in silenced:
        if intent in scores and scores[intent] < 0.95:
            scores[intent] *= 0.4
    return scores


def best(scores: dict[Intent, float]) -> tuple[Intent | None, float]:
    if not scores:
        return None, 0.0
    intent = max(scores, key=lambda i: scores[i])
    return intent, scores[intent]


def is_thanks(text: str) -> bool:
    return any(w in THANKS for w in _WORD.findall(fold(text))[:20])
