"""Proof that the Bot API stand-in behaves like Telegram for python-telegram-bot v22."""

from __future__ import annotations

import asyncio
import html
import json
import socket
import time
from collections.abc import AsyncIterator
from unittest.mock import ANY

import aiohttp
import pytest
from aiohttp import web
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.error import BadRequest, Conflict, EndPointNotFound, Forbidden, RetryAfter
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.standin import BotApiStandIn, parse_html, utf16_len

TOKEN = "123:ABC"
CHAT = 42


@pytest.fixture
async def api() -> AsyncIterator[BotApiStandIn]:
    async with BotApiStandIn(token=TOKEN) as standin:
        standin.add_chat(CHAT)
        yield standin


@pytest.fixture
async def bot(api: BotApiStandIn) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=api.base_url, base_file_url=api.base_file_url) as b:
        yield b


def build_app(api: BotApiStandIn) -> Application:  # type: ignore[type-arg]
    return (
        Application.builder()
        .token(api.token)
        .base_url(api.base_url)
        .base_file_url(api.base_file_url)
        .build()
    )


async def run_polling(app: Application) -> None:  # type: ignore[type-arg]
    """PTB v22's documented way to run inside an existing loop (what run_polling wraps)."""
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=1)


async def stop_polling(app: Application) -> None:  # type: ignore[type-arg]
    assert app.updater is not None
    await app.updater.stop()
    await app.stop()
    await app.shutdown()


# ---------------------------------------------------------------- plain Bot calls


async def test_get_me_and_url_layout(api: BotApiStandIn, bot: Bot) -> None:
    assert bot.base_url == f"{api.base_url}{TOKEN}"  # PTB appends the token to base_url
    assert bot.username == "vacbot_test_bot"
    me = await bot.get_me()
    assert me.supports_inline_queries and me.can_join_groups
    assert api.requests[0].method == "getMe"


async def test_wrong_token_is_unauthorized(api: BotApiStandIn) -> None:
    from telegram.error import InvalidToken

    with pytest.raises(InvalidToken):
        async with Bot("999:WRONG", base_url=api.base_url):
            pass


async def test_accepted_html_is_recorded(api: BotApiStandIn, bot: Bot) -> None:
    markup = InlineKeyboardMarkup(
        [[InlineKeyboardButton("More", callback_data="more:1")],
         [InlineKeyboardButton("Site", url="https://example.org/jobs")]]
    )  # fmt: skip
    msg = await bot.send_message(
        CHAT,
        '<b>PhD position</b> in <a href="https://example.org">X</a>: a &lt; b &amp; c 😀',
        parse_mode="HTML",
        reply_markup=markup,
    )
    assert api.rejected == []
    [sent] = api.sent
    assert sent.chat_id == CHAT and sent.parse_mode == "HTML"
    assert sent.plain_text == "PhD position in X: a < b & c 😀"
    assert msg.text == sent.plain_text and msg.message_id == sent.message_id
    assert [e["type"] for e in sent.entities] == ["bold", "text_link"]
    assert msg.entities[1].url == "https://example.org/"
    assert sent.callback_data == ["more:1"]
    assert msg.reply_markup == markup


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("<b>bold</i>", 'Unmatched end tag at byte offset 7, expected "</b>", found "</i>"'),
        ("<div>x</div>", 'Unsupported start tag "div" at byte offset 0'),
        ("<b>never closed", 'Can\'t find end tag corresponding to start tag "b"'),
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("Tom & Jerry", 'Unescaped "&" at byte offset 4'),
        ("&nbsp;gap", 'Unescaped "&" at byte offset 0'),
        ('<b class="x">y</b>', 'Unsupported attribute "class" in the tag "b"'),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler"'),
    ],
)
async def test_bad_html_is_rejected(
    api: BotApiStandIn, bot: Bot, text: str, description: str
) -> None:
    with pytest.raises(BadRequest) as caught:
        await bot.send_message(CHAT, text, parse_mode="HTML")
    [rejection] = api.rejected
    assert rejection.method == "sendMessage"
    assert rejection.description.startswith("Bad Request: can't parse entities: " + description)
    # PTB strips "Bad Request: " and capitalize()s the rest, lowercasing it.
    assert caught.value.message.lower().startswith("can't parse entities: ")
    assert api.sent == []


