"""What a vacancy is known by — the terms a user types to name it — computed once at ingest.

Two kinds of evidence, both as Snowball stems (`knowledge.textnorm.stem`), so the page and
the message meet whatever their inflection or language:

- **names**: stem -> weight, from the fields that name a vacancy: title, id, people (full,
  first and last names), groups and labs, places, acronyms and codes (PANCAIM, CIR/06/2023),
  tags, description. Kept in memory by the knowledge base (`KnowledgeBase.index`).
- **text**: the stems of the title, the names and the whole body, for the full-text index
  (SQLite FTS5 with `bm25()` column weights) that finds a vacancy by what its body is about.

Kinds of position (PhD, postdoc, ...) are left out of both: they are a constraint the router
applies, never a word that names one vacancy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from knowledge.facts.contacts import strip_titles, titled_names
from knowledge.facts.dates import calendar_words
from knowledge.facts.gazetteer import gazetteer
from knowledge.model import FactKind, Vacancy
from knowledge.positions import kind_of_word
from knowledge.textnorm import STOPWORDS, parts, stem, tokens

# Words of the vacancy domain that never tell one vacancy from another.
NON_TOPIC = frozenset(
    """position positions vacancy vacancies vacature vacatures stelle stellen job jobs
    candidate candidates kandidat kandidaten opening openings offer offers opportunity
    opportunities apply application applications project projects projekt projekte
    researcher researchers research onderzoek forschung team group groep gruppe
    new open closed available looking seeking hiring career careers karriere loopbaan""".split()
)
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,9}\b")
_ACRONYM_STOP = frozenset(
    "AI PHD MSC BSC CV PDF MD PD EU UK USA CT MR MRI DL ML IT OR AND THE GPU GPUS MB FTE".split())

# How strongly a field names its vacancy, relative to the body (1.0).
WEIGHTS = {"title": 3.0, "code": 3.5, "id": 2.5, "id_part": 1.8, "acronym": 2.5, "group": 2.5,
           "person": 2.5, "place": 2.0, "heading": 2.0, "description": 1.5, "tag": 1.5,
           "proper": 1.4}
PROPER_WEIGHT = WEIGHTS["proper"]  # told apart by the resolver: a name only when rare


SKELETON = "~"  # index keys of a handle written without vowels: "~bckr" for "bckrlab"
SKELETON_MIN = 4
_VOWELS = frozenset("aeiouy")


def skeleton(word: str) -> str:
    """A name without its vowels, as handles write it: "becker" -> "bckr"."""
    return "".join(ch for ch in word if ch not in _VOWELS)


@lru_cache(maxsize=65536)
def is_term(word: str) -> bool:
    """A folded word that can name a vacancy: no stop word, no domain filler, no kind."""
    return (len(word) > 1 and word not in STOPWORDS and word not in NON_TOPIC
            and kind_of_word(word) is None and not (word.isdigit() and len(word) < 4))


_TERMS: dict[str, tuple[str, ...]] = {}  # folded token -> its terms (itself, its parts)
_TERMS_MAX = 200_000  # tokens remembered; the cache is emptied beyond (memory stays flat)


def _token_terms(token: str) -> tuple[str, ...]:
    pieces = parts(token)
    found = (token, *pieces) if len(pieces) > 1 else (token,)
    return tuple(stem(w) for w in found if is_term(w))


def terms(text: str) -> list[str]:
    """The stems of the words of `text` (all of it) that can name a vacancy, in order: each
    token and the parts of a joined one ("tv-l": "tv-l", "tv", "l"), read once per distinct
    token."""
    return terms_of(tokens(text, limit=None))


def terms_of(words: Iterable[str]) -> list[str]:
    """`terms` of a text's folded words (`knowledge.textnorm.tokens`)."""
    out: list[str] = []
    cache = _TERMS
    for token in words:
        hit = cache.get(token)
        if hit is None:
            if len(cache) >= _TERMS_MAX:
                cache.clear()
            hit = cache[token] = _token_terms(token)
        if hit:
            out.extend(hit)
    return out


@dataclass(frozen=True, slots=True)
class IndexText:
    names: dict[str, float]  # stem -> weight
    entities: tuple[str, ...]  # stems of the people, groups and places it names
    title: str  # stems, space-separated, for the full-text index
    names_text: str
    body: str


def _acronyms(text: str) -> list[str]:
    return [a for a in _ACRONYM.findall(text) if a not in _ACRONYM_STOP]


