"""Which vacancies a message names, from its resolution: pure functions of a `Resolution`,
the query's clauses and the tuning.

A vacancy is *named* when it has at least `named_coverage` of the message's words (by
rarity), scores `named_min_score` or more, and holds either one word rare enough to name it
alone or several whose rarity adds up — or every word is among its names. It is named alone
when it scores `clear_ratio` times the next; the close few otherwise. When nothing specific
is asked (`strict`), only the words of its names count, and words no vacancy knows count
against it: "fix my training loop" names no vacancy that says "training".
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.policy import Tuning
from bot.resolve import Match, Resolution


@dataclass(frozen=True, slots=True)
class Rarity:
    """How rare a word must be to name a vacancy on its own, in this knowledge base."""

    distinct: float  # one word this rare names a vacancy alone
    strong_sum: float  # ... and several whose rarity adds up to this


def strong(m: Match, res: Resolution, t: Tuning, rarity: Rarity, strict: bool,
           clauses: tuple[frozenset[str], ...] = ()) -> bool:
    """Does `m` have enough of the message's words, and rare enough ones, to be named? A
    clause that names it by its title may carry it alone ("... for the skin cancer PhD,
    and do I have to request it myself?")."""
    if m.score >= 99:
        return True  # its id
    terms = res.word_weights()
    coverage = res.in_scope(m) if strict else m.coverage
    if strict:
        if res.share(m.named) < t.strict_name_share:
            return False
        if max((terms.get(w, 0.0) for w in m.named), default=0.0) >= rarity.distinct:
            coverage = max(coverage, m.coverage)  # "the NEXCELL thing": a name, plainly
    else:
        for clause in clauses:
            mine = {w for w in terms if w.split(">")[0] in clause}
            if set(m.named) & mine and len(mine) >= 2:
                have = sum(terms[w] for w in mine if w in m.named or w in m.text)
                coverage = max(coverage, have / sum(terms[w] for w in mine))
    if coverage < t.named_coverage or m.score < t.named_min_score:
        return False
    found = [terms.get(w, 0.0) for w in (*m.named, *m.text)]
    if max(found, default=0.0) >= rarity.distinct or sum(found) >= rarity.strong_sum:
        return True
    return set(m.named) >= set(terms)  # every word is in its title or other names


def named(res: Resolution, t: Tuning, rarity: Rarity, strict: bool = False,
          clauses: tuple[frozenset[str], ...] = ()) -> tuple[str, ...]:
    """The vacancies the message names: one when it is clear, the close few otherwise,
    none when the best match is too weak to count as a name."""
    if not res.matches:
        return ()
    top = res.matches[0]
    if not strong(top, res, t, rarity, strict, clauses):
        # "is the Koch lab hiring PhDs?": the page with the name, though of another kind
        # than asked, over one that only shares a common word ("Join the lab"); not a page
        # of another group than the one the message names
        full = [m for m in res.matches[1:] if not m.elsewhere
                and m.coverage >= t.name_over_kind_coverage
                and m.score >= t.name_over_kind_share * top.score
                and strong(m, res, t, rarity, strict, clauses)]
        return (full[0].id,) if full else ()
    close = [m for m in res.matches[1:] if m.score >= t.close_ratio * top.score
             and strong(m, res, t, rarity, strict, clauses)]
    if not close or top.score >= t.clear_ratio * close[0].score:
        return (top.id,)
    return (top.id, *(m.id for m in close))


def by_name(res: Resolution, t: Tuning) -> bool:
    """Is the best match named by what it is called (title, people, groups, code)?"""
    top = res.top
    if top is None:
        return False
    return top.score >= 99 or res.share(top.named) >= t.strict_name_share


def among(res: Resolution, t: Tuning) -> tuple[str, ...]:
    """Which of a few offered vacancies the words pick: among the choices just shown any
    of the message's words will do, so only coverage and the gap to the next count."""
    fits = [m for m in res.matches if m.coverage >= t.named_coverage and m.score > 0]
    if not fits:
        return ()
    top = fits[0]
    close = [m for m in fits[1:] if m.score >= t.close_ratio * top.score]
    if not close or top.score >= t.clear_ratio * close[0].score:
        return (top.id,)
    return (top.id, *(m.id for m in close))
