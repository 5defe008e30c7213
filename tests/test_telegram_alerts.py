"""End to end: vacancy alerts on the real Application and router, against the Bot API
stand-in, with /reload on a temporary copy of the seeds."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from bot.alerts import Subscription
from bot.telegram.context import App
from bot.telegram.subscriptions import FanOut
from tests.standin import ApiError, BotApiStandIn, SentMessage
from tests.standin.harness import (
    FAST_SEND,
    ask,
    button,
    copy_seeds,
    labels,
    make_config,
    press,
    running_bot,
    sent_to,
    settle,
    svc,
)
from tests.test_alerts import DERMA_PAGE, METASTATIC, PANCAIM, edit, page, reopen

pytestmark = pytest.mark.asyncio(loop_scope="module")

ADMIN = 777
PATHOLOGY, TYPO, CARDIAC, EVERYTHING, BLOCKED = 5001, 5002, 5003, 5004, 5005
FAULT = "(test fault)"
ZEBRA_PAGE = page("Zebrafish imaging with light-sheet microscopy (ZEBRA)")
TRIALS_PAGE = page("Federated learning for clinical trials (TRIALS)")


class Wire:
    """Wraps the stand-in's sendMessage: notes when each message was accepted, and fails
    the next messages to chosen chats the way Telegram would."""

    def __init__(self, api: BotApiStandIn) -> None:
        self.times: list[tuple[float, int]] = []
        self.faults: dict[int, list[ApiError]] = {}
        handlers: dict[str, Callable[[dict[str, Any]], Awaitable[Any]]] = api._handlers
        inner = handlers["sendmessage"]

        async def send(params: dict[str, Any]) -> Any:
            chat = int(params["chat_id"])
            queued = self.faults.get(chat)
            if queued:
                raise queued.pop(0)
            result = await inner(params)
            self.times.append((time.monotonic(), chat))
            return result

        handlers["sendmessage"] = send

    def fail(self, chat: int, code: int, times: int = 1, retry_after: int = 1) -> None:
        error = (ApiError(429, f"Too Many Requests: retry after {retry_after} {FAULT}",
                          {"retry_after": retry_after}) if code == 429
                 else ApiError(code, f"Bad Gateway {FAULT}"))
        self.faults.setdefault(chat, []).extend([error] * times)

    def busiest_second(self, chats: set[int] | None = None) -> int:
        """The most messages accepted within any one second."""
        times = [t for t, c in self.times if chats is None or c in chats]
        most, first = 0, 0
        for last, t in enumerate(times):
            while t - times[first] >= 1.0:
                first += 1
            most = max(most, last - first + 1)
        return most


def unexpected(api: BotApiStandIn) -> list[Any]:
    """Rejections other than the faults the tests inject and the blocked users."""
    return [r for r in api.rejected if FAULT not in r.description
            and "blocked by the user" not in r.description]


@pytest.fixture(scope="module")
def wire(api: BotApiStandIn) -> Wire:
    return Wire(api)


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def app(api: BotApiStandIn, wire: Wire, seeds: Path) -> AsyncIterator[App]:
    api.add_chat(ADMIN)
    config = make_config(api, seeds.parent / "state.db", seeds=seeds, db=seeds.parent / "kb.db",
                         admin_ids=frozenset({ADMIN}))
    async with running_bot(config) as application:
        svc(application).fanout.backoff = (0.3,)  # retries in tenths of seconds, not minutes
        yield application


@pytest.fixture(autouse=True)
def nothing_rejected(api: BotApiStandIn, app: App) -> Iterator[None]:
    yield
    assert unexpected(api) == []



def words_of(app: App, chat: int) -> list[str]:
    return [w for _, w in svc(app).subscriptions.of_chat(chat)]


async def all_sent(api: BotApiStandIn, app: App, timeout: float = 10.0) -> None:
    """Wait until no alert is queued or being sent."""
    store, fan = svc(app).subscriptions, svc(app).fanout
    await api.wait_for(lambda: not store.pending() and not fan.draining, timeout,
                       "every queued alert to be sent")


async def reload(api: BotApiStandIn, seeds: Path, **pages: str) -> str:
    """Write (or, for "", delete) pages, /reload as the admin; the reply's text."""
    for name, text in pages.items():
        path = seeds / f"{name}.md"
        if text:
            path.write_text(text, encoding="utf-8")
        else:
            path.unlink()
    [done] = await ask(api, ADMIN, "/reload")
    assert done.plain_text.startswith("Reloaded"), done.plain_text
    return done.plain_text


