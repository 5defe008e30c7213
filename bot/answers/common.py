"""What every answer is made of: the page's sentences, quoted with their links; the one
source line; "the page does not say, ask <contact>"; and the question's focus.

Pure functions of a `Vacancy`. Page text is quoted as written (never translated); the bot's
own words follow the user's language (`bot.phrases`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from bot.answers import layout
from bot.glossary import english
from bot.intents import cue_stems
from bot.model import Block, Intent, Style
from bot.phrases import phrase
from knowledge.keywords import is_term
from knowledge.model import FactKind, Kind, Section, Vacancy
from knowledge.sentences import MD_LINK, Sentence, section_sentences
from knowledge.text import resolve_member_refs
from knowledge.textnorm import COGNATE_MIN, cognate, fold, stem, words
from knowledge.urls import is_valid_link


@dataclass(frozen=True, slots=True)
class Ask:
    """What the reply should lead with, beside the intent: the user's language, the words
    of the question that did not name the vacancy, what they say about themselves, and the
    practical topics asked."""

    lang: str = "en"
    focus: tuple[str, ...] = ()  # folded words to look for in the page
    about_me: tuple[str, ...] = ()  # "bachelor", "physics", "dutch"
    topics: tuple[object, ...] = ()  # bot.topics.Asked
    mentioned: tuple[str, ...] = ()  # words that named the vacancy from its body ("OCT")
    quantity: bool = False  # "how much", "how many": a figure is wanted
    traits: frozenset[str] = frozenset()  # what the user says of themselves: degree, origin
    lacks: tuple[str, ...] = ()  # what the user says they have not got: "first", "author"


@dataclass(frozen=True, slots=True)
class Part:
    """What one composer adds to a reply: its blocks, the page sections it quoted (for the
    source line), and whether it left something out (a "More" button)."""

    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    cut: bool = False


def part(blocks: Iterable[Block], sections: Iterable[Section] = (), cut: object = False
         ) -> Part:
    return Part(tuple(blocks), tuple(dict.fromkeys(sections)), bool(cut))


# ---- sentences ----------------------------------------------------------------------------

@lru_cache(maxsize=512)
def _sentences(sections: tuple[Section, ...], people: tuple[str, ...]) -> tuple[Sentence, ...]:
    return tuple(section_sentences(sections, people))


@lru_cache(maxsize=512)
def _stem_sets(sections: tuple[Section, ...], people: tuple[str, ...]
               ) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(stem(w) for w in words(s.text))
                 for s in _sentences(sections, people))


def _key(s: str) -> str:
    """A stem's spelling-neutral key ("kolloquium", "colloquium" meet), itself when short."""
    key = cognate(s)
    return key if len(key) >= COGNATE_MIN else s


@lru_cache(maxsize=256)
def _key_sets(sections: tuple[Section, ...], people: tuple[str, ...]
              ) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(map(_key, own)) for own in _stem_sets(sections, people))


@lru_cache(maxsize=256)
def _heading_sets(sections: tuple[Section, ...], loose: bool) -> dict[int, frozenset[str]]:
    """Each section's heading words with the empty heading it sits under, as stems (as
    `_key`s when `loose`), read once per page rather than once per sentence."""
    return {sec.order: frozenset((_key if loose else str)(stem(w))
                                 for w in words(f"{sec.heading} {sec.parent}"))
            for sec in sections}


def sentences(v: Vacancy, *kinds: Kind) -> list[Sentence]:
    """The page's sentences, in order; only those of sections of `kinds` when given."""
    return [s for s in _sentences(v.sections, v.people) if not kinds or s.kind in kinds]


def is_url(url: str) -> bool:
    """A link Telegram will accept in text: http(s) with a host, or mailto with an address
    (`knowledge.urls`, on the address as a page writes it, spaces around it ignored)."""
    return is_valid_link(url.strip())


