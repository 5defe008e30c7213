"""The bot's state database: one SQLite connection, one schema, written at once.

What it keeps (the knowledge base is a separate file, rebuilt from the pages at will):

- `chats` — each chat's router context (`ChatContext` as JSON) and when it last wrote; read
  when the chat next writes (never all at start) and forgotten after `ttl_days` of silence;
- `updates` — the update journal: every update from Telegram is written here before it is
  confirmed to Telegram (polling) or acknowledged (webhook), and marked done once handled,
  so a crash loses no question: what was not done is handled after the restart;
- `questions` — one row per question for `/stats` and the admins' digest (user ids only as
  keyed hashes; the vacancy it was about; the text only of questions the pages could not
  answer: not understood, or the page does not say);
- `alert_subscriptions`, `alert_deliveries`, `alert_seen` — vacancy alerts
  (`bot.telegram.subscriptions` queries them); `subscriber_events` — when a chat took its
  first alert or dropped its last, for the digest;
- `meta` — small settings: the schema version, the key that hashes user ids, the bot's id.

What an update changed (the chat's context, its question) is committed with its journal
entry once it is done, together with the other updates done within `FLUSH_AFTER` (20 ms) in
one transaction (`State.finish`); everything else at once (WAL, synchronous=NORMAL). A
killed process loses no question: an update done but not yet written is handled again at the
next start. A power cut may lose the last moments. The contexts of recent chats are kept in
memory as well (`ChatStore`), so a chat's next message reads no row.
A damaged file is moved aside with one log line and the bot starts with a fresh one
(`open_state`); a missing or read-only directory is the caller's `DataError`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import json
import logging
import re
import secrets
import sqlite3
import time
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bot.model import Answer, ChatContext, Intent, Style
from bot.phrases import phrase

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3
# journal rows of handled updates kept to recognise a batch Telegram delivers again
JOURNAL_KEEP = 1000
# a journalled update that was being handled when the process died this often is skipped
MAX_REPLAYS = 3
# updates done within this many seconds are written in one transaction (`State.finish`)
FLUSH_AFTER = 0.02
CHATS_CACHED = 4096  # chats whose context is kept in memory as well
RETENTION_DAYS = 90  # questions (and subscriber events) kept for /stats and the digest
MAX_TEXT = 300  # characters of an unanswered question that are kept
MAX_WINDOW_TEXTS = 2000  # unanswered questions a digest reads at most
UNANSWERED = frozenset({"fallback"})
UNANSWERED_INTENTS = frozenset({Intent.FALLBACK})
# recorded for /stats, but not questions: the digest leaves them out
ALERT_COMMANDS = frozenset({"subscribe", "subscriptions", "unsubscribe"})
_CORRUPT = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chats (
    chat_id INTEGER PRIMARY KEY,
    ctx TEXT NOT NULL,              -- ChatContext.to_dict() as JSON
    seen_at INTEGER NOT NULL        -- unix time of the last write
);
CREATE INDEX IF NOT EXISTS chats_seen ON chats (seen_at);
CREATE TABLE IF NOT EXISTS updates (
    update_id INTEGER PRIMARY KEY,
    body TEXT NOT NULL,             -- the update as JSON; '' once done
    done INTEGER NOT NULL DEFAULT 0,
    replays INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS updates_pending ON updates (done, update_id);
CREATE TABLE IF NOT EXISTS questions (
    ts INTEGER NOT NULL,
    source TEXT NOT NULL,           -- text | command | button
    intent TEXT NOT NULL,
    user_hash TEXT NOT NULL,
    text TEXT NOT NULL,             -- only kept for unanswered questions
    vacancy TEXT NOT NULL DEFAULT '' -- the vacancy it was about ('' = none in particular)
);
CREATE INDEX IF NOT EXISTS questions_ts ON questions (ts);
CREATE TABLE IF NOT EXISTS alert_subscriptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id INTEGER NOT NULL,
    words TEXT NOT NULL,            -- normalised; '' = every new vacancy
    created_at INTEGER NOT NULL,
    UNIQUE (chat_id, words)
);
CREATE TABLE IF NOT EXISTS alert_deliveries (
    chat_id INTEGER NOT NULL,
    vacancy_id TEXT NOT NULL,
    words TEXT NOT NULL,            -- the subscription that matched
    reopened INTEGER NOT NULL,
    status TEXT NOT NULL,           -- pending | sent | failed
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before REAL NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (chat_id, vacancy_id)
);
CREATE INDEX IF NOT EXISTS alert_deliveries_due ON alert_deliveries (status, not_before);
CREATE TABLE IF NOT EXISTS alert_seen (vacancy_id TEXT PRIMARY KEY, closed INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS subscriber_events (
    ts INTEGER NOT NULL,
    kind TEXT NOT NULL              -- new (a chat's first alert) | lost (its last one gone)
);
"""

