"""What a user says of themselves: "I only have a bachelor in physics", "ik spreek geen
Nederlands", "ich komme aus Indien", "I'm 29", "no degree but 5 yrs of django experience".

Such words describe the applicant, not the vacancy: they never name one, and a message that
has them and asks whether it may apply is an eligibility question, answered with the page's
requirement about that very thing. Each language's words are in `lang/<code>/query.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

import lang
from bot.phrasing import Phrases
from knowledge.keywords import is_term
from knowledge.positions import Mention

Q = lang.QUERY
_HOLDER = frozenset(Q.holder)
_DEGREE_AFTER = frozenset(Q.degree_after)
_DEGREES = frozenset(Q.degrees)
_ENOUGH = frozenset(Q.enough)
_NEED = frozenset(Q.need)
_YOU = frozenset(Q.you)
_FIELD_STOP = frozenset(Q.field_stop)
_OWN_DEGREE = frozenset(Q.own_degree)
_DEGREE_OPENERS = _HOLDER | frozenset(Q.articles) | frozenset(Q.negations) | frozenset(
    "een geen mijn einen keinen meinen einem a an my no hold have".split())
_LANGUAGES = frozenset(Q.languages)
# "does the lab have a PhD position?": a degree before a word for a vacancy is a kind asked for
_POSITION_NOUNS = frozenset(Q.post_nouns + Q.plural_nouns + Q.open_nouns) - _DEGREES
_SPEAK = frozenset(Q.speak)
_EXPERIENCE = frozenset(Q.experience)
_YEARS = frozenset(Q.years)
_PROFESSIONS = frozenset(Q.professions)
# per language: the phrases that say "I am" and those that state something of the user
_SELF = {code: (Phrases(q.i_am), Phrases(q.i_say)) for code, q in lang.QUERY_BY_LANG.items()}
_ORIGIN = Phrases(Q.origin)
_FUNDING = Phrases(Q.funding)
_AGE = Phrases(Q.age)
_STUDY = Phrases(Q.study)
_LACKING = Phrases(Q.lacking)
_OF = frozenset(Q.with_words)


@dataclass(frozen=True, slots=True)
class AboutMe:
    words: tuple[str, ...] = ()  # what the user said of themselves: "bachelor", "physics"
    traits: frozenset[str] = frozenset()  # degree, field, language, origin, experience, ...
    skills: tuple[str, ...] = ()  # "django": may also tell vacancies apart
    mentions: tuple[int, ...] = ()  # the kind mentions that are degrees held, not asked for
    lacks: tuple[str, ...] = ()  # what the user says they have not got: "first", "author"

    def __bool__(self) -> bool:
        return bool(self.words or self.traits)


NOBODY = AboutMe()


def about_me(words: tuple[str, ...], found: list[Mention], code: str = "en") -> AboutMe:
    """What `words` (a message's folded words, in language `code`) say of the user; `found`
    are the message's mentions of kinds of position, some of which may be a degree held.
    ("im" is "I'm" in an English message and "in the" in a German one.)"""
    i_am, i_say = _SELF.get(code, _SELF["en"])
    said: list[str] = []
    traits: set[str] = set()
    own = _degrees_held(words, found, said)
    if own:
        traits.add("degree")
    words = tuple(p for w in words for p in ((w,) if "-" not in w else (w, *w.split("-"))))
    for i, w in enumerate(words):
        if w in _OWN_DEGREE and i:  # "a medical degree", "an hbo degree", "no degree"
            opened = words[i - 1] in _DEGREE_OPENERS
            field = words[i - 1] if not opened and i > 1 and words[i - 2] in _DEGREE_OPENERS \
                else ""
            if opened or field:
                said.append(field if field and is_term(field) else "degree")
                traits.add("degree")
        elif w in _LANGUAGES and _SPEAK & set(words[max(0, i - 3) : i + 3]):
            said.append(w)  # "i speak no dutch", "muss ich Niederländisch können?"
            traits.add("language")
        elif w in _PROFESSIONS and i and i_am.within(words, i - 3, 3):
            said.append(w)
            traits.add("profession")
    skills = _experience(words)
    if skills is not None:
        said += ["experience", *skills]
        traits.add("experience")
    for table, trait in ((_ORIGIN, "origin"), (_FUNDING, "funding"), (_AGE, "age"),
                         (_STUDY, "field")):  # "ich studiere Geoinformatik"
        for span in table.find(words):
            traits.add(trait)
            said += [w for w in words[span.start : span.end + 2] if is_term(w)][:3]
    if i_am.within(words, 0, len(words)) and any(w.isdigit() and 14 < int(w) < 90
                                                 for w in words if len(w) <= 2):
        traits.add("age")  # "i'm 29"
    lacks: list[str] = []
    if i_say.within(words, 0, len(words)):
        traits.add("self")  # "i live in Cologne", "ik heb twee kinderen": about the user
        lacks = _lacking(words)
        said += lacks
    return AboutMe(tuple(dict.fromkeys(said)), frozenset(traits), tuple(skills or ()),
                   tuple(own), tuple(dict.fromkeys(lacks)))


def _degrees_held(words: tuple[str, ...], found: list[Mention], said: list[str]) -> list[int]:
    """The mentions of a degree the user holds ("with a master", "i only have a bachelor",
    "bachelor student", "met een master geneeskunde", "is a bachelor enough?") — not a kind
    asked for ("do you have a phd on ..."); the degree and its field go into `said`."""
    own: list[int] = []
    for n, m in enumerate(found):
        word = words[m.start]
        if word not in _DEGREES:
            continue
        before = set(words[max(0, m.start - 3) : m.start])
        after = words[m.end] if m.end < len(words) else ""
        enough = set(words[m.end : m.end + 2]) & _ENOUGH
        asking = set(words[max(0, m.start - 4) : m.start]) & _YOU
        needed = bool(before & _NEED)  # "do I need a PhD for the physicist job?"
        offered = after in _POSITION_NOUNS  # "does the lab have PhD positions?"
        held = before & _HOLDER and not asking and not offered
        if held or after in _DEGREE_AFTER or enough or needed:
            own.append(n)
            said.append(word)
            field = next((w for w in words[m.end : m.end + 3] if w not in _FIELD_STOP), "")
            if field.isalpha() and is_term(field):
                said.append(field)  # the field: "a bachelor in physics"
    return own


def _lacking(words: tuple[str, ...]) -> list[str]:
    """What a user who speaks of themselves says they have not got: "(I did a PhD but)
    have no first-author paper" -> ["first", "author", "paper"]: the words that follow, up
    to one that is neither a content word nor "in", "with" ("... experience in R")."""
    said: list[str] = []
    for span in _LACKING.find(words):
        for w in words[span.end : span.end + 5]:
            if is_term(w):
                said.append(w)
            elif w not in _OF:
                break
    return said


def _experience(words: tuple[str, ...]) -> list[str] | None:
    """"5 yrs of django and vuejs experience" -> ["django", "vuejs"]; None without one."""
    for i, w in enumerate(words):
        if not (w.rstrip("+").isdigit() and i + 1 < len(words) and words[i + 1] in _YEARS):
            continue
        for j in range(i + 2, min(len(words), i + 8)):
            if words[j] in _EXPERIENCE:
                return [x for x in words[i + 2 : j] if is_term(x)]
    return None