@lru_cache(maxsize=8192)  # pure: the same text, the same answer
def with_links(raw: str) -> str:
    """A sentence's Markdown as plain text that keeps its links: "[here](https://x)" ->
    "here (https://x)", "[Prof. X](mailto:x@y.nl)" -> "Prof. X (x@y.nl)"."""
    def link(m: re.Match[str]) -> str:
        if m.group(1):  # an image
            return ""
        text, url = m.group(2).strip(), m.group(3).strip()
        if not is_url(url):  # written out when it was meant as a web address
            return f"{text} ({url})" if re.match(r"(?i)https?:|www\.", url) else text
        target = url[7:] if url.lower().startswith("mailto:") else url
        if not text or fold(text) == fold(target):
            return target
        return f"{text} ({target})"

    if "[member/" in raw:  # "[member/alessa-hering]": the person's name
        raw = resolve_member_refs(raw, ())
    text = MD_LINK.sub(link, raw) if "](" in raw else raw
    text = re.sub(r"<https?://[^>\s]+>", lambda m: m.group(0)[1:-1], text)
    text = re.sub(r"</?[A-Za-z][^>\n]{0,200}>", " ", text)
    text = re.sub(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|`", "", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text)
    return " ".join(text.split())


def as_blocks(found: Iterable[Sentence], limit: int, items: bool | None = None,
              cut: list[bool] | None = None) -> list[Block]:
    """Sentences as blocks (list items stay bullets), at most `limit` characters; `cut`
    hears when some did not fit."""
    out: list[Block] = []
    size = 0
    seen: set[str] = set()
    longest = layout.QUOTE_MAX if limit < layout.MORE_MAX // 2 else layout.QUOTE_MORE_MAX
    for s in found:
        text = with_links(s.raw) or s.text  # as shown, links kept
        if len(text) > longest:  # cut at a word; the whole sentence is behind "More"
            text = text[: longest - 1].rsplit(" ", 1)[0] + "…"
            if cut is not None:
                cut.append(True)
        key = fold(text)
        if key in seen:
            continue
        if size + len(text) > limit and out:
            if cut is not None:
                cut.append(True)
            break
        seen.add(key)
        bullet = s.item if items is None else items
        out.append(Block(text, Style.ITEM if bullet else Style.TEXT))
        size += len(text) + 2
    return out


# ---- focus: the sentences that answer a particular question -------------------------------

def _no_word(part: str) -> bool:
    """No part of a compound is known but the glossary's (one function, so that the
    glossary's cache finds what it read before)."""
    return False


def focus_stems(focus: Iterable[str]) -> set[str]:
    """The stems to look for: the words, and the English of Dutch or German ones."""
    found = [w for f in focus for w in words(f) if is_term(w) or len(w) > 2]
    return {stem(w) for w in found} | {stem(e) for w in found for part in english(w, _no_word)
                                       for gloss in part for e in words(gloss)}


def best_sentences(v: Vacancy, stems: set[str], count: int = 2,
                   kinds: tuple[Kind, ...] = (), minimum: float = layout.FOCUS_MIN,
                   numbers: bool = False, heading_weight: float = 0.5,
                   loose: bool = False) -> list[Sentence]:
    """The sentences with the largest share of `stems` (at least `minimum` of them), in page
    order. A sentence's section heading counts as its words too ("Data"), each word
    `heading_weight` of one in the sentence; with `numbers` ("how much", "how many"), fully,
    and a sentence with a figure in it comes first among equals. `loose`: a word meets its
    spellings in other languages ("colloquium", "Kolloquium")."""
    if not stems:
        return []
    need = max(1, round(minimum * len(stems))) if len(stems) > 2 else 1
    every = _sentences(v.sections, v.people)
    own = (_key_sets if loose else _stem_sets)(v.sections, v.people)
    if loose:
        stems = {_key(s) for s in stems}
    heads = _heading_sets(v.sections, loose)
    chosen = [n for n, s in enumerate(every) if not kinds or s.kind in kinds]
    pool = [every[n] for n in chosen]
    found = [len(stems & own[n]) for n in chosen]
    scored: list[tuple[float, int, Sentence]] = []
    for n, s in enumerate(pool):
        heading = heads.get(s.section, frozenset())
        have = found[n] + (1.0 if numbers else heading_weight) * len(stems & heading)
        if have >= need:
            figure = numbers and bool(re.search(r"\d", s.text))
            # an answer is often two sentences together: "Secure access ... Computing
            # resources will need to be arranged."
            beside = any(found[k] and pool[k].section == s.section
                         for k in (n - 1, n + 1) if 0 <= k < len(pool))
            bonus = (0.75 if figure else 0.0) + (0.5 if beside and found[n] else 0.0)
            scored.append((-(have + bonus), n, s))
    best = sorted(scored, key=lambda x: (x[0], x[1]))[:count]
    return [s for _, _, s in sorted(best, key=lambda x: x[1])]


def headed(v: Vacancy, stems: set[str]) -> list[Sentence]:
    """The lines of the sections a heading names by one of `stems` ("## Kollaboration") or
    that sit under such an empty heading, each with its own bold heading first ("Cooperation
    partners:" over "**Datenvorsprung GmbH**"): what the page gives on that, whole."""
    out: list[Sentence] = []
    every = _sentences(v.sections, v.people)
    heads = _heading_sets(v.sections, False)
    for sec in v.sections:
        if sec.heading and stems & heads[sec.order]:
            if sec.parent:  # the bold heading is a name of what the parent heading lists
                out.append(Sentence(sec.order, sec.kind, sec.heading, sec.heading, sec.heading,
                                    sec.heading.lower()))
            out += [s for s in every if s.section == sec.order]
    return out


# ---- who to ask, and the source line --------------------------------------------------------

_TITLES = re.compile(r"^((prof|dr|drs|ir|ing|mr|ms|mrs|dipl|pd|priv-doz|univ)\.?(-ing\.?)?\s+)+",
                     re.I)


def person(name: str) -> str:
    """A person's name as people say it: "Prof. Dr. Shadi Albarqouni" -> "Shadi Albarqouni"."""
    return _TITLES.sub("", name.strip()).strip() or name.strip()


def contact_pairs(v: Vacancy) -> list[tuple[str, str]]:
    """(name, e-mail) as the page pairs them; either may be "" when the page gives only one.
    A name is never given an address the page does not give it."""
    pairs = [(person(f.detail) if f.detail and "@" not in f.detail and len(f.detail) < 60
               else "", f.value) for f in v.facts_of(FactKind.EMAIL)]
    used_names = {fold(name) for name, _ in pairs if name}
    for name in (person(f.value) for f in v.facts_of(FactKind.CONTACT_PERSON)):
        if not any(fold(name) in n or n in fold(name) for n in used_names):
            pairs.append((name, ""))
            used_names.add(fold(name))
    return pairs or [(p, "") for p in v.people[:2]]


def who(v: Vacancy, lang: str) -> str:
    """"Jos Thannhauser (jos@x.nl)" — the first contact as the page gives it, or ""."""
    pairs = contact_pairs(v)
    names = dict.fromkeys([n for n, _ in pairs if n][:2])
    return (next((f"{n} ({m})" for n, m in pairs if n and m), "")
            or f" {phrase('or', lang)} ".join(names) or next((m for _, m in pairs if m), ""))


def ask_contact(v: Vacancy, lang: str) -> str:
    person = who(v, lang)
    return phrase("ask_contact", lang, who=person) if person else phrase("ask_contact_none", lang)


def said_or_silent(v: Vacancy, ask: Ask, intent: Intent, what_text: str,
                   whom: bool = True) -> list[Block]:
    """Before saying the page does not state something: the page's sentences that best
    match the question's own words and the words that ask for `intent` ("contract",
    "Vertrag", "years" for a duration). A sentence counts with one of the question's words,
    or two of the intent's, or one of them and a figure when a figure is wanted."""
    focus = focus_stems(ask.focus) - focus_stems(ask.mentioned)  # not what named the page
    cues = cue_stems(intent)
    numeric = ask.quantity or intent in (Intent.SALARY, Intent.DATES, Intent.DURATION)
    every = _sentences(v.sections, v.people)
    own = _stem_sets(v.sections, v.people)
    scored: list[tuple[float, int]] = []
    for n, s in enumerate(every):
        mine, theirs = len(focus & own[n]), len(cues & own[n])
        figure = numeric and bool(re.search(r"\d", s.text))
        if mine or theirs >= 2 or (theirs and figure):
            scored.append((-(2 * mine + theirs + (0.5 if figure else 0.0)), n))
    best = sorted(n for _, n in sorted(scored)[:2])
    quoted = as_blocks([every[n] for n in best], 500, items=False)
    if not best or intent in (Intent.SALARY, Intent.DATES):  # an amount, a deadline: still unsaid
        quoted.append(not_stated(v, what_text, ask.lang, whom=whom))
    return quoted


def not_stated(v: Vacancy, what_text: str, lang: str, key: str = "not_stated",
               whom: bool = True) -> Block:
    """"The page does not state X. Please ask <contact>." — or, when the contact itself is
    what it does not state (`whom` false), "Please ask the group directly."
    """
    then = ask_contact(v, lang) if whom else phrase("ask_group", lang)
    return Block(f"{phrase(key, lang, what=what_text)} {then}", Style.NOTE)


def fact_lines(v: Vacancy, kinds: dict[FactKind, str], lang: str, count: int = 2
               ) -> list[Block]:
    """"Deadline: 1 May": the first `count` facts of each kind, named by its phrase key."""
    return [Block(f"{phrase(name, lang)}: {f.value}", Style.ITEM)
            for kind, name in kinds.items() for f in v.facts_of(kind)[:count]]


def page_url(v: Vacancy) -> str:
    """The page's application or vacancy link as the page writes it (it may not be a valid
    URL: `is_url` says whether it can be a link; if not it is shown as text, never lost)."""
    urls = [f.value.strip() for f in v.facts_of(FactKind.APPLY_URL) if f.value.strip()]
    valid = [u for u in urls if is_url(u)]
    return (valid or urls or [""])[0]


def source(v: Vacancy, sections: Iterable[Section], lang: str) -> list[Block]:
    """At most one short line: the sections quoted, and the page's link when it has one
    (a link Telegram would refuse is written out as text)."""
    headings = list(dict.fromkeys(s.heading for s in sections if s.heading))[:2]
    url = page_url(v)
    if not headings and not url:
        return []
    where = ", ".join(f"“{h}”" for h in headings)
    text = f"{phrase('source', lang)}: {where}" if where else phrase("page_link", lang)
    if url and not is_url(url):
        text = f"{text} · {phrase('page_link', lang)}: {url}" if where else f"{text}: {url}"
        url = ""
    return [Block(text, Style.SOURCE, url)]


def fit(blocks: list[Block], limit: int) -> list[Block]:
    """The leading blocks that fit in `limit` characters (at least one)."""
    ends = itertools.accumulate(len(b.text) + 2 for b in blocks)  # each after a blank line
    return blocks[: max(1, sum(end - 2 <= limit for end in ends))]