def alerts_in(api: BotApiStandIn, chat: int) -> list[SentMessage]:
    return [m for m in sent_to(api, chat)
            if m.plain_text.startswith(("🔔 New vacancy", "🔔 Open again"))]


# ---- subscribing -----------------------------------------------------------------------


async def test_subscribe(api: BotApiStandIn, app: App) -> None:
    [done] = await ask(api, PATHOLOGY, "/subscribe pathology")
    assert "I'll message you when a vacancy about pathology is published" in done.plain_text
    assert "2 open vacancies match already: /search pathology" in done.plain_text
    [again] = await ask(api, PATHOLOGY, "/subscribe Pathology!")
    assert "You already have an alert for pathology" in again.plain_text
    await ask(api, TYPO, "/subscribe patholgy")
    await ask(api, CARDIAC, "/subscribe cardiac")
    [everything] = await ask(api, EVERYTHING, "/subscribe")
    assert "whenever a new vacancy is published" in everything.plain_text
    await ask(api, BLOCKED, "/subscribe pathology")
    [nothing] = await ask(api, 5099, "/subscribe CT")
    assert "can't make an alert from “CT”" in nothing.plain_text
    assert words_of(app, PATHOLOGY) == ["pathology"] and words_of(app, EVERYTHING) == [""]
    assert words_of(app, 5099) == []


async def test_commands_are_in_the_menu(api: BotApiStandIn, app: App) -> None:
    request = await api.wait_for_request("setMyCommands")
    names = [c["command"] for c in request.params["commands"]]
    assert {"subscribe", "subscriptions", "unsubscribe"} <= set(names)


# ---- notifying -------------------------------------------------------------------------


async def test_a_new_matching_page_notifies_once(api: BotApiStandIn, app: App,
                                                 seeds: Path) -> None:
    api.blocked.add(BLOCKED)
    reply = await reload(api, seeds, **{"skin-pathology-phd": DERMA_PAGE})
    assert "Added (1):\n• Computational pathology for skin cancer" in reply
    assert reply.endswith("Alerts: 4 people will be notified.")
    await all_sent(api, app)
    for chat, intro in ((PATHOLOGY, "for your alert “pathology”"),
                        (TYPO, "for your alert “patholgy”"), (EVERYTHING, "New vacancy:")):
        [alert] = alerts_in(api, chat)
        assert intro in alert.plain_text
        assert "Computational pathology for skin cancer (DERMA)" in alert.plain_text
        assert alert.plain_text.endswith("Your alerts: /subscriptions")
        assert {"Requirements", "Salary", "Contact", "How to apply"} <= set(labels(alert))
    assert alerts_in(api, CARDIAC) == []  # not what they asked for
    # the one who blocked the bot is dropped on the first Forbidden
    assert words_of(app, BLOCKED) == [] and alerts_in(api, BLOCKED) == []
    # the alert's buttons and follow-up questions are about the new vacancy
    [salary] = await press(api, PATHOLOGY, button(alerts_in(api, PATHOLOGY)[0], "Salary"))
    assert "standard salary" in salary.plain_text.lower()
    [apply] = await ask(api, TYPO, "how do I apply?")
    assert "example.org/jobs" in apply.plain_text


async def test_a_second_reload_does_not_resend(api: BotApiStandIn, app: App,
                                               seeds: Path) -> None:
    before = len(api.sent)
    again = await reload(api, seeds)
    assert "\nNothing changed.\n" in again and again.endswith("\nAlerts: nobody to notify.")
    # removed and published again: still never twice
    await reload(api, seeds, **{"skin-pathology-phd": ""})
    reply = await reload(api, seeds, **{"skin-pathology-phd": DERMA_PAGE})
    assert "Added (1)" in reply and reply.endswith("Alerts: nobody to notify.")
    await settle(api)
    await all_sent(api, app)
    assert len(api.sent) == before + 3  # the three replies to the admin


