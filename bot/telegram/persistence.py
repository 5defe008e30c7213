"""Per-chat state that survives restarts: a `BasePersistence` kept in SQLite as JSON.

Only chat data is persisted (no user data, bot data or callback data: buttons are
self-contained). Each chat's data is a small JSON object:

    {"ctx": ChatContext.to_dict(), "settings": {...}}

The application hands changed chats over every `update_interval` seconds and once more on
shutdown (python-telegram-bot's persistence cycle). Nothing is pickled: the file can be read
with any SQLite client, and a row that cannot be decoded is skipped with a warning.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from telegram.ext import BasePersistence, PersistenceInput

from bot.model import ChatContext

log = logging.getLogger(__name__)

ChatData = dict[str, Any]
# python-telegram-bot's own aliases (telegram.ext._utils.types), spelled out here.
ConversationKey = tuple[int | str, ...]
ConversationDict = MutableMapping[ConversationKey, object]
CDCData = tuple[list[tuple[str, float, dict[str, Any]]], dict[str, str]]
_CTX = "ctx"
_SETTINGS = "settings"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS chat_data (
    chat_id INTEGER PRIMARY KEY,
    data TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
"""


def connect_state(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the bot's state database in WAL mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA busy_timeout=5000")
    return conn


def load_context(chat_data: ChatData) -> ChatContext:
    raw = chat_data.get(_CTX)
    if not isinstance(raw, dict):
        return ChatContext()
    try:
        return ChatContext.from_dict(raw)
    except (TypeError, ValueError):
        return ChatContext()


def save_context(chat_data: ChatData, ctx: ChatContext) -> None:
    chat_data[_CTX] = ctx.to_dict()


def chat_settings(chat_data: ChatData) -> dict[str, Any]:
    """Per-chat settings (JSON values only), e.g. alert subscriptions in a later version."""
    settings = chat_data.get(_SETTINGS)
    if not isinstance(settings, dict):
        settings = chat_data[_SETTINGS] = {}
    return settings


class SQLitePersistence(BasePersistence[dict[Any, Any], ChatData, dict[Any, Any]]):
    def __init__(self, path: Path, update_interval: float = 10.0) -> None:
        super().__init__(
            store_data=PersistenceInput(bot_data=False, chat_data=True, user_data=False,
                                        callback_data=False),
            update_interval=update_interval,
        )
        self.path = path
        self._conn: sqlite3.Connection | None = None

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = connect_state(self.path)
            self._conn.executescript(_SCHEMA)
        return self._conn

    # ---- chat data ---------------------------------------------------------------------

    async def get_chat_data(self) -> dict[int, ChatData]:
        out: dict[int, ChatData] = {}
        for chat_id, data in self.conn.execute("SELECT chat_id, data FROM chat_data"):
            try:
                value = json.loads(data)
            except json.JSONDecodeError:
                log.warning("chat %s: stored state is not JSON; starting afresh", chat_id)
                continue
            if isinstance(value, dict):
                out[int(chat_id)] = value
        return out

    async def update_chat_data(self, chat_id: int, data: ChatData) -> None:
        self.conn.execute(
            "INSERT INTO chat_data (chat_id, data, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(chat_id) DO UPDATE SET data = excluded.data, "
            "updated_at = excluded.updated_at",
            (chat_id, json.dumps(data, ensure_ascii=False, separators=(",", ":")),
             int(time.time())),
        )

    async def drop_chat_data(self, chat_id: int) -> None:
        self.conn.execute("DELETE FROM chat_data WHERE chat_id = ?", (chat_id,))

    async def refresh_chat_data(self, chat_id: int, chat_data: ChatData) -> None:
        """The in-memory copy is authoritative; nothing else writes the table."""

    # ---- not stored ----------------------------------------------------------------------

    async def get_user_data(self) -> dict[int, dict[Any, Any]]:
        return {}

    async def get_bot_data(self) -> dict[Any, Any]:
        return {}

    async def get_callback_data(self) -> CDCData | None:
        return None

    async def get_conversations(self, name: str) -> ConversationDict:
        return {}

    async def update_conversation(self, name: str, key: ConversationKey,
                                  new_state: object | None) -> None:
        """No conversation handlers are used."""

    async def update_user_data(self, user_id: int, data: dict[Any, Any]) -> None:
        """User data is not stored."""

    async def update_bot_data(self, data: dict[Any, Any]) -> None:
        """Bot data is not stored (it holds the running services)."""

    async def update_callback_data(self, data: CDCData) -> None:
        """Callback data is self-contained; nothing to store."""

    async def drop_user_data(self, user_id: int) -> None:
        """User data is not stored."""

    async def refresh_user_data(self, user_id: int, user_data: dict[Any, Any]) -> None:
        """User data is not stored."""

    async def refresh_bot_data(self, bot_data: dict[Any, Any]) -> None:
        """Bot data is not stored."""

    async def flush(self) -> None:
        """Called on shutdown after the last update; every write is already committed."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
