"""The labelled corpus of applicant messages (tests/intents) stays well formed.

The corpus measures how the bot understands messages; a malformed line, a duplicate that
sits in both halves, or a message moved between train and held-out would make that
measurement wrong without anyone noticing.
"""

import json
from collections import Counter

from tests.intents.check import FILES, check, split_of


def test_corpus_lines_are_valid_and_in_their_split() -> None:
    assert check() == []


def test_corpus_covers_the_three_languages_and_out_of_scope() -> None:
    rows = [
        json.loads(line)
        for path in FILES.values()
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    langs = Counter(row["lang"] for row in rows)
    acts = Counter(row["act"] for row in rows)
    assert len(rows) >= 1200
    assert acts["oos"] >= 300
    assert all(langs[lang] >= 0.15 * len(rows) for lang in ("en", "nl", "de"))


def test_split_is_a_function_of_the_text_alone() -> None:
    assert split_of("What does the PhD pay?") == split_of("  what does the phd   PAY? ")