async def test_an_edited_vacancy_notifies_nobody(api: BotApiStandIn, app: App,
                                                 seeds: Path) -> None:
    path = seeds / f"{PANCAIM}.md"
    reply = await reload(api, seeds, **{PANCAIM: edit(path.read_text(encoding="utf-8"))})
    assert "Changed (1)" in reply and reply.endswith("Alerts: nobody to notify.")
    await settle(api)
    assert alerts_in(api, EVERYTHING) and len(alerts_in(api, EVERYTHING)) == 1


async def test_a_reopened_vacancy_notifies(api: BotApiStandIn, app: App, seeds: Path) -> None:
    path = seeds / f"{METASTATIC}.md"
    reply = await reload(api, seeds, **{METASTATIC: reopen(path.read_text(encoding="utf-8"))})
    assert "Changed (1)" in reply and reply.endswith("Alerts: 1 person will be notified.")
    await all_sent(api, app)
    alert = alerts_in(api, EVERYTHING)[-1]
    assert alert.plain_text.startswith("🔔 Open again:")
    assert len(alerts_in(api, PATHOLOGY)) == 1  # not about pathology


async def test_a_429_is_retried(api: BotApiStandIn, app: App, wire: Wire,
                                seeds: Path) -> None:
    chat = 5011
    [nothing] = await ask(api, chat, "/search zebrafish")
    assert "I found no vacancy about “zebrafish”" in nothing.plain_text
    [done] = await press(api, chat, button(nothing, "Tell me when one appears"))
    assert "a vacancy about zebrafish" in done.plain_text and words_of(app, chat) == ["zebrafish"]
    wire.fail(chat, 429, retry_after=1)
    reply = await reload(api, seeds, **{"zebra-phd": ZEBRA_PAGE})
    assert reply.endswith("Alerts: 2 people will be notified.")  # and EVERYTHING
    await all_sent(api, app)
    [alert] = alerts_in(api, chat)
    assert "Zebrafish imaging" in alert.plain_text
    assert [r.error_code for r in api.rejected if r.params.get("chat_id") == chat] == [429]


async def test_server_errors_are_retried_and_hold_up_nobody(api: BotApiStandIn, app: App,
                                                            wire: Wire, seeds: Path) -> None:
    failing, fine = 5021, 5022
    for chat in (failing, fine):
        await ask(api, chat, "/subscribe federated trials")
    wire.fail(failing, 502, times=2)
    reply = await reload(api, seeds, **{"trials-phd": TRIALS_PAGE})
    assert reply.endswith("Alerts: 3 people will be notified.")
    await all_sent(api, app)
    assert len(alerts_in(api, failing)) == len(alerts_in(api, fine)) == 1
    assert [r.error_code for r in api.rejected if r.params.get("chat_id") == failing] == [502,
                                                                                         502]
    order = [c for _, c in wire.times if c in (failing, fine)]
    assert order[-1] == failing  # the others did not wait for its retries
    assert svc(app).subscriptions.status(failing, "trials-phd") == "sent"


# ---- managing --------------------------------------------------------------------------


async def test_subscriptions_and_their_remove_buttons(api: BotApiStandIn, app: App) -> None:
    chat = 5031
    await ask(api, chat, "/subscribe pathology")
    await ask(api, chat, "/subscribe")
    [listing] = await ask(api, chat, "/subscriptions")
    assert "Your alerts (2):\n1. pathology\n2. every new vacancy" in listing.plain_text
    assert labels(listing) == ["✖ pathology", "✖ every new vacancy"]
    data = button(listing, "✖ pathology")
    edits = len(api.edits)
    await press(api, chat, data, expect=0)
    assert api.callback_answers[-1]["text"] == "Removed: pathology"
    [edited] = await api.wait_for(lambda: api.edits[edits:], what="the list to be edited")
    assert edited.message_id == listing.message_id
    assert "Your alerts (1):\n1. every new vacancy" in edited.plain_text
    assert words_of(app, chat) == [""]
    await press(api, chat, data, message_id=listing.message_id, expect=0)  # pressed twice
    assert api.callback_answers[-1]["text"] == "That alert was already removed."
    [no] = await ask(api, chat, "/unsubscribe cardiac")
    assert "You have no alert for cardiac" in no.plain_text
    [gone] = await ask(api, chat, "/unsubscribe")
    assert "your alert is removed" in gone.plain_text and words_of(app, chat) == []
    [empty] = await ask(api, chat, "/subscriptions")
    assert empty.plain_text.startswith("You have no alerts.") and labels(empty) == []
    [one] = await ask(api, CARDIAC, "/unsubscribe Cardiac")
    assert "the alert for cardiac is removed" in one.plain_text


