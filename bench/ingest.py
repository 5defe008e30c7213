"""Ingest benchmark: build time, database size and the build's peak memory for the seeds,
the real corpora (one site's 120 pages, 48 pages of 32 other sites, 49 pages of 26 more
sites) and the one-site corpus replicated to 200, 2 000 and 20 000 vacancies.

    .venv/bin/python -m bench.ingest [--max 20000]

Each build runs in a fresh process, so its peak resident set (VmHWM) is its own: the
interpreter and imports plus whatever the build holds at once. Pages are written to the
database as they are parsed, so the peak should not grow with the number of pages.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import ROOT, SEEDS, corpus_or_exit, replicate

SITES = ROOT.parent / "shared" / "corpus" / "sites"
SITES2 = ROOT.parent / "shared" / "corpus" / "sites2"

CHILD = r"""
import json, re, sys, time
from pathlib import Path
def hwm():
    return int(re.search(r"VmHWM:\s+(\d+)", open("/proc/self/status").read()).group(1)) / 1024
from knowledge import build
base = hwm()
start = time.perf_counter()
r = build(Path(sys.argv[1]), Path(sys.argv[2]), skip_bad=True)
seconds = time.perf_counter() - start
print(json.dumps({"vacancies": r.vacancies, "sections": r.sections, "facts": r.facts,
                  "seconds": seconds, "peak": hwm(), "base": base,
                  "db": Path(sys.argv[2]).stat().st_size / 1e6}))
"""


def measure(label: str, folder: Path, db: Path) -> None:
    out = subprocess.run([sys.executable, "-c", CHILD, str(folder), str(db)], check=True,
                         capture_output=True, text=True, cwd=ROOT).stdout
    r = json.loads(out)
    print(f"| {label} | {r['vacancies']} / {r['sections']} / {r['facts']} | "
          f"{r['seconds']:.2f} s | {r['seconds'] / r['vacancies'] * 1000:.2f} ms | "
          f"{r['db']:.1f} MB | {r['peak']:.0f} MB ({r['peak'] - r['base']:.0f} MB above "
          f"imports) |", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max", type=int, default=20_000)
    args = ap.parse_args()
    corpus = corpus_or_exit()
    print("| pages | vacancies / sections / facts | time | per page | database | peak RSS |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        measure("seeds", SEEDS, root / "seeds.db")
        measure("corpus", corpus, root / "corpus.db")
        if SITES.is_dir():
            measure("sites", SITES, root / "sites.db")
        if SITES2.is_dir():
            measure("sites2", SITES2, root / "sites2.db")
        for n in sorted({200, 2_000, args.max}):
            if n <= args.max:
                folder = replicate(corpus, root / f"rep{n}", n)
                measure(f"corpus → {n}", folder, root / f"rep{n}.db")


if __name__ == "__main__":
    main()
