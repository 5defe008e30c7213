"""How long a reply may be and how much of a page it quotes: sizes for a phone screen."""

REPLY_TARGET = 700  # characters a typical reply stays under
REPLY_MAX = 1500  # characters no reply exceeds; the rest is behind "More" or the page link
MORE_MAX = 3500  # characters of the longer version behind "More"
QUOTE_MAX = 300  # characters of one quoted sentence; a longer one is cut at a word ...
QUOTE_MORE_MAX = 1000  # ... and shown up to this long behind "More"
MAX_ITEMS = 5  # bullets of one kind in a reply
FOCUS_MIN = 0.5  # a sentence answers a practical question when it has this share of its words
SAME_TITLE = 90  # titles this similar (rapidfuzz ratio) are said to be the same posting
PAGE_SIZE = 5  # vacancies per list message
