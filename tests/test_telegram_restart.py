"""End to end across restarts (context and buttons survive), and answers too long for one
message."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from bot.telegram.persistence import SQLitePersistence
from tests.standin import BotApiStandIn, utf16_len
from tests.test_telegram_harness import (
    PAN,
    ask,
    button,
    copy_seeds,
    make_config,
    press,
    running_bot,
    sent_to,
)

CHAT = 5001


async def test_context_and_buttons_survive_a_restart(seeds_db: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.db"
    async with BotApiStandIn(token="55:RESTART") as api:
        config = make_config(api, state, db=seeds_db)
        async with running_bot(config):
            [card] = await ask(api, CHAT, f"/vacancy {PAN.split('-')[0]}")
            assert "PANCAIM" in card.plain_text
        rows = sqlite3.connect(state).execute("SELECT chat_id, data FROM chat_data").fetchall()
        assert [(chat, json.loads(data)["ctx"]["vacancy"]) for chat, data in rows] == [(CHAT, PAN)]

        async with running_bot(config):  # a new process, as far as the bot can tell
            follow = await ask(api, CHAT, "what is the salary?")
            assert "PANCAIM" in follow[0].plain_text
            assert "standard salary" in follow[0].plain_text.lower()
            [contact] = await press(api, CHAT, button(card, "Contact"), message_id=card.message_id)
            assert "PANCAIM" in contact.plain_text
        assert api.rejected == []


async def test_unreadable_state_rows_are_skipped(tmp_path: Path) -> None:
    persistence = SQLitePersistence(tmp_path / "state.db")
    await persistence.update_chat_data(1, {"ctx": {"vacancy": "x"}})
    persistence.conn.execute("INSERT INTO chat_data VALUES (2, 'not json', 0)")
    assert await persistence.get_chat_data() == {1: {"ctx": {"vacancy": "x"}}}
    await persistence.flush()


def long_title(n: int) -> str:
    return f"Vacancy {n}: " + " ".join(f"topic{n}-{k} & more" for k in range(60))


async def test_answers_over_4096_characters_are_split(tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    for n in range(8):
        (seeds / f"long-{n}.md").write_text(
            f"title: {long_title(n)}\nclosed: false\ntype: general\npeople: Ada Lovelace\n"
            f"description: A position.\n\n## Requirements\n- An MSc degree.\n", encoding="utf-8")
    async with BotApiStandIn(token="56:LONG") as api:
        config = make_config(api, tmp_path / "state.db", seeds=seeds, db=tmp_path / "kb.db")
        async with running_bot(config):
            before = len(sent_to(api, CHAT))
            api.user_message(CHAT, "/vacancies")
            await api.wait_for(lambda: any(m.reply_markup for m in sent_to(api, CHAT)),
                               what="the last part, with the buttons")
            parts = sent_to(api, CHAT)[before:]
        assert api.rejected == []
    assert len(parts) >= 2
    assert all(utf16_len(p.plain_text) <= 4096 for p in parts)
    assert [p.reply_markup is not None for p in parts] == [False] * (len(parts) - 1) + [True]
    joined = "\n\n".join(p.plain_text for p in parts)
    shown = [n for n in range(8) if f"Vacancy {n}:" in joined]
    assert len(shown) >= 3
    assert all(long_title(n) in joined for n in shown)  # no paragraph was cut
