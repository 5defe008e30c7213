"""Which vacancy does a message name? Retrieval and ranking over the knowledge base.

1. **terms**: the message's words that can name a vacancy (no stop words, no words that
   only say what is asked, no kinds of position), as stems; a word the knowledge base does
   not know is tried as a close spelling and as a compound of known parts.
2. **retrieve**: candidates from the in-memory names index (title, people, groups, places,
   codes) and from the full-text index (bm25() over title, names and body; rare stems only,
   so a common word never walks thousands of vacancies).
3. **score**: for each candidate, each term counts its rarity (idf) times the strongest field
   it occurs in (a title word 3, a person 2.5, a body word 1); `coverage` is the share of the
   message's terms (by rarity) the vacancy has. The kind of position asked for weighs the
   score: a PhD asked, an MSc project offered, counts a third.

Pure over the knowledge base's read-only indexes; all thresholds are in `bot.policy`.
"""

from __future__ import annotations

import heapq
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from os.path import commonprefix

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.glossary import english
from bot.intents import cue_weight, is_cue
from bot.policy import DEFAULT, Tuning
from knowledge.kb import KnowledgeBase
from knowledge.keywords import PROPER_WEIGHT, SKELETON, SKELETON_MIN, is_term, skeleton
from knowledge.textnorm import (
    COGNATE_MIN,
    cognate,
    fold,
    split_compound,
    stem,
    tokens,
    with_parts,
    words,
)

_MIN_FUZZ_LEN = 5
Words = tuple[str, ...] | str  # a message's folded words, or text to read


@dataclass(frozen=True, slots=True)
class Term:
    """A message word and the index stem it stands for."""

    word: str  # folded, as typed
    stem: str
    factor: float  # 1.0 as typed; less for a spelling or compound guess
    idf: float


@dataclass(frozen=True, slots=True)
class Match:
    id: str
    score: float
    coverage: float  # share of the message's terms (weighed by rarity) this vacancy has
    named: tuple[str, ...]  # message words found among its names (title, people, ...)
    text: tuple[str, ...]  # message words found only in its body
    kind_fit: float  # 1.0 when its kind is what was asked (or nothing was asked)
    elsewhere: bool = False  # of another site than the message names ("bei CAISA")


@dataclass(frozen=True, slots=True)
class Resolution:
    matches: tuple[Match, ...]  # best first
    terms: tuple[Term, ...]  # the message's naming terms
    unknown: tuple[str, ...]  # message words the knowledge base does not know at all
    known_weight: float = 0.0  # rarity of the known terms, summed (coverage's denominator)
    unknown_weight: float = 0.0  # what the unknown words would add to it

    def in_scope(self, m: Match) -> float:
        """`m`'s coverage counting the unknown words too: "the weather in Nijmegen" has one
        word a vacancy knows and one none does."""
        total = self.known_weight + self.unknown_weight
        return m.coverage * self.known_weight / total if total else 0.0

    @property
    def top(self) -> Match | None:
        return self.matches[0] if self.matches else None

    @property
    def top_score(self) -> float:
        return self.matches[0].score if self.matches else 0.0

    def words(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.word for t in self.terms))

    def word_weights(self) -> dict[str, float]:
        """Each message word's strongest reading: its rarity times how surely it was read."""
        return {t.word: t.idf * t.factor for t in _best_per_word(self.terms)}

    def share(self, words: Iterable[str]) -> float:
        """The share of the message's weight, its unknown words too, that `words` carry."""
        weight = self.word_weights()
        total = sum(weight.values()) + self.unknown_weight
        return sum(weight.get(w, 0.0) for w in words) / total if total else 0.0

    def any_share(self, alternatives: tuple[tuple[str, ...], ...]) -> float | None:
        """The coverage a vacancy has that has all the words of only the least rare of the
        `alternatives` named: what "any of them" asks for ("in Amsterdam, Leuven or Ghent":
        a page in Amsterdam is as good as one in Leuven, though "Leuven" is the rarer word;
        "body composition / muscle and fat segmentation": one with "segmentation" alone is
        not)."""
        weight = self.word_weights()
        shares = [sum(weight.get(w, 0.0) for w in dict.fromkeys(group)) for group in alternatives]
        named = [x for x in shares if x > 0]
        return min(named) / self.known_weight if named and self.known_weight else None


