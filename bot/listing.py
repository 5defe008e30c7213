"""Lists of vacancies: what a list asks for, which vacancies it holds, and what tells them
apart in it.

A list without topic words is a slice of a precomputed ordering (open, newest first), so it
costs nothing however many vacancies there are. A list with topic words ("PhDs on prostate
cancer", "Nikolas Lessmann's projects") holds the vacancies the resolver finds with most of
those words, of the kind asked for; closed ones come after the open ones, marked, unless
the user asked only for open (or closed) ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lang
from bot.phrases import phrase
from bot.policy import DEFAULT, Tuning
from bot.resolve import Resolution, Resolver
from knowledge.classify import kind_of_heading
from knowledge.kb import KnowledgeBase, Listing
from knowledge.keywords import is_term, terms
from knowledge.model import FactKind
from knowledge.positions import LABELS, asked_kinds
from knowledge.textnorm import fold, words

_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s|\n")
_CLOSED_WORDS = frozenset(lang.QUERY.closed_words + lang.QUERY.closed_states)
_ALL_WORDS = frozenset(lang.QUERY.all_words)


@dataclass(frozen=True, slots=True)
class ListQuery:
    text: str
    status: str  # "open" | "closed" | "all"
    category: str  # a kind of position, "" for any
    topics: tuple[str, ...]  # folded words that must name the vacancies


def read_query(text: str) -> ListQuery:
    """A list or subscription request as filters: "closed postdocs on imaging"."""
    folded = fold(text)
    found = words(folded, folded=True)
    status = "closed" if _CLOSED_WORDS & set(found) else "open"
    if status == "closed" and _ALL_WORDS & set(found):
        status = "all"
    wanted, _ = asked_kinds(folded)
    category = sorted(wanted)[0] if wanted else ""
    topics = [w for w in found if is_term(w) and w not in _CLOSED_WORDS
              and w not in _ALL_WORDS and len(w) > 2]
    return ListQuery(text, status, category, tuple(dict.fromkeys(topics)))


class Orderings:
    """Newest-first orderings of the knowledge base, computed once per (status, kind)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._newest = tuple(sorted(kb.listings, key=lambda x: x.date, reverse=True))
        self._cache: dict[tuple[str, str], tuple[Listing, ...]] = {}

    def of(self, status: str, category: str) -> tuple[Listing, ...]:
        key = (status, category)
        if key not in self._cache:
            self._cache[key] = tuple(
                x for x in self._newest if (status == "all" or x.status == status)
                and (not category or category in x.categories))
        return self._cache[key]


def of_kinds(x: Listing, kinds: frozenset[str], excluded: frozenset[str] = frozenset()) -> bool:
    """Does the vacancy offer a kind asked for — any kind when none is, but not one whose
    main kind the user ruled out ("open positions, but no postdocs")?"""
    if kinds:
        return bool(kinds & set(x.categories))
    return x.category not in excluded


def matching(kb: KnowledgeBase, resolution: Resolution, kinds: frozenset[str], status: str,
             coverage: float | None = None, t: Tuning = DEFAULT,
             excluded: frozenset[str] = frozenset()) -> list[Listing]:
    """The vacancies a topic list holds: most of the words (or `coverage` of them: one of
    "Amsterdam, Leuven or Ghent"), of the kinds asked for and not of those ruled out; open
    first (then closed, marked) unless `status` asks for one of them."""
    top = resolution.top_score
    need = min(t.list_coverage, coverage) if coverage else t.list_coverage
    share = t.list_share if coverage is None else t.list_share * need
    named = (kb.listing(m.id) for m in resolution.matches
             if resolution.in_scope(m) >= need * 0.99 and m.score >= top * share)
    found = [x for x in named if x is not None and of_kinds(x, kinds, excluded)
             and (status not in ("open", "closed") or x.status == status)]
    return sorted(found, key=lambda x: x.closed)  # stable: by relevance within each status


def select(kb: KnowledgeBase, resolver: Resolver, query: ListQuery,
           orderings: Orderings) -> list[Listing]:
    """The vacancies of a `ListQuery` (for /search, /vacancies and alerts)."""
    kinds = frozenset({query.category}) if query.category else frozenset()
    if not query.topics:
        return list(orderings.of(query.status, query.category))
    resolution = resolver.resolve(" ".join(query.topics), kinds)
    return matching(kb, resolution, kinds, query.status)


def kind_label(x: Listing, lang: str = "en") -> str:
    return LABELS.get(lang, LABELS["en"]).get(x.category, "")


def describe(x: Listing, lang: str, subtitle: str = "") -> str:
    """What tells a vacancy apart in a list: its kind, whether it is closed, its people,
    and for a page titled only "Jobs" or "Join us", what it offers."""
    tags = [t for t in (kind_label(x, lang), phrase("closed_tag", lang) if x.closed else "") if t]
    if x.people:
        tags.append(x.people[0])
    title = f"{x.title} — {subtitle}" if subtitle else x.title
    return f"{title} ({', '.join(tags)})" if tags else title


def subtitle(kb: KnowledgeBase, x: Listing, limit: int = 110) -> str:
    """What a page with a title like "Openings" offers: its positions, else its summary,
    else its headings that name a topic (not the parts every posting has, "Your tasks",
    "Anforderungen"), else what it says first."""
    v = kb.get(x.id)
    if v is None:
        return ""
    first = next((s.text.strip() for s in v.sections if s.text.strip()), "")
    parts = ([p.title.rstrip(":") for p in v.positions][:3]
             or ([x.description] if x.description and len(x.description) > 25 else [])
             or [s.heading for s in v.sections if s.heading and len(s.heading) < 70
                 and kind_of_heading(s.heading) is None][:3]
             or ([_FIRST_SENTENCE.split(first, 1)[0].rstrip(":")] if first else []))
    places = [f.value for f in v.facts_of(FactKind.INSTITUTION, FactKind.LOCATION)
              if fold(f.value) not in fold(" ".join(parts))][:1]
    text = "; ".join(parts + places)
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def generic_titles(kb: KnowledgeBase, share: float = 0.02) -> frozenset[str]:
    """Ids of the vacancies whose title names nothing particular ("Jobs", "Join us", "Open
    positions"): no word of it is used by fewer than `share` of the vacancies (at least 2)."""
    rare = max(2, int(len(kb) * share))
    return frozenset(x.id for x in kb.listings
                     if not any(kb.df.get(w, 0) <= rare for w in terms(x.title)))


def button_label(n: int, x: Listing, shown: list[Listing], lang: str) -> str:
    """"3. Title…", told apart from the other buttons when titles repeat."""
    head = x.title[:34]
    if sum(1 for y in shown if y.title[:34] == head) > 1:
        extra = kind_label(x, lang) if x.closed is False else phrase("closed_tag", lang)
        head = f"{x.title[:22]}… {extra}"
    return f"{n}. {head}"[:48]