async def test_length_counts_utf16_after_html(api: BotApiStandIn, bot: Bot) -> None:
    await bot.send_message(CHAT, "x" * 4096)
    await bot.send_message(CHAT, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    await bot.send_message(CHAT, "😀" * 2048)  # 4096 UTF-16 code units
    assert api.rejected == []
    for text in ("x" * 4097, "😀" * 2049, "&lt;" * 4097):
        with pytest.raises(BadRequest, match=r"(?i)message is too long"):
            await bot.send_message(CHAT, text, parse_mode="HTML")
    assert [r.description for r in api.rejected] == ["Bad Request: message is too long"] * 3
    assert len(api.sent) == 3 and utf16_len(api.sent[2].plain_text) == 4096


@pytest.mark.parametrize("text", ["", "  \n ", "<b> </b>"])
async def test_empty_text_is_rejected(bot: Bot, api: BotApiStandIn, text: str) -> None:
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(CHAT, text, parse_mode="HTML")


@pytest.mark.parametrize(
    ("button", "description"),
    [
        (InlineKeyboardButton("x", callback_data="d" * 65), "BUTTON_DATA_INVALID"),
        (InlineKeyboardButton("x", callback_data="ж" * 33), "BUTTON_DATA_INVALID"),  # 66 bytes
        (InlineKeyboardButton("x"), "Text buttons are unallowed in the inline keyboard"),
        (InlineKeyboardButton("x", url="ftp://example.org"), "Unsupported URL protocol"),
        (
            InlineKeyboardButton("x", url="https://e.org", callback_data="y"),
            "exactly one of the optional fields",
        ),
    ],
)
async def test_bad_buttons_are_rejected(
    api: BotApiStandIn, bot: Bot, button: InlineKeyboardButton, description: str
) -> None:
    with pytest.raises(BadRequest):
        await bot.send_message(CHAT, "hi", reply_markup=InlineKeyboardMarkup([[button]]))
    assert description in api.rejected[0].description


async def test_button_limits(api: BotApiStandIn, bot: Bot) -> None:
    ok = [[InlineKeyboardButton(str(i), callback_data="d" * 64)] for i in range(100)]
    await bot.send_message(CHAT, "100 buttons", reply_markup=InlineKeyboardMarkup(ok))
    too_many = [*ok, [InlineKeyboardButton("x", callback_data="x")]]
    with pytest.raises(BadRequest, match=r"(?i)BUTTONS_TOO_MUCH"):
        await bot.send_message(CHAT, "101 buttons", reply_markup=InlineKeyboardMarkup(too_many))


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_chat_not_found_blocked_and_retry_after(api: BotApiStandIn, bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(999, "who?")
    api.add_chat(7)
    api.blocked.add(7)
    with pytest.raises(Forbidden, match=r"(?i)bot was blocked by the user"):
        await bot.send_message(7, "hello")
    api.fail_next(2, code=429, retry_after=3)
    for _ in range(2):
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(CHAT, "later")
        assert "retry in 3 seconds" in str(caught.value).lower()
    await bot.send_message(CHAT, "now")
    assert [m.text for m in api.sent] == ["now"]
    assert [r.error_code for r in api.injected] == [429, 429]
    assert [r.error_code for r in api.rejected] == [400, 403]


async def test_unknown_method_is_404(api: BotApiStandIn, bot: Bot) -> None:
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("sendTelepathy", api_kwargs={"chat_id": CHAT})
    assert api.rejected[0].description == "Not Found: method not found"


async def test_json_and_form_bodies(api: BotApiStandIn) -> None:
    url = f"{api.base_url}{TOKEN}/sendMessage"
    markup = {"inline_keyboard": [[{"text": "a", "callback_data": "1"}]]}
    async with aiohttp.ClientSession() as session:
        async with session.post(
            url, json={"chat_id": CHAT, "text": "123", "reply_markup": markup}
        ) as r:
            assert (await r.json())["result"]["text"] == "123"
        form = {"chat_id": str(CHAT), "text": "true", "reply_markup": json.dumps(markup)}
        async with session.post(url, data=form) as r:
            assert (await r.json())["ok"] is True
        async with session.post(url, data={"chat_id": str(CHAT), "text": "x" * 4097}) as r:
            assert r.status == 400
            assert await r.json() == {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: message is too long",
            }
    assert [m.text for m in api.sent] == ["123", "true"]
    assert api.sent[1].reply_markup == markup


async def test_edit_callback_inline_commands_and_actions(api: BotApiStandIn, bot: Bot) -> None:
    msg = await bot.send_message(CHAT, "v1")
    await bot.edit_message_text("<i>v2</i>", CHAT, msg.message_id, parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text("<i>v2</i>", CHAT, msg.message_id, parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", CHAT, 999)
    assert api.edits[0].plain_text == "v2"

    query_id = api.callback_query(CHAT, data="more")["callback_query"]["id"]
    with pytest.raises(BadRequest, match=r"(?i)MESSAGE_TOO_LONG"):
        await bot.answer_callback_query(query_id, text="x" * 201)
    await bot.answer_callback_query(query_id, text="ok")
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(query_id)

    update = api.inline_query(CHAT, "phd")
    iq_id = update["inline_query"]["id"]

    def article(i: int, text: str = "ok") -> InlineQueryResultArticle:
        return InlineQueryResultArticle(
            str(i), f"t{i}", InputTextMessageContent(text, parse_mode="HTML")
        )

    with pytest.raises(BadRequest, match=r"(?i)RESULTS_TOO_MUCH"):
        await bot.answer_inline_query(iq_id, [article(i) for i in range(51)])
    with pytest.raises(BadRequest, match=r"(?i)RESULT_ID_DUPLICATE"):
        await bot.answer_inline_query(iq_id, [article(1), article(1)])
    with pytest.raises(BadRequest, match=r"(?i)unsupported start tag"):
        await bot.answer_inline_query(iq_id, [article(1, "<p>x</p>")])
    await bot.answer_inline_query(iq_id, [article(i) for i in range(50)])
    assert len(api.inline_answers) == 1

    await bot.set_my_commands([("start", "Start"), ("vacancies", "List vacancies")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "vacancies"]
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([("Start!", "bad")])
    await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()

    await bot.send_chat_action(CHAT, "typing")
    with pytest.raises(BadRequest):
        await bot.send_chat_action(CHAT, "dancing")
    assert api.chat_actions[0]["action"] == "typing"


async def test_get_updates_long_poll_offset_and_allowed(api: BotApiStandIn, bot: Bot) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=30) == ()  # capped by max_poll_wait (0.5 s)
    assert time.monotonic() - started < 2

    async def later() -> None:
        await asyncio.sleep(0.05)
        api.user_message(CHAT, "hi")

    task = asyncio.create_task(later())
    started = time.monotonic()
    [update] = await bot.get_updates(timeout=30)
    await task
    assert time.monotonic() - started < 5  # woken by the update, not the 30 s timeout
    assert update.message is not None and update.message.text == "hi"
    assert (await bot.get_updates())[0].update_id == update.update_id  # not confirmed yet
    assert await bot.get_updates(offset=update.update_id + 1) == ()

    api.user_message(CHAT, "a message")
    api.callback_query(CHAT, data="x", message_id=update.message.message_id)
    got = await bot.get_updates(allowed_updates=["callback_query"])
    assert [u.callback_query is not None for u in got] == [True]


async def test_webhook_set_conflict_and_post(api: BotApiStandIn, bot: Bot) -> None:
    received: list[tuple[str | None, dict[str, object]]] = []

    async def hook(request: web.Request) -> web.Response:
        received.append(
            (request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json())
        )
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        url = f"http://127.0.0.1:{port}/hook"
        with pytest.raises(BadRequest, match=r"(?i)https url"):
            await bot.set_webhook("http://example.org/hook")
        await bot.set_webhook(url, secret_token="s3cret_token")
        assert (await bot.get_webhook_info()).url == url
        with pytest.raises(Conflict):
            await bot.get_updates()
        update = api.user_message(CHAT, "/start")
        assert await api.deliver_webhook() == [(200, "ok")]
        assert received == [("s3cret_token", update)]
        assert await api.post_update(url, update) == (200, "ok")
        assert received[1][0] is None
        await bot.delete_webhook()
        assert await bot.get_updates() == ()
    finally:
        await runner.cleanup()


# ---------------------------------------------------------------- a real Application


async def test_commands_need_the_entity(api: BotApiStandIn) -> None:
    app = build_app(api)
    calls: list[str] = []

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        calls.append("command:" + " ".join(context.args or []))
        assert update.effective_message is not None
        await update.effective_message.reply_text("started")

    async def text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_message.text
        calls.append("text:" + update.effective_message.text)

    async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.callback_query is not None
        calls.append("button:" + str(update.callback_query.data))
        await update.callback_query.answer("noted")

    app.add_handler(CommandHandler("start", start))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, text))
    app.add_handler(CallbackQueryHandler(button))
    await run_polling(app)
    try:
        update = api.user_message(CHAT, "/start payload")
        assert update["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
        await api.wait_for_sent(1)
        api.user_message(-100, "/start@vacbot_test_bot", chat_type="group", user_id=5)
        await api.wait_for_sent(2)
        api.user_message(CHAT, "/start without entity", entities=[])
        api.user_message(CHAT, "see /start later")  # entity at offset 4: not a command
        api.callback_query(CHAT, data="pick:1")
        await api.wait_for(lambda: len(calls) >= 5, what="handlers")
        await api.wait_for(lambda: api.callback_answers)
    finally:
        await stop_polling(app)
    assert calls == [
        "command:payload",
        "command:",
        "text:/start without entity",
        "text:see /start later",
        "button:pick:1",
    ]
    assert [m.text for m in api.sent] == ["started", "started"]
    assert api.callback_answers[0]["text"] == "noted"
    assert api.rejected == []
    methods = {r.method for r in api.requests}
    assert {"getMe", "deleteWebhook", "getUpdates", "sendMessage"} <= methods


async def test_echo_app_answers_50_messages_from_10_users(api: BotApiStandIn) -> None:
    app = build_app(api)

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_message.text
        await update.effective_message.reply_html(
            f"<b>echo</b> {html.escape(update.effective_message.text)}"
        )

    app.add_handler(MessageHandler(filters.TEXT, echo))
    await run_polling(app)
    try:
        for round_ in range(5):
            for user in range(10):
                api.user_message(1000 + user, f"u{user} m{round_} a < b & c")
        sent = await api.wait_for_sent(50, timeout=8)
    finally:
        await stop_polling(app)
    assert api.rejected == []
    for user in range(10):
        mine = [m.plain_text for m in sent if m.chat_id == 1000 + user]
        assert mine == [f"echo u{user} m{r} a < b & c" for r in range(5)]


async def test_update_helpers_parse_as_ptb_updates(api: BotApiStandIn, bot: Bot) -> None:
    first = api.user_message(CHAT, "hello")
    raw = [
        first,
        api.mention(-200, "what vacancies?", user_id=9),
        api.sticker(CHAT),
        api.photo(CHAT, caption="my cv"),
        api.voice(CHAT),
        api.document(CHAT),
        api.edited_message(CHAT, first["message"]["message_id"], "hello again"),
        api.channel_post(-300, "news", username="vacchan"),
        api.inline_query(CHAT, "phd"),
    ]
    updates = [Update.de_json(u, bot) for u in raw]
    assert [u.update_id for u in updates] == list(range(1, 10))
    mention = updates[1].effective_message
    assert mention is not None and mention.chat.type == "group"
    assert mention.parse_entities(["mention"]) == {mention.entities[0]: "@vacbot_test_bot"}
    assert updates[2].message and updates[2].message.sticker
    assert updates[3].message and updates[3].message.photo[-1].width == 800
    assert updates[4].message and updates[4].message.voice
    assert updates[5].message and updates[5].message.document
    assert updates[6].edited_message and updates[6].edited_message.text == "hello again"
    assert updates[7].channel_post and updates[7].channel_post.sender_chat
    assert updates[8].inline_query and updates[8].inline_query.query == "phd"
    msg = await bot.send_message("@vacchan", "to the channel")
    assert msg.chat.type == "channel"
    reply = api.user_message(CHAT, "thanks", reply_to_bot=True)
    assert reply["message"]["reply_to_message"]["from"]["is_bot"] is True


async def test_application_in_webhook_mode(api: BotApiStandIn) -> None:
    app = build_app(api)

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text("hi via webhook")

    app.add_handler(CommandHandler("start", start))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/hook"
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_webhook(
        listen="127.0.0.1", port=port, url_path="hook", webhook_url=url, secret_token="tok"
    )
    try:
        assert api.webhook["url"] == url and api.webhook["secret_token"] == "tok"
        update = api.user_message(CHAT, "/start")
        assert await api.post_update(url, update, secret_token="wrong") == (403, ANY)
        assert await api.deliver_webhook() == [(200, ANY)]
        await api.wait_for_sent(1)
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
    assert [m.text for m in api.sent] == ["hi via webhook"]
    assert api.rejected == []


def test_parser_matches_tdlib_examples() -> None:
    assert parse_html("🏟 🏟<i>🏟 &lt;🏟</i>") == (
        "🏟 🏟🏟 <🏟",
        [{"offset": 5, "length": 6, "type": "italic"}],
    )
    assert parse_html("Tom & Jerry &nbsp;", strict=False)[0] == "Tom & Jerry &nbsp;"
    _, entities = parse_html('<pre><code class="language-python">x</code></pre>')
    assert entities == [{"offset": 0, "length": 1, "type": "pre", "language": "python"}]
