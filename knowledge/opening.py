"""The one way to open the knowledge base: `open_knowledge(seeds, db)`.

- No database yet, or a damaged / foreign / older one: build it from the pages, skipping
  pages with errors (they are reported) so that the others are served.
- A working database, but pages (or the ingest code) newer than it, or open/closed settled
  for another day (a deadline may have passed since, or the clock was set back): rebuild
  strictly; when the rebuild fails (a page with an error, a disk that cannot be written),
  keep serving the previous database and report why.
- Otherwise open it as it is.

Stray temporary files of a crashed build are removed first (under the build lock). Every
outcome is described by an `OpenReport`; only when there is nothing at all to serve does it
raise `KnowledgeError` with one line saying why. `reload_knowledge` is the strict rebuild an
admin's /reload runs.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from knowledge.errors import BuildError, KnowledgeError, Problem
from knowledge.facts.dates import date_of
from knowledge.ingest import INGEST_VERSION, BuildReport, build, scan
from knowledge.kb import KnowledgeBase
from knowledge.store import build_lock, remove_stray_temp_files


@dataclass(frozen=True, slots=True)
class OpenReport:
    """What opening the knowledge base did."""

    built: bool = False  # a build ran and replaced the database
    kept_previous: bool = False  # pages changed, the rebuild failed, the old database serves
    reason: str = ""  # why it was (re)built: "no knowledge base yet", "pages changed", ...
    build: BuildReport | None = None
    problems: tuple[Problem, ...] = ()  # pages skipped, or why the rebuild was refused
    removed: tuple[Path, ...] = ()  # stray temporary files removed
    damaged: bool = False  # a database was there but could not be opened: it was replaced

    def lines(self) -> list[str]:
        """What to tell the operator, one line each (log or console)."""
        out = [f"removed a crashed build's temporary file {p}" for p in self.removed]
        if self.built and self.build is not None:
            out.append(f"built the knowledge base ({self.reason}): {self.build.summary()}")
            out += [f"skipped {p}" for p in self.problems]
        elif self.kept_previous:
            out.append(f"the knowledge base needs a rebuild ({self.reason}) but cannot be "
                       f"rebuilt; serving the previous one ({len(self.problems)} problem(s)):")
            out += [f"  {p}" for p in self.problems]
        return out


def newest_input(seeds: Path) -> float:
    """Modification time of the newest page or folder below `seeds` (0 when unreadable)."""
    try:
        return scan(seeds).newest
    except (BuildError, OSError):
        return 0.0


def _meta(db: Path) -> dict[str, str]:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return dict(conn.execute("SELECT key, value FROM meta").fetchall())
        finally:
            conn.close()
    except sqlite3.Error:
        return {}


def statuses_outdated(status_day: str, today: dt.date) -> bool:
    """Were open/closed settled (`status_day`, ISO; "" when unknown) for another day than
    `today`? Before it, a deadline may have passed since; after it, the clock ran ahead and
    was set back, and vacancies it closed are open again. Either way it is rebuilt."""
    return status_day != today.isoformat()


def next_deadline(kb: KnowledgeBase, today: dt.date) -> tuple[dt.date, str] | None:
    """The earliest deadline on or after `today` (with a full date) of a vacancy still open,
    and that vacancy's id; None when there is none. When that day ends, the vacancy (or one
    of its positions) may close: open/closed is settled again for the next day."""
    found: tuple[dt.date, str] | None = None
    for vacancy_id, value, read in kb.deadlines():
        listing = kb.listing(vacancy_id)
        day = dt.date.fromisoformat(read) if read else date_of(value)  # as `status` reads it
        if listing is None or listing.closed or day is None or day < today:
            continue
        if found is None or day < found[0]:
            found = (day, vacancy_id)
    return found


def stale_reason(seeds: Path, db: Path, today: dt.date | None = None) -> str:
    """Why the database at `db` must be rebuilt from `seeds` ("" when it need not be), on
    `today` (default: the machine's date)."""
    if not db.exists():
        return "no knowledge base yet"
    meta = _meta(db)
    if meta.get("seeds") and seeds.is_dir() and meta["seeds"] != str(seeds.resolve()):
        return f"it was built from another folder ({meta['seeds']})"
    if meta and meta.get("ingest_version", "") != INGEST_VERSION:
        return "it was built by another version of the ingest"
    if newest_input(seeds) > db.stat().st_mtime:
        return "pages changed"
    day = meta.get("status_day", "")
    if meta and statuses_outdated(day, today or dt.date.today()):
        return f"statuses were computed on {day or 'an unknown day'}"
    return ""


def _integrity(db: Path) -> None:
    """Raise sqlite3.DatabaseError when SQLite's quick check finds the file damaged (a page
    overwritten on disk, which opening alone would not notice)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        row = conn.execute("PRAGMA quick_check").fetchone()
    finally:
        conn.close()
    if row is None or row[0] != "ok":
        raise sqlite3.DatabaseError(f"integrity check: {row[0] if row else 'no answer'}")


def _try_open(db: Path, check: bool = False) -> tuple[KnowledgeBase | None, str]:
    if not db.exists():
        return None, "no knowledge base yet"
    try:
        if check:
            _integrity(db)
        return KnowledgeBase(db), ""
    except (KnowledgeError, sqlite3.Error, ValueError, KeyError) as exc:
        return None, f"the knowledge base at {db} is damaged or foreign ({exc})"


def open_knowledge(seeds: Path, db: Path,
                   today: dt.date | None = None) -> tuple[KnowledgeBase, OpenReport]:
    """Open the knowledge base at `db`, building or rebuilding it from `seeds` first when it
    is missing, damaged or older than the pages. Raises KnowledgeError (one line) only when
    nothing can be served."""
    today = today or dt.date.today()
    with build_lock(db):
        removed = tuple(remove_stray_temp_files(db))
    existed = db.exists()
    kb, damage = _try_open(db, check=True)
    if kb is None:
        try:
            report = build(seeds, db, today, skip_bad=True)
        except BuildError as exc:
            raise KnowledgeError(f"cannot build the knowledge base from {seeds} ({damage}): "
                                 + "; ".join(map(str, exc.problems))) from exc
        kb, failure = _try_open(db)
        if kb is None:
            raise KnowledgeError(f"cannot open the knowledge base just built at {db}: {failure}")
        return kb, OpenReport(True, False, damage, report, report.problems, removed, existed)
    reason = stale_reason(seeds, db, today)
    if not reason:
        return kb, OpenReport(removed=removed)
    try:
        report = build(seeds, db, today)
    except BuildError as exc:
        return kb, OpenReport(False, True, reason, None, tuple(exc.problems), removed)
    except OSError as exc:  # e.g. a full disk: the previous database still serves
        problem = Problem(str(db), 0, f"cannot be written: {exc.strerror or exc}")
        return kb, OpenReport(False, True, reason, None, (problem,), removed)
    kb.close()
    fresh, failure = _try_open(db)
    if fresh is None:
        raise KnowledgeError(f"cannot open the knowledge base just built at {db}: {failure}")
    return fresh, OpenReport(True, False, reason, report, report.problems, removed)


def reload_knowledge(seeds: Path, db: Path,
                     today: dt.date | None = None) -> tuple[KnowledgeBase, BuildReport]:
    """Rebuild strictly from `seeds` and open the result: what /reload runs. Raises
    BuildError listing every problem (and replaces nothing) when any page has an error."""
    report = build(seeds, db, today)
    kb, failure = _try_open(db)
    if kb is None:
        raise KnowledgeError(f"cannot open the knowledge base just built at {db}: {failure}")
    return kb, report
