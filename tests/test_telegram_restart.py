"""What survives what: a restart (context, buttons), kill -9 with a backlog (every question
still answered), and damaged files (state moved aside, knowledge base rebuilt); chats are
loaded when they write and forgotten after a silence."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from bot.model import ChatContext
from bot.telegram.state import open_state
from knowledge import build
from tests.paths import SEEDS
from tests.standin import BotApiStandIn, utf16_len
from tests.standin.harness import (
    PAN,
    ask,
    button,
    copy_seeds,
    make_config,
    press,
    running_bot,
    sent_to,
    svc,
)

CHAT = 5001
DAY = 86_400


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchall()


async def test_context_and_buttons_survive_a_restart(seeds_db: Path, standin: BotApiStandIn,
                                                     tmp_path: Path) -> None:
    state = tmp_path / "state.db"
    config = make_config(standin, state, db=seeds_db)
    async with running_bot(config):
        [card] = await ask(standin, CHAT, f"/vacancy {PAN.split('-')[0]}")
        assert "PANCAIM" in card.plain_text
        # written as it was answered, not at shutdown
        await standin.wait_for(lambda: rows(state, "SELECT chat_id FROM chats") == [(CHAT,)],
                               what="the chat's context written")
        assert len(rows(state, "SELECT * FROM questions")) == 1
    async with running_bot(config):  # a new process, as far as the bot can tell
        follow = await ask(standin, CHAT, "what is the salary?")
        assert "PANCAIM" in follow[0].plain_text
        assert "standard salary" in follow[0].plain_text.lower()
        [contact] = await press(standin, CHAT, button(card, "Contact"), message_id=card.message_id)
        assert "PANCAIM" in contact.plain_text
    assert standin.rejected == []


async def test_chats_are_read_when_they_write_and_forgotten_after_a_silence(
        seeds_db: Path, standin: BotApiStandIn, tmp_path: Path) -> None:
    state = open_state(tmp_path / "state.db")
    now = time.time()  # the bot forgets against the real clock; only days matter here
    about_pan = ChatContext(subject=PAN, last_intents=("overview",))
    state.chats.save(1, about_pan, now=now - 10 * DAY)  # active
    state.chats.save(2, about_pan, now=now - 200 * DAY)  # silent for 200 days
    for chat in range(100, 2100):
        state.chats.save(chat, about_pan, now=now - 5 * DAY)
    state.chats.save(4, ChatContext(), now=now)
    state.conn.execute("UPDATE chats SET ctx = '{broken' WHERE chat_id = 4")
    state.close()
    config = make_config(standin, tmp_path / "state.db", db=seeds_db, state_ttl_days=180)
    async with running_bot(config) as app:
        chats = svc(app).state.chats
        assert chats.count() == 2003 - 1  # the silent chat is forgotten, the rest is kept
        assert len(app.chat_data) == 0  # nothing was loaded at start
        [active] = await ask(standin, 1, "and the salary?")
        assert "standard salary" in active.plain_text.lower()
        [silent] = await ask(standin, 2, "and the salary?")
        assert silent.plain_text.startswith("Which vacancy")  # it starts afresh
        [broken] = await ask(standin, 4, "hello")  # an unreadable context is a fresh one
        assert broken.plain_text
    assert standin.rejected == []


def test_pruning_keeps_what_is_recent(tmp_path: Path) -> None:
    state = open_state(tmp_path / "state.db")
    now = 1_000 * DAY
    for chat, age in ((1, 0), (2, 179), (3, 181), (4, 400)):
        state.chats.save(chat, ChatContext(subject=f"v{chat}"), now=now - age * DAY)
    state.stats.record("text", "salary", 1, "q", now=now - 89 * DAY)
    state.stats.record("text", "salary", 1, "q", now=now - 91 * DAY)
    assert state.prune(ttl_days=180, now=now) == (2, 1)
    assert [c for c, in state.conn.execute("SELECT chat_id FROM chats ORDER BY 1")] == [1, 2]
    assert state.chats.load(2).subject == "v2" and state.chats.load(3) == ChatContext()
    state.close()


# ---- kill -9 ---------------------------------------------------------------------------


def vacbot_env(api: BotApiStandIn, kb: Path, state: Path) -> dict[str, str]:
    return {**os.environ, "TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.base_url,
            "VACBOT_SEEDS_DIR": str(SEEDS), "VACBOT_DB": str(kb), "VACBOT_STATE_DB": str(state),
            "VACBOT_ADMIN_IDS": ""}


async def start_vacbot(env: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        str(Path(sys.executable).parent / "vacbot"), "run", cwd=cwd, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)


async def test_kill_9_with_a_backlog_loses_no_question(seeds_db: Path, tmp_path: Path) -> None:
    """`vacbot run` in its own process, killed with SIGKILL while most questions it has
    already confirmed to Telegram are unanswered; after a restart every one is answered."""
    users = range(70_000, 70_050)
    question = "What does the PANCAIM position pay?"
    state = tmp_path / "state.db"
    async with BotApiStandIn(token="77:KILL-nine") as api:
        env = vacbot_env(api, seeds_db, state)
        api.slow(0.05, methods=["sendMessage"])  # a slow Bot API: the backlog builds up
        for _ in range(3):
            for user in users:
                api.user_message(user, question)
        process = await start_vacbot(env, tmp_path)
        try:
            await api.wait_until_delivered(timeout=30)
            await api.wait_for(lambda: len(api.sent) >= 15, timeout=30, what="15 answers")
        finally:
            process.send_signal(signal.SIGKILL)
            await process.wait()
        answered_before = len(api.sent)
        assert answered_before < 150 - 20  # a real backlog was lost with the process ...
        assert api._updates == []  # ... after Telegram was told it had every update
        # what was answered and recorded as done is counted for /stats; the rest is counted
        # when it is handled again
        recorded = len(rows(state, "SELECT * FROM questions"))
        done = rows(state, "SELECT count(*) FROM updates WHERE done = 1")[0][0]
        assert recorded == done and recorded >= answered_before - 8

        api.slow(0)
        process = await start_vacbot(env, tmp_path)
        try:
            await api.wait_for(lambda: all(len(sent_to(api, u)) >= 3 for u in users),
                               timeout=60, what="every question answered")
        finally:
            process.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(process.communicate(), 30)
        assert process.returncode == 0, stderr.decode()[-2000:]
        assert "were not handled; handling them now" in stderr.decode()
        assert api.rejected == []
    for user in users:
        assert all("standard salary" in m.plain_text.lower() for m in sent_to(api, user))
    # at least once: only what was on the wire at the kill may have been answered twice
    assert len(api.sent) - 150 <= 8
    assert rows(state, "SELECT count(*) FROM updates WHERE done = 0") == [(0,)]
    assert rows(state, "SELECT count(*) FROM questions") == [(150,)]  # each counted once


# ---- damaged files -----------------------------------------------------------------------


def corrupt_page(db: Path) -> None:
    """Overwrite one page in the middle of a SQLite file, as a failing disk would."""
    size = db.stat().st_size
    with db.open("r+b") as f:
        f.seek(max(4096, size // 2 // 4096 * 4096))
        f.write(b"\xde\xad\xbe\xef" * 1024)


@pytest.mark.parametrize("damage", ["garbage", "page"])
async def test_a_damaged_state_database_is_moved_aside(
        damage: str, seeds_db: Path, standin: BotApiStandIn, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "state.db"
    state = open_state(path)
    for chat in range(2000):
        state.chats.save(chat, ChatContext(subject=PAN, last_intents=("x" * 200,)))
    state.close()
    if damage == "garbage":
        path.write_bytes(b"this is not a database, but a text file that replaced it\n" * 100)
    else:
        corrupt_page(path)
    caplog.set_level(logging.INFO)
    async with running_bot(make_config(standin, path, db=seeds_db)):
        [answer] = await ask(standin, CHAT, "What does the PANCAIM position pay?")
        assert "standard salary" in answer.plain_text.lower()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1, errors
    assert "is damaged" in errors[0] and "moved aside" in errors[0]
    assert "alert subscriptions" in errors[0]  # says what was lost
    [aside] = tmp_path.glob("state.db.damaged-*")
    assert aside.name in errors[0] and aside.stat().st_size > 0
    assert [c for c, in rows(path, "SELECT chat_id FROM chats")] == [CHAT]
    assert standin.rejected == []


async def test_an_emptied_state_database_is_reported(seeds_db: Path, standin: BotApiStandIn,
                                                     tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "state.db"
    path.write_bytes(b"")
    caplog.set_level(logging.INFO)
    async with running_bot(make_config(standin, path, db=seeds_db)):
        await ask(standin, CHAT, "/help")
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING
                and "state database" in r.getMessage()]
    assert len(warnings) == 1 and "was an empty file" in warnings[0]
    assert "alert subscriptions" in warnings[0]


@pytest.mark.parametrize("damage", ["garbage", "page", "empty"])
async def test_a_damaged_knowledge_base_is_rebuilt_from_the_pages(
        damage: str, standin: BotApiStandIn, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    seeds = copy_seeds(tmp_path)
    kb = tmp_path / "kb.db"
    build(seeds, kb)
    if damage == "garbage":
        kb.write_bytes(b"\x00garbage" * 5000)
    elif damage == "empty":
        kb.write_bytes(b"")
    else:
        corrupt_page(kb)
    os.utime(kb, (kb.stat().st_mtime + 3600,) * 2)  # newer than the pages: no routine rebuild
    caplog.set_level(logging.INFO)
    async with running_bot(make_config(standin, tmp_path / "state.db", seeds=seeds, db=kb)):
        [answer] = await ask(standin, CHAT, "What does the PANCAIM position pay?")
        assert "standard salary" in answer.plain_text.lower()
    rebuilt = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING
               and "built the knowledge base" in r.getMessage()]
    assert len(rebuilt) == 1 and str(kb) in rebuilt[0] and "damaged" in rebuilt[0]


# ---- long answers --------------------------------------------------------------------------


def long_title(n: int) -> str:
    return f"Vacancy {n}: " + " ".join(f"topic{n}-{k} & more" for k in range(60))


async def test_answers_over_4096_characters_are_split(standin: BotApiStandIn, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # titles are cut at 200 characters when pages are read; with longer ones allowed, a list
    # of them is longer than one message can be
    monkeypatch.setattr("knowledge.parse.MAX_TITLE", 5_000)
    seeds = copy_seeds(tmp_path)
    for n in range(8):
        (seeds / f"long-{n}.md").write_text(
            f"title: {long_title(n)}\nclosed: false\ntype: general\npeople: Ada Lovelace\n"
            f"description: A position.\n\n## Requirements\n- An MSc degree.\n", encoding="utf-8")
    config = make_config(standin, tmp_path / "state.db", seeds=seeds, db=tmp_path / "kb.db")
    async with running_bot(config):
        before = len(sent_to(standin, CHAT))
        standin.user_message(CHAT, "/vacancies")
        await standin.wait_for(lambda: any(m.reply_markup for m in sent_to(standin, CHAT)),
                               what="the last part, with the buttons")
        parts = sent_to(standin, CHAT)[before:]
    assert standin.rejected == []
    assert len(parts) >= 2
    assert all(utf16_len(p.plain_text) <= 4096 for p in parts)
    assert [p.reply_markup is not None for p in parts] == [False] * (len(parts) - 1) + [True]
    joined = "\n\n".join(p.plain_text for p in parts)
    shown = [n for n in range(8) if f"Vacancy {n}:" in joined]
    assert len(shown) >= 3
    assert all(long_title(n) in joined for n in shown)  # no paragraph was cut
