"""Shared fixtures: a knowledge base built from the bundled seeds, once per session."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from bot.router import Router

from knowledge import KnowledgeBase, build
from tests.paths import SEEDS


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("kb") / "seeds.db"
    build(SEEDS, db)
    return db


@pytest.fixture(scope="session")
def router(seeds_db: Path) -> Router:
    from bot.router import Router

    return Router(KnowledgeBase(seeds_db))
