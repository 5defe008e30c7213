"""Read a folder of vacancy pages and build the knowledge base — all or nothing."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from knowledge.errors import BuildError, PageError, Problem
from knowledge.model import Vacancy
from knowledge.parse import parse_file_bytes
from knowledge.store import write_database
from knowledge.text import MAX_PAGE_BYTES

PAGE_SUFFIXES = (".md", ".markdown")
_SKIP_NAMES = frozenset({"readme.md", "_index.md", "index.md"})



def _extractor() -> Callable[[Vacancy], Vacancy]:
    from knowledge.facts import extract_facts

    def with_facts(v: Vacancy) -> Vacancy:
        return replace(v, facts=tuple(extract_facts(v)))

    return with_facts


@dataclass(frozen=True, slots=True)
class Folder:
    vacancies: tuple[Vacancy, ...]
    problems: tuple[Problem, ...]
    skipped: tuple[str, ...]


def page_files(folder: Path) -> tuple[list[tuple[str, Path]], list[str]]:
    """(vacancy id, path) of every page below `folder`; Hugo bundles (x/index.md) are id x."""
    pages: list[tuple[str, Path]] = []
    skipped: list[str] = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in PAGE_SUFFIXES:
            continue
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        name = path.name.lower()
        if name == "index.md" and path.parent != folder:
            pages.append((path.parent.name, path))
        elif name in _SKIP_NAMES or name.startswith("_"):
            skipped.append(str(path))
        else:
            pages.append((path.stem, path))
    return pages, skipped


def read_folder(folder: Path, today: dt.date | None = None, with_facts: bool = True) -> Folder:
    """Parse every page; collect problems instead of stopping at the first."""
    if not folder.is_dir():
        raise BuildError([Problem(str(folder), 0, "is not a folder of vacancy pages")])
    files, skipped = page_files(folder)
    enrich = _extractor() if with_facts else (lambda v: v)
    vacancies: list[Vacancy] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for vid, path in files:
        try:
            if path.stat().st_size > MAX_PAGE_BYTES:
                size = path.stat().st_size / 1e6
                raise PageError(str(path), 0, f"file is {size:.1f} MB, larger than the "
                                f"{MAX_PAGE_BYTES // 2**20} MB a vacancy page may be; not parsed")
            data = path.read_bytes()
            vacancy = enrich(parse_file_bytes(data, vid, str(path), today))
        except PageError as exc:
            problems.append(exc.problem)
            continue
        except OSError as exc:
            problems.append(Problem(str(path), 0, f"cannot be read: {exc.strerror or exc}"))
            continue
        if vid in seen:
            problems.append(
                Problem(str(path), 0, f"duplicate vacancy id {vid!r} (also {seen[vid]})"))
            continue
        seen[vid] = str(path)
        vacancies.append(vacancy)
    return Folder(tuple(vacancies), tuple(problems), tuple(skipped))


@dataclass(frozen=True, slots=True)
class BuildReport:
    vacancies: int
    sections: int
    facts: int
    warnings: int
    seconds: float
    db: Path

    def summary(self) -> str:
        return (f"{self.vacancies} vacancies, {self.sections} sections, {self.facts} facts, "
                f"{self.warnings} warnings in {self.seconds:.2f}s -> {self.db}")


def build(folder: Path, db: Path, today: dt.date | None = None) -> BuildReport:
    """Parse `folder` and replace the database at `db`; on any problem raise BuildError and
    leave the existing database untouched."""
    start = time.perf_counter()
    result = read_folder(folder, today)
    if result.problems:
        raise BuildError(list(result.problems))
    if not result.vacancies:
        raise BuildError([Problem(str(folder), 0, "contains no vacancy pages (*.md)")])
    counts = write_database(result.vacancies, db, {"seeds": str(folder.resolve())})
    return BuildReport(counts["vacancies"], counts["sections"], counts["facts"],
                       sum(len(v.warnings) for v in result.vacancies),
                       time.perf_counter() - start, db)
