"""From a router `Answer` to Telegram messages, and back from a button press.

- `safe_answer`: every link Telegram would refuse becomes text (the page author's typo must
  not cost the user the whole answer); `knowledge.urls` holds the rules;
- `html_chunks`: the answer as Telegram HTML, cut under 4096 characters;
- `keyboard`: the inline keyboard — short labels in pairs, titles on their own row, links
  last — with compact callback data, as the plain JSON Telegram takes (`typed` makes it
  python-telegram-bot's object, for the methods that want one);
- `encode`/`decode`: callback data, at most 64 bytes, validated when pressed (a forged or
  stale button is "no longer works", never a crash);
- `send_answer`/`send_html`: sending, the keyboard with the last part. Messages go out as
  plain JSON through `Bot.do_api_request`, and Telegram's answer is not parsed into a
  `Message` (nothing reads it): building the keyboard's objects and parsing each answer back
  cost a third of a millisecond per reply, a sixth of the bot's CPU per question in a burst;
- `typing`: the "typing…" indicator, only for answers that take a while.

Callback data::

    a|<action>|<key>|<arg>     an intent ("salary", ...), "vacancy" or another action about
                               the vacancy whose `short_key` is <key> (empty for none)
    p|<page>|=<list query>     a page of a list; the query rides along when it fits, so the
                               button still shows the same list after other questions or a
                               restart (`p|<page>|` when it does not: the chat's last list)

Keys are hashes of vacancy ids (`knowledge.short_key`), so buttons keep working after a
restart or a reload; a key whose vacancy was removed decodes to an empty vacancy id, which the
router answers with "no longer listed".
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import warnings
from collections.abc import AsyncIterator, Collection, Iterable, Sequence
from dataclasses import dataclass, replace

import telegram
from telegram import InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.warnings import PTBUserWarning

from bot.model import Answer, Block, Button, Style
from bot.render import render_html, split_message
from bot.telegram.context import Bot
from bot.telegram.limits import Policy, TelegramLimits
from knowledge import KnowledgeBase, short_key
from knowledge.urls import is_valid_link, is_valid_url

log = logging.getLogger(__name__)

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
_NO_PREVIEW_JSON = NO_PREVIEW.to_dict()
Markup = dict[str, list[list[dict[str, str]]]]  # an inline keyboard as Telegram takes it
# `do_api_request` for an endpoint the Bot has a method for warns "Please use
# 'Bot.sendMessage'": that method is bypassed on purpose (see `send_chunks`).
warnings.filterwarnings("ignore", message=r"Please use 'Bot\.sendMessage'",
                        category=PTBUserWarning)
SHORT_LABEL = 18  # buttons with labels up to this long go two to a row
MAX_LABEL = 64  # Telegram shows no more of a button's label
EMPTY = "…"
MAX_BYTES = 64  # Telegram's limit on callback data
_ACTION = re.compile(r"^[a-z_]{1,20}$")
_KEY = re.compile(r"^[0-9a-f]{10}$")
# What a button's argument may be, per action (others: any text that fits).
_ARGS = {"page": re.compile(r"^\d{1,4}$"), "unsubscribe": re.compile(r"^\d{1,18}$")}

_background: set[asyncio.Task[None]] = set()


# ---- links ----------------------------------------------------------------------------


def safe_answer(answer: Answer) -> Answer:
    """`answer` with every link Telegram would refuse turned into text: a paragraph's bad
    link is shown after its text, a bad link button is left out and shown as a note."""
    blocks = [replace(b, text=f"{b.text} ({b.url})" if b.text and b.url not in b.text
                      else b.text or b.url, url="")
              if b.url and not is_valid_link(b.url) else b for b in answer.blocks]
    bad = [b for b in answer.buttons if b.url and not is_valid_url(b.url)]
    if not bad and blocks == list(answer.blocks):
        return answer
    for b in bad:
        log.warning("a link that Telegram would refuse is shown as text: %r", b.url[:200])
        blocks.append(Block(f"{b.label}: {b.url}", Style.NOTE))
    return replace(answer, blocks=tuple(blocks),
                   buttons=tuple(b for b in answer.buttons if b not in bad))


# ---- callback data ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Press:
    action: str
    vacancy: str  # vacancy id, "" if none or no longer listed
    arg: str = ""
    list_query: str | None = None  # for "page": the query of the list, if it was carried


def _fit(text: str, room: int) -> str:
    """`text` cut to at most `room` UTF-8 bytes without splitting a character."""
    return text.encode()[: max(room, 0)].decode("utf-8", errors="ignore")


def encode(button: Button, list_query: str = "") -> str:
    """The callback data for `button` (which must not be a URL button); at most 64 bytes."""
    if button.action == "page":
        head = f"p|{_fit(button.arg, 8)}|"
        room = MAX_BYTES - len(head.encode()) - 1
        return head + (f"={list_query}" if len(list_query.encode()) <= room else "")
    if not _ACTION.match(button.action):
        raise ValueError(f"unsupported button action {button.action!r}")
    head = f"a|{button.action}|{short_key(button.vacancy) if button.vacancy else ''}|"
    return head + _fit(button.arg, MAX_BYTES - len(head.encode()))


def decode(data: str, kb: KnowledgeBase, actions: Collection[str]) -> Press | None:
    """The press `data` stands for, or None if it is not one this bot makes: another bot's
    or an old version's button, an action not in `actions`, or forged data."""
    if len(data.encode()) > MAX_BYTES:
        return None
    kind, _, rest = data.partition("|")
    if kind == "p":
        page, sep, query = rest.partition("|")
        if not sep or not _ARGS["page"].match(page) or "page" not in actions:
            return None
        return Press("page", "", page, query[1:] if query.startswith("=") else None)
    if kind != "a":
        return None
    parts = rest.split("|", 2)
    if len(parts) != 3:
        return None
    action, key, arg = parts
    if (not _ACTION.match(action) or action == "page" or action not in actions
            or (key and not _KEY.match(key))):
        return None
    rule = _ARGS.get(action)
    if rule is not None and not rule.match(arg):
        return None
    return Press(action, (kb.id_for_key(key) or "") if key else "", arg)


