"""Telegram's rate limits, plus a cap on requests in flight.

`AIORateLimiter` keeps the bot within Telegram's broadcast limits (30 messages/s overall,
20/minute per group) and retries after a 429. On top of that, `BoundedRateLimiter` lets at
most `max_in_flight` requests reach the HTTP client at once — as many as it has connections.
With hundreds of updates processed concurrently, the excess then waits on an asyncio
semaphore instead of in httpx's connection pool, where waiting costs time per queued request
and fails with a pool timeout (`TimedOut`) after one second by default.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.ext import AIORateLimiter

JSONDict = dict[str, Any]


class BoundedRateLimiter(AIORateLimiter):
    def __init__(self, *, max_in_flight: int, overall_max_rate: float = 30,
                 max_retries: int = 3) -> None:
        super().__init__(overall_max_rate=overall_max_rate, max_retries=max_retries)
        self.max_in_flight = max_in_flight
        self._in_flight = asyncio.BoundedSemaphore(max_in_flight)

    @property
    def saturated(self) -> bool:
        """True while every slot is taken: further requests would have to wait."""
        return self._in_flight.locked()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        async with self._in_flight:
            return await super().process_request(callback, args, kwargs, endpoint, data,
                                                 rate_limit_args)
