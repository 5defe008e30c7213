"""Vacancy alerts on Telegram: the commands, the buttons, and sending the alerts.

Users: `/subscribe [words]`, `/subscriptions` (each with a remove button), `/unsubscribe
[words]`, and the "Tell me when one appears" button under a list or search that found
nothing. What the words mean is `bot.alerts`; where they are kept, `subscriptions`.

Sending: `announce(app, change)` — called by `/reload` and at start-up — matches the added
and reopened vacancies against every subscription (in a worker thread), queues one alert
per (chat, vacancy) in SQLite in one transaction (pairs planned before are skipped) and
returns how many chats will be told. A JobQueue job then sends the queue in the background:

- paced to `FanOut.rate` messages per second (a fixed interval, no bursts) with at most
  `FanOut.in_flight` requests at once, below the bulk limit (`Policy.bulk` in
  `bot.telegram.limits`, VACBOT_MAX_RATE) and half the connections, so answers to users are
  never queued behind alerts;
- `Forbidden` (the user blocked the bot, left or was deactivated) and "chat not found":
  the chat's subscriptions are deleted at once; a group upgraded to a supergroup
  (`ChatMigrated`) moves with its subscriptions; a 429 (`RetryAfter`) is first retried by
  the rate limiter (which then holds back all bulk sends), then here; `NetworkError`,
  `TimedOut` and 5xx are retried with growing back-off (`FanOut.backoff`) while the other
  alerts carry on; after `FanOut.attempts` tries an alert is marked failed and logged;
- when the application stops, the job stops after the alerts in flight; the rest stay
  queued and are sent after the next start.
"""

from __future__ import annotations

import asyncio
import functools
import html
import logging
import time
from dataclasses import dataclass, replace

from telegram import Message, Update
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    RetryAfter,
    TelegramError,
)

from bot.alerts import Matcher, change_since, describe, matching_subscribers, normalise
from bot.model import Block, Button, Style
from bot.telegram import replies
from bot.telegram.context import App, BotServices, VacContext, services_of
from bot.telegram.limits import BULK, retry_after_seconds
from bot.telegram.subscriptions import MAX_PER_CHAT, Added, Pending
from knowledge import Change

log = logging.getLogger(__name__)

JOB_NAME = "vacancy-alerts"
BATCH = 256  # queued alerts read from SQLite at a time
IDLE_POLL = 0.5  # seconds between checks for stopping while waiting for retries

HOW_TO = ("/subscribe <i>words</i> — e.g. /subscribe pathology — and I'll message you when a "
          "matching vacancy is published; /subscribe alone for every new vacancy.")
NOTHING_READ = ("I can't make an alert from “{raw}”: no topic, group, person or place in it. "
                "Try e.g. /subscribe pathology, or /subscribe alone for every new vacancy.")


def _e(text: str) -> str:
    return html.escape(text, quote=False)


# ---- commands and buttons --------------------------------------------------------------


async def _say(context: VacContext, chat_id: int, text: str,
               buttons: tuple[Button, ...] = ()) -> None:
    await replies.send_html(context.bot, chat_id, text,
                            replies.keyboard(buttons, context.services.shows_actions))


def subscribe_reply(svc: BotServices, chat_id: int, raw: str) -> str:
    """Add the subscription `raw` reads as; the reply to send (HTML)."""
    words = normalise(raw)
    if raw.strip() and not words:
        return _e(NOTHING_READ.format(raw=raw.strip()[:60]))
    added = svc.subscriptions.add(chat_id, words)
    shown = f"<b>{_e(describe(words))}</b>"
    if added is Added.EXISTS:
        return f"You already have an alert for {shown}. /subscriptions lists your alerts."
    if added is Added.FULL:
        return (f"You have {MAX_PER_CHAT} alerts already, the most I keep — remove one first: "
                "/subscriptions.")
    if not words:
        lines = ["🔔 Done: I'll message you whenever a new vacancy is published or a closed "
                 "one opens again."]
    else:
        lines = [f"🔔 Done: I'll message you when a vacancy about {shown} is published or "
                 "opens again."]
        if " " in words:
            lines.append("<i>It has to match all of these words; for either of them, "
                         "subscribe to each separately.</i>")
        router = svc.router
        now = len(Matcher(router.kb, router.resolver).indices(words))
        if now:
            lines.append(f"{now} open {'vacancy matches' if now == 1 else 'vacancies match'} "
                         f"already: /search {_e(words)}")
    lines.append("/subscriptions lists your alerts; /unsubscribe stops them.")
    return "\n".join(lines)


