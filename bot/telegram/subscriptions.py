"""Vacancy alerts' storage: subscriptions and deliveries in the bot's state database.

Three tables of the state database (`bot.telegram.state`, where the schema is), written at
once (no buffering: a subscription survives a crash the moment it is confirmed):

- `alert_subscriptions` — (chat, normalised words), unique per chat; the id is what the
  remove buttons carry (AUTOINCREMENT: an old button never removes a newer subscription);
- `alert_deliveries` — one row per (chat, vacancy) ever planned: `pending` until sent,
  then `sent` (or `failed` after the last retry). The primary key is the "never twice"
  guarantee: a pair is planned at most once, whatever reloads and restarts follow, and
  pending rows left by a stop are sent at the next start;
- `alert_seen` — {vacancy id: closed} as of the last announcement, so a start-up can tell
  what pages added or reopened while the bot was down;
- `subscriber_events` — a chat's first subscription ("new") and the removal of its last one,
  by the user or because the chat cannot be reached any more ("lost"), for the digest.

No Telegram here; `bot.telegram.alerts` sends.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from bot.alerts import Match, Subscription
from bot.telegram.config import Config
from bot.telegram.state import transaction
from knowledge import Listing

MAX_PER_CHAT = 20

class Added(StrEnum):
    ADDED = "added"
    EXISTS = "exists"
    FULL = "full"


@dataclass(frozen=True, slots=True)
class Pending:
    chat_id: int
    vacancy: str
    words: str
    reopened: bool
    attempts: int

    @property
    def key(self) -> tuple[int, str]:
        return (self.chat_id, self.vacancy)


@dataclass
class FanOut:
    """How alerts are sent: `rate` messages per second at most (0: no own limit), at most
    `in_flight` at once, a failed send retried after `backoff[n]` seconds, `attempts` tries
    in all. `draining` is set while the sending job runs; `planning` makes announcements
    one at a time."""

    rate: float = 25.0
    in_flight: int = 2
    backoff: tuple[float, ...] = (5.0, 30.0, 120.0, 600.0)
    attempts: int = 5
    draining: bool = field(default=False, compare=False)
    planning: asyncio.Lock = field(default_factory=asyncio.Lock, compare=False, repr=False)

    @classmethod
    def for_config(cls, config: Config) -> FanOut:
        """`Config.alert_pace`, and half of the connections to the Bot API."""
        return cls(rate=config.alert_pace, in_flight=max(1, config.send.in_flight // 2))


class SubscriptionStore:
    """Alerts' queries on the state database's connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    # ---- subscriptions -------------------------------------------------------------------

    def add(self, chat_id: int, words: str) -> Added:
        with transaction(self._conn):
            count = self._conn.execute("SELECT count(*) FROM alert_subscriptions WHERE "
                                       "chat_id = ?", (chat_id,)).fetchone()[0]
            cur = self._conn.execute(
                "INSERT OR IGNORE INTO alert_subscriptions (chat_id, words, created_at) "
                "SELECT ?, ?, ? WHERE ? < ?",
                (chat_id, words, int(time.time()), count, MAX_PER_CHAT))
            if cur.rowcount and not count:
                self._event("new")
        if cur.rowcount:
            return Added.ADDED
        return Added.EXISTS if self.has(chat_id, words) else Added.FULL

    def add_many(self, subscriptions: Iterable[Subscription]) -> None:
        """Bulk insert (for benchmarks and imports); existing pairs are kept."""
        now = int(time.time())
        with transaction(self._conn):
            self._conn.executemany(
                "INSERT OR IGNORE INTO alert_subscriptions (chat_id, words, created_at) "
                "VALUES (?, ?, ?)", ((s.chat_id, s.words, now) for s in subscriptions))

    def has(self, chat_id: int, words: str | None = None) -> bool:
        if words is None:
            row = self._conn.execute("SELECT 1 FROM alert_subscriptions WHERE chat_id = ? "
                                     "LIMIT 1", (chat_id,)).fetchone()
        else:
            row = self._conn.execute("SELECT 1 FROM alert_subscriptions WHERE chat_id = ? AND "
                                     "words = ?", (chat_id, words)).fetchone()
        return row is not None

    def of_chat(self, chat_id: int) -> list[tuple[int, str]]:
        """(id, words) of a chat's subscriptions, oldest first."""
        return [(int(i), str(w)) for i, w in self._conn.execute(
            "SELECT id, words FROM alert_subscriptions WHERE chat_id = ? ORDER BY id",
            (chat_id,))]

    def all(self) -> list[Subscription]:
        return [Subscription(int(c), str(w)) for c, w in self._conn.execute(
            "SELECT chat_id, words FROM alert_subscriptions ORDER BY id")]

    def subscribers(self) -> int:
        return int(self._conn.execute(
            "SELECT count(DISTINCT chat_id) FROM alert_subscriptions").fetchone()[0])

    def remove(self, chat_id: int, words: str) -> bool:
        """Remove one subscription (and the alerts it queued that are not sent yet)."""
        with transaction(self._conn):
            cur = self._conn.execute("DELETE FROM alert_subscriptions WHERE chat_id = ? AND "
                                     "words = ?", (chat_id, words))
            self._conn.execute("DELETE FROM alert_deliveries WHERE chat_id = ? AND words = ? "
                               "AND status = 'pending'", (chat_id, words))
            if cur.rowcount and not self.has(chat_id):
                self._event("lost")
        return cur.rowcount > 0

    def remove_id(self, chat_id: int, sub_id: int) -> str | None:
        """Remove the chat's subscription `sub_id`; its words, or None if there is none."""
        row = self._conn.execute("SELECT words FROM alert_subscriptions WHERE id = ? AND "
                                 "chat_id = ?", (sub_id, chat_id)).fetchone()
        if row is None:
            return None
        self.remove(chat_id, str(row[0]))
        return str(row[0])

    def remove_all(self, chat_id: int) -> int:
        """Remove every subscription of the chat and its unsent alerts; how many there were."""
        with transaction(self._conn):
            cur = self._conn.execute("DELETE FROM alert_subscriptions WHERE chat_id = ?",
                                     (chat_id,))
            self._conn.execute("DELETE FROM alert_deliveries WHERE chat_id = ? AND "
                               "status = 'pending'", (chat_id,))
            if cur.rowcount:
                self._event("lost")
        return cur.rowcount

    def migrate(self, old: int, new: int) -> None:
        """A group became a supergroup: its subscriptions and alerts move to the new id."""
        with transaction(self._conn):
            for table in ("alert_subscriptions", "alert_deliveries"):
                self._conn.execute(f"UPDATE OR IGNORE {table} SET chat_id = ? WHERE chat_id = ?",
                                   (new, old))
                self._conn.execute(f"DELETE FROM {table} WHERE chat_id = ?", (old,))

    def _event(self, kind: str) -> None:
        self._conn.execute("INSERT INTO subscriber_events (ts, kind) VALUES (?, ?)",
                           (int(time.time()), kind))

    def changes(self, since: float, until: float) -> tuple[int, int]:
        """(new, lost) subscribers from `since` up to `until`: chats that took their first
        alert, and chats whose last alert was removed (by them, or because they blocked the
        bot)."""
        rows = dict(self._conn.execute(
            "SELECT kind, count(*) FROM subscriber_events WHERE ts >= ? AND ts < ? "
            "GROUP BY kind", (int(since), int(until))).fetchall())
        return int(rows.get("new", 0)), int(rows.get("lost", 0))

    # ---- what was seen -------------------------------------------------------------------

    def seen(self) -> dict[str, bool] | None:
        """{vacancy id: closed} at the last announcement; None before the first one."""
        if self._conn.execute("SELECT 1 FROM meta WHERE key = 'alerts_seen'").fetchone() is None:
            return None
        return {str(v): bool(c) for v, c in self._conn.execute(
            "SELECT vacancy_id, closed FROM alert_seen")}

    def _remember(self, listings: Iterable[Listing]) -> None:
        self._conn.execute("DELETE FROM alert_seen")
        self._conn.executemany("INSERT INTO alert_seen (vacancy_id, closed) VALUES (?, ?)",
                               ((x.id, int(x.closed)) for x in listings))
        self._conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('alerts_seen', ?)",
                           (str(int(time.time())),))

    # ---- deliveries ----------------------------------------------------------------------

    def plan(self, matches: Iterable[Match], listings: Iterable[Listing]) -> int:
        """Queue an alert for every match not planned before, and remember `listings` as
        seen, in one transaction; the number of chats that will get an alert."""
        chats: set[int] = set()
        now = int(time.time())
        with transaction(self._conn):
            for m in matches:
                cur = self._conn.execute(
                    "INSERT OR IGNORE INTO alert_deliveries (chat_id, vacancy_id, words, "
                    "reopened, status, updated_at) VALUES (?, ?, ?, ?, 'pending', ?)",
                    (m.chat_id, m.vacancy, m.words, int(m.reopened), now))
                if cur.rowcount:
                    chats.add(m.chat_id)
            self._remember(listings)
        return len(chats)

    def due(self, now: float, limit: int, skip: frozenset[tuple[int, str]] = frozenset()
            ) -> list[Pending]:
        """Pending alerts whose time has come, oldest first, leaving out `skip`."""
        rows = self._conn.execute(
            "SELECT chat_id, vacancy_id, words, reopened, attempts FROM alert_deliveries "
            "WHERE status = 'pending' AND not_before <= ? ORDER BY rowid LIMIT ?",
            (now, limit + len(skip)))
        found = (Pending(int(c), str(v), str(w), bool(r), int(a)) for c, v, w, r, a in rows)
        return [p for p in found if p.key not in skip][:limit]

    def next_due(self, now: float) -> float | None:
        """When the next alert waiting for a retry is due (None: none is waiting)."""
        row = self._conn.execute("SELECT min(not_before) FROM alert_deliveries WHERE "
                                 "status = 'pending' AND not_before > ?", (now,)).fetchone()
        return float(row[0]) if row and row[0] is not None else None

    def pending(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM alert_deliveries WHERE "
                                      "status = 'pending'").fetchone()[0])

    def status(self, chat_id: int, vacancy: str) -> str | None:
        row = self._conn.execute("SELECT status FROM alert_deliveries WHERE chat_id = ? AND "
                                 "vacancy_id = ?", (chat_id, vacancy)).fetchone()
        return str(row[0]) if row else None

    def _set(self, p: Pending, sql: str, *args: object) -> None:
        self._conn.execute(f"UPDATE alert_deliveries SET {sql}, updated_at = ? WHERE "
                           "chat_id = ? AND vacancy_id = ?",
                           (*args, int(time.time()), p.chat_id, p.vacancy))

    def sent(self, p: Pending) -> None:
        self._set(p, "status = 'sent', attempts = attempts + 1")

    def retry(self, p: Pending, at: float) -> None:
        self._set(p, "attempts = attempts + 1, not_before = ?", at)

    def failed(self, p: Pending) -> None:
        self._set(p, "status = 'failed', attempts = attempts + 1")

    def forget(self, p: Pending) -> None:
        """Drop a pending alert that is moot (vacancy gone or closed, chat unsubscribed): a
        later reopening may then still announce it."""
        self._conn.execute("DELETE FROM alert_deliveries WHERE chat_id = ? AND vacancy_id = ? "
                           "AND status = 'pending'", (p.chat_id, p.vacancy))
