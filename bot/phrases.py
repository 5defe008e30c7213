"""The bot's own words, in the user's language (English, Dutch, German).

Page text is never translated: vacancies are quoted in the language they were written in.
Only the framing — "not stated", "closed", labels — follows the user. The words themselves
live in each language's `lang/<code>/replies.py`; a language or key one language lacks falls
back to English.
"""

from __future__ import annotations

from collections import ChainMap

from knowledge.textnorm import language_of
from lang import LANGS
from lang.base import Replies

__all__ = ["label", "language_of", "phrase", "what"]

_EN = LANGS["en"].replies


def _replies(lang: str) -> Replies:
    return LANGS.get(lang, LANGS["en"]).replies


def phrase(key: str, lang: str, **kw: str) -> str:
    return ChainMap(_replies(lang).phrases, _EN.phrases)[key].format(**kw)


def what(key: str, lang: str) -> str:
    return ChainMap(_replies(lang).what, _EN.what)[key]


def label(key: str, lang: str) -> str:
    return ChainMap(_replies(lang).labels, _EN.labels)[key]
