"""Front-matter fields by meaning: ONE synonym table for every site's templates.

Sites name the same thing many ways — ``deadline``, ``appldate``, ``closing-date``,
``Bewerbungsschluss``, ``sluitingsdatum`` — so every header key is looked up (lower case,
without ``-``, ``_`` and spaces) in `SYNONYMS` and read by its meaning, never by per-site
code. `fields_by_meaning` returns, per meaning, the values found with their key and line.

Also here: the text of Hugo Blox / Wowchemy landing-page blocks (``sections: - block:
markdown, content: {title, text}``), which is the page's body when the page has none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from knowledge.markup import clean_inline
from knowledge.textnorm import tokens

# meaning -> header keys (folded: lower case, no "-", "_" or spaces). First match wins for
# single-valued meanings; order within a tuple is the order of preference.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": ("title", "linktitle", "jobtitle", "positiontitle", "headline", "navtitle"),
    "name": ("name",),  # the last resort for a title: often a slug ("job-single-4")
    "description": ("description", "summary", "excerpt", "abstract", "subtitle", "lead",
                    "teaser", "intro", "lede"),
    "published": ("date", "publishdate", "published", "pubdate", "posted", "dateposted"),
    "expires": ("publishuntil", "expirydate", "expires", "expiry", "unpublish", "validthrough",
                "expiresat", "enddisplay"),
    "deadline": ("deadline", "appldate", "applicationdeadline", "applydeadline", "applyby",
                 "applicationdate", "closingdate", "closing", "closes", "closedate", "duedate",
                 "due", "until", "bewerbungsschluss", "bewerbungsfrist", "einsendeschluss",
                 "frist", "sluitingsdatum", "reagerentot", "reagerenvoor", "uiterstereactie",
                 "deadlinedate"),
    "start": ("startdate", "start", "starting", "startingdate", "begin", "beginn",
              "begindate", "eintritt", "eintrittsdatum", "startdatum", "aanvang",
              "ingangsdatum", "datebegin"),
    "end": ("enddate", "end", "ende", "einddatum", "dateend", "finish", "finishdate"),
    "duration": ("duration", "length", "period", "contractduration", "contractlength",
                 "laufzeit", "dauer", "befristung", "vertragslaufzeit", "looptijd", "duur",
                 "contractduur", "term"),
    "hours": ("hours", "workinghours", "workingtime", "worktime", "arbeitszeit", "umfang",
              "stundenumfang", "werktijd", "uren", "urenperweek", "fte", "employment",
              "beschaeftigungsumfang", "beschäftigungsumfang", "parttime"),
    "salary": ("salary", "pay", "payment", "paygrade", "salarygrade", "salaryscale", "scale",
               "grade", "remuneration", "compensation", "stipend", "funding", "wage",
               "statementofpayment", "vergütung", "verguetung", "entgelt", "entgeltgruppe",
               "gehalt", "bezahlung", "tarif", "salaris", "schaal", "salarisschaal", "loon",
               "bezoldiging", "hourlyrate", "stundenlohn", "uurloon"),
    "location": ("location", "place", "city", "venue", "standort", "ort", "arbeitsort",
                 "dienstort", "einsatzort", "standplaats", "plaats", "locatie", "werklocatie",
                 "standplaatsen", "campus", "address", "adresse", "adres", "country"),
    "institution": ("institute", "institution", "organisation", "organization", "employer",
                    "university", "universität", "universitaet", "department", "faculty",
                    "einrichtung", "arbeitgeber", "instituut", "afdeling", "werkgever",
                    "company", "hostinstitution"),
    "contact": ("contact", "contacts", "contactperson", "contactpersons", "pi", "pis",
                "supervisor", "supervisors", "advisor", "advisors", "adviser",
                "principalinvestigator", "responsible", "ansprechpartner",
                "ansprechpartnerin", "ansprechperson", "kontakt", "betreuer", "betreuerin",
                "betreuung", "contactpersoon", "begeleider", "begeleiders", "promotor",
                "host", "mentor"),
    "email": ("email", "mail", "contactemail", "emailaddress", "contactmail", "mailto",
              "kontaktemail", "emailadres", "applyemail", "applicationemail"),
    "apply": ("applyurl", "applicationurl", "applylink", "applicationlink", "apply",
              "applicationform", "bewerbungslink", "bewerbung", "sollicitatielink",
              "solliciteren", "jobposting", "jobpostingurl", "joburl"),
    "positions": ("positions", "openings", "vacancies", "numberofpositions",
                  "numpositions", "nrpositions", "anzahl", "anzahlstellen", "aantal",
                  "aantalplaatsen", "count", "seats"),
    "reference": ("reference", "ref", "refnumber", "referencenumber", "vacancyid",
                  "vacancynumber", "jobid", "jobnumber", "kennziffer", "kennzahl",
                  "vacaturenummer", "referenznummer", "ausschreibungsnummer"),
    "status": ("status", "state", "jobstatus", "positionstatus", "stellenstatus"),
    "closed": ("closed", "filled", "expired", "finished", "vergeben", "besetzt", "gesloten",
               "vervuld", "archived"),
    "open": ("open", "isopen", "available", "hiring", "vacant"),
    "draft": ("draft", "hidden", "unpublished"),
    "tags": ("tags", "tag", "categories", "category", "labels", "keywords", "jobcategory",
             "kategorie", "kategorien", "categorie"),
    "type": ("type", "kind", "positiontype", "jobtype", "level", "contracttype", "stellenart",
             "soort"),
    "language": ("lang", "language", "locale", "sprache", "taal"),
    "people": ("people",),
    "authors": ("authors", "author"),
    "groups": ("groups", "group"),
}
_MEANING: dict[str, str] = {key: meaning for meaning, keys in SYNONYMS.items() for key in keys}
# Values of status / tags that say a page is not open, in English, German and Dutch.
CLOSED_WORDS = frozenset("""closed filled expired archived archive finished inactive
    taken vergeben besetzt abgelaufen geschlossen beendet gesloten vervuld verlopen
    ingevuld""".split()) | {"no longer available", "not available", "nicht mehr verfugbar",
                             "niet meer beschikbaar"}
_TRUE = frozenset({"true", "yes", "y", "1", "on", "ja", "wahr", "waar"})
_FALSE = frozenset({"false", "no", "n", "0", "off", "nee", "nein", "", "none", "null", "~"})


_KEY_GAPS = re.compile(r"[\s_-]+")


@lru_cache(maxsize=4096)
def fold_key(key: str) -> str:
    return _KEY_GAPS.sub("", key.lower())


def meaning_of(key: str) -> str:
    """The meaning of a header key ("closing-date" -> "deadline"), or ""."""
    return _MEANING.get(fold_key(key), "")


@dataclass(frozen=True, slots=True)
class Field:
    key: str  # as written (lower case)
    value: Any  # as parsed
    line: int  # 1-based line in the file, 0 when unknown

    @property
    def text(self) -> str:
        return as_text(self.value)


def fields_by_meaning(fields: dict[str, Any], lines: dict[str, int]) -> dict[str, list[Field]]:
    """meaning -> the non-empty fields that have it, in the header's order."""
    out: dict[str, list[Field]] = {}
    for key, value in fields.items():
        meaning = meaning_of(key)
        if meaning and not is_empty(value):
            out.setdefault(meaning, []).append(Field(key, value, lines.get(key, 0)))
    for meaning, found in out.items():  # the preferred synonym first ("title" before "navtitle")
        order = SYNONYMS[meaning]
        found.sort(key=lambda f: order.index(fold_key(f.key)))
    return out


