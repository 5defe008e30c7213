"""Inline mode: `@bot pancreatic` in any chat lists matching vacancies as articles to share.

Matching is the router's own `/search` (an empty query lists the open vacancies). Each
article posts the vacancy's card; its buttons are links only (the page, and a deep link that
opens the vacancy in a private chat with the bot), since the shared message lives in a chat
the bot may not be part of.
"""

from __future__ import annotations

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.constants import ParseMode

from bot.model import ChatContext
from bot.router import Router
from bot.telegram import reply
from bot.telegram.services import Context, services
from knowledge import short_key

CACHE_SECONDS = 60
MAX_QUERY = 200


def articles(router: Router, query: str, bot_username: str) -> list[InlineQueryResultArticle]:
    query = " ".join(query.split())[:MAX_QUERY]
    listed, _ = router.respond(f"/search {query}" if query else "/vacancies", ChatContext())
    results: list[InlineQueryResultArticle] = []
    for ref in listed.vacancies:
        card, _ = router.card(ref.id, ChatContext())
        listing = router.kb.listing(ref.id)
        key = short_key(ref.id)
        buttons = [[InlineKeyboardButton(b.label, url=b.url)] for b in card.buttons if b.url]
        if bot_username:
            buttons.append([InlineKeyboardButton(
                "Ask the bot about it", url=f"https://t.me/{bot_username}?start={key}")])
        closed = ref.status == "closed"
        results.append(InlineQueryResultArticle(
            id=key,
            title=ref.title + (" (closed)" if closed else ""),
            description=(listing.description if listing else "")[:150] or ref.status,
            input_message_content=InputTextMessageContent(
                reply.html_chunks(card)[0], parse_mode=ParseMode.HTML,
                link_preview_options=reply.NO_PREVIEW),
            reply_markup=InlineKeyboardMarkup(buttons) if buttons else None,
        ))
    return results


async def on_inline_query(update: Update, context: Context) -> None:
    query = update.inline_query
    if query is None:
        return
    results = articles(services(context).router, query.query, context.bot.username or "")
    await query.answer(results, cache_time=CACHE_SECONDS, is_personal=False)
