"""Building the python-telegram-bot `Application`: every handler is registered here.

    app = build_application(load_config())
    app.run_polling(allowed_updates=ALLOWED_UPDATES)

Start-up work (`post_init`) registers the command menus; shutdown (`post_shutdown`) flushes
statistics and closes the databases. Per-chat state is persisted by `SQLitePersistence`.
"""

from __future__ import annotations

import logging
from typing import cast

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot import health
from bot.telegram import admin, alerts, handlers, inline
from bot.telegram.concurrency import PerChatUpdateProcessor
from bot.telegram.config import Config
from bot.telegram.errors import on_error
from bot.telegram.flood import FloodGuard
from bot.telegram.guard import ADDRESSED, flood_guard
from bot.telegram.knowledge import Knowledge
from bot.telegram.persistence import SQLitePersistence
from bot.telegram.ratelimit import BoundedRateLimiter
from bot.telegram.services import SERVICES, App, BotServices, Context
from bot.telegram.stats import Stats
from bot.telegram.subscriptions import FanOut, SubscriptionStore

log = logging.getLogger(__name__)

COMMANDS = (
    BotCommand("start", "What I can do, and the open vacancies"),
    BotCommand("vacancies", "The open vacancies"),
    BotCommand("vacancy", "One vacancy: /vacancy <name>"),
    BotCommand("requirements", "What a vacancy asks for: /requirements [name]"),
    BotCommand("salary", "Salary and conditions: /salary [name]"),
    BotCommand("contact", "Whom to ask: /contact [name]"),
    BotCommand("apply", "How to apply: /apply [name]"),
    BotCommand("search", "Find vacancies: /search <words>"),
    BotCommand("subscribe", "Alert me to new vacancies: /subscribe [words]"),
    BotCommand("subscriptions", "My alerts"),
    BotCommand("unsubscribe", "Stop alerts: /unsubscribe [words]"),
    BotCommand("help", "How to ask"),
)
ADMIN_COMMANDS = (
    BotCommand("reload", "Re-read the vacancy pages"),
    BotCommand("stats", "Questions asked recently: /stats [days]"),
)
ALERT_COMMANDS = {"subscribe": alerts.on_subscribe, "subscriptions": alerts.on_subscriptions,
                  "unsubscribe": alerts.on_unsubscribe}
ROUTER_COMMANDS = tuple(c.command for c in COMMANDS if c.command not in ALERT_COMMANDS)
ALLOWED_UPDATES = (
    Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY,
)
STATS_FLUSH_SECONDS = 30.0

# Which messages the bot answers: everything in private chats; in groups only what is
# addressed to it (commands are matched by CommandHandler, which also checks @botname).
NEW = filters.UpdateType.MESSAGE
EDITED = filters.UpdateType.EDITED_MESSAGE
PRIVATE = filters.ChatType.PRIVATE
ANSWERED = NEW & (PRIVATE | (filters.ChatType.GROUPS & (filters.COMMAND | ADDRESSED)))


def open_services(config: Config) -> BotServices:
    """Open the knowledge base (building it if the pages are newer) and the state database;
    raises `StartupError` with a one-line reason."""
    return BotServices(
        config=config,
        knowledge=Knowledge.open(config.seeds_dir, config.db_path),
        stats=Stats(config.state_path),
        flood=FloodGuard(config.flood),
        subscriptions=SubscriptionStore(config.state_path),
        fanout=FanOut.for_config(config),
    )


def build_application(config: Config, services: BotServices | None = None) -> App:
    services = services or open_services(config)
    app = (
        Application.builder()
        .token(config.token)
        .base_url(config.api_base_url)
        .base_file_url(config.api_file_url)
        .connection_pool_size(config.connection_pool)
        .rate_limiter(BoundedRateLimiter(max_in_flight=config.connection_pool,
                                         overall_max_rate=config.max_rate))
        .concurrent_updates(PerChatUpdateProcessor(config.concurrent_updates))
        .persistence(SQLitePersistence(config.state_path, config.persistence_interval))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    app.bot_data[SERVICES] = services
    register_handlers(app)
    return cast(App, app)


def register_handlers(app: Application) -> None:  # type: ignore[type-arg]
    # group -1: the flood guard sees everything the bot would answer, before it is answered
    app.add_handler(MessageHandler(ANSWERED | (EDITED & PRIVATE), flood_guard), group=-1)
    app.add_handler(CallbackQueryHandler(flood_guard), group=-1)

    app.add_handler(CommandHandler(ROUTER_COMMANDS, handlers.on_command, filters=NEW))
    for command, callback in ALERT_COMMANDS.items():
        app.add_handler(CommandHandler(command, callback, filters=NEW))
    app.add_handler(CommandHandler("reload", admin.on_reload, filters=NEW))
    app.add_handler(CommandHandler("stats", admin.on_stats, filters=NEW))
    app.add_handler(MessageHandler(NEW & PRIVATE & filters.COMMAND, handlers.on_command))
    app.add_handler(MessageHandler(ANSWERED & filters.TEXT & ~filters.COMMAND,
                                   handlers.on_text))
    app.add_handler(MessageHandler(NEW & PRIVATE & filters.ATTACHMENT, handlers.on_media))
    app.add_handler(MessageHandler(EDITED & PRIVATE, handlers.on_edited))
    app.add_handler(CallbackQueryHandler(handlers.on_button))
    app.add_handler(InlineQueryHandler(inline.on_inline_query))
    app.add_error_handler(on_error)
    svc = app.bot_data[SERVICES]
    assert isinstance(svc, BotServices)
    svc.actions.update(subscribe=alerts.on_subscribe_button,
                       unsubscribe=alerts.on_remove_button)


async def post_init(app: Application) -> None:  # type: ignore[type-arg]
    """Register the command menu for everyone, and the admin commands for the admins; send
    the alerts that pages changed while the bot was down call for."""
    svc = app.bot_data[SERVICES]
    assert isinstance(svc, BotServices)
    await app.bot.set_my_commands(COMMANDS)
    for admin_id in sorted(svc.config.admin_ids):
        try:
            await app.bot.set_my_commands(COMMANDS + ADMIN_COMMANDS,
                                          scope=BotCommandScopeChat(admin_id))
        except TelegramError as exc:  # the admin has not started a chat with the bot yet
            log.warning("could not set the admin command menu for one admin: %s", exc)
    if app.job_queue is not None:
        app.job_queue.run_repeating(_flush_stats, STATS_FLUSH_SECONDS,
                                    first=STATS_FLUSH_SECONDS, name="flush-stats")
    health.install_heartbeat(app, svc.config.heartbeat_path
                             or health.default_path(svc.config.state_path))
    await alerts.on_startup(app)
    log.info("vacbot is up as @%s with %d vacancies", app.bot.username, len(svc.knowledge.kb))


async def _flush_stats(context: Context) -> None:
    svc = context.bot_data[SERVICES]
    assert isinstance(svc, BotServices)
    svc.stats.flush()


async def post_shutdown(app: Application) -> None:  # type: ignore[type-arg]
    svc = app.bot_data.get(SERVICES)
    if isinstance(svc, BotServices):
        svc.close()
