"""From a router `Answer` to Telegram messages: HTML text split under 4096 characters, an
inline keyboard with compact callback data, the typing action, and sending."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Iterable, Sequence

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import TelegramError

from bot.model import Answer, Button
from bot.render import render_html, split_message
from bot.telegram import callbacks
from bot.telegram.ratelimit import BoundedRateLimiter

log = logging.getLogger(__name__)

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
SHORT_LABEL = 18  # buttons with labels up to this long go two to a row
EMPTY = "…"

_background: set[asyncio.Task[None]] = set()


def keyboard(buttons: Iterable[Button], shows: frozenset[str] | set[str] | None = None,
             list_query: str = "") -> InlineKeyboardMarkup | None:
    """Inline keyboard for `buttons`: short labels paired, long ones (titles) on their own
    row, links last. Buttons whose action is not in `shows` are left out."""
    rows: list[list[InlineKeyboardButton]] = []
    pair: list[InlineKeyboardButton] = []
    links: list[list[InlineKeyboardButton]] = []
    for b in buttons:
        if b.url:
            links.append([InlineKeyboardButton(b.label, url=b.url)])
            continue
        if shows is not None and b.action not in shows:
            continue
        button = InlineKeyboardButton(b.label, callback_data=callbacks.encode(b, list_query))
        if len(b.label) <= SHORT_LABEL and b.action != "page":
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
    return InlineKeyboardMarkup(rows) if rows else None


def html_chunks(answer: Answer) -> list[str]:
    """The answer as Telegram HTML, cut at paragraph boundaries into messages."""
    text = render_html(answer)
    return split_message(text) if text.strip() else [EMPTY]


async def send_chunks(bot: Bot, chat_id: int, chunks: Sequence[str],
                      markup: InlineKeyboardMarkup | None,
                      reply_to: int | None = None) -> list[Message]:
    """Send the chunks in order; the keyboard goes with the last one, the reply quote with
    the first."""
    sent: list[Message] = []
    for n, chunk in enumerate(chunks):
        last = n == len(chunks) - 1
        sent.append(await bot.send_message(
            chat_id, chunk, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
            reply_markup=markup if last else None,
            reply_parameters=(ReplyParameters(reply_to, allow_sending_without_reply=True)
                              if reply_to is not None and n == 0 else None),
        ))
    return sent


def _saturated(bot: Bot) -> bool:
    limiter = getattr(bot, "rate_limiter", None)
    return isinstance(limiter, BoundedRateLimiter) and limiter.saturated


@contextlib.asynccontextmanager
async def typing(bot: Bot, chat_id: int, delay: float) -> AsyncIterator[None]:
    """Show "typing…" in `chat_id` while the body runs: at once if `delay` is 0, otherwise
    only if the body is still running after `delay` seconds. As Telegram recommends, a quick
    answer gets no indicator; and the indicator is skipped while every connection to the Bot
    API is busy — it is cosmetic and must not queue in front of answers."""
    started = False

    async def act() -> None:
        nonlocal started
        if delay > 0:
            await asyncio.sleep(delay)
            if _saturated(bot):
                return
        started = True
        try:
            await bot.send_chat_action(chat_id, ChatAction.TYPING)
        except TelegramError as exc:  # cosmetic: never let it fail the answer
            log.debug("typing action failed: %s", exc)

    if delay <= 0:
        await act()
        yield
        return
    task = asyncio.create_task(act())
    try:
        yield
    finally:
        if started:  # let an in-flight request finish on its own
            _background.add(task)
            task.add_done_callback(_background.discard)
        else:
            task.cancel()
