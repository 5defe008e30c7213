"""Where the test data lives: the bundled seeds, and ../shared when it is beside the repo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "diag"
EVAL = SHARED / "eval"
SITES = SHARED / "corpus" / "sites"
SITES_TREE = SHARED / "corpus" / "sites-tree"
# The day tests read the real pages on: fixed, so that a deadline passing in real time never
# changes a test (a page whose application deadline has passed is closed).
CORPUS_DAY = dt.date(2024, 6, 1)


def need_corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"real vacancy corpus not present at {CORPUS} (../shared is beside the "
                    "repository in CI only)")
    return CORPUS


def need_sites(tree: bool = False) -> Path:
    folder = SITES_TREE if tree else SITES
    if not folder.is_dir():
        pytest.skip(f"other sites' pages not present at {folder} (../shared is beside the "
                    "repository in CI only)")
    return folder
