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
SITES2 = SHARED / "corpus" / "sites2"
# The day tests read the real pages on: fixed, so that a deadline passing in real time never
# changes a test (a page whose application deadline has passed is closed).
CORPUS_DAY = dt.date(2024, 6, 1)
NEXT_DAY = CORPUS_DAY + dt.timedelta(days=1)
# A page whose application deadline is CORPUS_DAY: open on that day, closed from NEXT_DAY.
DEADLINE_PAGE = """---
title: Zebrafish imaging with deep learning (ZEBRA)
type: general
people: Ada Lovelace
---

We are hiring a PhD student for deep learning on zebrafish microscopy.

## Information
For questions please contact Ada Lovelace (ada.lovelace@example.org).

## Application
Apply at https://example.org/jobs/zebra before 1 June 2024.
"""


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


def need_sites2() -> Path:
    if not SITES2.is_dir():
        pytest.skip(f"the sites' checkouts are not present at {SITES2} (../shared is beside "
                    "the repository in CI only)")
    return SITES2
