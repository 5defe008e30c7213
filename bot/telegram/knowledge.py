"""The knowledge base the bot answers from, and how it is reloaded while the bot runs.

At start-up (`open_router`) it is built when missing, rebuilt when the pages are newer, and
rebuilt from the pages when it is damaged or was written by another version (it is derived
data: nothing is lost). Only if the pages cannot be built either does the bot not start.

`Knowledge.router` is read on every answer. `reload()` rebuilds the database from the seeds
folder in a worker thread (`knowledge.build` validates every page first and only then
renames the new file into place; on any problem it raises `BuildError` and leaves the old
file alone), opens it, and swaps the router in a single assignment. Answers are computed
synchronously on the event loop, so each one sees either the old or the new knowledge base,
never a mix, and questions keep being answered while the rebuild runs.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path

from bot.console import needs_build
from bot.router import Router
from knowledge import BuildError, Change, KnowledgeBase, SchemaError, build

log = logging.getLogger(__name__)


class StartupError(Exception):
    """The bot cannot start; the message says why in one line. `code` is the exit code."""

    code = 1


def _damaged(db: Path) -> str | None:
    """Why the knowledge base at `db` cannot be used (None: it can)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            row = conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if row is None or row[0] != "ok":
        return f"integrity check: {row[0] if row else 'no answer'}"
    return None


def _build(seeds: Path, db: Path, why: str) -> None:
    try:
        report = build(seeds, db)
    except BuildError as exc:
        raise StartupError(f"cannot build the knowledge base from {seeds} ({why}): "
                           f"{'; '.join(map(str, exc.problems))}") from exc
    except OSError as exc:
        raise StartupError(f"cannot write the knowledge base {db}: {exc}") from exc
    log.info("%s", report.summary())


def open_router(seeds: Path, db: Path) -> Router:
    """Open the knowledge base: built when missing, rebuilt when the pages are newer (keeping
    the old one if they cannot be) and when it is damaged or from another version."""
    if not db.exists():
        _build(seeds, db, "none built yet")
    elif needs_build(seeds, db):
        try:
            log.info("%s", build(seeds, db).summary())
        except BuildError as exc:
            log.warning("pages changed but cannot be rebuilt; serving the previous knowledge "
                        "base: %s", exc)
    why = _damaged(db)
    if why is None:
        try:
            return Router(KnowledgeBase(db))
        except (sqlite3.DatabaseError, SchemaError) as exc:
            why = str(exc)
    log.error("the knowledge base %s cannot be used (%s); rebuilding it from %s", db, why, seeds)
    _build(seeds, db, f"the old one is damaged: {why}")
    try:
        return Router(KnowledgeBase(db))
    except Exception as exc:  # still unusable after a rebuild: one clear line
        raise StartupError(f"cannot open the knowledge base {db}: {exc}") from exc


class Knowledge:
    def __init__(self, seeds: Path, db: Path, router: Router) -> None:
        self.seeds = seeds
        self.db = db
        self._router = router
        self._lock = asyncio.Lock()

    @classmethod
    def open(cls, seeds: Path, db: Path) -> Knowledge:
        return cls(seeds, db, open_router(seeds, db))

    @property
    def router(self) -> Router:
        return self._router

    @property
    def kb(self) -> KnowledgeBase:
        return self._router.kb

    @property
    def reloading(self) -> bool:
        return self._lock.locked()

    async def reload(self) -> Change:
        """Rebuild from the seeds folder and swap; raise BuildError (nothing changed) if any
        page is broken. Concurrent reloads run one after the other."""
        async with self._lock:
            old = self._router
            new, change = await asyncio.to_thread(self._rebuild, old)
            self._router = new
            old.kb.close()  # nothing holds it across an await: answers are synchronous
            log.info("knowledge base reloaded: %d vacancies (+%d -%d ~%d)", len(new.kb),
                     len(change.added), len(change.removed), len(change.changed))
            return change

    def _rebuild(self, old: Router) -> tuple[Router, Change]:
        build(self.seeds, self.db)
        kb = KnowledgeBase(self.db)
        return Router(kb), old.kb.diff(kb)

    def close(self) -> None:
        self._router.kb.close()
