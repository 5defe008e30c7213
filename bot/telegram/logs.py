"""Logging for the bot process, with the bot token kept out of every line.

httpx logs each request URL at INFO, and Bot API URLs contain the token
(`…/bot<token>/getUpdates`), so httpx is lowered to WARNING; on top of that every formatted
line, tracebacks included, has the token replaced by `<token>`.
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

_QUIET = ("httpx", "httpcore", "apscheduler")


class RedactingFormatter(logging.Formatter):
    def __init__(self, secrets: tuple[str, ...], fmt: str) -> None:
        super().__init__(fmt)
        self.secrets = tuple(s for s in secrets if s)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self.secrets:
            text = text.replace(secret, "<token>")
        return text


def setup_logging(token: str, stream: TextIO | None = None, level: int = logging.INFO) -> None:
    """Log to `stream` (stderr) with the token redacted; quiet the chatty HTTP libraries."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(RedactingFormatter(
        (token,), "%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in list(root.handlers):
        if isinstance(old.formatter, RedactingFormatter):
            root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in _QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
