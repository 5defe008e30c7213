"""Vacancy alerts, the pure part: what a subscription means and whom a change concerns.

No Telegram and no storage here. A subscription is a chat's normalised topic words ("" for
every new vacancy). Words are read exactly as `/search` reads them (`listing.read_query`:
a position type such as "phd" or "postdoc" becomes a category, list and question words
are dropped) and each topic word is looked up exactly as search looks it up
(`Resolver.members`: the vacancy's keywords — title, groups, people, tags, acronyms,
places — by exact word, same stem or a close typo). A vacancy matches a subscription when
it is open, of the subscription's category (if one was given) and matches *every* topic
word: the vacancies a `/search` for those words ranks first. Text that only mentions a word
somewhere in the page body (search's full-text fallback) does not trigger an alert.

What is announced: vacancies added or reopened (closed → open) by a change, and only open
ones; a vacancy that was only edited is never announced.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.listing import read_query
from bot.resolve import Resolver
from knowledge import Change, KnowledgeBase

MAX_WORDS_CHARS = 60  # a subscription's normalised words, at most


@dataclass(frozen=True, slots=True)
class Subscription:
    chat_id: int
    words: str  # normalised; "" = every new vacancy


@dataclass(frozen=True, slots=True)
class Match:
    """One alert to send: `chat_id` is told about `vacancy` because of its `words`."""

    chat_id: int
    vacancy: str
    words: str
    reopened: bool


def normalise(text: str) -> str:
    """The canonical form of a subscription's words: category first, then the topic words,
    lower-case and accent-free, duplicates and filler dropped. "" when nothing is left."""
    query = read_query(text)
    out: list[str] = []
    for part in (query.category, *query.topics) if query.category else query.topics:
        if len(" ".join([*out, part])) > MAX_WORDS_CHARS:
            break
        out.append(part)
    return " ".join(out)


def describe(words: str) -> str:
    """How a subscription is shown to its owner."""
    return words if words else "every new vacancy"


class Matcher:
    """Which vacancies of one knowledge base a subscription's words match; each word is
    looked up once however many subscriptions share it."""

    def __init__(self, kb: KnowledgeBase, resolver: Resolver) -> None:
        self.kb = kb
        self.resolver = resolver
        self._open = frozenset(i for i, x in enumerate(kb.listings) if not x.closed)
        self._members = functools.cache(resolver.members)

    def indices(self, words: str) -> frozenset[int]:
        """Indices (into `kb.listings`) of the open vacancies `words` match."""
        query = read_query(words)
        found = self._open
        if query.category:
            found = frozenset(i for i in found if self.kb.listings[i].category == query.category)
        for topic in query.topics:
            found &= self._members(topic)
            if not found:
                break
        return found


def announced(change: Change, kb: KnowledgeBase) -> tuple[tuple[str, bool], ...]:
    """(vacancy id, reopened?) for every vacancy the change adds or reopens and that is open
    in `kb`, in that order, each once. Edited and removed vacancies are not announced."""
    out: dict[str, bool] = {}
    for vid, reopened in [*((v, False) for v in change.added_ids),
                          *((v, True) for v in change.reopened)]:
        listing = kb.listing(vid)
        if listing is not None and not listing.closed and vid not in out:
            out[vid] = reopened
    return tuple(out.items())


def change_since(seen: Mapping[str, bool], kb: KnowledgeBase) -> Change:
    """What `kb` adds or reopens compared with a snapshot {vacancy id: closed} taken when
    alerts last looked (for a start-up with pages changed while the bot was down)."""
    added = [x for x in kb.listings if x.id not in seen]
    reopened = [x for x in kb.listings if seen.get(x.id) is True and not x.closed]
    return Change(added=tuple(x.title for x in added), removed=(), changed=(),
                  reopened=tuple(x.id for x in reopened), added_ids=tuple(x.id for x in added))


def matching_subscribers(change: Change, kb: KnowledgeBase, resolver: Resolver,
                         subscriptions: Iterable[Subscription]) -> list[Match]:
    """Every (chat, vacancy) pair to alert for `change`, `kb` being the knowledge base after
    it: vacancy by vacancy in `announced` order, one match per pair (named after the first
    of the chat's subscriptions that matches it)."""
    news = announced(change, kb)
    if not news:
        return []
    matcher = Matcher(kb, resolver)
    by_words: dict[str, list[int]] = {}
    for sub in subscriptions:
        by_words.setdefault(sub.words, []).append(sub.chat_id)
    hits = {words: matcher.indices(words) for words in by_words}
    position = {x.id: i for i, x in enumerate(kb.listings)}
    out: list[Match] = []
    for vid, reopened in news:
        told: dict[int, str] = {}  # each chat once, by its first subscription that matches
        for words, chats in by_words.items():
            if position[vid] in hits[words]:
                told.update((chat, words) for chat in chats if chat not in told)
        out += (Match(chat, vid, words, reopened) for chat, words in told.items())
    return out
