"""What users get: questions and commands answered by the router, buttons, media hints,
inline mode, the flood guard's note, and the one error handler.

Handlers only translate: Telegram update → router call → reply (`bot.telegram.replies`).
Which updates reach which handler (private chats, groups, mentions, replies) is decided in
`bot.telegram.app`. A chat's context is read when its update comes; the new one is written
with the update's journal entry when it is done (`State.record_answer`).
"""

from __future__ import annotations

import logging
import re

from telegram import (
    CallbackQuery,
    Chat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError
from telegram.ext import ApplicationHandlerStop, filters

from bot.model import Answer, ChatContext
from bot.router import Router
from bot.telegram import replies
from bot.telegram.context import BotServices, VacContext
from bot.telegram.limits import Verdict
from bot.telegram.state import about, unanswered
from knowledge import short_key
from knowledge.urls import is_valid_url

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
SLOW_DOWN = ("You're sending messages faster than I can answer them. Give me about {n} "
             "seconds, then ask again — I'll be right here.")
SORRY = "Sorry, something went wrong on my side. Please try again in a moment, or tap /help."
INLINE_CACHE_SECONDS = 60
MAX_INLINE_QUERY = 200


def _in_group(chat: Chat | None) -> bool:
    return chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)


def _without_mention(text: str, username: str | None) -> str:
    if not username:
        return text
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE).strip()


# ---- who is talked to, and how often -----------------------------------------------------


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


async def flood_guard(update: Update, context: VacContext) -> None:
    """Runs before every handler that would answer; stops the update if the user floods."""
    user = update.effective_user
    if user is None:
        return
    svc = context.services
    if svc.is_admin(user.id):
        return
    verdict = svc.flood.check(user.id, update.update_id)
    if verdict is Verdict.ALLOW:
        return
    note = SLOW_DOWN.format(n=svc.flood.wait_seconds(user.id))
    if update.callback_query is not None:
        await update.callback_query.answer(note if verdict is Verdict.WARN else None)
    elif verdict is Verdict.WARN and update.effective_message is not None:
        log.info("flood guard: user %s is over the limit", svc.state.stats.user_hash(user.id))
        await update.effective_message.reply_text(note, do_quote=False)
    raise ApplicationHandlerStop


# ---- questions, commands, buttons ------------------------------------------------------


def squeezed(text: str) -> str:
    """`text` without blank lines and runs of spaces: the router reads the first 2,000
    characters of a message, and a question after 3,000 newlines is still the question."""
    if len(text) <= 200 and "  " not in text and "\n\n" not in text:
        return text.strip()
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


