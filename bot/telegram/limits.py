"""Telegram's limits, both ways: what the bot sends (`TelegramLimits`, the rate limiter every
Bot API request goes through) and what one user may ask (`FloodGuard`).

Sending, as Telegram documents its limits:

- replies are paced per chat, not overall: a chat gets `chat_burst` messages at once, then
  `chat_rate` per second; a group also at most `group_per_minute` in any 60 seconds. Replies
  to many different users are never held to the broadcast limit;
- bulk notifications (alerts, sent with `BULK`) are held to `bulk_rate` per second overall;
- a 429 says how long to wait: the chat (for a bulk send, all bulk sends) waits that long,
  then the request is tried again;
- server errors (5xx), timeouts and network failures are retried after `backoff[n]`
  seconds, `len(backoff)` times; Telegram's refusals (400, 403, a migrated chat) are not.
  A send finally given up is logged with its chat and raised to the caller;
- at most `in_flight` requests are on the wire at once (as many as the HTTP pool has
  connections), except for the `priority_chats` (admins), which never queue behind users.

python-telegram-bot's guidance is that a rate limiter handles only 429s; retrying the other
transient errors here keeps one place that knows the chat, the attempt and the back-off,
and frees the connection while a request waits.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time
import warnings
from collections import deque
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import dataclass
from enum import Enum
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

from bot.telegram.config import FloodLimits, SendLimits

log = logging.getLogger(__name__)

JSONDict = dict[str, Any]
MESSAGES = frozenset({"sendMessage", "editMessageText", "editMessageReplyMarkup",
                      "editMessageCaption", "copyMessage", "forwardMessage", "sendPhoto",
                      "sendDocument"})
_MAX_TRACKED = 50_000


@dataclass(frozen=True, slots=True)
class Policy:
    """How one request is sent (`rate_limit_args` of python-telegram-bot's methods)."""

    bulk: bool = False  # a bulk notification: counts against `bulk_rate`
    attempts: int = 0  # tries in all; 0 = 1 + len(backoff)


BULK = Policy(bulk=True, attempts=2)  # alerts keep their own, longer-lived retries
ONCE = Policy(attempts=1)  # cosmetic requests (typing…): never worth waiting for
# Sent once here: cosmetic (typing…), or retried by their caller for as long as Telegram is
# down, with its own back-off and log lines (the start-up calls: `bot.telegram.startup`).
SENT_ONCE = frozenset({"sendChatAction", "getMe", "deleteWebhook", "setWebhook",
                       "setMyCommands"})


def retry_after_seconds(exc: RetryAfter) -> float:
    """The wait a 429 asks for, in seconds (quiet about PTB's coming type change)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


class TokenBucket:
    """`capacity` at once, refilled at `rate` per second. `reserve` takes a token, possibly
    one that has not refilled yet, and says how long to wait for it (reservations queue)."""

    __slots__ = ("at", "capacity", "rate", "tokens")

    def __init__(self, capacity: float, rate: float, now: float) -> None:
        self.capacity, self.rate = capacity, rate
        self.tokens, self.at = capacity, now

    def reserve(self, now: float) -> float:
        if self.rate <= 0:
            return 0.0
        self.tokens = min(self.capacity, self.tokens + (now - self.at) * self.rate)
        self.at = now
        self.tokens -= 1.0
        return 0.0 if self.tokens >= 0 else -self.tokens / self.rate

    def full(self, now: float) -> bool:
        return self.rate <= 0 or self.tokens + (now - self.at) * self.rate >= self.capacity


class Window:
    """At most `count` events in any `period` seconds; `reserve` says how long to wait."""

    __slots__ = ("count", "period", "times")

    def __init__(self, count: int, period: float) -> None:
        self.count, self.period = count, period
        self.times: deque[float] = deque(maxlen=count)

    def reserve(self, now: float) -> float:
        at = now if len(self.times) < self.count else max(now, self.times[0] + self.period)
        self.times.append(at)
        return at - now

    def idle(self, now: float) -> bool:
        return not self.times or self.times[-1] + self.period <= now


class _Chat:
    __slots__ = ("blocked_until", "bucket", "window")

    def __init__(self, limits: SendLimits, group: bool, now: float) -> None:
        self.bucket = TokenBucket(limits.chat_burst, limits.chat_rate, now)
        self.window = Window(limits.group_per_minute, 60.0) if group else None
        self.blocked_until = 0.0

    def idle(self, now: float) -> bool:
        return (self.bucket.full(now) and self.blocked_until <= now
                and (self.window is None or self.window.idle(now)))


def chat_of(data: JSONDict) -> int | str | None:
    chat = data.get("chat_id")
    if isinstance(chat, bool) or chat is None:
        return None
    if isinstance(chat, int):
        return chat
    text = str(chat)
    return int(text) if text.lstrip("-").isdigit() else text


class TelegramLimits(BaseRateLimiter[Policy]):
    def __init__(self, limits: SendLimits, priority_chats: frozenset[int] = frozenset(),
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.priority_chats = priority_chats
        self.clock = clock
        self._chats: dict[int | str, _Chat] = {}
        self._bulk = TokenBucket(max(limits.bulk_rate, 1.0), limits.bulk_rate, clock())
        self._bulk_blocked_until = 0.0
        self._in_flight = asyncio.Semaphore(max(1, limits.in_flight))

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    @property
    def saturated(self) -> bool:
        """True while every connection is busy: a further request would have to wait."""
        return self._in_flight.locked()

    def _chat(self, chat: int | str, now: float) -> _Chat:
        found = self._chats.get(chat)
        if found is None:
            if len(self._chats) >= _MAX_TRACKED:
                self._chats = {k: c for k, c in self._chats.items() if not c.idle(now)}
            group = isinstance(chat, str) or chat < 0
            found = self._chats[chat] = _Chat(self.limits, group, now)
        return found

    def delay(self, endpoint: str, chat: int | str | None, policy: Policy) -> float:
        """Reserve this request's turn; the seconds it must wait for it."""
        now = self.clock()
        wait = 0.0
        if policy.bulk:
            wait = max(self._bulk_blocked_until - now, self._bulk.reserve(now))
        if chat is not None and endpoint in MESSAGES:
            state = self._chat(chat, now)
            wait = max(wait, state.blocked_until - now, state.bucket.reserve(now))
            if state.window is not None:
                wait = max(wait, state.window.reserve(now))
        elif chat is not None and chat in self._chats:
            wait = max(wait, self._chats[chat].blocked_until - now)
        return wait

    def block(self, chat: int | str | None, policy: Policy, seconds: float) -> None:
        """A 429: hold the chat (and, for bulk sends, all bulk sends) for `seconds`."""
        until = self.clock() + seconds
        if chat is not None:
            state = self._chat(chat, self.clock())
            state.blocked_until = max(state.blocked_until, until)
        if policy.bulk or chat is None:
            self._bulk_blocked_until = max(self._bulk_blocked_until, until)

    @contextlib.asynccontextmanager
    async def _slot(self, chat: int | str | None) -> AsyncIterator[None]:
        if chat in self.priority_chats:
            yield
            return
        async with self._in_flight:
            yield

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: Policy | None,
    ) -> bool | JSONDict | list[JSONDict]:
        policy = rate_limit_args or (ONCE if endpoint in SENT_ONCE else Policy())
        chat = chat_of(data)
        attempts = policy.attempts or 1 + len(self.limits.backoff)
        attempt = 0
        while True:
            attempt += 1
            wait = self.delay(endpoint, chat, policy)
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                async with self._slot(chat):
                    return await callback(*args, **kwargs)
            except RetryAfter as exc:
                seconds = retry_after_seconds(exc)
                self.block(chat, policy, seconds)
                if attempt >= attempts:
                    self._gave_up(endpoint, chat, attempt, exc)
                    raise
                log.info("%s to chat %s: Telegram asks to wait %.0f s; waiting", endpoint,
                         chat, seconds)
            except BadRequest:
                raise  # the request itself is wrong: the same again would fail again
            except NetworkError as exc:  # 5xx, timeouts, connection failures
                if attempt >= attempts:
                    self._gave_up(endpoint, chat, attempt, exc)
                    raise
                backoff = self.limits.backoff
                pause = backoff[min(attempt - 1, len(backoff) - 1)] if backoff else 0.0
                log.info("%s to chat %s failed (%s); try %d of %d in %.1f s", endpoint, chat,
                         exc, attempt + 1, attempts, pause)
                await asyncio.sleep(pause)

    @staticmethod
    def _gave_up(endpoint: str, chat: int | str | None, tries: int, exc: Exception) -> None:
        if endpoint not in SENT_ONCE:  # cosmetic, or its caller says what happened
            log.error("gave up on %s to chat %s after %d %s: %s", endpoint, chat, tries,
                      "try" if tries == 1 else "tries", exc)


