"""Fact extraction: atomic, answerable facts from a parsed vacancy.

`extract_facts(v)` takes a `Vacancy` with header and sections filled (facts empty) and returns
its facts in page order, de-duplicated (same kind and same normalised value: the first is
kept). Each fact records the `Section.order` it came from (-1 for the header) and a detail:
the sentence it was found in, trimmed, or a person's name for e-mail addresses.

Modules, by concern: `salary` (amounts, scales, part-time, allowances, hours, statements,
reimbursement), `timing` (duration, start, end, deadline), `contacts` (e-mails,
contact persons), `application` (apply URL, documents, size limit, subject line, reference),
`place` (institution, location, positions, status), `work` (working language and days).
All pure, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.facts import application, contacts, place, salary, timing, work
from knowledge.facts._text import Sentence, header_sentences, norm_key, plain, sentences_of
from knowledge.facts.dates import date_of, page_year
from knowledge.model import Fact, FactKind, Vacancy

__all__ = ["extract_facts"]

# Kinds the title/description may supply when the body says nothing about them.
_HEADER_FALLBACK = frozenset({
    FactKind.SALARY_AMOUNT, FactKind.PAY_SCALE, FactKind.PART_TIME, FactKind.DURATION,
    FactKind.START_DATE, FactKind.DEADLINE, FactKind.POSITIONS, FactKind.REIMBURSEMENT,
    FactKind.HOURS, FactKind.INSTITUTION, FactKind.LOCATION,
})


def _from_sentences(v: Vacancy, sentences: list[Sentence]) -> list[Fact]:
    return (
        salary.extract(sentences)
        + timing.extract(sentences)
        + application.extract(v, sentences)
        + place.extract(v, sentences)
        + work.extract(sentences)
    )


def _dedupe(v: Vacancy, facts: list[Fact]) -> tuple[Fact, ...]:
    """The first fact of each kind and value; on a page that offers several positions, the
    first in each position's own sections too (each asks for its own CV, gives its own
    deadline), so that the position seen alone keeps them."""
    owner = {o: n for n, p in enumerate(v.positions) for o in p.sections}
    seen: set[tuple[FactKind, str, int]] = set()
    out: list[Fact] = []
    for f in facts:
        key = (f.kind, norm_key(f.value), owner.get(f.section, -1))
        if f.value and key not in seen:
            seen.add(key)
            out.append(f)
    return tuple(out)


_INFORMATIVE_HEADING = re.compile(r"\d|%|€|\bTV|\bscale\b|\bschaal\b|\bE\s?1\d\b", re.I)


def with_headings(v: Vacancy, body: list[Sentence]) -> list[Sentence]:
    """`body` with each section heading that states something ("PhD student (E13 TV-L; 65%)
    in ...", "Project 1 (PhD, 4 years): ...") as a sentence before its section's own."""
    heads = {sec.order: Sentence(sec.order, sec.kind, sec.heading, sec.heading,
                                 plain(sec.heading), plain(sec.heading).lower(), False, sec.line)
             for sec in v.sections if sec.heading and _INFORMATIVE_HEADING.search(sec.heading)}
    if not heads:
        return body
    out: list[Sentence] = []
    for s in body:
        head = heads.pop(s.section, None)
        if head is not None:
            out.append(head)
        out.append(s)
    return out + list(heads.values())


def extract_facts(v: Vacancy, sentences: list[Sentence] | None = None) -> tuple[Fact, ...]:
    """All facts of a vacancy: the header fields' (already in `v.facts`, from
    `knowledge.facts.frontmatter`), then the body's, then what only the title or description
    says; de-duplicated. `sentences` are `sentences_of(v)` when the caller has them."""
    body = with_headings(v, sentences if sentences is not None else sentences_of(v))
    header = header_sentences(v)
    facts = [f for f in v.facts if f.kind is not FactKind.STATUS]
    facts += [f for f in _from_sentences(v, body) if f.kind is not FactKind.STATUS]
    found = {f.kind for f in facts}
    for f in _from_sentences(v, header):
        if f.kind is FactKind.REFERENCE or (f.kind in _HEADER_FALLBACK and f.kind not in found):
            facts.append(f)
    facts += contacts.extract(v, body)
    facts.append(place.status(v))
    return _with_days(v, _dedupe(v, facts))


_DATED = frozenset({FactKind.DEADLINE, FactKind.START_DATE, FactKind.END_DATE,
                    FactKind.REVIEW_DATE, FactKind.INTERVIEW})


def _with_days(v: Vacancy, facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """Each date fact with the day its value names (`Fact.when`), a date without a year
    read in the page's year (its publish date's, or the one its dates name most)."""
    year = page_year(v.date, (f.value for f in facts if f.kind in _DATED))
    return tuple(replace(f, when=day.isoformat())
                 if f.kind in _DATED and (day := date_of(f.value, year)) is not None else f
                 for f in facts)
