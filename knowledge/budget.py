"""A wall-clock budget for reading one page: `with time_limit(seconds): ...`.

Every step of reading a page is linear in its size, and a page is at most
`knowledge.text.MAX_PAGE_BYTES`; still, a page built to be slow (1.6 MB of headings takes about
25 s) must not hold up a build, a `/reload` or the bot's start. When the block runs longer
than its budget, `OverBudget` is raised *inside* it, in the thread that runs it (the main
thread of `vacbot ingest`, or the worker thread of a `/reload`): a watchdog thread asks the
interpreter to raise it there (CPython's `PyThreadState_SetAsyncExc`, which raises an
exception in another thread). It arrives between two Python steps, so a single call into C
finishes first; the page code's regular expressions are linear, so none runs long.

`OverBudget` is a `BaseException`, like `KeyboardInterrupt`, so that no `except Exception`
in the page code swallows it.
"""

from __future__ import annotations

import ctypes
import itertools
import threading
import time
from types import TracebackType

__all__ = ["OverBudget", "time_limit"]


class OverBudget(BaseException):
    """A page took longer to read than its budget."""


_SET_ASYNC_EXC = ctypes.pythonapi.PyThreadState_SetAsyncExc
_SET_ASYNC_EXC.argtypes = (ctypes.c_ulong, ctypes.py_object)
_SET_ASYNC_EXC.restype = ctypes.c_int


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Raise `exc` in the thread `thread_id` at its next Python step (None: cancel one that
    has not been raised yet)."""
    _SET_ASYNC_EXC(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else
                   ctypes.py_object())


class _Watchdog:
    """One daemon thread for all budgets: sleeps until the earliest deadline."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._deadlines: dict[int, tuple[int, float]] = {}  # key -> (thread id, deadline)
        self._fired: set[int] = set()
        self._keys = itertools.count()
        self._thread: threading.Thread | None = None

    def start(self, seconds: float) -> int:
        with self._cond:
            key = next(self._keys)
            self._deadlines[key] = (threading.get_ident(), time.monotonic() + seconds)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="page-budget",
                                                daemon=True)
                self._thread.start()
            self._cond.notify()
            return key

    def stop(self, key: int) -> bool:
        """End budget `key`; True if it had run out (its exception, if not yet raised, is
        cancelled: it must not escape the block it was meant for)."""
        with self._cond:
            self._deadlines.pop(key, None)
            fired = key in self._fired
            if fired:
                self._fired.discard(key)
                _raise_in(threading.get_ident(), None)
            return fired

    def _run(self) -> None:
        with self._cond:
            while True:
                if not self._deadlines:
                    self._cond.wait()
                    continue
                key, (thread_id, deadline) = min(self._deadlines.items(),
                                                 key=lambda item: item[1][1])
                wait = deadline - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                del self._deadlines[key]
                self._fired.add(key)
                _raise_in(thread_id, OverBudget)


_WATCHDOG = _Watchdog()


class time_limit:
    """`with time_limit(seconds):` raises OverBudget inside the block once `seconds` have
    passed (0 or less: no limit)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._key: int | None = None

    def __enter__(self) -> time_limit:
        if self.seconds > 0:
            self._key = _WATCHDOG.start(self.seconds)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._key is not None:
            _WATCHDOG.stop(self._key)
            self._key = None
