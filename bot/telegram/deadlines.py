"""A deadline that passes while the bot runs closes the vacancy.

Whether a vacancy is open is settled when the knowledge base is built, for that day (see
`knowledge.status`). A bot that runs for weeks would keep calling a vacancy open after its
deadline, so a JobQueue job checks every `CHECK_EVERY` seconds whether the day has changed
since (`Knowledge.outdated`, against the injectable `Knowledge.today`) and then reloads the
knowledge base the way `/reload` does (`BotServices.reload`: post-reload hooks run) and plans
the alerts the new knowledge base calls for.

When that rebuild fails (a page with an error was saved meanwhile), the previous knowledge
base keeps serving, the problems are logged once, and the rebuild is tried again only when
the day changes again or the pages change (checked at the next run); never in a loop.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass

from bot.telegram import alerts
from bot.telegram.context import App, VacContext, services_of
from bot.telegram.knowledge import Reloaded
from knowledge import BuildError
from knowledge.opening import newest_input

log = logging.getLogger(__name__)

JOB_NAME = "day-changed"
CHECK_EVERY = 3600.0  # seconds between checks whether the day changed (at most this late)


@dataclass
class Refused:
    """The last failed rebuild: for which day, and the pages as they were (their newest
    modification time). Kept with the job, so that it is tried once per day and change."""

    day: dt.date | None = None
    pages: float = 0.0


async def on_new_day(app: App, refused: Refused) -> Reloaded | None:
    """Rebuild when the knowledge base's statuses were settled for another day (before today,
    or after it when the clock ran ahead); what the reload did, or None when nothing was (or
    could be) done."""
    svc = services_of(app)
    knowledge = svc.knowledge
    today = knowledge.today()
    if not knowledge.outdated(today) or knowledge.reloading:
        return None  # a reload that is running settles the statuses for today itself
    pages = await asyncio.to_thread(newest_input, knowledge.seeds)  # stats every page
    if refused.day == today and refused.pages == pages:
        return None
    try:
        done = await svc.reload(app)
    except BuildError as exc:
        refused.day, refused.pages = today, pages
        log.warning("the day changed to %s but the knowledge base cannot be rebuilt; still "
                    "serving the one settled for %s (vacancies whose deadline passed since "
                    "are shown open until /reload succeeds): %s", today,
                    knowledge.kb.status_day or "an unknown day", exc)
        return None
    except Exception:  # e.g. the folder vanished: keep serving, try again tomorrow
        refused.day, refused.pages = today, pages
        log.exception("the day changed to %s but rebuilding the knowledge base failed; still "
                      "serving the previous one", today)
        return None
    log.info("the day changed to %s: open/closed settled again (%d vacancies changed)",
             today, len(done.change.changed))
    try:
        await alerts.announce(app, done.change)
    except Exception:
        log.exception("planning the alerts after the day changed failed")
    return done


async def _job(context: VacContext) -> None:
    refused = context.job.data if context.job is not None else None
    await on_new_day(context.app, refused if isinstance(refused, Refused) else Refused())


def schedule(app: App) -> None:
    """Check every CHECK_EVERY seconds (first after one interval: the knowledge base was
    just opened for today)."""
    if app.job_queue is None:
        log.warning("no job queue: deadlines that pass while the bot runs are noticed only "
                    "at the next /reload or start")
        return
    app.job_queue.run_repeating(_job, CHECK_EVERY, first=CHECK_EVERY, name=JOB_NAME,
                                data=Refused())