# ---- many ------------------------------------------------------------------------------


async def test_a_thousand_subscribers(api: BotApiStandIn, app: App, wire: Wire,
                                      seeds: Path) -> None:
    """All notified, each once, at the configured pace (raised here so the suite stays
    fast; the real limit is proven in `test_pacing_at_the_real_limit`)."""
    chats = set(range(600_000, 601_000))
    for chat in chats:
        api.add_chat(chat)
    svc(app).subscriptions.add_many(Subscription(c, "" if c % 2 else "histology")
                                    for c in sorted(chats))
    svc(app).fanout.rate = 250.0
    everyone = {s.chat_id for s in svc(app).subscriptions.all() if s.words == ""}
    try:
        reply = await reload(api, seeds, **{"histology-phd": page(
            "Histology with deep learning (HISTO)", groups="diag, pathology")})
        # the ones asking for histology or pathology (typo included), and those for everything
        assert reply.endswith(f"Alerts: {len(chats) + len(everyone - chats) + 2} people "
                              "will be notified.")
        await all_sent(api, app, timeout=60)
    finally:
        svc(app).fanout.rate = FanOut().rate
    told = [c for _, c in wire.times if c in chats]
    assert len(told) == len(set(told)) == len(chats)
    assert wire.busiest_second(chats) <= 250 * 1.05
    assert unexpected(api) == []


async def test_subscriptions_survive_a_restart_and_pages_changed_meanwhile_alert(
        tmp_path: Path) -> None:
    async with BotApiStandIn(token="98:RESTART-test") as standin:
        seeds = copy_seeds(tmp_path)
        config = make_config(standin, tmp_path / "state.db", seeds=seeds, db=tmp_path / "kb.db")
        async with running_bot(config):
            await ask(standin, 7001, "/subscribe pathology")
        # while the bot is down, a page is published
        (seeds / "skin-pathology-phd.md").write_text(DERMA_PAGE, encoding="utf-8")
        async with running_bot(config) as again:
            await standin.wait_for_sent(2, chat_id=7001)
            [alert] = alerts_in(standin, 7001)
            assert "Computational pathology for skin cancer" in alert.plain_text
            [listing] = await ask(standin, 7001, "/subscriptions")
            assert "1. pathology" in listing.plain_text
            await all_sent(standin, again)
        async with running_bot(config) as third:  # and not again after the next restart
            await ask(standin, 7001, "/vacancies")
            await all_sent(standin, third)
        assert len(alerts_in(standin, 7001)) == 1
        assert unexpected(standin) == []


async def test_pacing_at_the_real_limit(tmp_path: Path) -> None:
    """At Telegram's 30 messages/s, alerts go out at their own lower pace and a user asking
    in the middle of the fan-out is answered long before it ends."""
    async with BotApiStandIn(token="97:PACING-test") as standin:
        timed = Wire(standin)
        seeds = copy_seeds(tmp_path)
        config = make_config(standin, tmp_path / "state.db", seeds=seeds,
                             db=tmp_path / "kb.db", admin_ids=frozenset({ADMIN}),
                             send=replace(FAST_SEND, bulk_rate=30.0))
        chats = set(range(800_000, 800_075))
        for chat in chats:
            standin.add_chat(chat)
        standin.add_chat(ADMIN)
        async with running_bot(config) as application:
            assert svc(application).fanout.rate == 25.5  # 85 % of the bulk limit
            svc(application).subscriptions.add_many(Subscription(c, "") for c in chats)
            await reload(standin, seeds, **{"zebra-phd": ZEBRA_PAGE})
            await standin.wait_for(lambda: len(timed.times) > 20, what="the fan-out to start")
            [answer] = await ask(standin, 8999, "What does the PANCAIM position pay?")
            assert "standard salary" in answer.plain_text.lower()
            assert len([c for _, c in timed.times if c in chats]) < len(chats) - 20
            await all_sent(standin, application, timeout=30)
        assert len([c for _, c in timed.times if c in chats]) == len(chats)
        assert timed.busiest_second(chats) <= 27  # 25.5 per second, evenly spaced (+ jitter)
        assert timed.busiest_second() <= 30  # everything the bot sent
        assert unexpected(standin) == []
