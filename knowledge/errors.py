"""Explicit exceptions of the knowledge package, and the findings a build reports.

Every error this package raises on purpose is a `KnowledgeError`:

- `PageError`: one page cannot be read or parsed (file, line, reason); the page is skipped;
- `BuildError`: a build replaced nothing; it lists every problem found;
- `SchemaError`: a database that is not a vacbot knowledge base of this version (damaged,
  foreign, older) — `knowledge.open_knowledge` rebuilds it from the pages.

What counts as what (the README's "Checking pages" section says the same):

- an *error* (`Problem`) is a page or input that is not served at all: unreadable, binary,
  empty, too large, a symlink or a path outside the pages folder, a `closed:` value that is
  neither true nor false. A strict build (`vacbot ingest`, `/reload`, a rebuild over a
  working knowledge base) refuses the whole set and keeps the previous knowledge base; a
  first build (or one replacing a damaged database) skips the page, serves the others, and
  reports it;
- a *warning* is something repaired on a page that is served: a title taken from a heading
  or the file name, front matter read leniently (tabs, stray quotes, impossible dates kept as
  text), mojibake, unknown headings. Warnings never stop a build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def printable(text: str) -> str:
    """`text` with every character that is not printable (newlines, tabs, terminal escape
    codes, invisible separators) written as its Python escape, so that a file name can
    neither forge an output line nor send codes to a terminal: "a\nb" -> "a\\nb"."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one input: where, and why."""

    path: str
    line: int  # 1-based; 0 when the problem is about the whole file
    reason: str

    def __str__(self) -> str:
        path = printable(self.path)
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.reason}"


_LINE_PREFIX = re.compile(r"^line (\d+): ")


def warning(line: int, reason: str) -> str:
    """A page warning as stored in `Vacancy.warnings`: "line 8: reason" (or the bare reason
    when it is about the whole page)."""
    return f"line {line}: {reason}" if line > 0 else reason


def split_warning(text: str) -> tuple[int, str]:
    """(line, reason) of a stored warning; line 0 when it has none."""
    m = _LINE_PREFIX.match(text)
    return (int(m.group(1)), text[m.end():]) if m else (0, text)


class KnowledgeError(Exception):
    """Base class of every error this package raises on purpose."""


class PageError(KnowledgeError):
    """A page cannot be read or parsed. Carries the file and line."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        self.problem = Problem(path, line, reason)
        super().__init__(str(self.problem))


class BuildError(KnowledgeError):
    """A knowledge base build failed; nothing was replaced. Lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        head = f"{len(problems)} problem(s); the knowledge base was not changed"
        super().__init__(head + "".join(f"\n  {p}" for p in problems))


class SchemaError(KnowledgeError):
    """The database is damaged, foreign, or written by another version of vacbot; rebuild it
    from the pages (`vacbot ingest`, or `knowledge.open_knowledge` does it by itself)."""
