"""No reply lost, nothing Telegram rejects: the real bot against a Bot API stand-in that
fails the way servers and networks do (HTTP 5xx, outages, dropped connections, slow
answers, 429s), pages whose links are broken, and buttons nobody made."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from bot.model import Answer, ChatContext
from bot.telegram.context import App
from bot.telegram.handlers import EXPIRED_BUTTON, SORRY
from knowledge import short_key
from tests.standin import BotApiStandIn, SentMessage
from tests.standin.harness import (
    ADMIN,
    FAST_RETRIES,
    PAN,
    ask,
    labels,
    make_config,
    press,
    running_bot,
    sent_to,
    settle,
    svc,
)

pytestmark = [pytest.mark.asyncio(loop_scope="module"),
              pytest.mark.usefixtures("app", "nothing_rejected")]

QUESTION = "What does the PANCAIM position pay?"
GOOD_URL = "https://www.radboudumc.nl/en/vacancies/90701-phd-candidate-deep-learning-medical-imaging-pancreas"
BAD_URLS = {"pancaim-pancreatic-cancer-phd": "https://",
            "bonn-robustness-explainability-phd": "https://www.uni-bonn.de/jobs/phd 2024"}


def answers(api: BotApiStandIn, users: range) -> dict[int, list[SentMessage]]:
    return {u: sent_to(api, u) for u in users}


async def ask_all(api: BotApiStandIn, users: range, text: str = QUESTION) -> None:
    for user in users:
        api.user_message(user, text)


def each_answered_once(api: BotApiStandIn, users: range) -> None:
    for user, got in answers(api, users).items():
        assert len(got) == 1, (user, [m.plain_text[:40] for m in got])
        assert "standard salary" in got[0].plain_text.lower()


# ---- server errors, outages, dropped connections, slow answers ---------------------------


async def test_server_errors_are_retried_and_nothing_is_sent_twice(api: BotApiStandIn) -> None:
    users = range(10_000, 10_010)
    api.fail_next(5, code=500, methods=["sendMessage"])
    await ask_all(api, users)
    await api.wait_for(lambda: all(answers(api, users).values()), what="ten answers")
    await settle(api)
    each_answered_once(api, users)
    assert [r.error_code for r in api.injected if r.method == "sendMessage"][-5:] == [500] * 5


async def test_an_outage_is_waited_out(api: BotApiStandIn) -> None:
    users = range(10_100, 10_110)
    api.outage(502)
    await ask_all(api, users)
    failed = len(api.injected)
    await api.wait_for(lambda: len(api.injected) >= failed + 10, what="the sends to fail")
    assert all(not got for got in answers(api, users).values())
    api.outage(None)  # Telegram is back
    await api.wait_for(lambda: all(answers(api, users).values()), what="ten answers")
    await settle(api)
    each_answered_once(api, users)


async def test_dropped_connections_are_retried(api: BotApiStandIn) -> None:
    users = range(10_200, 10_205)
    api.drop_next(4, methods=["sendMessage"])
    await ask_all(api, users)
    await api.wait_for(lambda: all(answers(api, users).values()), what="five answers")
    await settle(api)
    each_answered_once(api, users)
    assert len([r for r in api.dropped if r.method == "sendMessage"]) >= 4


async def test_slow_answers_are_waited_for(api: BotApiStandIn) -> None:
    users = range(10_300, 10_305)
    api.slow(0.5)
    await ask_all(api, users)
    await api.wait_for(lambda: all(answers(api, users).values()), timeout=10,
                       what="five answers")
    await settle(api)
    each_answered_once(api, users)


async def test_a_429_is_waited_for(api: BotApiStandIn) -> None:
    api.fail_next(1, code=429, retry_after=1, methods=["sendMessage"])
    [answer] = await ask(api, 10_400, QUESTION, timeout=10)
    assert "standard salary" in answer.plain_text.lower()
    assert api.injected[-1].error_code == 429


async def test_a_reply_that_cannot_be_sent_is_logged_with_its_chat(
        api: BotApiStandIn, caplog: pytest.LogCaptureFixture) -> None:
    chat = 10_500
    caplog.set_level(logging.INFO)
    api.outage(503)

    def failed() -> list[object]:
        return [r for r in api.injected
                if r.method == "sendMessage" and r.params.get("chat_id") == chat]

    api.user_message(chat, QUESTION)
    tries = 1 + len(FAST_RETRIES)
    await api.wait_for(lambda: any("gave up" in r.getMessage() for r in caplog.records),
                       what="the give-up line")
    api.outage(None)
    [line] = [r.getMessage() for r in caplog.records if "gave up" in r.getMessage()]
    assert f"sendMessage to chat {chat} after {tries} tries" in line
    assert len(failed()) == tries  # bounded: no further tries
    await settle(api)
    assert sent_to(api, chat) == []  # no apology into an outage either
    [later] = await ask(api, chat, QUESTION)  # and the chat is not stuck
    assert "standard salary" in later.plain_text.lower()


async def test_a_reply_telegram_refuses_gets_an_apology(api: BotApiStandIn) -> None:
    chat = 10_600
    api.fail_next(1, code=400, description="Bad Request: can't parse entities",
                  methods=["sendMessage"])
    [sorry] = await ask(api, chat, QUESTION)
    assert sorry.plain_text == SORRY
    [fine] = await ask(api, chat, QUESTION)
    assert "standard salary" in fine.plain_text.lower()


# ---- the admins ----------------------------------------------------------------------------


async def test_admin_commands_are_not_queued_behind_users(api: BotApiStandIn) -> None:
    users = range(11_000, 11_300)
    api.slow(0.02, methods=["sendMessage"])
    await ask_all(api, users)
    await api.wait_for(lambda: len([m for m in api.sent if m.chat_id in users]) >= 10,
                       what="the backlog to start")
    [stats] = await ask(api, ADMIN, "/stats", timeout=20)
    assert stats.plain_text.startswith("Last 7 days")
    position = api.sent.index(stats)
    first = min(api.sent.index(m) for m in api.sent if m.chat_id in users)
    assert position - first < 100  # not after the 300 questions queued before it
    await api.wait_for(lambda: all(answers(api, users).values()), timeout=30,
                       what="the backlog")


async def test_the_reload_reply_survives_server_errors(api: BotApiStandIn) -> None:
    api.fail_next(2, code=500, methods=["sendMessage"])
    [done] = await ask(api, ADMIN, "/reload")
    assert done.plain_text.startswith("Reloaded")


async def test_questions_are_counted_as_they_are_answered(api: BotApiStandIn,
                                                          app: App) -> None:
    stats = svc(app).state.stats
    before = stats.count()
    await ask(api, 11_500, QUESTION)
    # in SQLite with the update, not in a buffer flushed later (no 30 s window of loss)
    await api.wait_for(lambda: stats.count() == before + 1, what="the question counted")


# ---- buttons nobody made ------------------------------------------------------------------


@pytest.mark.parametrize("data", [
    "a|unsubscribe||" + "9" * 23,  # a forged subscription id
    "a|unsubscribe||-1",
    "p|" + "9" * 23 + "|",  # a forged page
    "a|salary|zzzzzzzzzz|",  # not a vacancy key
    "a|salary|" + "f" * 40 + "|",
    "a|delete_everything|0123456789|",  # not an action this bot offers
    "a|page|0123456789|1",
    "x" * 64,
])
async def test_forged_buttons_are_refused_politely(api: BotApiStandIn, data: str,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    chat = 11_600
    if not sent_to(api, chat):
        await ask(api, chat, "/help")
    caplog.set_level(logging.INFO)
    await press(api, chat, data, expect=0)
    assert api.callback_answers[-1]["text"] == EXPIRED_BUTTON
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


# ---- links Telegram would refuse ----------------------------------------------------------


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def links(seeds: Path, tmp_path_factory: pytest.TempPathFactory
                ) -> AsyncIterator[BotApiStandIn]:
    """A bot of its own whose pages carry links Telegram refuses on a button."""
    for page, url in BAD_URLS.items():
        path = seeds / f"{page}.md"
        text = path.read_text(encoding="utf-8")
        if page == PAN:
            assert GOOD_URL in text
            text = text.replace(GOOD_URL, url)
        else:
            text += f"\n\nPlease apply [here]({url})!\n"
        path.write_text(text, encoding="utf-8")
    folder = tmp_path_factory.mktemp("links")
    async with BotApiStandIn(token="4545:LINKS") as stand_in:
        config = make_config(stand_in, folder / "state.db", seeds=seeds, db=folder / "kb.db")
        async with running_bot(config):
            yield stand_in


async def test_broken_links_become_text(links: BotApiStandIn) -> None:
    chat = 12_000
    for page, url in BAD_URLS.items():
        [card] = await ask(links, chat, f"/start {page}")
        assert "Salary" in labels(card)  # the card and its other buttons arrive
        assert f": {url}" in card.plain_text  # the link, as text
        urls = [b["url"] for row in (card.reply_markup or {}).get("inline_keyboard", [])
                for b in row if "url" in b]
        assert urls == []
        [apply] = await ask(links, chat, f"/apply {page.split('-')[0]}")
        assert url in apply.plain_text
    assert links.rejected == []


async def test_inline_answers_keep_the_vacancies_with_broken_links(
        links: BotApiStandIn) -> None:
    links.inline_query(12_100, "")
    await links.wait_for(lambda: links.inline_answers, what="an inline answer")
    results = links.inline_answers[-1]["results"]
    titles = " ".join(r["title"] for r in results)
    assert "PANCAIM" in titles and "Robustness" in titles
    assert links.rejected == []


async def test_an_inline_result_that_cannot_be_made_is_left_out(
        api: BotApiStandIn, app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    router = svc(app).router
    card = router.card

    def broken_for_pancaim(vacancy_id: str, ctx: ChatContext) -> tuple[Answer, ChatContext]:
        if vacancy_id == PAN:
            raise ValueError("a page the card cannot be made of")
        return card(vacancy_id, ctx)

    monkeypatch.setattr(router, "card", broken_for_pancaim)
    answered = len(api.inline_answers)
    api.inline_query(12_200, "")
    await api.wait_for(lambda: len(api.inline_answers) > answered, what="an inline answer")
    ids = [r["id"] for r in api.inline_answers[-1]["results"]]
    assert short_key(PAN) not in ids and len(ids) >= 3
