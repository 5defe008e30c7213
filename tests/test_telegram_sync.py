"""End to end: the bot follows the group's website repository (a bare repository in a
temporary folder, pushed to with the git command line) or a folder of pages, against the
Bot API stand-in — with no /reload. The looks at the pages are the bot's own job, run by
the test (its interval is ten minutes)."""

from __future__ import annotations

import logging
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Job

from bot.telegram import sync
from bot.telegram.app import open_services
from bot.telegram.config import Config, load_config
from bot.telegram.context import App, VacContext
from tests.paths import SEEDS
from tests.siterepo import SiteRepo, git
from tests.standin import BotApiStandIn, SentMessage
from tests.standin.harness import (
    FAST_SEND,
    ask,
    copy_seeds,
    make_config,
    running_bot,
    sent_to,
    settle,
    svc,
)
from tests.test_alerts import page

ADMIN = 7101
USER = 7102
SUBSCRIBER = 7103
ZEBRA = page("Zebrafish imaging with light-sheet microscopy (ZEBRA)")
BROKEN = "---\ntitle: Broken\nclosed: perhaps\n---\n\n## Requirements\nx\n"
ZEBRA_Q = "What does the zebrafish position require?"
PAN_Q = "What does the PANCAIM position pay?"


def seed_pages() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.md"))}


def git_config(api: BotApiStandIn, data: Path, spec: str, **env: str) -> Config:
    """The configuration `vacbot run` reads from this environment, with the test's fast
    sends."""
    config = load_config(env={"TELEGRAM_BOT_TOKEN": api.token,
                              "TELEGRAM_API_BASE_URL": api.base_url,
                              "VACBOT_DB": str(data / "vacbot.db"), "VACBOT_PAGES_GIT": spec,
                              "VACBOT_ADMIN_IDS": str(ADMIN), "VACBOT_TIMEZONE": "UTC", **env},
                         dotenv=None)
    return replace(config, send=FAST_SEND, typing_delay=0)


def sync_job(app: App) -> Job[VacContext]:
    assert app.job_queue is not None
    [job] = app.job_queue.get_jobs_by_name(sync.JOB_NAME)
    return job


async def look(app: App) -> None:
    """The bot's periodic look at the pages, now."""
    await sync_job(app).run(app)


async def told(api: BotApiStandIn, before: int) -> SentMessage:
    """The next message the admin gets after the first `before`."""
    await api.wait_for_sent(before + 1, chat_id=ADMIN)
    await settle(api, 0.1)
    [message] = sent_to(api, ADMIN)[before:]
    return message


@pytest.fixture
def site(tmp_path: Path) -> SiteRepo:
    return SiteRepo.create(tmp_path / "website", seed_pages())


async def test_a_pushed_page_is_answered_after_the_next_sync_with_no_reload(
        standin: BotApiStandIn, tmp_path: Path, site: SiteRepo) -> None:
    data = tmp_path / "data"
    config = git_config(standin, data, site.spec)
    assert config.seeds_dir == data / "pages-repo" / "_posts"
    async with running_bot(config) as app:
        assert sync_job(app).job.trigger.interval.total_seconds() == 600
        [answer] = await ask(standin, USER, PAN_Q)
        assert "standard salary" in answer.plain_text.lower()
        await ask(standin, SUBSCRIBER, "/subscribe microscopy")
        site.push({"zebra-phd.md": ZEBRA}, "New PhD vacancy: zebrafish imaging")
        [answer] = await ask(standin, USER, ZEBRA_Q)
        assert "Zebrafish imaging" not in answer.plain_text  # not before the next sync
        await look(app)
        [answer] = await ask(standin, USER, ZEBRA_Q)
        assert "Zebrafish imaging" in answer.plain_text
        assert "An MSc degree in computer science, physics or biology." in answer.plain_text
        # subscribers hear of it as after a /reload
        await standin.wait_for_sent(2, chat_id=SUBSCRIBER)
        assert "Zebrafish imaging" in sent_to(standin, SUBSCRIBER)[-1].plain_text
        # a commit that leaves the pages alone rebuilds nothing
        kb = svc(app).knowledge.kb
        site.push({"index.md": "# Our group, now with news\n"}, "Front page")
        await look(app)
        assert svc(app).knowledge.kb is kb
        await settle(standin)
    assert not any("/reload" in m.text for m in standin.sent)
    assert sent_to(standin, ADMIN) == [] and standin.rejected == []


