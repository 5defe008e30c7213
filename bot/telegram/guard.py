"""Who is being talked to, and how often: group addressing and the per-user flood guard."""

from __future__ import annotations

import logging

from telegram import Message, MessageEntity, Update
from telegram.ext import ApplicationHandlerStop, filters

from bot.telegram.flood import Verdict
from bot.telegram.services import Context, services

log = logging.getLogger(__name__)

SLOW_DOWN = ("You're sending messages faster than I can answer them. Give me about {n} "
             "seconds, then ask again — I'll be right here.")


class AddressedToBot(filters.MessageFilter):
    """A message that mentions the bot (@username) or replies to one of its messages."""

    __slots__ = ()

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None \
                and replied.from_user.id == bot.id:
            return True
        username = (bot.username or "").lower()
        for entity, text in message.parse_entities(
                [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
            if entity.type == MessageEntity.MENTION and username \
                    and text[1:].lower() == username:
                return True
            if entity.type == MessageEntity.TEXT_MENTION and entity.user is not None \
                    and entity.user.id == bot.id:
                return True
        return False


ADDRESSED = AddressedToBot(name="addressed_to_bot")


async def flood_guard(update: Update, context: Context) -> None:
    """Runs before every handler that would answer; stops the update if the user floods."""
    user = update.effective_user
    if user is None:
        return
    svc = services(context)
    verdict = svc.flood.check(user.id)
    if verdict is Verdict.ALLOW:
        return
    note = SLOW_DOWN.format(n=svc.flood.wait_seconds(user.id))
    if update.callback_query is not None:
        await update.callback_query.answer(note if verdict is Verdict.WARN else None)
    elif verdict is Verdict.WARN and update.effective_message is not None:
        log.info("flood guard: user %s is over the limit", svc.stats.user_hash(user.id))
        await update.effective_message.reply_text(note, do_quote=False)
    raise ApplicationHandlerStop
