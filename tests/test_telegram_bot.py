"""End to end: the real Application on the seeds, talking to the Bot API stand-in.

One bot runs for the whole module (starting one costs ~0.5 s); every test uses its own chat
and user ids, and every test ends with no request rejected by the stand-in.
"""

from __future__ import annotations

import json
import re

import pytest

from bot.telegram.app import ADMIN_COMMANDS, COMMANDS
from bot.telegram.context import App
from bot.telegram.handlers import EDITED_HINT, MEDIA_HINTS
from knowledge import short_key
from tests.standin import BotApiStandIn, SentMessage, utf16_len
from tests.standin.harness import (
    ADMIN,
    BONN,
    PAN,
    ask,
    button,
    labels,
    press,
    sent_to,
    settle,
    svc,
)

pytestmark = [pytest.mark.asyncio(loop_scope="module"),
              pytest.mark.usefixtures("app", "nothing_rejected")]

GROUP = -100500


def text_of(messages: list[SentMessage]) -> str:
    return "\n".join(m.plain_text for m in messages)


# ---------------------------------------------------------------- start-up


async def test_command_menu_is_registered(api: BotApiStandIn) -> None:
    scope = json.dumps([{"type": "chat", "chat_id": ADMIN}, ""], sort_keys=True)
    await api.wait_for(lambda: scope in api.commands, what="the menus (in the background)")
    default = api.commands[json.dumps([{"type": "default"}, ""], sort_keys=True)]
    assert [c["command"] for c in default] == [c.command for c in COMMANDS]
    admin_menu = [c["command"] for c in api.commands[scope]]
    assert admin_menu[-len(ADMIN_COMMANDS):] == [c.command for c in ADMIN_COMMANDS]


async def test_start_greets_with_open_vacancy_buttons(api: BotApiStandIn, app: App) -> None:
    [reply] = await ask(api, 1001, "/start")
    assert reply.parse_mode == "HTML"
    kb = svc(app).knowledge.kb
    open_titles = [x.title for x in kb.listings if not x.closed]
    shown = [label.split(". ", 1)[1] for label in labels(reply)]  # "1. Title…"
    assert len(shown) == len(open_titles)
    pairs = zip(shown, open_titles, strict=True)
    assert all(title.startswith(text.split("…")[0]) for text, title in pairs)
    assert all(len(d.encode()) <= 64 for d in reply.callback_data)
    [card] = await press(api, 1001, reply.callback_data[0])
    assert card.plain_text.startswith(kb.listings[[x.closed for x in kb.listings].index(False)]
                                      .title)


@pytest.mark.parametrize("payload", [PAN, short_key(PAN)])
async def test_start_deep_link_opens_the_vacancy(api: BotApiStandIn, payload: str) -> None:
    chat = 1002 if payload == PAN else 1003
    [card] = await ask(api, chat, f"/start {payload}")
    assert "PANCAIM" in card.plain_text
    assert {"Requirements", "Salary", "Contact"} <= {lbl.split()[0] for lbl in labels(card)}


# ---------------------------------------------------------------- questions and commands


async def test_free_questions(api: BotApiStandIn) -> None:
    salary = text_of(await ask(api, 1010, "What does the PANCAIM position pay?"))
    assert "standard salary" in salary.lower()
    contact = text_of(await ask(api, 1011, "Who is the contact for the Bonn PhD?"))
    assert "albarqouni" in contact.lower()


async def test_typing_action_before_the_answer(api: BotApiStandIn) -> None:
    await ask(api, 1012, "What are the requirements for the PANCAIM PhD?")
    assert any(a["chat_id"] == 1012 and a["action"] == "typing" for a in api.chat_actions)


async def test_follow_up_keeps_the_vacancy(api: BotApiStandIn) -> None:
    first = text_of(await ask(api, 1013, "/vacancy bonn"))
    assert "Robustness and Explainability" in first
    follow = text_of(await ask(api, 1013, "and the salary?"))
    assert "E 13" in follow or "E13" in follow
    assert "Robustness and Explainability" in follow


COMMAND_CASES = [
    ("/help", r"/vacancies"),
    ("/vacancies", r"1\. .*PANCAIM|PANCAIM"),
    ("/vacancy pancaim", r"pancreatic cancer"),
    ("/requirements pancaim", r"(?i)msc"),
    ("/salary pancaim", r"(?i)standard salary"),
    ("/contact bonn", r"(?i)albarqouni"),
    ("/apply pancaim", r"(?i)apply"),
    ("/search pathology", r"PANCAIM"),
    ("/salary@vacbot_test_bot pancaim", r"(?i)standard salary"),
    ("/nonsense", r"(?i)don't know the command"),
]