async def test_a_broken_push_keeps_the_old_pages_and_tells_the_admins_once(
        standin: BotApiStandIn, tmp_path: Path, site: SiteRepo) -> None:
    standin.add_chat(ADMIN)
    config = git_config(standin, tmp_path / "data", site.spec)
    async with running_bot(config) as app:
        kb = svc(app).knowledge.kb
        site.push({"zebra-phd.md": ZEBRA, "broken.md": BROKEN}, "Two new pages")
        await look(app)
        message = await told(standin, 0)
        text = message.plain_text
        assert text.startswith("📄 The pages changed but cannot be served (commit ")
        assert "“Two new pages”" in text
        assert "broken.md:3: 'closed' must be true or false" in text
        assert "keeps answering from the previous version" in text
        assert svc(app).knowledge.kb is kb  # the old pages still serve
        [answer] = await ask(standin, USER, PAN_Q)
        assert "standard salary" in answer.plain_text.lower()
        [answer] = await ask(standin, USER, ZEBRA_Q)
        assert "Zebrafish imaging" not in answer.plain_text
        for _ in range(2):  # looked at again, nothing new: not told again
            await look(app)
        [status] = await ask(standin, ADMIN, "/status")
        assert "Pages refused" in status.plain_text
        await settle(standin)
        assert len(sent_to(standin, ADMIN)) == 2  # the problem, the /status reply
        site.push({"broken.md": None}, "Remove the broken page")
        await look(app)
        fixed = await told(standin, 2)
        assert fixed.plain_text.startswith("✅ The pages are served again (commit ")
        assert "6 vacancies now" in fixed.plain_text
        [answer] = await ask(standin, USER, ZEBRA_Q)
        assert "An MSc degree in computer science" in answer.plain_text
    assert standin.rejected == []


async def test_a_deleted_page_is_gone_after_the_next_sync(
        standin: BotApiStandIn, tmp_path: Path, site: SiteRepo) -> None:
    site.push({"zebra-phd.md": ZEBRA}, "Zebrafish vacancy")
    config = git_config(standin, tmp_path / "data", site.spec)
    async with running_bot(config) as app:
        [listing] = await ask(standin, USER, "/vacancies")
        assert "Zebrafish imaging" in listing.plain_text
        site.push({"zebra-phd.md": None}, "The zebrafish position is filled")
        await look(app)
        assert not (config.seeds_dir / "zebra-phd.md").exists()
        [listing] = await ask(standin, USER, "/vacancies")
        assert "Zebrafish imaging" not in listing.plain_text
        assert "PANCAIM" in listing.plain_text
        assert svc(app).knowledge.kb.listing("zebra-phd") is None
    assert standin.rejected == []


async def test_the_clone_survives_a_restart(standin: BotApiStandIn, tmp_path: Path,
                                            site: SiteRepo,
                                            caplog: pytest.LogCaptureFixture) -> None:
    standin.add_chat(ADMIN)
    data = tmp_path / "data"
    config = git_config(standin, data, site.spec)
    caplog.set_level(logging.INFO)
    async with running_bot(config):
        pass
    clone = data / "pages-repo"
    marker = clone / ".git" / "vacbot-test-marker"  # a re-clone would not have it
    marker.write_text("the first clone", encoding="utf-8")
    objects = (clone / ".git" / "objects").stat().st_ino
    hidden = site.bare.with_name("moved-away.git")
    site.bare.rename(hidden)  # the repository cannot be reached: no clone is possible
    caplog.clear()
    async with running_bot(config) as app:
        messages = [r.getMessage() for r in caplog.records]
        assert any(m.startswith("cannot fetch the pages' repository at start (serving the "
                                "pages fetched before): git fetch failed: fatal: ")
                   for m in messages)
        assert any(m.startswith("using the clone of the pages' repository") for m in messages)
        [answer] = await ask(standin, USER, PAN_Q)
        assert "standard salary" in answer.plain_text.lower()
        for _ in range(sync.FETCH_TELL_AFTER + 1):
            await look(app)
        fetch = await told(standin, 0)  # told once, after a few failures in a row
        assert fetch.plain_text.startswith("⚠️ The pages' repository cannot be fetched")
        assert "does not appear to be a git repository" in fetch.plain_text
        hidden.rename(site.bare)
        commit = site.push({"zebra-phd.md": ZEBRA}, "Zebrafish vacancy")
        await look(app)
        back = await told(standin, 1)
        assert back.plain_text == "✅ The pages' repository can be fetched again."
        [answer] = await ask(standin, USER, ZEBRA_Q)
        assert "An MSc degree in computer science" in answer.plain_text
    assert marker.read_text(encoding="utf-8") == "the first clone"
    assert (clone / ".git" / "objects").stat().st_ino == objects
    assert git("rev-parse", "HEAD", cwd=clone).strip() == commit
    assert standin.rejected == []


