"""Following the group's pages while the bot runs, so that a page published on the website
is answered from without anyone at the server.

- `open_pages` (start-up): a repository (`VACBOT_PAGES_GIT`) is cloned into the data
  directory unless a clone is there already, which is fetched instead (never cloned again;
  when the fetch fails the clone serves as it is); then the knowledge base is opened from the
  pages (`Knowledge.open`: rebuilt when they are newer).
- A JobQueue job looks at the pages every `VACBOT_SYNC_INTERVAL` seconds: a repository is
  fetched and its newest commit checked out; a plain folder is looked at as it is. When the
  pages changed (`knowledge.source.fingerprint`), the knowledge base is rebuilt as `/reload`
  does (`BotServices.reload`: post-reload hooks run, alerts are planned).
- A set of pages with a broken page is refused as a whole: the previous knowledge base keeps
  serving, and the admins are told once, in Telegram, with file:line and reason (the
  problems are remembered in the state database, so a restart does not tell them again).
  When the pages build again, by a later push, an edit or `/reload`, they are told that too.
  A repository that cannot be fetched several times in a row is told once, and its recovery.

`/status` shows what the last look found (`bot.telegram.status`).
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from telegram.error import TelegramError

from bot.telegram import admin, alerts, replies
from bot.telegram.config import Config
from bot.telegram.context import App, VacContext, services_of
from bot.telegram.knowledge import Knowledge, StartupError, Today
from knowledge import BuildError, Change, Problem
from knowledge.opening import stale_reason
from knowledge.source import PageSource, SourceError

log = logging.getLogger(__name__)

JOB_NAME = "pages-sync"
STATUS = "vacbot.sync"  # bot_data key of the `SyncStatus`
START_FETCH = 30.0  # seconds the fetch at start-up may take (the bot is not up meanwhile)
TOLD_BROKEN = "sync_told_broken"  # state meta: the problems the admins were told about
FETCH_TELL_AFTER = 3  # failed fetches in a row before the admins are told


@dataclass
class SyncStatus:
    """What the last look at the pages found (for /status and the messages to admins)."""

    last: float | None = None  # unix time of the last look
    result: str = "not looked at yet"
    fetch_error: str = ""
    fetch_failures: int = 0  # in a row
    told_fetch: bool = False
    lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)


def status_of(app: App) -> SyncStatus:
    found = app.bot_data.get(STATUS)
    if not isinstance(found, SyncStatus):
        found = app.bot_data[STATUS] = SyncStatus()
    return found


def _e(text: str) -> str:
    return html.escape(text, quote=False)


# ---- start-up -------------------------------------------------------------------------


class CloneError(StartupError):
    """The pages' repository could not be cloned at the first start."""


def open_pages(config: Config, today: Today) -> tuple[PageSource, Knowledge]:
    """Clone the repository if there is no clone yet, then open the knowledge base from the
    pages; CloneError (one line) when the first clone fails."""
    source = config.sync.source(config.seeds_dir)
    clone = source.clone
    if clone is not None:
        try:
            cloned = source.prepare()
        except SourceError as exc:
            raise CloneError(f"cannot clone the pages' repository {clone.spec.shown()} into "
                             f"{clone.path}: {exc}") from exc
        if not cloned:
            try:
                clone.update(START_FETCH)
            except SourceError as exc:
                log.warning("cannot fetch the pages' repository at start (serving the pages "
                            "fetched before): %s", exc)
        log.info("%s the pages' repository %s in %s (commit %s)",
                 "cloned" if cloned else "using the clone of", clone.spec.shown(), clone.path,
                 source.commit() or "unknown")
    knowledge = Knowledge.open(config.seeds_dir, config.db_path, today)
    # pages newer than the knowledge base (a rebuild was refused): the first look retries it
    source.start(up_to_date=not stale_reason(config.seeds_dir, config.db_path, today()))
    return source, knowledge


def install(app: App) -> None:
    """Look at the pages every `sync.interval` seconds (0: only at start), and note every
    rebuild, whatever caused it."""
    svc = services_of(app)
    if svc.source is None:
        return
    svc.post_reload.append(_after_reload)
    svc.before_reload.append(fetch_now)
    interval = svc.config.sync.interval
    if interval <= 0 or app.job_queue is None:
        log.info("pages: %s, not followed while the bot runs (/reload rebuilds)",
                 svc.source.describe())
        return
    app.job_queue.run_repeating(_job, interval, first=interval, name=JOB_NAME)
    log.info("pages: %s, looked at every %g s", svc.source.describe(), interval)


# ---- a look at the pages -----------------------------------------------------------------


async def _job(context: VacContext) -> None:
    await sync_once(context.app)


