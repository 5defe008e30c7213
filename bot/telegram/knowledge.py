"""The knowledge base the bot answers from, and how it is reloaded while the bot runs.

At start-up (`Knowledge.open`) it is opened the one way the project has,
`knowledge.open_knowledge`: built when missing, damaged or written by another version
(skipping pages with errors, which are logged with file and line, so the others are served),
rebuilt when the pages are newer or open/closed was settled for an earlier day (keeping the
previous one if that rebuild fails). Only when nothing at all can be served does the bot not
start (`StartupError`).

`Knowledge.router` is read on every answer. `reload()` runs `knowledge.reload_knowledge` in a
worker thread (every page is validated first and only then is the new file renamed into
place; on any problem it raises `BuildError` and leaves the old file alone), and swaps the
router in a single assignment. Answers are computed synchronously on the event loop, so each
one sees either the old or the new knowledge base, never a mix, and questions keep being
answered while the rebuild runs.

`today` is the clock open/closed is settled with (deadlines): the machine's date, injectable
so that tests never depend on it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.router import Router
from knowledge import (
    BuildReport,
    Change,
    KnowledgeBase,
    KnowledgeError,
    open_knowledge,
    reload_knowledge,
)
from knowledge.opening import statuses_outdated

log = logging.getLogger(__name__)

Today = Callable[[], dt.date]
Now = Callable[[], float]  # unix time


class StartupError(Exception):
    """The bot cannot start; the message says why in one line. `code` is the exit code."""

    code = 1


@dataclass(frozen=True, slots=True)
class Reloaded:
    """What a successful reload did: what changed for users, and the build's report (pages
    skipped on purpose, warnings)."""

    change: Change
    report: BuildReport


def _open_router(seeds: Path, db: Path, today: dt.date) -> Router:
    """Open the knowledge base (`knowledge.open_knowledge`) and log what was done; raise
    StartupError (one line) only when nothing can be served."""
    try:
        kb, report = open_knowledge(seeds, db, today)
    except KnowledgeError as exc:
        raise StartupError(str(exc)) from exc  # "cannot build the knowledge base from ..."
    except OSError as exc:  # e.g. the data directory filled up while building
        raise StartupError(f"cannot write the knowledge base {db}: {exc}") from exc
    serious = report.problems or report.kept_previous or report.damaged
    level = logging.WARNING if serious else logging.INFO
    for line in report.lines():
        log.log(level, "%s", line)
    return Router(kb)


class Knowledge:
    def __init__(self, seeds: Path, db: Path, router: Router,
                 today: Today = dt.date.today) -> None:
        self.seeds = seeds
        self.db = db
        self.today = today
        self._router = router
        self._lock = asyncio.Lock()

    @classmethod
    def open(cls, seeds: Path, db: Path, today: Today = dt.date.today) -> Knowledge:
        return cls(seeds, db, _open_router(seeds, db, today()), today)

    @property
    def router(self) -> Router:
        return self._router

    @property
    def kb(self) -> KnowledgeBase:
        return self._router.kb

    def outdated(self, today: dt.date) -> bool:
        """Was open/closed settled for another day than `today` (a deadline may have passed,
        or the clock was set back after running ahead)?"""
        return statuses_outdated(self.kb.status_day, today)

    async def reload(self) -> Reloaded:
        """Rebuild from the seeds folder and swap; raise BuildError (nothing changed) if any
        page is broken. Concurrent reloads run one after the other."""
        async with self._lock:
            old = self._router
            new, done = await asyncio.to_thread(self._rebuild, old, self.today())
            self._router = new
            old.kb.close()  # nothing holds it across an await: answers are synchronous
            settle_memory()
            change = done.change
            log.info("knowledge base reloaded: %d vacancies (+%d -%d ~%d)", len(new.kb),
                     len(change.added), len(change.removed), len(change.changed))
            return done

    def _rebuild(self, old: Router, today: dt.date) -> tuple[Router, Reloaded]:
        kb, report = reload_knowledge(self.seeds, self.db, today)
        return Router(kb), Reloaded(old.kb.diff(kb), report)

    def close(self) -> None:
        self._router.kb.close()


def settle_memory() -> None:
    """What is loaded now (the knowledge base's indexes, the libraries) lives as long as the
    process: keep it out of the garbage collector's full passes (`gc.freeze`), which would
    otherwise walk all of it again and again while answering. Called at start and after
    each reload; the previous knowledge base is unfrozen and collected first, so a reload
    frees it."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
