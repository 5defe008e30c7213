"""Ingest benchmark: time and database size for the seeds, the real corpus, 200 pages and
the corpus replicated to 20 000 vacancies.

    .venv/bin/python bench/ingest.py [--max 20000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.common import SEEDS, corpus_or_exit, peak_rss_mb, replicate
from knowledge import build


def measure(label: str, folder: Path, db: Path) -> None:
    start = time.perf_counter()
    report = build(folder, db)
    seconds = time.perf_counter() - start
    print(f"{label:>22}: {report.vacancies:6d} vacancies {report.sections:7d} sections "
          f"{report.facts:7d} facts  {seconds:7.2f} s  {seconds / report.vacancies * 1000:6.2f} "
          f"ms/page  db {db.stat().st_size / 1e6:7.1f} MB  peak RSS {peak_rss_mb():6.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max", type=int, default=20_000)
    args = ap.parse_args()
    corpus = corpus_or_exit()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        measure("seeds", SEEDS, root / "seeds.db")
        measure("corpus", corpus, root / "corpus.db")
        for n in (200, 2_000, args.max):
            if n <= args.max:
                folder = replicate(corpus, root / f"rep{n}", n)
                measure(f"corpus x -> {n}", folder, root / f"rep{n}.db")


if __name__ == "__main__":
    main()
