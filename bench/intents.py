"""How well the reader understands applicants' messages: `bot.understand.read` over the
labelled corpus in `tests/intents/` (see its README), per label.

    python -m bench.intents                 # the held-out part (never tuned on)
    python -m bench.intents --train         # the part free to look at
    python -m bench.intents --train --fails # ... and the messages it gets wrong

Reported: the act (ask / list / pick / greeting / thanks / help / oos) per act and overall;
the first intent asked, per intent, over the messages that ask one; every intent in order;
what the user says of themselves; the kinds of position; references. Pure reading: no
knowledge base is involved, so "oos" here is what the message alone says.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.model import Intent
from bot.understand import Query, read

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "intents"
KINDS = {"phd": "phd", "postdoc": "postdoc", "master": "msc", "bachelor": "msc",
         "internship": "msc", "student_assistant": "assistant", "engineer": "engineer"}


@dataclass(frozen=True, slots=True)
class Case:
    text: str
    lang: str
    intents: tuple[str, ...]
    act: str
    about_me: bool
    kind: frozenset[str]
    ref: str


def cases(part: str) -> Iterator[Case]:
    for line in (CORPUS / f"{part}.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            c = json.loads(line)
            yield Case(c["text"], c["lang"], tuple(c["intents"]), c["act"], c["about_me"],
                       frozenset(KINDS[k] for k in c["kind"] if k in KINDS), c["ref"])


def act_of(q: Query) -> str:
    """What the message does, as the reader sees it."""
    if q.social:
        return q.social
    if q.wants_list or (q.exists and q.intents in ((), (Intent.OVERVIEW,), (Intent.STATUS,))):
        return "list"  # "is there ...?" asks whether one exists (and what it is)
    points = q.reference is not None or q.follow_up or q.pointer
    if q.intents and not (q.vague and points):
        return "ask"
    if points or (q.wanted and not q.intents):
        return "pick"
    return "oos"


def ref_of(q: Query) -> str:
    return q.reference.kind if q.reference is not None else ""


def measure(part: str, show_fails: bool = False) -> dict[str, float]:
    acts: Counter[tuple[str, bool]] = Counter()
    first: Counter[tuple[str, bool]] = Counter()
    stats: Counter[str] = Counter()
    for c in cases(part):
        q = read(c.text)
        got_act = act_of(q)
        acts[c.act, got_act == c.act] += 1
        stats["n"] += 1
        stats["act"] += got_act == c.act
        got = tuple(i.value for i in q.intents)
        if c.act == "ask" and c.intents:
            ok = bool(got) and got[0] == c.intents[0]
            first[c.intents[0], ok] += 1
            stats["asks"] += 1
            stats["first"] += ok
            stats["order"] += got[: len(c.intents)] == c.intents
        stats["about_me"] += bool(q.me) == c.about_me
        stats["kind"] += q.wanted == c.kind
        if c.ref or ref_of(q):
            stats["refs"] += 1
            stats["ref"] += ref_of(q) == c.ref
        if show_fails and (got_act != c.act or (c.act == "ask" and c.intents and (
                not got or got[0] != c.intents[0]))):
            print(f"  {c.act:>8}/{got_act:<8} {c.intents!s:<28} {got!s:<28} {c.text[:90]}")
    _report(part, acts, first, stats)
    return {"act": stats["act"] / stats["n"], "first": stats["first"] / max(1, stats["asks"])}


def _report(part: str, acts: Counter[tuple[str, bool]], first: Counter[tuple[str, bool]],
            stats: Counter[str]) -> None:
    n = stats["n"]
    print(f"{part}: {n} messages")
    print(f"  act right      {stats['act'] / n:6.1%}   "
          + "  ".join(f"{a} {acts[a, True]}/{acts[a, True] + acts[a, False]}"
                      for a in sorted({a for a, _ in acts})))
    asks = max(1, stats["asks"])
    print(f"  first intent   {stats['first'] / asks:6.1%}   "
          + "  ".join(f"{i} {first[i, True]}/{first[i, True] + first[i, False]}"
                      for i in sorted({i for i, _ in first})))
    print(f"  intents in order {stats['order'] / asks:6.1%}   about me {stats['about_me'] / n:6.1%}"
          f"   kinds {stats['kind'] / n:6.1%}   references {stats['ref']}/{stats['refs']}")


def scope(part: str, db: Path) -> None:
    """Out of scope as the bot decides it, over a knowledge base (the messages name no
    vacancy of it, so only the polite reply and everything else are told apart): the
    out-of-scope messages that get the polite reply, and the others that wrongly do."""
    from bot.decide import Action
    from bot.model import ChatContext
    from bot.router import Router
    from knowledge import KnowledgeBase

    router = Router(KnowledgeBase(db))
    polite = {True: 0, False: 0}
    total = {True: 0, False: 0}
    for c in cases(part):
        d = router.decide(read(c.text), ChatContext())
        oos = c.act == "oos"
        total[oos] += 1
        polite[oos] += d.action is Action.FALLBACK and d.rule != "gone"
    print(f"  out of scope over {db.name}: polite reply to {polite[True]}/{total[True]} "
          f"out-of-scope messages, and wrongly to {polite[False]}/{total[False]} others")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", action="store_true", help="the part free to look at")
    ap.add_argument("--fails", action="store_true", help="list the messages read wrong")
    ap.add_argument("--kb", type=Path, help="also decide out of scope over this database")
    ap.add_argument("--min", type=float, default=0.0,
                    help="exit 1 when the act or the first intent is right less often (%%)")
    args = ap.parse_args()
    part = "train" if args.train else "heldout"
    got = measure(part, args.fails)
    if args.kb is not None:
        scope(part, args.kb)
    if min(got.values()) * 100 < args.min:
        print(f"below the floor of {args.min:g} %")
        raise SystemExit(1)


if __name__ == "__main__":
    main()
