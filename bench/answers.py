"""Answer benchmark: router latency p50/p99 and peak memory on the seeds, the real corpus,
and the corpus replicated to 20 000 vacancies; plus the effect of the confidence threshold.

    .venv/bin/python -m bench.answers [--max 20000] [--questions 3000]

Questions are made from templates over each vacancy's own title words (the way people name
a vacancy), mixed with follow-ups, lists, commands and out-of-scope messages.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.common import SEEDS, corpus_or_exit, peak_rss_mb, replicate
from bot.model import ChatContext, Intent
from bot.policy import DEFAULT
from bot.router import Router
from knowledge import KnowledgeBase, build

TEMPLATES = (
    "What is the salary for the {name} position?", "requirements {name}",
    "Who is the contact person for {name}?", "How do I apply for {name}?",
    "When does the {name} project start?", "How long is the {name} contract?",
    "Where is the {name} vacancy based?", "Is the {name} vacancy still open?",
    "Tell me about {name}", "Wat is het salaris voor {name}?",
    "Wer ist der Ansprechpartner für {name}?", "/salary {name}",
)
OTHER = ("and the salary?", "how do I apply?", "list the open positions", "any pathology "
         "vacancies?", "What's the capital of France?", "hi", "/vacancies", "thanks!")


OUT_OF_SCOPE = (
    "What's the weather tomorrow?", "Who won the world cup?", "Tell me a joke",
    "What is the capital of Peru?", "How do I bake bread?", "Is it going to rain in Nijmegen?",
    "Wie spät ist es?", "Hoe laat is het?", "Can you recommend a good laptop?",
    "What is 2 + 2?", "asdf qwer zxcv", "Translate hello into French",
    "Where is the nearest supermarket?", "What's your favourite colour?",
    "How old is the universe?", "Book me a flight to Berlin",
)


def questions(kb: KnowledgeBase, n: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    listings = list(kb.listings)
    while len(out) < n:
        x = rng.choice(listings)
        words = [w for w in x.title.replace(":", " ").split() if len(w) > 3]
        start = rng.randrange(max(1, len(words) - 2))
        name = " ".join(words[start : start + 3]) or x.title
        out.append((x.id, rng.choice(TEMPLATES).format(name=name)))
        if rng.random() < 0.3:
            out.append(("", rng.choice(OTHER)))
    return out[:n]


def _timed(router: Router, qs: list[tuple[str, str]]) -> list[float]:
    ctx = ChatContext()
    times: list[float] = []
    for _, q in qs:
        t = time.perf_counter_ns()
        _, ctx = router.respond(q, ctx)
        times.append((time.perf_counter_ns() - t) / 1e6)
    return sorted(times)


def _line(times: list[float]) -> str:
    p99 = times[int(len(times) * 0.99) - 1]
    return (f"p50 {statistics.median(times):6.3f} ms  p99 {p99:6.3f} ms  "
            f"max {times[-1]:7.2f} ms")


def measure(label: str, db: Path, n: int) -> None:
    """Just opened ("cold": each vacancy's text read and indexed on first use), then after
    as many other questions have warmed the caches the way a running bot has them."""
    t0 = time.perf_counter()
    kb = KnowledgeBase(db)
    router = Router(kb)
    load = time.perf_counter() - t0
    cold = _timed(router, questions(kb, n))
    router = Router(kb)
    _timed(router, questions(kb, n, seed=3))  # warm-up: other questions
    warm = _timed(router, questions(kb, n))
    print(f"{label:>18}: {len(kb):6d} vacancies  open {load * 1000:7.0f} ms  "
          f"cold {_line(cold)}  |  warm {_line(warm)}  peak RSS {peak_rss_mb():5.0f} MB")


def threshold_effect(db: Path, n: int) -> None:
    """How answer / clarify / fallback shares and accuracy move with the ratio by which the
    best vacancy must beat the next to be answered without asking (`Tuning.clear_ratio`)."""
    kb = KnowledgeBase(db)
    qs = [(vid, q) for vid, q in questions(kb, n, seed=11) if vid]
    print("clear-winner ratio on the corpus (questions naming a vacancy by title words):")
    for threshold in (1.1, 1.2, 1.3, 1.5):
        router = Router(kb, replace(DEFAULT, clear_ratio=threshold))
        counts = {"answer": 0, "right": 0, "clarify": 0, "fallback": 0}
        for vid, q in qs:
            answer, _ = router.respond(q, ChatContext())
            if answer.intent is Intent.FALLBACK:
                counts["fallback"] += 1
            elif answer.intent is Intent.CLARIFY:
                counts["clarify"] += 1
            else:
                counts["answer"] += 1
                counts["right"] += any(v.id == vid for v in answer.vacancies)
        total = len(qs)
        oos_fallback = sum(router.respond(q, ChatContext())[0].intent is Intent.FALLBACK
                           for q in OUT_OF_SCOPE)
        print(f"  ratio {threshold:.1f}: answered {100 * counts['answer'] / total:5.1f}%  "
              f"(right vacancy {100 * counts['right'] / max(1, counts['answer']):5.1f}%)  "
              f"clarify {100 * counts['clarify'] / total:5.1f}%  "
              f"fallback {100 * counts['fallback'] / total:5.1f}%  |  out-of-scope messages "
              f"answered with fallback {oos_fallback}/{len(OUT_OF_SCOPE)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max", type=int, default=20_000)
    ap.add_argument("--questions", type=int, default=3000)
    args = ap.parse_args()
    corpus = corpus_or_exit()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build(SEEDS, root / "seeds.db")
        measure("seeds", root / "seeds.db", args.questions)
        build(corpus, root / "corpus.db")
        measure("corpus", root / "corpus.db", args.questions)
        threshold_effect(root / "corpus.db", 1500)
        for n in (2_000, args.max):
            if n <= args.max:
                build(replicate(corpus, root / f"rep{n}", n), root / f"rep{n}.db")
                measure(f"corpus -> {n}", root / f"rep{n}.db", args.questions)


if __name__ == "__main__":
    main()
