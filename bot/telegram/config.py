"""Configuration of the Telegram transport: the environment, a `.env` file, command-line flags.

Precedence: flags > process environment > `.env` (read without touching `os.environ`) >
defaults. The bot token is only ever held here and handed to python-telegram-bot; it is never
logged (see `bot.telegram.app.setup_logging`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import dotenv_values

from bot.config import db_path, seeds_dir
from bot.telegram import health
from bot.telegram.source_config import Sync, number, read_sync

TELEGRAM_API = "https://api.telegram.org/bot"
# Seconds between tries of the start-up calls while Telegram cannot be reached (the last one
# repeats for as long as it takes; see `bot.telegram.startup`).
STARTUP_BACKOFF = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)
# Settings whose values are secrets: never logged (`Config.secrets`), whatever they are for.
_SECRET_NAME = re.compile(r"TOKEN|SECRET|PASSWORD|PASSPHRASE|CREDENTIAL|API_KEY", re.I)
_TOKEN = re.compile(r"^\d+:[A-Za-z0-9_-]+$")
# Telegram user ids fit in 52 bits; anything longer is a typo, not an id.
_MAX_USER_ID = 2**52


class ConfigError(Exception):
    """A configuration problem, explained in one line."""


@dataclass(frozen=True, slots=True)
class FloodLimits:
    """Per-user token bucket for incoming messages: `burst` at once, then one every `1/rate`
    seconds."""

    burst: int = 12
    rate: float = 0.5  # refill per second
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class SendLimits:
    """Telegram's limits on what the bot sends (see `bot.telegram.limits`).

    - `bulk_rate`: messages per second for bulk notifications (alerts) — Telegram's 30/s, more
      with paid broadcasts; 0 = no bulk limit. Replies to users are not held to it.
    - `chat_burst`/`chat_rate`: per chat, `chat_burst` messages at once, then `chat_rate`
      per second (Telegram: about one per second, short bursts tolerated).
    - `group_per_minute`: per group, at most this many messages in any 60 seconds.
    - `backoff`: seconds to wait before each retry of a send that failed with a server error,
      a timeout or a network failure; its length is the number of retries.
    - `in_flight`: requests to the Bot API at once (the HTTP connections in use).
    """

    bulk_rate: float = 30.0
    chat_burst: int = 3
    chat_rate: float = 1.0
    group_per_minute: int = 20
    backoff: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 15.0)
    in_flight: int = 4


@dataclass(frozen=True, slots=True)
class Config:
    token: str = field(repr=False)
    seeds_dir: Path
    db_path: Path
    state_path: Path  # per-chat context, alerts, statistics, update journal (not the KB)
    api_base_url: str = TELEGRAM_API
    admin_ids: frozenset[int] = frozenset()
    webhook_secret: str = field(default="", repr=False)
    send: SendLimits = SendLimits()
    # Vacancy alerts' own even pace (messages per second); 0 = 85 % of `send.bulk_rate`.
    alert_rate: float = 0.0
    flood: FloodLimits = FloodLimits()
    # Show "typing…" only when an answer takes longer than this (seconds); 0 = always first.
    typing_delay: float = 0.4
    concurrent_updates: int = 256
    # A chat's context is forgotten after this many days without a message.
    state_ttl_days: int = 180
    # The heartbeat `vacbot health` reads (None: next to the state database).
    heartbeat_path: Path | None = None
    # Webhook mode: the largest request body accepted (Telegram's updates are a few KB).
    webhook_max_body: int = 1_000_000
    # The data directory was not configured: create the per-user default if it is missing.
    default_data_dir: bool = False
    # Seconds between tries of getMe, deleteWebhook, setWebhook, setMyCommands while
    # Telegram cannot be reached; the last one repeats.
    startup_backoff: tuple[float, ...] = STARTUP_BACKOFF
    # Values of the other settings that are secrets (a git token, ...): scrubbed from logs.
    other_secrets: tuple[str, ...] = field(default=(), repr=False)
    # Where the pages come from and how they are followed, the time zone deadlines end in,
    # the admins' digest (`bot.telegram.source_config`).
    sync: Sync = field(default_factory=Sync)

    @property
    def timezone(self) -> dt.tzinfo:
        return self.sync.timezone

    @property
    def secrets(self) -> tuple[str, ...]:
        """Everything the log must never show: the token (and its secret part alone), the
        webhook secret, and every setting named like a secret (…_TOKEN, …_SECRET, …)."""
        parts = [self.token, self.token.partition(":")[2], self.secret_token,
                 *self.other_secrets]
        return tuple(sorted({s for s in parts if len(s) >= 6}, key=len, reverse=True))

    @property
    def api_file_url(self) -> str:
        """The file endpoint that goes with `api_base_url` (…/bot → …/file/bot)."""
        base = self.api_base_url
        return base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base + "/file"

    @property
    def secret_token(self) -> str:
        """The webhook secret Telegram sends back in X-Telegram-Bot-Api-Secret-Token:
        TELEGRAM_WEBHOOK_SECRET, else derived from the bot token (stable across restarts)."""
        if self.webhook_secret:
            return self.webhook_secret
        return hashlib.sha256(b"vacbot-webhook:" + self.token.encode()).hexdigest()[:48]

    @property
    def alert_pace(self) -> float:
        """Alerts per second: `alert_rate`, never above 85 % of the bulk limit (the rest is
        left for the bot's other messages)."""
        bulk = self.send.bulk_rate
        if bulk <= 0:
            return self.alert_rate
        return min(self.alert_rate or bulk, 0.85 * bulk)


def parse_admin_ids(raw: str) -> frozenset[int]:
    """"123, 456" → {123, 456}. Admins are people: a group or channel id (negative), 0 or
    anything not a number is a ConfigError naming the item."""
    ids: set[int] = set()
    for item in re.split(r"[,\s]+", raw.strip()):
        if not item:
            continue
        if not re.fullmatch(r"[+-]?\d+", item):
            raise ConfigError(f"VACBOT_ADMIN_IDS: {item!r} is not a numeric Telegram user id")
        value = int(item)
        if value <= 0:
            raise ConfigError(f"VACBOT_ADMIN_IDS: {item} is not a user id (a group's or "
                              "channel's id is negative); list the admins' own user ids")
        if value >= _MAX_USER_ID:
            raise ConfigError(f"VACBOT_ADMIN_IDS: {item} is too long to be a Telegram user id")
        ids.add(value)
    return frozenset(ids)


def _number(values: Mapping[str, str], name: str, default: float, low: float,
            high: float, what: str) -> float:
    try:
        return number(values, name, default, low, high, what)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


def load_config(
    *,
    seeds: str | None = None,
    db: str | None = None,
    env: Mapping[str, str] | None = None,
    dotenv: Path | None = Path(".env"),
) -> Config:
    """Read the configuration; raise ConfigError with a one-line message if it is unusable."""
    values = read_settings(env, dotenv)
    token = values.get("TELEGRAM_BOT_TOKEN", "")
    if not token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and put "
                          "its token in the environment or a .env file")
    if not _TOKEN.match(token):
        raise ConfigError("TELEGRAM_BOT_TOKEN does not look like a bot token "
                          "(expected <digits>:<secret> as @BotFather prints it)")
    base_url = values.get("TELEGRAM_API_BASE_URL", "").strip() or TELEGRAM_API
    if not base_url.startswith(("http://", "https://")):
        raise ConfigError(f"TELEGRAM_API_BASE_URL must be an http(s) URL, got {base_url!r}")
    secret = values.get("TELEGRAM_WEBHOOK_SECRET", "").strip()
    if secret and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
        raise ConfigError("TELEGRAM_WEBHOOK_SECRET may only contain A-Z, a-z, 0-9, _ and -")

    max_rate = _number(values, "VACBOT_MAX_RATE", 30.0, 0, 1000,
                       "a number of messages per second")
    alert_rate = _number(values, "VACBOT_ALERT_RATE", 0.0, 0, 1000,
                         "a number of messages per second")
    ttl = _number(values, "VACBOT_STATE_TTL_DAYS", 180, 0, 36500, "a number of days")
    if ttl != int(ttl):
        raise ConfigError(f"VACBOT_STATE_TTL_DAYS must be a whole number of days, got {ttl:g}")

    # bot.config reads VACBOT_SEEDS_DIR / VACBOT_DB from os.environ; pass .env values as flags.
    configured_db = db or values.get("VACBOT_DB") or None
    kb = db_path(configured_db)
    state_path, heartbeat = data_paths(values, kb)
    try:
        sync = read_sync(values, kb.parent)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    return Config(
        token=token,
        seeds_dir=sync.pages or seeds_dir(seeds or values.get("VACBOT_SEEDS_DIR") or None),
        db_path=kb,
        state_path=state_path,
        heartbeat_path=heartbeat,
        api_base_url=base_url,
        admin_ids=parse_admin_ids(values.get("VACBOT_ADMIN_IDS", "")),
        webhook_secret=secret,
        send=SendLimits(bulk_rate=max_rate),
        alert_rate=alert_rate,
        state_ttl_days=int(ttl),
        default_data_dir=configured_db is None,
        other_secrets=secret_values(values, sync),
        sync=sync,
    )


