"""`vacbot run`: start the bot with long polling, or as a webhook with a secret token."""

from __future__ import annotations

import os
import sys
import tempfile
from typing import Any, TextIO
from urllib.parse import urlsplit

from bot import health
from bot.telegram.app import ALLOWED_UPDATES, build_application
from bot.telegram.config import Config, ConfigError, load_config
from bot.telegram.knowledge import StartupError
from bot.telegram.logs import setup_logging


def webhook_options(config: Config, webhook_url: str, port: int,
                    listen: str = "0.0.0.0") -> dict[str, Any]:
    """Arguments for `Updater.start_webhook` / `Application.run_webhook`: listen on `port`
    at the URL's path, and have Telegram send the secret token with every update."""
    parts = urlsplit(webhook_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"--webhook-url must be a full URL such as "
                          f"https://bot.example.org/telegram, got {webhook_url!r}")
    return {
        "listen": listen,
        "port": port,
        "url_path": parts.path.strip("/"),
        "webhook_url": webhook_url,
        "secret_token": config.secret_token,
        "allowed_updates": list(ALLOWED_UPDATES),
    }


def check_writable(config: Config) -> None:
    """Raise ConfigError (one line) if a folder the bot writes to — knowledge base, chat
    state, heartbeat — cannot be created or written, e.g. a read-only or root-owned /data."""
    heartbeat = config.heartbeat_path or health.default_path(config.state_path)
    for folder in sorted({config.db_path.parent, config.state_path.parent, heartbeat.parent}):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=folder):
                pass
        except OSError as exc:
            raise ConfigError(f"cannot write to the data directory {folder} "
                              f"({exc.strerror or exc}) as user id {os.getuid()}: make it "
                              f"writable for that user or mount a writable volume") from None


def run(webhook_url: str | None = None, port: int = 8443, seeds: str | None = None,
        db: str | None = None, err: TextIO | None = None, listen: str = "0.0.0.0") -> int:
    """Run until interrupted; returns the exit code (2: configuration, 1: start-up)."""
    err = err or sys.stderr
    try:
        config = load_config(seeds=seeds, db=db)
        options = webhook_options(config, webhook_url, port, listen) if webhook_url else None
        check_writable(config)
    except ConfigError as exc:
        print(f"vacbot run: {exc}", file=err)
        return 2
    setup_logging(config.token, err)
    try:
        app = build_application(config)
    except StartupError as exc:
        print(f"vacbot run: {exc}", file=err)
        return 1
    if options is not None:
        app.run_webhook(**options)
    else:
        app.run_polling(allowed_updates=list(ALLOWED_UPDATES))
    return 0