async def _answer_message(update: Update, context: VacContext, text: str, source: str) -> None:
    """Run `text` through the router with the chat's context and send the answer."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    text = squeezed(text)
    svc = context.services
    async with replies.typing(context.bot, chat.id, svc.config.typing_delay):
        answer, ctx = svc.router.respond(text, svc.state.chats.load(chat.id))
        svc.state.record_answer(update.update_id, chat.id, ctx, source, answer.intent.value,
                                update.effective_user.id if update.effective_user else None,
                                text, about(answer, ctx), unanswered(answer))
        await replies.send_answer(context.bot, chat.id, answer, svc.shows_actions,
                                  ctx.list_query,
                                  reply_to=message.message_id if _in_group(chat) else None)


async def on_command(update: Update, context: VacContext) -> None:
    """/start, /help, /vacancies, /vacancy, /requirements, /salary, /contact, /apply, /search
    and unknown commands in private chats; the router reads the command from the text."""
    message = update.effective_message
    if message is not None and message.text:
        await _answer_message(update, context, message.text, "command")


async def on_text(update: Update, context: VacContext) -> None:
    """A question: any text in a private chat; a mention or a reply to the bot in a group."""
    message = update.effective_message
    if message is None or not message.text:
        return
    text = message.text
    if _in_group(update.effective_chat):
        text = _without_mention(text, context.bot.username)
    await _answer_message(update, context, text, "text")


async def on_button(update: Update, context: VacContext) -> None:
    query = update.callback_query
    if query is None:
        return
    svc = context.services
    press = replies.decode(query.data or "", svc.knowledge.kb, svc.shows_actions)
    if press is None:
        log.info("a button that is not (or no longer) this bot's was pressed")
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
    chat_id = message.chat.id
    ctx = svc.state.chats.load(chat_id)
    if press.list_query is not None:
        ctx = ctx.with_(list_query=press.list_query)
    answer, ctx = svc.router.press(press.action, press.vacancy, press.arg, ctx)
    svc.state.record_answer(update.update_id, chat_id, ctx, "button", answer.intent.value,
                            query.from_user.id, press.action, about(answer, ctx),
                            unanswered(answer))
    if press.action == "page" and await _edit_list(svc, query, answer, ctx.list_query):
        return
    await replies.send_answer(context.bot, chat_id, answer, svc.shows_actions, ctx.list_query)


async def _edit_list(svc: BotServices, query: CallbackQuery, answer: Answer,
                     list_query: str) -> bool:
    """Show another page of a list in place; False if it has to be sent anew."""
    safe = replies.safe_answer(answer)
    chunks = replies.html_chunks(safe)
    if len(chunks) != 1:
        return False
    try:
        await query.edit_message_text(
            chunks[0], parse_mode=ParseMode.HTML, link_preview_options=replies.NO_PREVIEW,
            reply_markup=replies.typed(
                replies.keyboard(safe.buttons, svc.shows_actions, list_query)))
    except BadRequest as exc:
        if "not modified" in exc.message.lower():
            return True
        log.info("could not edit the list message (%s); sending a new one", exc)
        return False
    return True


async def on_media(update: Update, context: VacContext) -> None:
    """Stickers, photos, voice, files … in a private chat: a short hint, never a crash."""
    message = update.effective_message
    if message is None:
        return
    kind = next((k for k in MEDIA_HINTS if getattr(message, k, None)), "")
    await message.reply_text(MEDIA_HINTS.get(kind, DEFAULT_HINT), do_quote=False)


async def on_edited(update: Update, context: VacContext) -> None:
    """An edited message in a private chat: say that only new messages are answered."""
    message = update.effective_message
    if message is not None and message.text:
        await message.reply_text(EDITED_HINT, do_quote=True)


# ---- inline mode -----------------------------------------------------------------------


def _article(router: Router, vacancy_id: str, status: str, title: str,
             bot_username: str) -> InlineQueryResultArticle:
    card, _ = router.card(vacancy_id, ChatContext())
    card = replies.safe_answer(card)
    listing = router.kb.listing(vacancy_id)
    key = short_key(vacancy_id)
    buttons = [[InlineKeyboardButton(b.label[:replies.MAX_LABEL], url=b.url)]
               for b in card.buttons if b.url and is_valid_url(b.url)]
    if bot_username:
        buttons.append([InlineKeyboardButton(
            "Ask the bot about it", url=f"https://t.me/{bot_username}?start={key}")])
    closed = status == "closed"
    return InlineQueryResultArticle(
        id=key,
        title=(title.strip() or vacancy_id)[:200] + (" (closed)" if closed else ""),
        description=(listing.description if listing else "")[:150] or status,
        input_message_content=InputTextMessageContent(
            replies.html_chunks(card)[0], parse_mode=ParseMode.HTML,
            link_preview_options=replies.NO_PREVIEW),
        reply_markup=InlineKeyboardMarkup(buttons) if buttons else None,
    )


def articles(router: Router, query: str, bot_username: str) -> list[InlineQueryResultArticle]:
    """`@bot words` in any chat: the vacancies `/search words` finds (the open ones for an
    empty query), each a card to share. A vacancy whose card cannot be made is left out —
    never the whole answer."""
    query = " ".join(query.split())[:MAX_INLINE_QUERY]
    listed, _ = router.respond(f"/search {query}" if query else "/vacancies", ChatContext())
    results: list[InlineQueryResultArticle] = []
    for ref in listed.vacancies:
        try:
            results.append(_article(router, ref.id, ref.status, ref.title, bot_username))
        except Exception:
            log.exception("inline: the card of %s could not be made; left out", ref.id)
    return results


async def on_inline_query(update: Update, context: VacContext) -> None:
    query = update.inline_query
    if query is None:
        return
    results = articles(context.services.router, query.query, context.bot.username or "")
    await query.answer(results, cache_time=INLINE_CACHE_SECONDS, is_personal=False)


# ---- errors ----------------------------------------------------------------------------


async def on_error(update: object, context: VacContext) -> None:
    """The one error handler: log, and tell the user when the failure was ours.

    A send that failed after every retry (Telegram unreachable, the chat gone) was logged
    with its chat by the rate limiter; a reply saying so would fail as well. Anything else —
    a bug, or Telegram refusing what the bot sent (400) — gets a short apology.
    """
    error = context.error
    if not isinstance(update, Update):
        if isinstance(error, TelegramError):  # Telegram refused or could not be reached:
            # one line, the traceback would only show python-telegram-bot's internals
            log.warning("Bot API call in a background task failed: %s: %s",
                        type(error).__name__, error)
        else:
            log.error("error in a background task", exc_info=error)
        return
    chat = update.effective_chat
    where = f"update {update.update_id}" + (f" in chat {chat.id}" if chat else "")
    if isinstance(error, Forbidden):
        log.info("%s: the user blocked the bot or left (%s)", where, error)
        return
    if isinstance(error, NetworkError) and not isinstance(error, BadRequest):
        log.warning("%s: not answered, Telegram could not be reached (%s)", where, error)
        return
    log.error("error while handling %s", where, exc_info=error)
    try:
        if update.inline_query is not None:
            return  # nowhere to say it; Telegram shows no results
        if update.callback_query is not None:
            await update.callback_query.answer(SORRY)
        elif chat is not None:
            await context.bot.send_message(chat.id, SORRY)
    except TelegramError as exc:
        log.warning("could not tell the user about the error in %s: %s", where, exc)
