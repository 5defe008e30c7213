"""Dutch: every word the bot reads or writes in Dutch, one module per concept."""

from __future__ import annotations

from lang.base import Language
from lang.nl.cues import CUES
from lang.nl.detect import DETECT
from lang.nl.glossary import GLOSSARY
from lang.nl.kinds import KINDS
from lang.nl.pages import PAGES
from lang.nl.query import WORDS as QUERY
from lang.nl.replies import REPLIES
from lang.nl.topics import TOPICS

LANGUAGE = Language(code="nl", name="Dutch", detect=DETECT, cues=CUES, replies=REPLIES,
                    topics=TOPICS, kinds=KINDS, query=QUERY,
                    glossary=GLOSSARY, pages=PAGES)
