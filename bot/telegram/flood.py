"""A polite per-user flood guard: a token bucket per user id.

A user may send `burst` messages at once and then one every `1/rate` seconds. The first
message over the limit gets a short, friendly note; further ones are dropped silently until
the bucket refills (so the guard never adds to a flood itself).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from bot.telegram.config import FloodLimits

_MAX_TRACKED = 50_000


class Verdict(Enum):
    ALLOW = "allow"
    WARN = "warn"  # over the limit: say so once
    DROP = "drop"  # still over the limit: stay quiet


@dataclass(slots=True)
class _Bucket:
    tokens: float
    at: float
    warned: bool = False


class FloodGuard:
    def __init__(self, limits: FloodLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        self._buckets: dict[int, _Bucket] = {}

    def check(self, user_id: int) -> Verdict:
        if not self.limits.enabled:
            return Verdict.ALLOW
        now = self.clock()
        bucket = self._buckets.get(user_id)
        if bucket is None:
            if len(self._buckets) >= _MAX_TRACKED:
                self._forget_idle(now)
            bucket = self._buckets[user_id] = _Bucket(float(self.limits.burst), now)
        bucket.tokens = min(float(self.limits.burst),
                            bucket.tokens + (now - bucket.at) * self.limits.rate)
        bucket.at = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            bucket.warned = False
            return Verdict.ALLOW
        if bucket.warned:
            return Verdict.DROP
        bucket.warned = True
        return Verdict.WARN

    def wait_seconds(self, user_id: int) -> int:
        """Roughly how long until `user_id` may ask again."""
        bucket = self._buckets.get(user_id)
        if bucket is None or self.limits.rate <= 0:
            return 0
        return max(1, round((1.0 - bucket.tokens) / self.limits.rate))

    def _forget_idle(self, now: float) -> None:
        """Drop users whose bucket has refilled: they are indistinguishable from new ones."""
        full = self.limits.burst / self.limits.rate if self.limits.rate > 0 else float("inf")
        self._buckets = {u: b for u, b in self._buckets.items() if now - b.at < full}