# ---- messages --------------------------------------------------------------------------


def keyboard(buttons: Iterable[Button], shows: Collection[str] | None = None,
             list_query: str = "") -> Markup | None:
    """Inline keyboard for `buttons`: short labels paired, long ones (titles) on their own
    row, links last. Buttons whose action is not in `shows`, and links Telegram would refuse,
    are left out."""
    rows: list[list[dict[str, str]]] = []
    pair: list[dict[str, str]] = []
    links: list[list[dict[str, str]]] = []
    for b in buttons:
        label = b.label.strip()[:MAX_LABEL] or EMPTY
        if b.url:
            if is_valid_url(b.url):
                links.append([{"text": label, "url": b.url}])
            continue
        if shows is not None and b.action not in shows:
            continue
        button = {"text": label, "callback_data": encode(b, list_query)}
        if len(label) <= SHORT_LABEL and b.action != "page":
            pair.append(button)
            if len(pair) == 2:
                rows.append(pair)
                pair = []
        else:
            if pair:
                rows.append(pair)
                pair = []
            rows.append([button])
    if pair:
        rows.append(pair)
    rows += links
    return {"inline_keyboard": rows} if rows else None


def typed(markup: Markup | None) -> InlineKeyboardMarkup | None:
    """The keyboard as python-telegram-bot's object, for its typed methods (edits)."""
    return InlineKeyboardMarkup.de_json(markup) if markup else None


def html_chunks(answer: Answer) -> list[str]:
    """The answer as Telegram HTML, cut at paragraph boundaries into messages."""
    text = render_html(answer)
    return split_message(text) if text.strip() else [EMPTY]


async def send_message(bot: Bot, chat_id: int, text: str, markup: Markup | None = None,
                       reply_to: int | None = None, policy: Policy | None = None) -> None:
    """One HTML message without a link preview, sent as plain JSON through the rate limiter
    and its retries, as every request (`policy`: its rate limit arguments)."""
    params: dict[str, object] = {"chat_id": chat_id, "text": text, "parse_mode": "HTML",
                                 "link_preview_options": _NO_PREVIEW_JSON}
    if markup:
        params["reply_markup"] = markup
    if reply_to is not None:
        params["reply_parameters"] = {"message_id": reply_to,
                                      "allow_sending_without_reply": True}
    await bot.do_api_request("sendMessage", api_kwargs=params, rate_limit_args=policy)


async def send_chunks(bot: Bot, chat_id: int, chunks: Sequence[str], markup: Markup | None,
                      reply_to: int | None = None) -> None:
    """Send the chunks in order; the keyboard goes with the last one, the reply quote with
    the first. (Each part is retried on its own: a part Telegram confirmed is never sent
    twice.)"""
    for n, chunk in enumerate(chunks):
        await send_message(bot, chat_id, chunk, markup if n == len(chunks) - 1 else None,
                           reply_to if n == 0 else None)


async def send_answer(bot: Bot, chat_id: int, answer: Answer, shows: Collection[str],
                      list_query: str = "", reply_to: int | None = None) -> None:
    answer = safe_answer(answer)
    await send_chunks(bot, chat_id, html_chunks(answer),
                      keyboard(answer.buttons, shows, list_query), reply_to)


async def send_html(bot: Bot, chat_id: int, text: str, markup: Markup | None = None) -> None:
    """Send HTML the bot composed itself (admin replies, alert commands), split as needed."""
    await send_chunks(bot, chat_id, split_message(text) if text.strip() else [EMPTY], markup)


# ---- typing… ---------------------------------------------------------------------------


def _saturated(bot: telegram.Bot) -> bool:
    limiter = getattr(bot, "rate_limiter", None)
    return isinstance(limiter, TelegramLimits) and limiter.saturated


async def _send_typing(bot: telegram.Bot, chat_id: int) -> None:
    try:
        await bot.send_chat_action(chat_id, ChatAction.TYPING)  # tried once (see limits)
    except TelegramError as exc:  # cosmetic: never let it fail the answer
        log.debug("typing action failed: %s", exc)


@contextlib.asynccontextmanager
async def typing(bot: telegram.Bot, chat_id: int, delay: float) -> AsyncIterator[None]:
    """Show "typing…" in `chat_id` while the body runs: at once if `delay` is 0, otherwise
    only if the body is still running after `delay` seconds. As Telegram recommends, a quick
    answer gets no indicator; and the indicator is skipped while every connection to the Bot
    API is busy — it is cosmetic and must not queue in front of answers."""
    if delay <= 0:
        await _send_typing(bot, chat_id)
        yield
        return
    loop = asyncio.get_running_loop()

    def due() -> None:
        if not _saturated(bot):
            task = loop.create_task(_send_typing(bot, chat_id))
            _background.add(task)  # it finishes on its own, even after the answer
            task.add_done_callback(_background.discard)

    timer = loop.call_later(delay, due)
    try:
        yield
    finally:
        timer.cancel()
