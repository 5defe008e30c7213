"""Shared fixtures: the knowledge base built from the bundled seeds (once per session), and
the Bot API stand-in for the Telegram tests.

- `api`: one stand-in per module, for modules whose tests share one running bot (they run on
  the module's event loop: `pytestmark = pytest.mark.asyncio(loop_scope="module")`);
- `standin`: a fresh stand-in for one test;
- `app`: the bot on the bundled seeds' knowledge base, running against `api` for a whole
  module, `harness.ADMIN` its admin (modules that edit pages start their own);
- `nothing_rejected`: after the test, the stand-in is healthy again and rejected nothing;
- `seeds`: a module's own copy of the seeds, for tests that edit pages and `/reload`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import pytest_asyncio

if TYPE_CHECKING:
    from bot.router import Router
from knowledge import KnowledgeBase, build
from tests.paths import CORPUS_DAY, SEEDS, need_corpus
from tests.standin import BotApiStandIn
from tests.standin.harness import ADMIN, copy_seeds, make_config, running_bot

if TYPE_CHECKING:
    from bot.telegram.context import App


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("kb") / "seeds.db"
    build(SEEDS, db)
    return db


@pytest.fixture(scope="session")
def router(seeds_db: Path) -> Router:
    from bot.router import Router

    return Router(KnowledgeBase(seeds_db))


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real corpus (../shared/corpus/diag), built once, as on `CORPUS_DAY`."""
    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    build(need_corpus(), db, CORPUS_DAY)
    return db


@pytest.fixture(scope="session")
def corpus_router(corpus_db: Path) -> Router:
    from bot.router import Router

    return Router(KnowledgeBase(corpus_db))


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def api() -> AsyncIterator[BotApiStandIn]:
    async with BotApiStandIn(token="4242:module-TEST_token") as stand_in:
        yield stand_in


@pytest_asyncio.fixture
async def standin() -> AsyncIterator[BotApiStandIn]:
    async with BotApiStandIn(token="4343:test-TOKEN_abc") as stand_in:
        yield stand_in


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_seeds(tmp_path_factory.mktemp("pages"))


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def app(api: BotApiStandIn, seeds_db: Path,
              tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[App]:
    api.add_chat(ADMIN)
    config = make_config(api, tmp_path_factory.mktemp("state") / "state.db", db=seeds_db,
                         admin_ids=frozenset({ADMIN}))
    async with running_bot(config) as application:
        yield application


@pytest.fixture
def nothing_rejected(api: BotApiStandIn) -> Iterator[None]:
    yield
    api.outage(None)
    api.slow(0)
    assert api.rejected == []
