"""The bot's own words, in the user's language (English, Dutch, German).

Page text is never translated: vacancies are quoted in the language they were written in.
Only the framing — "not stated", "closed", labels — follows the user. The words themselves
live in each language's `lang/<code>/replies.py`; a language or key one language lacks falls
back to English.
"""

from __future__ import annotations

from collections import ChainMap
from functools import lru_cache

from knowledge.textnorm import language_of
from lang import LANGS

__all__ = ["label", "language_of", "phrase", "what"]

_EN = LANGS["en"].replies


@lru_cache(maxsize=64)
def _book(lang: str, part: str) -> ChainMap[str, str]:
    """The user's language's `part` ("phrases", "what" or "labels"), English for a key it
    lacks (and for a language the bot does not speak)."""
    return ChainMap(getattr(LANGS.get(lang, LANGS["en"]).replies, part), getattr(_EN, part))


def phrase(key: str, lang: str, **kw: str) -> str:
    return _book(lang, "phrases")[key].format(**kw)


def what(key: str, lang: str) -> str:
    return _book(lang, "what")[key]


def label(key: str, lang: str) -> str:
    return _book(lang, "labels")[key]
