"""The Telegram layer's small parts: callback data, links, keyboards, the send limits, the
flood guard, configuration, statistics."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, TimedOut

from bot import render
from bot.model import Answer, Block, Button, ChatContext, Intent, Style
from bot.router import Router
from bot.telegram import replies
from bot.telegram.config import ConfigError, FloodLimits, SendLimits, load_config, parse_admin_ids
from bot.telegram.context import ROUTER_ACTIONS
from bot.telegram.limits import (
    BULK,
    FloodGuard,
    JSONDict,
    Policy,
    TelegramLimits,
    TokenBucket,
    Verdict,
    Window,
)
from bot.telegram.replies import keyboard, typing
from bot.telegram.state import open_state
from knowledge import KnowledgeBase, short_key
from knowledge.urls import is_valid_link, is_valid_url
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
            data = replies.encode(b, ctx.list_query)
            assert len(data.encode()) <= 64
            press = replies.decode(data, kb, ACTIONS)
            assert press is not None
            assert (press.action, press.vacancy) == (b.action, b.vacancy)
            seen += 1
    assert seen >= 15


def test_callback_data_edge_cases(router: Router) -> None:
    kb: KnowledgeBase = router.kb
    long_arg = Button("x", action="subscribe", arg="Ärzte-Fortbildung " * 10)
    data = replies.encode(long_arg)
    assert len(data.encode()) <= 64 and data.startswith("a|subscribe||Ärzte")
    assert replies.decode(data, kb, ACTIONS) is not None
    page = replies.encode(Button("More", action="page", arg="2"), "pathology open")
    assert replies.decode(page, kb, ACTIONS) == replies.Press("page", "", "2", "pathology open")
    no_room = replies.encode(Button("More", action="page", arg="2"), "q" * 80)
    assert replies.decode(no_room, kb, ACTIONS) == replies.Press("page", "", "2", None)
    assert replies.decode(replies.encode(Button("S", "salary", PAN)), kb, ACTIONS) == \
        replies.Press("salary", PAN, "")
    assert replies.decode(f"a|salary|{'f' * 10}|", kb, ACTIONS) == \
        replies.Press("salary", "", "")
    for junk in ("", "a", "a|SALARY|x|", "p|x|", "p|1", "zz|1|2|3", "a|salary|key"):
        assert replies.decode(junk, kb, ACTIONS) is None, junk
    with pytest.raises(ValueError):
        replies.encode(Button("x", action="bad action"))
    assert short_key(PAN) == replies.encode(Button("S", "salary", PAN)).split("|")[2]


def test_keyboard_layout_and_unknown_actions() -> None:
    buttons = [Button("Requirements", "requirements", PAN), Button("Salary", "salary", PAN),
               Button("Contact", "contact", PAN), Button("Notify me", "subscribe"),
               Button("Page", url="https://example.org/job")]
    markup = keyboard(buttons, ROUTER_ACTIONS)
    assert markup is not None
    rows = [[b["text"] for b in row] for row in markup["inline_keyboard"]]
    assert rows == [["Requirements", "Salary"], ["Contact"], ["Page"]]  # no "subscribe" yet
    titles = [Button(f"{n}. A rather long vacancy title", "vacancy", PAN) for n in range(3)]
    assert all(len(row) == 1 for row in keyboard(titles, ROUTER_ACTIONS)["inline_keyboard"])  # type: ignore[index]
    assert keyboard([], ROUTER_ACTIONS) is None


def test_flood_guard() -> None:
    now = [0.0]
    guard = FloodGuard(FloodLimits(burst=3, rate=1.0), clock=lambda: now[0])
    assert [guard.check(1) for _ in range(5)] == [Verdict.ALLOW] * 3 + [Verdict.WARN, Verdict.DROP]
    assert guard.check(2) is Verdict.ALLOW  # others are not affected
    assert guard.wait_seconds(1) == 1
    now[0] = 1.0
    assert guard.check(1) is Verdict.ALLOW  # a refilled token: answered
    assert guard.check(1) is Verdict.DROP  # the same flood: no second note
    now[0] = 2.5
    assert [guard.check(1) for _ in range(2)] == [Verdict.ALLOW, Verdict.DROP]
    now[0] = 5.5  # quiet for burst / rate = 3 s: the flood is over
    assert [guard.check(1) for _ in range(5)] == [Verdict.ALLOW] * 3 + [Verdict.WARN, Verdict.DROP]
    assert FloodGuard(FloodLimits(enabled=False)).check(1) is Verdict.ALLOW


def test_the_flood_guard_judges_messages_by_their_arrival() -> None:
    now = [0.0]
    guard = FloodGuard(FloodLimits(burst=3, rate=1.0), clock=lambda: now[0])
    for update in range(10):  # ten messages in the same instant ...
        guard.arrived(update)
    now[0] = 30.0  # ... handled one by one, long after
    verdicts = [guard.check(7, update) for update in range(10)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.WARN] + [Verdict.DROP] * 6


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


# ---- links -----------------------------------------------------------------------------

VALID = ["https://www.radboudumc.nl/en/vacancies/90701-phd?x=1#apply", "http://1.2.3.4/jobs",
         "https://müller-lab.de/stellen", "http://[::1]:8080/", "https://ex.org:8443/a(b)"]
INVALID = ["https://", "https:///jobs", "https://www.example.org/apply now", "ftp://ex.org/",
           "javascript:alert(1)", "www.example.org/jobs", "https://localhost/", "https://ex.123",
           "https://-ex.org/", "https://ex.org:99999/", "https://user:pw@ex.org/", "",
           "https://ex.org/\u200bjob", "https://ex.org/\njob", "https://" + "a" * 2050 + ".org",
           "http://[zz]/", "mailto:ada@example.org"]


@pytest.mark.parametrize("url", VALID)
def test_valid_urls(url: str) -> None:
    assert is_valid_url(url) and is_valid_link(url)


@pytest.mark.parametrize("url", INVALID)
def test_invalid_urls(url: str) -> None:
    assert not is_valid_url(url)


def test_mail_links_only_in_text() -> None:
    assert is_valid_link("mailto:ada.lovelace@example.org")
    assert not is_valid_link("mailto:") and not is_valid_link("mailto:ada lovelace@x.org")


def test_broken_links_become_text_and_good_ones_stay() -> None:
    answer = Answer(Intent.APPLY, blocks=(
        Block("Apply", Style.TEXT, "https://"), Block("vacancy page", Style.SOURCE, VALID[0]),
        Block("", Style.TEXT, "https://ex.org/a b"), Block("mail", Style.TEXT, "mailto:a@b.org")),
        buttons=(Button("Salary", "salary", PAN), Button("Page", url="https://ex.org/a b"),
                 Button("Apply", url=VALID[0])))
    safe = replies.safe_answer(answer)
    assert [(b.text, b.url) for b in safe.blocks] == [
        ("Apply (https://)", ""), ("vacancy page", VALID[0]), ("https://ex.org/a b", ""),
        ("mail", "mailto:a@b.org"), ("Page: https://ex.org/a b", "")]
    assert [b.label for b in safe.buttons] == ["Salary", "Apply"]
    markup = keyboard(answer.buttons, ROUTER_ACTIONS)  # the keyboard drops them on its own
    assert markup is not None and [b["text"] for row in markup["inline_keyboard"] for b in row] == [
        "Salary", "Apply"]
    assert replies.safe_answer(safe) is safe


# ---- what the bot may send -------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_token_bucket_and_window() -> None:
    bucket = TokenBucket(3, 1.0, now=0.0)
    assert [bucket.reserve(0.0) for _ in range(5)] == [0, 0, 0, 1.0, 2.0]  # queued, in order
    assert bucket.reserve(10.0) == 0 and bucket.full(11.0) and not bucket.full(10.5)
    window = Window(20, 60.0)
    assert [window.reserve(float(t)) for t in range(20)] == [0.0] * 20
    assert window.reserve(20.0) == 40.0  # the 21st waits until the first is a minute old
    assert window.reserve(100.0) == 0.0 and window.idle(1000.0)


def test_replies_are_paced_per_chat_and_group_not_overall() -> None:
    clock = Clock()
    limits = TelegramLimits(SendLimits(bulk_rate=30, chat_burst=3, chat_rate=1.0,
                                       group_per_minute=20), clock=clock)
    reply = Policy()
    # 1000 users at once: nobody waits (the 30/s is for bulk notifications)
    assert {limits.delay("sendMessage", 1000 + n, reply) for n in range(1000)} == {0.0}
    # one chat: three at once, then one a second
    assert [limits.delay("sendMessage", 7, reply) for _ in range(5)] == [0, 0, 0, 1.0, 2.0]
    assert limits.delay("answerCallbackQuery", None, reply) == 0.0  # not a message
    # a group: also at most 20 a minute
    group = [limits.delay("sendMessage", -100, reply) for _ in range(21)]
    clock.now = 100.0
    assert group[:3] == [0, 0, 0] and group[19] == 17.0 and group[20] == 60.0
    # alerts: 30 a second overall, whichever chats they go to
    bulk = [limits.delay("sendMessage", 5000 + n, BULK) for n in range(61)]
    assert bulk.count(0.0) == 30 and bulk[-1] == pytest.approx(31 / 30)


def test_a_429_holds_that_chat_only() -> None:
    clock = Clock()
    limits = TelegramLimits(SendLimits(), clock=clock)
    limits.block(7, Policy(), 12.0)
    assert limits.delay("sendMessage", 7, Policy()) == 12.0
    assert limits.delay("sendChatAction", 7, Policy()) == 12.0
    assert limits.delay("sendMessage", 8, Policy()) == 0.0
    assert limits.delay("sendMessage", 9, BULK) == 0.0
    limits.block(10, BULK, 5.0)  # an alert's 429 holds every alert
    assert limits.delay("sendMessage", 11, BULK) == 5.0
    assert limits.delay("sendMessage", 12, Policy()) == 0.0


async def test_sends_are_retried_boundedly_and_refusals_are_not() -> None:
    limits = TelegramLimits(SendLimits(backoff=(0.0, 0.0, 0.0), chat_rate=0))  # no pacing
    calls: list[str] = []

    def flaky(*errors: Exception) -> Any:
        queue = list(errors)

        async def call() -> JSONDict:
            calls.append("call")
            if queue:
                raise queue.pop(0)
            return {"ok": True}
        return call

    data = {"chat_id": 5}
    result = await limits.process_request(flaky(NetworkError("Bad Gateway"), TimedOut()), (),
                                          {}, "sendMessage", data, None)
    assert result == {"ok": True} and len(calls) == 3
    calls.clear()
    with pytest.raises(NetworkError):
        await limits.process_request(flaky(*[NetworkError("down")] * 9), (), {}, "sendMessage",
                                     data, None)
    assert len(calls) == 4  # 1 + len(backoff)
    calls.clear()
    with pytest.raises(BadRequest):
        await limits.process_request(flaky(BadRequest("can't parse entities")), (), {},
                                     "sendMessage", data, None)
    with pytest.raises(Forbidden):
        await limits.process_request(flaky(Forbidden("blocked")), (), {}, "sendMessage", data,
                                     None)
    assert len(calls) == 2  # once each
    calls.clear()
    with pytest.raises(NetworkError):
        await limits.process_request(flaky(NetworkError("x"), NetworkError("y")), (), {},
                                     "sendChatAction", data, None)
    assert len(calls) == 1  # "typing…" is not worth a retry


# ---- configuration -----------------------------------------------------------------------


def test_admin_ids_are_positive_user_ids() -> None:
    assert parse_admin_ids("+5") == frozenset({5})
    for bad, message in (("-1001234", "not a user id"), ("0", "not a user id"),
                         ("9" * 23, "too long"), ("12a", "not a numeric")):
        with pytest.raises(ConfigError, match=message):
            parse_admin_ids(f"1, {bad}")


def test_rates_and_retention_from_the_environment() -> None:
    token = {"TELEGRAM_BOT_TOKEN": "1:abc"}
    default = load_config(env=token, dotenv=None)
    assert default.send.bulk_rate == 30 and default.alert_pace == 25.5
    assert default.state_ttl_days == 180
    paid = load_config(env={**token, "VACBOT_MAX_RATE": "1000", "VACBOT_STATE_TTL_DAYS": "30"},
                       dotenv=None)
    assert paid.send.bulk_rate == 1000 and paid.alert_pace == 850 and paid.state_ttl_days == 30
    slow = load_config(env={**token, "VACBOT_ALERT_RATE": "5"}, dotenv=None)
    assert slow.alert_pace == 5
    for name, value in (("VACBOT_MAX_RATE", "0"), ("VACBOT_MAX_RATE", "2000"),
                        ("VACBOT_STATE_TTL_DAYS", "1.5"), ("VACBOT_ALERT_RATE", "x")):
        with pytest.raises(ConfigError, match=name):
            load_config(env={**token, name: value}, dotenv=None)


# ---- the update journal ------------------------------------------------------------------


def test_the_journal_replays_what_was_not_done(tmp_path: Path) -> None:
    state = open_state(tmp_path / "state.db")
    journal = state.journal
    assert journal.add(1, "{}") and journal.add(2, "{}") and journal.add(3, "{}")
    assert not journal.add(2, "{}")  # delivered again: known
    journal.done(1)
    assert not journal.add(1, "{}")  # known even when done
    assert [r.update_id for r in journal.unfinished()] == [2, 3]
    journal.done(2)
    for _ in range(2):
        assert [r.update_id for r in journal.unfinished()] == [3]
    assert list(journal.unfinished()) == []  # the third crash on it: given up
    assert journal.pending() == 0
    state.close()


def test_what_an_update_changed_is_written_whole_or_not_at_all(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The chat's new context, its question and the journal's done mark are one
    transaction: if writing the question fails, the update is still pending (it will be
    handled again) and the chat's context is the one that update first saw."""
    state = open_state(tmp_path / "state.db")
    assert state.journal.add(5, "{}")
    moved = ChatContext(subject=PAN)
    state.record_answer(5, 42, moved, "text", "salary", 7, "what does it pay?")

    def fails(*args: Any, **kwargs: Any) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(state.stats, "record_many", fails)
    with pytest.raises(sqlite3.OperationalError):
        state.finish(5)
    assert state.chats.load(42) == ChatContext()
    assert state.journal.pending() == 1
    monkeypatch.undo()
    state.record_answer(5, 42, moved, "text", "salary", 7, "what does it pay?")
    state.finish(5)
    assert state.chats.load(42) == moved and state.journal.pending() == 0
    # the context kept in memory is the committed one, after a failure too
    assert state.journal.add(6, "{}")
    state.record_answer(6, 42, ChatContext(subject="other"), "text", "salary", 7, "and?")
    monkeypatch.setattr(state.stats, "record_many", fails)
    with pytest.raises(sqlite3.OperationalError):
        state.finish(6)
    assert state.chats.load(42) == moved
    state.close()
    assert open_state(tmp_path / "state.db").chats.load(42) == moved


