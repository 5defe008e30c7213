"""A vacancy closes the moment its deadline day ends.

Whether a vacancy is open is settled when the knowledge base is built, for a day (see
`knowledge.status`: a deadline has passed from the day after it). So the bot plans one
JobQueue job (`run_once`) for the moment the earliest deadline of a vacancy still open ends
— midnight after that day in the configured time zone (`VACBOT_TIMEZONE`, default the
host's) — and then rebuilds the knowledge base the way `/reload` does
(`BotServices.reload`: post-reload hooks run, alerts are planned). Alerts still queued for a
vacancy that closed are then dropped when their turn comes (`bot.telegram.alerts`). After
every successful reload — this one, `/reload`, a sync of the pages — the job is planned
again from the new knowledge base (a post-reload hook).

When that rebuild fails (a page with an error was saved meanwhile), the previous knowledge
base keeps serving, the problem is logged, and the job moves on to the next deadline; the
next look at the pages (`bot.telegram.sync`) rebuilds whatever it finds — telling the admins
what is wrong, once — and the rebuild that follows the page's repair settles open/closed for
the day. Never in a loop.

The clock is `BotServices.now` (unix time), and `Knowledge.today` its date in the time zone
(`today_in`): both injectable, so that tests never depend on the machine's clock. The job is
planned that many seconds ahead of `now()`, and carries the moment it stands for.
"""

from __future__ import annotations

import datetime as dt
import logging

from bot.telegram import alerts
from bot.telegram.context import App, VacContext, services_of
from bot.telegram.knowledge import Now, Reloaded, Today
from knowledge import BuildError, Change
from knowledge.opening import next_deadline

log = logging.getLogger(__name__)

JOB_NAME = "deadline"


def today_in(tz: dt.tzinfo, now: Now) -> Today:
    """The date `now()` has in `tz`."""
    return lambda: dt.datetime.fromtimestamp(now(), tz).date()


def day_end(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    """The moment `day` ends in `tz`: midnight at the start of the next day."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=tz)


def next_close(app: App) -> tuple[dt.datetime, str] | None:
    """When the next deadline day of an open vacancy ends, and the vacancy's title."""
    svc = services_of(app)
    kb = svc.knowledge.kb
    found = next_deadline(kb, svc.knowledge.today())
    if found is None:
        return None
    day, vacancy_id = found
    listing = kb.listing(vacancy_id)
    return day_end(day, svc.config.timezone), listing.title if listing else vacancy_id


def planned(app: App) -> dt.datetime | None:
    """The deadline end the job is planned for (None: no deadline ahead, or no job queue)."""
    if app.job_queue is None:
        return None
    jobs = app.job_queue.get_jobs_by_name(JOB_NAME)
    return jobs[0].data if jobs and isinstance(jobs[0].data, dt.datetime) else None


def schedule(app: App) -> dt.datetime | None:
    """(Re)plan the job for the end of the next deadline day; that moment, or None."""
    if app.job_queue is None:
        log.warning("no job queue: deadlines that pass while the bot runs are noticed only "
                    "at the next /reload or start")
        return None
    for job in app.job_queue.get_jobs_by_name(JOB_NAME):
        job.schedule_removal()
    found = next_close(app)
    if found is None:
        log.info("no deadline ahead of an open vacancy")
        return None
    when, title = found
    delay = max(0.0, when.timestamp() - services_of(app).now())
    app.job_queue.run_once(_job, delay, name=JOB_NAME, data=when,
                           job_kwargs={"misfire_grace_time": None})
    log.info("the next deadline ends at %s (%s)", when.isoformat(timespec="minutes"), title)
    return when


async def on_deadline(app: App) -> Reloaded | None:
    """A deadline day ended: settle open/closed again; what the reload did, or None."""
    svc = services_of(app)
    knowledge = svc.knowledge
    today = knowledge.today()
    done: Reloaded | None = None
    if knowledge.outdated(today):
        try:
            done = await svc.reload(app)
        except BuildError as exc:
            log.warning("a deadline passed (now %s) but the knowledge base cannot be rebuilt; "
                        "still serving the one settled for %s until the pages are fixed: %s",
                        today, knowledge.kb.status_day or "an unknown day", exc)
        except Exception:  # e.g. the folder vanished: keep serving
            log.exception("a deadline passed (now %s) but rebuilding the knowledge base "
                          "failed; still serving the previous one", today)
    if done is None:
        if knowledge.outdated(today) and svc.source is not None:
            svc.source.forget()  # the next look at the pages rebuilds, whatever it finds
        schedule(app)  # after a reload the post-reload hook plans the next one
        return None
    log.info("a deadline passed: open/closed settled for %s (%d vacancies changed)", today,
             len(done.change.changed))
    try:
        await alerts.announce(app, done.change)
    except Exception:
        log.exception("planning the alerts after a deadline failed")
    return done


async def _job(context: VacContext) -> None:
    await on_deadline(context.app)


async def _replan(change: Change, app: App) -> None:
    schedule(app)


def install(app: App) -> None:
    """Plan the job, and plan it again after every reload."""
    services_of(app).post_reload.append(_replan)
    schedule(app)
