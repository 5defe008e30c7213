"""Plain data the knowledge base is made of: pages in, vacancies, sections and facts out.

Everything here is immutable and free of I/O so that parsing, fact extraction, routing and
answer composition can be pure functions over it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """Canonical kind of a section, whatever its heading says."""

    INTRO = "intro"
    BACKGROUND = "background"
    JOB = "job"  # job description, tasks, project, approach
    REQUIREMENTS = "requirements"
    DESIRABLE = "desirable"
    TERMS = "terms"  # salary, benefits, hours, reimbursement
    ORGANISATION = "organisation"
    CONTACT = "contact"
    APPLICATION = "application"
    OTHER = "other"


class FactKind(StrEnum):
    """What a fact is about. The router maps intents onto these."""

    SALARY_AMOUNT = "salary_amount"  # value: "€ 2,789 – € 3,536 gross per month (scale 10A)"
    PAY_SCALE = "pay_scale"  # value: "scale 10A", "TV-L E13"
    PART_TIME = "part_time"  # value: "75%"
    ALLOWANCE = "allowance"  # value: "8% holiday allowance", "8.3% end-of-year bonus"
    HOURS = "hours"  # value: "36 hours per week"
    SALARY_STATEMENT = "salary_statement"  # value: the sentence when no amount is given
    REIMBURSEMENT = "reimbursement"  # value: "€500 per month for six months" (students)
    DURATION = "duration"  # value: "four years"
    START_DATE = "start_date"  # value: "Q4 2023", "June 2023 or as agreed upon"
    END_DATE = "end_date"  # value: "15 Feb 2026", "2022-09-30": when the contract/project ends
    DEADLINE = "deadline"  # value: "May 9, 2019"
    PUBLISHED = "published"  # value: ISO date from the header
    EMAIL = "email"  # value: address; detail: the person's name when known
    CONTACT_PERSON = "contact_person"  # value: a human-readable name
    APPLY_URL = "apply_url"  # value: URL
    DOCUMENT = "document"  # value: "motivation letter", "CV", ...
    SIZE_LIMIT = "size_limit"  # value: "5 MB"
    SUBJECT_LINE = "subject_line"  # value: what to quote in the e-mail subject
    REFERENCE = "reference"  # value: "CIR/06/2023"
    LOCATION = "location"  # value: "Nijmegen", "Bonn"
    INSTITUTION = "institution"  # value: "Radboud University Medical Center"
    POSITIONS = "positions"  # value: "3"
    STATUS = "status"  # value: "open" | "closed"
    REVIEW_DATE = "review_date"  # value: when applications start being reviewed
    INTERVIEW = "interview"  # value: "24 and 25 June 2024": when interviews take place
    WORKING_LANGUAGE = "working_language"  # value: "English"
    WORKING_DAYS = "working_days"  # value: "montags und dienstags"


@dataclass(frozen=True, slots=True)
class Unit:
    """A list item, paragraph, hard-broken line or table row of a section, cut into
    sentences (`knowledge.units`)."""

    sentences: tuple[tuple[str, str], ...]  # (Markdown, plain text) of each sentence
    item: bool = False  # a list item on the page
    line: int = 0  # 1-based line of the page file the unit starts on; 0 when not known


@dataclass(frozen=True, slots=True)
class Section:
    """One chunk of a page body: a heading and what follows it up to the next heading."""

    order: int
    heading: str  # "" for the intro
    kind: Kind
    markdown: str
    text: str  # plain text, links reduced to their label, no Markdown syntax
    line: int = 0  # 1-based line in the source file where the section starts
    lines: tuple[int, ...] = ()  # file line of each line of `markdown` (at ingest; not stored)
    units: tuple[Unit, ...] = ()  # its sentences, read with its text from the same tokens
    parent: str = ""  # the heading of an empty section it sits under: "Cooperation partners:"
    # above a bold "Datenvorsprung GmbH" is what that part of the page is about


@dataclass(frozen=True, slots=True)
class Fact:
    """One atomic thing a user may ask about, with where it came from.

    Provenance: `section` and `line` say where on the page, `source` is the page's own words
    the value was read from — the sentence (plain text), or the header field as
    "key: value". Every word and number of `value` is in `source` (spacing, case and number
    format aside) except the few words the extractors use to render a value ("per month",
    "hours per week"); `tests/test_provenance.py` checks it on every page at hand."""

    kind: FactKind
    value: str
    section: int = -1  # Section.order it came from; -1 for the page header
    detail: str = ""  # context: the sentence it was found in, a person's name, a scale
    line: int = 0  # 1-based line of the page file; 0 when not known
    source: str = ""  # the sentence or header field ("key: value") the value was read from
    when: str = ""  # a date fact's day as ISO ("2024-06-15") when the page gives it in full;
    #                 for STATUS, the posting day of an old open page without deadline


@dataclass(frozen=True, slots=True)
class Position:
    """One of several positions a page offers ("Join us" pages: a PhD and a postdoc)."""

    title: str
    category: str  # one of knowledge.positions.CATEGORIES, or "other"
    sections: tuple[int, ...] = ()  # Section.order of the sections that describe it
    closed: bool = False


@dataclass(frozen=True, slots=True)
class Vacancy:
    """A parsed vacancy page."""

    id: str  # file name without extension
    title: str
    closed: bool
    source: str  # path of the page, as given to the parser
    description: str = ""
    type: str = ""  # "general", "student", ... as the page says
    category: str = ""  # the main kind: knowledge.positions.CATEGORIES or "other", derived
    categories: tuple[str, ...] = ()  # every kind of position the page offers, main first
    groups: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    date: str = ""  # publish date, ISO, when the header has one
    language: str = "en"  # "en" | "nl" | "de"
    header_style: str = ""  # "pelican" | "yaml" | "toml" | "none"
    sections: tuple[Section, ...] = ()
    facts: tuple[Fact, ...] = ()
    positions: tuple[Position, ...] = ()  # empty for a page about one position
    warnings: tuple[str, ...] = ()  # non-fatal findings: repaired mojibake, unknown headings
    extra: dict[str, str] = field(default_factory=dict)  # other header fields, as text
    title_line: int = 0  # file line of the title (field or heading); at ingest, not stored
    description_line: int = 0  # file line of the description field; at ingest, not stored
    people_line: int = 0  # file line of the people (or authors) field; at ingest, not stored
    people_source: str = ""  # that field as written ("authors: saif-khan"); at ingest
    words: tuple[str, ...] = ()  # the summary's and text's folded words; at ingest, not stored

    @property
    def status(self) -> str:
        return "closed" if self.closed else "open"

    def facts_of(self, *kinds: FactKind) -> list[Fact]:
        return [f for f in self.facts if f.kind in kinds]

    def sections_of(self, *kinds: Kind) -> list[Section]:
        return [s for s in self.sections if s.kind in kinds]
