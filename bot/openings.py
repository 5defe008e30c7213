"""Pages that offer several positions ("Join us": a PhD, a postdoc, a student job): which one
a message means, and that position seen as a vacancy of its own.

`pick` scores each position of a page by the message's words in its title and sections, the
kind of position asked for and the words ruled out ("the robust ML one, not the
interpretable one"); `view` cuts the page down to the position: its own sections, the
sections no position claims (the group, how to apply), and the facts found in them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot import policy
from knowledge.keywords import terms
from knowledge.model import Position, Vacancy
from knowledge.textnorm import stem, words


def _stems(text: str) -> set[str]:
    return set(terms(text))


def pick(v: Vacancy, naming: str, wanted: frozenset[str], excluded: frozenset[str],
         avoid: tuple[str, ...], idf: Callable[[str], float]) -> int | None:
    """The index of the position of `v` the message means, or None when it names none of
    them more than the others (or `v` offers just one)."""
    if len(v.positions) < 2:
        return None
    asked = {stem(w) for w in words(naming)} & _stems(naming)
    shunned = {stem(w) for w in avoid}
    scores: list[float] = []
    for p in v.positions:
        title = _stems(p.title)
        body = _stems(" ".join(s.text for s in v.sections if s.order in p.sections))
        score = sum(idf(t) * (2.0 if t in title else 1.0) for t in asked if t in title | body)
        score -= sum(idf(t) * 2.0 for t in shunned if t in title | body)
        if wanted:
            score += policy.POSITION_KIND if p.category in wanted else -policy.POSITION_KIND
        if p.category in excluded:
            score -= policy.POSITION_KIND
        scores.append(score)
    best = max(range(len(scores)), key=lambda i: scores[i])
    rest = [s for i, s in enumerate(scores) if i != best]
    if scores[best] <= 0 or scores[best] < max(rest) + policy.POSITION_MARGIN:
        return None
    return best


def view(v: Vacancy, index: int) -> Vacancy:
    """The page as if it offered only position `index`."""
    position: Position = v.positions[index]
    claimed = {o for p in v.positions for o in p.sections}
    keep = {s.order for s in v.sections if s.order not in claimed} | set(position.sections)
    title = position.title.strip().rstrip(":")
    if len(title) < 40:  # "PhD students": say whose
        title = f"{v.title}: {title}"
    return replace(
        v, title=title, closed=position.closed, category=position.category,
        categories=(position.category,),
        sections=tuple(s for s in v.sections if s.order in keep),
        facts=tuple(f for f in v.facts if f.section < 0 or f.section in keep),
        positions=(),
    )