def subscriptions_reply(svc: BotServices, chat_id: int) -> tuple[str, tuple[Button, ...]]:
    """The chat's alerts, each with a remove button."""
    subs = svc.subscriptions.of_chat(chat_id)
    if not subs:
        return "You have no alerts. " + HOW_TO, ()
    lines = [f"<b>Your alerts</b> ({len(subs)}):"]
    lines += [f"{n}. {_e(describe(words))}" for n, (_, words) in enumerate(subs, start=1)]
    lines.append("<i>Tap one to remove it.</i>")
    buttons = tuple(Button(f"✖ {describe(words)[:30]}", action="unsubscribe", arg=str(sub_id))
                    for sub_id, words in subs)
    return "\n".join(lines), buttons


def unsubscribe_reply(svc: BotServices, chat_id: int, raw: str) -> str:
    if not raw.strip():
        n = svc.subscriptions.remove_all(chat_id)
        return (f"Done: {'your alert is' if n == 1 else f'all {n} of your alerts are'} "
                "removed." if n else "You have no alerts. " + HOW_TO)
    words = normalise(raw)
    if words and svc.subscriptions.remove(chat_id, words):
        return f"Done: the alert for <b>{_e(describe(words))}</b> is removed."
    return (f"You have no alert for <b>{_e(words or raw.strip()[:60])}</b>. "
            "/subscriptions lists yours.")


def _command(update: Update, context: VacContext, name: str) -> tuple[int, str] | None:
    """(chat id, the command's words), the command counted for /stats."""
    chat = update.effective_chat
    if chat is None:
        return None
    user = update.effective_user
    context.services.state.stats.record("command", name, user.id if user else None, "")
    return chat.id, " ".join(context.args or [])


async def on_subscribe(update: Update, context: VacContext) -> None:
    """/subscribe [words]"""
    found = _command(update, context, "subscribe")
    if found is not None:
        await _say(context, found[0], subscribe_reply(context.services, *found))


async def on_subscriptions(update: Update, context: VacContext) -> None:
    """/subscriptions"""
    found = _command(update, context, "subscriptions")
    if found is not None:
        text, buttons = subscriptions_reply(context.services, found[0])
        await _say(context, found[0], text, buttons)


async def on_unsubscribe(update: Update, context: VacContext) -> None:
    """/unsubscribe [words]"""
    found = _command(update, context, "unsubscribe")
    if found is not None:
        await _say(context, found[0], unsubscribe_reply(context.services, *found))


async def on_subscribe_button(update: Update, context: VacContext, vacancy: str,
                              arg: str) -> None:
    """"Tell me when one appears" under a list or search that found nothing."""
    query, chat = update.callback_query, update.effective_chat
    if query is None or chat is None:
        return
    await query.answer()
    svc = context.services
    svc.state.stats.record("button", "subscribe", query.from_user.id, "")
    await _say(context, chat.id, subscribe_reply(svc, chat.id, arg))


async def on_remove_button(update: Update, context: VacContext, vacancy: str,
                           arg: str) -> None:
    """✖ under /subscriptions: remove that alert and show the list again in place (`arg`,
    the subscription's id, was checked to be a number by `replies.decode`)."""
    query, chat = update.callback_query, update.effective_chat
    if query is None or chat is None:
        return
    svc = context.services
    removed = svc.subscriptions.remove_id(chat.id, int(arg)) if arg.isdigit() else None
    await query.answer(f"Removed: {describe(removed)}"[:190] if removed is not None
                       else "That alert was already removed.")
    if removed is None or not isinstance(query.message, Message):
        return
    text, buttons = subscriptions_reply(svc, chat.id)
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML,
                                      link_preview_options=replies.NO_PREVIEW,
                                      reply_markup=replies.typed(
                                          replies.keyboard(buttons, svc.shows_actions)))
    except BadRequest as exc:
        if "not modified" not in exc.message.lower():
            raise


