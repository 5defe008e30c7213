"""The bot's own words in German: replies, what a page does not state, button labels.

Keys and {placeholders} are the same in every language (tests/test_lang.py).
"""

from __future__ import annotations

from lang.base import Replies

REPLIES = Replies(
    phrases={
        "closed": "Diese Stelle ist geschlossen: Bewerbungen sind nicht mehr möglich.",
        "closed_tag": "geschlossen",
        "open": "Diese Stelle ist offen.",
        "open_old": (
            "Die Seite nennt keine Bewerbungsfrist und sagt nicht, dass die Stelle besetzt "
            "ist; sie wurde aber am {date} veröffentlicht, vor über einem Jahr: vielleicht "
            "ist sie nicht mehr offen."
        ),
        "open_until": "Diese Stelle ist offen; Bewerbungsschluss ist {date}.",
        "not_stated": "Die Stellenanzeige enthält keine Angaben {what}.",
        "not_mentioned": "Die Stellenanzeige enthält keine Angaben über {what}.",
        "ask_contact": "Bitte fragen Sie {who}.",
        "ask_contact_none": (
            "Die Seite nennt auch keinen Ansprechpartner; bitte wenden Sie sich an die Gruppe."
        ),
        "ask_group": "Bitte wenden Sie sich an die Gruppe.",
        "which": "Welche Stelle meinen Sie?",
        "more_choices": (
            "… und {n} weitere: nennen Sie ein Wort aus dem Titel oder fragen Sie nach der Liste."
        ),
        "fallback": (
            "Ich beantworte nur Fragen zu unseren Stellen: Voraussetzungen, Gehalt, Kontakt, "
            "Bewerbung, Termine, Dauer, Ort und Status. Versuchen Sie “/vacancies”."
        ),
        "greeting": (
            "Hallo! Ich beantworte Fragen zu unseren Forschungsstellen — Voraussetzungen, Gehalt, "
            "Ansprechpartner und Bewerbung."
        ),
        "example": "Wählen Sie eine Nummer oder fragen Sie z. B. „Was verdient man als Doktorand?“",
        "help": (
            "Fragen Sie in Ihren eigenen Worten, auf Deutsch, Englisch oder Niederländisch, "
            "z. B.:\n"
            "“Welche Voraussetzungen hat die Promotionsstelle in Pathologie?”\n"
            "“Wer ist der Ansprechpartner?” — ich merke mir, um welche Stelle es geht.\n"
            "/vacancies — die offenen Stellen\n"
            "/vacancy <Name> — eine Stelle\n"
            "/requirements, /salary, /contact, /apply [Name] — direkt zur Sache\n"
            "/search <Wörter> — Stellen nach Thema, Person oder Ort finden\n"
            "/subscribe <Wörter> — Nachricht bei einer neuen passenden Stelle"
        ),
        "thanks": "Gern geschehen! Fragen Sie gern weiter zu den Stellen.",
        "no_match": "Keine Stelle passt dazu.",
        "none": "Keine Stelle passt zu {what}.",
        "none_open": "Keine offene Stelle passt zu {what}.",
        "that": "das",
        "exists_yes": "Ja — {n} passend:",
        "count": "{n} passend:",
        "exists_closed": "Nur geschlossene Stellen — {n} passend:",
        "yes_this": "Ja:",
        "only_closed_this": "Derzeit keine offene Stelle — die passende ist geschlossen:",
        "other_kind_this": "Keine passende {kind} — am nächsten kommt: {other}",
        "showing": "{first}–{last} von {total}.",
        "gone": "Diese Stelle ist nicht mehr ausgeschrieben.",
        "search_what": "Sagen Sie, wonach ich suchen soll, z. B. /search Pathologie",
        "unknown_command": "Den Befehl /{name} kenne ich nicht.",
        "twin": "Eine andere Anzeige mit demselben Titel ist {status}.",
        "also_closed": "Eine ähnliche Stelle ist geschlossen: {title}.",
        "source": "Quelle",
        "section": "Abschnitt",
        "page_link": "Stellenanzeige",
        "required": "Erforderlich:",
        "desirable": "Wünschenswert:",
        "send_to": "Bewerbung an",
        "apply_via": "Bewerbung über",
        "documents": "Unterlagen",
        "subject_line": "Betreff",
        "reference": "Kennziffer",
        "size_limit": "Umfang/Format",
        "deadline": "Bewerbungsschluss",
        "start": "Beginn",
        "end": "Ende",
        "published": "Veröffentlicht",
        "duration": "Dauer",
        "location": "Ort",
        "institution": "Einrichtung",
        "positions": "Stellen",
        "supervisor": "Kontakt",
        "part_time": "Teilzeit",
        "deadline_passed": "Die Bewerbungsfrist ({date}) ist abgelaufen.",
        "not_found": "Ich habe keine Stelle zu {words} gefunden.",
        "not_found_no": "Nein — ich habe keine Stelle zu {words} gefunden.",
        "closest": "Am nächsten kommen:",
        "see_all": "Alle Stellen: /vacancies",
        "none_open_closed": "Derzeit keine offene Stelle ({what}); geschlossen ({n}):",
        "or": "oder",
        "review": "Sichtung der Bewerbungen ab",
        "interview": "Vorstellungsgespräche",
    },
    what={
        "salary": "zum Gehalt",
        "requirements": "zu konkreten Voraussetzungen",
        "contact": "zu einem Ansprechpartner",
        "apply": "zum Bewerbungsverfahren",
        "deadline": "zu einer Bewerbungsfrist",
        "start": "zum Starttermin",
        "duration": "zur Vertragsdauer",
        "location": "zum Arbeitsort",
    },
    labels={
        "requirements": "Voraussetzungen",
        "salary": "Gehalt",
        "contact": "Kontakt",
        "apply": "Bewerben",
        "page": "Seite",
        "more": "Mehr",
        "subscribe": "Benachrichtigen",
    },
)
