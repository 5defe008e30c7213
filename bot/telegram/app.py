"""The application and its start-up: `vacbot run`, building python-telegram-bot's
`Application` (every handler registered here, in one place), start-up and shutdown.

    run()                                  # polling; run(webhook_url=...) for a webhook
    app = build_application(load_config())

Start-up, in order: the configuration (exit code 2 with one line if unusable), the data
directory (missing or read-only: exit code 2, one line), the knowledge base
(`knowledge.open_knowledge`: built or rebuilt from the pages as needed, pages with errors
skipped and logged; exit code 1 only if no page at all can be served), the state
database (a damaged one is moved aside), then who the bot is (`getMe`, retried for as long
as Telegram is down; a rejected token is one line and exit code 2: `bot.telegram.startup`),
then `post_init`: questions left unanswered by a crash are queued again, chats silent for
`VACBOT_STATE_TTL_DAYS` are forgotten, the command menus are registered in the background
(a failure is a warning) and alerts pages changed meanwhile call for are sent. While it
runs, the pages are followed (`bot.telegram.sync`: a repository is cloned at the first start
and fetched, a folder watched; changed pages are rebuilt as /reload does), the knowledge base
is rebuilt when a deadline day ends (`bot.telegram.deadlines`), and the admins get a digest
(`bot.telegram.digest`).

Nothing secret leaves the process: every log line and every traceback, from start-up to
shutdown, goes through `RedactingFormatter` (the token, the webhook secret, any setting named
like a secret, passwords in URLs), and what `vacbot run` prints on its way out is one line.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import signal
import sqlite3
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Iterable
from typing import Any, TextIO, cast
from urllib.parse import urlsplit

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.telegram import admin, alerts, deadlines, digest, handlers, health, startup, status, sync
from bot.telegram.config import Config, ConfigError, load_config
from bot.telegram.context import SERVICES, App, BotServices, VacContext, services_of
from bot.telegram.knowledge import Now, StartupError, settle_memory
from bot.telegram.limits import FloodGuard, TelegramLimits
from bot.telegram.state import StateError, open_state
from bot.telegram.subscriptions import FanOut, SubscriptionStore
from bot.telegram.updates import (
    ApiRequest,
    JournalQueue,
    JournalRequest,
    UpdateProcessor,
    start_webhook,
    stop_webhook,
)

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
    BotCommand("status", "Where the pages come from, the last sync"),
)
ALERT_COMMANDS = {"subscribe": alerts.on_subscribe, "subscriptions": alerts.on_subscriptions,
                  "unsubscribe": alerts.on_unsubscribe}
ROUTER_COMMANDS = tuple(c.command for c in COMMANDS if c.command not in ALERT_COMMANDS)
ALLOWED_UPDATES = (
    Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY,
)
PRUNE_EVERY = 86_400.0  # seconds between forgetting silent chats and old statistics
EXTRA_CONNECTIONS = 2  # beyond `in_flight`: for the admins, who skip the queue
POLL_TIMEOUT = 10  # seconds a getUpdates long poll waits for news
MENUS = "vacbot.menus"  # bot_data key of the background task registering the command menus
REQUESTS = "vacbot.requests"  # bot_data key of the HTTP clients (closed if start-up fails)

# Which messages the bot answers: everything in private chats; in groups only what is
# addressed to it (commands are matched by CommandHandler, which also checks @botname).
NEW = filters.UpdateType.MESSAGE
EDITED = filters.UpdateType.EDITED_MESSAGE
PRIVATE = filters.ChatType.PRIVATE
ANSWERED = NEW & (PRIVATE | (filters.ChatType.GROUPS & (filters.COMMAND | handlers.ADDRESSED)))


class DataError(StartupError):
    """The data directory is missing or cannot be written."""

    code = 2


# ---- building --------------------------------------------------------------------------


def check_data_dir(config: Config) -> None:
    """The directories of the knowledge base and the state database exist and are writable
    (the per-user default is created); DataError says what is wrong in one line."""
    heartbeat = config.heartbeat_path or health.default_path(config.state_path)
    for folder in sorted({config.db_path.parent, config.state_path.parent, heartbeat.parent}):
        if not folder.exists() and config.default_data_dir and folder == config.db_path.parent:
            with contextlib.suppress(OSError):
                folder.mkdir(parents=True, exist_ok=True)
        if not folder.is_dir():
            raise DataError(f"the data directory {folder} does not exist: create it (or mount "
                            "its volume), or point VACBOT_DB elsewhere")
        try:
            with tempfile.TemporaryFile(dir=folder, prefix=".vacbot-write-test-"):
                pass
        except OSError as exc:
            raise DataError(f"the data directory {folder} is not writable "
                            f"({exc.strerror or exc}): the bot keeps its knowledge base and "
                            "state there") from exc


def open_services(config: Config, now: Now = time.time) -> BotServices:
    """Clone the pages' repository if need be, open the knowledge base (building it as
    needed; open/closed settled for the date `now()` has in the configured time zone) and
    the state database; raises `StartupError` (or `DataError`) with a one-line reason.
    `now` (unix time) is the clock of everything planned: tests inject theirs."""
    try:
        source, knowledge = sync.open_pages(config, deadlines.today_in(config.timezone, now))
    except sqlite3.Error as exc:  # a full disk, an I/O error while building
        raise StartupError(f"cannot write the knowledge base {config.db_path} ({exc}); is "
                           "the disk full?") from exc
    try:
        state = open_state(config.state_path)
    except StateError as exc:
        knowledge.close()
        raise DataError(str(exc)) from exc
    return BotServices(config=config, knowledge=knowledge, state=state,
                       flood=FloodGuard(config.flood),
                       subscriptions=SubscriptionStore(state.conn),
                       fanout=FanOut.for_config(config), source=source, now=now)


def _is_admin(config: Config, update: object) -> bool:
    return (isinstance(update, Update) and update.effective_user is not None
            and update.effective_user.id in config.admin_ids)


def build_application(config: Config, services: BotServices | None = None) -> App:
    svc = services or open_services(config)
    state = svc.state

    def finished(update: object, handled: bool) -> None:
        if not isinstance(update, Update):
            return
        if not handled:
            state.forget(update.update_id)
            return
        state.finish(update.update_id, at_once=False)

    requests = (JournalRequest(state.journal, connection_pool_size=1),
                ApiRequest(connection_pool_size=config.send.in_flight + EXTRA_CONNECTIONS))
    app = (
        Application.builder()
        .token(config.token)
        .base_url(config.api_base_url)
        .base_file_url(config.api_file_url)
        .context_types(ContextTypes(context=VacContext))
        .update_queue(JournalQueue(state.journal, arrived=svc.flood.arrived))
        .get_updates_request(requests[0])
        .request(requests[1])
        .rate_limiter(TelegramLimits(config.send, priority_chats=config.admin_ids))
        .concurrent_updates(UpdateProcessor(
            config.concurrent_updates, first=lambda u: _is_admin(config, u), finished=finished))
        .post_init(post_init)
        .post_stop(post_stop)
        .post_shutdown(post_shutdown)
        .build()
    )
    app.bot_data[SERVICES] = svc
    app.bot_data[REQUESTS] = requests
    typed = cast(App, app)
    register_handlers(typed)
    return typed


def register_handlers(app: App) -> None:
    # group -1: the flood guard sees everything the bot would answer, before it is answered
    app.add_handler(MessageHandler(ANSWERED | (EDITED & PRIVATE), handlers.flood_guard),
                    group=-1)
    app.add_handler(CallbackQueryHandler(handlers.flood_guard), group=-1)

    app.add_handler(CommandHandler(ROUTER_COMMANDS, handlers.on_command, filters=NEW))
    for command, callback in ALERT_COMMANDS.items():
        app.add_handler(CommandHandler(command, callback, filters=NEW))
    app.add_handler(CommandHandler("reload", admin.on_reload, filters=NEW))
    app.add_handler(CommandHandler("stats", admin.on_stats, filters=NEW))
    app.add_handler(CommandHandler("status", status.on_status, filters=NEW))
    app.add_handler(MessageHandler(NEW & PRIVATE & filters.COMMAND, handlers.on_command))
    app.add_handler(MessageHandler(ANSWERED & filters.TEXT & ~filters.COMMAND,
                                   handlers.on_text))
    app.add_handler(MessageHandler(NEW & PRIVATE & filters.ATTACHMENT, handlers.on_media))
    app.add_handler(MessageHandler(EDITED & PRIVATE, handlers.on_edited))
    app.add_handler(CallbackQueryHandler(handlers.on_button))
    app.add_handler(InlineQueryHandler(handlers.on_inline_query))
    app.add_error_handler(handlers.on_error)
    services_of(app).actions.update(subscribe=alerts.on_subscribe_button,
                                    unsubscribe=alerts.on_remove_button)


# ---- start-up and shutdown ---------------------------------------------------------------


async def post_init(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Answer what a crash left unanswered, forget silent chats, register the command menus,
    send the alerts that pages changed while the bot was down call for, and plan the jobs:
    the next deadline's end, the looks at the pages, the next digest."""
    typed = cast(App, app)
    svc = services_of(typed)
    state = svc.state
    if state.get("bot_id") != str(app.bot.id):  # another bot's journal means nothing here
        state.journal.clear()
        state.put("bot_id", str(app.bot.id))
    if isinstance(app.update_queue, JournalQueue):
        replayed = await app.update_queue.replay(app.bot)
        if replayed:
            log.warning("%d updates received before the bot stopped were not handled; "
                        "handling them now", replayed)
    _prune(svc)
    app.bot_data[MENUS] = asyncio.create_task(_register_menus(typed), name="command-menus")
    if app.job_queue is not None:
        app.job_queue.run_repeating(_prune_job, PRUNE_EVERY, first=PRUNE_EVERY, name="prune")
    deadlines.install(typed)
    sync.install(typed)
    digest.schedule(typed)
    health.install_heartbeat(app, svc.config.heartbeat_path
                             or health.default_path(svc.config.state_path))
    await alerts.on_startup(typed)
    settle_memory()  # the knowledge base and libraries, loaded for good
    log.info("vacbot is up as @%s with %d vacancies", app.bot.username, len(svc.knowledge.kb))