def is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, dict)):
        return not value
    return False


def as_text(value: Any) -> str:
    """A field value as one line of plain text; dates as ISO; lists joined with ", "."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(t for v in value if (t := as_text(v)))
    if isinstance(value, dict):
        return ", ".join(f"{k}: {t}" for k, v in value.items() if (t := as_text(v)))
    return clean_inline(str(value))


def as_bool(value: Any) -> bool | None:
    """True / False for a flag field, None when the value is neither."""
    if isinstance(value, bool):
        return value
    text = as_text(value).lower().strip().strip("'\"")
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


def says_closed(text: str) -> bool:
    """Does a status, category or tag value say "not open" ("closed", "vergeben")?"""
    found = tokens(text, limit=40)
    return " ".join(found) in CLOSED_WORDS or any(w in CLOSED_WORDS for w in found)


def as_date(value: Any) -> str:
    """ISO date of a date-like field value ("2023-03-25", "20.11.2020", a datetime), else ""."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = as_text(value)
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])", text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text.strip())
        if not m:
            return ""
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return ""


def block_markdown(fields: dict[str, Any]) -> str:
    """Markdown of Hugo Blox / Wowchemy landing-page blocks (``sections:`` or ``blocks:``
    lists whose items have ``content: {title, subtitle, text}``): each block a ``##``
    section. "" when the header has none."""
    out: list[str] = []
    for key in ("sections", "blocks"):
        blocks = fields.get(key)
        if not isinstance(blocks, list):
            continue
        for block in blocks:
            content = block.get("content") if isinstance(block, dict) else None
            if not isinstance(content, dict):
                continue
            title = as_text(content.get("title"))
            parts = [str(content.get(k) or "").strip() for k in ("subtitle", "text")]
            text = "\n\n".join(p for p in parts if p)
            if not (title or text):
                continue
            out.append((f"## {title}\n\n" if title else "") + text)
    return "\n\n".join(out)
