"""`/status` (admins): where the pages come from, the last sync and what came of it, the
commit served, the knowledge base's day and size, when the next deadline ends and when the
next digest is due. Times are shown in the configured time zone."""

from __future__ import annotations

import asyncio
import datetime as dt
import html

from telegram import Update

from bot.telegram import admin, deadlines, digest, replies
from bot.telegram.context import App, VacContext, services_of
from bot.telegram.sync import TOLD_BROKEN, status_of
from knowledge.source import Commit


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def when(t: float | dt.datetime | None, tz: dt.tzinfo) -> str:
    if t is None:
        return "never"
    moment = t if isinstance(t, dt.datetime) else dt.datetime.fromtimestamp(t, dt.UTC)
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z")


def describe_status(app: App, commit: Commit | None = None) -> str:
    """The reply to /status (HTML, a dozen lines); `commit`: the one the clone serves."""
    svc = services_of(app)
    tz = svc.config.timezone
    sync = status_of(app)
    kb = svc.knowledge.kb
    source = svc.source.describe() if svc.source else f"folder {svc.knowledge.seeds}"
    lines = [f"<b>Pages</b>: {_e(source)}"]
    if commit is not None:
        lines.append(f"<b>Commit</b>: {_e(str(commit))}, {when(commit.when, tz)}")
    interval = svc.config.sync.interval
    every = f"every {interval:g} s" if interval > 0 and app.job_queue else "only at start"
    lines.append(f"<b>Last sync</b>: {when(sync.last, tz)} — {_e(sync.result)} ({every})")
    if sync.fetch_error:
        lines.append(f"<b>Fetch failing</b> ({sync.fetch_failures}×): {_e(sync.fetch_error)}")
    if svc.state.get(TOLD_BROKEN):
        lines.append("<b>Pages refused</b>: the last change has problems, the previous pages "
                     "are served (/reload lists them)")
    open_now = sum(not x.closed for x in kb.listings)
    lines.append(f"<b>Knowledge base</b>: {len(kb)} vacancies ({open_now} open), open/closed "
                 f"as of {kb.status_day or 'an unknown day'}, built {when(kb.built_at, tz)}")
    close, found = deadlines.planned(app), deadlines.next_close(app)
    if close is not None and found is not None:
        lines.append(f"<b>Next deadline ends</b>: {when(close, tz)} ({_e(found[1])})")
    else:
        lines.append("<b>Next deadline ends</b>: none ahead")
    lines.append(f"<b>Digest</b>: {digest.describe_plan(app)}")
    return "\n".join(lines)


async def on_status(update: Update, context: VacContext) -> None:
    """/status (admins only)."""
    chat = update.effective_chat
    if chat is None or not await admin._admitted(update, context, context.services, "status"):
        return
    source = context.services.source
    commit = await asyncio.to_thread(source.commit) if source is not None else None
    await replies.send_html(context.bot, chat.id, describe_status(context.app, commit))