async def test_updates_done_close_together_are_written_together(
        tmp_path: Path) -> None:
    """Inside the bot, updates finished close together share one commit; the chat's next
    message sees its new context before that, and closing the state writes what is still
    due."""
    state = open_state(tmp_path / "state.db", flush_after=0.01)
    statements: list[str] = []
    state.conn.set_trace_callback(statements.append)
    for update_id, chat in ((1, 10), (2, 11), (3, 12)):
        assert state.journal.add(update_id, "{}")
        state.record_answer(update_id, chat, ChatContext(subject=f"v{chat}"), "text",
                            "salary", chat, "pay?")
        state.finish(update_id, at_once=False)
    assert state.chats.load(11).subject == "v11"  # before anything is written
    assert state.journal.pending() == 3
    await asyncio.sleep(0.1)
    assert state.journal.pending() == 0
    assert statements.count("COMMIT") == 1
    assert state.journal.add(4, "{}")
    state.record_answer(4, 10, ChatContext(subject="last"), "text", "salary", 10, "and?")
    state.finish(4, at_once=False)
    state.close()  # before the loop came round again
    again = open_state(tmp_path / "state.db")
    assert again.chats.load(10).subject == "last" and again.journal.pending() == 0
    again.close()


async def test_a_chat_that_asks_twice_in_one_batch_keeps_its_last_context(
        tmp_path: Path) -> None:
    state = open_state(tmp_path / "state.db", flush_after=0.01)
    for update_id, subject in ((1, "first"), (2, "second")):
        assert state.journal.add(update_id, "{}")
        state.record_answer(update_id, 10, ChatContext(subject=subject), "text", "salary", 10,
                            "pay?")
        state.finish(update_id, at_once=False)
    await asyncio.sleep(0.1)
    state.close()
    again = open_state(tmp_path / "state.db")
    assert again.chats.load(10).subject == "second"
    questions = again.conn.execute("SELECT count(*) FROM questions").fetchone()[0]
    assert questions == 2 and again.journal.pending() == 0
    again.close()


