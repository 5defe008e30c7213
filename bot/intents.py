"""What is the user asking? Scores per intent from cue words and phrases, typo-tolerant.

Each word of the message is looked up in the cue tables of every language (`lang`: each
language's `cues.py`): exactly, by prefix ("Bewerbungsunterlagen" -> bewerb*), by compound
ending ("jaarsalaris"), or as a close typo of a cue ("salry", "requirments"; words of 5+
letters, same first letter, one edit, two for long words). Phrases then add what words alone
get wrong ("how long ... apply" is a deadline, "where ... apply" is not a location) and may
damp other intents. Evidence for an intent is combined as a noisy-or (1 - Π(1 - w)); weak cues
(question words, "tell me about") count only when no other intent has a specific cue, so
"where can I apply" is about applying, "where is it" about the location. Scores are in
[0, 1]; 0 means no cue at all.

A phrase is a pattern mapped to effects. Pattern: words in order; "a|b" alternatives; "w*" a
prefix; "~" up to three other words; "..." any number of words; "@name" a word class. The
first element must be plain words (or a class). Effects: "intent=weight" adds evidence
("?intent" marks it weak); a negative weight w multiplies the intent's final score by (1 + w).

Pure and fast: the cue tables are compiled at import, word look-ups are cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.model import Intent
from knowledge.textnorm import STOPWORDS, fold, parts, stem, tokens
from lang import CUE_CLASSES, CUE_PHRASES, CUE_SUFFIXES, CUE_WORDS, KNOWN, WEAK_CUES, realwords

CONTENT: tuple[Intent, ...] = (
    Intent.LIST, Intent.OVERVIEW, Intent.REQUIREMENTS, Intent.SALARY, Intent.CONTACT,
    Intent.APPLY, Intent.DATES, Intent.DURATION, Intent.LOCATION, Intent.STATUS)
SOCIAL: tuple[Intent, ...] = (Intent.GREETING, Intent.HELP)
_KEYS = frozenset(i.value for i in CONTENT + SOCIAL) | {"thanks"}  # what a cue is evidence for

MAX_CHARS = 3000  # of a message that are read
MAX_WORDS = 500  # of a message that are read
FUZZ_FACTOR = 0.85  # a typo counts this much of the cue it resembles
WEAK_FACTOR = 0.3  # a weak-only intent next to a specific cue of another intent
SPECIFIC = 0.6  # a non-weak cue this strong makes weak cues of other intents yield
FUZZY_MIN = 0.8  # only cues at least this strong are typo targets

_CONTENT_KEYS = frozenset(i.value for i in CONTENT)
_ORDER = tuple((i, i.value) for i in CONTENT + SOCIAL)
_MODIFIERS = frozenset("based driven assisted guided powered specific related oriented".split())
_IS_BEFORE = frozenset("what who where when how it that there here this which".split())
_COMMAND = re.compile(r"/([A-Za-z0-9_]{1,64})(?:@[A-Za-z0-9_]{1,64})?(?=\s|$)(.*)", re.S)

Effect = tuple[str, float, bool]  # (intent key, weight, weak)


# ---- compiled cue tables ---------------------------------------------------------------

def _compile_words() -> tuple[dict[str, list[Effect]], dict[str, list[Effect]],
                              dict[str, list[Effect]]]:
    exact: dict[str, list[Effect]] = {}
    prefix: dict[str, list[Effect]] = {}
    suffix: dict[str, list[Effect]] = {}
    for table, weak in ((CUE_WORDS, False), (WEAK_CUES, True), (CUE_SUFFIXES, False)):
        for key, groups in table.items():
            for weight, words in groups.items():
                for word in words:  # a suffix ("salaris" of "jaarsalaris") has no "*"
                    target = suffix if table is CUE_SUFFIXES else (
                        prefix if word.endswith("*") else exact)
                    target.setdefault(word.rstrip("*"), []).append((key, weight, weak))
    return exact, prefix, suffix


_EXACT, _PREFIX, _SUFFIX = _compile_words()
_PREFIX_LENS = sorted({len(p) for p in _PREFIX}, reverse=True)
_SUFFIX_LENS = sorted({len(s) for s in _SUFFIX}, reverse=True)


@dataclass(frozen=True, slots=True)
class _Element:
    words: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    gap: int = 0  # > 0: skip up to this many words

    def matches(self, word: str) -> bool:
        return word in self.words or word.startswith(self.prefixes)


def _element(spec: str) -> _Element:
    if spec == "~":
        return _Element(gap=4)
    if spec == "...":
        return _Element(gap=MAX_WORDS)
    words: set[str] = set()
    prefixes: list[str] = []
    for alt in spec.split("|"):
        if alt.startswith("@"):
            words |= CUE_CLASSES[alt[1:]]
        elif alt.endswith("*"):
            prefixes.append(alt[:-1])
        else:
            words.add(alt)
    return _Element(frozenset(words), tuple(prefixes))


@dataclass(frozen=True, slots=True)
class _Phrase:
    text: str
    elements: tuple[_Element, ...]  # after the first
    effects: tuple[Effect, ...]
    needs: tuple[frozenset[str], ...]  # word sets the message must meet somewhere


def _effects(spec: str) -> tuple[Effect, ...]:
    out: list[Effect] = []
    for item in spec.split():
        key, _, value = item.partition("=")
        weak = key.startswith("?")
        key = key.lstrip("?")
        assert key in _KEYS, key
        out.append((key, float(value), weak))
    return tuple(out)


def _compile_phrases() -> dict[str, list[_Phrase]]:
    by_first: dict[str, list[_Phrase]] = {}
    for pattern, effects in CUE_PHRASES.items():
        elements = tuple(_element(s) for s in pattern.split())
        assert not elements[0].prefixes and not elements[0].gap, pattern
        needs = tuple(e.words for e in elements[1:] if not e.gap and not e.prefixes)
        phrase = _Phrase(pattern, elements[1:], _effects(effects), needs)
        for word in elements[0].words:
            by_first.setdefault(word, []).append(phrase)
    return by_first


_PHRASES = _compile_phrases()
_PHRASE_WORDS = set(_PHRASES) | {w for ps in _PHRASES.values() for p in ps for e in p.elements
                                  for w in e.words}
_KNOWN = KNOWN | STOPWORDS | realwords.load()  # real words are no typos ("states", "lopen")
# Words a typo may be corrected into: cues and phrase words of 5+ letters, by first letter.
_STRONG_CUES = [w for w, effects in _EXACT.items()
                if any(s >= FUZZY_MIN and k in _CONTENT_KEYS for k, s, _ in effects)]
_FUZZY: dict[str, list[str]] = {}
for _w in [*_STRONG_CUES, *sorted(_PHRASE_WORDS - set(_EXACT))]:
    if len(_w) >= 5 and _w.isalpha() and _w not in STOPWORDS:
        _FUZZY.setdefault(_w[0], []).append(_w)


def typo_targets() -> list[str]:
    """The cues and phrase words a typo may be read as (`lang.realwords`)."""
    return sorted(w for words in _FUZZY.values() for w in words)


@lru_cache(maxsize=16384)
def _lookup(word: str) -> tuple[str, tuple[Effect, ...], str]:
    """(the word as the lexicon knows it, its effects, how it matched: "", "=", "*", "~")."""
    if word in _EXACT:
        return word, tuple(_EXACT[word]), "="
    prefixes = (word[:n] for n in _PREFIX_LENS if len(word) >= 5 and n <= len(word))
    suffixes = (word[-n:] for n in _SUFFIX_LENS if len(word) >= 8 and n + 3 <= len(word))
    found = next((_PREFIX[p] for p in prefixes if p in _PREFIX), None) or next(
        (_SUFFIX[x] for x in suffixes if x in _SUFFIX), None)  # the longest, a prefix first
    if found:
        return word, tuple(found), "*"
    if word in _PHRASE_WORDS or word in _KNOWN or len(word) < 5 or not word.isalpha():
        return word, (), ""
    candidates = [w for w in _FUZZY.get(word[0], ()) if abs(len(w) - len(word)) <= 2]
    limit = 2 if len(word) >= 11 else 1
    hit = process.extractOne(word, candidates, scorer=OSA.distance, score_cutoff=limit)
    if hit is None:
        return word, (), ""
    fixed = hit[0]
    return fixed, tuple((k, w * FUZZ_FACTOR, weak) for k, w, weak in _EXACT.get(fixed, ())), "~"


def _match(elements: tuple[_Element, ...], words: list[str], pos: int) -> bool:
    """Do `elements` match `words` from `pos` on (the first element already matched)?"""
    for i, element in enumerate(elements):
        if element.gap:
            rest = elements[i + 1:]
            if not rest:
                return True
            end = min(len(words), pos + element.gap + 1)
            return any(rest[0].matches(words[j]) and _match(rest[1:], words, j + 1)
                       for j in range(pos, end))
        if pos >= len(words) or not element.matches(words[pos]):
            return False
        pos += 1
    return True


# ---- the result ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class IntentScores:
    """Scores in [0, 1] for the content intents, greeting and help; `thanks` for thanks,
    goodbyes and small talk; `cues` the (intent, cue) pairs that fired, for explaining."""

    scores: tuple[tuple[Intent, float], ...] = ()
    thanks: float = 0.0
    cues: tuple[tuple[str, str], ...] = ()
    specific: frozenset[str] = frozenset()  # intents with a cue that is not a mere question word

    def is_specific(self, intent: Intent) -> bool:
        return intent.value in self.specific

    def get(self, intent: Intent) -> float:
        return next((s for i, s in self.scores if i is intent), 0.0)

    __getitem__ = get

    def items(self) -> Iterator[tuple[Intent, float]]:
        """(intent, score) for every intent with a score above 0, like a sparse dict."""
        return ((i, s) for i, s in self.scores if s > 0)

    def ranked(self) -> list[tuple[Intent, float]]:
        """Content intents with a score, best first."""
        return sorted(((i, s) for i, s in self.scores if i in CONTENT and s > 0),
                      key=lambda x: -x[1])

    def as_dict(self) -> dict[str, float]:
        return {i.value: s for i, s in self.scores if s > 0} | (
            {"thanks": self.thanks} if self.thanks else {})


EMPTY = IntentScores(tuple((i, 0.0) for i in CONTENT + SOCIAL))


def best(scores: IntentScores) -> tuple[Intent | None, float]:
    """The strongest content intent; failing that, help or greeting; else (None, 0.0)."""
    ranked = scores.ranked()
    if ranked:
        return ranked[0]
    social = max(((i, scores.get(i)) for i in SOCIAL), key=lambda x: x[1])
    return social if social[1] > 0 else (None, 0.0)


# ---- entry points -------------------------------------------------------------------------

def parse_command(text: str) -> tuple[str, str] | None:
    """"/salary@VacBot bonn" -> ("salary", "bonn"); None when the text is not a command.
    Unknown commands are returned too; the caller decides."""
    if not isinstance(text, str):
        return None  # type: ignore[unreachable]
    m = _COMMAND.match(text.strip()[:MAX_CHARS])
    if not m:
        return None
    return m.group(1).lower(), " ".join(m.group(2).split())


def classify(text: str) -> IntentScores:
    """Score every intent for `text`. Never raises; reads at most MAX_WORDS words."""
    if not isinstance(text, str):  # defensive: callers pass whatever arrived
        return EMPTY  # type: ignore[unreachable]
    return classify_words(tuple(tokens(fold(text[:MAX_CHARS]), folded=True)[:MAX_WORDS]))


@lru_cache(maxsize=8192)
def classify_words(message: tuple[str, ...]) -> IntentScores:
    """Score every intent for a message's folded words (`knowledge.textnorm.tokens`)."""
    if not message:
        return EMPTY
    words: list[str] = []
    effects: list[tuple[Effect, str]] = []
    for token in message[:MAX_WORDS]:
        pieces = (token,) if token in _EXACT else parts(token)
        if len(pieces) > 1:  # "ai-based", "deep-learning-driven": modifiers, no cue
            pieces = [p for i, p in enumerate(pieces) if not i or p not in _MODIFIERS]
        for piece in pieces:
            if piece == "s" and words and words[-1] in _IS_BEFORE:
                piece = "is"  # "what's", "who's"
            word, found, how = _lookup(piece)
            words.append(word)
            cue = piece if how != "~" else f"{piece}~{word}"
            effects.extend((e, cue) for e in found)
    damp: dict[str, float] = {}
    present = frozenset(words)
    for pos, word in enumerate(words):
        for phrase in _PHRASES.get(word, ()):
            if any(need.isdisjoint(present) for need in phrase.needs):
                continue
            if _match(phrase.elements, words, pos + 1):
                for key, weight, weak in phrase.effects:
                    if weight < 0:
                        damp[key] = damp.get(key, 1.0) * (1.0 + weight)
                    else:
                        effects.append(((key, weight, weak), phrase.text))
    return _combine(effects, damp)