async def test_reload_fetches_the_repository_first(standin: BotApiStandIn, tmp_path: Path,
                                                  site: SiteRepo) -> None:
    """An admin who has just pushed a page and sends /reload gets it read at once (not at
    the next look); when the repository cannot be reached, /reload says so and rebuilds
    from the pages it has."""
    config = git_config(standin, tmp_path / "data", site.spec)
    async with running_bot(config):
        site.push({"zebra-phd.md": ZEBRA}, "New PhD vacancy: zebrafish imaging")
        replies = await ask(standin, ADMIN, "/reload")
        assert "Added (1):\n• Zebrafish imaging" in replies[-1].plain_text
        [answer] = await ask(standin, USER, ZEBRA_Q)
        assert "An MSc degree in computer science" in answer.plain_text
        hidden = site.bare.with_name("moved-away.git")
        site.bare.rename(hidden)
        warning, done = await ask(standin, ADMIN, "/reload", expect=2)
        assert warning.plain_text.startswith("⚠️ The repository could not be fetched (git ")
        assert warning.plain_text.endswith("Rebuilding from the pages fetched before.")
        assert done.plain_text.startswith("Reloaded. 6 vacancies now.\nNothing changed.")
        [answer] = await ask(standin, USER, ZEBRA_Q)  # still served from the clone
        assert "An MSc degree in computer science" in answer.plain_text


async def test_a_page_pushed_while_the_bot_was_down_is_served_at_its_start(
        standin: BotApiStandIn, tmp_path: Path, site: SiteRepo) -> None:
    config = git_config(standin, tmp_path / "data", site.spec)
    async with running_bot(config):
        pass
    site.push({"zebra-phd.md": ZEBRA}, "Zebrafish vacancy")
    async with running_bot(config):
        [answer] = await ask(standin, USER, ZEBRA_Q)  # no look at the pages yet
        assert "An MSc degree in computer science" in answer.plain_text
    assert standin.rejected == []


async def test_status_says_where_the_pages_come_from(standin: BotApiStandIn, tmp_path: Path,
                                                     site: SiteRepo) -> None:
    standin.add_chat(ADMIN)
    config = git_config(standin, tmp_path / "data", site.spec)
    async with running_bot(config) as app:
        [no] = await ask(standin, USER, "/status")
        assert "only for the administrators" in no.plain_text
        site.push({"zebra-phd.md": ZEBRA}, "Zebrafish vacancy")
        await look(app)
        [status] = await ask(standin, ADMIN, "/status")
        lines = status.plain_text.splitlines()
        assert lines[0] == (f"Pages: repository {site.url}, branch main, folder _posts "
                            f"(cloned in {tmp_path / 'data' / 'pages-repo'})")
        assert lines[1].startswith("Commit: ") and "“Zebrafish vacancy”" in lines[1]
        assert lines[2].startswith("Last sync: ") and lines[2].endswith(
            "— rebuilt: 6 vacancies (+1 -0 ~0) (every 600 s)")
        kb = svc(app).knowledge.kb
        assert f"Knowledge base: 6 vacancies ({sum(not x.closed for x in kb.listings)} open), " \
               f"open/closed as of {kb.status_day}" in status.plain_text
        assert "Next deadline ends: none ahead" in lines
        assert any(line.startswith("Digest: every 7 days, next ") for line in lines)
    assert standin.rejected == []


async def test_the_first_clone_failing_stops_the_start_with_one_line(tmp_path: Path) -> None:
    api: Any = type("Api", (), {"token": "1:abc", "base_url": "http://127.0.0.1:9/bot"})
    config = git_config(api, tmp_path / "data", f"{(tmp_path / 'none.git').as_uri()}#main")
    with pytest.raises(sync.CloneError) as failed:
        open_services(config)
    assert str(failed.value).startswith("cannot clone the pages' repository file://")
    assert "does not appear to be a git repository" in str(failed.value)
    assert "\n" not in str(failed.value)


async def test_an_edited_folder_needs_no_reload(standin: BotApiStandIn, tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    config = make_config(standin, tmp_path / "state.db", seeds=seeds, db=tmp_path / "kb.db")
    async with running_bot(config) as app:
        kb = svc(app).knowledge.kb
        await look(app)  # nothing changed yet
        assert svc(app).knowledge.kb is kb
        (seeds / "zebra-phd.md").write_text(ZEBRA, encoding="utf-8")
        await look(app)
        [answer] = await ask(standin, USER, ZEBRA_Q)
        assert "An MSc degree in computer science" in answer.plain_text
        shutil.move(seeds / "zebra-phd.md", tmp_path / "zebra-phd.md")
        await look(app)
        [listing] = await ask(standin, USER, "/vacancies")
        assert "Zebrafish imaging" not in listing.plain_text
    assert standin.rejected == []
