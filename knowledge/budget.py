"""A wall-clock budget for reading one page: `with time_limit(seconds): ...`, and `check()`
at the steps of reading it.

Every step of reading a page is linear in its size, and a page is at most
`knowledge.text.MAX_PAGE_BYTES`; still, a page built to be slow (1.6 MB of headings takes about
25 s) must not hold up a build, a `/reload` or the bot's start. The steps of reading a page
call `check()` between their pieces of work (after the header, the clean-up, the Markdown
parse, per section, per paragraph, before facts and status), and `check()` raises
`OverBudget` once the budget of the thread's current page has run out. So a page over its
budget is stopped at the next step, never later than one step (linear) after its time.

The budget is the thread's own (`threading.local`): a `/reload` in a worker thread and a
build in the main thread never share one. Outside `time_limit`, `check()` does nothing.
`OverBudget` is a `BaseException`, like `KeyboardInterrupt`, so that no `except Exception`
in the page code swallows it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["OverBudget", "check", "time_limit"]


class OverBudget(BaseException):
    """A page took longer to read than its budget."""


_local = threading.local()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Within the block, `check()` raises OverBudget once `seconds` have passed (0 or less:
    no limit)."""
    previous: float | None = getattr(_local, "deadline", None)
    _local.deadline = time.monotonic() + seconds if seconds > 0 else None
    try:
        yield
    finally:
        _local.deadline = previous


def check() -> None:
    """Raise OverBudget when the budget of the page this thread reads has run out."""
    deadline: float | None = getattr(_local, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        raise OverBudget
