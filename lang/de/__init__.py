"""German: every word the bot reads or writes in German, one module per concept."""

from __future__ import annotations

from lang.base import Language
from lang.de.cues import CUES
from lang.de.detect import DETECT
from lang.de.glossary import GLOSSARY
from lang.de.kinds import KINDS
from lang.de.pages import PAGES
from lang.de.query import WORDS as QUERY
from lang.de.replies import REPLIES
from lang.de.topics import TOPICS

LANGUAGE = Language(code="de", name="German", detect=DETECT, cues=CUES, replies=REPLIES,
                    topics=TOPICS, kinds=KINDS, query=QUERY,
                    glossary=GLOSSARY, pages=PAGES)