@pytest.mark.parametrize(("command", "must"), COMMAND_CASES)
async def test_each_command(api: BotApiStandIn, command: str, must: str) -> None:
    chat = 1100 + COMMAND_CASES.index((command, must))
    reply = text_of(await ask(api, chat, command))
    assert re.search(must, reply), reply


async def test_command_without_name_asks_which_with_buttons(api: BotApiStandIn) -> None:
    [which] = await ask(api, 1020, "/salary")
    assert "Which vacancy" in which.plain_text
    pancaim = button(which, "Crossing the boundaries")
    [answer] = await press(api, 1020, pancaim)
    assert "standard salary" in answer.plain_text.lower()
    assert "PANCAIM" in answer.plain_text


async def test_every_card_button(api: BotApiStandIn) -> None:
    [card] = await ask(api, 1030, f"/start {PAN}")
    assert all(len(d.encode()) <= 64 for d in card.callback_data)
    assert {"Requirements", "Salary", "Contact", "How to apply"} <= set(labels(card))
    rows = card.reply_markup["inline_keyboard"] if card.reply_markup else []
    [link] = [b for row in rows for b in row if "url" in b]
    assert link["url"].startswith("https://www.radboudumc.nl/")
    expected = {"Requirements": r"(?i)msc", "Salary": r"(?i)standard salary",
                "Contact": r"(?i)huisman|litjens|contact", "How to apply": r"(?i)apply"}
    for label, must in expected.items():
        [answer] = await press(api, 1030, button(card, label), message_id=card.message_id)
        assert "PANCAIM" in answer.plain_text
        assert re.search(must, answer.plain_text), (label, answer.plain_text)
        assert label not in labels(answer)  # the card of an answer skips its own button


async def test_vacancy_list_buttons_open_cards(api: BotApiStandIn) -> None:
    [listing] = await ask(api, 1040, "/vacancies")
    for data in listing.callback_data:
        [card] = await press(api, 1040, data, message_id=listing.message_id)
        assert "Salary" in labels(card)


async def test_stale_and_foreign_buttons(api: BotApiStandIn) -> None:
    await ask(api, 1050, "/help")
    await press(api, 1050, "something-from-another-bot", expect=0)
    assert "no longer works" in api.callback_answers[-1]["text"]
    [gone] = await press(api, 1050, "a|salary|0000000000|")
    assert "no longer listed" in gone.plain_text


# ---------------------------------------------------------------- groups


async def test_group_is_silent_on_chatter(api: BotApiStandIn) -> None:
    api.user_message(GROUP, "what does the PANCAIM position pay?", chat_type="group", user_id=7)
    api.user_message(GROUP, "/salary@some_other_bot pancaim", chat_type="group", user_id=7)
    api.sticker(GROUP, chat_type="group", user_id=7)
    [help_] = await ask(api, GROUP, "/help", chat_type="group", user_id=7)
    assert help_.reply_to_message_id is not None
    assert len(sent_to(api, GROUP)) == 1


async def test_group_answers_commands_mentions_and_replies(api: BotApiStandIn) -> None:
    group = GROUP - 1
    [cmd] = await ask(api, group, "/salary@vacbot_test_bot pancaim", chat_type="supergroup",
                      user_id=8)
    assert "standard salary" in cmd.plain_text.lower()
    mention = await ask(api, group, "@vacbot_test_bot who is the contact for the Bonn PhD?",
                        chat_type="supergroup", user_id=8)
    assert "albarqouni" in text_of(mention).lower()
    follow = await ask(api, group, "and what does it pay?", chat_type="supergroup", user_id=9,
                       reply_to_bot=True)
    assert "E 13" in text_of(follow) or "E13" in text_of(follow)


# ---------------------------------------------------------------- odd input