# one object for each term read: equal terms are found equal at once (the caches below are
# keyed by them), and the garbage collector walks fewer of them
_term = lru_cache(maxsize=8192)(Term)
NO_MATCH = Resolution((), (), ())


def kind_fit(categories: tuple[str, ...], wanted: frozenset[str],
             excluded: frozenset[str], t: Tuning = DEFAULT) -> float:
    """How well a vacancy's kinds fit what the message asks for (1.0 = fine). The first
    of `categories` is the page's main kind; the others it offers too."""
    main = categories[0] if categories else "other"
    if main in excluded and not (wanted & set(categories)):
        return t.kind_excluded
    if not wanted:
        return 1.0
    # "the MSc that turns into a PhD": a page with both fits best
    share = len(wanted & set(categories)) / len(wanted)
    fit = t.kind_other + (1.0 - t.kind_other) * share
    if main not in wanted:
        fit *= t.kind_secondary
    return round(fit, 4)


class Resolver:
    """Built once per knowledge base; `resolve` then reads only its indexes."""

    def __init__(self, kb: KnowledgeBase, tuning: Tuning = DEFAULT) -> None:
        self.kb = kb
        self.t = tuning
        self.n = max(1, len(kb))
        self._stems = frozenset(kb.vocabulary)
        self._fuzzy_vocab = [t for t in kb.vocabulary if len(t) >= _MIN_FUZZ_LEN and t.isalpha()]
        self._by_initial: dict[str, list[str]] = defaultdict(list)  # read with .get only
        self._by_prefix: dict[str, list[str]] = defaultdict(list)
        self._cognates: dict[str, list[str]] = defaultdict(list)
        for t in self._fuzzy_vocab:
            self._by_initial[t[0]].append(t)
            self._by_prefix[t[:4]].append(t)
            key = cognate(t)
            if len(key) >= COGNATE_MIN:  # a shorter key is no evidence: "speech", "species"
                self._cognates[key].append(t)
        self._ids = {fold(x.id): x.id for x in kb.listings if self._is_handle(fold(x.id))}
        self._by_id = {x.id: i for i, x in enumerate(kb.listings)}
        self._rare = max(self.t.rare_min_df, int(self.n * self.t.rare_share))
        self._proper_df = max(1, int(self.n * self.t.proper_share))
        self.expand = lru_cache(maxsize=16384)(self._expand)
        self.terms = lru_cache(maxsize=4096)(self._terms)  # the naming terms, unknown words
        self._resolve = lru_cache(maxsize=512)(self._resolve_uncached)
        self._scores = lru_cache(maxsize=1024)(self._scored)
        self._retrieve = lru_cache(maxsize=1024)(self._candidates)

    def _is_handle(self, folded_id: str) -> bool:
        """Can a message word that equals this id be taken for the id itself (a deep link,
        a typed file name)? Only when it is no plain word: it has a digit or a separator
        ("2023-08-23-job-posting", "msc_hgis"), or it is a word at most one page uses. A page
        named `phd`, `jobs` or `careers` is not meant by every message with that word."""
        if re.search(r"[\d_.-]", folded_id):
            return True
        return is_term(folded_id) and self.kb.df.get(stem(folded_id), 0) <= 1

    def _has(self, stems: tuple[str, ...], i: int) -> list[tuple[float, int]]:
        """How strongly each of `stems` names vacancy `i` (0 when it is none of its names),
        and how often its text has it."""
        return [(0.0, tf) if w == PROPER_WEIGHT and self._common(s) else (w, tf)
                for s, (w, tf) in zip(stems, self.kb.has(i, stems), strict=True)]

    def _common(self, stem_: str) -> bool:
        """Is `stem_` too common to be a name where a page merely capitalises it ("Yulia",
        "Pathology" are names only when few pages use them)?"""
        return self.kb.df.get(stem_, 0) > self._proper_df

    def name_weight(self, stem_: str, vacancy_id: str) -> float:
        """How strongly `stem_` names the vacancy (3 its title, 2.5 a person, 2 a place, ...;
        0 when it is no name of it)."""
        i = self._by_id.get(vacancy_id)
        return 0.0 if i is None else self._has((stem_,), i)[0][0]

    # ---- 1. terms -------------------------------------------------------------------------

    def idf(self, stem_: str) -> float:
        df = max(self.kb.df.get(stem_, 0), len(self.kb.index.get(stem_, ())))
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def _expand(self, word: str) -> tuple[tuple[str, float], ...]:
        """Index stems a message word stands for, with a confidence factor."""
        s = stem(word)
        near: list[str] = []
        if word.isalpha() and len(word) >= _MIN_FUZZ_LEN:  # "metastasis" ~ "metastatic"
            near = [t for t in self._by_prefix.get(s[:4], ()) if t != s
                    and abs(len(t) - len(s)) <= 2
                    and len(commonprefix((t, s))) >= max(5, max(len(t), len(s)) - 3)]  # noqa: RUF071 - of words
        if s in self._stems:
            return ((s, 1.0), *((t, self.t.near_factor) for t in near[:2]))
        if word.endswith("s") and len(word) > 4 and stem(word[:-1]) in self._stems:
            return ((stem(word[:-1]), self.t.near_factor),)  # "Yulias Lab": Yulia's
        if not word.isalpha() or len(word) < _MIN_FUZZ_LEN:
            return ()
        if near:
            return tuple((t, self.t.near_factor) for t in near[:3])
        longer = [t for t in self._by_prefix.get(s[:4], ()) if len(s) >= 6 and t.startswith(s)]
        if longer:  # "Klärschlamm" in "Klärschlammbehandlung"
            return tuple((t, self.t.part_factor) for t in sorted(longer, key=len)[:3])
        shorter = [t for t in self._by_prefix.get(s[:4], ()) if len(t) >= 6
                   and word.startswith(t) and 2 * len(t) >= len(word)]
        if shorter:  # "geoinformatics" in a name that shortens it ("Geoinfo-TUGraz")
            return ((max(shorter, key=len), self.t.part_factor),)
        same = self._cognates.get(cognate(s))  # "hypertrofie" ~ "hypertrophy"
        if same:
            return tuple((t, self.t.near_factor) for t in same[:3])
        parts = split_compound(word, lambda p: is_term(p) and stem(p) in self._stems)
        if parts:
            return tuple((stem(p), self.t.part_factor) for p in parts)
        bare = skeleton(word)
        if len(bare) >= SKELETON_MIN and SKELETON + bare in self._stems:
            return ((SKELETON + bare, self.t.part_factor),)  # "Becker" in the id "bckrlab"
        if len(s) >= self.t.typo_min_len:
            hit = process.extractOne(s, self._by_initial.get(s[0], ()), scorer=OSA.distance,
                                     score_cutoff=1 if len(s) < 9 else 2)
            if hit:
                return ((hit[0], self.t.typo_factor),)
        return ()

    def _terms(self, text: Words, lang: str = "en", proper: frozenset[str] = frozenset()
               ) -> tuple[tuple[Term, ...], tuple[str, ...]]:
        """The message's naming terms and the words no vacancy knows."""
        out: list[Term] = []
        unknown: list[str] = []
        found_words = (words(text) if isinstance(text, str) else with_parts(text))[
            : self.t.max_terms * 3]
        joined: set[str] = set()
        for a, b in itertools.pairwise(found_words):
            s = stem(a + b)  # "dwell time" on a page that writes "dwelltime"
            if (a.isalpha() and b.isalpha() and s in self._stems and len(a + b) >= 6
                    and len(s) > len(a) + 1  # not "learning fully" -> "learning"
                    and is_term(a) and is_term(b)):  # not "phd positions"
                out.append(_term(a + b, s, 1.0, self.idf(s)))
                joined.update((a, b))
        for word in dict.fromkeys(found_words):
            if word in joined or not is_term(word):
                continue
            cue = 0.0 if word in proper else cue_weight(word)  # "Geo Expertise Center"
            if cue >= self.t.cue_excludes:
                continue  # "salary", "deadline": says what is asked, not which vacancy
            found = self.expand(word)
            damp = self.t.cue_factor if cue or (word not in proper and is_cue(word)) else 1.0
            typed = bool(found) and found[0][1] == 1.0
            exact = self.idf(found[0][0]) if typed else 99.0
            for s, factor in found:  # another inflection is never rarer than the word typed
                out.append(_term(word, s, factor * damp, min(self.idf(s), exact)))
            translated = [] if typed and lang == "en" else self._translate(word)
            if translated and found and not typed:
                out = [t for t in out if t.word != word]  # a guess beaten by a translation
            out += translated
            if not (found or translated):
                unknown.append(word)
            if len(out) >= self.t.max_terms:
                break
        return tuple(out), tuple(unknown)

    def _translate(self, word: str) -> list[Term]:
        """Terms for the English words of a Dutch or German word ("hartinfarct"); not
        for a word that is the same in English ("ct", "software")."""
        return [_term(f"{word}>{n}", t, self.t.gloss_factor, self.idf(t))
                for n, options in enumerate(english(word, self._known)) if options != (word,)
                for eng in options for w in words(eng) if is_term(w) for s in [stem(w)]
                for t in ([s] if s in self._stems else self._cognates.get(cognate(s), []))[:2]]

    def _known(self, piece: str) -> bool:
        s = stem(piece)
        return s in self._stems or (len(s) >= 5 and cognate(s) in self._cognates)

    # ---- 2. retrieve and 3. score ---------------------------------------------------------

    def resolve(self, text: Words, wanted: frozenset[str] = frozenset(),
                excluded: frozenset[str] = frozenset(),
                within: tuple[str, ...] | None = None, lang: str = "en",
                avoid: tuple[str, ...] = (), proper: frozenset[str] = frozenset()
                ) -> Resolution:
        """The vacancies `text` names, best first; `within` restricts them to those ids.
        `text` is a message's folded words (`Query.naming`) or, for lists and alerts, text.
        Pure over the knowledge base: the same question asked again (a burst of users
        asking about one vacancy) is answered from a cache."""
        given = text if isinstance(text, tuple) else tuple(tokens(fold(text)))
        return self._resolve(given, wanted, excluded, within, lang, avoid, proper)

    def _resolve_uncached(self, given: tuple[str, ...], wanted: frozenset[str],
                          excluded: frozenset[str], within: tuple[str, ...] | None, lang: str,
                          avoid: tuple[str, ...], proper: frozenset[str]) -> Resolution:
        for raw in given[:50]:  # the vacancy id itself, e.g. from a deep link
            vid = self._ids.get(raw)
            if vid is not None and (within is None or vid in within):
                return Resolution((Match(vid, 99.0, 1.0, (raw,), (), 1.0),), (), ())
        terms, unknown = self.terms(given, lang, proper)
        if not terms:
            return Resolution((), (), unknown)
        if within is not None:
            candidates = {self._by_id[v] for v in within if v in self._by_id}
        else:
            candidates = self._retrieve(terms)
        best = _best_per_word(terms)
        total = sum(t.idf * t.factor for t in best)
        penalty = self.t.unknown_weight * self.idf("") * len(unknown)
        shun = [(stem(w), self.idf(stem(w))) for w in avoid if stem(w) in self._stems]
        pairs = [(a.stem, b.stem, self.t.pair_bonus * (a.idf * a.factor + b.idf * b.factor))
                 for a, b in itertools.pairwise(best)]
        stems = tuple(t.stem for t in terms)
        sites = self._sites_named(terms)
        scores = self._scores(terms, wanted, excluded, avoid)
        for i in candidates:
            if i not in scores:
                m = self._score(i, terms, self._has(stems, i), best, pairs, total, wanted,
                                excluded, shun, sites)
                scores[i] = m if m.score > 0 else None  # scored 0: never among the matches
        top = heapq.nlargest(self.t.max_matches, filter(None, map(scores.__getitem__, candidates)),
                             key=lambda m: (m.score, m.coverage))
        return Resolution(tuple(top), terms, unknown, total, penalty)

    def _sites_named(self, terms: tuple[Term, ...]) -> dict[str, str]:
        """The message words (as typed) that name one site of several: only that site's
        pages have them among their names ("CAISA", a site's folder; its lab's head, its
        city)."""
        return {t.word: site for t in terms if t.factor == 1.0
                for site in [self.kb.site_names.get(t.stem, "")] if site}

    def _scored(self, terms: tuple[Term, ...], wanted: frozenset[str],
                excluded: frozenset[str], avoid: tuple[str, ...]) -> dict[int, Match | None]:
        """The vacancies scored so far for these naming terms and kinds, by index: every
        message with the same naming words shares them, whatever else it asks."""
        return {}

    def _candidates(self, terms: tuple[Term, ...]) -> set[int]:
        found: dict[int, float] = defaultdict(float)
        for t in terms:
            postings = self.kb.index.get(t.stem, ())
            if len(postings) <= self._rare:
                for i, w in postings:
                    if w == PROPER_WEIGHT and self._common(t.stem):
                        continue
                    found[i] += w * t.idf
        best = heapq.nlargest(self.t.retrieve, found.items(), key=lambda x: x[1])
        rare = [t.stem for t in terms if self.kb.df.get(t.stem, 0) <= self._rare]
        if not rare:  # only common words: the rarest of them still finds something
            rare = [min(terms, key=lambda t: self.kb.df.get(t.stem, 0)).stem]
        text = self.kb.rank_text(rare, self.t.retrieve)
        return {i for i, _ in best} | {i for i, _ in text}

    def _score(self, i: int, terms: tuple[Term, ...], has: list[tuple[float, int]],
               best: list[Term], pairs: list[tuple[str, str, float]], total: float,
               wanted: frozenset[str], excluded: frozenset[str],
               shun: list[tuple[str, float]], sites: dict[str, str]) -> Match:
        weight: dict[str, float] = {}  # message word -> its strongest contribution
        by_name: dict[str, bool] = {}  # ... and whether that is by a name
        body_max, both = self.t.body_max, self.t.both_bonus
        for t, (name_w, tf) in zip(terms, has, strict=True):
            if not (tf or name_w):
                continue  # adds nothing
            text_w = 0.0 if tf == 0 else min(body_max, 1.0 + 0.2 * (tf - 1))
            # a name the body also speaks of is more central than one it never mentions
            w = (max(name_w, text_w) + both * min(name_w, text_w)) * t.factor * t.idf
            if w > weight.get(t.word, 0.0):
                weight[t.word] = w
                by_name[t.word] = name_w >= text_w and name_w > 0
        score = sum(weight.values())
        # words the message puts together that the page puts together ("web radiology")
        present = {t.stem for t, (_, tf) in zip(terms, has, strict=True) if tf}
        score += sum(bonus for a, b, bonus in pairs
                     if a in present and b in present and self.kb.near(i, a, b))
        have = sum([t.idf * t.factor for t in best if t.word in weight])
        listing = self.kb.listings[i]
        fit = kind_fit(listing.categories, wanted, excluded, self.t)
        if shun:  # "not the one with the blood markers": the more of those it has, the less
            had = sum(idf for s, idf in shun if any(self._has((s,), i)[0]))
            fit *= 1.0 - (1.0 - self.t.avoid_factor) * had / sum(idf for _, idf in shun)
        elsewhere = bool(sites) and self.kb.sites[i] not in sites.values() and not (
            sites.keys() & weight.keys())
        if elsewhere:
            fit *= self.t.other_site_factor  # "bei CAISA": another group's page
        coverage = have / total if total else 0.0
        # a page that has every word asked for beats one with a single stronger word
        spread = 1.0 - self.t.coverage_weight * (1.0 - coverage)
        return Match(listing.id, round(score * fit * spread, 4), round(coverage, 4),
                     tuple([w for w, named in by_name.items() if named]),
                     tuple([w for w, named in by_name.items() if not named]), fit, elsewhere)

    # ---- for lists and alerts -------------------------------------------------------------

    def members(self, word: str) -> frozenset[int]:
        """Indices of the vacancies about `word` (alerts): it is among their names (title,
        people, places, ...) or their body uses it again and again."""
        found: set[int] = set()
        for s, _ in self.expand(fold(word)):
            found.update(i for i, w in self.kb.index.get(s, ()) if w != PROPER_WEIGHT)
            if self.kb.df.get(s, 0) <= self.t.members_text_max:
                found.update(i for i, _ in self.kb.rank_text([s], self.t.members_text_max)
                             if self.kb.has(i, (s,))[0][1] >= self.t.members_min_tf)
        return frozenset(found)


def _best_per_word(terms: tuple[Term, ...]) -> list[Term]:
    """One term per message word: its strongest reading."""
    best: dict[str, Term] = {}
    for t in terms:
        if t.word not in best or t.idf * t.factor > best[t.word].idf * best[t.word].factor:
            best[t.word] = t
    return list(best.values())
