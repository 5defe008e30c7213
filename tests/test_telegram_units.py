"""The Telegram layer's small parts: callback data, links, keyboards, the send limits, the
flood guard, configuration, statistics."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from telegram import Bot

from bot.model import Button, ChatContext, Intent
from bot.router import Router
from bot.telegram import replies as callbacks
from bot.telegram.config import FloodLimits, parse_admin_ids
from bot.telegram.context import ROUTER_ACTIONS
from bot.telegram.limits import FloodGuard, Verdict
from bot.telegram.replies import keyboard, typing
from bot.telegram.state import open_state
from knowledge import KnowledgeBase, short_key
from tests.standin import BotApiStandIn

PAN = "pancaim-pancreatic-cancer-phd"
ACTIONS = ROUTER_ACTIONS | {"subscribe", "unsubscribe"}


def test_every_router_button_fits_in_64_bytes_and_decodes(router: Router) -> None:
    kb = router.kb
    seen = 0
    for text in ("/start", "/vacancies", "/salary", "/vacancy pancaim", "/apply bonn",
                 "/search nothing-matches-this-zzz", "/contact"):
        answer, ctx = router.respond(text, ChatContext())
        for b in answer.buttons:
            if b.url:
                continue
            data = callbacks.encode(b, ctx.list_query)
            assert len(data.encode()) <= 64
            press = callbacks.decode(data, kb, ACTIONS)
            assert press is not None
            assert (press.action, press.vacancy) == (b.action, b.vacancy)
            seen += 1
    assert seen >= 15


def test_callback_data_edge_cases(router: Router) -> None:
    kb: KnowledgeBase = router.kb
    long_arg = Button("x", action="subscribe", arg="Ärzte-Fortbildung " * 10)
    data = callbacks.encode(long_arg)
    assert len(data.encode()) <= 64 and data.startswith("a|subscribe||Ärzte")
    assert callbacks.decode(data, kb, ACTIONS) is not None
    page = callbacks.encode(Button("More", action="page", arg="2"), "pathology open")
    assert callbacks.decode(page, kb, ACTIONS) == callbacks.Press("page", "", "2", "pathology open")
    no_room = callbacks.encode(Button("More", action="page", arg="2"), "q" * 80)
    assert callbacks.decode(no_room, kb, ACTIONS) == callbacks.Press("page", "", "2", None)
    assert callbacks.decode(callbacks.encode(Button("S", "salary", PAN)), kb, ACTIONS) == \
        callbacks.Press("salary", PAN, "")
    assert callbacks.decode(f"a|salary|{'f' * 10}|", kb, ACTIONS) == \
        callbacks.Press("salary", "", "")
    for junk in ("", "a", "a|SALARY|x|", "p|x|", "p|1", "zz|1|2|3", "a|salary|key"):
        assert callbacks.decode(junk, kb, ACTIONS) is None, junk
    with pytest.raises(ValueError):
        callbacks.encode(Button("x", action="bad action"))
    assert short_key(PAN) == callbacks.encode(Button("S", "salary", PAN)).split("|")[2]


def test_keyboard_layout_and_unknown_actions() -> None:
    buttons = [Button("Requirements", "requirements", PAN), Button("Salary", "salary", PAN),
               Button("Contact", "contact", PAN), Button("Notify me", "subscribe"),
               Button("Page", url="https://example.org/job")]
    markup = keyboard(buttons, ROUTER_ACTIONS)
    assert markup is not None
    rows = [[b.text for b in row] for row in markup.inline_keyboard]
    assert rows == [["Requirements", "Salary"], ["Contact"], ["Page"]]  # no "subscribe" yet
    titles = [Button(f"{n}. A rather long vacancy title", "vacancy", PAN) for n in range(3)]
    assert all(len(row) == 1 for row in keyboard(titles, ROUTER_ACTIONS).inline_keyboard)  # type: ignore[union-attr]
    assert keyboard([], ROUTER_ACTIONS) is None


def test_flood_guard() -> None:
    now = [0.0]
    guard = FloodGuard(FloodLimits(burst=3, rate=1.0), clock=lambda: now[0])
    assert [guard.check(1) for _ in range(5)] == [Verdict.ALLOW] * 3 + [Verdict.WARN, Verdict.DROP]
    assert guard.check(2) is Verdict.ALLOW  # others are not affected
    assert guard.wait_seconds(1) == 1
    now[0] = 1.0
    assert guard.check(1) is Verdict.ALLOW
    assert guard.check(1) is Verdict.WARN  # warned again after a pause
    assert FloodGuard(FloodLimits(enabled=False)).check(1) is Verdict.ALLOW


def test_admin_ids() -> None:
    assert parse_admin_ids(" 1, 22 333 ,") == frozenset({1, 22, 333})
    assert parse_admin_ids("") == frozenset()


def test_stats_hash_users_and_keep_only_unanswered_text(tmp_path: Path) -> None:
    state = open_state(tmp_path / "state.db")
    stats = state.stats
    day = 86_400.0
    t0 = 100 * day + 3600
    stats.record("text", Intent.SALARY.value, 123456, "what does it pay?", now=t0)
    stats.record("text", Intent.FALLBACK.value, 123456, "  tell me a   joke ", now=t0 + 60)
    stats.record("command", Intent.LIST.value, 99, "/vacancies", now=t0 - 2 * day)
    stats.record("text", Intent.SALARY.value, 5, "old", now=t0 - 95 * day)
    summary = stats.summary(days=7, now=t0 + 120)
    assert summary.total == 3 and summary.answered == 2 and summary.unanswered == 1
    assert summary.users == 2 and len(summary.per_day) == 2
    [unanswered] = summary.latest_unanswered
    assert unanswered.text == "tell me a joke" and "123456" not in unanswered.user
    assert unanswered.user == stats.user_hash(123456)
    state.close()
    again = open_state(tmp_path / "state.db")  # same key after a restart: same hashes
    assert again.stats.user_hash(123456) == unanswered.user
    texts = [r[0] for r in again.conn.execute("SELECT text FROM questions")]
    assert "what does it pay?" not in texts
    assert again.prune(ttl_days=180, now=t0 + 120) == (0, 1)  # "old" is past 90 days
    assert [r[0] for r in again.conn.execute("SELECT text FROM questions")] == [
        "", "tell me a joke", ""]
    again.close()


async def test_typing_only_when_the_answer_takes_a_while() -> None:
    async with BotApiStandIn(token="31:TYPING") as api:
        api.add_chat(7)
        async with Bot(api.token, base_url=api.base_url) as bot:
            async with typing(bot, 7, delay=0.1):
                pass  # a quick answer: no indicator
            await asyncio.sleep(0.2)
            assert api.chat_actions == []
            async with typing(bot, 7, delay=0.05):
                await asyncio.sleep(0.3)  # a slow one
            await api.wait_for(lambda: api.chat_actions, what="typing")
            async with typing(bot, 7, delay=0):
                assert len(api.chat_actions) == 2  # delay 0: sent before the body runs
        assert [a["action"] for a in api.chat_actions] == ["typing", "typing"]
        assert api.rejected == []
