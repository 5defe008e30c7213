"""Configuration of the Telegram transport: the environment, a `.env` file, command-line flags.

Precedence: flags > process environment > `.env` (read without touching `os.environ`) >
defaults. The bot token is only ever held here and handed to python-telegram-bot; it is never
logged (see `bot.telegram.logs`).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import dotenv_values

from bot import health
from bot.config import db_path, seeds_dir

TELEGRAM_API = "https://api.telegram.org/bot"
_TOKEN = re.compile(r"^\d+:[A-Za-z0-9_-]+$")


class ConfigError(Exception):
    """A configuration problem, explained in one line."""


@dataclass(frozen=True, slots=True)
class FloodLimits:
    """Per-user token bucket: `burst` messages at once, then one every `1/rate` seconds."""

    burst: int = 12
    rate: float = 0.5  # refill per second
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class Config:
    token: str = field(repr=False)
    seeds_dir: Path
    db_path: Path
    state_path: Path  # per-chat context, settings and statistics (not the knowledge base)
    api_base_url: str = TELEGRAM_API
    admin_ids: frozenset[int] = frozenset()
    webhook_secret: str = field(default="", repr=False)
    # Telegram's broadcast limit (requests per second for the whole bot); 0 disables it.
    max_rate: float = 30.0
    # Vacancy alerts' own pace (messages per second; 0 = only `max_rate`). Kept below
    # `max_rate` so that answers always find room while thousands of alerts go out.
    alert_rate: float = 25.0
    flood: FloodLimits = FloodLimits()
    # Show "typing…" only when an answer takes longer than this (seconds); 0 = always first.
    typing_delay: float = 0.4
    concurrent_updates: int = 256
    # HTTP connections to the Bot API = requests in flight at once. At Telegram's round trip
    # of 20–100 ms, 4 carry 40–200 requests/s, above its 30 messages/s broadcast limit; every
    # further connection makes each request costlier for httpx's connection pool.
    connection_pool: int = 4
    persistence_interval: float = 10.0
    # The heartbeat `vacbot health` reads (None: next to the state database).
    heartbeat_path: Path | None = None

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


def parse_admin_ids(raw: str) -> frozenset[int]:
    """"123, 456" → {123, 456}; anything else is a ConfigError naming the bad item."""
    ids: set[int] = set()
    for item in re.split(r"[,\s]+", raw.strip()):
        if not item:
            continue
        if not re.fullmatch(r"-?\d+", item):
            raise ConfigError(f"VACBOT_ADMIN_IDS: {item!r} is not a numeric Telegram user id")
        ids.add(int(item))
    return frozenset(ids)


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

    # bot.config reads VACBOT_SEEDS_DIR / VACBOT_DB from os.environ; pass .env values as flags.
    kb = db_path(db or values.get("VACBOT_DB") or None)
    alert_rate = values.get("VACBOT_ALERT_RATE", "").strip() or "25"
    try:
        rate = float(alert_rate)
    except ValueError:
        raise ConfigError(f"VACBOT_ALERT_RATE must be a number of messages per second, "
                          f"got {alert_rate!r}") from None
    if not 0 < rate <= 1000:
        raise ConfigError(f"VACBOT_ALERT_RATE must be above 0 and at most 1000, got {rate:g}")
    state_path, heartbeat = data_paths(values, kb)
    return Config(
        token=token,
        seeds_dir=seeds_dir(seeds or values.get("VACBOT_SEEDS_DIR") or None),
        db_path=kb,
        state_path=state_path,
        heartbeat_path=heartbeat,
        api_base_url=base_url,
        admin_ids=parse_admin_ids(values.get("VACBOT_ADMIN_IDS", "")),
        webhook_secret=secret,
        alert_rate=rate,
    )


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
    """The chat-state database and the heartbeat file (`bot.health`) for knowledge base `kb`:
    VACBOT_STATE_DB / VACBOT_HEARTBEAT, else next to `kb` and the state database."""
    state = values.get("VACBOT_STATE_DB", "")
    state_path = Path(state) if state else default_state_path(kb)
    heartbeat = values.get("VACBOT_HEARTBEAT", "")
    return state_path, Path(heartbeat) if heartbeat else health.default_path(state_path)


def default_state_path(kb: Path) -> Path:
    """The chat-state database lives next to the knowledge base: vacbot.db → vacbot-state.db."""
    return kb.with_name(f"{kb.stem}-state{kb.suffix or '.db'}")
