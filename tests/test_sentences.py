"""Sentence boundaries: abbreviations of English, Dutch and German never end a sentence."""

from __future__ import annotations

import pytest

from knowledge.sentences import split_sentences

# (unit, the sentences it must be cut into)
CASES = [
    ("Send your application to Prof. Dr. X. Müller before May 1. We reply within a week.",
     ["Send your application to Prof. Dr. X. Müller before May 1.",
      "We reply within a week."]),
    ("Contact [Prof. Dr. Shadi Albarqouni](mailto:a@b.de). Or apply [here](https://x.org/a).",
     ["Contact [Prof. Dr. Shadi Albarqouni](mailto:a@b.de).",
      "Or apply [here](https://x.org/a)."]),
    ("You need e.g. Python, i.e. a language. Also no. 5 is good.",
     ["You need e.g. Python, i.e. a language.", "Also no. 5 is good."]),
    ("Die Stelle ist befristet, z. B. auf 3 Jahre bzw. länger. Bewerbungen an Nr. 5.",
     ["Die Stelle ist befristet, z. B. auf 3 Jahre bzw. länger.", "Bewerbungen an Nr. 5."]),
    ("Beginn am 1. Juli 2024. Die Vergütung erfolgt nach TV-L E13, ca. 65 %.",
     ["Beginn am 1. Juli 2024.", "Die Vergütung erfolgt nach TV-L E13, ca. 65 %."]),
    ("Dit is ca. 3 jaar, incl. een proefperiode. Daarna volgt bijv. een evaluatie.",
     ["Dit is ca. 3 jaar, incl. een proefperiode.", "Daarna volgt bijv. een evaluatie."]),
    ("The Ph.D. candidate works with Dr. Smith. Questions? Mail us!",
     ["The Ph.D. candidate works with Dr. Smith.", "Questions?", "Mail us!"]),
    ("Funded by the EU. The PhD starts in 2024.", ["Funded by the EU.", "The PhD starts in 2024."]),
]


@pytest.mark.parametrize("unit, expected", CASES)
def test_split_sentences(unit: str, expected: list[str]) -> None:
    assert split_sentences(unit) == expected


@pytest.mark.parametrize("unit, _", CASES)
def test_no_sentence_ends_in_an_abbreviation(unit: str, _: list[str]) -> None:
    for sentence in split_sentences(unit)[:-1]:
        assert not sentence.endswith(("Prof.", "Dr.", "z.", "bzw.", "ca.", "incl.", "e.g.")), \
            sentence
