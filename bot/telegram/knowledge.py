"""The knowledge base the bot answers from, and how it is reloaded while the bot runs.

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
from pathlib import Path

from bot.console import needs_build
from bot.router import Router
from knowledge import BuildError, Change, KnowledgeBase, build

log = logging.getLogger(__name__)


class StartupError(Exception):
    """The knowledge base cannot be opened; the message says why in one line."""


def open_router(seeds: Path, db: Path) -> Router:
    """Open the knowledge base, (re)building it first when the pages are newer."""
    if needs_build(seeds, db):
        try:
            report = build(seeds, db)
        except BuildError as exc:
            if not db.exists():
                raise StartupError(f"cannot build the knowledge base from {seeds}: "
                                   f"{'; '.join(map(str, exc.problems))}") from exc
            log.warning("pages changed but cannot be rebuilt; serving the previous knowledge "
                        "base: %s", exc)
        else:
            log.info("%s", report.summary())
    try:
        return Router(KnowledgeBase(db))
    except Exception as exc:  # missing, corrupt or foreign database: one clear line
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
