"""Write vacancies to a SQLite knowledge base (sqlite-utils) and read them back.

The database is built in a temporary file beside the target and renamed into place, so a
reader never sees half a build and a failed build leaves the previous database serving.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import sqlite_utils

from knowledge.keywords import IndexText, index_text
from knowledge.model import Fact, FactKind, Kind, Position, Section, Vacancy

SCHEMA_VERSION = 2


class SchemaError(Exception):
    """The database was written by another version of vacbot; rebuild it with `vacbot ingest`."""


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
    }


def write_database(vacancies: Iterable[Vacancy], path: Path,
                   meta: dict[str, str]) -> dict[str, int]:
    """Build the database at a temporary path and atomically rename it to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    counts = {"vacancies": 0, "sections": 0, "facts": 0}
    try:
        conn = sqlite3.connect(tmp)
        db = sqlite_utils.Database(conn)
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        vac_rows, sec_rows, fact_rows, text_rows = [], [], [], []
        for v in vacancies:
            index = index_text(v)
            vac_rows.append(_vacancy_row(v, index))
            text_rows.append((len(vac_rows), index.title, index.names_text, index.body))
            for s in v.sections:
                sec_rows.append({"vacancy_id": v.id, "ord": s.order, "title": v.title,
                                 "heading": s.heading, "kind": s.kind.value,
                                 "markdown": s.markdown, "text": s.text, "line": s.line})
            for i, f in enumerate(v.facts):
                fact_rows.append({"vacancy_id": v.id, "ord": i, "kind": f.kind.value,
                                  "value": f.value, "section": f.section, "detail": f.detail})
        db.table("vacancies").insert_all(vac_rows, pk="id", batch_size=2000)
        db.table("sections").insert_all(sec_rows, pk=("vacancy_id", "ord"), batch_size=2000)
        db.table("facts").insert_all(fact_rows, pk=("vacancy_id", "ord"), batch_size=2000)
        for table in ("vacancies", "sections", "facts"):
            if not db.table(table).exists():  # an empty folder still gets a complete schema
                db.execute(f"CREATE TABLE [{table}] (vacancy_id TEXT, ord INTEGER)")
        if vac_rows:
            db.table("vacancies").create_index(["key"], if_not_exists=True)
        # what each vacancy says about itself, as stems, for bm25() ranking (KnowledgeBase)
        conn.execute("CREATE VIRTUAL TABLE vacancy_text USING fts5(title, names, body, "
                     "tokenize='unicode61 remove_diacritics 0', detail=column)")
        conn.executemany("INSERT INTO vacancy_text (rowid, title, names, body) VALUES "
                         "(?, ?, ?, ?)", text_rows)
        conn.execute("CREATE VIRTUAL TABLE vacancy_terms USING fts5vocab(vacancy_text, 'row')")
        if sec_rows:
            db.table("sections").enable_fts(["title", "heading", "text"],
                                            tokenize="unicode61 remove_diacritics 2")
        meta = {**meta, "schema_version": str(SCHEMA_VERSION), "built_at": str(int(time.time()))}
        db.table("meta").insert_all([{"key": k, "value": v} for k, v in meta.items()], pk="key")
        conn.commit()
        conn.close()
        counts = {"vacancies": len(vac_rows), "sections": len(sec_rows), "facts": len(fact_rows)}
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return counts


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
                               s["line"]) for s in sections),
        facts=tuple(Fact(FactKind(f["kind"]), f["value"], f["section"], f["detail"])
                    for f in facts),
        warnings=tuple(json.loads(row["warnings"])), extra=dict(json.loads(row["extra"])),
    )
