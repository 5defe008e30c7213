"""The admins' digest: every `VACBOT_DIGEST_DAYS` days (7; 0 = none) each admin gets one
message with what a group needs to improve its pages — how many questions were asked and
answered, the questions the pages could not answer (similar ones grouped, with the vacancy
they were about, the ten most asked), the vacancies asked about most, and the subscribers
alerts gained and lost.

It covers the time since the previous digest (kept in the state database, so a restart
neither repeats nor skips one); a JobQueue job (`run_once`) is planned for the moment the
next one is due, and a digest missed while the bot was down is sent soon after it starts.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.telegram.context import App, VacContext, services_of
from bot.telegram.state import Window
from bot.telegram.sync import tell_admins
from knowledge.textnorm import fold

log = logging.getLogger(__name__)

JOB_NAME = "admin-digest"
SENT = "digest_sent"  # state meta: unix time up to which the last digest counted
TOP_QUESTIONS = 10
TOP_VACANCIES = 5
SAME = 85  # rapidfuzz token_sort_ratio from which two unanswered questions are one
QUESTION_CHARS = 160
TITLE_CHARS = 70


@dataclass(frozen=True, slots=True)
class Group:
    """Unanswered questions that ask the same, about the same vacancy."""

    text: str  # the most common wording
    vacancy: str  # its id, "" when about none in particular
    count: int


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text).lower()))


def group_unanswered(rows: Sequence[tuple[str, str]]) -> list[Group]:
    """(text, vacancy) rows (newest first) grouped by vacancy and near-identical wording,
    the most asked first (ties: the most recently asked first)."""
    groups: list[tuple[str, str, Counter[str]]] = []  # key, vacancy, wordings
    for text, vacancy in rows:
        key = _key(text)
        if not key:
            continue
        for gkey, gvacancy, wordings in groups:
            if gvacancy == vacancy and (gkey == key or fuzz.token_sort_ratio(gkey, key) >= SAME):
                wordings[text] += 1
                break
        else:
            groups.append((key, vacancy, Counter({text: 1})))
    found = [Group(wordings.most_common(1)[0][0], vacancy, sum(wordings.values()))
             for _, vacancy, wordings in groups]
    return sorted(found, key=lambda g: -g.count)  # stable: newest first among ties


@dataclass(frozen=True, slots=True)
class Digest:
    since: float
    until: float
    window: Window
    new_subscribers: int
    lost_subscribers: int
    subscribers: int


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1].rstrip() + "…"


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def describe_digest(d: Digest, title: Callable[[str], str], tz: dt.tzinfo) -> str:
    """The digest message (HTML, well under Telegram's 4096 characters); `title` names a
    vacancy id."""
    w = d.window
    first = dt.datetime.fromtimestamp(d.since, tz).date()
    last = dt.datetime.fromtimestamp(d.until, tz).date()
    lines = [f"📊 <b>Digest</b>, {first.isoformat()} – {last.isoformat()}"]
    if not w.questions:
        lines.append("No questions were asked.")
    else:
        share = 100.0 * w.answered / w.questions
        lines.append(f"<b>Questions</b>: {w.questions} from {w.users} "
                     f"{'user' if w.users == 1 else 'users'}; {w.answered} answered "
                     f"({share:.0f}%), {w.questions - w.answered} not.")
    groups = group_unanswered(w.unanswered)
    if groups:
        shown = groups[:TOP_QUESTIONS]
        of = f" (the {len(shown)} most asked of {len(groups)})" if len(groups) > len(shown) else ""
        lines += ["", f"<b>What the pages could not answer</b>{of}:"]
        for g in shown:
            about = f" — <i>{_e(_short(title(g.vacancy), TITLE_CHARS))}</i>" if g.vacancy else ""
            times = f" ×{g.count}" if g.count > 1 else ""
            lines.append(f"• “{_e(_short(g.text, QUESTION_CHARS))}”{times}{about}")
    if w.per_vacancy:
        lines += ["", "<b>Asked about most</b>:"]
        lines += [f"• {_e(_short(title(v), TITLE_CHARS))}: {n}"
                  for v, n in w.per_vacancy.most_common(TOP_VACANCIES)]
    lines += ["", f"<b>Alerts</b>: {d.new_subscribers} new "
                  f"{'subscriber' if d.new_subscribers == 1 else 'subscribers'}, "
                  f"{d.lost_subscribers} lost; {d.subscribers} in all."]
    if groups:
        lines.append("<i>Answering these on the pages helps the next applicants; /stats has "
                     "the details.</i>")
    return "\n".join(lines)


def _title(app: App) -> Callable[[str], str]:
    kb = services_of(app).knowledge.kb

    def title(vacancy_id: str) -> str:
        listing = kb.listing(vacancy_id)
        return listing.title if listing else f"{vacancy_id} (no longer on the pages)"
    return title


def collect(app: App, since: float, until: float) -> Digest:
    svc = services_of(app)
    new, lost = svc.subscriptions.changes(since, until)
    svc.state.flush()
    return Digest(since, until, svc.state.stats.window(since, until), new, lost,
                  svc.subscriptions.subscribers())


async def send_digest(app: App) -> int:
    """Send the digest of the time since the last one to every admin, then plan the next;
    how many admins got it."""
    svc = services_of(app)
    until = int(svc.now()) + 1  # questions are recorded by the second
    days = svc.config.sync.digest_days
    since = int(float(svc.state.get(SENT) or until - days * 86_400))
    text = describe_digest(collect(app, since, until), _title(app), svc.config.timezone)
    told = await tell_admins(app, text)
    svc.state.put(SENT, str(until))
    log.info("digest sent to %d of %d admins", told, len(svc.config.admin_ids))
    schedule(app)
    return told


async def _job(context: VacContext) -> None:
    await send_digest(context.app)


def due(app: App, now: float) -> float | None:
    """When the next digest is due (unix time; None: no digest). The first start with a
    digest starts counting."""
    svc = services_of(app)
    days = svc.config.sync.digest_days
    if days <= 0:
        return None
    last = svc.state.get(SENT)
    if not last:
        last = str(int(now))
        svc.state.put(SENT, last)
    return float(last) + days * 86_400


def schedule(app: App) -> dt.datetime | None:
    """Plan the next digest (at once if it is overdue); when it is due, or None."""
    if app.job_queue is None:
        return None
    for job in app.job_queue.get_jobs_by_name(JOB_NAME):
        job.schedule_removal()
    now = services_of(app).now()
    at = due(app, now)
    if at is None:
        return None
    when = dt.datetime.fromtimestamp(at, dt.UTC)
    app.job_queue.run_once(_job, max(0.0, at - now), name=JOB_NAME, data=when,
                           job_kwargs={"misfire_grace_time": None})
    return when


def describe_plan(app: App) -> str:
    """"every 7 days, next 2024-06-08 10:00 CEST", or "off"."""
    days = services_of(app).config.sync.digest_days
    jobs = app.job_queue.get_jobs_by_name(JOB_NAME) if app.job_queue else ()
    if days <= 0 or not jobs or not isinstance(jobs[0].data, dt.datetime):
        return "off"
    tz = services_of(app).config.timezone
    return (f"every {days:g} days, next "
            f"{jobs[0].data.astimezone(tz).strftime('%Y-%m-%d %H:%M %Z')}")
