"""Practical questions applicants ask beyond the usual intents — home office, part-time,
visa, housing, vacation, number of places — in English, Dutch and German.

A topic names what the page should be searched for (its words, as stems) and how to say it
when the page is silent ("The page does not mention a visa"). It is answered from the
sentence of the page that addresses it (`bot.answers.practical`), never from a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bot.model import Intent
from knowledge.textnorm import fold, stem, tokens


@dataclass(frozen=True, slots=True)
class Topic:
    key: str
    intent: Intent  # the intent a reply on this topic is filed under
    words: frozenset[str]  # folded single words that name it
    pairs: frozenset[tuple[str, str]]  # folded two-word names
    search: frozenset[str]  # stems to look for in the page's sentences
    label: dict[str, str]  # "a visa" — what the page does (not) mention, per language


def _topic(key: str, intent: Intent, words: str, pairs: str, search: str,
           en: str, nl: str, de: str) -> Topic:
    pair_set = frozenset(tuple(p.split("_")) for p in pairs.split())
    return Topic(key, intent, frozenset(words.split()),
                 pair_set,  # type: ignore[arg-type]
                 frozenset(stem(w) for w in search.split()), {"en": en, "nl": nl, "de": de})


TOPICS: tuple[Topic, ...] = (
    _topic("remote", Intent.LOCATION,
           "remote remotely telework hybrid hybride",
           "",
           "remote remotely home homeoffice hybrid thuiswerken thuis hause heimarbeit mobil "
           "on-site onsite",
           "working remotely", "op afstand werken", "Arbeit aus der Ferne"),
    _topic("home_office", Intent.OVERVIEW,
           "homeoffice home-office thuiswerken thuiswerk heimarbeit",
           "home_office work_from from_home thuis_werken zu_hause von_zuhause mobiles_arbeiten "
           "mobile_arbeit",
           "remote remotely home homeoffice hybrid thuiswerken thuis hause heimarbeit mobil "
           "flexible flexibel",
           "working from home", "thuiswerken", "Homeoffice oder mobiles Arbeiten"),
    _topic("part_time", Intent.DURATION,
           "part-time parttime deeltijd teilzeit fte",
           "part_time half_time",
           "part-time parttime deeltijd teilzeit fte percent halftime half-time full-time "
           "fulltime voltijd vollzeit",  # "full-time (36 hours)" answers it too
           "working part-time", "deeltijd", "Teilzeit"),
    _topic("hours", Intent.DURATION,
           "wochenstunden werkuren",
           "hours_per per_week hours_a hours_week uur_per stunden_pro stunden_die",
           "hours hour uur uren stunden stunde wochenstunden week woche fte",
           "the working hours", "de werkuren", "die Arbeitszeit"),
    _topic("flexible", Intent.OVERVIEW,
           "flexible flexibel flexibility flexibiliteit flexibilitat gleitzeit",
           "flexible_hours flexible_working",
           "flexible flexibel flexibility flexibiliteit flexibilitat gleitzeit",
           "flexible working hours", "flexibele werktijden", "flexible Arbeitszeiten"),
    _topic("visa", Intent.REQUIREMENTS,
           "visa visum visas permit verblijfsvergunning aufenthaltstitel aufenthaltserlaubnis "
           "immigration immigratie sponsorship",
           "work_permit residence_permit",
           "visa visum permit verblijfsvergunning aufenthaltstitel immigration sponsor "
           "international",
           "a visa or work permit", "een visum of werkvergunning",
           "ein Visum oder eine Arbeitserlaubnis"),
    _topic("housing", Intent.OVERVIEW,
           "housing accommodation accomodation apartment apartments huisvesting woning kamer "
           "wohnung wohnungen unterkunft wohnheim dorm dormitory",
           "place_to to_live",
           "housing accommodation apartment room huisvesting woning kamer wohnung unterkunft "
           "wohnheim dorm sshn expatdesk",
           "housing", "huisvesting", "eine Unterkunft"),
    _topic("vacation", Intent.OVERVIEW,
           "vacation vakantiedagen verlofdagen urlaubstage vakantie-uren vakantieuren "
           "verlofuren",
           "vacation_days holiday_days leave_days days_off days_of",
           "vacation vakantiedagen verlof urlaub urlaubstage holiday leave days hours vakantie "
           "uur uren",
           "vacation days", "vakantiedagen", "Urlaubstage"),
    _topic("places", Intent.OVERVIEW,
           "",
           "many_positions many_students many_places many_candidates many_people many_phds "
           "many_postdocs many_openings number_of hoeveel_plekken hoeveel_plaatsen "
           "hoeveel_posities hoeveel_studenten viele_stellen viele_platze viele_studenten "
           "viele_positionen anzahl_der",
           "positions position places students student candidates two three several number "
           "zwei drei twee drie",
           "how many places there are", "hoeveel plekken er zijn", "wie viele Stellen es gibt"),
    _topic("family", Intent.OVERVIEW,
           "childcare daycare kita kindergarten kinderopvang creche nursery toddler toddlers "
           "kids kinder kinderbetreuung",
           "child_care",
           "childcare child care daycare kita kindergarten kinderopvang nursery family famili "
           "familie gezin parental",
           "childcare and family support", "kinderopvang en gezin", "Kinderbetreuung und Familie"),
    _topic("relocation", Intent.SALARY,
           "relocation relocate verhuiskosten umzug umzugskosten moving",
           "moving_costs",
           "relocation relocate moving verhuiskosten umzug",
           "relocation support", "verhuisvergoeding", "Umzugskosten"),
    _topic("teaching", Intent.OVERVIEW,
           "teaching onderwijs lehre lehrverpflichtung lehrtatigkeit",
           "teaching_duties",
           "teaching teach onderwijs lehre",
           "teaching duties", "onderwijstaken", "Lehrverpflichtungen"),
    _topic("funding", Intent.SALARY,
           "funded funding fellowship fellowships scholarship scholarships stipendium beurs "
           "financiering finanzierung",
           "fully_funded",
           "funded funding fellowship scholarship stipendium beurs financiering finanzierung "
           "grant fwo",
           "funding", "financiering", "die Finanzierung"),
    _topic("wet_lab", Intent.REQUIREMENTS,
           "wet-lab nattlabor",
           "wet_lab lab_work",
           "wet lab laboratory",
           "wet-lab work", "natte-labwerk", "Laborarbeit"),
)

_BY_WORD: dict[str, list[Topic]] = {}
_BY_PAIR: dict[tuple[str, str], list[Topic]] = {}
for _t in TOPICS:
    for _w in _t.words:
        _BY_WORD.setdefault(_w, []).append(_t)
    for _p in _t.pairs:
        _BY_PAIR.setdefault(_p, []).append(_t)


@dataclass(frozen=True, slots=True)
class Asked:
    topic: Topic
    words: tuple[str, ...]  # the message words that named it


def topics_in(text: str) -> tuple[Asked, ...]:
    """The practical topics a message asks about, in order, each once."""
    return topics_in_words(tuple(tokens(fold(text))))


@lru_cache(maxsize=4096)
def topics_in_words(message: tuple[str, ...]) -> tuple[Asked, ...]:
    """The practical topics a message's folded words ask about, in order, each once."""
    toks = list(message)
    topics: dict[str, Topic] = {}
    said: dict[str, list[str]] = {}
    toks = [p for t in toks for p in ([t, *t.split("-")] if "-" in t else [t])]
    for i, word in enumerate(toks):
        pair = (word, toks[i + 1]) if i + 1 < len(toks) else None
        hits = [(t, list(pair)) for t in _BY_PAIR.get(pair, ())] if pair else []
        hits += [(t, [word]) for t in _BY_WORD.get(word, ())]
        for t, words in hits:
            topics.setdefault(t.key, t)
            said.setdefault(t.key, []).extend(w for w in words if w not in said[t.key])
    return tuple(Asked(t, tuple(said[k])) for k, t in topics.items())