# ---- incoming: the per-user flood guard ------------------------------------------------


class Verdict(Enum):
    ALLOW = "allow"
    WARN = "warn"  # over the limit: say so once
    DROP = "drop"  # still over the limit: stay quiet


class FloodGuard:
    """A user may send `burst` messages at once and then one every `1/rate` seconds, counted
    when the messages *arrive* (`arrived`, called as each update is queued), not when the bot
    gets round to them: a user's messages are answered one after the other, each waiting for
    the chat's send pace, so judged then, 50 messages in one second would look like one a
    second. The first message over the limit gets a short, friendly note; every further one
    of the same flood is dropped silently (the guard never adds to a flood itself). A flood
    ends when the user has sent nothing over the limit for as long as the bucket takes to
    refill (`burst / rate` seconds): one note per flood, however long it lasts."""

    def __init__(self, limits: FloodLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        self._buckets: dict[int, TokenBucket] = {}
        self._refused: dict[int, float] = {}  # user -> when a message was last refused
        self._arrivals: dict[int, float] = {}  # update id -> when it arrived

    @property
    def quiet(self) -> float:
        """Seconds without a refused message that end a flood."""
        return self.limits.burst / self.limits.rate if self.limits.rate > 0 else float("inf")

    def arrived(self, update_id: int) -> None:
        """Note when update `update_id` arrived (called as it is queued)."""
        if len(self._arrivals) >= _MAX_TRACKED:  # updates that never reached the guard
            self._arrivals.clear()
        self._arrivals[update_id] = self.clock()

    def check(self, user_id: int, update_id: int | None = None) -> Verdict:
        """The verdict on a message of `user_id`, judged at the time update `update_id`
        arrived (now, if its arrival was not noted)."""
        arrived = self._arrivals.pop(update_id, None) if update_id is not None else None
        if not self.limits.enabled:
            return Verdict.ALLOW
        now = self.clock() if arrived is None else arrived
        bucket = self._buckets.get(user_id)
        if bucket is None:
            if len(self._buckets) >= _MAX_TRACKED:
                self._buckets = {u: b for u, b in self._buckets.items() if not b.full(now)}
                self._refused = {u: t for u, t in self._refused.items()
                                 if now - t < self.quiet}
            bucket = self._buckets[user_id] = TokenBucket(self.limits.burst, self.limits.rate,
                                                          now)
        now = max(now, bucket.at)  # one user's updates may be handled slightly out of order
        if bucket.reserve(now) == 0.0:
            return Verdict.ALLOW
        bucket.tokens += 1.0  # refused: give the reservation back
        last = self._refused.get(user_id)
        self._refused[user_id] = now
        if last is not None and now - last < self.quiet:
            return Verdict.DROP
        return Verdict.WARN

    def wait_seconds(self, user_id: int) -> int:
        """Roughly how long until `user_id` may ask again."""
        bucket = self._buckets.get(user_id)
        if bucket is None or self.limits.rate <= 0:
            return 0
        return max(1, round((1.0 - bucket.tokens) / self.limits.rate))
