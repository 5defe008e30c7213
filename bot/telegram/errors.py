"""The one error handler: log the traceback, tell the user something went wrong, carry on."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError, TelegramError

from bot.telegram.services import Context

log = logging.getLogger(__name__)

SORRY = "Sorry, something went wrong on my side. Please try again in a moment, or tap /help."


async def on_error(update: object, context: Context) -> None:
    error = context.error
    where = f"update {update.update_id}" if isinstance(update, Update) else "a background task"
    if isinstance(error, NetworkError) and not isinstance(update, Update):
        # polling could not reach Telegram; python-telegram-bot retries by itself
        log.warning("Bot API unreachable (%s); retrying", error)
        return
    log.error("error while handling %s", where, exc_info=error)
    if not isinstance(update, Update) or isinstance(error, (Forbidden, NetworkError)):
        return  # blocked by the user, or Telegram unreachable: a reply would fail as well
    try:
        if update.inline_query is not None:
            return  # nowhere to say it; Telegram shows no results
        if update.effective_chat is not None:
            await context.bot.send_message(update.effective_chat.id, SORRY)
        elif update.callback_query is not None:
            await update.callback_query.answer(SORRY)
    except TelegramError as exc:
        log.warning("could not tell the user about the error: %s", exc)