def secret_values(values: Mapping[str, str], sync: Sync) -> tuple[str, ...]:
    """The values of the settings named like secrets (not the files that hold them) and the
    git access token in `VACBOT_GIT_TOKEN_FILE`: what the log must never show."""
    found = [v for k, v in values.items()
             if v and _SECRET_NAME.search(k) and not k.upper().endswith(("_FILE", "_PATH"))]
    token_file = sync.auth.token_file
    if token_file is not None:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            found.append(token_file.read_text(encoding="utf-8").strip())
    return tuple(found)


def unquote(value: str) -> str:
    """`"123:abc"` → `123:abc`: `docker run --env-file` (unlike compose, systemd and
    python-dotenv) keeps the quotes around a value, so matching outer quotes are removed."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def read_settings(env: Mapping[str, str] | None = None,
                  dotenv: Path | None = Path(".env")) -> dict[str, str]:
    """The `.env` file's values overridden by the environment's, each stripped of spaces and
    of matching outer quotes."""
    values: dict[str, str] = {}
    if dotenv is not None and dotenv.is_file():
        values.update({k: v for k, v in dotenv_values(dotenv).items() if v is not None})
    values.update(os.environ if env is None else env)
    return {k: unquote(v) for k, v in values.items()}


def data_paths(values: Mapping[str, str], kb: Path) -> tuple[Path, Path]:
    """The chat-state database and the heartbeat file (`bot.telegram.health`) for knowledge
    base `kb`: VACBOT_STATE_DB / VACBOT_HEARTBEAT, else next to `kb` and the state database."""
    state = values.get("VACBOT_STATE_DB", "")
    state_path = Path(state) if state else default_state_path(kb)
    heartbeat = values.get("VACBOT_HEARTBEAT", "")
    return state_path, Path(heartbeat) if heartbeat else health.default_path(state_path)


def default_state_path(kb: Path) -> Path:
    """The chat-state database lives next to the knowledge base: vacbot.db → vacbot-state.db."""
    return kb.with_name(f"{kb.stem}-state{kb.suffix or '.db'}")