LOST = ("the chats' conversation context, alert subscriptions and the record of alerts sent, "
        "usage statistics, and questions received but not yet answered")


NOT_ABOUT_ONE = frozenset({Intent.LIST, Intent.HELP, Intent.GREETING, Intent.CLARIFY})


def _silent() -> re.Pattern[str]:
    """The notes an answer gives when the page is silent ("The page does not mention a
    visa."), in every language the bot speaks, from the phrases themselves."""
    forms = []
    for key in ("not_stated", "not_mentioned"):
        for lang in ("en", "nl", "de"):
            before, _, after = phrase(key, lang, what="\0").partition("\0")
            forms.append(re.escape(before) + ".+?" + re.escape(after))
    return re.compile("|".join(forms))


SILENT = _silent()


def unanswered(answer: Answer) -> bool:
    """The pages could not answer: the question was not understood, or the page it was
    about does not say."""
    return answer.intent in UNANSWERED_INTENTS or any(
        b.style is Style.NOTE and SILENT.match(b.text) for b in answer.blocks)


def about(answer: Answer, ctx: ChatContext) -> str:
    """The vacancy a question was about, for the statistics: the one the answer is about,
    or, for a question the pages could not answer, the one the conversation was about; ""
    for lists, help and "which one?"."""
    if answer.intent in NOT_ABOUT_ONE:
        return ""
    if len(answer.vacancies) == 1:
        return answer.vacancies[0].id
    return ctx.subject if answer.intent is Intent.FALLBACK else ""


class StateError(Exception):
    """The state database cannot be opened or written (one line, for the operator)."""


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA busy_timeout=5000")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One transaction: committed at the end, rolled back if the block raises. The
    connection is in autocommit mode, where `with conn:` opens none (each statement would
    commit on its own); inside another transaction the block joins it."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    conn.execute("COMMIT")


def _corrupt(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _CORRUPT
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def _prepare(conn: sqlite3.Connection) -> None:
    """Check the file, create the schema, carry over a version-1 database."""
    row = conn.execute("PRAGMA quick_check").fetchone()
    if row is None or row[0] != "ok":
        raise sqlite3.DatabaseError(f"database disk image is malformed ({row[0] if row else '?'})")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.executescript(SCHEMA)
    with transaction(conn):
        columns = {r[1] for r in conn.execute("PRAGMA table_info(questions)")}
        if "vacancy" not in columns:  # version 2 did not know what a question was about
            conn.execute("ALTER TABLE questions ADD COLUMN vacancy TEXT NOT NULL DEFAULT ''")
        if "chat_data" in tables:  # version 1 kept {"ctx": ..., "settings": ...} per chat
            conn.execute("INSERT OR IGNORE INTO chats (chat_id, ctx, seen_at) SELECT chat_id, "
                         "json_extract(data, '$.ctx'), updated_at FROM chat_data "
                         "WHERE json_valid(data) AND json_type(data, '$.ctx') = 'object'")
            conn.execute("DROP TABLE chat_data")
        if "stats_meta" in tables:
            conn.execute("INSERT OR IGNORE INTO meta (key, value) SELECT key, value "
                         "FROM stats_meta")
            conn.execute("DROP TABLE stats_meta")
        if "alert_meta" in tables:
            conn.execute("INSERT OR IGNORE INTO meta (key, value) SELECT 'alerts_seen', value "
                         "FROM alert_meta WHERE key = 'seen'")
            conn.execute("DROP TABLE alert_meta")
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                     (str(SCHEMA_VERSION),))