# A capitalised word inside a sentence ("please contact Yulia", "the MICROMICS project").
_MID_CAPITAL = re.compile(r"(?<=[a-zß-ÿ0-9,;:)] )[A-ZÀ-Þ][a-zß-ÿ]+(?:[A-ZÀ-Þ][a-zß-ÿ]+)*\b")
_LOWER_WORD = re.compile(r"\b[a-zß-ÿ][a-zß-ÿ]+\b")


def proper_names(text: str) -> list[str]:
    """Words an English or Dutch text writes with a capital inside its sentences and never
    in lower case: names of people, places and projects ("Yulia", "Leuven"), not the common
    words that open a sentence, nor months and weekdays. (German capitalises every noun: its
    pages give none.)"""
    capital = _MID_CAPITAL.findall(text)
    if not capital:
        return []
    lower = set(_LOWER_WORD.findall(text)) | calendar_words()  # "January", "Friday"
    return [w for w in dict.fromkeys(capital) if len(w) >= 3 and w.lower() not in lower]


def index_text(v: Vacancy) -> IndexText:
    """Everything the resolver needs to know about how `v` may be named."""
    weights: dict[str, float] = {}

    def add(text: str, weight: float) -> list[str]:
        found = terms(text)
        for t in found:
            weights[t] = max(weights.get(t, 0.0), weight)
        return found

    title = add(v.title, WEIGHTS["title"])
    ids = add(v.id.replace("_", " ").replace("-", " "), WEIGHTS["id"])
    for token in ids:  # "lmkoch" (a site's owner in the file name) is "Koch"'s lab
        if len(token) >= 6 and token.isalpha():
            for cut in range(1, len(token) - 3):
                suffix = token[cut:]
                weights.setdefault(suffix, WEIGHTS["id_part"])
            if sum(ch in _VOWELS for ch in token) <= 1:  # "bckrlab": Becker's lab
                for cut in range(SKELETON_MIN, len(token)):
                    weights.setdefault(SKELETON + token[:cut], WEIGHTS["id_part"])
    add(v.description, WEIGHTS["description"])
    names: list[str] = []
    for t in v.tags:
        names += add(t, WEIGHTS["tag"])
    entities: list[str] = []  # what the page's site may be known by
    for g in v.groups:
        entities += add(g, WEIGHTS["group"]) + add(g.replace("-", ""), WEIGHTS["group"])
    people = list(v.people) + [f.value for f in v.facts_of(FactKind.CONTACT_PERSON)]
    body_text = "\n".join(s.text for s in v.sections)
    for p in dict.fromkeys(people + titled_names(body_text)):  # "... of Prof. Dr. Lucie Flek"
        names += add(p, WEIGHTS["person"])
        entities += terms(strip_titles(p))
    located = bool(v.facts_of(FactKind.LOCATION))
    for f in v.facts:
        if f.kind is FactKind.EMAIL:  # "alexandre.gramfort@inria.fr": a person's name
            local = f.value.split("@")[0]
            parts = [p for p in re.split(r"[._-]", local) if p.isalpha() and len(p) > 2]
            if len(parts) >= 2:
                entities += add(" ".join(parts), WEIGHTS["person"])
        if f.kind in (FactKind.REFERENCE, FactKind.SUBJECT_LINE):
            names += add(f.value, WEIGHTS["code"])
        elif f.kind in (FactKind.LOCATION, FactKind.INSTITUTION):
            entities += add(f.value, WEIGHTS["place"])
            city = gazetteer().city(f.value) if f.kind is FactKind.LOCATION else None
            if city is not None:  # "München" is also "Munich", and it is in "Germany"
                entities += add(f"{city.name} {city.country}", WEIGHTS["place"])
        elif f.kind is FactKind.APPLY_URL and not located:  # where the page does not say,
            for city in gazetteer().in_host(f.value):  # "jobs.uni-rostock.de" does: Rostock
                entities += add(f"{city.name} {city.country}", WEIGHTS["place"])
    for sec in v.sections:  # "## Geo Expertise Center": what a part of the page is about
        if sec.heading and len(sec.heading) < 80:
            names += add(sec.heading, WEIGHTS["heading"])
    names += entities
    for acronym in dict.fromkeys(_acronyms(v.title) + _acronyms(body_text)):
        names += add(acronym, WEIGHTS["acronym"])
    if v.language != "de":
        for name in proper_names(body_text):
            names += add(name, WEIGHTS["proper"])
    return IndexText(
        names={k: round(w, 2) for k, w in weights.items()},
        entities=tuple(dict.fromkeys(entities)),
        title=" ".join(title),
        names_text=" ".join(names),
        body=" ".join(terms_of(v.words) if v.words else terms(f"{v.description}\n{body_text}")),
    )