def _combine(effects: list[tuple[Effect, str]], damp: dict[str, float]) -> IntentScores:
    miss: dict[str, float] = {}  # product of (1 - w) per intent
    specific: dict[str, float] = {}  # strongest non-weak cue per intent
    cues: dict[tuple[str, str], None] = {}
    for (key, weight, weak), cue in effects:
        miss[key] = miss.get(key, 1.0) * (1.0 - weight)
        if not weak:
            specific[key] = max(specific.get(key, 0.0), weight)
        cues[key, cue] = None
    sure = frozenset(k for k, w in specific.items() if w >= SPECIFIC)
    strong = {k for k in sure if damp.get(k, 1.0) > 0.5 and k in _CONTENT_KEYS}
    values: dict[str, float] = {}
    for key, m in miss.items():
        score = (1.0 - m) * damp.get(key, 1.0)
        if key not in specific and strong - {key}:
            score *= WEAK_FACTOR
        values[key] = round(min(1.0, max(0.0, score)), 4)
    return IntentScores(tuple((i, values.get(v, 0.0)) for i, v in _ORDER),
                        values.get("thanks", 0.0), tuple(cues), sure)


CUE_MIN = 0.55  # a word this strong a cue for a content intent says what is asked
RETRIEVE_MIN = 0.8  # ... and one this strong is looked for in a page's sentences
WEAK_CUE_MIN = 0.4  # ... and a question word or generic phrasing this strong


