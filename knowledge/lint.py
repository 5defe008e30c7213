"""What `vacbot check` reports on a folder of pages: one line per error, skipped input and
warning (`file:line: reason`), and a summary. Pure over `read_folder`'s result; the CLI
prints it. File names are printed with control characters escaped (`errors.printable`), so
every finding is one line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from knowledge.errors import printable, split_warning
from knowledge.ingest import Folder
from knowledge.model import FactKind, Vacancy
from knowledge.urls import bad_urls


@dataclass(frozen=True, slots=True)
class Lint:
    lines: tuple[str, ...]  # the findings, one line each
    summary: str
    failed: bool  # a page has an error, or the folder has no page at all


def _warnings(v: Vacancy) -> list[str]:
    lines = []
    for text in v.warnings:
        at, reason = split_warning(text)
        lines.append(f"warning {v.source}{f':{at}' if at else ''}: {reason}")
    if not v.facts_of(FactKind.CONTACT_PERSON, FactKind.EMAIL):
        lines.append(f"warning {v.source}: names no contact person or e-mail")
    return lines + [f"warning {v.source}: link {url!r} is not a valid web address"
                    for url in bad_urls(v)]


def lint(folder: Path, result: Folder) -> Lint:
    """The findings of `read_folder(folder)`: warnings page by page, skipped inputs, errors."""
    per_page = [_warnings(v) for v in result.vacancies]
    lines = [line for page in per_page for line in page]
    lines += [f"skipped {s}" for s in result.skipped] + [f"error {p}" for p in result.problems]
    empty = not result.vacancies and not result.problems
    if empty:
        lines.append(f"error {folder}: no vacancy pages (*.md, *.markdown) in this folder")
    unknown = sum(split_warning(w)[1].startswith("unknown heading")
                  for v in result.vacancies for w in v.warnings)
    summary = (f"{len(result.vacancies)} pages ok ({sum(map(bool, per_page))} with warnings), "
               f"{len(result.problems) + empty} with errors, {len(result.skipped)} inputs "
               f"skipped, {sum(map(len, per_page))} warnings ({unknown} unknown headings)")
    return Lint(tuple(printable(line) for line in lines), summary,
                bool(result.problems) or not result.vacancies)
