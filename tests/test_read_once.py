"""Ingest reads a page's words once: the page's kinds and its full-text index come out the
same as when each reads the text itself."""

from __future__ import annotations

from dataclasses import replace

from knowledge import read_folder
from knowledge.keywords import index_text
from knowledge.positions import page_kinds
from knowledge.textnorm import fold, tokens
from tests.paths import SEEDS


def test_the_index_from_the_words_read_at_parse_is_the_texts() -> None:
    vacancies = read_folder(SEEDS).vacancies
    assert vacancies and all(v.words for v in vacancies)
    for v in vacancies:
        assert index_text(v) == index_text(replace(v, words=()))


def test_the_kinds_from_the_words_are_the_texts() -> None:
    text = "We offer a PhD position in robust learning. " * 60 + "A postdoc. " * 300
    words = tokens(fold(text, None), folded=True, limit=None)
    assert page_kinds("Jobs", text, "", words) == page_kinds("Jobs", text) == ("phd", "postdoc")
    assert page_kinds("Jobs", text[-3000:], "", words[-500:]) == ("postdoc",)
