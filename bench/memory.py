"""Serving memory: peak RSS of a fresh process that opens a knowledge base and answers 2 000
questions, for the seeds, the corpus, and the corpus replicated to 2 000 and 20 000 — and,
first, the peak RSS of the process that built that knowledge base.

    .venv/bin/python -m bench.memory [--max 20000]

Each measurement runs in its own process so the build's memory is not counted.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import SEEDS, corpus_or_exit, replicate

BUILD = r"""
import re, sys
from pathlib import Path
from knowledge import build
r = build(Path(sys.argv[1]), Path(sys.argv[2]), skip_bad=True)
peak = int(re.search(r"VmHWM:\s+(\d+)", open("/proc/self/status").read()).group(1)) / 1024
print(f"{r.vacancies:6d} vacancies: peak RSS {peak:5.0f} MB building (pages are written as "
      f"they are parsed)")
"""

PROBE = r"""
import re, sys
from pathlib import Path
def hwm():  # peak resident set of this process (ru_maxrss would include the parent's)
    return int(re.search(r"VmHWM:\s+(\d+)", open("/proc/self/status").read()).group(1)) / 1024
from bench.answers import questions
from bot.model import ChatContext
from bot.router import Router
from knowledge import KnowledgeBase
base = hwm()
kb = KnowledgeBase(Path(sys.argv[1]))
router, ctx = Router(kb), ChatContext()
for _, q in questions(kb, 2000):
    _, ctx = router.respond(q, ctx)
peak = hwm()
print(f"{len(kb):6d} vacancies: peak RSS {peak:5.0f} MB serving "
      f"({peak - base:4.0f} MB above the {base:.0f} MB of interpreter and imports), "
      f"database {Path(sys.argv[1]).stat().st_size / 1e6:6.1f} MB")
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max", type=int, default=20_000)
    args = ap.parse_args()
    corpus = corpus_or_exit()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        dbs = [(SEEDS, root / "seeds.db"), (corpus, root / "corpus.db")]
        dbs += [(replicate(corpus, root / f"rep{n}", n), root / f"rep{n}.db")
                for n in (2_000, args.max) if n <= args.max]
        here = Path(__file__).resolve().parent.parent
        for folder, db in dbs:
            # build in a child too: this process stays small, so nothing of the build's
            # memory can show up in the probe's figures
            subprocess.run([sys.executable, "-c", BUILD, str(folder), str(db)], check=True,
                           cwd=here)
            subprocess.run([sys.executable, "-c", PROBE, str(db)], check=True, cwd=here)


if __name__ == "__main__":
    main()