# ---- planning --------------------------------------------------------------------------


async def announce(app: App, change: Change) -> int:
    """Queue the alerts `change` calls for and start sending them in the background; the
    number of chats that will be told. Call it right after the knowledge base changed."""
    svc = services_of(app)
    router = svc.router  # the knowledge base the change led to
    async with svc.fanout.planning:
        subs = svc.subscriptions.all()
        matches = await asyncio.to_thread(matching_subscribers, change, router.kb,
                                          router.resolver, subs) if subs else []
        chats = svc.subscriptions.plan(matches, router.kb.listings)
    if chats:
        log.info("alerts: %d alerts queued for %d chats", len(matches), chats)
    if svc.subscriptions.pending():
        start_sending(app)
    return chats


async def on_startup(app: App) -> None:
    """Announce what the pages added or reopened while the bot was down (compared with what
    alerts saw last), and resume alerts a stop interrupted."""
    svc = services_of(app)
    store = svc.subscriptions
    seen = store.seen()
    if seen is None:  # the first start with alerts: remember the vacancies, announce nothing
        store.plan((), svc.knowledge.kb.listings)
    else:
        change = change_since(seen, svc.knowledge.kb)
        if change.added_ids or change.reopened:
            log.info("alerts: %d chats to tell about %d vacancies added or reopened since the "
                     "last run", await announce(app, change),
                     len(change.added_ids) + len(change.reopened))
    if store.pending():
        start_sending(app)
    log.info("alerts: %d chats subscribed, %d alerts queued", store.subscribers(),
             store.pending())


def start_sending(app: App) -> None:
    """Run the sending job unless it is running already (it then picks up new alerts)."""
    if services_of(app).fanout.draining:
        return
    if app.job_queue is None:  # python-telegram-bot without the job-queue extra
        app.create_task(send_queued(app), name=JOB_NAME)
        return
    app.job_queue.run_once(_job, 0, name=JOB_NAME, job_kwargs={"misfire_grace_time": None})


async def _job(context: VacContext) -> None:
    await send_queued(context.app)


# ---- sending ---------------------------------------------------------------------------


