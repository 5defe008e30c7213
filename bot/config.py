"""Where things are: seeds folder and database path from flags, environment or defaults."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def seeds_dir(flag: str | None = None) -> Path:
    """--seeds, else $VACBOT_SEEDS_DIR, else ./seeds."""
    return Path(flag or os.environ.get("VACBOT_SEEDS_DIR") or "seeds")


def db_path(flag: str | None = None) -> Path:
    """--db, else $VACBOT_DB, else vacbot.db in the user's data directory."""
    default = Path(platformdirs.user_data_dir("vacbot", appauthor=False)) / "vacbot.db"
    return Path(flag or os.environ.get("VACBOT_DB") or default)
