"""Vacancy alerts, the pure part (`bot.alerts`) and their SQLite store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.alerts import (
    Match,
    Subscription,
    announced,
    change_since,
    describe,
    matching_subscribers,
    normalise,
)
from bot.resolve import Resolver
from bot.telegram.state import open_state
from bot.telegram.subscriptions import MAX_PER_CHAT, Added, SubscriptionStore
from knowledge import KnowledgeBase, build
from tests.paths import SEEDS

DERMA = "skin-pathology-phd"
METASTATIC = "metastatic-cancer-multimodal-phd"  # closed in the seeds
PANCAIM = "pancaim-pancreatic-cancer-phd"


def page(title: str, *, groups: str = "diag", people: str = "Ada Lovelace",
         closed: bool = False, kind: str = "PhD position",
         description: str = "") -> str:
    """A minimal valid vacancy page."""
    description = description or f"A {kind} on {title.lower()}."
    return f"""---
title: {title}
groups: {groups}
closed: {str(closed).lower()}
type: general
people: {people}
description: {description}
---

## Requirements
- An MSc degree in computer science, physics or biology.

## Terms of employment
We offer a standard salary for PhD candidates in the Netherlands.

## Information
For questions please contact {people} (someone@example.org).

## Application
Apply at https://example.org/jobs before the deadline.
"""


DERMA_PAGE = page("Computational pathology for skin cancer (DERMA)", groups="diag, pathology")


def reopen(text: str) -> str:
    return text.replace("closed: true", "closed: false", 1)


def edit(text: str) -> str:
    return text.replace("## Requirements", "## Requirements\nFluent Klingon is a plus.\n", 1)


@pytest.fixture(scope="module")
def kbs(tmp_path_factory: pytest.TempPathFactory) -> tuple[KnowledgeBase, KnowledgeBase]:
    """The seeds, and the seeds with DERMA added, METASTATIC reopened and PANCAIM edited."""
    tmp = tmp_path_factory.mktemp("alerts")
    build(SEEDS, tmp / "old.db")
    seeds = tmp / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / f"{DERMA}.md").write_text(DERMA_PAGE, encoding="utf-8")
    for vid, change in ((METASTATIC, reopen), (PANCAIM, edit)):
        path = seeds / f"{vid}.md"
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    build(seeds, tmp / "new.db")
    return KnowledgeBase(tmp / "old.db"), KnowledgeBase(tmp / "new.db")


def alerts_for(kbs: tuple[KnowledgeBase, KnowledgeBase], *words: str) -> list[Match]:
    old, new = kbs
    subs = [Subscription(100 + n, normalise(w)) for n, w in enumerate(words)]
    return matching_subscribers(old.diff(new), new, Resolver(new), subs)


def told(kbs: tuple[KnowledgeBase, KnowledgeBase], words: str) -> set[str]:
    return {m.vacancy for m in alerts_for(kbs, words)}


# ---- words -----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "words"), [
    ("pathology", "pathology"),
    ("  Pathology!! ", "pathology"),
    ("Pancreatic CT", "pancreatic"),  # two-letter words are not topics, as in /search
    ("PhD positions in pathology", "phd pathology"),  # a position type is a category
    ("postdoc pathology pathology", "postdoc pathology"),
    ("Fütterer", "futterer"),
    ("", ""),
    ("the open vacancies please", ""),
])
def test_normalise_reads_words_as_search_does(text: str, words: str) -> None:
    assert normalise(text) == words


def test_normalised_words_are_short_and_stable() -> None:
    long = normalise(" ".join(f"topic{n}" for n in range(40)))
    assert 0 < len(long) <= 60 and not long.endswith(" ")
    assert normalise(long) == long
    assert describe("") == "every new vacancy" and describe("pathology") == "pathology"


# ---- what is announced -----------------------------------------------------------------


def test_added_and_reopened_are_announced_edited_is_not(kbs: tuple[KnowledgeBase,
                                                                    KnowledgeBase]) -> None:
    old, new = kbs
    change = old.diff(new)
    assert PANCAIM in {x.id for x in new.listings if x.title in change.changed}
    assert announced(change, new) == ((DERMA, False), (METASTATIC, True))


def test_an_edit_only_change_alerts_nobody(kbs: tuple[KnowledgeBase, KnowledgeBase]) -> None:
    new = kbs[1]
    assert matching_subscribers(new.diff(new), new, Resolver(new),
                                [Subscription(1, ""), Subscription(2, "pancreatic")]) == []


def test_only_vacancies_open_now_are_announced(kbs: tuple[KnowledgeBase,
                                                          KnowledgeBase]) -> None:
    old, new = kbs
    change = old.diff(new)
    assert METASTATIC not in {v for v, _ in announced(change, old)}  # closed there


def test_change_since_a_snapshot(kbs: tuple[KnowledgeBase, KnowledgeBase]) -> None:
    old, new = kbs
    seen = {x.id: x.closed for x in old.listings}
    change = change_since(seen, new)
    assert change.added_ids == (DERMA,) and change.reopened == (METASTATIC,)
    assert change_since({x.id: x.closed for x in new.listings}, new).added_ids == ()


# ---- matching --------------------------------------------------------------------------


def test_topic_words_match_like_search(kbs: tuple[KnowledgeBase, KnowledgeBase]) -> None:
    assert told(kbs, "pathology") == {DERMA}
    assert told(kbs, "patholgy") == {DERMA}  # a typo
    assert told(kbs, "skin") == {DERMA}  # a title word
    assert told(kbs, "lovelace") == {DERMA}  # a person
    assert told(kbs, "cardiac") == set()
    assert told(kbs, "metastatic") == {METASTATIC}


def test_every_word_must_match(kbs: tuple[KnowledgeBase, KnowledgeBase]) -> None:
    assert told(kbs, "pathology skin") == {DERMA}
    assert told(kbs, "pathology cardiac") == set()


def test_a_position_type_narrows(kbs: tuple[KnowledgeBase, KnowledgeBase]) -> None:
    assert told(kbs, "phd pathology") == {DERMA}
    assert told(kbs, "postdoc pathology") == set()
    assert told(kbs, "postdoc") == set()


def test_no_words_means_every_new_vacancy(kbs: tuple[KnowledgeBase, KnowledgeBase]) -> None:
    matches = alerts_for(kbs, "")
    assert [(m.vacancy, m.reopened) for m in matches] == [(DERMA, False), (METASTATIC, True)]


def test_one_alert_per_chat_and_vacancy(kbs: tuple[KnowledgeBase, KnowledgeBase]) -> None:
    old, new = kbs
    subs = [Subscription(1, "pathology"), Subscription(1, ""), Subscription(2, "skin"),
            Subscription(3, "cardiac")]
    matches = matching_subscribers(old.diff(new), new, Resolver(new), subs)
    assert [(m.chat_id, m.vacancy, m.words) for m in matches] == [
        (1, DERMA, "pathology"), (2, DERMA, "skin"), (1, METASTATIC, "")]


# ---- the store -------------------------------------------------------------------------


def test_store_subscriptions(tmp_path: Path) -> None:
    state = open_state(tmp_path / "state.db")
    store = SubscriptionStore(state.conn)
    assert store.add(1, "pathology") is Added.ADDED
    assert store.add(1, "pathology") is Added.EXISTS
    assert store.add(1, "") is Added.ADDED
    assert [w for _, w in store.of_chat(1)] == ["pathology", ""]
    for n in range(MAX_PER_CHAT - 2):
        store.add(1, f"topic{n}")
    assert store.add(1, "one too many") is Added.FULL
    first_id = store.of_chat(1)[0][0]
    assert store.remove_id(2, first_id) is None  # not that chat's
    assert store.remove_id(1, first_id) == "pathology"
    assert store.remove_id(1, first_id) is None
    store.add(1, "pathology")
    assert store.of_chat(1)[-1][0] != first_id  # ids are never reused
    state.close()
    reopened = open_state(tmp_path / "state.db")  # survives a restart
    again = SubscriptionStore(reopened.conn)
    assert len(again.of_chat(1)) == MAX_PER_CHAT
    assert again.remove_all(1) == MAX_PER_CHAT and again.of_chat(1) == []
    reopened.close()


def test_store_plans_each_pair_once(tmp_path: Path) -> None:
    state = open_state(tmp_path / "state.db")
    store = SubscriptionStore(state.conn)
    assert store.seen() is None
    matches = [Match(1, "a", "x", False), Match(2, "a", "", False), Match(1, "b", "", True)]
    assert store.plan(matches, ()) == 2
    assert store.seen() == {}
    assert store.plan(matches, ()) == 0  # never twice
    due = store.due(0, 10)
    assert [(p.chat_id, p.vacancy) for p in due] == [(1, "a"), (2, "a"), (1, "b")]
    assert [p.key for p in store.due(0, 10, frozenset({(1, "a")}))] == [(2, "a"), (1, "b")]
    store.sent(due[0])
    store.retry(due[1], at=100.0)
    assert store.due(50.0, 10) == [due[2]] and store.next_due(50.0) == 100.0
    store.add(1, "x")
    store.remove(1, "x")  # the unsent alert it queued goes too ...
    assert store.status(1, "a") == "sent"  # ... not what was sent
    store.failed(due[1])
    assert store.pending() == 1 and store.status(2, "a") == "failed"
    store.forget(due[2])
    assert store.status(1, "b") is None and store.plan(matches, ()) == 1  # may come again
    state.close()


def test_store_moves_a_migrated_group(tmp_path: Path) -> None:
    state = open_state(tmp_path / "state.db")
    store = SubscriptionStore(state.conn)
    store.add(-5, "pathology")
    store.plan([Match(-5, "a", "pathology", False)], ())
    store.migrate(-5, -1005)
    assert store.of_chat(-5) == [] and [w for _, w in store.of_chat(-1005)] == ["pathology"]
    assert [p.chat_id for p in store.due(0, 10)] == [-1005]
    state.close()
