"""Write vacancies to a SQLite knowledge base (sqlite-utils) and read them back.

The database is built in a temporary file beside the target and renamed into place, so a
reader never sees half a build and a failed build leaves the previous database serving.
Vacancies are written in batches as they arrive (an iterator), so a build's memory does not
grow with the number of pages. Builds of one database take turns (a lock file beside it), and
each first removes the temporary files a crashed build left behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from knowledge.errors import SchemaError
from knowledge.keywords import IndexText, index_text
from knowledge.model import Fact, FactKind, Kind, Position, Section, Unit, Vacancy

SCHEMA_VERSION = 4
BATCH = 200  # vacancies written per batch: memory stays flat however many pages there are

__all__ = ["SCHEMA_VERSION", "SchemaError", "connect_readonly", "fingerprint", "short_key",
           "vacancy_from_rows", "write_database"]


def short_key(vacancy_id: str) -> str:
    """A stable 10-character key for a vacancy id (for Telegram's 64-byte callback data)."""
    return hashlib.blake2b(vacancy_id.encode(), digest_size=5).hexdigest()


def fingerprint(v: Vacancy) -> str:
    """Changes whenever anything a user could be told about the vacancy changes."""
    payload = json.dumps(
        [v.title, v.closed, v.description, [(s.heading, s.text) for s in v.sections]],
        ensure_ascii=False,
    )
    return hashlib.sha1(payload.encode()).hexdigest()


def _vacancy_row(v: Vacancy, index: IndexText) -> dict[str, Any]:
    return {
        "id": v.id, "key": short_key(v.id), "title": v.title, "status": v.status,
        "closed": int(v.closed), "type": v.type, "category": v.category,
        "categories": json.dumps(v.categories),
        "positions": json.dumps([[p.title, p.category, list(p.sections), p.closed]
                                 for p in v.positions], ensure_ascii=False),
        "description": v.description, "groups": json.dumps(v.groups),
        "people": json.dumps(v.people, ensure_ascii=False), "tags": json.dumps(v.tags),
        "date": v.date, "language": v.language, "header_style": v.header_style,
        "source": v.source, "warnings": json.dumps(v.warnings, ensure_ascii=False),
        "extra": json.dumps(v.extra, ensure_ascii=False), "fingerprint": fingerprint(v),
        "keywords": json.dumps(index.names, ensure_ascii=False),
        "entities": json.dumps(index.entities, ensure_ascii=False),
    }


@contextlib.contextmanager
def build_lock(path: Path) -> Iterator[None]:
    """Hold the build lock of the database at `path` (a ``.<name>.lock`` file beside it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.parent / f".{path.name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def stray_temp_files(path: Path) -> list[Path]:
    """Temporary files of builds of `path` (left behind by a crash when no build runs)."""
    return sorted(path.parent.glob(f".{path.name}.*.tmp"))


def remove_stray_temp_files(path: Path) -> list[Path]:
    """Remove what crashed builds of `path` left behind; call with the build lock held."""
    removed = []
    for tmp in stray_temp_files(path):
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed.append(tmp)
    return removed


Rows = tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]], IndexText]


def units_json(units: tuple[Unit, ...]) -> str:
    """A section's units as stored: [item, line, sentence, ...], each sentence [Markdown,
    text], or [text] when its Markdown is the same."""
    return json.dumps([[int(u.item), u.line, *([t] if m == t else [m, t] for m, t in u.sentences)]
                       for u in units], ensure_ascii=False)


def units_from_json(data: str | None) -> tuple[Unit, ...]:
    if not data:
        return ()
    return tuple(Unit(tuple((s[0], s[0]) if len(s) == 1 else (s[0], s[1]) for s in u[2:]),
                      bool(u[0]), u[1]) for u in json.loads(data))


def _rows(v: Vacancy) -> Rows:
    sections = [{"vacancy_id": v.id, "ord": s.order, "title": v.title, "heading": s.heading,
                 "kind": s.kind.value, "markdown": s.markdown, "text": s.text, "line": s.line,
                 "units": units_json(s.units), "parent": s.parent}
                for s in v.sections]
    facts = [{"vacancy_id": v.id, "ord": i, "kind": f.kind.value, "value": f.value,
              "section": f.section, "detail": f.detail, "line": f.line, "source": f.source,
              "day": f.when} for i, f in enumerate(v.facts)]
    index = index_text(v)
    return _vacancy_row(v, index), sections, facts, index


def write_database(vacancies: Iterable[Vacancy], path: Path,
                   meta: dict[str, str]) -> dict[str, int]:
    """Build the database at a temporary path, writing `vacancies` in batches as the iterable
    yields them, and atomically rename it to `path`. If the iterable raises, nothing is
    replaced and the temporary file is removed."""
    with build_lock(path):
        remove_stray_temp_files(path)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            counts = _write(vacancies, tmp, meta)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    return counts


def _write(vacancies: Iterable[Vacancy], tmp: Path, meta: dict[str, str]) -> dict[str, int]:
    conn = sqlite3.connect(tmp)
    try:
        db = sqlite_utils.Database(conn)
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        counts = {"vacancies": 0, "sections": 0, "facts": 0}
        batch: list[Rows] = []
        # what each vacancy says about itself, as stems, for bm25() ranking (KnowledgeBase);
        # its rowid is the vacancy's rowid
        conn.execute("CREATE VIRTUAL TABLE vacancy_text USING fts5(title, names, body, "
                     "tokenize='unicode61 remove_diacritics 0', detail=column)")

        def flush() -> None:
            if not batch:
                return
            db.table("vacancies").insert_all([b[0] for b in batch], pk="id")
            first = counts["vacancies"] + 1
            conn.executemany(
                "INSERT INTO vacancy_text (rowid, title, names, body) VALUES (?, ?, ?, ?)",
                [(first + n, b[3].title, b[3].names_text, b[3].body)
                 for n, b in enumerate(batch)])
            sec = [r for b in batch for r in b[1]]
            fac = [r for b in batch for r in b[2]]
            if sec:
                db.table("sections").insert_all(sec, pk=("vacancy_id", "ord"))
            if fac:
                db.table("facts").insert_all(fac, pk=("vacancy_id", "ord"))
            counts["vacancies"] += len(batch)
            counts["sections"] += len(sec)
            counts["facts"] += len(fac)
            batch.clear()

        for v in vacancies:
            batch.append(_rows(v))
            if len(batch) >= BATCH:
                flush()
        flush()
        _complete_schema(db)
        conn.execute("CREATE VIRTUAL TABLE vacancy_terms USING fts5vocab(vacancy_text, 'row')")
        if counts["vacancies"]:
            db.table("vacancies").create_index(["key"], if_not_exists=True)
        if counts["sections"]:
            db.table("sections").enable_fts(["title", "heading", "text"],
                                            tokenize="unicode61 remove_diacritics 2")
        meta = {**meta, "schema_version": str(SCHEMA_VERSION), "built_at": str(int(time.time()))}
        db.table("meta").insert_all([{"key": k, "value": v} for k, v in meta.items()], pk="key")
        conn.commit()
    finally:
        conn.close()
    return counts


def _complete_schema(db: sqlite_utils.Database) -> None:
    """Tables a build without rows (an empty folder, a page without facts) still needs."""
    if not db.table("vacancies").exists():
        db.execute("CREATE TABLE [vacancies] (id TEXT PRIMARY KEY, key TEXT)")
    if not db.table("sections").exists():
        db.execute("CREATE TABLE [sections] (vacancy_id TEXT, ord INTEGER, title TEXT, "
                   "heading TEXT, kind TEXT, markdown TEXT, text TEXT, line INTEGER, "
                   "units TEXT, parent TEXT, PRIMARY KEY (vacancy_id, ord))")
    if not db.table("facts").exists():
        db.execute("CREATE TABLE [facts] (vacancy_id TEXT, ord INTEGER, kind TEXT, value TEXT, "
                   "section INTEGER, detail TEXT, line INTEGER, source TEXT, day TEXT, "
                   "PRIMARY KEY (vacancy_id, ord))")


def connect_readonly(path: Path) -> sqlite3.Connection:
    """Open a built knowledge base read-only and check its schema version."""
    if not path.exists():
        raise FileNotFoundError(f"no knowledge base at {path}; run `vacbot ingest` first")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise SchemaError(f"{path} is not a vacbot knowledge base ({exc})") from exc
    if row is None or row[0] != str(SCHEMA_VERSION):
        conn.close()
        raise SchemaError(f"{path} has schema {row[0] if row else '?'}, expected {SCHEMA_VERSION}")
    return conn


def vacancy_from_rows(row: sqlite3.Row, sections: list[sqlite3.Row],
                      facts: list[sqlite3.Row]) -> Vacancy:
    return Vacancy(
        id=row["id"], title=row["title"], closed=bool(row["closed"]), source=row["source"],
        description=row["description"], type=row["type"], category=row["category"],
        categories=tuple(json.loads(row["categories"])),
        positions=tuple(Position(t, c, tuple(s), bool(x))
                        for t, c, s, x in json.loads(row["positions"])),
        groups=tuple(json.loads(row["groups"])), people=tuple(json.loads(row["people"])),
        tags=tuple(json.loads(row["tags"])), date=row["date"], language=row["language"],
        header_style=row["header_style"],
        sections=tuple(Section(s["ord"], s["heading"], Kind(s["kind"]), s["markdown"], s["text"],
                               s["line"], (), units_from_json(s["units"]), s["parent"])
                       for s in sections),
        facts=tuple(Fact(FactKind(f["kind"]), f["value"], f["section"], f["detail"], f["line"],
                         f["source"], f["day"]) for f in facts),
        warnings=tuple(json.loads(row["warnings"])), extra=dict(json.loads(row["extra"])),
    )
