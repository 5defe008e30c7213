"""Explicit exceptions of the knowledge package."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one page: where, and why."""

    path: str
    line: int  # 1-based; 0 when the problem is about the whole file
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


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
