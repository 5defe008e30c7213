"""Is the running bot alive? A heartbeat file written by the job queue, and `vacbot health`.

The bot rewrites the heartbeat every `INTERVAL` seconds from python-telegram-bot's job queue,
so the file only stays fresh while the event loop and the job queue are running: a hung or
blocked loop lets it go stale. It does not prove that Telegram is reachable (polling retries
network errors by itself; restarting the bot would not end an outage). `vacbot health` — the
image's HEALTHCHECK and compose's `healthcheck:` — exits 0 while the beat is at most
`MAX_AGE` seconds old, 1 otherwise.

Time is the system-wide monotonic clock (the same for every process of one boot, including a
`docker exec`'d health check), never the wall clock, which can jump; the beat records the
kernel's boot id, so a heartbeat left on the volume by a previous boot never counts as fresh
(where it is hidden, as under systemd's ProcSubset=pid, such a beat is almost certainly
from the future or long past). Everything here takes `now` as an argument, so freshness is
tested without a clock.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # not imported at run time: `vacbot health` stays quick
    from telegram.ext import Application

log = logging.getLogger(__name__)

INTERVAL = 15.0  # seconds between beats
MAX_AGE = 60.0  # a beat older than this (four missed beats) means the bot is not alive
BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


def boot_id() -> str:
    """This boot's id ("" where the kernel does not tell)."""
    try:
        return BOOT_ID.read_text().strip()
    except OSError:
        return ""


def default_path(state_path: Path) -> Path:
    """Next to the chat-state database: /data/vacbot-state.db → /data/vacbot-state.heartbeat."""
    return state_path.with_suffix(".heartbeat")


def write_heartbeat(path: Path, now: float, boot: str) -> None:
    """Record a beat at monotonic time `now`; atomic, so a reader never sees half a file."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(f"{boot} {now:.3f}\n")
    os.replace(tmp, path)


@dataclass(frozen=True, slots=True)
class Status:
    healthy: bool
    message: str


def status(path: Path, now: float, boot: str, max_age: float = MAX_AGE) -> Status:
    """Whether the beat in `path` is from this boot and at most `max_age` seconds before `now`."""
    try:
        text = path.read_text()
    except FileNotFoundError:
        return Status(False, f"no heartbeat at {path}: the bot is not running (or has not "
                             f"started yet)")
    except OSError as exc:
        return Status(False, f"cannot read the heartbeat {path}: {exc.strerror or exc}")
    parts = text.split()
    try:
        beat_boot, beat = (parts[0], float(parts[1])) if len(parts) == 2 else ("", float(parts[0]))
    except (IndexError, ValueError):
        return Status(False, f"heartbeat {path} is unreadable: {text[:40]!r}")
    if beat_boot and boot and beat_boot != boot:
        return Status(False, f"heartbeat {path} is from before the last reboot: the bot is not "
                             f"running")
    age = now - beat
    if age < 0:
        return Status(False, f"heartbeat {path} is from the future ({-age:.0f} s): written by "
                             f"another machine?")
    if age > max_age:
        return Status(False, f"heartbeat {path} is {age:.0f} s old (at most {max_age:.0f} s "
                             f"expected): the bot is hung or stopped")
    return Status(True, f"heartbeat {age:.0f} s old ({path})")


def check(path: Path, max_age: float, now: float, boot: str | None = None) -> bool:
    """True while the beat in `path` is fresh at monotonic time `now`."""
    return status(path, now, boot_id() if boot is None else boot, max_age).healthy


def install_heartbeat(application: Application[Any, Any, Any, Any, Any, Any], path: Path,
                      interval: float | None = None) -> None:
    """Beat now, then every `interval` (default `INTERVAL`) seconds from `application`'s job
    queue (its `first=0` would wait a whole interval when the queue is not started yet).

    Called from `post_init`. A beat that cannot be written is logged (once per run of
    failures) and the bot keeps going: its health check will say it is unhealthy."""
    job_queue = application.job_queue
    if job_queue is None:
        log.warning("no job queue (python-telegram-bot[job-queue] missing): no heartbeat, "
                    "`vacbot health` will report the bot as down")
        return
    boot = boot_id()
    failing = False

    def write_now() -> None:
        nonlocal failing
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_heartbeat(path, time.monotonic(), boot)
        except OSError as exc:
            if not failing:
                log.warning("cannot write the heartbeat %s: %s", path, exc.strerror or exc)
            failing = True
        else:
            failing = False

    async def beat(context: object) -> None:
        write_now()

    every = INTERVAL if interval is None else interval
    write_now()
    job_queue.run_repeating(beat, every, first=every, name="heartbeat")
