"""Shared bench helpers: locate the corpus, replicate it to N pages, measure memory."""

from __future__ import annotations

import resource
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus" / "diag"


def corpus_or_exit() -> Path:
    if not CORPUS.is_dir():
        sys.exit(f"the real corpus is not at {CORPUS}; put ../shared beside the repository")
    return CORPUS


def replicate(source: Path, target: Path, count: int) -> Path:
    """Fill `target` with `count` pages copied round-robin from `source`, ids made unique
    (and titles too, so that every copy is a distinct vacancy)."""
    pages = sorted(source.glob("*.md"))
    target.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        page = pages[i % len(pages)]
        copy = i // len(pages)
        dest = target / f"{page.stem}-{copy}.md"
        if copy == 0:
            shutil.copy(page, dest)
            continue
        text = page.read_bytes()
        dest.write_bytes(text.replace(b"title:", f"title: ({copy})".encode(), 1))
    return target


def peak_rss_mb() -> float:
    """Peak resident set of this process (VmHWM; ru_maxrss would include a parent's peak)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
