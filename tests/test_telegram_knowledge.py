"""The knowledge base of the running bot: a first start with a broken page serves the others,
and a deadline that passes while the bot runs closes the vacancy (with an injected clock:
the machine's clock is never read)."""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

import pytest
from telegram.ext import Job

from bot.telegram import deadlines
from bot.telegram.app import open_services
from bot.telegram.context import App, VacContext
from tests.paths import CORPUS_DAY, DEADLINE_PAGE, NEXT_DAY
from tests.standin import BotApiStandIn
from tests.standin.harness import ask, copy_seeds, make_config, running_bot, sent_to, settle, svc

CHAT = 6001
BROKEN = "---\ntitle: Broken\nclosed: perhaps\n---\n\n## Requirements\nx\n"
IS_IT_OPEN = "Is the zebrafish position still open?"


class Clock:
    """The day as the bot sees it, set by the test."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


def day_job(app: App) -> Job[VacContext]:
    assert app.job_queue is not None
    [job] = app.job_queue.get_jobs_by_name(deadlines.JOB_NAME)
    return job


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


async def test_a_deadline_that_passes_while_the_bot_runs_closes_the_vacancy(
        standin: BotApiStandIn, tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    (seeds / "zebra-phd.md").write_text(DEADLINE_PAGE, encoding="utf-8")
    clock = Clock(CORPUS_DAY)  # the page's deadline
    config = make_config(standin, tmp_path / "state.db", seeds=seeds, db=tmp_path / "kb.db")
    async with running_bot(config, open_services(config, clock)) as app:
        [answer] = await ask(standin, CHAT, IS_IT_OPEN)
        assert "This vacancy is open; the deadline is 1 June 2024" in answer.plain_text
        kb = svc(app).knowledge.kb
        await day_job(app).run(app)  # the same day: nothing to do
        assert svc(app).knowledge.kb is kb
        clock.day = NEXT_DAY
        await day_job(app).run(app)
        assert svc(app).knowledge.kb is not kb
        assert svc(app).knowledge.kb.status_day == "2024-06-02"
        [answer] = await ask(standin, CHAT, IS_IT_OPEN)
        assert "This vacancy is closed" in answer.plain_text
        assert "deadline 1 June 2024 has passed" in answer.plain_text
        [listing] = await ask(standin, CHAT, "/vacancies")
        assert "Zebrafish" not in listing.plain_text and "PANCAIM" in listing.plain_text
    assert standin.rejected == []


async def test_a_new_day_with_a_broken_page_keeps_the_old_knowledge_base_and_says_so_once(
        standin: BotApiStandIn, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    seeds = copy_seeds(tmp_path)
    (seeds / "zebra-phd.md").write_text(DEADLINE_PAGE, encoding="utf-8")
    clock = Clock(CORPUS_DAY)
    config = make_config(standin, tmp_path / "state.db", seeds=seeds, db=tmp_path / "kb.db")
    caplog.set_level(logging.INFO)
    async with running_bot(config, open_services(config, clock)) as app:
        kb = svc(app).knowledge.kb
        (seeds / "broken.md").write_text(BROKEN, encoding="utf-8")
        clock.day = NEXT_DAY
        for _ in range(3):  # hourly checks on the same day, the pages unchanged
            await day_job(app).run(app)
        assert svc(app).knowledge.kb is kb
        [refused] = warnings(caplog, "cannot be rebuilt")
        assert "2024-06-02" in refused and "broken.md:3" in refused
        [answer] = await ask(standin, CHAT, IS_IT_OPEN)
        assert "This vacancy is open" in answer.plain_text  # the old one still answers
        (seeds / "broken.md").unlink()  # the page is fixed: the next check rebuilds
        later = seeds.stat().st_mtime + 60
        os.utime(seeds, (later, later))
        await day_job(app).run(app)
        assert svc(app).knowledge.kb is not kb
        [answer] = await ask(standin, CHAT, IS_IT_OPEN)
        assert "This vacancy is closed" in answer.plain_text
        await settle(standin)
    assert len(warnings(caplog, "cannot be rebuilt")) == 1
    assert sent_to(standin, CHAT) and standin.rejected == []
