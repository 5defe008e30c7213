"""Each language's words in one place, as spaCy's `lang/` packages hold them.

`lang/<code>/query.py` holds what the language says about the shape of a question (question
words, status words, ordinals, references to vacancies, what users say of themselves);
`QUERY` merges the three languages, because a message may mix them.
"""

from __future__ import annotations

from lang.de.query import WORDS as DE_QUERY
from lang.en.query import WORDS as EN_QUERY
from lang.nl.query import WORDS as NL_QUERY
from lang.query import QueryWords, merged

CODES = ("en", "nl", "de")
QUERY_BY_LANG: dict[str, QueryWords] = {"en": EN_QUERY, "nl": NL_QUERY, "de": DE_QUERY}
QUERY: QueryWords = merged(EN_QUERY, NL_QUERY, DE_QUERY)
