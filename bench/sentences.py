"""The project's sentence splitter beside pysbd, on every paragraph and list item of the
seeds, the corpus and the other sites' pages: how many pieces end at an abbreviation or an
initial ("Prof.", "z. B.", "M.Sc.", "J.") — a sentence cut in two — and the CPU time.

    pip install pysbd   # not a dependency of the project; only this comparison needs it
    .venv/bin/python -m bench.sentences

A piece that legitimately ends a sentence with "etc." counts too, for both splitters.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import ROOT, SEEDS
from knowledge.ingest import read_folder
from knowledge.sentences import plain, split_sentences, units

FOLDERS = (SEEDS, ROOT.parent / "shared" / "corpus" / "diag",
           ROOT.parent / "shared" / "corpus" / "sites")
_CUT = re.compile(r"\b(?:Prof|Dr|Drs|Mr|Ms|Mrs|e\.g|i\.e|z\. ?B|bzw|ca|incl|inkl|Nr|No|vs|etc|"
                  r"Ph\.D|M\.Sc|B\.Sc|bijv|evt|d\.h|u\.a|ggf|vgl|[A-Z])\.$")


def paragraphs() -> list[tuple[str, str]]:
    """(page language, plain text) of every unit of every page that is present."""
    out: list[tuple[str, str]] = []
    for folder in FOLDERS:
        if not folder.is_dir():
            continue
        for v in read_folder(Path(folder), with_facts=False).vacancies:
            out += [(v.language, plain(u)) for s in v.sections for u in units(s.markdown)]
    return out


def measure(name: str, split: Callable[[str, str], list[str]],
            found: list[tuple[str, str]]) -> None:
    start = time.process_time()
    pieces = cut = 0
    for lang, text in found:
        parts = [p.strip() for p in split(lang, text) if p.strip()]
        pieces += len(parts)
        cut += sum(1 for p in parts[:-1] if _CUT.search(p))
    took = time.process_time() - start
    print(f"{name:>8}: {pieces} sentences, {cut} end at an abbreviation or initial, "
          f"{took:.2f} s CPU")


def main() -> None:
    found = paragraphs()
    print(f"{len(found)} paragraphs and list items")
    measure("vacbot", lambda _lang, text: split_sentences(text), found)
    try:
        import pysbd  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:
        sys.exit("pysbd is not installed: pip install pysbd")
    segmenters = {lang: pysbd.Segmenter(language=lang, clean=False) for lang in ("en", "de", "nl")}
    measure("pysbd", lambda lang, text: list(segmenters.get(lang, segmenters["en"])
                                             .segment(text)), found)


if __name__ == "__main__":
    main()
