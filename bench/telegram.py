"""Telegram benchmark: messages per second end to end, the real bot against a bare echo bot,
both on the same Bot API stand-in in the same run.

    .venv/bin/python -m bench.telegram [--messages 2000] [--users 400] [--rounds 3]

Each round queues all messages at once (every user sends messages/users questions) and
times until every answer has been accepted by the stand-in. The echo bot is
python-telegram-bot's defaults with one handler that replies with the escaped text in HTML;
vacbot is `build_application` as `vacbot run` builds it (router on the seeds, per-chat
persistence, statistics, flood guard, rate limiter, concurrent updates), except that the
rate limiter's overall 30 messages/s cap is off: that is Telegram's limit, not the bot's
cost. The ratio vacbot/echo is the figure (target: at least 50 %).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import html
import logging
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from bench.common import SEEDS
from bot.telegram.app import ALLOWED_UPDATES, build_application
from bot.telegram.config import Config
from knowledge import build
from tests.standin import BotApiStandIn

QUESTIONS = (
    "What does the PANCAIM position pay?",
    "/contact bonn",
    "/vacancies",
    "what are the requirements for the Bonn PhD?",
    "how do I apply?",
    "hello",
)


def echo_app(api: BotApiStandIn) -> Application:  # type: ignore[type-arg]
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_message.text
        await update.effective_message.reply_html(html.escape(update.effective_message.text))

    app = (Application.builder().token(api.token).base_url(api.base_url)
           .base_file_url(api.base_file_url).build())
    app.add_handler(MessageHandler(filters.TEXT, echo))
    return app


async def one_round(api: BotApiStandIn, app: Any, messages: int, users: int) -> float:
    """Seconds to answer `messages` questions from `users` users (polling, as in production)."""
    await app.initialize()
    if app.post_init is not None:
        await app.post_init(app)
    await app.start()
    await app.updater.start_polling(poll_interval=0, timeout=1,
                                    allowed_updates=list(ALLOWED_UPDATES))
    try:
        api.clear_records()
        start = time.perf_counter()
        for n in range(messages):
            api.user_message(100_000 + n % users, QUESTIONS[(n // users) % len(QUESTIONS)])
        await api.wait_for(lambda: len(api.sent) >= messages, timeout=300, what="all answers")
        elapsed = time.perf_counter() - start
        if api.rejected:
            raise SystemExit(f"the stand-in rejected requests: {api.rejected[:3]}")
    finally:
        await app.updater.stop()
        await app.stop()
        if app.post_stop is not None:
            await app.post_stop(app)
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
    return elapsed


async def measure(label: str, api: BotApiStandIn, make: Callable[[], Any], messages: int,
                  users: int, rounds: int) -> float:
    times = [await one_round(api, make(), messages, users) for _ in range(rounds)]
    best = min(times)
    print(f"{label:>8}: {messages} messages from {users} users, best of {rounds}: "
          f"{best:6.2f} s = {messages / best:7.0f} msg/s   (rounds: "
          f"{', '.join(f'{t:.2f}' for t in times)} s)", flush=True)
    return messages / best


async def main_async(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build(SEEDS, root / "kb.db")
        async with BotApiStandIn(token="1000:BENCH") as api:
            config = Config(token=api.token, seeds_dir=SEEDS, db_path=root / "kb.db",
                            state_path=root / "state.db", api_base_url=api.base_url,
                            max_rate=0)
            users = min(args.users, args.messages)
            per_user = -(-args.messages // users)
            if per_user > config.flood.burst:
                raise SystemExit(f"{per_user} messages per user would trip the flood guard "
                                 f"(burst {config.flood.burst}); use more --users")
            await one_round(api, echo_app(api), 50, 10)  # warm-up
            echo = await measure("echo", api, lambda: echo_app(api), args.messages, users,
                                 args.rounds)
            ours = await measure("vacbot", api, lambda: build_application(
                dataclasses.replace(config)), args.messages, users, args.rounds)
    print(f"   ratio: vacbot / echo = {100 * ours / echo:.0f} % (target >= 50 %)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--messages", type=int, default=2000)
    ap.add_argument("--users", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
