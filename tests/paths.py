"""Where the test data lives: the bundled seeds, and ../shared when it is beside the repo."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "diag"
EVAL = SHARED / "eval"


def need_corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"real vacancy corpus not present at {CORPUS} (../shared is beside the "
                    "repository in CI only)")
    return CORPUS
