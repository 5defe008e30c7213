"""How readable the replies are on a phone, over every turn of the development questions.

    .venv/bin/python -m bench.replies [--sets dev,diag,sites] [--show N]

For each set it plays every turn of every case through the router (as `vacbot chat` does)
and measures the replies: length (median, 95th percentile, longest, share over 700 and
1,200 characters), the share of characters in source lines, the same line twice, lines that
end cut at an abbreviation ("Prof."), and sentences that point at a link they do not carry
("apply here." with no address).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import tempfile
from pathlib import Path

from bench.common import ROOT
from bot.model import Answer, ChatContext, Style
from bot.render import render_plain
from bot.router import Router
from knowledge import open_knowledge

EVAL = ROOT.parent / "shared" / "eval"
FOLDERS = {"dev": ROOT / "seeds", "diag": ROOT.parent / "shared" / "corpus" / "diag",
           "sites": ROOT.parent / "shared" / "corpus" / "sites"}
_ABBREV_END = re.compile(r"\b(Prof|Dr|Drs|Mr|Ms|Mrs|e\.g|i\.e|z\. ?B|bzw|ca|incl|inkl|Nr|No|"
                         r"vs|etc)\.$")
_POINTER = re.compile(r"\b(here|this link|the link below|deze link|hier|dieser link|"
                      r"this page|this form)\b\W*$", re.I)
_URL = re.compile(r"https?://|\S+@\S+\.\w+")


def replies(router: Router, cases: list[dict[str, object]]) -> list[Answer]:
    out: list[Answer] = []
    for case in cases:
        ctx = ChatContext()
        for turn in case["turns"]:  # type: ignore[attr-defined]
            answer, ctx = router.respond(str(turn), ctx)
            out.append(answer)
    return out


def measure(answers: list[Answer]) -> dict[str, float]:
    lengths = [len(render_plain(a)) for a in answers]
    content = [a for a in answers if a.vacancies and a.intent.value not in ("list", "clarify")]
    total = sum(len(render_plain(a)) for a in content) or 1
    source = sum(len(b.text) for a in content for b in a.blocks  # links show as their text
                 if b.style is Style.SOURCE)
    lines = [line for a in answers for line in render_plain(a).split("\n") if line.strip()]
    twice = sum(len(a.blocks) - len({b.text for b in a.blocks}) for a in answers)
    return {
        "replies": len(answers),
        "median": statistics.median(lengths),
        "p95": sorted(lengths)[int(0.95 * (len(lengths) - 1))],
        "longest": max(lengths),
        "over_700": sum(n > 700 for n in lengths) / len(lengths),
        "over_1200": sum(n > 1200 for n in lengths) / len(lengths),
        "source_share": source / total,
        "same_line_twice": twice,
        "cut_at_abbreviation": sum(bool(_ABBREV_END.search(line.strip())) for line in lines),
        "link_dropped": sum(bool(_POINTER.search(line)) and not _URL.search(line)
                            for line in lines),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default="dev,diag,sites")
    parser.add_argument("--show", type=int, default=0, help="print the N longest replies")
    args = parser.parse_args()
    for name in args.sets.split(","):
        cases_file = EVAL / f"{name}_questions.jsonl"
        if not cases_file.exists() or not FOLDERS[name].is_dir():
            print(f"{name}: not available (../shared missing)")
            continue
        cases = [json.loads(line) for line in cases_file.read_text().splitlines() if line]
        with tempfile.TemporaryDirectory() as tmp:
            kb, _ = open_knowledge(FOLDERS[name], Path(tmp) / "kb.db")
            answers = replies(Router(kb), cases)
            m = measure(answers)
            print(f"{name:5s}: {m['replies']:.0f} replies, median {m['median']:.0f} chars, "
                  f"p95 {m['p95']:.0f}, longest {m['longest']:.0f}; over 700: "
                  f"{m['over_700']:.0%}, over 1,200: {m['over_1200']:.0%}; source lines "
                  f"{m['source_share']:.0%} of content replies; same line twice "
                  f"{m['same_line_twice']:.0f}; cut at an abbreviation "
                  f"{m['cut_at_abbreviation']:.0f}; link dropped {m['link_dropped']:.0f}")
            for a in sorted(answers, key=lambda a: -len(render_plain(a)))[: args.show]:
                print("-" * 60)
                print(render_plain(a))
            kb.close()


if __name__ == "__main__":
    main()
