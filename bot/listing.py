"""Lists of vacancies: filters read from the message, ordering, pages."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bot.model import Block, Button, Style
from bot.resolve import QUESTION_WORDS, Resolver
from knowledge.kb import KnowledgeBase, Listing
from knowledge.keywords import GENERIC
from knowledge.textnorm import fold, words

PAGE_SIZE = 8

_TYPES = {
    "phd": "phd", "promotie": "phd", "promotieplaats": "phd", "promovendus": "phd",
    "doktorand": "phd", "doktorandenstelle": "phd", "promotion": "phd",
    "postdoc": "postdoc", "postdocs": "postdoc", "postdoctoral": "postdoc",
    "msc": "msc", "master": "msc", "masters": "msc", "student": "msc", "students": "msc",
    "internship": "msc", "thesis": "msc", "stage": "msc", "afstudeer": "msc",
    "afstudeerproject": "msc", "masterarbeit": "msc", "bachelor": "msc",
    "engineer": "engineer", "engineers": "engineer", "developer": "engineer",
    "software": "engineer", "programmer": "engineer", "rse": "engineer",
}
_CLOSED = re.compile(r"\b(closed|old|past|filled|expired|gesloten|geschlossen|vergangen)\b")
_ALL = re.compile(r"\b(all|every|alle|allemaal|including closed|incl)\b")
_LIST_WORDS = frozenset(
    """list show give see view find search any are there is have has got available current
    currently open opens vacancies vacancy positions position jobs job openings opening
    opportunities opportunity projects project offers which what me please the in on at
    for about with of topics topic area areas field fields related something anything
    welke zijn er heb hebben toon laat zien lijst beschikbaar openstaande vacatures
    vacature plekken plaatsen posities welche gibt es zeige liste offene stellen stelle
    verfugbar aktuelle im bei related""".split()
)


@dataclass(frozen=True, slots=True)
class ListQuery:
    text: str
    status: str  # "open" | "closed" | "all"
    category: str  # "" for any
    topics: tuple[str, ...]


def read_query(text: str) -> ListQuery:
    folded = fold(text)
    status = "closed" if _CLOSED.search(folded) else "open"
    if status == "open" and _ALL.search(folded) and re.search(r"\bclosed|gesloten|geschlossen",
                                                              folded):
        status = "all"
    category = ""
    topics: list[str] = []
    for w in words(text)[:60]:
        if w in _TYPES and not category:
            category = _TYPES[w]
            continue
        if w in _TYPES or w in _LIST_WORDS or w in GENERIC or w in QUESTION_WORDS:
            continue
        if len(w) < 3 or w.isdigit() or (_CLOSED.fullmatch(w) or _ALL.fullmatch(w)):
            continue
        topics.append(w)
    return ListQuery(text, status, category, tuple(dict.fromkeys(topics)))


class Orderings:
    """Newest-first orderings of the knowledge base, computed once: a list without topics
    is then a slice, however many vacancies there are."""

    def __init__(self, kb: KnowledgeBase) -> None:
        newest = sorted(kb.listings, key=lambda x: x.date, reverse=True)
        self._cache: dict[tuple[str, str], tuple[Listing, ...]] = {}
        self._newest = tuple(newest)

    def of(self, status: str, category: str) -> tuple[Listing, ...]:
        key = (status, category)
        if key not in self._cache:
            self._cache[key] = tuple(
                x for x in self._newest if (status == "all" or x.status == status)
                and (not category or x.category == category))
        return self._cache[key]


def select(kb: KnowledgeBase, resolver: Resolver, query: ListQuery,
           orderings: Orderings | None = None) -> list[Listing]:
    """The vacancies a list query asks for: those with most topic words among their keywords
    first, newest first among equals; pages that mention a topic only in their text come
    last, and only when the keywords found few."""
    def wanted(x: Listing) -> bool:
        return ((query.status == "all" or x.status == query.status)
                and (not query.category or x.category == query.category))

    listings = kb.listings
    if not query.topics:
        return list((orderings or Orderings(kb)).of(query.status, query.category))
    hits: Counter[int] = Counter()
    for topic in query.topics:
        hits.update(resolver.members(topic))
    chosen = [i for i in hits if wanted(listings[i])]
    chosen.sort(key=lambda i: listings[i].date, reverse=True)  # newest first ...
    chosen.sort(key=lambda i: -hits[i])  # ... among those matching as many topics (stable)
    found = [listings[i] for i in chosen]
    if len(found) < 2 * PAGE_SIZE:
        have = {x.id for x in found}
        for vid, _ in kb.search(" ".join(query.topics), limit=100, ranked=False):
            x = kb.listing(vid)
            if x is not None and vid not in have and wanted(x):
                found.append(x)
                have.add(vid)
    return found


def kind_label(x: Listing) -> str:
    return {"phd": "PhD", "postdoc": "postdoc", "msc": "MSc project", "engineer": "engineer"}.get(
        x.category, "")


def render_page(items: list[Listing], page: int) -> tuple[list[Block], list[Button]]:
    start = page * PAGE_SIZE
    shown = items[start : start + PAGE_SIZE]
    blocks: list[Block] = []
    buttons: list[Button] = []
    for n, x in enumerate(shown, start=start + 1):
        tags = ", ".join(t for t in (kind_label(x), "closed" if x.closed else "") if t)
        blocks.append(Block(f"{n}. {x.title}" + (f" ({tags})" if tags else ""), Style.TEXT))
        buttons.append(Button(f"{n}. {x.title[:40]}", action="vacancy", vacancy=x.id))
    if start + PAGE_SIZE < len(items):
        blocks.append(Block(f"Showing {start + 1}–{start + len(shown)} of {len(items)}.",
                            Style.NOTE))
        buttons.append(Button("More ›", action="page", arg=str(page + 1)))
    return blocks, buttons
