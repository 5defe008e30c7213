"""End to end: /reload and /stats, on a temporary copy of the seeds."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio

from bot.telegram.context import App
from knowledge import Change, short_key
from tests.standin import BotApiStandIn, utf16_len
from tests.standin.harness import (
    ask,
    labels,
    make_config,
    running_bot,
    sent_to,
    settle,
    svc,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")

ADMIN = 777
OTHER = 778
ZEBRA_TITLE = "Zebrafish imaging with deep learning (ZEBRA)"
ZEBRA = f"""title: {ZEBRA_TITLE}
groups: diag
closed: false
type: general
people: Ada Lovelace
description: A PhD position on deep learning for zebrafish microscopy & light-sheet imaging.

## Requirements
- An MSc degree in computer science, physics or biology.
- Experience with microscopy & image analysis in Python.

## Terms of employment
We offer a standard salary for PhD candidates in the Netherlands.

## Information
For questions please contact Ada Lovelace (ada.lovelace@example.org).

## Application
Apply at https://example.org/jobs/zebra before the deadline.
"""


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def app(api: BotApiStandIn, seeds: Path) -> AsyncIterator[App]:
    api.add_chat(ADMIN)
    config = make_config(api, seeds.parent / "state.db", seeds=seeds, db=seeds.parent / "kb.db",
                         admin_ids=frozenset({ADMIN}))
    async with running_bot(config) as application:
        yield application


@pytest.fixture(autouse=True)
def nothing_rejected(api: BotApiStandIn, app: App) -> Iterator[None]:
    yield
    assert api.rejected == []



async def test_non_admins_are_refused(api: BotApiStandIn, app: App) -> None:
    before = len(svc(app).knowledge.kb)
    [no] = await ask(api, OTHER, "/reload")
    assert "only for the administrators" in no.plain_text
    [no] = await ask(api, OTHER, "/stats")
    assert "only for the administrators" in no.plain_text
    assert len(svc(app).knowledge.kb) == before


async def test_reload_with_an_added_page(api: BotApiStandIn, app: App, seeds: Path) -> None:
    hooked: list[Change] = []

    async def hook(change: Change, application: App) -> None:
        hooked.append(change)

    svc(app).post_reload.append(hook)
    (seeds / "zebra-phd.md").write_text(ZEBRA, encoding="utf-8")
    [done] = await ask(api, ADMIN, "/reload")
    assert "Reloaded" in done.plain_text and "6 vacancies" in done.plain_text
    assert f"Added (1):\n• {ZEBRA_TITLE}" in done.plain_text
    # the pages served with warnings are named, with file and line
    assert "Warnings (2):" in done.plain_text
    assert "• breast-prostate-grading-phd.md:11: repaired mojibake" in done.plain_text
    await api.wait_for(lambda: hooked, what="the post-reload hook")
    assert hooked[0].added_ids == ("zebra-phd",)
    [card] = await ask(api, 3001, f"/start {short_key('zebra-phd')}")
    assert ZEBRA_TITLE in card.plain_text and "Salary" in labels(card)
    svc(app).post_reload.clear()


async def test_reload_with_a_broken_page_changes_nothing(api: BotApiStandIn, app: App,
                                                       seeds: Path) -> None:
    kb_before = svc(app).knowledge.kb
    broken = "---\ntitle: Broken\nclosed: perhaps\n---\n\n## Requirements\nx\n"
    (seeds / "broken.md").write_text(broken, encoding="utf-8")
    try:
        [refused] = await ask(api, ADMIN, "/reload")
    finally:
        (seeds / "broken.md").unlink()
    assert refused.plain_text.startswith("Nothing changed")
    assert "• broken.md:3: 'closed' must be true or false" in refused.plain_text
    assert svc(app).knowledge.kb is kb_before
    [still] = await ask(api, 3003, "/salary zebrafish")
    assert "standard salary" in still.plain_text.lower()


async def test_reload_names_pages_it_left_out(api: BotApiStandIn, app: App,
                                             seeds: Path) -> None:
    notes = seeds / "notes" / "README.md"
    notes.parent.mkdir()
    notes.write_text("# Notes\n\nDrafts go here.\n", encoding="utf-8")
    try:
        [done] = await ask(api, ADMIN, "/reload")
    finally:
        notes.unlink()
        notes.parent.rmdir()
    assert "Reloaded" in done.plain_text and "Nothing changed." in done.plain_text
    assert "Skipped pages (1):\n• notes/README.md: not a vacancy page" in done.plain_text


async def test_a_reload_refused_for_many_pages_is_one_message(api: BotApiStandIn, app: App,
                                                             seeds: Path) -> None:
    kb_before = svc(app).knowledge.kb
    broken = [seeds / f"broken-{n:03}-{'x' * 60}.md" for n in range(300)]
    for page in broken:
        page.write_text("---\ntitle: Broken\nclosed: perhaps\n---\n\nx\n", encoding="utf-8")
    try:
        before = len(sent_to(api, ADMIN))
        [refused] = await ask(api, ADMIN, "/reload")
        await settle(api)
    finally:
        for page in broken:
            page.unlink()
    assert len(sent_to(api, ADMIN)) == before + 1
    text = refused.plain_text
    assert utf16_len(text) <= 4096
    assert text.startswith("Nothing changed: 300 problems found")
    assert f"• {broken[0].name}:3: 'closed' must be true or false" in text
    shown = text.count("\n• ")
    assert 5 <= shown < 300
    assert f"… and {300 - shown} more (run vacbot check on the pages" in text
    assert svc(app).knowledge.kb is kb_before


async def test_reload_while_answering(api: BotApiStandIn, app: App, seeds: Path) -> None:
    (seeds / "zebra-phd.md").unlink()
    page = seeds / "pancaim-pancreatic-cancer-phd.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "## Requirements", "## Requirements\nFluent Klingon is a plus.\n"), encoding="utf-8")
    users = range(3100, 3130)
    api.user_message(ADMIN, "/reload")
    for user in users:
        api.user_message(user, "what does the PANCAIM position pay?")
    await api.wait_for(lambda: all(sent_to(api, u) for u in users), what="all answers")
    for user in users:
        assert "standard salary" in sent_to(api, user)[0].plain_text.lower()
    await api.wait_for(lambda: "Removed" in sent_to(api, ADMIN)[-1].plain_text,
                       what="the reload reply")
    reply = sent_to(api, ADMIN)[-1].plain_text
    assert f"Removed (1):\n• {ZEBRA_TITLE}" in reply
    assert "Changed (1):\n• Crossing the boundaries" in reply
    assert len(svc(app).knowledge.kb) == 5
    [gone] = await ask(api, 3004, f"/start {short_key('zebra-phd')}")
    assert "Zebrafish" not in gone.plain_text


async def test_stats(api: BotApiStandIn, app: App) -> None:
    await ask(api, 3200, "What does the PANCAIM position pay?")
    await ask(api, 3201, "qwertzuiop asdfghjkl")
    [stats] = await ask(api, ADMIN, "/stats 3")
    text = stats.plain_text
    assert text.startswith("Last 3 days:")
    assert "salary:" in text and "fallback:" in text
    assert "Latest unanswered" in text and "qwertzuiop asdfghjkl" in text
    # user ids only hashed: no id stands as a word of its own (a hex hash may contain its digits)
    assert not re.search(rf"\b(3201|{ADMIN})\b", text)
    assert re.search(r"\(user [0-9a-f]{12}\): qwertzuiop asdfghjkl", text)
