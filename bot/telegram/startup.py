"""Starting while Telegram is down: the start-up calls are retried until they succeed.

`vacbot run` needs three things from the Bot API before it can serve: who the bot is
(`getMe`), no webhook left over when it polls (`deleteWebhook`) or its own webhook set
(`setWebhook`). While the network or Telegram fails (a timeout, a dropped connection, HTTP
5xx, a 429) each is tried again after `Config.startup_backoff` — 1, 2, 5, 10, 30 s, then
every 60 s, for as long as it takes — with one log line per failure, and the bot starts as
soon as Telegram answers. A stop signal ends the waiting. A token Telegram rejects (401, or
404 for a malformed one) is not retried: `TokenRejected` says so in one line.

The command menus (`setMyCommands`) are not needed to answer anyone: they are registered in
the background, retried the same way while Telegram fails, and a refusal (a 400, or an
answer that is not one) is a warning — the bot serves without the menu.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from telegram import Bot, BotCommand, BotCommandScope
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter, TelegramError

from bot.telegram.config import STARTUP_BACKOFF
from bot.telegram.limits import retry_after_seconds

log = logging.getLogger(__name__)

T = TypeVar("T")

BACKOFF = STARTUP_BACKOFF  # seconds between tries; the last one repeats


class TokenRejected(Exception):
    """Telegram refused the token: one line for the operator (exit code 2)."""

    code = 2

    def __init__(self, exc: InvalidToken | None = None, status: int = 401,
                 running: bool = False) -> None:
        if exc is not None:
            status = 404 if "not found" in exc.message.lower() else 401
        when = " while the bot was running (revoked?)" if running else ""
        super().__init__(f"Telegram rejected the token ({status}){when}: check "
                         "TELEGRAM_BOT_TOKEN")


class Stopped(Exception):
    """A stop signal came while waiting for Telegram."""


def is_transient(exc: BaseException) -> bool:
    """An error that waiting may cure: the network, a timeout, HTTP 5xx, a 429."""
    return (isinstance(exc, (NetworkError, RetryAfter))
            and not isinstance(exc, (BadRequest, InvalidToken)))


def _pause(backoff: Sequence[float], failures: int, exc: BaseException) -> float:
    if isinstance(exc, RetryAfter):
        return retry_after_seconds(exc)
    if not backoff:
        return 0.0
    return backoff[min(failures - 1, len(backoff) - 1)]


async def _wait(seconds: float, stop: asyncio.Event | None) -> None:
    if stop is None:
        await asyncio.sleep(seconds)
        return
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except TimeoutError:
        return
    raise Stopped


async def until_done(call: Callable[[], Awaitable[T]], what: str,
                     backoff: Sequence[float] = BACKOFF,
                     stop: asyncio.Event | None = None) -> T:
    """`call()` until it succeeds, waiting `backoff` between tries while Telegram cannot be
    reached; one warning line per failure. Raises TokenRejected, Stopped, or the first error
    that waiting cannot cure (a refusal)."""
    failures = 0
    while True:
        if stop is not None and stop.is_set():
            raise Stopped
        try:
            result = await call()
        except InvalidToken as exc:
            raise TokenRejected(exc) from None
        except TelegramError as exc:
            if not is_transient(exc):
                raise
            failures += 1
            pause = _pause(backoff, failures, exc)
            log.warning("start-up: %s failed (%s); Telegram or the network is down, trying "
                        "again in %g s", what, exc, pause)
            await _wait(pause, stop)
            continue
        if failures:
            log.info("start-up: %s succeeded after %d failed %s", what, failures,
                     "try" if failures == 1 else "tries")
        return result


async def set_menu(bot: Bot, commands: Sequence[BotCommand], scope: BotCommandScope | None,
                   what: str, backoff: Sequence[float] = BACKOFF) -> bool:
    """Register one command menu, retried while Telegram cannot be reached; a refusal is a
    warning (the bot works without the menu). True if it was registered."""
    try:
        await until_done(lambda: bot.set_my_commands(commands, scope=scope), what, backoff)
    except Exception as exc:  # a 400, `ok: false` with HTTP 200 (no result), ...: a warning
        log.warning("could not register %s (%s: %s); the bot works without it",
                    what, type(exc).__name__, exc)
        return False
    return True