async def sync_once(app: App) -> str:
    """Fetch (a repository), and rebuild when the pages changed; what happened, in words.
    Looks never overlap; a rebuild that fails keeps the previous knowledge base."""
    svc = services_of(app)
    source, status = svc.source, status_of(app)
    if source is None:
        return "no source"
    async with status.lock:
        poll = await asyncio.to_thread(source.poll)
        status.last = svc.now()
        await _fetched(app, status, poll.error)
        # open/closed settled for another day than today: the clock was set back after
        # running ahead (a deadline's passing has its own job)
        if not poll.changed and not svc.knowledge.outdated(svc.knowledge.today()):
            status.result = "no change" + (f" (fetch failed: {poll.error})" if poll.error else "")
            return status.result
        try:
            done = await svc.reload(app)
        except BuildError as exc:
            status.result = (f"refused: {len(exc.problems)} problem(s), still serving the "
                             "previous pages")
            await _tell_broken(app, exc.problems)
            return status.result
        except Exception as exc:  # not the pages' fault (e.g. a full disk): try again
            source.forget()
            log.exception("the pages changed but the knowledge base could not be rebuilt")
            status.result = f"rebuild failed ({type(exc).__name__}: {exc})"[:300]
            return status.result
        change = done.change
        status.result = (f"rebuilt: {len(svc.knowledge.kb)} vacancies (+{len(change.added)} "
                         f"-{len(change.removed)} ~{len(change.changed)})")
        log.info("pages changed: %s", status.result)
    try:
        await alerts.announce(app, done.change)
    except Exception:
        log.exception("planning the alerts after the pages changed failed")
    return status.result


async def fetch_now(app: App) -> str:
    """Before a `/reload`: fetch the repository, so that a page pushed a moment ago is
    read without waiting for the next look. Why it could not be fetched ("" if it was, or
    the pages are a plain folder); the rebuild then reads the pages fetched before."""
    svc = services_of(app)
    source, status = svc.source, status_of(app)
    if source is None or source.clone is None:
        return ""
    async with status.lock:
        poll = await asyncio.to_thread(source.poll)
        status.last = svc.now()
        await _fetched(app, status, poll.error)
    return poll.error and f"The repository could not be fetched ({poll.error})"


async def _fetched(app: App, status: SyncStatus, error: str) -> None:
    """Log a fetch that fails (once per error), tell the admins when it keeps failing, and
    when it works again."""
    if error:
        status.fetch_failures += 1
        if error != status.fetch_error:
            log.warning("cannot fetch the pages' repository (serving the pages fetched "
                        "before): %s", error)
        status.fetch_error = error
        if status.fetch_failures >= FETCH_TELL_AFTER and not status.told_fetch:
            status.told_fetch = True
            await tell_admins(app, f"⚠️ <b>The pages' repository cannot be fetched</b> "
                              f"({status.fetch_failures} tries in a row): {_e(error)}\n"
                              "The bot keeps answering from the pages it has.")
        return
    if status.fetch_error:
        log.info("fetching the pages' repository works again")
        if status.told_fetch:
            await tell_admins(app, "✅ The pages' repository can be fetched again.")
    status.fetch_error, status.fetch_failures, status.told_fetch = "", 0, False


def _problems_key(problems: Sequence[Problem]) -> str:
    return hashlib.sha256("\n".join(sorted(map(str, problems))).encode()).hexdigest()[:24]


async def _tell_broken(app: App, problems: Sequence[Problem]) -> None:
    """Tell the admins what is wrong with the pages, unless they were told already."""
    svc = services_of(app)
    key = _problems_key(problems)
    if svc.state.get(TOLD_BROKEN) == key:
        return
    svc.state.put(TOLD_BROKEN, key)
    log.warning("the pages changed but cannot be served (the previous ones still are): %s",
                "; ".join(map(str, problems[:5])))
    commit = await asyncio.to_thread(svc.source.commit) if svc.source else None
    head = "📄 <b>The pages changed but cannot be served</b>"
    head += f" (commit {_e(str(commit))})" if commit else ""
    await tell_admins(app, head + "\n" + admin.describe_problems(problems,
                                                                 svc.knowledge.seeds))


async def _after_reload(change: Change, app: App) -> None:
    """Any successful rebuild (a look, /reload, a deadline): these pages are seen, and if
    the admins were told they were broken, they are told they are fine again."""
    svc = services_of(app)
    if svc.source is not None:
        await asyncio.to_thread(svc.source.built)
    if svc.state.get(TOLD_BROKEN):
        svc.state.put(TOLD_BROKEN, "")
        commit = await asyncio.to_thread(svc.source.commit) if svc.source else None
        await tell_admins(app, "✅ <b>The pages are served again</b>"
                          + (f" (commit {_e(str(commit))})" if commit else "")
                          + f": {len(svc.knowledge.kb)} vacancies now.")


async def tell_admins(app: App, text: str) -> int:
    """Send `text` (HTML) to every admin; how many got it."""
    told = 0
    for admin_id in sorted(services_of(app).config.admin_ids):
        try:
            await replies.send_html(app.bot, admin_id, text)
            told += 1
        except TelegramError as exc:  # e.g. the admin never started a chat with the bot
            log.warning("could not tell admin %d: %s", admin_id, exc)
    return told
