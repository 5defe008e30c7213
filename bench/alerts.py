"""Alerts benchmark: how long telling 10 000 subscribers about a new vacancy takes.

    .venv/bin/python -m bench.alerts [--subscribers 10000] [--sample 300]

The real bot (`build_application`, the router on the seeds, SQLite state) runs against the
Bot API stand-in in the same process. Subscriptions are written straight into the state
database (every one matching the new page: half "every new vacancy", half a topic word,
plus 20 % more on a topic that does not match), then the admin sends `/reload` after adding
a page. Two figures:

1. Raw fan-out, limits lifted (no overall rate limit, no alert pace): every subscriber,
   timed from `/reload` to the last alert accepted by the stand-in; the planning part (the
   matching and queueing before the admin's reply) is shown separately. The stand-in's own
   work (HTTP, HTML validation) runs on the same CPU, so this is a lower bound.
2. At Telegram's limits as `vacbot run` applies them (bulk 30 messages/s, alerts at their
   default 85 % of it, 25.5/s; replies paced per chat; the default typing indicator delay): sending
   10 000 alerts would take ~7 minutes, so a sample of `--sample` subscribers is sent and
   the achieved pace measured from the first to the last alert; the time for all
   subscribers is extrapolated as subscribers / pace (+ the measured planning time) —
   honest because the pacer spaces alerts evenly, so the pace does not depend on how many
   are queued. Meanwhile a user asks a question every half second (a different one each
   time); their answer times show that alerts do not hold up answers.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bot.alerts import Subscription
from bot.telegram.config import SendLimits
from bot.telegram.context import App, services_of
from tests.standin import BotApiStandIn
from tests.standin.harness import copy_seeds, make_config, running_bot
from tests.test_alerts import page

ADMIN = 1
FIRST_CHAT = 1_000_000
DEFAULT_TYPING_DELAY = 0.4  # Config.typing_delay (the tests' configuration uses 0)
NEW_PAGE = page("Histology with deep learning (HISTO)", groups="diag, pathology")


def subscribe(api: BotApiStandIn, app: App, count: int) -> set[int]:
    """`count` matching subscribers (and count/5 that do not match); their chat ids."""
    chats = set(range(FIRST_CHAT, FIRST_CHAT + count))
    others = range(FIRST_CHAT + count, FIRST_CHAT + count + count // 5)
    for chat in [*chats, *others]:
        api.add_chat(chat)
    services_of(app).subscriptions.add_many(
        [*(Subscription(c, "" if c % 2 else "histology") for c in sorted(chats)),
         *(Subscription(c, "cardiac") for c in others)])
    return chats


async def fan_out(api: BotApiStandIn, seeds: Path, chats: set[int],
                  asker: int | None = None) -> tuple[float, float, list[float], list[float]]:
    """/reload with the new page; (planning seconds, seconds until every alert was
    accepted, acceptance times of the alerts, answer times of the questions users from
    chat `asker` on — a new one each time — ask meanwhile)."""
    accepted: list[float] = []
    inner = api._handlers["sendmessage"]

    async def send(params: dict[str, object]) -> object:
        result = await inner(params)
        if params.get("chat_id") in chats:
            accepted.append(time.perf_counter())
        return result

    api._handlers["sendmessage"] = send
    (seeds / "histology-phd.md").write_text(NEW_PAGE, encoding="utf-8")
    start = time.perf_counter()
    replied = len([m for m in api.sent if m.chat_id == ADMIN])
    api.user_message(ADMIN, "/reload")
    await api.wait_for(lambda: len([m for m in api.sent if m.chat_id == ADMIN]) > replied,
                       timeout=120, what="the reload reply")
    planned = time.perf_counter() - start
    answers: list[float] = []
    while len(accepted) < len(chats):
        if asker is None:
            await api.wait_for(lambda: len(accepted) >= len(chats), timeout=3600,
                               what="every alert")
            break
        asked = time.perf_counter()
        api.user_message(asker, "What does the PANCAIM position pay?")
        await api.wait_for_sent(1, timeout=60, chat_id=asker)
        answers.append(time.perf_counter() - asked)
        asker += 1
        await asyncio.sleep(0.5)
    return planned, time.perf_counter() - start, accepted, answers


async def run(subscribers: int, sample: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        # 1. limits lifted
        async with BotApiStandIn(token="1001:ALERTS") as api:
            api.add_chat(ADMIN)
            seeds = copy_seeds(root / "raw")
            config = make_config(api, root / "raw" / "state.db", seeds=seeds,
                                 db=root / "raw" / "kb.db", admin_ids=frozenset({ADMIN}))
            async with running_bot(config) as app:
                services_of(app).fanout.rate = 0
                chats = subscribe(api, app, subscribers)
                planned, total, accepted, _ = await fan_out(api, seeds, chats)
                assert api.rejected == [], api.rejected[:3]
        sending = accepted[-1] - accepted[0]
        print(f"raw fan-out, limits lifted: {len(accepted)} alerts in {total:.1f} s "
              f"(planning {planned:.2f} s, sending {sending:.1f} s = "
              f"{(len(accepted) - 1) / sending:.0f} alerts/s, "
              f"{services_of(app).fanout.in_flight} in flight)")

        # 2. Telegram's limit, on a sample
        async with BotApiStandIn(token="1002:ALERTS") as api:
            api.add_chat(ADMIN)
            seeds = copy_seeds(root / "real")
            config = replace(make_config(api, root / "real" / "state.db", seeds=seeds,
                                         db=root / "real" / "kb.db",
                                         admin_ids=frozenset({ADMIN})),
                             send=SendLimits(), typing_delay=DEFAULT_TYPING_DELAY)
            async with running_bot(config) as app:
                rate = services_of(app).fanout.rate
                chats = subscribe(api, app, sample)
                _, total, accepted, answers = await fan_out(api, seeds, chats, asker=2)
                assert api.rejected == [], api.rejected[:3]
        pace = (len(accepted) - 1) / (accepted[-1] - accepted[0])
        busiest = max(sum(1 for t in accepted if a <= t < a + 1.0) for a in accepted)
        print(f"at the real limit (bulk 30/s, alerts {rate:g}/s): sample of {len(accepted)} "
              f"alerts in {total:.1f} s, pace {pace:.1f} alerts/s, busiest second "
              f"{busiest} alerts")
        print(f"  answers to a user during the fan-out: {len(answers)}, median "
              f"{statistics.median(answers) * 1000:.0f} ms, slowest {max(answers) * 1000:.0f} ms")
        print(f"  {subscribers} subscribers at this pace: {planned + subscribers / pace:.0f} s "
              f"= {(planned + subscribers / pace) / 60:.1f} min (extrapolated: planning "
              f"{planned:.2f} s as measured above + {subscribers} / {pace:.1f} per s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=300)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(run(args.subscribers, args.sample))


if __name__ == "__main__":
    main()
