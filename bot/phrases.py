"""The bot's own words, in the user's language (English, Dutch, German).

Page text is never translated: vacancies are quoted in the language they were written in.
Only the framing — "not stated", "closed", labels — follows the user.
"""

from __future__ import annotations

from knowledge.textnorm import language_of

__all__ = ["label", "language_of", "phrase", "what"]


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