def _move_aside(path: Path, now: float) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(now))
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            source.replace(Path(f"{aside}{suffix}"))
    return aside


def open_state(path: Path, flush_after: float = FLUSH_AFTER) -> State:
    """Open the state database, creating it if needed. A damaged one is moved aside (one
    log line saying what was lost) and replaced by a fresh one; `StateError` if the file
    cannot be opened or written at all."""
    existed = path.exists()
    empty = existed and path.stat().st_size == 0
    conn: sqlite3.Connection | None = None
    try:
        try:
            conn = _connect(path)
            _prepare(conn)
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            if not _corrupt(exc):
                raise
            aside = _move_aside(path, time.time())
            log.error("the state database %s is damaged (%s): moved aside to %s and started "
                      "afresh; lost: %s", path, exc, aside.name, LOST)
            conn = _connect(path)
            _prepare(conn)
    except sqlite3.Error as exc:
        raise StateError(f"cannot use the state database {path}: {exc}") from exc
    if empty:
        log.warning("the state database %s was an empty file: started afresh; if it held data "
                    "before, that is lost: %s", path, LOST)
    elif not existed:
        log.info("created the state database %s", path)
    return State(conn, path, flush_after)


class State:
    """The connection and the stores that share it. All calls come from the event loop's
    thread; sqlite3 itself serialises them."""

    def __init__(self, conn: sqlite3.Connection, path: Path,
                 flush_after: float = FLUSH_AFTER) -> None:
        self.conn = conn
        self.path = path
        self.flush_after = flush_after
        self.chats = ChatStore(conn)
        self.journal = Journal(conn)
        self.stats = StatsStore(conn, self.secret("user_key"))
        self._staged: dict[int, list[_Answered]] = {}
        self._done: list[tuple[int | None, list[_Answered]]] = []
        self._flush_due = False

    def secret(self, key: str) -> bytes:
        """A random secret kept in `meta` (created on first use)."""
        self.conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                          (key, secrets.token_bytes(32).hex()))
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return bytes.fromhex(row[0])

    def get(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def put(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def record_answer(self, update_id: int | None, chat_id: int, ctx: ChatContext,
                      source: str, intent: str, user_id: int | None, text: str,
                      vacancy: str = "", silent: bool = False) -> None:
        """A question answered: the chat's new context and the question for /stats. They
        are written when the update is done (`finish`), with its journal entry, in one
        transaction — so an update handled again after a crash starts from the context it
        first saw and is counted once. Without an update, at once."""
        answer = _Answered(chat_id, ctx, source, intent, user_id, text, vacancy, silent)
        if update_id is None:
            self._write([(None, [answer])])
        else:
            self._staged.setdefault(update_id, []).append(answer)

    def finish(self, update_id: int, *, at_once: bool = True) -> None:
        """The update is handled: write what it changed and mark it done — at once, or
        (`at_once=False`, inside the event loop) `flush_after` seconds later together with
        every other update done meanwhile, in one transaction. The chat's next message sees
        the new context either way; a crash before the write hands the update out again
        (at least once)."""
        staged = self._staged.pop(update_id, [])
        for answer in staged:
            self.chats.keep(answer.chat_id, answer.ctx)
        self._done.append((update_id, staged))
        if at_once:
            self.flush()
        elif not self._flush_due:
            self._flush_due = True
            asyncio.get_running_loop().call_later(self.flush_after, self._flush_logged)

    def flush(self) -> None:
        """Write the updates finished and not yet written, in one transaction. If it fails
        they stay unfinished in the journal and their chats' contexts are read again from
        the database (what was last written)."""
        done, self._done = self._done, []
        self._write(done)

    def _flush_logged(self) -> None:
        self._flush_due = False
        try:
            self.flush()
        except Exception:  # the answers went out; at worst they are given again after a crash
            log.exception("could not record handled updates")

    def _write(self, done: list[tuple[int | None, list[_Answered]]]) -> None:
        if not done:
            return
        answered = [answer for _, answers in done for answer in answers]
        try:
            with transaction(self.conn):  # one statement per table for the whole batch
                # a chat that asked twice meanwhile: its last context is the one to keep
                self.chats.save_many({a.chat_id: a.ctx for a in answered}.items())
                self.stats.record_many([(a.source, a.intent, a.user_id, a.text, a.vacancy,
                                         a.silent) for a in answered])
                self.journal.done_many([u for u, _ in done if u is not None])
        except BaseException:
            for _, answers in done:
                for answer in answers:
                    self.chats.drop(answer.chat_id)
            raise

    def forget(self, update_id: int) -> None:
        """The update was not handled to its end (cancelled at shutdown): it stays in the
        journal, and what it would have changed is dropped."""
        self._staged.pop(update_id, None)

    def prune(self, ttl_days: int, now: float) -> tuple[int, int]:
        """Forget chats silent for `ttl_days` and statistics older than `RETENTION_DAYS`;
        (chats, questions) removed."""
        chats = self.chats.prune(now - ttl_days * 86_400)
        questions = self.stats.prune(now - RETENTION_DAYS * 86_400)
        self.conn.execute("DELETE FROM subscriber_events WHERE ts < ?",
                          (int(now - RETENTION_DAYS * 86_400),))
        self.journal.prune()
        return chats, questions

    def close(self) -> None:
        """Write what is due and close; a failed write is logged (those updates are handled
        again at the next start), never raised at shutdown."""
        try:
            self.flush()
        except sqlite3.Error:
            log.exception("could not record the last handled updates")
        finally:
            self.conn.close()


@dataclass(frozen=True, slots=True)
class _Answered:
    chat_id: int
    ctx: ChatContext
    source: str
    intent: str
    user_id: int | None
    text: str
    vacancy: str = ""
    silent: bool = False


class ChatStore:
    """Each chat's `ChatContext`, read on demand and written at once. The contexts of the
    `cached` chats that wrote last are kept in memory too (they are immutable), so a chat's
    next message does not read the database; a caller whose write failed `drop`s them."""

    def __init__(self, conn: sqlite3.Connection, cached: int = CHATS_CACHED) -> None:
        self.conn = conn
        self._cached = cached
        self._cache: OrderedDict[int, ChatContext] = OrderedDict()

    def load(self, chat_id: int) -> ChatContext:
        ctx = self._cache.get(chat_id)
        if ctx is not None:
            self._cache.move_to_end(chat_id)
            return ctx
        row = self.conn.execute("SELECT ctx FROM chats WHERE chat_id = ?",
                                (chat_id,)).fetchone()
        if row is None:
            return ChatContext()
        try:
            data = json.loads(row[0])
            ctx = ChatContext.from_dict(data) if isinstance(data, dict) else ChatContext()
        except (ValueError, TypeError):
            log.warning("a chat's stored context cannot be read; it starts afresh")
            return ChatContext()
        self.keep(chat_id, ctx)
        return ctx

    def keep(self, chat_id: int, ctx: ChatContext) -> None:
        self._cache[chat_id] = ctx
        self._cache.move_to_end(chat_id)
        if len(self._cache) > self._cached:
            self._cache.popitem(last=False)

    def drop(self, chat_id: int) -> None:
        self._cache.pop(chat_id, None)

    def save(self, chat_id: int, ctx: ChatContext, now: float | None = None) -> None:
        self.save_many([(chat_id, ctx)], now)

    def save_many(self, contexts: Iterable[tuple[int, ChatContext]],
                  now: float | None = None) -> None:
        seen = int(time.time() if now is None else now)
        kept = list(contexts)
        self.conn.executemany(
            "INSERT INTO chats (chat_id, ctx, seen_at) VALUES (?, ?, ?) ON CONFLICT(chat_id) "
            "DO UPDATE SET ctx = excluded.ctx, seen_at = excluded.seen_at",
            [(chat_id, json.dumps(ctx.to_dict(), ensure_ascii=False, separators=(",", ":")),
              seen) for chat_id, ctx in kept])
        for chat_id, ctx in kept:
            self.keep(chat_id, ctx)

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM chats").fetchone()[0])

    def prune(self, before: float) -> int:
        self._cache.clear()
        return self.conn.execute("DELETE FROM chats WHERE seen_at < ?", (int(before),)).rowcount


@dataclass(frozen=True, slots=True)
class Journalled:
    update_id: int
    body: str


class Journal:
    """Updates between their arrival and the end of their handling.

    Updates are journalled as Telegram sent them (`add_many`, one transaction per batch)
    or, failing that, as python-telegram-bot serialises them (`add`). `fresh` holds the ids
    journalled but not yet queued for handling (`take_fresh`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._done_since_prune = 0
        self._fresh: set[int] = set()

    def add(self, update_id: int, body: str) -> bool:
        """Journal an update; False if it is known already (Telegram delivered it again)."""
        cur = self.conn.execute("INSERT OR IGNORE INTO updates (update_id, body) VALUES (?, ?)",
                                (update_id, body))
        return cur.rowcount == 1

    def add_many(self, rows: list[tuple[int, str]]) -> None:
        """Journal a batch in one transaction; the new ones become `fresh`."""
        if not rows:
            return
        with transaction(self.conn):  # a getUpdates batch: at most 100, one statement each
            ids = [update_id for update_id, _ in rows]
            known = {r[0] for r in self.conn.execute(
                f"SELECT update_id FROM updates WHERE update_id IN ({','.join('?' * len(ids))})",
                ids)}
            new = dict(row for row in rows if row[0] not in known)
            self.conn.executemany("INSERT INTO updates (update_id, body) VALUES (?, ?)",
                                  new.items())
        self._fresh.update(new)

    def take_fresh(self, update_id: int) -> bool:
        """True (once) if `update_id` was journalled by `add_many` and not yet taken."""
        if update_id in self._fresh:
            self._fresh.discard(update_id)
            return True
        return False

    def done(self, update_id: int) -> None:
        self.done_many([update_id])

    def done_many(self, update_ids: list[int]) -> None:
        self.conn.executemany("UPDATE updates SET done = 1, body = '' WHERE update_id = ?",
                              [(u,) for u in update_ids])
        self._done_since_prune += len(update_ids)
        if self._done_since_prune >= JOURNAL_KEEP:
            self.prune()

    def unfinished(self) -> Iterator[Journalled]:
        """Updates received but not handled (the process stopped or died meanwhile), oldest
        first, each counted as replayed; one replayed `MAX_REPLAYS` times already is given up
        (it may be what kills the process) and logged."""
        rows = self.conn.execute("SELECT update_id, body, replays FROM updates WHERE done = 0 "
                                 "ORDER BY update_id").fetchall()
        for update_id, body, replays in rows:
            if replays >= MAX_REPLAYS:
                log.error("update %d was being handled at %d crashes in a row; given up",
                          update_id, replays)
                self.done(update_id)
                continue
            self.conn.execute("UPDATE updates SET replays = replays + 1 WHERE update_id = ?",
                              (update_id,))
            yield Journalled(int(update_id), str(body))

    def pending(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM updates WHERE done = 0")
                   .fetchone()[0])

    def clear(self) -> None:
        self.conn.execute("DELETE FROM updates")

    def prune(self) -> None:
        self._done_since_prune = 0
        self.conn.execute("DELETE FROM updates WHERE done = 1 AND update_id <= "
                          "(SELECT max(update_id) FROM updates) - ?", (JOURNAL_KEEP,))


@dataclass(frozen=True, slots=True)
class Unanswered:
    when: dt.datetime
    user: str  # hashed
    text: str


@dataclass(frozen=True, slots=True)
class Window:
    """The questions of a span of time, for the admins' digest."""

    questions: int
    answered: int
    users: int
    per_vacancy: Counter[str]  # vacancy id -> questions about it
    unanswered: list[tuple[str, str]]  # (text, vacancy id or ''), newest first


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


class StatsStore:
    """Questions for `/stats`, one row each, written at once."""

    def __init__(self, conn: sqlite3.Connection, key: bytes) -> None:
        self.conn = conn
        self._key = key
        self._hashes: dict[int, str] = {}

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
               now: float | None = None, vacancy: str = "", silent: bool = False) -> None:
        """Remember one question (and the vacancy it was about); its text only if it went
        unanswered (a fallback, or `silent`: the page does not say)."""
        self.record_many([(source, intent, user_id, text, vacancy, silent)], now)

    def record_many(self, questions: list[tuple[str, str, int | None, str, str, bool]],
                    now: float | None = None) -> None:
        """`record` for each (source, intent, user_id, text, vacancy, silent), one statement."""
        ts = int(time.time() if now is None else now)
        self.conn.executemany(
            "INSERT INTO questions (ts, source, intent, user_hash, text, vacancy) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(ts, source, intent, self.user_hash(user_id),
              " ".join(text.split())[:MAX_TEXT] if intent in UNANSWERED or silent else "",
              vacancy) for source, intent, user_id, text, vacancy, silent in questions])

    def summary(self, days: int = 7, latest: int = 10, now: float | None = None) -> Summary:
        """The last `days` days (today included, UTC) and the `latest` unanswered questions."""
        today = dt.datetime.fromtimestamp(time.time() if now is None else now, dt.UTC).date()
        first = today - dt.timedelta(days=days - 1)
        since = int(dt.datetime.combine(first, dt.time(), dt.UTC).timestamp())
        out = Summary(days)
        for day, intent, n in self.conn.execute(
                "SELECT date(ts, 'unixepoch'), intent, count(*) FROM questions WHERE ts >= ? "
                "GROUP BY 1, 2", (since,)):
            out.per_day.setdefault(dt.date.fromisoformat(day), Counter())[intent] += n
            out.per_intent[intent] += n
        out.users = int(self.conn.execute(
            "SELECT count(DISTINCT user_hash) FROM questions WHERE ts >= ?", (since,)
        ).fetchone()[0])
        out.latest_unanswered = [
            Unanswered(dt.datetime.fromtimestamp(ts, dt.UTC), user, text)
            for ts, user, text in self.conn.execute(
                "SELECT ts, user_hash, text FROM questions WHERE text != '' AND ts >= ? "
                "ORDER BY ts DESC, rowid DESC LIMIT ?", (since, latest))
        ]
        return out

    def window(self, since: float, until: float, texts: int = MAX_WINDOW_TEXTS) -> Window:
        """The questions asked from `since` up to (not including) `until` (alert commands
        left out): how many, how many answered, from how many users, per vacancy, and the
        texts of the unanswered ones with their vacancy (the newest `texts` of them)."""
        where = ("ts >= ? AND ts < ? AND intent NOT IN ({})".format(
            ",".join("?" * len(ALERT_COMMANDS))))
        span = (int(since), int(until), *sorted(ALERT_COMMANDS))
        total, answered, users = self.conn.execute(
            "SELECT count(*), coalesce(sum(text = ''), 0), count(DISTINCT user_hash) "
            f"FROM questions WHERE {where}", span).fetchone()
        per_vacancy: Counter[str] = Counter({str(v): int(n) for v, n in self.conn.execute(
            f"SELECT vacancy, count(*) FROM questions WHERE {where} AND vacancy != '' "
            "GROUP BY vacancy", span)})
        unanswered = [(str(t), str(v)) for t, v in self.conn.execute(
            f"SELECT text, vacancy FROM questions WHERE {where} AND text != '' "
            "ORDER BY ts DESC, rowid DESC LIMIT ?", (*span, texts))]
        return Window(int(total), int(answered), int(users), per_vacancy, unanswered)

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM questions").fetchone()[0])

    def prune(self, before: float) -> int:
        return self.conn.execute("DELETE FROM questions WHERE ts < ?",
                                 (int(before),)).rowcount
