"""Usage statistics for `/stats`: questions per intent per day, answered vs fallback, and the
latest questions the bot could not answer.

User ids are never stored in clear: each is replaced by a keyed hash (HMAC-SHA256 with a
random key kept in the state database), enough to count distinct users and nothing more.
Events are buffered in memory and written in batches (`flush`), so recording one costs
nothing noticeable on the answering path; rows older than `RETENTION_DAYS` are pruned.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import secrets
import sqlite3
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bot.telegram.persistence import connect_state

log = logging.getLogger(__name__)

RETENTION_DAYS = 90
MAX_TEXT = 300  # characters of an unanswered question that are kept
UNANSWERED = frozenset({"fallback"})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS stats_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS questions (
    ts INTEGER NOT NULL,
    source TEXT NOT NULL,      -- text | command | button
    intent TEXT NOT NULL,
    user_hash TEXT NOT NULL,
    text TEXT NOT NULL         -- only kept for unanswered questions
);
CREATE INDEX IF NOT EXISTS questions_ts ON questions (ts);
"""


@dataclass(frozen=True, slots=True)
class Unanswered:
    when: dt.datetime
    user: str  # hashed
    text: str


@dataclass(slots=True)
class Summary:
    days: int
    per_day: dict[dt.date, Counter[str]] = field(default_factory=dict)
    per_intent: Counter[str] = field(default_factory=Counter)
    users: int = 0
    latest_unanswered: list[Unanswered] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.per_intent.values())

    @property
    def unanswered(self) -> int:
        return sum(n for intent, n in self.per_intent.items() if intent in UNANSWERED)

    @property
    def answered(self) -> int:
        return self.total - self.unanswered


class Stats:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn = connect_state(path)
        self._conn.executescript(_SCHEMA)
        self._key = self._secret()
        self._pending: list[tuple[int, str, str, str, str]] = []
        self._hashes: dict[int, str] = {}
        self._lock = threading.Lock()

    def _secret(self) -> bytes:
        row = self._conn.execute("SELECT value FROM stats_meta WHERE key = 'user_key'").fetchone()
        if row is not None:
            return bytes.fromhex(row[0])
        key = secrets.token_bytes(32)
        self._conn.execute("INSERT OR IGNORE INTO stats_meta (key, value) VALUES ('user_key', ?)",
                           (key.hex(),))
        row = self._conn.execute("SELECT value FROM stats_meta WHERE key = 'user_key'").fetchone()
        return bytes.fromhex(row[0])

    def user_hash(self, user_id: int | None) -> str:
        if user_id is None:
            return "-"
        found = self._hashes.get(user_id)
        if found is None:
            if len(self._hashes) >= 100_000:
                self._hashes.clear()
            found = self._hashes[user_id] = hmac.new(
                self._key, str(user_id).encode(), hashlib.sha256).hexdigest()[:12]
        return found

    def record(self, source: str, intent: str, user_id: int | None, text: str,
               now: float | None = None) -> None:
        """Remember one question; its text only if it went unanswered."""
        kept = " ".join(text.split())[:MAX_TEXT] if intent in UNANSWERED else ""
        with self._lock:
            self._pending.append((int(now if now is not None else time.time()), source, intent,
                                  self.user_hash(user_id), kept))

    def flush(self, now: float | None = None) -> None:
        with self._lock:
            rows, self._pending = self._pending, []
        cutoff = int((now if now is not None else time.time()) - RETENTION_DAYS * 86400)
        with self._conn:
            if rows:
                self._conn.executemany(
                    "INSERT INTO questions (ts, source, intent, user_hash, text) "
                    "VALUES (?, ?, ?, ?, ?)", rows)
            self._conn.execute("DELETE FROM questions WHERE ts < ?", (cutoff,))

    def summary(self, days: int = 7, latest: int = 10, now: float | None = None) -> Summary:
        """The last `days` days (today included, UTC) and the `latest` unanswered questions."""
        self.flush(now)
        today = dt.datetime.fromtimestamp(now if now is not None else time.time(), dt.UTC).date()
        first = today - dt.timedelta(days=days - 1)
        since = int(dt.datetime.combine(first, dt.time(), dt.UTC).timestamp())
        out = Summary(days)
        for day, intent, n in self._conn.execute(
            "SELECT date(ts, 'unixepoch'), intent, count(*) FROM questions WHERE ts >= ? "
            "GROUP BY 1, 2", (since,)):
            out.per_day.setdefault(dt.date.fromisoformat(day), Counter())[intent] += n
            out.per_intent[intent] += n
        out.users = self._conn.execute(
            "SELECT count(DISTINCT user_hash) FROM questions WHERE ts >= ?", (since,)
        ).fetchone()[0]
        out.latest_unanswered = [
            Unanswered(dt.datetime.fromtimestamp(ts, dt.UTC), user, text)
            for ts, user, text in self._conn.execute(
                "SELECT ts, user_hash, text FROM questions WHERE text != '' "
                "ORDER BY ts DESC, rowid DESC LIMIT ?", (latest,))
        ]
        return out

    def close(self) -> None:
        try:
            self.flush()
        except sqlite3.Error as exc:  # shutting down: report it, but close regardless
            log.warning("could not write the last statistics: %s", exc)
        self._conn.close()
