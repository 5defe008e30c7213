"""The bot's own words, in the user's language (English, Dutch, German).

Page text is never translated: vacancies are quoted in the language they were written in.
Only the framing — "not stated", "closed", labels — follows the user.
"""

from __future__ import annotations

import re

_NL = frozenset("""wat hoe wie waar wanneer welke is de het een ik je jij mijn bij voor van
    met en zijn heb kan kun graag vacature vacatures salaris verdien verdienen solliciteren
    eisen promotieplaats nog bedankt hallo goedemorgen dag moet mag""".split())
_DE = frozenset("""was wie wer wo wann welche ist der die das ein eine ich du mein bei für
    mit und sind habe kann gibt es stelle stellen gehalt bewerben bewerbung voraussetzungen
    ansprechpartner noch danke hallo guten tag muss darf""".split())
_EN = frozenset("""what how who where when which is the a an i you my at for of with and
    are have can could there position vacancy salary apply requirements contact please
    thanks hello hi does do""".split())


def language_of(text: str) -> str:
    """'en', 'nl' or 'de' by function words; English when unsure."""
    toks = re.findall(r"[a-zäöüß]+", text.lower())[:60]
    nl = sum(t in _NL for t in toks)
    de = sum(t in _DE for t in toks)
    en = sum(t in _EN for t in toks)
    if nl > en and nl > de:
        return "nl"
    if de > en and de > nl:
        return "de"
    return "en"


_P: dict[str, dict[str, str]] = {
    "closed": {
        "en": "This vacancy is closed: it no longer accepts applications.",
        "nl": "Deze vacature is gesloten: er kan niet meer worden gesolliciteerd.",
        "de": "Diese Stelle ist geschlossen: Bewerbungen sind nicht mehr möglich.",
    },
    "open": {
        "en": "This vacancy is open.",
        "nl": "Deze vacature is open.",
        "de": "Diese Stelle ist offen.",
    },
    "not_stated": {
        "en": "The page does not state {what}.",
        "nl": "De vacaturepagina vermeldt geen {what}.",
        "de": "Die Stellenanzeige nennt {what}.",
    },
    "ask_contact": {
        "en": "Please ask {who}.",
        "nl": "Vraag het aan {who}.",
        "de": "Bitte fragen Sie {who}.",
    },
    "ask_contact_none": {
        "en": "The page names no contact person either; please ask the group directly.",
        "nl": "De pagina noemt ook geen contactpersoon; neem contact op met de groep.",
        "de": "Die Seite nennt auch keinen Ansprechpartner; bitte wenden Sie sich an die Gruppe.",
    },
    "which": {
        "en": "Which vacancy do you mean?",
        "nl": "Welke vacature bedoel je?",
        "de": "Welche Stelle meinen Sie?",
    },
    "fallback": {
        "en": "I can only answer questions about our vacancies: requirements, salary, contact, "
              "how to apply, dates, duration, location and status. Try “/vacancies” or ask "
              "e.g. “What is the salary for the PANCAIM PhD?”",
        "nl": "Ik beantwoord alleen vragen over onze vacatures: eisen, salaris, contact, "
              "solliciteren, data, duur, locatie en status. Probeer “/vacancies”.",
        "de": "Ich beantworte nur Fragen zu unseren Stellen: Voraussetzungen, Gehalt, Kontakt, "
              "Bewerbung, Termine, Dauer, Ort und Status. Versuchen Sie “/vacancies”.",
    },
    "greeting": {
        "en": "Hello! I answer questions about our research vacancies — what they require, "
              "what they pay, whom to contact and how to apply.",
        "nl": "Hallo! Ik beantwoord vragen over onze onderzoeksvacatures — eisen, salaris, "
              "contactpersoon en hoe je solliciteert.",
        "de": "Hallo! Ich beantworte Fragen zu unseren Forschungsstellen — Voraussetzungen, "
              "Gehalt, Ansprechpartner und Bewerbung.",
    },
    "thanks": {
        "en": "You're welcome! Ask me anything else about the vacancies.",
        "nl": "Graag gedaan! Vraag gerust meer over de vacatures.",
        "de": "Gern geschehen! Fragen Sie gern weiter zu den Stellen.",
    },
    "no_match": {
        "en": "No vacancy matches that.",
        "nl": "Geen vacature past daarbij.",
        "de": "Keine Stelle passt dazu.",
    },
}

WHAT: dict[str, dict[str, str]] = {
    "salary": {"en": "a salary amount", "nl": "salarisbedrag", "de": "keinen Gehaltsbetrag"},
    "requirements": {"en": "specific requirements", "nl": "specifieke eisen",
                     "de": "keine konkreten Voraussetzungen"},
    "contact": {"en": "a contact person", "nl": "contactpersoon", "de": "keinen Ansprechpartner"},
    "apply": {"en": "how to apply", "nl": "sollicitatieprocedure",
              "de": "kein Bewerbungsverfahren"},
    "deadline": {"en": "an application deadline", "nl": "sluitingsdatum",
                 "de": "keine Bewerbungsfrist"},
    "start": {"en": "a start date", "nl": "startdatum", "de": "keinen Starttermin"},
    "duration": {"en": "the contract duration", "nl": "duur van het contract",
                 "de": "keine Vertragsdauer"},
    "location": {"en": "the location", "nl": "locatie", "de": "keinen Arbeitsort"},
}


def phrase(key: str, lang: str, **kw: str) -> str:
    table = _P[key]
    return table.get(lang, table["en"]).format(**kw)


def what(key: str, lang: str) -> str:
    table = WHAT[key]
    return table.get(lang, table["en"])


LABELS: dict[str, dict[str, str]] = {
    "requirements": {"en": "Requirements", "nl": "Eisen", "de": "Voraussetzungen"},
    "salary": {"en": "Salary", "nl": "Salaris", "de": "Gehalt"},
    "contact": {"en": "Contact", "nl": "Contact", "de": "Kontakt"},
    "apply": {"en": "How to apply", "nl": "Solliciteren", "de": "Bewerben"},
    "page": {"en": "Page", "nl": "Pagina", "de": "Seite"},
    "more": {"en": "More", "nl": "Meer", "de": "Mehr"},
    "subscribe": {"en": "Tell me when one appears", "nl": "Laat het me weten",
                  "de": "Benachrichtigen"},
}


def label(key: str, lang: str) -> str:
    return LABELS[key].get(lang, LABELS[key]["en"])