class Pacer:
    """At most `rate` calls of `wait` per second, evenly spaced (0: no limit)."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._next = 0.0

    async def wait(self) -> None:
        if not self.interval:
            return
        loop = asyncio.get_running_loop()
        delay = self._next - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        # from the actual send, not the slot: never two closer than `interval`, no catch-up
        self._next = max(loop.time(), self._next) + self.interval


@dataclass
class Tally:
    sent: int = 0
    retried: int = 0
    dropped: int = 0  # chats that blocked the bot
    failed: int = 0
    moot: int = 0  # vacancy gone or closed, or the chat unsubscribed meanwhile


async def send_queued(app: App) -> Tally:
    """Send every queued alert (see the module docstring); returns what happened."""
    svc = services_of(app)
    fan, store = svc.fanout, svc.subscriptions
    tally = Tally()
    if fan.draining:
        return tally
    fan.draining = True
    started = time.monotonic()
    pacer = Pacer(fan.rate)
    slots = asyncio.Semaphore(max(1, fan.in_flight))
    busy: set[tuple[int, str]] = set()
    tasks: set[asyncio.Task[None]] = set()

    def done(task: asyncio.Task[None], key: tuple[int, str]) -> None:
        tasks.discard(task)
        busy.discard(key)
        slots.release()

    try:
        while _running(app):
            now = time.time()
            batch = store.due(now, BATCH, frozenset(busy))
            if not batch:
                wake = store.next_due(now)
                if wake is None and not tasks:
                    break
                timeout = min(IDLE_POLL, max(0.0, wake - now)) if wake else IDLE_POLL
                if tasks:
                    await asyncio.wait(tasks, timeout=timeout,
                                       return_when=asyncio.FIRST_COMPLETED)
                else:
                    await asyncio.sleep(timeout)
                continue
            for pending in batch:
                await slots.acquire()
                if not _running(app):
                    slots.release()
                    break
                await pacer.wait()
                busy.add(pending.key)
                task = asyncio.create_task(_deliver(app, svc, pending, tally))
                tasks.add(task)
                task.add_done_callback(functools.partial(done, key=pending.key))
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
    finally:
        fan.draining = False
    if tally != Tally():
        log.info("alerts: %d sent, %d retries, %d chats blocked the bot, %d failed, %d moot "
                 "in %.1f s; %d still queued", tally.sent, tally.retried, tally.dropped,
                 tally.failed, tally.moot, time.monotonic() - started, store.pending())
    return tally


def _running(app: App) -> bool:
    """Whether the application still runs (it stops: leave the rest queued for next time)."""
    return app.running


async def _deliver(app: App, svc: BotServices, pending: Pending, tally: Tally) -> None:
    """Send one alert and record the outcome; never raises."""
    store, fan = svc.subscriptions, svc.fanout
    listing = svc.knowledge.kb.listing(pending.vacancy)
    if listing is None or listing.closed or not store.has(pending.chat_id):
        store.forget(pending)
        tally.moot += 1
        return

    def retry(delay: float | None, why: object) -> None:
        if pending.attempts + 1 >= fan.attempts:
            store.failed(pending)
            tally.failed += 1
            log.warning("alerts: giving up on an alert after %d tries: %s",
                        pending.attempts + 1, why)
            return
        if delay is None:
            delay = fan.backoff[min(pending.attempts, len(fan.backoff) - 1)]
        store.retry(pending, time.time() + delay)
        tally.retried += 1
        log.info("alerts: retrying an alert in %.1f s: %s", delay, why)

    try:
        await _send_card(app, svc, pending)
    except Forbidden as exc:
        _drop(svc, pending, exc, tally)
    except ChatMigrated as exc:
        store.migrate(pending.chat_id, int(exc.new_chat_id))
    except RetryAfter as exc:
        retry(retry_after_seconds(exc), exc)
    except BadRequest as exc:
        if "chat not found" in exc.message.lower():
            _drop(svc, pending, exc, tally)
        else:  # the request itself is wrong: retrying would not help
            store.failed(pending)
            tally.failed += 1
            log.error("alerts: Telegram refused an alert: %s", exc)
    except TelegramError as exc:  # NetworkError: TimedOut, 5xx, connection errors
        retry(None, exc)
    except Exception:
        store.failed(pending)
        tally.failed += 1
        log.exception("alerts: could not send an alert")
    else:
        store.sent(pending)
        tally.sent += 1


def _drop(svc: BotServices, pending: Pending, exc: TelegramError, tally: Tally) -> None:
    removed = svc.subscriptions.remove_all(pending.chat_id)
    tally.dropped += 1
    log.info("alerts: a chat cannot be reached (%s); its %d subscriptions are removed",
             exc, removed)


def alert_intro(words: str, reopened: bool) -> str:
    what = "Open again" if reopened else "New vacancy"
    return f"🔔 {what}, for your alert “{words}”:" if words else f"🔔 {what}:"


async def _send_card(app: App, svc: BotServices, pending: Pending) -> None:
    """The vacancy card in one message, with its buttons; the chat's context then points at
    the vacancy, so "how do I apply?" right after is about it."""
    chats = svc.state.chats
    answer, ctx = svc.router.card(pending.vacancy, chats.load(pending.chat_id))
    answer = replies.safe_answer(replace(
        answer, blocks=(Block(alert_intro(pending.words, pending.reopened), Style.NOTE),
                        *answer.blocks, Block("Your alerts: /subscriptions", Style.NOTE))))
    chunks = replies.html_chunks(answer)  # a card fits one message; the buttons open the rest
    await replies.send_message(app.bot, pending.chat_id, chunks[0],
                               replies.keyboard(answer.buttons, svc.shows_actions), policy=BULK)
    chats.save(pending.chat_id, ctx)
