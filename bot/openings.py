"""Pages that offer several positions ("Join us": a PhD, a postdoc, a student job): which one
a message means, and that position seen as a vacancy of its own.

`pick` scores each position of a page by the message's words in its title and sections, the
kind of position asked for and the words ruled out ("the robust ML one, not the
interpretable one"); `view` cuts the page down to the position: its own sections, the
sections no position claims (the group, how to apply), and the facts found in them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.policy import DEFAULT, Tuning
from knowledge.keywords import terms
from knowledge.model import Kind, Position, Section, Vacancy
from knowledge.textnorm import stem, words


def pick(v: Vacancy, naming: str, wanted: frozenset[str], excluded: frozenset[str],
         avoid: tuple[str, ...], idf: Callable[[str], float], t: Tuning = DEFAULT) -> int | None:
    """The index of the position of `v` the message means, or None when it names none of
    them more than the others (or `v` offers just one)."""
    if len(v.positions) < 2:
        return None
    asked = {stem(w) for w in words(naming)} & set(terms(naming))
    shunned = {stem(w) for w in avoid}
    scores: list[float] = []
    for p in v.positions:
        title = set(terms(p.title))
        body = set(terms(" ".join(s.text for s in v.sections if s.order in p.sections)))
        score = sum(idf(t) * (2.0 if t in title else 1.0) for t in asked if t in title | body)
        score -= sum(idf(t) * 2.0 for t in shunned if t in title | body)
        if wanted:
            score += t.position_kind if p.category in wanted else -t.position_kind
        if p.category in excluded:
            score -= t.position_kind
        scores.append(score)
    best, second = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)[:2]
    if scores[best] <= 0 or scores[best] < scores[second] + t.position_margin:
        return None
    return best


_GENERAL = (Kind.APPLICATION, Kind.CONTACT, Kind.TERMS, Kind.ORGANISATION)


def _shared(s: Section, claimed: set[int]) -> bool:
    """Does a section no position claims speak for all of them? The intro, what follows
    the last position ("How to apply"), and short general headings ("Contact", "Salary")
    do; the description of a topic the page lists among its positions does not."""
    if not claimed:
        return True
    return ((s.order < min(claimed) and (not s.heading or s.kind is Kind.INTRO))
            or s.order > max(claimed)
            or (s.kind in _GENERAL and len(s.heading.split()) <= DEFAULT.general_heading_words))


_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def _contents(s: Section) -> bool:
    """Is the section only a list, like a page's table of contents?"""
    lines = [line for line in s.markdown.splitlines() if line.strip()]
    return bool(lines) and all(_ITEM.match(line) for line in lines)


def view(v: Vacancy, index: int) -> Vacancy:
    """The page as if it offered only position `index`."""
    position: Position = v.positions[index]
    claimed = {o for p in v.positions for o in p.sections}
    own = set(position.sections)
    keep = own | {s.order for s in v.sections if s.order not in claimed and _shared(s, claimed)}
    title = position.title.strip().rstrip(":")
    if len(title) < 40:  # "PhD students": say whose
        title = f"{v.title}: {title}"
    sections = tuple(replace(s, kind=Kind.JOB) if s.order in own and s.kind is Kind.OTHER
                     else s for s in v.sections  # its description, whatever its heading
                     if s.order in keep and not (s.order not in own and _contents(s)))
    return replace(v, title=title, closed=position.closed, category=position.category,
                   categories=(position.category,), sections=sections, positions=(),
                   facts=tuple(f for f in v.facts if f.section < 0 or f.section in keep))
