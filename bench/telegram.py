"""Telegram burst benchmark: a vacancy shared in a big channel — `--users` people write at
once, `--questions` questions each — answered by the real bot and by a bare echo bot, both
against the same Bot API stand-in running in its own process (as Telegram would be remote).

    .venv/bin/python -m bench.telegram [--users 400] [--questions 3] [--rounds 3]

vacbot is configured exactly as `vacbot run` configures it (`load_config` with only the
token, the stand-in's URL and the file paths set: Telegram's limits per chat and per group,
the bulk limit for alerts, the typing indicator, the flood guard, the update journal, state
written at once). The echo bot is python-telegram-bot's defaults with one handler replying
with the escaped text in HTML. Rounds alternate echo / vacbot so both see the same machine
load; each vacbot round starts with a fresh state database.

Per round, measured inside the stand-in: the wall time from queueing the first question to
accepting the last answer (throughput = questions / that time) and, per user, the time from
their first question to their last answer (p50, p99, max). The figures asked for are the
throughput ratio vacbot / echo (target >= 0.8: vacbot's CPU per question at most 1.3 times
the echo bot's) and vacbot's p99 time to the last reply.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import html
import logging
import multiprocessing as mp
import statistics
import tempfile
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from bench.common import SEEDS
from bot.telegram.app import ALLOWED_UPDATES, build_application, lifecycle
from bot.telegram.config import load_config
from bot.telegram.context import SERVICES
from knowledge import build
from tests.standin import BotApiStandIn

TOKEN = "1000:BENCH"
QUESTIONS = (
    "What does the PANCAIM position pay?",
    "/contact bonn",
    "what are the requirements for the Bonn PhD?",
)
FIRST_USER = 100_000


@dataclass(frozen=True)
class Round:
    seconds: float  # first question queued → last answer accepted
    per_user: tuple[float, ...]  # each user's first question → their last answer
    rejected: int

    def throughput(self, questions: int) -> float:
        return questions / self.seconds

    def quantile(self, q: float) -> float:
        ordered = sorted(self.per_user)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def timed_round(api: BotApiStandIn, users: int, questions: int) -> Round:
    """Queue every question at once, wait until every user has all answers."""
    api.clear_records()
    chats = range(FIRST_USER, FIRST_USER + users)
    first: dict[int, float] = {}
    for n in range(questions):
        for chat in chats:
            update = api.user_message(chat, QUESTIONS[n % len(QUESTIONS)])
            first.setdefault(chat, api.queued_at[update["update_id"]])
    counts = dict.fromkeys(chats, 0)
    last: dict[int, float] = {}

    def done() -> bool:
        for m in api.sent[sum(counts.values()):]:
            counts[int(m.chat_id)] += 1
            last[int(m.chat_id)] = m.at
        return all(n >= questions for n in counts.values())

    await api.wait_for(done, timeout=600, what="every answer")
    start = min(first.values())
    return Round(max(last.values()) - start, tuple(last[c] - first[c] for c in chats),
                 len(api.rejected))


# ---------------------------------------------------------------- the stand-in's process


def _serve(conn: Connection) -> None:
    async def serve() -> None:
        async with BotApiStandIn(token=TOKEN, max_poll_wait=1.0) as api:
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

    async def round(self, users: int, questions: int) -> Round:
        self._conn.send((users, questions))
        result: Round = await asyncio.get_running_loop().run_in_executor(None, self._conn.recv)
        return result

    def close(self) -> None:
        self._conn.send(None)
        self._process.join(5)


# ---------------------------------------------------------------- the bots' process


def echo_app(base_url: str) -> Any:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_message.text
        await update.effective_message.reply_html(html.escape(update.effective_message.text))

    app = (Application.builder().token(TOKEN).base_url(base_url)
           .base_file_url(base_url.replace("/bot", "/file/bot")).build())
    app.add_handler(MessageHandler(filters.TEXT, echo))
    return app


def vacbot_app(base_url: str, kb: Path, state: Path) -> Any:
    """The application `vacbot run` builds, from the same configuration."""
    config = load_config(env={"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": base_url,
                              "VACBOT_SEEDS_DIR": str(SEEDS), "VACBOT_DB": str(kb),
                              "VACBOT_STATE_DB": str(state)}, dotenv=None)
    return build_application(config)


async def one_round(standin: RemoteStandIn, app: Any, users: int,
                    questions: int) -> tuple[Round, float]:
    """(the round, CPU seconds of this process). vacbot starts as `vacbot run` starts it;
    the echo bot as python-telegram-bot's defaults start an application."""
    async with contextlib.AsyncExitStack() as stack:
        if app.bot_data.get(SERVICES) is not None:
            await stack.enter_async_context(lifecycle(app))
        else:
            await stack.enter_async_context(app)
            await app.start()
            stack.push_async_callback(app.stop)
        await app.updater.start_polling(poll_interval=0, timeout=1,
                                        allowed_updates=list(ALLOWED_UPDATES))
        stack.push_async_callback(app.updater.stop)
        cpu = time.process_time()
        result = await standin.round(users, questions)
        cpu = time.process_time() - cpu
    if result.rejected:
        raise SystemExit(f"the stand-in rejected {result.rejected} requests")
    return result, cpu


def report(label: str, runs: list[tuple[Round, float]], questions: int) -> None:
    rates = [r.throughput(questions) for r, _ in runs]
    p99 = [r.quantile(0.99) for r, _ in runs]
    cpu = statistics.median(c for _, c in runs)
    print(f"{label:>7}: {statistics.median(rates):5.0f} questions/s (median of "
          f"{len(runs)}; rounds {', '.join(f'{x:.0f}' for x in rates)}); time to a user's "
          f"last reply p50 {statistics.median(r.quantile(0.5) for r, _ in runs):.2f} s, "
          f"p99 {statistics.median(p99):.2f} s (rounds {', '.join(f'{x:.2f}' for x in p99)}), "
          f"max {max(max(r.per_user) for r, _ in runs):.2f} s; "
          f"{1000 * cpu / questions:.2f} ms CPU per question", flush=True)


async def compare(standin: RemoteStandIn, args: argparse.Namespace, root: Path) -> None:
    kb = root / "kb.db"
    build(SEEDS, kb)
    questions = args.users * args.questions
    await one_round(standin, echo_app(standin.base_url), 50, 2)  # warm-up
    echo: list[tuple[Round, float]] = []
    ours: list[tuple[Round, float]] = []
    for n in range(args.rounds):  # interleaved, so that both see the same machine load
        echo.append(await one_round(standin, echo_app(standin.base_url), args.users,
                                    args.questions))
        ours.append(await one_round(standin, vacbot_app(standin.base_url, kb,
                                                        root / f"state-{n}.db"),
                                    args.users, args.questions))
    print(f"{args.users} users x {args.questions} questions = {questions} at once; "
          "stand-in in its own process")
    report("vacbot", ours, questions)
    report("echo", echo, questions)
    ratios = [o.throughput(questions) / e.throughput(questions)
              for (o, _), (e, _) in zip(ours, echo, strict=True)]
    print(f"  ratio: vacbot / echo = {statistics.median(ratios):.2f} (median; rounds "
          f"{', '.join(f'{x:.2f}' for x in ratios)}; target >= 0.8)")


async def main_async(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        remote = RemoteStandIn()
        try:
            await compare(remote, args, Path(tmp))
        finally:
            remote.close()


def main() -> None:
    ap = argparse.ArgumentParser(description="a burst of questions: vacbot vs an echo bot")
    ap.add_argument("--users", type=int, default=400)
    ap.add_argument("--questions", type=int, default=3, help="questions per user")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
