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
    "closed_tag": {"en": "closed", "nl": "gesloten", "de": "geschlossen"},
    "open": {
        "en": "This vacancy is open.",
        "nl": "Deze vacature is open.",
        "de": "Diese Stelle ist offen.",
    },
    "open_until": {
        "en": "This vacancy is open; the deadline is {date}.",
        "nl": "Deze vacature is open; de sluitingsdatum is {date}.",
        "de": "Diese Stelle ist offen; Bewerbungsschluss ist {date}.",
    },
    "not_stated": {
        "en": "The page does not state {what}.",
        "nl": "De vacaturepagina vermeldt geen {what}.",
        "de": "Die Stellenanzeige nennt {what}.",
    },
    "not_mentioned": {
        "en": "The page does not mention {what}.",
        "nl": "De vacaturepagina zegt niets over {what}.",
        "de": "Die Stellenanzeige sagt nichts über {what}.",
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
    "more_choices": {
        "en": "… and {n} more: tell me a word from the title, or ask for the list.",
        "nl": "… en nog {n}: noem een woord uit de titel, of vraag om de lijst.",
        "de": "… und {n} weitere: nennen Sie ein Wort aus dem Titel oder fragen Sie nach "
              "der Liste.",
    },
    "fallback": {
        "en": "I can only answer questions about our vacancies: requirements, salary, contact, "
              "how to apply, dates, duration, location and status. Try “/vacancies” or ask "
              "e.g. “What is the salary for the PhD position?”",
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
    "example": {
        "en": "Pick one by its number, or ask e.g. “What does the PhD pay?”",
        "nl": "Kies er een met het nummer, of vraag bijv. “Wat verdien je bij de promotieplek?”",
        "de": "Wählen Sie eine Nummer oder fragen Sie z. B. „Was verdient man als Doktorand?“",
    },
    "help": {
        "en": "Ask me in your own words, in English, Dutch or German, for example:\n"
              "“What are the requirements for the PhD on pathology?”\n"
              "“How much does the Bonn position pay?”\n"
              "“Who is the contact person?” — I remember which vacancy we are talking about.\n"
              "/vacancies — the open vacancies\n/vacancy <name> — one vacancy\n"
              "/requirements, /salary, /contact, /apply [name] — straight to the point\n"
              "/search <words> — find vacancies by topic, person or place\n"
              "/subscribe <words> — be told when a matching vacancy appears",
        "nl": "Vraag het in je eigen woorden, in het Nederlands, Engels of Duits, bijvoorbeeld:\n"
              "“Wat zijn de eisen voor de promotieplek over pathologie?”\n"
              "“Wie is de contactpersoon?” — ik onthoud over welke vacature we het hebben.\n"
              "/vacancies — de open vacatures\n/vacancy <naam> — één vacature\n"
              "/requirements, /salary, /contact, /apply [naam] — direct ter zake\n"
              "/search <woorden> — zoek op onderwerp, persoon of plaats\n"
              "/subscribe <woorden> — bericht bij een nieuwe passende vacature",
        "de": "Fragen Sie in Ihren eigenen Worten, auf Deutsch, Englisch oder Niederländisch, "
              "z. B.:\n“Welche Voraussetzungen hat die Promotionsstelle in Pathologie?”\n"
              "“Wer ist der Ansprechpartner?” — ich merke mir, um welche Stelle es geht.\n"
              "/vacancies — die offenen Stellen\n/vacancy <Name> — eine Stelle\n"
              "/requirements, /salary, /contact, /apply [Name] — direkt zur Sache\n"
              "/search <Wörter> — Stellen nach Thema, Person oder Ort finden\n"
              "/subscribe <Wörter> — Nachricht bei einer neuen passenden Stelle",
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
    "none": {
        "en": "No vacancy matches {what}.",
        "nl": "Geen vacature past bij {what}.",
        "de": "Keine Stelle passt zu {what}.",
    },
    "none_open": {
        "en": "No open vacancy matches {what}.",
        "nl": "Geen open vacature past bij {what}.",
        "de": "Keine offene Stelle passt zu {what}.",
    },
    "that": {"en": "that", "nl": "dat", "de": "das"},
    "not_found": {
        "en": "I found no vacancy about {words}.",
        "nl": "Ik vond geen vacature over {words}.",
        "de": "Ich habe keine Stelle zu {words} gefunden.",
    },
    "closest": {
        "en": "The closest:",
        "nl": "Het dichtstbij:",
        "de": "Am nächsten kommen:",
    },
    "see_all": {
        "en": "All vacancies: /vacancies",
        "nl": "Alle vacatures: /vacancies",
        "de": "Alle Stellen: /vacancies",
    },
    "none_open_closed": {
        "en": "No open {what} vacancy at the moment; closed ({n}):",
        "nl": "Op dit moment geen open {what}; gesloten ({n}):",
        "de": "Derzeit keine offene Stelle ({what}); geschlossen ({n}):",
    },
    "or": {"en": "or", "nl": "of", "de": "oder"},
    "no": {"en": "No — ", "nl": "Nee — ", "de": "Nein — "},
    "exists_yes": {
        "en": "Yes — {n} matching:",
        "nl": "Ja — {n} passend:",
        "de": "Ja — {n} passend:",
    },
    "exists_closed": {
        "en": "Only closed ones — {n} matching:",
        "nl": "Alleen gesloten vacatures — {n} passend:",
        "de": "Nur geschlossene Stellen — {n} passend:",
    },
    "yes_this": {"en": "Yes:", "nl": "Ja:", "de": "Ja:"},
    "only_closed_this": {
        "en": "Not at the moment — the matching vacancy is closed:",
        "nl": "Op dit moment niet — de passende vacature is gesloten:",
        "de": "Derzeit nicht — die passende Stelle ist geschlossen:",
    },
    "other_kind_this": {
        "en": "No {kind} vacancy matches — the closest is a {other}:",
        "nl": "Geen {kind} gevonden — het dichtstbij komt een {other}:",
        "de": "Keine passende {kind} — am nächsten kommt: {other}",
    },
    "showing": {
        "en": "Showing {first}–{last} of {total}.",
        "nl": "{first}–{last} van {total}.",
        "de": "{first}–{last} von {total}.",
    },
    "gone": {
        "en": "That vacancy is no longer listed.",
        "nl": "Die vacature staat er niet meer.",
        "de": "Diese Stelle ist nicht mehr ausgeschrieben.",
    },
    "search_what": {
        "en": "Tell me what to search for, e.g. /search pathology",
        "nl": "Zeg waarop ik moet zoeken, bijv. /search pathologie",
        "de": "Sagen Sie, wonach ich suchen soll, z. B. /search Pathologie",
    },
    "unknown_command": {
        "en": "I don't know the command /{name}.",
        "nl": "Het commando /{name} ken ik niet.",
        "de": "Den Befehl /{name} kenne ich nicht.",
    },
    "twin": {
        "en": "Another posting with the same title is {status}.",
        "nl": "Een andere vacature met dezelfde titel is {status}.",
        "de": "Eine andere Anzeige mit demselben Titel ist {status}.",
    },
    "also_closed": {
        "en": "A similar vacancy is closed: {title}.",
        "nl": "Een vergelijkbare vacature is gesloten: {title}.",
        "de": "Eine ähnliche Stelle ist geschlossen: {title}.",
    },
    "source": {"en": "Source", "nl": "Bron", "de": "Quelle"},
    "section": {"en": "section", "nl": "sectie", "de": "Abschnitt"},
    "page_link": {"en": "vacancy page", "nl": "vacaturepagina", "de": "Stellenanzeige"},
    "required": {"en": "Required:", "nl": "Vereist:", "de": "Erforderlich:"},
    "desirable": {"en": "Nice to have:", "nl": "Pré:", "de": "Wünschenswert:"},
    "send_to": {"en": "Send your application to", "nl": "Stuur je sollicitatie naar",
                "de": "Bewerbung an"},
    "apply_via": {"en": "Apply via", "nl": "Solliciteer via", "de": "Bewerbung über"},
    "documents": {"en": "Documents", "nl": "Documenten", "de": "Unterlagen"},
    "subject_line": {"en": "E-mail subject", "nl": "Onderwerpregel", "de": "Betreff"},
    "reference": {"en": "Reference", "nl": "Referentie", "de": "Kennziffer"},
    "size_limit": {"en": "Size or format", "nl": "Omvang of formaat", "de": "Umfang/Format"},
    "deadline": {"en": "Deadline", "nl": "Sluitingsdatum", "de": "Bewerbungsschluss"},
    "start": {"en": "Start", "nl": "Start", "de": "Beginn"},
    "review": {"en": "Applications reviewed from", "nl": "Beoordeling vanaf",
               "de": "Sichtung der Bewerbungen ab"},
    "interview": {"en": "Interviews", "nl": "Gesprekken", "de": "Vorstellungsgespräche"},
    "end": {"en": "End", "nl": "Einde", "de": "Ende"},
    "published": {"en": "Published", "nl": "Gepubliceerd", "de": "Veröffentlicht"},
    "duration": {"en": "Duration", "nl": "Duur", "de": "Dauer"},
    "location": {"en": "Location", "nl": "Locatie", "de": "Ort"},
    "institution": {"en": "Institution", "nl": "Instelling", "de": "Einrichtung"},
    "positions": {"en": "Positions", "nl": "Plekken", "de": "Stellen"},
    "supervisor": {"en": "Contact", "nl": "Contact", "de": "Kontakt"},
    "part_time": {"en": "part-time", "nl": "deeltijd", "de": "Teilzeit"},
    "deadline_passed": {
        "en": "The deadline ({date}) has passed.",
        "nl": "De sluitingsdatum ({date}) is verstreken.",
        "de": "Die Bewerbungsfrist ({date}) ist abgelaufen.",
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
