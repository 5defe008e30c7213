"""The knowledge base of the running bot: a first start with a broken page serves the others,
and a vacancy closes the moment its deadline day ends in the configured time zone, planned
as one job rather than found by a periodic check (with an injected clock: the machine's
clock is never read)."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from telegram.ext import Job

from bot.model import ChatContext
from bot.telegram import deadlines, sync
from bot.telegram.app import open_services
from bot.telegram.config import Config
from bot.telegram.context import App, VacContext
from bot.telegram.source_config import Sync
from tests.paths import CORPUS_DAY, DEADLINE_PAGE, NEXT_DAY
from tests.standin import BotApiStandIn
from tests.standin.harness import ask, copy_seeds, make_config, running_bot, sent_to, settle, svc

CHAT = 6001
ADMIN = 6100
BROKEN = "---\ntitle: Broken\nclosed: perhaps\n---\n\n## Requirements\nx\n"
IS_IT_OPEN = "Is the zebrafish position still open?"


TOKYO = ZoneInfo("Asia/Tokyo")  # where these tests' deadline days end (UTC+9, no DST)
OCTOPUS_PAGE = DEADLINE_PAGE.replace("Zebrafish", "Octopus").replace("ZEBRA", "OCTO").replace(
    "zebrafish", "octopus").replace("zebra", "octo").replace("1 June 2024", "10 June 2024")


def at(day: dt.date, hour: int = 12, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute, second), tzinfo=TOKYO)


class Clock:
    """The time as the bot sees it (unix time), set by the test."""

    def __init__(self, moment: dt.datetime) -> None:
        self.t = moment.timestamp()

    def __call__(self) -> float:
        return self.t

    def set(self, moment: dt.datetime) -> None:
        self.t = moment.timestamp()


def deadline_job(app: App) -> Job[VacContext]:
    assert app.job_queue is not None
    [job] = app.job_queue.get_jobs_by_name(deadlines.JOB_NAME)
    return job


def tokyo_config(standin: BotApiStandIn, tmp_path: Path, seeds: Path, **changes: object
                 ) -> Config:
    """The pages folder is looked at only when a test says so (no periodic job)."""
    return make_config(standin, tmp_path / "state.db", seeds=seeds, db=tmp_path / "kb.db",
                       sync=Sync(timezone=TOKYO, interval=0), **changes)


def warnings(caplog: pytest.LogCaptureFixture, text: str) -> list[str]:
    return [r.getMessage() for r in caplog.records
            if r.levelno == logging.WARNING and text in r.getMessage()]


async def test_a_first_start_with_a_broken_page_serves_the_others(
        standin: BotApiStandIn, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    seeds = copy_seeds(tmp_path)
    (seeds / "broken.md").write_text(BROKEN, encoding="utf-8")
    caplog.set_level(logging.INFO)
    config = make_config(standin, tmp_path / "state.db", seeds=seeds, db=tmp_path / "kb.db")
    async with running_bot(config) as app:
        [answer] = await ask(standin, CHAT, "What does the PANCAIM position pay?")
        assert "standard salary" in answer.plain_text.lower()
        assert len(svc(app).knowledge.kb) == 5
    [skipped] = warnings(caplog, "broken.md")
    assert skipped.startswith("skipped ") and "broken.md:3: 'closed' must be true or false" \
        in skipped
    assert standin.rejected == []


async def test_a_vacancy_closes_the_moment_its_deadline_day_ends_in_the_time_zone(
        standin: BotApiStandIn, tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    (seeds / "zebra-phd.md").write_text(DEADLINE_PAGE, encoding="utf-8")  # 1 June 2024
    clock = Clock(at(CORPUS_DAY))
    config = tokyo_config(standin, tmp_path, seeds)
    async with running_bot(config, open_services(config, clock)) as app:
        [answer] = await ask(standin, CHAT, IS_IT_OPEN)
        assert "This vacancy is open; the deadline is 1 June 2024" in answer.plain_text
        # one job, for midnight after the deadline day in Tokyo (15:00 UTC on 1 June)
        assert deadlines.planned(app) == dt.datetime(2024, 6, 1, 15, 0, tzinfo=dt.UTC)
        kb = svc(app).knowledge.kb
        clock.set(at(CORPUS_DAY, 23, 59, 59))  # a job run early changes nothing
        await deadline_job(app).run(app)
        assert svc(app).knowledge.kb is kb
        assert deadlines.planned(app) == at(NEXT_DAY, 0)
        clock.set(at(NEXT_DAY, 0, 0, 1))
        await deadline_job(app).run(app)
        assert svc(app).knowledge.kb is not kb
        assert svc(app).knowledge.kb.status_day == "2024-06-02"
        [answer] = await ask(standin, CHAT, IS_IT_OPEN)
        assert "This vacancy is closed" in answer.plain_text
        assert "deadline 1 June 2024 has passed" in answer.plain_text
        [listing] = await ask(standin, CHAT, "/vacancies")
        assert "Zebrafish" not in listing.plain_text and "PANCAIM" in listing.plain_text
        await settle(standin)
        assert deadlines.planned(app) is None  # no other deadline ahead
    assert standin.rejected == []


async def test_a_broken_page_at_the_deadline_keeps_the_old_knowledge_base_and_moves_on(
        standin: BotApiStandIn, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    seeds = copy_seeds(tmp_path)
    (seeds / "zebra-phd.md").write_text(DEADLINE_PAGE, encoding="utf-8")  # 1 June 2024
    (seeds / "octo-phd.md").write_text(OCTOPUS_PAGE, encoding="utf-8")  # 10 June 2024
    clock = Clock(at(CORPUS_DAY))
    config = tokyo_config(standin, tmp_path, seeds)
    caplog.set_level(logging.INFO)
    async with running_bot(config, open_services(config, clock)) as app:
        kb = svc(app).knowledge.kb
        assert deadlines.planned(app) == at(NEXT_DAY, 0)
        (seeds / "broken.md").write_text(BROKEN, encoding="utf-8")
        clock.set(at(NEXT_DAY, 0, 0, 1))
        await deadline_job(app).run(app)
        assert svc(app).knowledge.kb is kb
        [refused] = warnings(caplog, "cannot be rebuilt")
        assert "2024-06-02" in refused and "broken.md:3" in refused
        # not tried again and again: the job now waits for the next deadline's end
        assert deadlines.planned(app) == at(dt.date(2024, 6, 11), 0)
        [answer] = await ask(standin, CHAT, IS_IT_OPEN)
        assert "This vacancy is open" in answer.plain_text  # the old one still answers
        (seeds / "broken.md").unlink()  # the page is fixed: the next look rebuilds
        assert (await sync.sync_once(app)).startswith("rebuilt")
        assert svc(app).knowledge.kb is not kb
        [answer] = await ask(standin, CHAT, IS_IT_OPEN)
        assert "This vacancy is closed" in answer.plain_text
        await settle(standin)
        assert deadlines.planned(app) == at(dt.date(2024, 6, 11), 0)
    assert len(warnings(caplog, "cannot be rebuilt")) == 1
    assert sent_to(standin, CHAT) and standin.rejected == []


async def test_an_alert_still_queued_when_its_vacancy_closes_is_not_sent(
        standin: BotApiStandIn, tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    clock = Clock(at(CORPUS_DAY, 23, 50))
    config = tokyo_config(standin, tmp_path, seeds, admin_ids=frozenset({ADMIN}))
    standin.add_chat(ADMIN)
    async with running_bot(config, open_services(config, clock)) as app:
        subscriber = CHAT + 1
        await ask(standin, subscriber, "/subscribe")
        svc(app).fanout.backoff = (3.0,)  # the retry comes after the deadline's end
        standin.outage(502)
        (seeds / "zebra-phd.md").write_text(DEADLINE_PAGE, encoding="utf-8")
        assert (await sync.sync_once(app)).startswith("rebuilt")  # at 23:50, open: queued
        store = svc(app).subscriptions
        await standin.wait_for(lambda: any(
            p.attempts for p in store.due(float("inf"), 10)), what="an alert waiting to retry")
        standin.outage(None)
        clock.set(at(NEXT_DAY, 0, 0, 1))
        await deadline_job(app).run(app)
        assert svc(app).knowledge.kb.listing("zebra-phd").closed  # type: ignore[union-attr]
        await standin.wait_for(lambda: not store.pending() and not svc(app).fanout.draining,
                               10.0, "the queue to be done")
        assert store.status(subscriber, "zebra-phd") is None  # dropped, not sent
        assert not [m for m in sent_to(standin, subscriber) if "Zebrafish" in m.plain_text]


async def test_a_reload_frees_the_previous_knowledge_base(tmp_path: Path) -> None:
    """What is loaded is kept out of the garbage collector's full passes (`gc.freeze`), and
    a reload unfreezes and frees the knowledge base it replaces: no memory kept per reload."""
    import gc
    import weakref

    from bot.telegram.knowledge import Knowledge

    seeds = copy_seeds(tmp_path / "seeds")
    knowledge = Knowledge.open(seeds, tmp_path / "kb.db", lambda: CORPUS_DAY)
    old = weakref.ref(knowledge.router)
    try:
        await knowledge.reload()
        assert gc.get_freeze_count() > 0  # the new one is frozen ...
        assert old() is None  # ... and the old one is gone
        assert knowledge.router.respond("what does pancaim pay?", ChatContext())[0].blocks
    finally:
        knowledge.close()
        gc.unfreeze()