async def _register_menus(app: App) -> None:
    """The command menus, in the background: retried while Telegram is down, a refusal (an
    admin who never wrote to the bot: "chat not found") a warning. Users are answered
    meanwhile; the menu only helps them type."""
    svc = services_of(app)
    backoff = svc.config.startup_backoff
    await startup.set_menu(app.bot, COMMANDS, None, "the command menu", backoff)
    for admin_id in sorted(svc.config.admin_ids):
        await startup.set_menu(app.bot, COMMANDS + ADMIN_COMMANDS,
                               BotCommandScopeChat(admin_id),
                               f"the admin command menu for admin {admin_id}", backoff)


async def post_stop(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Stop registering the command menus if Telegram has been down all along."""
    task = app.bot_data.pop(MENUS, None)
    if isinstance(task, asyncio.Task) and not task.done():
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def _prune(svc: BotServices) -> None:
    chats, questions = svc.state.prune(svc.config.state_ttl_days, time.time())
    if chats or questions:
        log.info("forgot %d chats silent for %d days and %d questions older than the "
                 "statistics keep", chats, svc.config.state_ttl_days, questions)


async def _prune_job(context: VacContext) -> None:
    _prune(context.services)


async def post_shutdown(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    svc = app.bot_data.get(SERVICES)
    if isinstance(svc, BotServices):
        svc.close()


@contextlib.asynccontextmanager
async def lifecycle(app: App, stop: asyncio.Event | None = None) -> AsyncIterator[App]:
    """What `Application.run_polling` does around the updater, for `vacbot run` (polling
    or webhook) and for tests: initialise (getMe, retried while Telegram is down, until
    `stop` is set: `startup.Stopped`), post_init, start; on the way out stop, shut down."""
    backoff = services_of(app).config.startup_backoff
    try:
        await startup.until_done(app.initialize, "getMe", backoff, stop)
    except BaseException:  # stopped, or the token rejected: close the HTTP clients
        for request in app.bot_data.get(REQUESTS, ()):
            await request.shutdown()
        raise
    try:
        if app.post_init is not None:
            await app.post_init(app)
        await app.start()
    except BaseException:
        await post_stop(app)
        await app.shutdown()
        raise
    try:
        yield app
    finally:
        if app.updater is not None and app.updater.running:
            # polling that ended on a refused token hands its error on here: it is told
            # once, by `_until_stopped_or_refused`
            with contextlib.suppress(InvalidToken):
                await app.updater.stop()
        if app.running:
            await app.stop()
        if app.post_stop is not None:
            await app.post_stop(app)
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)


# ---- vacbot run ------------------------------------------------------------------------


def webhook_options(config: Config, webhook_url: str, port: int,
                    listen: str = "0.0.0.0") -> dict[str, Any]:
    """Arguments for `updates.start_webhook`: listen on `port` at the URL's path, and have
    Telegram send the secret token with every update."""
    parts = urlsplit(webhook_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"--webhook-url must be a full URL such as "
                          f"https://bot.example.org/telegram, got {webhook_url!r}")
    return {
        "listen": listen,
        "port": port,
        "url_path": parts.path.strip("/"),
        "webhook_url": webhook_url,
        "secret_token": config.secret_token,
        "allowed_updates": list(ALLOWED_UPDATES),
        "max_body": config.webhook_max_body,
    }


def _polling_failed(exc: TelegramError) -> None:
    """A getUpdates that failed (python-telegram-bot polls again, waiting longer each time):
    one line, no traceback — Telegram or the network is down, nothing to debug."""
    log.warning("getUpdates failed (%s); polling again", exc)


async def start_polling(app: App, stop: asyncio.Event | None = None,
                        timeout: float = POLL_TIMEOUT, poll_interval: float = 0.0) -> None:
    """Poll for updates as `vacbot run` does: the webhook removed (retried while Telegram is
    down), then python-telegram-bot's updater, its failures one log line each."""
    assert app.updater is not None
    backoff = services_of(app).config.startup_backoff
    await startup.until_done(lambda: app.bot.delete_webhook(), "deleteWebhook", backoff, stop)
    await app.updater.start_polling(poll_interval=poll_interval, timeout=int(timeout),
                                    bootstrap_retries=-1, error_callback=_polling_failed,
                                    allowed_updates=list(ALLOWED_UPDATES))


async def serve(app: App, webhook: dict[str, Any] | None = None,
                stop: asyncio.Event | None = None) -> None:
    """Serve by polling (or at the `webhook` options) until SIGINT or SIGTERM (or `stop`);
    while Telegram cannot be reached at start-up, wait for it."""
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        async with lifecycle(app, stop):
            if webhook is None:
                await start_polling(app, stop)
                await _until_stopped_or_refused(app, stop)
                return
            server = await start_webhook(app.bot, app.update_queue, **webhook,
                                         backoff=services_of(app).config.startup_backoff,
                                         stop=stop)
            try:
                await stop.wait()
            finally:
                await stop_webhook(server)
    except startup.Stopped:
        log.info("stopped while waiting for Telegram")
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)


