"""The `vacbot` command: a thin shell over the knowledge package, the router and transports.

    vacbot ingest [--seeds DIR] [--db PATH]     build the knowledge base
    vacbot check  [--seeds DIR]                 lint the pages
    vacbot chat   [--jsonl] [--seeds DIR] [--db PATH]
    vacbot ask "question" [--json]
    vacbot run    [--webhook-url URL] [--port N]
    vacbot health [--max-age SECONDS]           is the running bot alive? (exit 0/1)

`main(argv)` returns the exit code, so tests call it in-process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from bot.config import db_path, seeds_dir
from bot.telegram import health
from knowledge import BuildError, build, read_folder
from knowledge.lint import lint


def _cmd_ingest(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        report = build(seeds_dir(args.seeds), db_path(args.db), args.today,
                       skip_bad=args.skip_bad)
    except BuildError as exc:
        print(f"ingest failed: {exc}", file=err)
        if not args.skip_bad:
            print("(--skip-bad builds from the readable pages and lists the others)", file=err)
        return 1
    print(report.summary(), file=out)
    for problem in report.problems:
        print(f"skipped {problem}", file=err)
    return 0


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """The findings (`knowledge.lint`), then a summary; exit 1 when a page has an error or
    the folder has no page at all."""
    folder = seeds_dir(args.seeds)
    try:
        result = lint(folder, read_folder(folder))
    except BuildError as exc:
        print(str(exc), file=err)  # each problem's file name is escaped (Problem.__str__)
        return 1
    for line in (*result.lines, result.summary):
        print(line, file=out)
    return 1 if result.failed else 0


def _cmd_chat(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from bot.console import chat

    return chat(seeds_dir(args.seeds), db_path(args.db), jsonl=args.jsonl,
                stdin=sys.stdin, out=out, err=err, today=args.today)


def _cmd_ask(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from bot.console import ask

    return ask(" ".join(args.question), seeds_dir(args.seeds), db_path(args.db),
               as_json=args.json, out=out, err=err, today=args.today)


def _cmd_run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from bot.telegram.app import run

    return run(webhook_url=args.webhook_url, port=args.port, seeds=args.seeds, db=args.db,
               err=err)


def _cmd_health(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import time

    from bot.telegram.config import data_paths, read_settings

    values = read_settings()
    _, path = data_paths(values, db_path(args.db or values.get("VACBOT_DB") or None))
    result = health.status(path, time.monotonic(), health.boot_id(), args.max_age)
    print(f"{'healthy' if result.healthy else 'unhealthy'}: {result.message}", file=out)
    return 0 if result.healthy else 1


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="vacbot", description="Answers applicants' questions "
                                "from a research group's vacancy pages.")
    sub = p.add_subparsers(dest="command", required=True)

    def command(name: str, func: Callable[[argparse.Namespace, TextIO, TextIO], int],
                summary: str, db: bool = True, today: bool = True) -> argparse.ArgumentParser:
        """Subcommand `name`, run by `func`: --seeds, --db if `db`, --today if both."""
        sp = sub.add_parser(name, help=summary)
        sp.set_defaults(func=func)
        sp.add_argument("--seeds", help="folder of vacancy pages (default $VACBOT_SEEDS_DIR "
                        "or ./seeds)")
        if db:
            sp.add_argument("--db", help="knowledge base path (default $VACBOT_DB or the "
                            "user data directory)")
        if db and today:
            sp.add_argument("--today", type=_day, default=None, metavar="YYYY-MM-DD",
                            help="settle open/closed as on this day (default: today); for "
                            "reproducible runs")
        return sp

    sp = command("ingest", _cmd_ingest, "build the knowledge base from the pages; exit 1 and "
                 "keep the previous one when a page has an error")
    sp.add_argument("--skip-bad", action="store_true",
                    help="build from the readable pages, listing the ones skipped")
    command("check", _cmd_check, "lint the pages; exit 1 on errors", db=False)
    sp = command("chat", _cmd_chat, "talk to the bot in the console")
    sp.add_argument("--jsonl", action="store_true", help="JSON-lines protocol on stdin/stdout")
    sp = command("ask", _cmd_ask, "ask one question")
    sp.add_argument("question", nargs="+")
    sp.add_argument("--json", action="store_true", help="print the answer object as JSON")
    sp = command("run", _cmd_run, "run the Telegram bot (needs TELEGRAM_BOT_TOKEN)", today=False)
    sp.add_argument("--webhook-url", help="serve a webhook at this public URL instead of polling")
    sp.add_argument("--port", type=int, default=8443, help="webhook listen port (default 8443)")
    sp = sub.add_parser("health", help="exit 0 while the running bot's heartbeat is fresh, "
                        "1 otherwise (for health checks)")
    sp.add_argument("--db", help="knowledge base path, to find the heartbeat next to its state "
                    "database (default $VACBOT_DB; $VACBOT_HEARTBEAT names the file itself)")
    sp.add_argument("--max-age", type=float, default=health.MAX_AGE,
                    metavar="SECONDS", help="oldest heartbeat that still counts as alive "
                    "(default %(default)g)")
    sp.set_defaults(func=_cmd_health)
    return p


def main(argv: Sequence[str] | None = None, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.func(args, out or sys.stdout, err or sys.stderr))


def entry() -> None:
    sys.exit(main())