async def test_media_edits_and_channel_posts_never_crash(api: BotApiStandIn) -> None:
    chat = 1060
    api.sticker(chat)
    api.photo(chat, caption="my cv")
    api.voice(chat)
    api.document(chat)
    await api.wait_for_sent(4, chat_id=chat)
    hints = [m.plain_text for m in sent_to(api, chat)]
    assert hints == [MEDIA_HINTS[k] for k in ("sticker", "photo", "voice", "document")]
    original = await ask(api, chat, "hello")
    edited_id = original[0].message_id - 1  # the user's message right before the reply
    api.edited_message(chat, edited_id, "what does the PANCAIM position pay?")
    api.channel_post(-1009999, "/start")  # not in allowed_updates: never even delivered
    await api.wait_for_sent(6, chat_id=chat)
    assert sent_to(api, chat)[-1].plain_text == EDITED_HINT
    await settle(api)
    assert sent_to(api, -1009999) == []


async def test_ten_thousand_characters(api: BotApiStandIn) -> None:
    words = "salary pancaim " + "bla " * 2500
    replies = await ask(api, 1070, words[:10_000])
    assert all(utf16_len(m.plain_text) <= 4096 for m in replies)


async def test_answers_are_sent_as_json_and_arrive_intact(api: BotApiStandIn, app: App) -> None:
    """Requests without files go as one JSON body (not a percent-escaped form); Telegram
    receives exactly the HTML the bot composed, its bullets, dashes and markup included."""
    from bot.model import ChatContext
    from bot.telegram import replies as telegram_replies

    question = "what are the requirements for the Bonn PhD?"
    before = len(api.requests)
    await ask(api, 1071, question)
    sends = [r for r in api.requests[before:] if r.method == "sendMessage"]
    assert sends and all(r.content_type == "application/json" for r in sends)
    answer, _ = svc(app).router.respond(question, ChatContext())
    expected = telegram_replies.html_chunks(telegram_replies.safe_answer(answer))
    assert [r.params["text"] for r in sends] == expected
    assert "•" in expected[0]  # not ASCII: escaped in the body, intact on arrival
    assert isinstance(sends[-1].params["reply_markup"], dict)  # the keyboard as an object


async def test_errors_are_reported_and_survived(api: BotApiStandIn, app: App,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    router = svc(app).router

    def broken(text: str, ctx: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(router, "respond", broken)
    [sorry] = await ask(api, 1080, "what does PANCAIM pay?")
    assert "went wrong" in sorry.plain_text
    monkeypatch.undo()
    [fine] = await ask(api, 1080, "what does PANCAIM pay?")
    assert "standard salary" in fine.plain_text.lower()


# ---------------------------------------------------------------- load and limits


async def test_200_messages_from_40_users_at_once(api: BotApiStandIn) -> None:
    users = range(20_000, 20_040)
    questions = ["what does the PANCAIM position pay?", "/contact bonn", "/vacancies",
                 "requirements for the Bonn PhD", "/help"]
    for question in questions:
        for user in users:
            api.user_message(user, question)
    await api.wait_for(lambda: sum(m.chat_id in users for m in api.sent) >= 200, timeout=20,
                       what="200 answers")
    for user in users:
        mine = sent_to(api, user)
        assert len(mine) == 5
        assert "standard salary" in mine[0].plain_text.lower()  # in order, per chat
        assert "albarqouni" in mine[1].plain_text.lower()


async def test_flood_guard_is_polite(api: BotApiStandIn, app: App) -> None:
    burst = svc(app).config.flood.burst
    chat = 1090
    for n in range(burst + 8):
        api.user_message(chat, f"/help {n}")
    await api.wait_for_sent(burst + 1, chat_id=chat)
    await settle(api)
    mine = sent_to(api, chat)
    assert len(mine) == burst + 1  # the first `burst` answered, one note, the rest dropped
    assert "faster than I can answer" in mine[-1].plain_text


# ---------------------------------------------------------------- inline mode


async def test_inline_query_lists_matching_vacancies(api: BotApiStandIn) -> None:
    api.inline_query(1095, "pancreatic")
    await api.wait_for(lambda: api.inline_answers, what="inline answer")
    results = api.inline_answers[-1]["results"]
    assert results and "PANCAIM" in results[0]["title"]
    content = results[0]["input_message_content"]
    assert content["parse_mode"] == "HTML" and "PANCAIM" in content["message_text"]
    urls = [b["url"] for row in results[0]["reply_markup"]["inline_keyboard"] for b in row]
    assert f"https://t.me/vacbot_test_bot?start={short_key(PAN)}" in urls
    api.inline_query(1095, "")
    await api.wait_for(lambda: len(api.inline_answers) >= 2, what="second inline answer")
    listed = [r["id"] for r in api.inline_answers[-1]["results"]]
    assert short_key(BONN) in listed and len(listed) >= 4
