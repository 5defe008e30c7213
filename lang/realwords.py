"""Real words a typo fix must leave alone: the words of English, Dutch and German common
enough to be in wordfreq's small lists (about once in a million words or more) that are one
typo (two for long words) away from a cue the intent reader corrects typos into — "states"
is not "status", "lopen" not "lonen", "stellen" not "stelle". A typo of a cue ("salry",
"requirments") is in no such list, so it is still read as the cue.

The list is data made from wordfreq, kept in `lang/real_words.txt` so that the bot needs
neither wordfreq nor its 25 MB of word lists at run time: `python -m lang.realwords`
writes it anew, and a test checks it is what the cue tables and wordfreq give today.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path

LANGS = ("en", "nl", "de")
FILE = "real_words.txt"


def load() -> frozenset[str]:
    """The real words near cues, as the file holds them (folded, one per line)."""
    return frozenset(resources.files("lang").joinpath(FILE).read_text(encoding="utf-8").split())


def near(targets: Iterable[str]) -> list[str]:
    """The common words of `LANGS` (folded) that a typo fix would turn into one of
    `targets`: same first letter, length within two, one edit (two from 11 letters on)."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA
    from wordfreq import iter_wordlist

    from knowledge.textnorm import fold

    wanted = set(targets)
    by_first: dict[str, list[str]] = {}
    for t in wanted:
        by_first.setdefault(t[0], []).append(t)
    out: set[str] = set()
    for code in LANGS:
        for raw in iter_wordlist(code, "small"):
            word = fold(raw)
            if len(word) < 5 or not word.isalpha() or word in wanted or word in out:
                continue
            candidates = [t for t in by_first.get(word[0], ()) if abs(len(t) - len(word)) <= 2]
            limit = 2 if len(word) >= 11 else 1
            if process.extractOne(word, candidates, scorer=OSA.distance, score_cutoff=limit):
                out.add(word)
    return sorted(out)


def main() -> None:
    from bot.intents import typo_targets

    path = Path(__file__).with_name(FILE)
    words = near(typo_targets())
    path.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {path}")


if __name__ == "__main__":
    main()
