"""The read side of the knowledge base: what the bot queries while it answers.

Opening a database loads a light listing of every vacancy (title, status, people, keywords)
and an inverted keyword index into memory; full vacancies (sections and facts) are read from
SQLite on demand and cached. Full-text search goes through FTS5 with the user's words
quoted, so no user text is ever taken as query syntax.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from array import array
from bisect import bisect_left
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from knowledge.keywords import WEIGHTS, terms
from knowledge.model import Vacancy
from knowledge.store import connect_readonly, vacancy_from_rows
from knowledge.textnorm import fold

_CACHE_SIZE = 512
_READ_MAX = 1 << 16  # what `has` and `near` found, remembered; emptied beyond
_ABSENT = (0.0, 0)  # `has` of a stem a vacancy does not have, shared by most of those looked up
_SITE_ELSEWHERE = 1.5  # a site's name is on at most this many pages per page of the site
_SITE_SHARE = 0.5  # a name on this share of a site's pages (two at least) is the site's


@dataclass(frozen=True, slots=True)
class Listing:
    """What is kept in memory for every vacancy."""

    id: str
    key: str
    title: str
    closed: bool
    category: str
    categories: tuple[str, ...]
    type: str
    groups: tuple[str, ...]
    people: tuple[str, ...]
    tags: tuple[str, ...]
    date: str
    description: str
    language: str
    fingerprint: str

    @property
    def status(self) -> str:
        return "closed" if self.closed else "open"


@dataclass(frozen=True, slots=True)
class Change:
    added: tuple[str, ...]  # titles
    removed: tuple[str, ...]
    changed: tuple[str, ...]
    reopened: tuple[str, ...]  # ids that were closed (or absent) and are now open
    added_ids: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def sites_of(sources: list[str]) -> tuple[str, ...]:
    """Each page's site: the first folder below the folder all pages share, "" for a page
    in that folder itself (`sites2/<owner>__<repo>/_posts/x.md` -> "<owner>__<repo>"). Pages
    of one site are one group's: "the other one" is looked for among them."""
    paths = [os.path.normpath(s).split(os.sep) for s in sources]
    if not paths:
        return ()
    depth = 0
    shortest = min(len(p) for p in paths)
    while depth < shortest - 1 and len({p[depth] for p in paths}) == 1:
        depth += 1
    return tuple(p[depth] if len(p) > depth + 1 else "" for p in paths)


class Postings:
    """The vacancies (by listing index) whose names have a stem, with its weight there:
    iterated as (index, weight) pairs, kept as two compact arrays (a 20,000-page knowledge
    base holds about a million of them)."""

    __slots__ = ("ids", "weights")

    def __init__(self) -> None:
        self.ids = array("I")
        self.weights = array("H")  # hundredths: weights are rounded to two decimals

    def add(self, i: int, weight: float) -> None:
        self.ids.append(i)
        self.weights.append(round(weight * 100))

    def weight_of(self, i: int) -> float:
        """The weight for vacancy `i`, 0 when it has none (ids are added in order)."""
        at = bisect_left(self.ids, i)
        return self.weights[at] / 100 if at < len(self.ids) and self.ids[at] == i else 0.0

    def __iter__(self) -> Iterator[tuple[int, float]]:
        return zip(self.ids, (w / 100 for w in self.weights), strict=True)

    def __len__(self) -> int:
        return len(self.ids)