async def _until_stopped_or_refused(app: App, stop: asyncio.Event) -> None:
    """Wait for `stop`; if Telegram refuses the token meanwhile (it was revoked), polling
    has ended for good: raise `TokenRejected` so that `vacbot run` exits (code 2) and its
    supervisor or operator sees why, rather than the process idling on."""
    polling = app.bot_data[REQUESTS][0]
    assert isinstance(polling, JournalRequest)
    stopped = asyncio.ensure_future(stop.wait())
    refused = asyncio.ensure_future(polling.token_rejected.wait())
    try:
        await asyncio.wait((stopped, refused), return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopped.cancel()
        refused.cancel()
    if polling.token_rejected.is_set() and not stop.is_set():
        raise startup.TokenRejected(status=polling.rejected_status, running=True)


def run(webhook_url: str | None = None, port: int = 8443, seeds: str | None = None,
        db: str | None = None, err: TextIO | None = None, listen: str = "0.0.0.0") -> int:
    """Run until interrupted; the exit code (2: configuration, data directory or a token
    Telegram rejects, 1: no page can be served, or an unexpected error — logged, secrets
    scrubbed)."""
    err = err or sys.stderr
    try:
        config = load_config(seeds=seeds, db=db)
        options = webhook_options(config, webhook_url, port, listen) if webhook_url else None
    except ConfigError as exc:
        print(f"vacbot run: {exc}", file=err)
        return 2
    setup_logging(config.secrets, err)
    log_everything()
    try:
        check_data_dir(config)
        app = build_application(config)
        asyncio.run(serve(app, options))
    except (StartupError, startup.TokenRejected) as exc:
        print(f"vacbot run: {exc}", file=err)
        return exc.code
    except KeyboardInterrupt:  # before the signal handlers were set: building the pages
        return 130
    except Exception:
        log.exception("vacbot run stopped by an unexpected error")
        return 1
    return 0


# ---- logging -----------------------------------------------------------------------------

_QUIET = ("httpx", "httpcore", "apscheduler", "tornado.access")
_URL_PASSWORD = re.compile(r"(?<=://)[^/\s:@]+:[^/\s@]+@")


class RedactingFormatter(logging.Formatter):
    """Every log line, traceback included, with each secret replaced by `<token>` (httpx
    would log the bot token in URLs; an exception's message may carry any of them) and the
    password of a URL (`https://user:password@host`) by `<credentials>`."""

    def __init__(self, secrets: Iterable[str], fmt: str) -> None:
        super().__init__(fmt)
        self.secrets = tuple(sorted((s for s in secrets if s), key=len, reverse=True))

    def scrub(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "<token>")
        return _URL_PASSWORD.sub("<credentials>@", text) if "@" in text else text

    def format(self, record: logging.LogRecord) -> str:
        return self.scrub(super().format(record))


class _OneLineTelegramErrors(logging.Filter):
    """python-telegram-bot logs some failures with their traceback (a `getUpdates` that
    fails while stopping, an invalid token): a Telegram error is one line, its traceback
    shows only the library's internals."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, TelegramError):
            record.msg = f"{record.getMessage()} ({type(exc).__name__}: {exc})"
            record.args = None
            record.exc_info = record.exc_text = None
        return True


class _Handler(logging.StreamHandler[TextIO]):
    """A log line that cannot be formatted (a bug, or a value a forged update carried)
    becomes one line saying so, not the logging module's traceback on stderr."""

    def handleError(self, record: logging.LogRecord) -> None:
        problem = sys.exc_info()[1]
        with contextlib.suppress(Exception):
            text = f"a log line from {record.name} could not be written ({problem!r})"
            formatter = self.formatter
            line = formatter.scrub(text) if isinstance(formatter, RedactingFormatter) else text
            self.stream.write(line + self.terminator)


def setup_logging(secrets: str | Iterable[str], stream: TextIO | None = None,
                  level: int = logging.INFO) -> None:
    """Log to `stream` (stderr) with `secrets` redacted; quiet the chatty HTTP libraries."""
    handler = _Handler(stream or sys.stderr)
    handler.addFilter(_OneLineTelegramErrors())
    handler.setFormatter(RedactingFormatter(
        (secrets,) if isinstance(secrets, str) else secrets,
        "%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in list(root.handlers):
        if isinstance(old.formatter, RedactingFormatter):
            root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in _QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)


def log_everything() -> None:
    """Warnings and uncaught exceptions of any thread go through the log (and so through
    `RedactingFormatter`), not straight to stderr."""
    logging.captureWarnings(True)
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_uncaught_in_thread


def _log_uncaught(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
    log.critical("uncaught %s", kind.__name__, exc_info=(kind, exc, tb))


def _log_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        log.critical("uncaught %s in thread %s", args.exc_type.__name__,
                     args.thread.name if args.thread else "?",
                     exc_info=(args.exc_type, args.exc_value, args.exc_traceback))

