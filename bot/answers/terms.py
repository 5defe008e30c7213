"""Answers made of facts: salary, dates, duration, location, status — facts first, then the
page's own sentence when it says more than the facts, never the same thing twice."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

import lang
from bot.answers.common import (
    Ask,
    Part,
    as_blocks,
    ask_contact,
    fact_lines,
    not_stated,
    part,
    said_or_silent,
    sentences,
)
from bot.model import Block, Intent, Style
from bot.phrases import phrase, what
from knowledge.facts.gazetteer import gazetteer
from knowledge.facts.place import cities_in
from knowledge.model import FactKind, Kind, Section, Vacancy
from knowledge.sentences import Sentence, section_sentences

_PAY = re.compile(lang.page_words("pay"), re.I)
_AMOUNT = re.compile(r"[€£$]\s?\d|\d\s?(euro|eur)\b|\d[\d.,]*\s?€|\b(CHF|SEK|DKK|NOK|GBP|USD)\s?\d|"
                     r"\bE\s?1[0-5]\b", re.I)
_NUMBER, _RANGE, _UNIT = (lang.page_words(n) for n in ("numbers", "range", "units"))
_DURATION = re.compile(rf"\b(\d+|{_NUMBER})\s*(\+|-|–|{_RANGE})?\s*\d*\s*({_UNIT})\b|"
                       + lang.page_words("duration"), re.I)
_CONTRACT = re.compile(lang.page_words("contract"), re.I)
_DATES = re.compile(lang.page_words("dates"))  # on lower-cased text
_DEADLINE = re.compile(lang.page_words("deadline"))


@lru_cache(maxsize=512)
def _pay_sentences(sections: tuple[Section, ...], people: tuple[str, ...]) -> tuple[Sentence, ...]:
    return tuple(s for s in section_sentences(sections, people) if _PAY.search(s.text))


def salary(v: Vacancy, ask: Ask, budget: int) -> Part:
    """The amounts, scale, allowances and hours as facts; then the page's words on pay that
    the facts do not already say (how the scale is chosen, a raise, what it depends on)."""
    amounts = [f.value for f in v.facts_of(FactKind.SALARY_AMOUNT, FactKind.REIMBURSEMENT)]
    scales = [f.value for f in v.facts_of(FactKind.PAY_SCALE)
              if not any(f.value.lower() in a.lower() for a in amounts)]
    rest = [f"{phrase('part_time', ask.lang)} {f.value}" if f.value.endswith("%") else f.value
            for f in v.facts_of(FactKind.PART_TIME)]
    rest += [f.value for f in v.facts_of(FactKind.ALLOWANCE, FactKind.HOURS)]
    blocks = [Block(x, Style.ITEM) for x in dict.fromkeys(amounts + scales + rest)][:6]
    said = " ".join(b.text for b in blocks).lower()
    pay = [s for s in _pay_sentences(v.sections, v.people)
           if not (s.kind is Kind.INTRO and not amounts and len(s.text) > 250)]
    extra = [s for s in pay if not _AMOUNT.search(s.text) or not blocks
             or "depend" in s.low or "afhankelijk" in s.low or "abhäng" in s.low]
    extra = [s for s in extra if s.text.lower()[:60] not in said]
    cut: list[bool] = []
    blocks += as_blocks(extra[:3], max(200, budget - len(said)), items=False, cut=cut)
    sections = [sec for sec in v.sections if any(s.section == sec.order for s in extra[:3])]
    if not blocks:
        return part(said_or_silent(v, ask, Intent.SALARY, what("salary", ask.lang)))
    if not amounts:
        blocks.append(not_stated(v, what("salary", ask.lang), ask.lang))
    return part(blocks, sections, cut)


def dates(v: Vacancy, ask: Ask, budget: int) -> list[Block]:
    blocks = fact_lines(v, {FactKind.START_DATE: "start", FactKind.DEADLINE: "deadline",
                             FactKind.REVIEW_DATE: "review", FactKind.INTERVIEW: "interview",
                             FactKind.END_DATE: "end"}, ask.lang)
    deadline = v.facts_of(FactKind.DEADLINE)
    # no date to read, but the page may speak of one: "well in advance of the early January
    # deadline", "Bitte beachten Sie die Bewerbungsfrist der Graduiertenschule"
    vague = None if deadline else next((s for s in sentences(v) if _DEADLINE.search(s.low)),
                                       None)
    said = vague
    if said is None and not v.facts_of(FactKind.START_DATE, FactKind.DEADLINE):
        said = next((s for s in sentences(v, Kind.APPLICATION, Kind.TERMS, Kind.CONTACT,
                                          Kind.JOB) if _DATES.search(s.low)), None)
    blocks += as_blocks([said] if said else [], 300, items=False)
    if not blocks:
        return said_or_silent(v, ask, Intent.DATES, what("deadline", ask.lang))
    if not deadline:
        if vague is None:
            blocks.append(not_stated(v, what("deadline", ask.lang), ask.lang))
    elif not v.facts_of(FactKind.START_DATE) and not v.closed:
        blocks.append(Block(phrase("not_stated", ask.lang, what=what("start", ask.lang)),
                            Style.NOTE))
    if not v.facts_of(FactKind.START_DATE, FactKind.DEADLINE, FactKind.END_DATE):
        blocks += fact_lines(v, {FactKind.PUBLISHED: "published"}, ask.lang)
    return blocks


def duration(v: Vacancy, ask: Ask, budget: int) -> list[Block]:
    facts = v.facts_of(FactKind.DURATION)
    blocks = [Block(f.value, Style.ITEM) for f in facts[:3]]
    said = " ".join(f.value.lower() for f in facts)
    for f in facts[:2]:  # the sentence, when it says more than the value ("after a year")
        longer = f.detail and len(f.detail) > len(f.value) + 15
        if longer and f.detail.lower()[:80] not in said:
            blocks.append(Block(f.detail))
            said += " " + f.detail.lower()
    hours = v.facts_of(FactKind.HOURS, FactKind.PART_TIME)
    blocks += [Block(f"{phrase('part_time', ask.lang)} {f.value}" if f.value.endswith("%")
                     else f.value, Style.ITEM) for f in hours[:2]]
    if not facts:  # the page's words, where it speaks of the appointment itself
        found = list(islice((s for s in sentences(v, Kind.TERMS, Kind.JOB, Kind.INTRO, Kind.OTHER)
                             if _DURATION.search(s.low) and _CONTRACT.search(s.low)), 2))
        if found:
            return blocks + as_blocks(found, 400, items=False)
        if not blocks:
            return said_or_silent(v, ask, Intent.DURATION, what("duration", ask.lang))
        blocks.append(not_stated(v, what("duration", ask.lang), ask.lang))
    return blocks


def location(v: Vacancy, ask: Ask, budget: int) -> list[Block]:
    blocks = fact_lines(v, {FactKind.LOCATION: "location", FactKind.INSTITUTION: "institution"},
                         ask.lang)
    if blocks:  # work in several places ("researchers at Tübingen, Heidelberg and Ulm"): the
        # page's sentence that names them, beside the place the facts give
        known = {f.value for f in v.facts_of(FactKind.LOCATION)}
        blocks += as_blocks(next(([s] for s in sentences(v) if _elsewhere(s.text, known)), []),
                            300, items=False)
    else:
        found = [s for s in sentences(v) if re.search(
            r"located|based in|location|standort|standplaats|arbeitsort|\bin [A-Z][a-z]+", s.raw)]
        blocks = as_blocks(found[:1], 300, items=False)
    return blocks or said_or_silent(v, ask, Intent.LOCATION, what("location", ask.lang))


_CAPITALISED = re.compile(r"\b[A-ZÄÖÜ][\w'’-]+")


def _elsewhere(text: str, known: set[str]) -> bool:
    """Does the sentence name two cities or more, one of them not among `known`?"""
    named, written = _cities(text)
    return bool(named - known) and len(written) >= 2


@lru_cache(maxsize=8192)
def _cities(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The cities a sentence names as places (not "Alice and Bob"), and those it writes."""
    if sum(gazetteer().city(w) is not None for w in set(_CAPITALISED.findall(text))) < 2:
        return frozenset(), frozenset()  # the common case, without reading the sentence
    return (frozenset(w for w, *_ in cities_in(text)),
            frozenset(w for w, *_ in cities_in(text, labelled=True)))


_FIELD_NOTE = re.compile(r"^[\w -]{1,30}:\s|^(open|closed)\b", re.I)


def status(v: Vacancy, ask: Ask, budget: int) -> list[Block]:
    deadlines = v.facts_of(FactKind.DEADLINE)
    if v.closed:  # the header says it is closed; the page's own words say why
        blocks = [Block(f.detail) for f in v.facts_of(FactKind.STATUS)[:1]
                  if f.detail and not _FIELD_NOTE.match(f.detail)]
        return blocks + fact_lines(v, {FactKind.DEADLINE: "deadline"}, ask.lang, 1)
    if deadlines:
        return [Block(phrase("open_until", ask.lang, date=deadlines[0].value))]
    posted = next((f.when for f in v.facts_of(FactKind.STATUS) if f.when), "")
    if posted:  # nothing says it is filled, but the posting is old: say so, and whom to ask
        return [Block(f"{phrase('open_old', ask.lang, date=posted)} {ask_contact(v, ask.lang)}",
                      Style.NOTE)]
    return [Block(phrase("open", ask.lang))]
