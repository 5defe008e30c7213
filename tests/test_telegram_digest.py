"""The admins' digest: end to end against the Bot API stand-in (questions asked, alerts
taken and dropped, the digest job run), and its parts (grouping, the message's size, what
the statistics keep)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from dataclasses import replace
from pathlib import Path

from telegram.ext import Job

from bot.model import Answer, Block, ChatContext, Intent, Style, VacancyRef
from bot.telegram import digest
from bot.telegram.app import open_services
from bot.telegram.context import App, VacContext
from bot.telegram.source_config import Sync
from bot.telegram.state import Window, about, open_state, unanswered
from tests.standin import BotApiStandIn
from tests.standin.harness import PAN, ask, make_config, running_bot, sent_to, settle, svc

ADMINS = (7201, 7202)
ASKER, OTHER, LOST, BONN_ASKER = 7301, 7302, 7303, 7304
NEW_A, NEW_B = 7305, 7306
WEEK = 7 * 86_400


def digest_job(app: App) -> Job[VacContext]:
    assert app.job_queue is not None
    [job] = app.job_queue.get_jobs_by_name(digest.JOB_NAME)
    return job


async def test_each_admin_gets_one_digest_of_what_applicants_asked(
        standin: BotApiStandIn, tmp_path: Path, seeds_db: Path) -> None:
    for admin in ADMINS:
        standin.add_chat(admin)
    config = make_config(standin, tmp_path / "state.db", db=seeds_db,
                         admin_ids=frozenset(ADMINS))
    async with running_bot(config) as app:
        started = int(svc(app).state.get(digest.SENT) or 0)
        assert digest_job(app).data == dt.datetime.fromtimestamp(started + WEEK, dt.UTC)
        await ask(standin, ASKER, "How do I apply for the PANCAIM position?")
        await ask(standin, ASKER, "Who is the contact person?")
        await ask(standin, ASKER, "Do you offer housing?")  # the page does not say
        await ask(standin, OTHER, "What are the requirements for the PANCAIM position?")
        await ask(standin, OTHER, "do you offer housing??")
        await ask(standin, LOST, "asdf qwer")  # not understood, about nothing
        await ask(standin, BONN_ASKER, "What are the requirements for the Bonn position?")
        await ask(standin, NEW_A, "/subscribe")
        await ask(standin, NEW_B, "/subscribe pathology")
        await ask(standin, NEW_B, "/unsubscribe")
        await digest_job(app).run(app)
        await settle(standin)
        texts = []
        for admin in ADMINS:
            [message] = sent_to(standin, admin)
            texts.append(message.plain_text)
        assert texts[0] == texts[1]
        lines = texts[0].splitlines()
        assert lines[0].startswith("📊 Digest, ")
        assert lines[1] == "Questions: 7 from 4 users; 4 answered (57%), 3 not."
        pancaim = svc(app).knowledge.kb.listing(PAN).title  # type: ignore[union-attr]
        bonn = svc(app).knowledge.kb.listing(  # type: ignore[union-attr]
            "bonn-robustness-explainability-phd").title
        short = pancaim if len(pancaim) <= 70 else pancaim[:69].rstrip() + "…"
        at = lines.index("What the pages could not answer:")
        assert lines[at + 1] == f"• “do you offer housing??” ×2 — {short}"
        assert lines[at + 2] == "• “asdf qwer”"
        at = lines.index("Asked about most:")
        assert lines[at + 1] == f"• {short}: 5"
        assert lines[at + 2].startswith(f"• {bonn[:20]}") and lines[at + 2].endswith(": 1")
        assert "Alerts: 2 new subscribers, 1 lost; 1 in all." in lines
        # the next one: a week after this one, counting from here
        sent = int(svc(app).state.get(digest.SENT) or 0)
        assert sent > started
        assert digest_job(app).data == dt.datetime.fromtimestamp(sent + WEEK, dt.UTC)
        await digest_job(app).run(app)
        await settle(standin)
        again = sent_to(standin, ADMINS[0])[-1].plain_text.splitlines()
        assert again[1:] == ["No questions were asked.", "",
                             "Alerts: 0 new subscribers, 0 lost; 1 in all."]
    assert standin.rejected == []


async def test_the_digest_keeps_its_day_across_a_restart_and_can_be_off(
        standin: BotApiStandIn, tmp_path: Path) -> None:
    standin.add_chat(ADMINS[0])
    config = make_config(standin, tmp_path / "state.db", db=tmp_path / "kb.db",
                         admin_ids=frozenset(ADMINS[:1]), sync=Sync(timezone=dt.UTC))
    start = 1_700_000_000.0
    clock = [start]
    async with running_bot(config, open_services(config, lambda: clock[0])) as app:
        assert digest_job(app).data == dt.datetime.fromtimestamp(start + WEEK, dt.UTC)
    clock[0] += 3 * 86_400
    async with running_bot(config, open_services(config, lambda: clock[0])) as app:
        # three days later: still due a week after the first start, in four days
        assert digest_job(app).data == dt.datetime.fromtimestamp(start + WEEK, dt.UTC)
        [status] = await ask(standin, ADMINS[0], "/status")
        assert "Digest: every 7 days, next 2023-11-21 22:13 " in status.plain_text
    off = replace(config, sync=Sync(digest_days=0, timezone=dt.UTC))
    async with running_bot(off) as app:
        assert app.job_queue is not None
        assert app.job_queue.get_jobs_by_name(digest.JOB_NAME) == ()
        [status] = await ask(standin, ADMINS[0], "/status")
        assert "Digest: off" in status.plain_text.splitlines()
    assert len(sent_to(standin, ADMINS[0])) == 2  # the two /status replies, no digest
    assert standin.rejected == []


def test_unanswered_questions_are_grouped_by_vacancy_and_wording() -> None:
    rows = [("Do you offer housing?", "a"), ("do you offer  housing", "a"),
            ("Is housing offered?", "a"), ("Do you offer housing?", "b"),
            ("Can I bring my dog?", ""), ("do you offer housing ?", "a")]
    groups = digest.group_unanswered(rows)
    assert [(g.text, g.vacancy, g.count) for g in groups] == [
        ("Do you offer housing?", "a", 3), ("Is housing offered?", "a", 1),
        ("Do you offer housing?", "b", 1), ("Can I bring my dog?", "", 1)]


def test_a_digest_of_many_long_questions_is_one_message() -> None:
    long = "why " * 100
    rows = [(f"{n} {long}", f"vacancy-{n}") for n in range(40)]
    window = Window(5000, 10, 900, Counter({f"vacancy-{n}": 100 - n for n in range(40)}), rows)
    text = digest.describe_digest(digest.Digest(0, WEEK, window, 3, 1, 2),
                                  lambda v: v * 20, dt.UTC)
    assert len(text) < 4000
    assert "(the 10 most asked of 40)" in text
    assert text.count("\n• ") == 10 + digest.TOP_VACANCIES


def test_what_a_question_was_about_and_whether_the_pages_answered() -> None:
    pan = VacancyRef(PAN, "PANCAIM", "open")
    ctx = ChatContext(subject=PAN)
    salary = Answer(Intent.SALARY, (pan,), (Block("A standard salary."),))
    silent = Answer(Intent.OVERVIEW, (pan,), (Block(
        "The page does not mention housing. Please ask Henkjan Huisma.", Style.NOTE),))
    german = Answer(Intent.OVERVIEW, (pan,), (Block(
        "Die Stellenanzeige enthält keine Angaben über Kinderbetreuung. Bitte fragen Sie X.",
        Style.NOTE),))
    fallback = Answer(Intent.FALLBACK)
    listing = Answer(Intent.LIST, (pan, VacancyRef("b", "B", "open")))
    assert [about(a, ctx) for a in (salary, silent, fallback, listing)] == [PAN, PAN, PAN, ""]
    assert about(fallback, ChatContext()) == ""
    assert [unanswered(a) for a in (salary, silent, german, fallback, listing)] == [
        False, True, True, True, False]


def test_a_version_2_state_database_gains_the_vacancy_column(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE questions (ts INTEGER NOT NULL, source TEXT NOT NULL, "
                       "intent TEXT NOT NULL, user_hash TEXT NOT NULL, text TEXT NOT NULL);"
                       "INSERT INTO questions VALUES (100, 'text', 'fallback', 'u', 'hm?');")
    conn.close()
    state = open_state(path)
    try:
        state.stats.record("text", "salary", 1, "pay?", now=150, vacancy=PAN)
        window = state.stats.window(0, 200)
        assert (window.questions, window.answered, window.users) == (2, 1, 2)
        assert window.unanswered == [("hm?", "")] and window.per_vacancy == Counter({PAN: 1})
    finally:
        state.close()
