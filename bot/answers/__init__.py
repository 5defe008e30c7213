"""Compose the reply about one vacancy: every intent asked, answer first, readable on a phone.

`reply` puts together the vacancy's title (and "closed" when it is), the answer to each
intent asked (and to each practical topic), and at most one short source line; no reply
is longer than `layout.REPLY_MAX` characters. Pure functions of a `Vacancy`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

import lang
from bot.answers import layout
from bot.answers.apply import apply, contact
from bot.answers.common import Ask, Part, page_url, part, sentences, source
from bot.answers.eligibility import requirements
from bot.answers.overview import figures, focused, key_facts, overview, practical
from bot.answers.terms import dates, duration, location, salary, status
from bot.intents import cue_weight
from bot.model import Block, Button, Intent, Style
from bot.phrases import label, phrase
from knowledge.keywords import is_term
from knowledge.model import FactKind, Vacancy
from knowledge.positions import LABELS
from knowledge.textnorm import fold, stem, words
from knowledge.urls import is_valid_url

if TYPE_CHECKING:
    from bot.understand import Query

__all__ = ["COMPOSERS", "Ask", "Reply", "card_buttons", "reply", "short"]

Composer = Callable[[Vacancy, Ask, int], Part]


def _facts_only(compose: Callable[[Vacancy, Ask, int], list[Block]]) -> Composer:
    """A composer whose answer quotes no section and never leaves anything out."""
    return lambda v, ask, budget: part(compose(v, ask, budget))


COMPOSERS: dict[Intent, Composer] = {
    Intent.SALARY: salary,
    Intent.REQUIREMENTS: requirements,
    Intent.CONTACT: contact,
    Intent.APPLY: apply,
    Intent.OVERVIEW: overview,
    Intent.DATES: _facts_only(dates),
    Intent.DURATION: _facts_only(duration),
    Intent.LOCATION: _facts_only(location),
    Intent.STATUS: _facts_only(status),
}
_LANGUAGES = frozenset(lang.QUERY.languages)
_GENERIC_CUE = 0.9  # a word this strong a cue ("salary", "deadline") is not a question's focus


def _ask(v: Vacancy, msg: Query | None, lang: str, named_by: tuple[str, ...]) -> Ask:
    """What the question is about beyond its intent: its words that did not name `v`."""
    if msg is None:
        return Ask(lang)
    names = {stem(w) for w in words(" ".join((v.title, *v.people, *v.groups)))}
    skip = {w for a in msg.topics for w in a.words} | set(msg.me.words)
    content = [w for w in dict.fromkeys(msg.naming) if is_term(w)
               and w not in skip and cue_weight(w) < _GENERIC_CUE]
    asked = set(msg.question)
    # the asking clause's words, unless they named the vacancy by its title or people; a
    # language ("in English or German?") is asked about even where the page's text has it
    focus = [w for w in content if w in asked and stem(w) not in names
             and (w not in named_by or w in _LANGUAGES or len(asked) < len(set(msg.naming)))]
    focus += [w for w in msg.quantity_of if w not in focus]  # "how many landmarks?"
    mentioned = [w for w in content if w in named_by and stem(w) not in names
                 and w not in focus]
    return Ask(lang, tuple(focus), msg.me.words, msg.topics, tuple(mentioned), msg.quantity,
               msg.me.traits, msg.me.lacks)


def header(v: Vacancy, lang: str, twins: list[Vacancy], exists: bool,
           wanted: frozenset[str] = frozenset()) -> list[Block]:
    """The title, whether it is closed, its closed twins; for "is there …?" first the
    honest yes or no: "Yes", "not at the moment — closed", "no PhD — the closest is …"."""
    blocks: list[Block] = []
    if exists:
        kinds = LABELS.get(lang, LABELS["en"])
        offered = set(v.categories) | {p.category for p in v.positions}
        if wanted and not wanted & offered and v.category in kinds:
            miss = " / ".join(kinds.get(k, k) for k in sorted(wanted))
            blocks.append(Block(phrase("other_kind_this", lang, kind=miss,
                                       other=kinds[v.category])))
        else:
            blocks.append(Block(phrase("only_closed_this" if v.closed else "yes_this", lang)))
    blocks.append(Block(v.title, Style.TITLE))
    if v.closed:
        blocks.append(Block(phrase("closed", lang), Style.NOTE))
    if exists and v.closed:  # "any openings?": the page's own words that it has none
        said = {s.text for s in sentences(v)}
        blocks += [Block(f.detail) for f in v.facts_of(FactKind.STATUS)[:1] if f.detail in said]
    for other in twins[:2]:  # closed vacancies much like this one
        same = fuzz.ratio(fold(other.title), fold(v.title)) >= layout.SAME_TITLE
        note = (phrase("twin", lang, status=phrase("closed_tag", lang)) if same
                else phrase("also_closed", lang, title=other.title))
        blocks.append(Block(note, Style.NOTE))
    return blocks


@dataclass(frozen=True, slots=True)
class Reply:
    blocks: list[Block]
    intent: Intent  # the intent it answers first
    more: bool  # the page has more on it than the reply shows (a "More" button)


def reply(v: Vacancy, intents: tuple[Intent, ...], lang: str, msg: Query | None = None,
          twins: list[Vacancy] | None = None, exists: bool = False,
          named_by: tuple[str, ...] = (), full: bool = False) -> Reply:
    """The reply about `v` for `intents` (and the message's practical topics): short enough
    for a phone unless `full` (the "More" button); `named_by` are the message's words that
    named `v`."""
    ask = _ask(v, msg, lang, named_by)
    blocks, shown, cut = _compose(v, intents, lang, msg, twins or [], exists, ask,
                                  layout.MORE_MAX if full else layout.REPLY_TARGET)
    capped = _cap(blocks, layout.MORE_MAX if full else layout.REPLY_MAX)
    more = not full and (cut or capped != blocks)  # something was left out or cut
    return Reply(capped, shown, more)


def _compose(v: Vacancy, intents: tuple[Intent, ...], lang: str, msg: Query | None,
             twins: list[Vacancy], exists: bool, ask: Ask,
             budget: int) -> tuple[list[Block], Intent, bool]:
    blocks = header(v, lang, twins, exists, msg.wanted if msg is not None else frozenset())
    parts = [part(practical(v, ask, asked, budget // 2))  # type: ignore[arg-type]
             for asked in ask.topics]
    shown = intents[0] if intents else Intent.OVERVIEW
    if ask.topics and msg is not None and not msg.intents:
        shown = ask.topics[0].topic.intent  # type: ignore[attr-defined]
    if msg is not None and msg.vague and ask.focus:  # "how much annotated data is there?"
        answer = focused(v, ask, budget)
        if answer:
            parts.append(part(answer))
            intents = ()
            shown = Intent.OVERVIEW
    explicit = msg is None or bool(msg.intents) or not ask.topics
    for intent in intents if explicit else ():
        if intent is Intent.STATUS and v.closed and len(intents) > 1:
            continue  # the header already says it is closed
        share = budget // max(1, len(intents) + len(parts))
        composed = COMPOSERS[intent](v, ask, share)
        if all(b.style is Style.NOTE for b in composed.blocks):  # the page states nothing
            parts.append(part(figures(v, ask, intent, share)))  # on it: on the words asked?
        parts.append(composed)
    if intents == (Intent.STATUS,) and not ask.topics:  # "is it still open?", "hiring?"
        parts.append(part(key_facts(v, lang)))
    blocks = _dedupe(blocks + [b for each in parts for b in each.blocks])
    blocks += source(v, [sec for each in parts for sec in each.sections], lang)
    return blocks, shown, any(each.cut for each in parts)


def _dedupe(blocks: list[Block]) -> list[Block]:
    """No line twice (two intents may quote the same sentence); a title is always kept."""
    keys = [b.text.strip().lower() for b in blocks]
    return [b for n, (b, key) in enumerate(zip(blocks, keys, strict=True))
            if not key or key not in keys[:n] or b.style is Style.TITLE]


def _cap(blocks: list[Block], limit: int) -> list[Block]:
    """Keep whole blocks up to `limit` characters; the last one may be cut at a word."""
    out: list[Block] = []
    size = 0
    for b in blocks:
        room = limit - size
        if room <= 40:
            break
        if len(b.text) > room:
            cut = b.text[: room - 1].rsplit(" ", 1)[0] + "…"
            out.append(Block(cut, b.style, b.url))
            break
        out.append(b)
        size += len(b.text) + 2
    return out


def short(intent: Intent, v: Vacancy, lang: str) -> list[Block]:
    """A one-vacancy digest for answers across several vacancies."""
    blocks = COMPOSERS[intent](v, Ask(lang), 300).blocks
    keep = [b for b in blocks if b.style in (Style.ITEM, Style.NOTE)][:3] or blocks[:2]
    title = v.title + (f" ({phrase('closed_tag', lang)})" if v.closed else "")
    return [Block(title, Style.TITLE), *keep]


def card_buttons(v: Vacancy, lang: str, skip: Intent | None = None) -> tuple[Button, ...]:
    """Requirements · Salary · Contact · How to apply · Page link."""
    buttons = [Button(label(i.value, lang), action=i.value, vacancy=v.id)
               for i in (Intent.REQUIREMENTS, Intent.SALARY, Intent.CONTACT, Intent.APPLY)
               if i is not skip]
    url = page_url(v)
    if is_valid_url(url):  # a button takes http(s) only; other links are shown as text
        buttons.append(Button(label("page", lang), url=url))
    return tuple(buttons)