@lru_cache(maxsize=16384)
def is_cue(word: str) -> bool:
    """Does this folded word say what is asked ("salary", "deadline", "bewerben") rather than
    which vacancy? Such words never name a vacancy."""
    _, found, how = _lookup(word)  # a typo of a cue ("salry") is a cue too
    factor = FUZZ_FACTOR if how == "~" else 1.0
    return any(w >= (WEAK_CUE_MIN if weak else CUE_MIN) * factor and key in _KEYS
               for key, w, weak in found)


@lru_cache(maxsize=1024)
def question_word_intents(word: str) -> frozenset[Intent]:
    """The intents a question word asks for when it opens a question ("where" -> location)."""
    _, found, _ = _lookup(word)
    return frozenset(Intent(key) for key, _, weak in found if weak and key in _CONTENT_KEYS)


@lru_cache(maxsize=16384)
def cue_weight(word: str) -> float:
    """How strongly this folded word alone says what is asked (0 when it is no cue)."""
    _, found, how = _lookup(word)
    if how == "~":
        return 0.0
    return max((w for key, w, weak in found if not weak and key in _KEYS), default=0.0)


def is_thanks_scores(scores: IntentScores) -> bool:
    return scores.thanks >= 0.5 and best(scores)[1] < 0.5


@lru_cache(maxsize=32)
def cue_stems(intent: Intent) -> frozenset[str]:
    """The stems of the words that ask for `intent` ("salary", "verdienen", "Gehalt"), as a
    page may use them too: what to look for in a page's sentences when no fact answers."""
    return frozenset(stem(w) for w, effects in _EXACT.items()
                     if w.isalpha() and len(w) > 3 and w not in STOPWORDS
                     and any(k == intent.value and weight >= RETRIEVE_MIN and not weak
                             for k, weight, weak in effects))
