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
    "The Hague", "Den Haag", "Apeldoorn", "Wageningen", "Bonn", "Munich", "München", "Berlin",
    "Heidelberg", "Aachen", "Cologne", "Köln", "Hamburg", "Frankfurt", "Dresden", "Tübingen",
    "Düsseldorf", "Essen", "Lübeck", "Bremen", "Leipzig", "Marburg", "Rostock", "Hagen",
    "Freiburg", "Jülich", "Halle", "Potsdam", "Darmstadt", "Stuttgart", "Karlsruhe",
    "Mannheim", "Göttingen", "Jena", "Würzburg", "Erlangen", "Regensburg", "Konstanz", "Ulm",
    "Bochum", "Dortmund", "Münster", "Bielefeld", "Hannover", "Kiel", "Oldenburg",
    "Magdeburg", "Chemnitz", "Mainz", "Saarbrücken", "Gießen", "Kassel", "Siegen", "Paderborn",
    "Bayreuth", "Passau", "Augsburg", "Wuppertal", "Duisburg", "Greifswald", "Ilmenau",
    "Antwerp", "Leuven", "Ghent", "Gent", "Brussels", "Liège", "Luxembourg", "Zurich", "Zürich",
    "Basel", "Bern", "Geneva", "Lausanne", "Vienna", "Wien", "Graz", "Innsbruck", "Linz",
    "Salzburg", "Prague", "Praha", "Copenhagen", "Aarhus", "Stockholm", "Uppsala", "Lund",
    "Gothenburg", "Oslo", "Helsinki", "Paris", "Saclay", "Lyon", "Grenoble", "Toulouse",
    "Marseille", "Nice", "Bordeaux", "Lille", "Strasbourg", "Rennes", "Milan", "Turin",
    "Padova", "Padua", "Pisa", "Rome", "Bologna", "Trento", "Florence", "Naples", "L'Aquila",
    "Trieste", "Genoa", "Madrid", "Barcelona", "Valencia", "Lisbon", "Porto", "Warsaw",
    "Krakow", "Budapest", "Ljubljana", "Zagreb", "London", "Oxford", "Cambridge",
    "Edinburgh", "Glasgow", "Manchester", "Bristol", "Dublin", "Toronto", "Montreal",
    "Montréal", "Vancouver", "Boston", "New York", "Stanford", "Seattle", "Pittsburgh",
    "Tokyo", "Singapore", "Sydney", "Melbourne",
)
_CITY = "|".join(re.escape(c).replace("'", "['’]") for c in CITIES)
_LOCATED = re.compile(
    r"\b(?:located|based|situated|gevestigd|ansässig|sitz|campus|work(?:ing)?|position\s+is|"
    r"office|lab\s+is|liegt|standort)\b[^.;]{0,40}?\b(?:in|at|te|im|am)\s+(?:the\s+(?:city\s+of\s+)?)?"
    rf"(?:[A-Z][\w-]*\s+){{0,5}}?(?P<c>{_CITY})\b"
    rf"|\b(?P<d>{_CITY})\s*(?:,\s*|\()\s*(?:the\s+)?(?:netherlands|germany|deutschland|nederland|"
    r"belgium|belgië|italy|italia|france|austria|switzerland|czechia|czech\s+republic|canada|"
    r"uk|united\s+kingdom|sweden|denmark|spain|portugal)",
    re.I,
)
# A university or institute named after its city: "Ruprecht-Karls-Universität Heidelberg",
# "Universität der Bundeswehr München", "University of Tübingen", "KU Leuven", "TU Dresden"
_INSTITUTION_CITY = re.compile(
    r"\b(?:universit(?:y|ät|eit|à|é)|uni|hochschule|fachhochschule|tu|ku|fh|college|"
    r"institut[e]?|klinikum|umc|hospital|ziekenhuis|zentrum|center|centre|school)\b"
    rf"(?:\s+(?:of|der|des|van|für|for|di|de)(?:\s+(?:the\s+)?[A-Z][\w-]*){{0,3}})?\s+"
    rf"(?:in\s+)?(?P<c>{_CITY})\b"
    rf"|\b(?P<d>{_CITY})\s+(?:university|universität|universiteit|university\s+hospital)\b",
    re.I,
)
# where a thing is done together, or a list of examples — not where the job is
_COLLABORATION = re.compile(
    r"(?:collaborat\w*|cooperat\w*|samenwerking|zusammenarbeit|kooperation|partners?|"
    r"together\s+with|joint(?:ly)?|gemeinsam\s+mit|in\s+cooperation|network\w*|netzwerk\w*|"
    r"netwerk\w*|including|e\.\s?g\.|such\s+as|like|z\.\s?b\.|zoals|wie\s+z|"
    r"less\s+than|away|hours?\s+from)\b",
    re.I)


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
# the words of a sentence looked up in a table, rather than one pattern per city
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LOWER_CITY: dict[str, str] = {}
for _c in CITIES:
    _LOWER_CITY[_c.lower().replace("’", "'")] = _c
    _LOWER_CITY[_c.lower().split("'")[-1]] = _c  # "aquila" of "L’Aquila"


