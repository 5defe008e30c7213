"""Helpers for the Telegram end-to-end tests: the real bot against the stand-in, and the
user's side of a conversation (`ask`, `press`).

`running_bot` starts the real `Application` built by `bot.telegram.app.build_application`
against the Bot API stand-in with long polling, as `vacbot run` would, and stops it
cleanly. `make_config` is the production configuration with the waits a test cannot afford
shortened: retries after tenths of seconds, no typing delay, no bulk limit, and a chat's
messages paced at 50 per second rather than Telegram's one (the tests of the limits
themselves use the real figures: `PRODUCTION_SEND`).
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.telegram.app import build_application, lifecycle, start_polling
from bot.telegram.config import Config, FloodLimits, SendLimits
from bot.telegram.context import App, BotServices, services_of
from tests.paths import SEEDS
from tests.standin.server import BotApiStandIn, SentMessage

ADMIN = 4242  # the admin of the bots the fixtures start
PAN = "pancaim-pancreatic-cancer-phd"
BONN = "bonn-robustness-explainability-phd"
OCT = "responsible-ai-cardiac-oct-phd"


FAST_RETRIES = (0.05, 0.1, 0.2, 0.2, 0.2)
PRODUCTION_SEND = SendLimits()
FAST_SEND = SendLimits(bulk_rate=0, chat_rate=50.0, backoff=FAST_RETRIES)
FAST_STARTUP = (0.05, 0.1, 0.2)  # start-up calls retried while Telegram is down


def make_config(api: BotApiStandIn, state: Path, *, seeds: Path = SEEDS,
                db: Path, **changes: Any) -> Config:
    config = Config(token=api.token, seeds_dir=seeds, db_path=db, state_path=state,
                    api_base_url=api.base_url, typing_delay=0, flood=FloodLimits(),
                    send=FAST_SEND, startup_backoff=FAST_STARTUP)
    return replace(config, **changes)


def svc(app: App) -> BotServices:
    return services_of(app)


@asynccontextmanager
async def running_bot(config: Config, services: BotServices | None = None,
                      stop: asyncio.Event | None = None) -> AsyncIterator[App]:
    """The bot of `config` (with `services` when given, e.g. opened with another clock);
    `stop` ends its waiting for Telegram at start-up (`startup.Stopped`)."""
    async with lifecycle(build_application(config, services), stop) as app:
        await start_polling(app, timeout=1)  # as `vacbot run` polls, with a short long poll
        yield app


def copy_seeds(tmp: Path) -> Path:
    folder = tmp / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def sent_to(api: BotApiStandIn, chat_id: int) -> list[SentMessage]:
    return [m for m in api.sent if m.chat_id == chat_id]


async def ask(api: BotApiStandIn, chat_id: int, text: str, *, expect: int = 1,
              timeout: float = 5.0, **kwargs: Any) -> list[SentMessage]:
    """Send `text` as a user in `chat_id`; return the bot's next `expect` messages there."""
    before = len(sent_to(api, chat_id))
    api.user_message(chat_id, text, **kwargs)
    await api.wait_for_sent(before + expect, timeout, chat_id=chat_id)
    return sent_to(api, chat_id)[before:]


async def press(api: BotApiStandIn, chat_id: int, data: str, *, message_id: int | None = None,
                user_id: int | None = None, expect: int = 1) -> list[SentMessage]:
    """Press the button with callback `data` on the bot's message; the new messages."""
    before = len(sent_to(api, chat_id))
    answers = len(api.callback_answers)
    api.callback_query(chat_id, user_id=user_id, data=data, message_id=message_id)
    await api.wait_for(lambda: len(api.callback_answers) > answers, what="callback answer")
    if expect:
        await api.wait_for_sent(before + expect, chat_id=chat_id)
    return sent_to(api, chat_id)[before:]


async def settle(api: BotApiStandIn, seconds: float = 0.2) -> None:
    """Let fetched updates be processed (for asserting that nothing was sent)."""
    await api.wait_until_delivered()
    await asyncio.sleep(seconds)


def button(message: SentMessage, label: str) -> str:
    """The callback data of the button whose label contains `label`."""
    for row in (message.reply_markup or {}).get("inline_keyboard", []):
        for b in row:
            if label.lower() in b["text"].lower() and "callback_data" in b:
                return str(b["callback_data"])
    raise AssertionError(f"no button {label!r} in {message.reply_markup}")


def labels(message: SentMessage) -> list[str]:
    return [b["text"] for row in (message.reply_markup or {}).get("inline_keyboard", [])
            for b in row]
