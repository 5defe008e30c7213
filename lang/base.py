"""The shape of one language's data: small frozen dataclasses of plain strings.

Word lists are strings of folded words (`knowledge.textnorm.fold`: lower case, no accents,
ß -> ss) separated by white space, so that a table reads like a paragraph; two-word names are
written "word_word". `lang/__init__.py` merges the languages into the views the code reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lang.query import QueryWords

# intent key -> weight (how sure the cue alone makes the intent, 0..1) -> words;
# "word*" stands for any word that starts with "word".
CueTable = dict[str, dict[float, str]]


@dataclass(frozen=True, slots=True)
class Cues:
    """What an applicant's words say is asked (read by `bot.intents`).

    `words` are specific cues; `weak` are question words and generic phrasing, counted only
    when no other intent has a specific cue; `suffixes` are endings of compound words of 8+
    letters. `phrases` map a pattern to its effects (syntax in `bot.intents`), `classes` are
    the word classes phrases refer to as "@name". `known` are words one typo away from a cue
    that are never corrected into it and that wordfreq's lists lack (`lang.realwords` holds
    the rest)."""

    words: CueTable = field(default_factory=dict)
    weak: CueTable = field(default_factory=dict)
    suffixes: CueTable = field(default_factory=dict)
    classes: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, str] = field(default_factory=dict)
    known: str = ""


@dataclass(frozen=True, slots=True)
class Replies:
    """The bot's own words: `phrases` by key (with {placeholders}), `what` the page does not
    state ("a salary amount"), `labels` of buttons."""

    phrases: dict[str, str]
    what: dict[str, str]
    labels: dict[str, str]


@dataclass(frozen=True, slots=True)
class Topic:
    """A practical topic (home office, visa, ...) in one language: what the page does (not)
    mention (`label`), the message words that name it, two-word names ("work_from"), and the
    words to look for in the page's sentences."""

    label: str
    words: str = ""
    pairs: str = ""
    search: str = ""


@dataclass(frozen=True, slots=True)
class Kinds:
    """Kinds of position (keys in `KINDS`): the label a reply uses, the single words, two-word
    names ("phd_student") and compound beginnings ("doktorand") that name each kind; the words
    that rule out the kind named after them ("not", "geen", "keine"; pairs "other_than"); the
    words that make a kind word a degree someone holds ("an MSc degree", "hold a PhD")."""

    labels: dict[str, str] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)
    pairs: dict[str, str] = field(default_factory=dict)
    prefixes: dict[str, str] = field(default_factory=dict)
    negations: str = ""
    negation_pairs: str = ""
    degree_next: str = ""
    degree_before: str = ""


@dataclass(frozen=True, slots=True)
class PageWords:
    """How the pages of this language speak of what answers quote from them (read by
    `bot.answers`). Unlike the word lists above these are regular-expression alternatives,
    matched without regard to case against a sentence's text: a page's words come with their
    accents, hyphens and word boundaries ("vergütung", "tv-?l", "\\bloon\\b")."""

    pay: str = ""  # a sentence about pay
    numbers: str = ""  # number words before a period ("two", "zwei")
    range: str = ""  # between two numbers ("to", "bis")
    units: str = ""  # years and months
    duration: str = ""  # an appointment's length without numbers ("fixed-term", "befristet")
    contract: str = ""  # a sentence about the appointment itself
    dates: str = ""  # a sentence about when (lower case: matched against lower-cased text)
    deadline: str = ""  # a sentence about the application deadline, however vague (lower case)
    send: str = ""  # beginnings of the verbs of sending an application
    questions: str = ""  # questions or enquiries: an address for them is not where to apply
    contact: str = ""  # whom to turn to
    procedure: str = ""  # the application procedure
    not_procedure: str = ""  # equal-opportunity statements, which speak of applications
    desirable: str = ""  # nice to have rather than required
    requiring: str = ""  # what a candidate must have or be, said outside a heading for it
    # Words that give a section's kind away when its heading names none ("Vaardigheden",
    # "Das wird geboten"): (kind, alternatives), matched on the lower-cased text and counted.
    section_cues: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Language:
    """Everything the bot knows of one language."""

    code: str  # "en", "nl", "de": what `knowledge.textnorm.language_of` returns
    name: str
    detect: str  # frequent words that tell a text is in this language
    cues: Cues
    replies: Replies
    topics: dict[str, Topic]
    kinds: Kinds
    query: QueryWords  # the shape of a question (see `lang.query`)
    glossary: str = ""  # lines "word word: english words" (see `bot.glossary`)
    pages: PageWords = PageWords()  # how pages speak of what answers quote (`bot.answers`)


PHD, POSTDOC, MSC, ENGINEER, ASSISTANT = "phd", "postdoc", "msc", "engineer", "assistant"
KINDS = (PHD, POSTDOC, MSC, ENGINEER, ASSISTANT)


@dataclass(frozen=True, slots=True)
class TopicWords:
    """A practical topic in all languages at once (merged in `lang`)."""

    words: frozenset[str]
    pairs: frozenset[tuple[str, str]]
    search: frozenset[str]
    labels: dict[str, str]  # language code -> label