def _site_words(sites: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The naming words of each site's folder name ("anne-urai__lab_wiki" -> anne, urai,
    lab, wiki), without the parts most sites' names share ("github", "io")."""
    names = set(sites) - {""}
    words = {site: tuple(dict.fromkeys(terms(site.replace("_", " ").replace(".", " "))))
             for site in names}
    common = Counter(w for found in words.values() for w in found)
    return {site: tuple(w for w in found if common[w] <= max(1, len(names) // 2))
            for site, found in words.items()}


def _site_entities(sites: tuple[str, ...], entities: list[list[str]]) -> dict[str, list[str]]:
    """The people, groups and places most pages of a site name (`IndexText.entities`): the
    group's head, its lab, its city. A page of the site that does not name them is still
    that group's ("a master thesis in Lucie Flek's group": the theses page does not say
    whose group it is, the site's job postings do)."""
    pages: Counter[str] = Counter(sites)
    named: dict[str, Counter[str]] = defaultdict(Counter)
    for site, found in zip(sites, entities, strict=True):
        if site:
            named[site].update(set(found))
    return {site: [t for t, n in counts.items() if n >= max(2, pages[site] * _SITE_SHARE)]
            for site, counts in named.items()}


def _site_names(sites: tuple[str, ...], names: dict[str, tuple[str, ...]],
                df: dict[str, int]) -> dict[str, str]:
    """Each stem among one site's `names` that is rare elsewhere: the site it names. "bei
    CAISA" names the CAISA lab's site; "lab", in one site's folder name and on most pages of
    all, names none."""
    pages = Counter(sites)
    found: dict[str, set[str]] = defaultdict(set)
    for site, tokens in names.items():
        for token in tokens:
            found[token].add(site)
    return {token: site for token, named in found.items() if len(named) == 1
            for site in named if df.get(token, 0) <= _SITE_ELSEWHERE * pages[site]}


class KnowledgeBase:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn = connect_readonly(path)
        rows = self._conn.execute(
            "SELECT id, key, title, closed, category, categories, type, groups, people, tags, "
            "date, description, language, fingerprint, keywords, entities, source FROM vacancies "
            "ORDER BY rowid"
        ).fetchall()
        self.listings: tuple[Listing, ...] = tuple(
            Listing(r["id"], r["key"], r["title"], bool(r["closed"]), r["category"],
                    tuple(json.loads(r["categories"])), r["type"],
                    tuple(json.loads(r["groups"])), tuple(json.loads(r["people"])),
                    tuple(json.loads(r["tags"])), r["date"], r["description"], r["language"],
                    r["fingerprint"])
            for r in rows
        )
        self._by_id = {x.id: i for i, x in enumerate(self.listings)}
        self.sites: tuple[str, ...] = sites_of([r["source"] or "" for r in rows])
        self._by_key = {x.key: x.id for x in self.listings}
        site_words = _site_words(self.sites)
        shared = _site_entities(self.sites, [json.loads(r["entities"]) for r in rows])
        # a site's own names: its folder's words, what most of its pages name
        names = {site: tuple(dict.fromkeys((*site_words.get(site, ()), *shared.get(site, ()))))
                 for site in set(self.sites) - {""}}
        index: dict[str, Postings] = defaultdict(Postings)
        for i, r in enumerate(rows):
            own = json.loads(r["keywords"])
            for token, weight in own.items():
                index[token].add(i, weight)
            for token in names.get(self.sites[i], ()):
                if token not in own:  # "anne-urai__lab_wiki": the site is Anne Urai's
                    index[token].add(i, WEIGHTS["id_part"])
        self.index: dict[str, Postings] = dict(index)
        # document frequency of every stem of the full-text index (title, names and body)
        self.df: dict[str, int] = {
            t: n for t, n in self._conn.execute("SELECT term, doc FROM vacancy_terms")}
        self.site_names = _site_names(self.sites, names, self.df)
        self.vocabulary: tuple[str, ...] = tuple(sorted(set(self.index) | set(self.df)))
        self._cache: OrderedDict[str, Vacancy] = OrderedDict()
        self._kinds: OrderedDict[str, frozenset[str]] = OrderedDict()
        self._texts: OrderedDict[int, str] = OrderedDict()
        # what `has` and `near` read, keyed by text ("12 stem"): no tuples for the garbage
        # collector to count and walk
        self._has: dict[str, tuple[float, int]] = {}
        self._near: dict[str, bool] = {}
        self._ranked: OrderedDict[tuple[object, ...], list[tuple[int, float]]] = OrderedDict()
        meta = dict(self._conn.execute("SELECT key, value FROM meta").fetchall())
        self.built_at = int(meta.get("built_at", "0"))
        self.seeds = meta.get("seeds", "")
        self.status_day = meta.get("status_day", "")  # ISO day open/closed was settled for

    def close(self) -> None:
        self._conn.close()

    def __len__(self) -> int:
        return len(self.listings)

    def listing(self, vacancy_id: str) -> Listing | None:
        i = self._by_id.get(vacancy_id)
        return self.listings[i] if i is not None else None

    def site(self, vacancy_id: str) -> str:
        """The site a vacancy's page belongs to (`sites_of`), "" when all pages share one."""
        i = self._by_id.get(vacancy_id)
        return self.sites[i] if i is not None else ""

    def id_for_key(self, key: str) -> str | None:
        return self._by_key.get(key)

    def get(self, vacancy_id: str) -> Vacancy | None:
        """The full vacancy with sections and facts, or None."""
        cached = self._cache.get(vacancy_id)
        if cached is not None:
            self._cache.move_to_end(vacancy_id)
            return cached
        row = self._conn.execute("SELECT * FROM vacancies WHERE id = ?", (vacancy_id,)).fetchone()
        if row is None:
            return None
        sections = self._conn.execute(
            "SELECT * FROM sections WHERE vacancy_id = ? ORDER BY ord", (vacancy_id,)).fetchall()
        facts = self._conn.execute(
            "SELECT * FROM facts WHERE vacancy_id = ? ORDER BY ord", (vacancy_id,)).fetchall()
        vacancy = vacancy_from_rows(row, sections, facts)
        self._cache[vacancy_id] = vacancy
        if len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)
        return vacancy

    def kinds_of(self, vacancy_id: str) -> frozenset[str]:
        """The kinds of the facts and sections a vacancy's page has ("salary_amount",
        "requirements", ...), without reading the page itself."""
        cached = self._kinds.get(vacancy_id)
        if cached is None:
            cached = frozenset(r[0] for r in self._conn.execute(
                "SELECT DISTINCT kind FROM facts WHERE vacancy_id = ? UNION "
                "SELECT DISTINCT kind FROM sections WHERE vacancy_id = ?",
                (vacancy_id, vacancy_id)))
            self._kinds[vacancy_id] = cached
            if len(self._kinds) > 8 * _CACHE_SIZE:
                self._kinds.popitem(last=False)
        return cached

    def search(self, text: str, limit: int = 50, ranked: bool = True) -> list[tuple[str, float]]:
        """(vacancy id, score) by full-text relevance of the user's words, best first.

        Each word becomes a quoted prefix term joined with OR, so quotes, NEAR(, AND, *, ^
        and the like in user text are just words. `ranked=False` skips bm25 and returns
        the first `limit` matching vacancies (score 1.0): it stops early, so it stays fast
        however many sections match.
        """
        terms = [w for w in dict.fromkeys(re.findall(r"[a-z0-9]+", fold(text))) if len(w) > 2][:12]
        if not terms:
            return []
        query = " OR ".join(f'"{t}"*' for t in terms)
        if not ranked:
            try:
                rows = self._conn.execute(
                    "SELECT DISTINCT s.vacancy_id AS id FROM sections s WHERE s.rowid IN "
                    "(SELECT rowid FROM sections_fts WHERE sections_fts MATCH ? LIMIT ?)",
                    (query, limit * 8),
                ).fetchall()
            except sqlite3.OperationalError:
                return []
            return [(r["id"], 1.0) for r in rows[:limit]]
        try:
            rows = self._conn.execute(
                # bm25() is only allowed in a plain query over the FTS table: rank the
                # matching sections there (bounded), then group them by vacancy outside.
                "SELECT id, min(r) AS rank FROM (SELECT (SELECT vacancy_id FROM sections s "
                "WHERE s.rowid = sections_fts.rowid) AS id, bm25(sections_fts, 5.0, 2.0, 1.0) "
                "AS r FROM sections_fts WHERE sections_fts MATCH ? ORDER BY r LIMIT 2000) "
                "GROUP BY id ORDER BY rank LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError:
            return []
        return [(r["id"], -float(r["rank"])) for r in rows]

    def rank_text(self, stems: list[str], limit: int = 30,
                  weights: tuple[float, float, float] = (6.0, 4.0, 1.0)) -> list[tuple[int, float]]:
        """(listing index, relevance) of the vacancies whose title, names or body contain any
        of `stems`, by bm25() with `weights` for the three columns, best first.

        The stems are quoted, so nothing a user typed is ever read as query syntax."""
        quoted = [t.replace('"', "") for t in dict.fromkeys(stems) if t.strip('"')]
        if not quoted:
            return []
        key = (tuple(sorted(quoted)), limit, weights)
        if key in self._ranked:  # the same words again: a popular topic
            self._ranked.move_to_end(key)
            return self._ranked[key]
        query = " OR ".join(f'"{t}"' for t in quoted)
        try:
            rows = self._conn.execute(
                "SELECT rowid, bm25(vacancy_text, ?, ?, ?) AS r FROM vacancy_text "
                "WHERE vacancy_text MATCH ? ORDER BY r LIMIT ?", (*weights, query, limit),
            ).fetchall()
        except sqlite3.OperationalError:
            return []
        found = [(int(r[0]) - 1, -float(r[1])) for r in rows]
        self._ranked[key] = found
        if len(self._ranked) > 4 * _CACHE_SIZE:
            self._ranked.popitem(last=False)
        return found

    def text_of(self, i: int) -> str:
        """The stems of listing `i`'s title, names and body, space-separated and padded
        (" stem stem ... "), for counting a stem (`" x "`) or a pair (`" x y "`) cheaply."""
        cached = self._texts.get(i)
        if cached is not None:
            self._texts.move_to_end(i)
            return cached
        row = self._conn.execute("SELECT title, names, body FROM vacancy_text WHERE rowid = ?",
                                 (i + 1,)).fetchone()
        found = " " + " | ".join(row) + " " if row is not None else " "
        self._texts[i] = found
        if len(self._texts) > 4 * _CACHE_SIZE:
            self._texts.popitem(last=False)
        return found

    def has(self, i: int, stems: Iterable[str]) -> list[tuple[float, int]]:
        """How listing `i` has each of `stems`: its weight among the vacancy's names (`index`,
        0 when none) and how often its text (`text_of`) has it — each read once."""
        return [self._has.get(f"{i} {stem}") or self._read(i, stem) for stem in stems]

    def _read(self, i: int, stem: str) -> tuple[float, int]:
        if len(self._has) >= _READ_MAX:
            self._has.clear()
        postings = self.index.get(stem)
        found = (0.0 if postings is None else postings.weight_of(i),
                 self.text_of(i).count(f" {stem} "))
        self._has[f"{i} {stem}"] = found if any(found) else _ABSENT
        return found

    def near(self, i: int, a: str, b: str) -> bool:
        """Does listing `i`'s text have stem `b` right after `a`, or one word after it? Read
        once."""
        key = f"{i} {a} {b}"
        found = self._near.get(key)
        if found is None:
            if len(self._near) >= _READ_MAX:
                self._near.clear()
            found = self._near[key] = _pair(a, b).search(self.text_of(i)) is not None
        return found

    def diff(self, newer: KnowledgeBase) -> Change:
        """What changed from this knowledge base to `newer`, by title."""
        old = {x.id: x for x in self.listings}
        new = {x.id: x for x in newer.listings}
        added = [i for i in new if i not in old]
        reopened = [i for i in new if i in old and old[i].closed and not new[i].closed]
        return Change(
            added=tuple(new[i].title for i in added),
            removed=tuple(old[i].title for i in old if i not in new),
            changed=tuple(new[i].title for i in new
                          if i in old and old[i].fingerprint != new[i].fingerprint),
            reopened=tuple(reopened),
            added_ids=tuple(added),
        )

    def deadlines(self) -> list[tuple[str, str, str]]:
        """(vacancy id, value as written, day as read: ISO or "") of every application
        deadline the pages give."""
        return [(str(v), str(d), str(day or "")) for v, d, day in self._conn.execute(
            "SELECT vacancy_id, value, day FROM facts WHERE kind = 'deadline' ORDER BY rowid")]


@lru_cache(maxsize=8192)
def _pair(a: str, b: str) -> re.Pattern[str]:
    """Two stems side by side, or with one word between, in a padded stem text."""
    return re.compile(rf" {re.escape(a)} (?:\S+ )?{re.escape(b)} ")
