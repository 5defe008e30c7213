"""English: every word the bot reads or writes in English, one module per concept."""

from __future__ import annotations

from lang.base import Language
from lang.en.cues import CUES
from lang.en.detect import DETECT
from lang.en.glossary import GLOSSARY
from lang.en.kinds import KINDS
from lang.en.pages import PAGES
from lang.en.query import WORDS as QUERY
from lang.en.replies import REPLIES
from lang.en.topics import TOPICS

LANGUAGE = Language(code="en", name="English", detect=DETECT, cues=CUES, replies=REPLIES,
                    topics=TOPICS, kinds=KINDS, query=QUERY,
                    glossary=GLOSSARY, pages=PAGES)
