"""Where and how many: institution, city, number of positions, open/closed status."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from knowledge.facts._text import COUNT, Sentence, to_int, trim
from knowledge.model import Fact, FactKind, Vacancy

# (canonical name, city, pattern), most specific first.
INSTITUTIONS: list[tuple[str, str, re.Pattern[str]]] = [
    ("Radboud University Medical Center", "Nijmegen", re.compile(
        r"\bRadboud\s*(?:university\s+)?(?:medical\s+cent(?:er|re)|umc)\b|\bRadboudumc\b|"
        r"\bRadboud\s+UMC\b", re.I)),
    ("Radboud University", "Nijmegen", re.compile(
        r"\bRadboud\s+Universit(?:y|eit)\b(?!\s+(?:medical|nijmegen\s+medical))", re.I)),
    ("Canisius Wilhelmina Ziekenhuis (CWZ)", "Nijmegen", re.compile(
        r"\bCanisius[\s-]+Wilhelmina|\bCWZ\b")),
    ("Sint Maartenskliniek", "Nijmegen", re.compile(r"\bSint\s+Maartenskliniek", re.I)),
    ("Amsterdam UMC", "Amsterdam", re.compile(r"\bAmsterdam\s+UMC\b|\bAMC\b|\bVUmc\b")),
    ("University of Amsterdam", "Amsterdam", re.compile(
        r"\bUniversity\s+of\s+Amsterdam\b|\bUvA\b|Universiteit\s+van\s+Amsterdam")),
    ("UMC Utrecht", "Utrecht", re.compile(r"\bUMC\s+Utrecht\b|University\s+Medical\s+Cent(?:er|re)"
                                          r"\s+Utrecht", re.I)),
    ("University Medical Center Groningen", "Groningen", re.compile(
        r"\bUMCG\b|University\s+Medical\s+Cent(?:er|re)\s+Groningen", re.I)),
    ("Erasmus MC", "Rotterdam", re.compile(r"\bErasmus\s*MC\b", re.I)),
    ("Leiden University Medical Center", "Leiden", re.compile(
        r"\bLUMC\b|Leiden\s+University\s+Medical", re.I)),
    ("Maastricht UMC+", "Maastricht", re.compile(r"\bMaastricht\s+UMC|\bMUMC\b", re.I)),
    ("Jeroen Bosch Ziekenhuis", "'s-Hertogenbosch", re.compile(r"Jeroen\s+Bosch\s+Ziekenhuis",
                                                               re.I)),
    ("Eindhoven University of Technology", "Eindhoven", re.compile(
        r"Eindhoven\s+University\s+of\s+Technology|\bTU/e\b|Technische\s+Universiteit\s+Eindhoven",
        re.I)),
    ("University of Twente", "Enschede", re.compile(r"University\s+of\s+Twente|Universiteit\s+"
                                                    r"Twente", re.I)),
    ("Delft University of Technology", "Delft", re.compile(r"\bTU\s+Delft\b|Delft\s+University",
                                                           re.I)),
    ("Netherlands Cancer Institute", "Amsterdam", re.compile(
        r"Netherlands\s+Cancer\s+Institute|\bNKI\b|Antoni\s+van\s+Leeuwenhoek", re.I)),
    ("University Hospital Bonn", "Bonn", re.compile(
        r"University\s+Hospital\s+(?:of\s+)?Bonn|Universitätsklinikum\s+Bonn|\bUKB\b", re.I)),
    ("University of Bonn", "Bonn", re.compile(r"University\s+of\s+Bonn|Universität\s+Bonn", re.I)),
    ("Technical University of Munich", "Munich", re.compile(
        r"Technical\s+University\s+(?:of\s+)?Munich|Technische\s+Universität\s+München|\bTUM\b",
        re.I)),
    ("Helmholtz Munich", "Munich", re.compile(r"Helmholtz\s+(?:Munich|München|Zentrum\s+München)",
                                              re.I)),
]
CITIES = (
    "Nijmegen", "Amsterdam", "Eindhoven", "Utrecht", "Rotterdam", "Leiden", "Groningen",
    "Maastricht", "Enschede", "Delft", "Tilburg", "Arnhem", "'s-Hertogenbosch", "Den Bosch",
    "The Hague", "Den Haag", "Bonn", "Munich", "München", "Berlin", "Heidelberg", "Aachen",
    "Cologne", "Köln", "Hamburg", "Frankfurt", "Dresden", "Tübingen", "Düsseldorf", "Essen",
    "Lübeck", "Bremen", "Antwerp", "Leuven", "Ghent", "Brussels",
)
_CITY = "|".join(re.escape(c) for c in CITIES)
_LOCATED = re.compile(
    r"\b(?:located|based|situated|gevestigd|ansässig|sitz|campus|work(?:ing)?|position\s+is|"
    r"office|lab\s+is|liegt|standort)\b[^.;]{0,40}?\b(?:in|at|te|im|am)\s+(?:the\s+(?:city\s+of\s+)?)?"
    rf"(?:[A-Z][\w-]*\s+){{0,5}}?(?P<c>{_CITY})\b"
    rf"|\b(?P<d>{_CITY})\s*(?:,\s*|\()\s*(?:the\s+)?(?:netherlands|germany|deutschland|nederland)",
    re.I,
)

_POSITION_NOUN = (
    r"(?:ph\.?\s?d\.?|postdoc(?:toral)?|post-doc|doctoral|msc|master|research|engineer|"
    r"developer|student|promovendi|promovendus|doktorand(?:en)?|candidate)"
)
_POSITIONS = [
    re.compile(
        rf"\b(?P<n>{COUNT})\s+(?:(?:new|open|vacant|fully[- ]funded|funded|exciting|"
        rf"available|full[- ]time)\s+)*(?:{_POSITION_NOUN}[\s-]*)*(?:positions|vacancies|"
        r"posities|plekken|stellen|promotieplaatsen|projects)\b",
        re.I,
    ),
    re.compile(
        r"\b(?:looking\s+for|seeking|offering|offer|hiring|recruit(?:ing)?|zoeken|zoekt|suchen|"
        rf"sucht|vergeben|have)\s+(?P<n>{COUNT})\s+(?:(?:highly|very|motivated|talented|"
        r"enthusiastic|excellent|creative|ambitious|new|open|and|,)\s+)*"
        rf"(?:{_POSITION_NOUN}s?[\s-]*){{1,2}}(?:candidates|students|researchers|positions|"
        r"engineers|developers|postdocs|s)?\b",
        re.I,
    ),
]


_ANY_INSTITUTION = re.compile("|".join(f"(?:{p.pattern})" for _, _, p in INSTITUTIONS), re.I)
_INSTITUTION_WORDS = (
    "radboud", "canisius", "cwz", "maartens", "amsterdam", " amc", "vumc", "uva ", "uva)",
    "utrecht", "umcg", "groningen", "erasmus", "lumc", "leiden", "maastricht", "mumc",
    "jeroen bosch", "eindhoven", "tu/e", "twente", "delft", "cancer institute", "nki",
    "leeuwenhoek", "bonn", "ukb", "munich", "münchen", "tum)", "tum ", "helmholtz",
)
_CITIES_LOW = tuple(c.lower() for c in CITIES)
_POSITION_WORDS = ("position", "vacanc", "looking for", "seeking", "offer", "hiring", "recruit",
                   "zoek", "such", "vergeben", "posities", "plekken", "stellen", "plaatsen",
                   "projects")


def institutions(sentences: Sequence[Sentence]) -> list[Fact]:
    """INSTITUTION facts, the most mentioned first (ties: first mentioned)."""
    counts: Counter[str] = Counter()
    first: dict[str, Fact] = {}
    for s in sentences:
        if not s.has(*_INSTITUTION_WORDS) or not _ANY_INSTITUTION.search(s.text):
            continue
        for name, _city, pattern in INSTITUTIONS:
            hits = pattern.findall(s.text)
            if hits:
                counts[name] += len(hits)
                first.setdefault(name, Fact(FactKind.INSTITUTION, name, s.section,
                                            trim(s.text)))
    order = sorted(first, key=lambda n: (-counts[n], list(first).index(n)))
    return [first[n] for n in order]


def locations(sentences: Sequence[Sentence], found: Sequence[Fact]) -> list[Fact]:
    """The main institution's city, then cities the page says the job is located in."""
    out: list[Fact] = []
    if found:
        main = found[0]
        city = next(c for n, c, _ in INSTITUTIONS if n == main.value)
        out.append(Fact(FactKind.LOCATION, city, main.section, f"{main.value}: {main.detail}"))
    for s in sentences:
        if not s.has(*_CITIES_LOW):
            continue
        for m in _LOCATED.finditer(s.text):
            city = m.group("c") or m.group("d")
            canon = next((c for c in CITIES if c.lower() == city.lower()), city)
            out.append(Fact(FactKind.LOCATION, canon, s.section, trim(s.text, *m.span())))
    return out


def positions(sentences: Sequence[Sentence]) -> list[Fact]:
    out: list[Fact] = []
    for s in sentences:
        if not s.has(*_POSITION_WORDS):
            continue
        if re.search(r"consist|currently|over\s+\d|hosts|\bof\s+which\b|supervised", s.text, re.I):
            continue
        for pattern in _POSITIONS:
            m = pattern.search(s.text)
            if m:
                n = to_int(m.group("n"))
                if n and 1 <= n <= 20:
                    out.append(Fact(FactKind.POSITIONS, str(n), s.section,
                                    trim(s.text, *m.span())))
                    break
    return out


def status(v: Vacancy) -> Fact:
    return Fact(FactKind.STATUS, v.status, -1, "closed: true" if v.closed else "closed: false")


def extract(v: Vacancy, sentences: Sequence[Sentence]) -> list[Fact]:
    """INSTITUTION, LOCATION, POSITIONS and STATUS facts."""
    found = institutions(sentences)
    return found + locations(sentences, found) + positions(sentences) + [status(v)]
