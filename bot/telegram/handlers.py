"""What users get: questions and commands answered by the router, buttons, media hints.

Handlers only translate: Telegram update → router call → rendered reply. Which updates reach
which handler (private chats, groups, mentions, replies) is decided in `bot.telegram.app`.
"""

from __future__ import annotations

import logging
import re

from telegram import Chat, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest

from bot.model import Answer
from bot.telegram import callbacks, reply
from bot.telegram.persistence import load_context, save_context
from bot.telegram.services import BotServices, Context, services

log = logging.getLogger(__name__)

MEDIA_HINTS = {
    "sticker": "Nice sticker! I only understand text, though — ask me about our vacancies, "
               "or tap /vacancies.",
    "voice": "I can't listen to voice messages — please type your question.",
    "document": "I can't receive files or applications here. /apply tells you how to apply "
                "for a vacancy.",
    "photo": "I can't look at pictures — please type your question.",
}
DEFAULT_HINT = "I only understand text messages — type your question, or tap /help."
EDITED_HINT = "I only answer new messages — please send the corrected question again."
EXPIRED_BUTTON = "This button no longer works. Try /vacancies."


def _in_group(chat: Chat | None) -> bool:
    return chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)


def _without_mention(text: str, username: str | None) -> str:
    if not username:
        return text
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE).strip()


async def _answer_message(update: Update, context: Context, text: str, source: str) -> None:
    """Run `text` through the router with the chat's context and send the answer."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    svc = services(context)
    chat_data = context.chat_data if context.chat_data is not None else {}
    async with reply.typing(context.bot, chat.id, svc.config.typing_delay):
        answer, ctx = svc.router.respond(text, load_context(chat_data))
        save_context(chat_data, ctx)
        svc.stats.record(source, answer.intent.value,
                         update.effective_user.id if update.effective_user else None, text)
        await _send(svc, context, chat.id, answer, ctx.list_query,
                    reply_to=message.message_id if _in_group(chat) else None)


async def _send(svc: BotServices, context: Context, chat_id: int, answer: Answer,
                list_query: str, reply_to: int | None = None) -> list[Message]:
    markup = reply.keyboard(answer.buttons, svc.shows_actions, list_query)
    return await reply.send_chunks(context.bot, chat_id, reply.html_chunks(answer), markup,
                                   reply_to)


async def on_command(update: Update, context: Context) -> None:
    """/start, /help, /vacancies, /vacancy, /requirements, /salary, /contact, /apply, /search
    and unknown commands in private chats; the router reads the command from the text."""
    message = update.effective_message
    if message is not None and message.text:
        await _answer_message(update, context, message.text, "command")


async def on_text(update: Update, context: Context) -> None:
    """A question: any text in a private chat; a mention or a reply to the bot in a group."""
    message = update.effective_message
    if message is None or not message.text:
        return
    text = message.text
    if _in_group(update.effective_chat):
        text = _without_mention(text, context.bot.username)
    await _answer_message(update, context, text, "text")


async def on_button(update: Update, context: Context) -> None:
    query = update.callback_query
    if query is None:
        return
    svc = services(context)
    press = callbacks.decode(query.data or "", svc.knowledge.kb)
    if press is None:
        await query.answer(EXPIRED_BUTTON)
        return
    extra = svc.actions.get(press.action)
    if extra is not None:
        await extra(update, context, press.vacancy, press.arg)
        return
    message = query.message
    if message is None or not isinstance(message, Message):
        await query.answer(EXPIRED_BUTTON)  # an inaccessible or inline message
        return
    await query.answer()
    chat_data = context.chat_data if context.chat_data is not None else {}
    ctx = load_context(chat_data)
    if press.list_query is not None:
        ctx = ctx.with_(list_query=press.list_query)
    answer, ctx = svc.router.press(press.action, press.vacancy, press.arg, ctx)
    save_context(chat_data, ctx)
    svc.stats.record("button", answer.intent.value, query.from_user.id, press.action)
    if press.action == "page":
        chunks = reply.html_chunks(answer)
        if len(chunks) == 1:
            try:
                await query.edit_message_text(
                    chunks[0], parse_mode=ParseMode.HTML, link_preview_options=reply.NO_PREVIEW,
                    reply_markup=reply.keyboard(answer.buttons, svc.shows_actions,
                                                ctx.list_query))
                return
            except BadRequest as exc:
                if "not modified" in exc.message.lower():
                    return
                log.info("could not edit the list message (%s); sending a new one", exc)
    await _send(svc, context, message.chat.id, answer, ctx.list_query)


async def on_media(update: Update, context: Context) -> None:
    """Stickers, photos, voice, files … in a private chat: a short hint, never a crash."""
    message = update.effective_message
    if message is None:
        return
    kind = next((k for k in MEDIA_HINTS if getattr(message, k, None)), "")
    await message.reply_text(MEDIA_HINTS.get(kind, DEFAULT_HINT), do_quote=False)


async def on_edited(update: Update, context: Context) -> None:
    """An edited message in a private chat: say that only new messages are answered."""
    message = update.effective_message
    if message is not None and message.text:
        await message.reply_text(EDITED_HINT, do_quote=True)
