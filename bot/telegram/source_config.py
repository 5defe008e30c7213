"""The settings of what the bot follows while it runs: where the pages come from (a folder,
or the group's website repository), how often they are looked at, the time zone deadlines
end in, and the admins' digest. Read by `bot.telegram.config.load_config`:

- `VACBOT_PAGES_GIT`: a clone URL, optionally `#branch` and `:folder`
  (`https://github.com/group/site.git#main:_posts`); the repository is cloned into the data
  directory (`pages-repo` next to the knowledge base) and its pages are served instead of
  `VACBOT_SEEDS_DIR`;
- `VACBOT_GIT_SSH_KEY` (a deploy key's private key file) or `VACBOT_GIT_TOKEN_FILE` (a file
  holding an access token): for a private repository;
- `VACBOT_SYNC_INTERVAL`: seconds between fetches, or between looks at the folder (600;
  0 = only at start);
- `VACBOT_TIMEZONE`: where a deadline day ends (an IANA name; default the host's zone);
- `VACBOT_DIGEST_DAYS`: days between the admins' digests (7; 0 = none).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import tzlocal

from knowledge.source import GitAuth, GitSpec, PageSource

CLONE_NAME = "pages-repo"
KNOWN_HOSTS = "known_hosts"
SYNC_INTERVAL = 600.0
DIGEST_DAYS = 7.0
WEEK = 7 * 86_400.0


def local_zone() -> dt.tzinfo:
    """The host's time zone (TZ, /etc/localtime), UTC when it has none."""
    try:
        return tzlocal.get_localzone()
    except Exception:  # tzlocal refuses an inconsistent configuration
        return dt.UTC


@dataclass(frozen=True, slots=True)
class Sync:
    git: GitSpec | None = None
    clone: Path | None = None  # where the repository is cloned
    auth: GitAuth = field(default_factory=GitAuth)
    interval: float = SYNC_INTERVAL  # seconds between looks at the pages; 0 = never
    timezone: dt.tzinfo = field(default_factory=local_zone)
    digest_days: float = DIGEST_DAYS  # 0 = no digest

    @property
    def pages(self) -> Path | None:
        """The pages' folder inside the clone (None: the pages are a plain folder)."""
        if self.git is None or self.clone is None:
            return None
        return self.clone / self.git.folder if self.git.folder else self.clone

    def source(self, seeds: Path) -> PageSource:
        if self.git is not None and self.clone is not None:
            return PageSource.for_git(self.git, self.clone, self.auth)
        return PageSource(seeds)


def number(values: Mapping[str, str], name: str, default: float, low: float, high: float,
           what: str, off: bool = False) -> float:
    """A number setting in (low, high] — or, with `off`, in [0, high], 0 meaning off;
    `default` when unset. Raises ValueError naming the setting."""
    raw = values.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name} must be {what}, got {raw!r}") from None
    if off and not 0 <= value <= high:
        raise ValueError(f"{name} must be between 0 (off) and {high:g}, got {value:g}")
    if not off and not low < value <= high:
        raise ValueError(f"{name} must be above {low:g} and at most {high:g}, got {value:g}")
    return value


def _file(values: Mapping[str, str], name: str, what: str) -> Path | None:
    raw = values.get(name, "").strip()
    if not raw:
        return None
    path = Path(raw)
    if not path.is_file() or not os.access(path, os.R_OK):
        raise ValueError(f"{name}: {raw} is not a readable file ({what})")
    return path


def read_timezone(raw: str) -> dt.tzinfo:
    raw = raw.strip()
    if not raw:
        return local_zone()
    try:
        return ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"VACBOT_TIMEZONE: {raw!r} is not a time zone (use a name such as "
                         "Europe/Amsterdam or UTC)") from None


def read_sync(values: Mapping[str, str], data_dir: Path) -> Sync:
    """The settings above from `values`; ValueError with one line when one is unusable."""
    raw = values.get("VACBOT_PAGES_GIT", "").strip()
    try:
        git = GitSpec.parse(raw) if raw else None
    except ValueError as exc:
        raise ValueError(f"VACBOT_PAGES_GIT: {exc}") from None
    key = _file(values, "VACBOT_GIT_SSH_KEY", "the deploy key's private key")
    token = _file(values, "VACBOT_GIT_TOKEN_FILE", "a file holding the access token")
    if (key or token) and git is None:
        raise ValueError("VACBOT_GIT_SSH_KEY / VACBOT_GIT_TOKEN_FILE are for a repository: "
                         "set VACBOT_PAGES_GIT too")
    return Sync(
        git=git,
        clone=data_dir / CLONE_NAME if git is not None else None,
        auth=GitAuth(ssh_key=key, token_file=token,
                     known_hosts=data_dir / KNOWN_HOSTS if key else None),
        interval=number(values, "VACBOT_SYNC_INTERVAL", SYNC_INTERVAL, 0, WEEK,
                        "a number of seconds", off=True),
        timezone=read_timezone(values.get("VACBOT_TIMEZONE", "")),
        digest_days=number(values, "VACBOT_DIGEST_DAYS", DIGEST_DAYS, 0, 365, "a number of days",
                           off=True),
    )