def test_an_update_survives_the_journal(router: Router) -> None:
    from telegram import Update

    raw = {"update_id": 9, "message": {
        "message_id": 3, "date": 1_700_000_000, "text": "@bot salary?",
        "chat": {"id": -100, "type": "supergroup", "title": "Lab"},
        "from": {"id": 7, "is_bot": False, "first_name": "Ada"},
        "entities": [{"type": "mention", "offset": 0, "length": 4}],
        "reply_to_message": {"message_id": 2, "date": 1_700_000_000, "text": "hi",
                             "chat": {"id": -100, "type": "supergroup", "title": "Lab"},
                             "from": {"id": 1, "is_bot": True, "first_name": "Bot"}}}}
    update = Update.de_json(raw, None)
    again = Update.de_json(json.loads(update.to_json()), None)
    assert again == update and again.to_dict() == update.to_dict()
    assert again.effective_message is not None and again.effective_message.reply_to_message
    assert again.effective_user is not None and again.effective_user.id == 7


def test_a_reload_reply_with_long_lists_is_one_message_ending_with_the_alerts() -> None:
    from bot.telegram.admin import describe_change
    from knowledge import BuildReport, Change, Problem

    titles = tuple(f"Vacancy {n}: " + "ü😀" * 150 for n in range(400))
    warned = tuple(Problem(f"/pages/page-{n}.md", n + 1, "repaired mojibake") for n in range(500))
    report = BuildReport(400, 0, 0, 500, 1.0, Path("/data/kb.db"), warned=warned)
    text = describe_change(Change(titles, titles, (), (), ()), 400, 7, report, Path("/pages"))
    assert render.split_message(text) == [text]
    assert len(text.encode("utf-16-le")) // 2 <= 4096
    assert text.startswith("<b>Reloaded.</b> 400 vacancies now.\n<b>Added</b> (400):\n• Vacancy 0")
    assert "<b>Removed</b> (400):\n• Vacancy 0" in text
    assert "<b>Warnings</b> (500):\n• page-0.md:1: repaired mojibake" in text
    assert text.count("… and ") == 3 and text.endswith("<b>Alerts</b>: 7 people will be notified.")


def test_a_batch_delivered_again_journals_only_the_new_updates(tmp_path: Path) -> None:
    """Telegram hands out an update again until it is confirmed: the journal keeps the first
    copy (and whether it was handled), and only the new updates are fresh."""
    state = open_state(tmp_path / "state.db")
    state.journal.add_many([(1, '{"a": 1}'), (2, '{"a": 2}')])
    assert state.journal.take_fresh(1) and state.journal.take_fresh(2)
    state.journal.done(1)
    state.journal.add_many([(1, '{"again": 1}'), (2, '{"again": 2}'), (3, '{"a": 3}')])
    assert not state.journal.take_fresh(1) and not state.journal.take_fresh(2)
    assert state.journal.take_fresh(3) and not state.journal.take_fresh(3)
    state.journal.add_many([])
    assert [(j.update_id, j.body) for j in state.journal.unfinished()] == [
        (2, '{"a": 2}'), (3, '{"a": 3}')]
    state.close()
