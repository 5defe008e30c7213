"""Telegram benchmark: messages per second end to end, the real bot next to a bare echo bot,
both against the same Bot API stand-in in the same run.

    .venv/bin/python -m bench.telegram [--messages 2000] [--users 400] [--rounds 3]
                                       [--in-process]

The stand-in runs in its own process by default, as Telegram would be remote: the bot's
process then pays only for the bot. (With --in-process it shares the bot's event loop and
CPU, so its HTML validation of vacbot's longer answers is counted against vacbot.)

Each round queues all messages at once (every user sends messages/users questions) and
times, inside the stand-in, from queueing the first until the last answer is accepted;
echo and vacbot rounds alternate so both see the same machine load, and the best round of
each counts. The CPU time of the bots' process per message is printed too. The
echo bot is python-telegram-bot's defaults with one handler that replies with the escaped
text in HTML; vacbot is `build_application` as `vacbot run` builds it (the router on the
seeds, per-chat persistence, statistics, flood guard, rate limiter, concurrent updates with
per-chat order), except that the rate limiter's overall 30 messages/s cap is off: that is
Telegram's limit, not the bot's cost. The figure is the ratio vacbot / echo (target ≥ 50 %).
"""

from __future__ import annotations

import argparse
import asyncio
import html
import logging
import multiprocessing as mp
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from bench.common import SEEDS
from bot.telegram.app import ALLOWED_UPDATES, build_application
from bot.telegram.config import Config
from knowledge import build
from tests.standin import BotApiStandIn

TOKEN = "1000:BENCH"
QUESTIONS = (
    "What does the PANCAIM position pay?",
    "/contact bonn",
    "/vacancies",
    "what are the requirements for the Bonn PhD?",
    "how do I apply?",
    "hello",
)


async def timed_round(api: BotApiStandIn, messages: int, users: int) -> tuple[float, int]:
    """Queue the messages, wait for every answer; (seconds, rejected requests)."""
    api.clear_records()
    start = time.perf_counter()
    for n in range(messages):
        api.user_message(100_000 + n % users, QUESTIONS[(n // users) % len(QUESTIONS)])
    await api.wait_for(lambda: len(api.sent) >= messages, timeout=600, what="all answers")
    return time.perf_counter() - start, len(api.rejected)


# ---------------------------------------------------------------- the stand-in's side


def _serve(conn: Connection) -> None:
    async def serve() -> None:
        async with BotApiStandIn(token=TOKEN) as api:
            loop = asyncio.get_running_loop()
            conn.send(api.base_url)
            while True:
                command = await loop.run_in_executor(None, conn.recv)
                if command is None:
                    return
                conn.send(await timed_round(api, *command))

    asyncio.run(serve())


class RemoteStandIn:
    """A BotApiStandIn in a child process, driven over a pipe."""

    def __init__(self) -> None:
        self._conn, child = mp.Pipe()
        self._process = mp.get_context("spawn").Process(target=_serve, args=(child,),
                                                        daemon=True)
        self._process.start()
        self.base_url: str = self._conn.recv()

    async def round(self, messages: int, users: int) -> tuple[float, int]:
        self._conn.send((messages, users))
        result: tuple[float, int] = await asyncio.get_running_loop().run_in_executor(
            None, self._conn.recv)
        return result

    def close(self) -> None:
        self._conn.send(None)
        self._process.join(5)


class LocalStandIn:
    def __init__(self, api: BotApiStandIn) -> None:
        self.api = api
        self.base_url = api.base_url

    async def round(self, messages: int, users: int) -> tuple[float, int]:
        return await timed_round(self.api, messages, users)


# ---------------------------------------------------------------- the bots' side


def echo_app(base_url: str) -> Any:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_message.text
        await update.effective_message.reply_html(html.escape(update.effective_message.text))

    app = (Application.builder().token(TOKEN).base_url(base_url)
           .base_file_url(base_url.replace("/bot", "/file/bot")).build())
    app.add_handler(MessageHandler(filters.TEXT, echo))
    return app


async def one_round(standin: RemoteStandIn | LocalStandIn, app: Any, messages: int,
                    users: int) -> tuple[float, float]:
    """(wall-clock seconds until every answer was accepted, CPU seconds of this process)."""
    await app.initialize()
    if app.post_init is not None:
        await app.post_init(app)
    await app.start()
    await app.updater.start_polling(poll_interval=0, timeout=1,
                                    allowed_updates=list(ALLOWED_UPDATES))
    try:
        cpu = time.process_time()
        elapsed, rejected = await standin.round(messages, users)
        cpu = time.process_time() - cpu
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
    if rejected:
        raise SystemExit(f"the stand-in rejected {rejected} requests")
    return elapsed, cpu


def report(label: str, runs: list[tuple[float, float]], messages: int, users: int) -> float:
    best = min(t for t, _ in runs)
    cpu = min(c for _, c in runs)
    print(f"{label:>8}: {messages} messages from {users} users, best of {len(runs)}: "
          f"{best:6.2f} s = {messages / best:5.0f} msg/s, {1000 * cpu / messages:.2f} ms CPU "
          f"per message  (rounds: {', '.join(f'{t:.2f}' for t, _ in runs)} s)", flush=True)
    return messages / best


async def compare(standin: RemoteStandIn | LocalStandIn, args: argparse.Namespace,
                  root: Path) -> None:
    build(SEEDS, root / "kb.db")
    config = Config(token=TOKEN, seeds_dir=SEEDS, db_path=root / "kb.db",
                    state_path=root / "state.db", api_base_url=standin.base_url, max_rate=0)
    users = min(args.users, args.messages)
    if -(-args.messages // users) > config.flood.burst:
        raise SystemExit(f"more than {config.flood.burst} messages per user would trip the "
                         "flood guard; use more --users")
    await one_round(standin, echo_app(standin.base_url), 100, 20)  # warm-up
    echo: list[tuple[float, float]] = []
    ours: list[tuple[float, float]] = []
    for _ in range(args.rounds):  # interleaved, so that both see the same machine load
        echo.append(await one_round(standin, echo_app(standin.base_url), args.messages, users))
        ours.append(await one_round(standin, build_application(config), args.messages, users))
    ratio = report("vacbot", ours, args.messages, users) / report("echo", echo, args.messages,
                                                                  users)
    where = "the same process" if isinstance(standin, LocalStandIn) else "its own process"
    print(f"   ratio: vacbot / echo = {100 * ratio:.0f} % (target >= 50 %; stand-in in "
          f"{where})")


async def main_async(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        if args.in_process:
            async with BotApiStandIn(token=TOKEN) as api:
                await compare(LocalStandIn(api), args, Path(tmp))
            return
        remote = RemoteStandIn()
        try:
            await compare(remote, args, Path(tmp))
        finally:
            remote.close()


def main() -> None:
    ap = argparse.ArgumentParser(description="messages per second: vacbot vs an echo bot")
    ap.add_argument("--messages", type=int, default=2000)
    ap.add_argument("--users", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--in-process", action="store_true",
                    help="run the stand-in in the bots' process and event loop")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