_CITY_WORDS = frozenset(w for key in _LOWER_CITY for w in key.split())


def _cities(low: str) -> list[tuple[str, int, int]]:
    """(city, start, end) of each known city named in lower-cased text."""
    if _CITY_WORDS.isdisjoint(_WORD.findall(low.replace("’", "'"))):
        return []  # most sentences: one C-level pass and a set test
    words = [(m.group(0).replace("’", "'"), m.start(), m.end()) for m in _WORD.finditer(low)]
    out: list[tuple[str, int, int]] = []
    for i, (w, a, b) in enumerate(words):
        if i + 1 < len(words) and (two := f"{w} {words[i + 1][0]}") in _LOWER_CITY:
            out.append((_LOWER_CITY[two], a, words[i + 1][2]))
        elif w in _LOWER_CITY:
            out.append((_LOWER_CITY[w], a, b))
    return out


_AMBIGUOUS_CITIES = frozenset({"Nice", "Halle", "Essen", "Hagen", "Bern", "Porto"})
_POSITION_WORDS = ("position", "vacanc", "looking for", "seeking", "offer", "hiring", "recruit",
                   "zoek", "such", "vergeben", "posities", "plekken", "stellen", "plaatsen",
                   "projects")


def institutions(sentences: Sequence[Sentence]) -> list[Fact]:
    """INSTITUTION facts, the most mentioned first (ties: first mentioned); a partner named
    in a collaboration is not one."""
    counts: Counter[str] = Counter()
    first: dict[str, Fact] = {}
    for s in sentences:
        if not s.has(*_INSTITUTION_WORDS) or not _ANY_INSTITUTION.search(s.text):
            continue
        for name, _city, pattern in INSTITUTIONS:
            hits = [m for m in pattern.finditer(s.text)
                    if not _COLLABORATION.search(s.text[: m.start()])]
            if hits:
                counts[name] += len(hits)
                first.setdefault(name, Fact(FactKind.INSTITUTION, name, s.section,
                                            trim(s.text)))
    order = sorted(first, key=lambda n: (-counts[n], list(first).index(n)))
    return [first[n] for n in order]


def _canon_city(city: str) -> str:
    plain_city = city.replace("’", "'").lower()
    return next((c for c in CITIES if c.lower() == plain_city), city)


def locations(sentences: Sequence[Sentence], found: Sequence[Fact]) -> list[Fact]:
    """The main institution's city, cities the page says the job is located in, a city an
    institution is named after; failing all that, the one city the page names at all."""
    out: list[Fact] = []
    if found:
        main = found[0]
        city = next(c for n, c, _ in INSTITUTIONS if n == main.value)
        out.append(Fact(FactKind.LOCATION, city, main.section, f"{main.value}: {main.detail}"))
    named: dict[str, Fact] = {}
    for s in sentences:
        gate = _cities(s.low)
        if not gate:
            continue
        for pattern in (_LOCATED, _INSTITUTION_CITY):
            for m in pattern.finditer(s.text):
                if _COLLABORATION.search(s.text[: m.start()]):
                    continue
                city = _canon_city(m.group("c") or m.group("d"))
                out.append(Fact(FactKind.LOCATION, city, s.section, trim(s.text, *m.span())))
        for name, a, b in gate:
            if name in named or name in _AMBIGUOUS_CITIES or \
                    _COLLABORATION.search(s.text[:a]):
                continue
            named[name] = Fact(FactKind.LOCATION, name, s.section, trim(s.text, a, b))
    if not out and len(named) == 1:
        out += named.values()
    return out


# "2 Postdoc and 2 PhD positions": four
_POSITIONS_SUM = re.compile(
    rf"\b(?P<a>{COUNT})\s+(?:[\w-]+\s+){{1,2}}?(?:and|und|en|&|,)\s+(?P<b>{COUNT})\s+"
    r"(?:[\w-]+\s+){1,2}?(?:positions|vacancies|stellen|posities|plekken|openings)\b", re.I)


def positions(sentences: Sequence[Sentence]) -> list[Fact]:
    out: list[Fact] = []
    for s in sentences:
        if not s.has(*_POSITION_WORDS):
            continue
        if re.search(r"consist|currently|over\s+\d|hosts|\bof\s+which\b|supervised", s.text, re.I):
            continue
        both = _POSITIONS_SUM.search(s.text)
        if both and (a := to_int(both.group("a"))) and (b := to_int(both.group("b"))):
            out.append(Fact(FactKind.POSITIONS, str(a + b), s.section, trim(s.text, *both.span())))
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
